"""Issue 10.16: a saved page nested thousands of elements deep is one failed
page with a Vietnamese reason; the other pages import and the summary prints.

Before: ``RecursionError`` stopped a folder import halfway, without a summary.
Corpus: corpus/import/long-sau-*.html (2,000 nested <div>, unclosed
<div><span> pairs, 800 nested tables, 3,000 nested <b><i> in a paragraph).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.importer.html import MAX_DEPTH

pytest.importorskip("bs4")

CORPUS = Path(__file__).parent / "corpus" / "import"
DEEP = sorted(p.name for p in CORPUS.glob("long-sau-*.html"))
GOOD = ("Họp dân thôn Đông bàn kế hoạch làm đường\n23/02/2022 08:40\n\n"
        "Sáng nay thôn Đông họp dân bàn kế hoạch làm đường bê tông liên thôn.\n")


def test_deep_pages_fail_one_by_one_and_the_others_import(tmp_path, capsys):
    src = tmp_path / "cu"
    src.mkdir()
    for name in DEEP:
        shutil.copy(CORPUS / name, src)
    (src / "zz-bai-tot.txt").write_text(GOOD, encoding="utf-8")  # sorted after the deep pages
    (src / "a-bai-tot.txt").write_text(GOOD.replace("Đông", "Tây"), encoding="utf-8")
    content = tmp_path / "content"
    code = main(["import", str(src), "--to", str(content / "tin-tuc")])
    out = capsys.readouterr().out
    assert code == 1 and "Traceback" not in out
    for name in DEEP:
        line = next(line for line in out.splitlines() if name in line)
        assert "lồng quá sâu" in line and ".txt" in line, line  # the reason and the way out
    assert len(list(content.rglob("*.md"))) == 2
    assert "Tổng kết: đã nhập 2 trang" in out
    assert f"Bỏ qua {len(DEEP)} trang vì lỗi" in out


def test_a_page_just_within_the_limit_imports(tmp_path, capsys):
    page = (CORPUS / "long-sau-2000-div.html").read_text(encoding="utf-8")
    inner = MAX_DEPTH - 10  # body, html and the article's own elements add a few levels
    page = page.replace("<div>" * 2000, "<div>" * inner).replace("</div>" * 2000, "</div>" * inner)
    src = tmp_path / "cu"
    src.mkdir()
    (src / "vua-du.html").write_text(page, encoding="utf-8")
    code = main(["import", str(src), "--to", str(tmp_path / "content" / "tin-tuc")])
    out = capsys.readouterr().out
    assert code == 0, out
    (written,) = (tmp_path / "content").rglob("*.md")
    assert "Hội nghị triển khai nhiệm vụ năm 2024" in written.read_text(encoding="utf-8")
