"""Atom feeds, sitemap.xml and robots.txt (issue 14): valid as feed readers parse them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from generator.view.feeds import FEED_ENTRIES, robots_txt, site_feeds
from generator.pipeline import BuildOptions, build, load_site
from tests.conftest import MINIMAL_SITE_YML, NOW, THEME, article, make_site

BASE = "https://lamson.example.vn/xa/"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def files(count: int = 23) -> dict[str, str]:
    out = {f"tin-tuc/2023/bai-{n:02d}.md": article(
        f"Tin số {n}", date=f"2023-{(n - 1) // 2 + 1:02d}-{10 + n % 2:02d} 08:00:00", category="Kinh tế",
        slug=f"bai-{n:02d}", body=f"Nội dung đầy đủ của tin số {n}.\n\nXem [liên hệ](/trang/lien-he/).")
        for n in range(1, count + 1)}
    out["thong-bao/2024/lich.md"] = article("Lịch phun thuốc", date="2024-08-12 08:00", slug="lich",
                                           body="Phun thuốc muỗi & diệt lăng quăng <3 lần>.")
    out["tin-tuc/2024/nhap.md"] = article("Bài nháp", date="2024-09-01 08:00", draft=True, slug="nhap")
    out["trang/lien-he.md"] = "---\ntitle: Liên hệ\n---\n\nĐiện thoại xã.\n"
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("feeds")
    content = make_site(root, files(), site_yml=MINIMAL_SITE_YML + f"base_url: {BASE}\n")
    output = root / "public"
    build(BuildOptions(content=content, theme=THEME, output=output, now=NOW))
    return output


def test_one_feed_for_the_site_each_section_and_each_category(tmp_path):
    content = make_site(tmp_path, files(), site_yml=MINIMAL_SITE_YML + f"base_url: {BASE}\n")
    site = load_site(BuildOptions(content=content, theme=THEME, now=NOW)).site
    feeds = {f.url: f for f in site_feeds(site)}
    assert set(feeds) == {"/feed.xml", "/tin-tuc/feed.xml", "/thong-bao/feed.xml", "/ban-tin/feed.xml",
                          "/chuyen-muc/kinh-te/feed.xml", "/chuyen-muc/thong-bao/feed.xml"}
    whole = feeds["/feed.xml"].entries
    assert len(whole) == FEED_ENTRIES == 20 and whole[0].title == "Lịch phun thuốc"  # newest first, all sections
    assert [a.date for a in whole] == sorted((a.date for a in whole), reverse=True)
    assert all(a.section == "tin-tuc" for a in feeds["/tin-tuc/feed.xml"].entries)
    assert "Bài nháp" not in {a.title for f in feeds.values() for a in f.entries}


def test_every_feed_parses_with_full_content_and_absolute_links(built):
    feeds = sorted(built.rglob("feed.xml"))
    assert len(feeds) == 6
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo is False, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10" and parsed.feed.title
        for entry in parsed.entries:
            assert entry.link.startswith(BASE) and entry.content[0].type == "text/html"
    whole = feedparser.parse((built / "feed.xml").read_bytes())
    notice = whole.entries[0]
    assert notice.title == "Lịch phun thuốc" and notice.published_parsed
    assert "Phun thuốc muỗi &amp; diệt lăng quăng &lt;3 lần&gt;." in notice.content[0].value  # text, escaped
    first = next(e for e in whole.entries if e.title == "Tin số 23")
    assert "Nội dung đầy đủ của tin số 23." in first.content[0].value  # the full text, not a summary
    # the body's relative link resolves against the article's address (xml:base)
    assert f'href="{BASE}trang/lien-he/"' in first.content[0].value


def test_feeds_are_announced_in_head_and_shown_on_list_pages_and_footer(built):
    section = (built / "tin-tuc" / "index.html").read_text(encoding="utf-8")
    alternates = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="([^"]+)"',
                            section)
    assert alternates == ["../feed.xml", "feed.xml"]
    assert '<a href="feed.xml">Theo dõi mục Tin tức qua RSS</a>' in section
    category = (built / "chuyen-muc" / "kinh-te" / "trang-2" / "index.html").read_text(encoding="utf-8")
    assert 'href="../feed.xml">Theo dõi mục Kinh tế qua RSS</a>' in category
    article_page = (built / "tin-tuc" / "bai-01" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../feed.xml">Nhận tin mới qua RSS</a>' in article_page


def test_sitemap_lists_every_published_page_with_list_pages(built):
    root = ET.parse(built / "sitemap.xml").getroot()
    entries = {u.find("s:loc", SITEMAP_NS).text: getattr(u.find("s:lastmod", SITEMAP_NS), "text", None)
               for u in root.findall("s:url", SITEMAP_NS)}
    expected = {"", "tin-tuc/", "tin-tuc/trang-2/", "thong-bao/", "chuyen-muc/kinh-te/",
                "chuyen-muc/kinh-te/trang-2/", "luu-tru/", "luu-tru/2023/01/", "the/", "thong-ke-tthc/",
                "tin-tuc/bai-01/", "thong-bao/lich/", "trang/lien-he/"}
    assert {BASE + u for u in expected} <= set(entries)
    assert not any("nhap" in u or "tim-kiem" in u or "404" in u for u in entries)
    assert entries[BASE + "tin-tuc/bai-01/"] == "2023-01-11T08:00:00+07:00"
    assert entries[BASE + "tin-tuc/"] == "2023-12-11T08:00:00+07:00"  # the newest item it lists
    assert entries[BASE + "thong-ke-tthc/"]  # the statistics' update time
    # every HTML page but the 404, the search page and articles' print versions is in it
    pages = {p.relative_to(built).parent.as_posix() + "/" for p in built.rglob("index.html")
             if p.parent.name != "in"}
    pages = {BASE + ("" if p == "./" else p) for p in pages} - {BASE + "tim-kiem/"}
    assert pages == set(entries)


def test_robots_names_the_sitemap(built):
    assert (built / "robots.txt").read_text() == robots_txt(BASE)
    assert robots_txt(BASE) == f"User-agent: *\nDisallow: /xa/pagefind/\n\nSitemap: {BASE}sitemap.xml\n"
    assert "Sitemap" not in robots_txt("")


def test_without_base_url_no_feed_or_sitemap_and_the_build_says_so_once(tmp_path):
    content = make_site(tmp_path, files(3))
    output = tmp_path / "public"
    report = build(BuildOptions(content=content, theme=THEME, output=output, now=NOW))
    assert not list(output.rglob("feed.xml")) and not (output / "sitemap.xml").exists()
    assert (output / "robots.txt").is_file()
    said = [w for w in report.warnings if w.code == "no_base_url_sharing"]
    assert len(said) == 1 and said[0].path.endswith("site.yml")
    assert "RSS" in said[0].message and "sitemap.xml" in said[0].message and "base_url: https://" in said[0].message
    assert "RSS" not in (output / "tin-tuc" / "index.html").read_text(encoding="utf-8")
