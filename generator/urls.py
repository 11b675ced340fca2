"""The one place that maps things to URLs and URLs to output files.

Every URL is site-root based ("/tin-tuc/le-hoi/"); pages link to each other
with ``relative`` so the site works under any base path and from any host.
"""

from __future__ import annotations

import posixpath

HOME = "/"
NOT_FOUND = "/404.html"
STATS = "/thong-ke-tthc/"
STATS_CSV = "/thong-ke-tthc/tthc.csv"
ARCHIVE = "/luu-tru/"
TAGS = "/the/"
FEED = "/feed.xml"
SITEMAP = "/sitemap.xml"
STYLE = "/static/style.css"
PAGE_SEGMENT = "trang-{n}"


def article(section: str, slug: str) -> str:
    return f"/{section}/{slug}/"


def paged(base: str, page: int) -> str:
    """Page 1 is the base URL; page n is base + "trang-n/"."""
    return base if page <= 1 else f"{base}{PAGE_SEGMENT.format(n=page)}/"


def section(key: str, page: int = 1) -> str:
    return paged(f"/{key}/", page)


def category(slug: str, page: int = 1) -> str:
    return paged(f"/chuyen-muc/{slug}/", page)


def tag(slug: str, page: int = 1) -> str:
    return paged(f"/the/{slug}/", page)


def month(year: int, month_: int, page: int = 1) -> str:
    return paged(f"/luu-tru/{year}/{month_:02d}/", page)


def media(path: str) -> str:
    """A content-relative file (media/a.jpg) as a site URL."""
    return "/" + path.lstrip("/")


def output_path(url: str) -> str:
    """"/tin-tuc/x/" -> "tin-tuc/x/index.html"; "/feed.xml" -> "feed.xml"."""
    path = url.lstrip("/")
    return path + "index.html" if url.endswith("/") else path


def relative(target: str, from_url: str) -> str:
    """A link from the page at *from_url* to *target* (both site-root URLs)."""
    if not target.startswith("/"):
        return target  # already absolute (http:, mailto:) or relative
    path, hash_, fragment = target.partition("#")
    base = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath(path, base)
    if path.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel + hash_ + fragment


def absolute(target: str, base_url: str) -> str:
    """A full URL for feeds, sitemaps and canonical links (base_url ends with "/")."""
    return base_url + target.lstrip("/") if base_url and target.startswith("/") else target
