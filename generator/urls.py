"""The one place that maps things to URLs and URLs to output files.

Every URL is site-root based ("/tin-tuc/le-hoi/"); pages link to each other
with ``relative`` so the site works under any base path and from any host.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, quote

HOME = "/"
NOT_FOUND = "/404.html"
STATS = "/thong-ke-tthc/"
STATS_CSV = "/thong-ke-tthc/tthc.csv"
ARCHIVE = "/luu-tru/"
TAGS = "/the/"
FEED = "/feed.xml"
SITEMAP = "/sitemap.xml"
ROBOTS = "/robots.txt"
FEED_NAME = "feed.xml"
STYLE = "/static/style.css"
#: the commune's colours (identity.py), after the theme's style sheet
IDENTITY_STYLE = "/static/nhan-dien.css"
SEARCH = "/tim-kiem/"
ENGLISH = "/en/"  # the commune's contact details in English (issue 15)
SEARCH_INDEX = "/pagefind/"  # Pagefind's index and its scripts
SEARCH_SCRIPT = "/static/search.js"
PRINT_SCRIPT = "/static/print.js"  # the print version's date printed
FAVICON = "/static/favicon.svg"
PAGE_SEGMENT = "trang-{n}"


def article(section: str, slug: str) -> str:
    return f"/{section}/{slug}/"


def print_version(url: str) -> str:
    """An article's print version: "/tin-tuc/le-hoi/" -> "/tin-tuc/le-hoi/in/"."""
    return f"{url}in/"


def saved_copy(url: str, slug: str) -> str:
    """An article as one HTML file to keep: "/tin-tuc/le-hoi/le-hoi.html"."""
    return f"{url}{slug}.html"


def paged(base: str, page: int) -> str:
    """Page 1 is the base URL; page n is base + "trang-n/"."""
    return base if page <= 1 else f"{base}{PAGE_SEGMENT.format(n=page)}/"


def section(key: str, page: int = 1) -> str:
    return paged(f"/{key}/", page)


def facet(key: str, segment: str, value: str, page: int = 1) -> str:
    """A list of one type per value: "/van-ban/2025/", "/van-ban/loai/quyet-dinh/"."""
    return paged(f"/{key}/{segment}/{value}/" if segment else f"/{key}/{value}/", page)


def category(slug: str, page: int = 1) -> str:
    return paged(f"/chuyen-muc/{slug}/", page)


def tag(slug: str, page: int = 1) -> str:
    return paged(f"/the/{slug}/", page)


def month(year: int, month_: int, page: int = 1) -> str:
    return paged(f"/luu-tru/{year}/{month_:02d}/", page)


def section_feed(key: str) -> str:
    return f"/{key}/{FEED_NAME}"


def category_feed(slug: str) -> str:
    return f"/chuyen-muc/{slug}/{FEED_NAME}"



def media(path: str) -> str:
    """A content-relative file (media/a.jpg) as a site URL."""
    return "/" + path.lstrip("/")


def output_path(url: str) -> str:
    """"/tin-tuc/x/" -> "tin-tuc/x/index.html"; "/feed.xml" -> "feed.xml"."""
    path = url.lstrip("/")
    return path + "index.html" if url.endswith("/") else path


#: A character that may not stand as it is in a URL path (a space, a Vietnamese
#: letter, a "%" that starts no escape); an existing %XX escape is kept.
_UNSAFE = re.compile(r"%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/%?#]")


def encode(target: str) -> str:
    """"/media/Ảnh Lễ hội.JPG" -> "/media/%E1%BA%A2nh%20L%E1%BB%85%20h%E1%BB%99i.JPG": what
    src and href need (HTML forbids spaces there). Idempotent."""
    return _UNSAFE.sub(lambda match: quote(match.group(0), safe=""), target)


def relative(target: str, from_url: str) -> str:
    """A link from the page at *from_url* to *target* (both site-root URLs).

    Plain string work on "/"-separated segments (posixpath.relpath consults the
    working directory and is a build hot spot: ~40 links per page).
    """
    if not target.startswith("/"):
        return target  # already absolute (http:, mailto:) or relative
    path, hash_, fragment = target.partition("#")
    base = from_url[1:from_url.rindex("/")].split("/") if from_url != "/" else []
    base = [part for part in base if part]
    is_dir = path.endswith("/")
    parts = [part for part in path[1:].split("/") if part]
    shareable = len(parts) if is_dir else len(parts) - 1  # a file name is never a folder
    common = 0
    while common < len(base) and common < shareable and base[common] == parts[common]:
        common += 1
    rel = "/".join([".."] * (len(base) - common) + parts[common:])
    if is_dir:
        rel = rel + "/" if rel else "./"
    return encode(rel + hash_ + fragment)


def from_base_path(target: str, base_url: str) -> str:
    """*target* under the path part of base_url ("/" without one), on whatever host serves it:
    for a page served at any depth (404), never naming a host the CSP or a preview would refuse."""
    if not target.startswith("/"):
        return target
    base = urlsplit(base_url).path if base_url else "/"
    return base.rstrip("/") + encode(target)


def absolute(target: str, base_url: str) -> str:
    """A full URL for feeds, sitemaps and canonical links (base_url ends with "/")."""
    if not target.startswith("/"):
        return target
    return base_url + encode(target).lstrip("/") if base_url else encode(target)
