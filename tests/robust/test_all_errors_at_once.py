"""Every error at once, really: one run reports an error of each kind, whatever else failed.

A site holds one mistake of every kind an editor (or a theme change) can make:
a Windows-1258 file, a YAML syntax error, a key written twice, a wrong field, a
cover image that is not there, two articles at one address, a control character,
a broken site.yml value, a tthc.yml row that cannot be true and a template
syntax error. Build and ``check`` must each name every one in the same run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_SITE_YML, MINIMAL_TTHC_YML, THEME, article, make_site, run_build

FILES = {
    "tin-tuc/ma-cu.md": (Path(__file__).parent / "corpus" / "windows-1258.md").read_bytes(),
    "tin-tuc/loi-yaml.md": "---\ntitle: Thông báo: lịch họp\ndate: 2023-03-01\n---\n\nNội dung.\n",
    "tin-tuc/khoa-hai-lan.md": "---\ntitle: Bài nháp\ndraft: true\ndate: 2023-03-01\ndraft: false\n---\n\nX.\n",
    "tin-tuc/ngay-sai.md": article(title="Ngày sai", date="31/02/2023"),
    "tin-tuc/thieu-anh.md": article(title="Thiếu ảnh", image="media/khong-co.jpg"),
    "tin-tuc/trung-1.md": article(title="Cùng một địa chỉ"),
    "tin-tuc/2024/trung-2.md": article(title="Cùng một địa chỉ", date="2024-01-01"),
    "tin-tuc/dieu-khien.md": article(title="Ký tự lạ", body="Dòng một.\n\nDán từ PDF\x01 đây."),
}
SITE_YML = MINIMAL_SITE_YML.replace('phone: "0220 3000 000"', "phone: 02203000000") + \
    'menu:\n  - {title: Bấm, url: "java\\tscript:alert(1)"}\nembed_hosts: ["*"]\nbase_url: https://x.vn/?a=1\n'

TTHC_YML = MINIMAL_TTHC_YML + "  - {month: 2023-12, on_time: 1, late: 0}\n"

#: (file, line, words of the message) expected in every run
EXPECTED = [
    ("content/tin-tuc/ma-cu.md", 2, "Windows-1258"),
    ("content/tin-tuc/loi-yaml.md", 2, "dấu hai chấm"),
    ("content/tin-tuc/khoa-hai-lan.md", 5, "dòng 3 và dòng 5"),
    ("content/tin-tuc/ngay-sai.md", 3, "31/02/2023"),
    ("content/tin-tuc/thieu-anh.md", 4, "không tìm thấy tệp"),
    ("content/tin-tuc/", None, "cùng địa chỉ"),  # one error, on one of the two, naming the other
    ("content/tin-tuc/dieu-khien.md", 8, "U+0001"),
    ("content/site.yml", 6, "phone"),
    ("content/site.yml", 9, "java\\tscript"),
    ("content/site.yml", 10, '"*"'),
    ("content/site.yml", 11, "base_url"),
    ("content/tthc.yml", 5, "hai lần"),
    ("themes/default/templates/tags.html", None, "giao diện"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("all-errors")
    content = make_site(root, FILES, site_yml=SITE_YML, tthc_yml=TTHC_YML)
    theme = root / "themes" / "default"
    shutil.copytree(THEME, theme)
    with (theme / "templates" / "tags.html").open("a", encoding="utf-8") as handle:
        handle.write("\n{% if %}\n")
    return root, content, theme


def _assert_every_error(output: str) -> None:
    lines = output.splitlines()
    for path, line, words in EXPECTED:
        where = path if line is None else f"{path}:{line}:"
        hits = [text for text in lines if text.startswith(where) and words in text]
        if line is None:
            hits = [text for text in lines if text.startswith(path) and words in text]
        assert hits, f"missing {where} … {words}\n--- got:\n{output}"
    twins = [text for text in lines if "cùng địa chỉ" in text]
    assert len(twins) == 1 and "trung-1.md" in twins[0] and "trung-2.md" in twins[0], output


def test_build_reports_an_error_of_every_kind_in_one_run(site):
    root, content, theme = site
    result = run_build("--content", "content", "--theme", "themes/default", "--output", "public", cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    _assert_every_error(result.stderr)
    assert not (root / "public").exists()


def test_check_reports_the_same_errors_in_one_run(site):
    root, content, theme = site
    result = run_build("check", "--content", "content", "--theme", "themes/default", cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    _assert_every_error(result.stdout)
