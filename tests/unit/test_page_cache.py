"""The caches in front of parsing and rendering must never change a byte of output."""

import hashlib
import shutil
from pathlib import Path

from generator.pipeline import BuildOptions, build
from tests.conftest import NOW, THEME, article, make_site


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def options(content: Path, out: Path, theme: Path = THEME, cached: bool = True) -> BuildOptions:
    return BuildOptions(content=content, theme=theme, output=out, now=NOW, base_url="https://xa.example.vn/",
                        cache=out.parent / f".{out.name}.cache" if cached else None)


def site_files(count: int = 12) -> dict[str, str]:
    files = {f"tin-tuc/bai-{i:02d}.md": article(f"Bài {i:02d}", f"2023-{i // 28 + 3:02d}-{i % 28 + 1:02d} 08:00",
                                               category=("Kinh tế", "Nông thôn mới", "Văn hóa")[i % 3],
                                               tags=[f"thẻ {i % 6}"])
             for i in range(count)}
    files["trang/gioi-thieu.md"] = "---\ntitle: Giới thiệu\n---\nXã…\n"
    return files


def test_cached_rebuilds_equal_clean_builds_through_a_series_of_edits(tmp_path):
    content = make_site(tmp_path / "site", site_files())
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme)
    cached_out = tmp_path / "cached"
    first = build(options(content, cached_out, theme))
    assert first.reused == 0

    edits = [
        lambda: (content / "tin-tuc" / "bai-03.md").write_text(article("Bài 03 đã sửa", "2023-03-04 08:00", body="Mới."), encoding="utf-8"),
        lambda: (content / "tin-tuc" / "bai-99.md").write_text(article("Bài mới nhất", "2023-04-01 09:00", category="Kinh tế"), encoding="utf-8"),
        lambda: (content / "tin-tuc" / "bai-05.md").unlink(),
        lambda: (content / "tthc.yml").write_text("months:\n  - {month: 2023-11, on_time: 5, late: 1}\n", encoding="utf-8"),
        lambda: (theme / "templates" / "page.html").write_text(
            (theme / "templates" / "page.html").read_text(encoding="utf-8").replace("<h1>", "<h1 class=\"t\">"), encoding="utf-8"),
    ]
    for number, edit in enumerate(edits):
        edit()
        report = build(options(content, cached_out, theme))
        clean_out = tmp_path / f"clean-{number}"
        build(options(content, clean_out, theme, cached=False))
        assert tree(cached_out) == tree(clean_out), f"after edit {number}"
        if number in (0, 2):  # edits to older articles: some pages are reused
            assert report.reused > 0
        else:  # the sidebar's latest articles, the TTHC figures or a template changed
            assert report.reused < report.pages


def test_one_edit_renders_only_the_pages_that_show_it(tmp_path):
    content = make_site(tmp_path / "site", site_files(60))
    out = tmp_path / "out"
    total = build(options(content, out)).pages
    unchanged = build(options(content, out))
    assert unchanged.reused == unchanged.pages == total
    # the oldest article: not in the sidebar, one category, one tag
    (content / "tin-tuc" / "bai-00.md").write_text(
        article("Bài 00", "2023-03-01 08:00", body="Nội dung khác.", category="Kinh tế", tags=["thẻ 0"]),
        encoding="utf-8")
    edited = build(options(content, out))
    rendered = edited.pages - edited.reused
    # its page, the pages whose related lists or neighbour links show it, and
    # the listings it is in; not the rest
    assert 1 <= rendered <= total // 5, (rendered, total)
    assert "Nội dung khác." in (out / "tin-tuc" / "bai-00" / "index.html").read_text(encoding="utf-8")


def test_a_published_file_changed_by_hand_is_rendered_again(tmp_path):
    content = make_site(tmp_path / "site", site_files())
    out = tmp_path / "out"
    build(options(content, out))
    page = out / "tin-tuc" / "bai-01" / "index.html"
    good = page.read_bytes()
    page.write_bytes(good.replace(b"</h1>", b"</h1>defaced"))
    report = build(options(content, out))
    assert report.reused == report.pages - 1
    assert page.read_bytes() == good
