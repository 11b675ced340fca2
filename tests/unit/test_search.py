"""Search: what the Pagefind index holds, the đ-folded copy, and the index files."""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from generator.pipeline import BuildOptions, build, load_site
from generator.search import FOLD_MARKER, fold_d, index_files, search_document, searchable
from tests.conftest import MINIMAL_SITE_YML, NOW, THEME, article, make_site

FILES = {
    "tin-tuc/2023/duong.md": article("Sửa đường liên thôn", date="2023-03-01 08:00", category="Giao thông", slug="duong",
                                     body="Đường trục thôn Đông được mở rộng."),
    "thong-bao/2023/phun.md": article("Lịch phun thuốc", date="2023-04-01 08:00", body="Phun thuốc muỗi.", slug="phun"),
    "tin-tuc/2023/nhap.md": article("Bài nháp", date="2023-05-01 08:00", draft=True, body="Từ riêng zyxnhap.", slug="nhap"),
    "tin-tuc/2099/hen.md": article("Bài hẹn giờ", date="2099-01-01 08:00", body="Từ riêng zyxhengio.", slug="hen"),
    "trang/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\n\nXã Lam Sơn.\n",
}


def site_of(tmp_path: Path, drafts: bool = False):
    content = make_site(tmp_path, FILES)
    loaded = load_site(BuildOptions(content=content, theme=THEME, now=NOW, drafts=drafts))
    assert loaded.site is not None, loaded.diagnostics
    return loaded.site


def test_fold_d_changes_only_d_with_stroke():
    assert fold_d("Đường đi Nông thôn mới") == "Dường di Nông thôn mới"  # Pagefind folds tone marks


@pytest.mark.parametrize("drafts", [False, True])
def test_drafts_and_future_articles_are_never_searchable_even_in_a_preview(tmp_path, drafts):
    site = site_of(tmp_path, drafts)
    urls = {a.url for a in searchable(site, NOW)}
    assert urls == {"/tin-tuc/duong/", "/thong-bao/phun/", "/trang/gioi-thieu/"}
    if drafts:  # the preview shows them, the index still does not hold them
        assert "/tin-tuc/nhap/" in {a.url for a in site.articles}


def test_document_carries_metadata_and_a_folded_copy_only_when_there_is_d(tmp_path):
    site = site_of(tmp_path)
    by_url = {a.url: a for a in site.articles + site.pages}
    doc = search_document(by_url["/tin-tuc/duong/"], site)
    assert 'data-pagefind-meta="title[content]" content="Sửa đường liên thôn"' in doc
    assert 'data-pagefind-meta="date[content]" content="01/03/2023"' in doc
    assert 'data-pagefind-meta="section[content]" content="tin-tuc"' in doc
    assert 'data-pagefind-meta="category[content]" content="Giao thông"' in doc
    body = doc[doc.index("<main data-pagefind-body>"):]
    original, copy = body.split(f"<p>{FOLD_MARKER}</p>")
    assert "Sửa dường liên thôn" in copy and "Dường trục thôn Dông" in copy and "đ" not in copy.lower()
    # the copy has the same words as the original, so positions map one to one
    words = lambda html: re.sub(r"<[^>]+>", " ", html).split()  # noqa: E731
    assert len(words(original.replace("<main data-pagefind-body>", ""))) == len(words(copy.replace("</main>", "")))
    no_d = search_document(by_url["/thong-bao/phun/"], site)
    assert FOLD_MARKER not in no_d  # nothing to fold: no copy, a smaller index


def test_document_escapes_what_editors_write(tmp_path):
    site = site_of(tmp_path)
    evil = replace(site.articles[0], title='<b>"x"</b>', category='a" onload="x')
    doc = search_document(evil, site)
    assert "<b>" not in doc and 'content="a&quot; onload=&quot;x"' in doc


def fragments(files: list[tuple[str, bytes]]) -> dict[str, dict]:
    out = {}
    for path, data in files:
        if path.endswith(".pf_fragment"):
            raw = gzip.decompress(data)
            fragment = json.loads(raw[raw.index(b"{"):])
            out[fragment["url"]] = fragment
    return out


def test_index_files_hold_every_searchable_page_and_nothing_else(tmp_path):
    site = site_of(tmp_path, drafts=True)
    docs = [(a.url, search_document(a, site)) for a in searchable(site, NOW)]
    files = index_files(docs)
    paths = [p for p, _ in files]
    assert paths == sorted(paths) and all(p.startswith("pagefind/") for p in paths)
    assert {"pagefind/pagefind.js", "pagefind/pagefind-entry.json", "pagefind/pagefind-worker.js"} <= set(paths)
    assert not any("-ui." in p or "highlight" in p for p in paths)  # Pagefind's own UIs are not published
    found = fragments(files)
    assert set(found) == {"/tin-tuc/duong/", "/thong-bao/phun/", "/trang/gioi-thieu/"}
    assert found["/tin-tuc/duong/"]["meta"]["title"] == "Sửa đường liên thôn"
    assert not any("zyx" in f["content"] for f in found.values())
    assert index_files(docs) == files  # deterministic: the same content, the same bytes


def test_build_publishes_the_index_with_the_site_and_keeps_it_on_failure(tmp_path):
    content = make_site(tmp_path, FILES)
    output = tmp_path / "public"
    build(BuildOptions(content=content, theme=THEME, output=output, now=NOW))
    entry = output / "pagefind" / "pagefind-entry.json"
    assert json.loads(entry.read_text())["languages"]["vi"]["page_count"] == 3
    assert (output / "tim-kiem" / "index.html").is_file() and (output / "static" / "search.js").is_file()
    before = {p: p.read_bytes() for p in (output / "pagefind").rglob("*") if p.is_file()}
    (content / "tin-tuc" / "2023" / "hong.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    with pytest.raises(Exception):
        build(BuildOptions(content=content, theme=THEME, output=output, now=NOW + timedelta(days=1)))
    assert {p: p.read_bytes() for p in (output / "pagefind").rglob("*") if p.is_file()} == before


def test_search_page_alone_may_run_scripts(tmp_path):
    content = make_site(tmp_path, FILES, site_yml=MINIMAL_SITE_YML)
    output = tmp_path / "public"
    build(BuildOptions(content=content, theme=THEME, output=output, now=NOW))
    for page in output.rglob("*.html"):
        if page.parent.name == "in" or page.name not in ("index.html", "404.html"):
            continue  # an article's print version and saved copy: tests/test_print_save.py
        html = page.read_text(encoding="utf-8")
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
        assert "form-action 'self'" in policy and 'class="search-box"' in html
        if page.parent.name == "tim-kiem":
            assert "script-src 'self' 'wasm-unsafe-eval'" in policy
            assert re.findall(r"<script[^>]*>", html) == ['<script type="module" src="../static/search.js">']
        else:
            assert "script-src" not in policy and "worker-src" not in policy, page


def test_a_site_with_nothing_published_still_gets_an_index(tmp_path):
    content = make_site(tmp_path, {"tin-tuc/2023/nhap.md": FILES["tin-tuc/2023/nhap.md"]})
    output = tmp_path / "public"
    build(BuildOptions(content=content, theme=THEME, output=output, now=NOW))  # Pagefind alone would refuse
    files = [(p.relative_to(output).as_posix(), p.read_bytes()) for p in (output / "pagefind").rglob("*.pf_fragment")]
    assert [f["url"] for f in fragments(files).values()] == ["/tim-kiem/"]
