"""Bad input: every file of the corpus ends in a clear message, exit code 1, no
traceback, and the previous output untouched.

Each case first builds a good site, then adds one file from ``corpus/`` and
builds again through the real command line (``cli.main``). The message is
checked against the catalogue entry it must come from, with the file and line
an editor needs to find the problem.
"""

from __future__ import annotations

import hashlib
import re
import string
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.messages import MESSAGES
from tests.conftest import MINIMAL_SITE_YML, MINIMAL_TTHC_YML, THEME, article, make_site, run_build

CORPUS = Path(__file__).parent / "corpus"
GOOD = {"tin-tuc/2023/bai-tot.md": article(title="Bài viết tốt", body="Nội dung bài tốt.")}

#: corpus file -> (code of the expected message, line or None, a detail the message must name)
BAD = {
    "rong.md": ("empty_file", None, ""),
    "chi-phan-dau.md": ("empty_article", 5, ""),
    "chi-co-chu-thich.md": ("empty_article", 6, ""),  # only the comment `new` writes
    "nhap-viet-hoa.md": ("field_case", 4, '"Draft"'),  # never published as if no draft line
    "thieu-dong-dong.md": ("unclosed_front_matter", 1, ""),
    "khong-phai-nhom-truong.md": ("yaml_not_mapping", 2, "danh sách"),
    "tieu-de-danh-sach.md": ("field_type", 2, '"title"'),
    "ngay-la-so.md": ("field_type", 3, '"date"'),
    "the-la-chuoi.md": ("field_type", 4, '"tags"'),
    "nhap-co.md": ("bad_draft", 4, '"có"'),
    "ngay-31-02.md": ("bad_date", 3, "31/02/2023"),
    "thang-13.md": ("bad_date", 3, "2023-13-01"),
    "windows-1258.md": ("not_utf8", 2, "Windows-1258"),
    "utf8-hong.md": ("not_utf8", 6, ""),
    "utf16.md": ("not_utf8", 1, "UTF-16"),
    "bom-bi-danh.md": ("yaml_alias", 4, ""),
    "anh-doi-ten.md": ("binary", None, ""),
    "nul-cuoi-tep.md": ("binary", None, ""),
    "slug-thoat-ra.md": ("bad_slug", 4, "../../etc/passwd"),
    "anh-ra-ngoai.md": ("bad_path", 4, "../../../etc/passwd"),
    "anh-o-dia-c.md": ("bad_path", 4, "C:"),
    "anh-tuyet-doi.md": ("field_type", 4, "không tìm thấy tệp"),
    "long-qua-sau.md": ("yaml_syntax", 4, "lồng nhau quá sâu"),
    "nhap-hai-lan.md": ("yaml_duplicate_key", 5, "dòng 3 và dòng 5"),
    "tieu-de-hai-lan.md": ("yaml_duplicate_key", 3, '"title"'),
    "hai-cham-khong-ngoac.md": ("yaml_syntax", 2, 'title: "Thông báo: lịch tiếp công dân tháng 3"'),
    "ngoac-kep-chua-dong.md": ("yaml_syntax", 2, "mở ở dòng 2"),
    "ngoac-mo-dong-sau-co-ngoac.md": ("yaml_syntax", 2, "mở ở dòng 2"),  # closed by the next line's quote
    "ngoac-vuong-chua-dong.md": ("yaml_syntax", 4, "mở ở dòng 4"),
    "tac-gia-a-con.md": ("yaml_syntax", 4, 'author: "@maichi"'),
    "thut-le-sai.md": ("yaml_syntax", 3, "xoá dấu cách ở đầu dòng"),
    "gach-dau-dong-thieu-cach.md": ("yaml_syntax", 5, "dấu cách"),
    "site-ten-hai-lan.yml": ("yaml_duplicate_key", 4, '"name"'),
    "tthc-khoa-hai-lan.yml": ("yaml_duplicate_key", 6, '"on_time"'),
    "ky-tu-dieu-khien.md": ("control_chars", 4, "U+0001"),
    "than-bai-ky-tu-dieu-khien.md": ("control_chars", 8, "U+0001, U+001B, U+007F"),
    "dau-tab.md": ("yaml_syntax", 4, "Tab"),
    "site-thieu-masthead.yml": ("site_field", None, '"masthead"'),
    "site-menu-javascript.yml": ("site_field", 6, "javascript:alert(document.cookie)"),
    "site-menu-java-tab.yml": ("site_field", 6, "java\\tscript:alert(1)"),
    "site-lien-ket-data.yml": ("site_field", 5, "không được phép"),
    "site-nhung-csp.yml": ("site_field", 6, "không phải một tên miền"),
    "site-nhung-sao.yml": ("site_field", 4, '"*"'),
    "site-base-url-hoi.yml": ("site_field", 4, "viết base_url: https://thunghiem.example.vn/"),
    "site-menu-htps.yml": ("site_field", 5, "https://haiduong.gov.vn"),
    "tthc-thang-trung.yml": ("tthc_duplicate", 5, "1/2023"),
    "tthc-tuong-lai.yml": ("tthc_future", 4, "5/2099"),
    "tthc-so-am.yml": ("tthc_row", 4, "-3"),
    "tthc-vuot-tiep-nhan.yml": ("tthc_over_received", 4, "750"),
    "tthc-so-qua-lon.yml": ("tthc_too_large", 3, "100.000"),
    "tthc-sai-ten-truong.yml": ("tthc_unknown_count", 4, '"received"'),
    "tthc-xu-ly-khong-khop.yml": ("tthc_processed_mismatch", 3, "290"),
}


def digest(folder: Path) -> dict[str, str]:
    """Every file under *folder* (hidden ones too) -> sha256 of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def place(name: str) -> tuple[str, dict, str, str]:
    """Where a corpus file goes: (shown path, article files, site.yml, tthc.yml)."""
    data = (CORPUS / name).read_bytes()
    if name.startswith("site-"):
        return "content/site.yml", {}, data.decode(), MINIMAL_TTHC_YML
    if name.startswith("tthc-"):
        return "content/tthc.yml", {}, MINIMAL_SITE_YML, data.decode()
    return f"content/tin-tuc/{name}", {f"tin-tuc/{name}": data}, MINIMAL_SITE_YML, MINIMAL_TTHC_YML


def message_pattern(code: str) -> re.Pattern:
    """A regex for the catalogue entry *code*, its placeholders matching anything."""
    parts = []
    for literal, field, _, _ in string.Formatter().parse(MESSAGES[code]):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(".+?")
    return re.compile("".join(parts) + "$")


def build(content: Path, out: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()  # print_diagnostics looks sys.stderr up at call time
    code = main(["--content", str(content), "--theme", str(THEME), "--output", str(out), "-q"])
    captured = capsys.readouterr()
    return code, captured.err


def test_the_corpus_table_covers_every_file():
    on_disk = {p.name for p in CORPUS.iterdir() if p.is_file()} - {"README.md", "bom-crlf.md"}
    assert on_disk == set(BAD)


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_refused_clearly_and_nothing_is_published(name, tmp_path, capsys):
    shown, files, site_yml, tthc_yml = place(name)
    content = make_site(tmp_path, GOOD)
    out = tmp_path / "public"
    assert build(content, out, capsys)[0] == 0
    before = digest(out)
    assert before, "the good build wrote nothing"

    make_site(tmp_path, files, site_yml=site_yml, tthc_yml=tthc_yml)
    code, err = build(content, out, capsys)

    expected_code, line, detail = BAD[name]
    assert code == 1, err
    assert "Traceback" not in err
    first = err.splitlines()[0]
    where = shown if line is None else f"{shown}:{line}"
    assert first.startswith(where + ": "), first
    message = first[len(where) + 2:]
    assert message_pattern(expected_code).match(message), message
    assert detail in message
    assert "Không tạo trang" in err and "giữ nguyên" in err
    assert digest(out) == before


def test_bom_and_crlf_simply_work(tmp_path, capsys):
    content = make_site(tmp_path, {"tin-tuc/bom-crlf.md": (CORPUS / "bom-crlf.md").read_bytes()})
    out = tmp_path / "public"
    code, err = build(content, out, capsys)
    assert code == 0, err
    page = (out / "tin-tuc" / "hop-dan-thon-dong" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Họp dân thôn Đông</h1>" in page or ">Họp dân thôn Đông<" in page
    assert "\ufeff" not in page and "\r" not in page
    assert "Nội dung có BOM và CRLF." in page


def test_the_whole_corpus_at_once_lists_every_error(tmp_path):
    """One build, every bad article together: all reported, nothing else printed."""
    files = {f"tin-tuc/{n}": (CORPUS / n).read_bytes() for n in BAD if n.endswith(".md")}
    content = make_site(tmp_path, {**GOOD, **files})
    result = run_build("--content", str(content), "--theme", str(THEME), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    reported = {line.split(":")[0] for line in result.stderr.splitlines() if line.startswith("content/")}
    assert reported == {f"content/{rel}" for rel in files}
    assert not (tmp_path / "out").exists()


def _error_lines(text: str) -> set[str]:
    """The error lines a command printed (file:line: message), warnings left out."""
    return {line for line in text.splitlines()
            if line.startswith(("content/", "themes/")) and ": cảnh báo: " not in line}


@pytest.mark.parametrize("name", sorted(BAD))
def test_build_and_check_report_the_same_errors(name, tmp_path, capsys):
    """One implementation per rule: the build and ``check`` refuse each corpus file with
    exactly the same errors (check may add warnings, never another error or a lost one)."""
    shown, files, site_yml, tthc_yml = place(name)
    content = make_site(tmp_path, {**GOOD, **files}, site_yml=site_yml, tthc_yml=tthc_yml)
    code, err = build(content, tmp_path / "public", capsys)
    assert code == 1
    build_errors = _error_lines(err)
    assert any(line.startswith(shown) for line in build_errors), err
    capsys.readouterr()
    code = main(["check", "--content", str(content), "--theme", str(THEME)])
    out = capsys.readouterr().out
    assert code == 1
    assert _error_lines(out) == build_errors
