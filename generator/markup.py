"""Markdown -> safe HTML for article bodies.

Python-Markdown does the conversion; nh3 (ammonia) removes anything an
allowlist does not name, so raw HTML pasted into an article can never run a
script. Site-root links (``/tin-tuc/x/``, ``/media/a.jpg`` or ``media/a.jpg``)
are rewritten relative to the article page, which always sits two folders deep
(``/<section>/<slug>/``), so the site works under any base path.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.etree import ElementTree

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

#: Relative prefix from an article page (/<section>/<slug>/) to the site root.
ARTICLE_ROOT = "../../"

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
    "iframe",
}
ALLOWED_ATTRIBUTES = {
    "*": {"title", "lang", "id"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
    "iframe": {"src", "width", "height", "allowfullscreen"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


@dataclass(frozen=True)
class Rendered:
    """An article body as HTML, with what it points to (for link checking)."""

    html: str
    links: tuple[str, ...]  # site-root paths of internal links, e.g. /tin-tuc/x/
    images: tuple[tuple[str, str], ...]  # (site-root path or URL, alt)


class _LinkCollector(Treeprocessor):
    def __init__(self, md):
        super().__init__(md)
        self.links: list[str] = []
        self.images: list[tuple[str, str]] = []

    def run(self, root: ElementTree.Element) -> None:
        demote = any(el.tag == "h1" for el in root.iter())
        for el in root.iter():
            if demote and re.fullmatch(r"h[1-5]", el.tag):
                el.tag = f"h{int(el.tag[1]) + 1}"  # the title is the page's only h1
            if el.tag == "a" and el.get("href"):
                el.set("href", self._localise(el.get("href"), self.links))
            elif el.tag == "img" and el.get("src"):
                original = el.get("src")
                internal: list[str] = []
                el.set("src", self._localise(original, internal))
                self.images.append((internal[0] if internal else original, el.get("alt", "")))
                el.set("loading", "lazy")

    @staticmethod
    def _localise(url: str, found: list[str]) -> str:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("#", "//")):
            return url
        if url.startswith("/"):
            path = url
        elif url.startswith("media/"):
            path = "/" + url
        else:
            return url
        target = urlsplit(path).path
        normal = posixpath.normpath(target)
        found.append(normal + "/" if target.endswith("/") and normal != "/" else normal)
        return ARTICLE_ROOT + path.lstrip("/")


class _Collect(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown API
        md.treeprocessors.register(_LinkCollector(md), "bantin_links", 1)


def _new_markdown() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=["extra", "sane_lists", "smarty", _Collect()],
        extension_configs={"smarty": {"smart_quotes": False}},
        output_format="html",
    )


_MD = _new_markdown()


def render_markdown(text: str, embed_hosts: tuple[str, ...] = ()) -> Rendered:
    """Convert Markdown to sanitised HTML. Pure: same input, same output."""
    _MD.reset()
    collector = _MD.treeprocessors["bantin_links"]
    collector.links, collector.images = [], []
    html = _MD.convert(text)
    return Rendered(sanitise(html, embed_hosts), tuple(collector.links), tuple(collector.images))


def sanitise(html: str, embed_hosts: tuple[str, ...] = ()) -> str:
    """Keep only allowlisted tags and attributes; iframes only from *embed_hosts*."""
    hosts = frozenset(embed_hosts)

    def allow(tag: str, attribute: str, value: str) -> str | None:
        if tag == "iframe" and attribute == "src":
            parts = urlsplit(value)
            return value if parts.scheme == "https" and parts.hostname in hosts else None
        return value

    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS if hosts else ALLOWED_TAGS - {"iframe"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=allow,
        link_rel=None,
        strip_comments=True,
    )
    # an iframe whose src was refused is an empty box: drop it
    return re.sub(r"<iframe(?![^>]*\ssrc=)[^>]*>\s*</iframe>", "", cleaned)


def plain_text(html: str) -> str:
    """The visible text of a fragment of HTML, whitespace collapsed."""
    text = nh3.clean(html, tags=set(), strip_comments=True)
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">") \
        .replace("&quot;", '"').replace("&#39;", "'").replace("&nbsp;", " ")
    return " ".join(text.split())
