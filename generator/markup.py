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
import threading
from contextvars import ContextVar
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from xml.etree import ElementTree

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from . import figures, urls
from .article_tables import PhoneTables, wrap_tables
from .editor_markdown import EditorHabits
from .url_rule import URL_SCHEMES, allowed_url

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
    "td": {"colspan", "rowspan", "class"},
    "th": {"colspan", "rowspan", "scope", "class"},
    "ol": {"start", "type", "class"},
    "li": {"value"},
    "iframe": {"src", "width", "height", "allowfullscreen"},
}
#: Attributes allowed only with these values (the rest of an allowed attribute's values pass).
ATTRIBUTE_VALUES = {
    ("ol", "type"): re.compile(r"[1aAiI]"),
    ("ol", "class"): re.compile(r"vi|vi-upper"),  # letters in Vietnamese order: a) … d) đ) e) g)
    ("ol", "start"): re.compile(r"-?\d{1,6}"),
    ("li", "value"): re.compile(r"-?\d{1,6}"),
    ("td", "class"): re.compile(r"so|dai"),  # a number cell, a long text cell (article_tables)
    ("th", "class"): re.compile(r"so"),
}


@dataclass(frozen=True)
class Rendered:
    """An article body as HTML, with what it points to (for link checking)."""

    html: str
    links: tuple[str, ...]  # site-root paths of internal links, e.g. /tin-tuc/x/
    images: tuple[tuple[str, str], ...]  # (site-root path or URL, alt)


@dataclass
class _Found:
    """What one conversion found: created per call, never shared between calls."""

    demote: bool | None  # None: demote headings if this document has an h1
    links: list[str] = field(default_factory=list)
    images: list[tuple[str, str]] = field(default_factory=list)


#: the record of the conversion in progress (per thread and per call, unlike an attribute)
_FOUND: ContextVar[_Found] = ContextVar("bantin_found")


class _LinkCollector(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        found = _FOUND.get(None) or _Found(None)  # a converter used directly: findings unused
        demote = found.demote if found.demote is not None else any(el.tag == "h1" for el in root.iter())
        for el in root.iter():
            if demote and re.fullmatch(r"h[1-5]", el.tag):
                el.tag = f"h{int(el.tag[1]) + 1}"  # the title is the page's only h1
            if el.tag == "a" and el.get("href"):
                el.set("href", self._localise(el.get("href"), found.links))
            elif el.tag == "img" and el.get("src"):
                original = el.get("src")
                internal: list[str] = []
                el.set("src", self._localise(original, internal))
                found.images.append((internal[0] if internal else original, el.get("alt", "")))
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
        split = urlsplit(path)
        normal = posixpath.normpath(split.path)  # "/../../etc" -> "/etc": never above the root
        if split.path.endswith("/") and normal != "/":
            normal += "/"
        found.append(normal)
        rest = ("?" + split.query if split.query else "") + ("#" + split.fragment if split.fragment else "")
        return urls.encode(ARTICLE_ROOT + normal.lstrip("/") + rest)  # "Ảnh Lễ hội.JPG": %-encoded


class _Collect(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown API
        md.treeprocessors.register(_LinkCollector(md), "bantin_links", 1)
        figures.register(md)  # captions: <figure> + <figcaption>


def _new_markdown(editor_habits: bool = True) -> markdown.Markdown:
    return markdown.Markdown(
        extensions=["extra", "sane_lists", "smarty", *([EditorHabits()] if editor_habits else []), PhoneTables(),
                    _Collect()],
        extension_configs={"smarty": {"smart_quotes": False}},
        output_format="html",
    )


_LOCAL = threading.local()


def _markdown() -> markdown.Markdown:
    """This thread's converter: built once per thread (each worker process has its own),
    never shared between threads; what a conversion finds goes to a per-call record."""
    md = getattr(_LOCAL, "md", None)
    if md is None:
        md = _LOCAL.md = _new_markdown()
    return md


#: Bodies longer than this are converted in pieces of about PIECE_CHARS. Python-
#: Markdown's tree processors slow down more than linearly with the number of
#: blocks in one document (a pasted 20 MB report took minutes and a gigabyte);
#: pieces split only where a new top-level paragraph or heading starts, so the
#: HTML is the same, and link definitions ([x]: url) are shared by every piece.
PIECE_CHARS = 128 * 1024
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]^][^\]]*\]:[ \t]*\S.*$", re.M)
_H1 = re.compile(r"^ {0,3}#(?!#)|^=+[ \t]*$|<h1[\s>]", re.M | re.I)
_CONTINUES = re.compile(r"[\s>|<:\[]|[-*+][ \t]|\d+[.)]")  # lines that may belong above


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """*text* cut before top-level paragraphs or headings, outside fenced code."""
    if len(text) <= size:
        return [text]
    out: list[str] = []
    start = position = 0
    fence = ""
    previous_blank = False
    for line in text.splitlines(keepends=True):
        bare = line.rstrip("\n")
        if fence:
            if bare.strip().startswith(fence) and not bare.strip().strip(fence[0]):
                fence = ""
        elif (match := _FENCE.match(bare)) is not None:
            fence = match.group(1)
        if (not fence and previous_blank and bare and not _CONTINUES.match(bare)
                and position - start >= size):
            out.append(text[start:position])
            start = position
        previous_blank = not bare.strip()
        position += len(line)
    out.append(text[start:])
    return out


def render_markdown(text: str, embed_hosts: tuple[str, ...] = ()) -> Rendered:
    """Convert Markdown to sanitised HTML. Pure: same input, same output."""
    parts = pieces(text)
    references = "\n\n" + "\n".join(_REFERENCE.findall(text)) if len(parts) > 1 else ""
    demote = bool(_H1.search(text)) if len(parts) > 1 else None
    md = _markdown()
    html, links, images = [], [], []
    for part in parts:
        md.reset()
        found = _Found(demote)
        token = _FOUND.set(found)
        try:
            html.append(md.convert(part + references))
        finally:
            _FOUND.reset(token)
        links += found.links
        images += found.images
    return Rendered(wrap_tables(sanitise("\n".join(html), embed_hosts)), tuple(links), tuple(images))


#: editors' ids (and the in-page links to them) get this prefix, so an id in an
#: article can never repeat one of the theme's ids (id="noi-dung", "tin-moi"…)
EDITOR_ID_PREFIX = "nd-"


def iframe_allowed(src: str, hosts) -> bool:
    """The iframe rule: https from a host named in embed_hosts (check warns on the rest)."""
    parts = urlsplit(src.strip())
    return parts.scheme == "https" and parts.hostname in frozenset(hosts)


def _editor_id(value: str) -> str:
    return value if value.startswith(EDITOR_ID_PREFIX) else EDITOR_ID_PREFIX + value


def sanitise(html: str, embed_hosts: tuple[str, ...] = ()) -> str:
    """Keep only allowlisted tags and attributes; iframes only from *embed_hosts*."""
    hosts = frozenset(embed_hosts)

    def allow(tag: str, attribute: str, value: str) -> str | None:
        if attribute in ("href", "src") and not allowed_url(value):  # the one URL rule (url_rule.py)
            return None
        if tag == "iframe" and attribute == "src":
            return value if iframe_allowed(value, hosts) else None
        if attribute == "id":
            return _editor_id(value) if value else None
        if tag == "a" and attribute == "href" and value.startswith("#") and len(value) > 1:
            return "#" + _editor_id(value[1:])
        pattern = ATTRIBUTE_VALUES.get((tag, attribute))
        return value if pattern is None or pattern.fullmatch(value) else None

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
