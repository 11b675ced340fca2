"""Property-based: whatever the front matter, titles and dates hold, the build
either succeeds (and its pages and feed are well formed) or reports errors
with a file and a Vietnamese message. It never crashes.
"""

from __future__ import annotations

import json
import tempfile
from datetime import datetime
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from generator.content import parse_article
from generator.content_types import STANDARD
from generator.errors import ERROR
from generator.messages import MESSAGES
from generator.pipeline import BuildOptions, load_site, render
from generator.source import Source, decode, split_front_matter
from generator.text import has_control_chars
from tests.conftest import MINIMAL_SITE_YML, NOW, THEME, make_site

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40),
    st.sampled_from(["có", "không", "yes", "31/02/2023", "2023-13-01", "../../etc/passwd", "C:\\x",
                     "2023-02-23 08:40:17", "23/02/2022", "<script>x</script>", "", " ", "~", "null"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=8)
FIELDS = sorted({name for ctype in STANDARD.values() for name in ctype.names})
keys = st.one_of(st.sampled_from(FIELDS), st.text(max_size=10))
front_matters = st.dictionaries(keys, values, max_size=8)

dates = st.one_of(
    st.from_regex(r"\A\d{1,4}[-/]\d{1,2}[-/]\d{1,4}( \d{1,2}:\d{1,2}(:\d{1,2})?)?\Z"),
    st.datetimes().map(lambda d: d.strftime("%Y-%m-%d %H:%M:%S")),
    st.datetimes().map(lambda d: d.strftime("%d/%m/%Y")),
    st.text(max_size=25),
)
titles = st.text(min_size=1, max_size=60)


def _document(meta: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + body + "\n"


def _well_reported(diagnostics, path: str) -> None:
    for item in diagnostics:
        assert item.path == path
        assert item.message and item.code in MESSAGES
        assert item.line is None or item.line >= 1


@SETTINGS
@given(meta=front_matters, body=st.text(max_size=200),
       section=st.sampled_from(["tin-tuc", "ban-tin", "thong-bao", "trang"]))
def test_any_front_matter_gives_an_article_or_errors(meta, body, section):
    path = f"content/{section}/bai.md"
    article, diagnostics = parse_article(Source(path, _document(meta, body)), section, None)
    _well_reported(diagnostics, path)
    errors = [d for d in diagnostics if d.level == ERROR]
    assert (article is None) == bool(errors)
    if article is not None:
        article.html.encode("utf-8")  # no lone surrogates reach a page
        assert article.slug and all(c.isascii() for c in article.slug)


@SETTINGS
@given(data=st.binary(max_size=300))
def test_any_bytes_decode_or_are_reported(data):
    source, diagnostics = decode("content/tin-tuc/x.md", b"---\n" + data)
    _well_reported(diagnostics, "content/tin-tuc/x.md")
    if source is not None:
        fm, problems = split_front_matter(source)
        _well_reported(problems, "content/tin-tuc/x.md")
        assert (fm is None) == bool(problems)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(st.tuples(titles, dates, st.lists(st.text(max_size=15), max_size=3),
                                st.text(max_size=30)), min_size=1, max_size=3))
def test_titles_dates_and_tags_build_or_report_never_crash(items):
    files = {f"tin-tuc/bai-{i}.md": _document({"title": title, "date": date, "tags": tags, "author": author},
                                              "Nội dung.") for i, (title, date, tags, author) in enumerate(items)}
    with tempfile.TemporaryDirectory() as root:
        content = make_site(Path(root), files,
                            site_yml=MINIMAL_SITE_YML + "base_url: https://thunghiem.example.vn/\n")
        options = BuildOptions(content=content, theme=THEME, output=Path(root) / "public", now=NOW)
        loaded = load_site(options)
        errors = [d for d in loaded.diagnostics if d.level == ERROR]
        for item in errors:
            assert item.path.startswith("content/tin-tuc/bai-") and item.code in MESSAGES
        if errors:
            return
        outputs = render(options, loaded.site)
        by_path = {o.path: o.data for o in outputs}
        ET.fromstring(by_path["feed.xml"])  # any title is well-formed XML
        ET.fromstring(by_path["sitemap.xml"])
        for path, data in by_path.items():
            data.decode("utf-8")


valid_dates = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2026, 11, 1)).flatmap(
    lambda d: st.sampled_from([d.strftime("%Y-%m-%d %H:%M:%S"), d.strftime("%d/%m/%Y %H:%M:%S"),
                               d.strftime("%Y-%m-%d"), d.strftime("%d/%m/%Y")]))
any_text = st.text(st.characters(codec="utf-8"), max_size=60)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(st.tuples(any_text, valid_dates, st.lists(any_text, max_size=3), any_text, any_text),
                      min_size=1, max_size=3))
def test_any_title_tag_author_summary_with_a_valid_date_builds_and_is_escaped(items):
    files = {f"tin-tuc/bai-{i}.md": _document(
        {"title": "Tin " + title, "date": date, "tags": tags, "author": author, "summary": summary,
         "slug": f"bai-{i}"}, "Nội dung.") for i, (title, date, tags, author, summary) in enumerate(items)}
    with tempfile.TemporaryDirectory() as root:
        content = make_site(Path(root), files,
                            site_yml=MINIMAL_SITE_YML + "base_url: https://thunghiem.example.vn/\n")
        options = BuildOptions(content=content, theme=THEME, output=Path(root) / "public", now=NOW)
        loaded = load_site(options)
        errors = [d for d in loaded.diagnostics if d.level == ERROR]
        written = [t for item in items for t in (item[0], *item[2], item[3], item[4])]
        if any(has_control_chars(t) for t in written):
            # control characters (YAML escapes such as "\x01") are refused, on their line
            assert errors and {d.code for d in errors} == {"control_chars"}
            return
        assert errors == []
        by_path = {o.path: o.data for o in render(options, loaded.site)}
        feed = ET.fromstring(by_path["feed.xml"])
        ns = {"a": "http://www.w3.org/2005/Atom"}
        shown = sorted(e.find("a:title", ns).text for e in feed.findall("a:entry", ns))
        assert shown == sorted(a.title for a in loaded.site.articles)
        for i in range(len(items)):
            page = by_path[f"tin-tuc/bai-{i}/index.html"].decode("utf-8")
            # exactly one script element: the JSON-LD data block, still valid JSON
            assert page.lower().count("<script") == 1
            start = page.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
            assert json.loads(page[start:page.index("</script>", start)])["@type"] == "NewsArticle"
