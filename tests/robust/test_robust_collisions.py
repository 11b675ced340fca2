"""Issue 10.7: two outputs at one path are an error naming both, before anything
is written (the old site stays); ``check`` reports the same.

Before: ``slug: trang-2`` in a section with 25 articles was silently replaced
by page 2 of the section's list (the home page linked to it).
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pytest

from generator.cli import main
from generator.collisions import Origin, collisions
from tests.conftest import THEME, article, make_site


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def many(section: str, count: int) -> dict[str, str]:
    return {f"{section}/2023/bai-{n}.md": article(title=f"Bài số {n}", date=f"2023-03-{n % 28 + 1:02d} 08:00:00")
            for n in range(count)}


def run(content: Path, out: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--content", str(content), "--theme", str(THEME), "--output", str(out), "-q"])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("slug", ["trang-2", "Trang-2"])
def test_an_article_at_a_list_pages_address_is_an_error_naming_both(tmp_path, capsys, slug):
    content = make_site(tmp_path, many("tin-tuc", 25))
    out = tmp_path / "public"
    assert run(content, out, capsys)[0] == 0
    before = digest(out)
    (content / "tin-tuc" / "2023" / "trung.md").write_text(
        article(title="Bài trùng địa chỉ", slug="trang-2"), encoding="utf-8")
    code, err = run(content, out, capsys)
    assert code == 1 and "Traceback" not in err, err
    line = next(line for line in err.splitlines() if "trung.md" in line)
    assert line.startswith("content/tin-tuc/2023/trung.md:4: ")  # the slug line
    assert "tin-tuc/trang-2/index.html" in line and "/tin-tuc/trang-2/ do bantin tạo" in line
    assert digest(out) == before  # nothing half-written

    capsys.readouterr()
    assert main(["check", "--content", str(content), "--theme", str(THEME)]) == 1
    assert "content/tin-tuc/2023/trung.md:4: " in capsys.readouterr().out


def test_two_media_files_differing_only_in_case_are_an_error(tmp_path, capsys):
    content = make_site(tmp_path, {"tin-tuc/a.md": article(), "media/Bao-cao.pdf": b"%PDF-1.4 a",
                                   "media/bao-cao.pdf": b"%PDF-1.4 b"})
    code, err = run(content, tmp_path / "public", capsys)
    assert code == 1, err
    assert "content/media/Bao-cao.pdf" in err and "content/media/bao-cao.pdf" in err
    assert not (tmp_path / "public").exists()


def test_names_differing_only_in_unicode_form_are_an_error(tmp_path, capsys):
    nfc, nfd = "media/Ảnh.pdf", unicodedata.normalize("NFD", "media/Ảnh.pdf")
    content = make_site(tmp_path, {"tin-tuc/a.md": article(), nfc: b"%PDF a", nfd: b"%PDF b"})
    code, err = run(content, tmp_path / "public", capsys)
    assert code == 1 and "cùng ghi vào tệp" in err, err


def test_the_rule_also_sees_a_file_where_a_folder_is_needed():
    found = collisions([("tin-tuc/x", Origin("tệp A", "content/a", None, True)),
                        ("tin-tuc/x/index.html", Origin("bài B", "content/b.md", 3, True)),
                        ("feed.xml", Origin("bản tin")), ("FEED.xml", Origin("tệp C", "content/c", None, True))],
                       "content")
    assert len(found) == 2
    assert {d.path for d in found} == {"content/b.md", "content/c"} or {d.path for d in found} >= {"content/c"}
    assert all("cùng ghi vào tệp" in d.message for d in found)


def test_distinct_outputs_pass():
    assert collisions([("a/index.html", Origin("x")), ("a/b/index.html", Origin("y")),
                       ("media/a.jpg", Origin("z"))], "content") == []
