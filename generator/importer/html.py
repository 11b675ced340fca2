"""Importer, part 3: a saved ``.html`` page to the same lines as a copied text page.

BeautifulSoup with Python's own "html.parser" does the parsing (tolerant of the
broken markup old portals produce, no compiled dependency). This module only
walks the tree: block elements become lines, <h1>–<h4> headings, <li> list
items (with their nesting level), <img> image lines, <figcaption> and caption
cells captions. Menus, sidebars, ribbons and footers are marked ``chrome``:
never body text, but still read for the masthead and TTHC widget.
"""

from __future__ import annotations

import importlib.util
import re
from typing import TYPE_CHECKING

from . import lines as r
from .lines import Line

if TYPE_CHECKING:
    from bs4 import Tag

#: shown when beautifulsoup4 is missing (it is a declared dependency; this is a safety net)
MISSING_BS4 = ("cần thư viện beautifulsoup4 để đọc tệp .html — chạy: pip install beautifulsoup4 "
               "(hoặc pip install -e . trong thư mục dự án)")


def html_available() -> bool:
    try:
        return importlib.util.find_spec("bs4") is not None
    except (ImportError, ValueError):
        return False


DROP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "button",
        "select", "input", "textarea", "map", "canvas", "video", "audio", "link", "meta", "option"}
BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol",
          "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "blockquote", "figure",
          "pre", "dl", "dt", "dd", "address", "center", "form", "fieldset", "hr", "body", "html",
          "h5", "h6", "details", "summary"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4}
BOLD = {"b", "strong"}
ITALIC = {"i", "em"}
CHROME_TOKENS = {
    "menu", "mainmenu", "topmenu", "megamenu", "submenu", "nav", "navbar", "navigation", "sidebar",
    "banner", "ribbon", "ribbonrow", "s4ribbonrow", "ads", "advert", "advertisement", "quangcao",
    "footer", "header", "topbar", "toolbar", "share", "social", "sharing", "widget", "counter",
    "thongke", "visitor", "visitors", "statistic", "tinmoi", "latest", "latestnews", "related",
    "tinlienquan", "othernews", "tinkhac", "relatednews", "weblink", "weblinks", "lienket", "poll",
    "search", "login", "copyright", "skip", "mscuitopbar", "suitebar", "tools", "tool", "utility",
    "print", "rating", "comment", "comments",
}
CONTEXT_TOKENS = {"header", "footer"}  # chrome only outside the article itself
ARTICLE_TOKENS = {"article", "detail", "chitiet", "noidung", "post", "entry", "newsdetail",
                  "articlebody", "articledetail", "rtestate", "mainbody"}
CAPTION_TOKENS = {"caption", "imagedesc", "image_desc", "imgdesc", "chuthich", "chuthichanh",
                  "photocaption", "figcaption", "desc", "description"}
SUMMARY_TOKENS = {"sapo", "summary", "lead", "tomtat", "chapeau", "teaser", "intro", "abstract"}
BREADCRUMB_TOKENS = {"breadcrumb", "breadcrumbs", "duongdan", "breadcrum"}


def _tokens(tag: Tag) -> set[str]:
    values = []
    for attr in ("class", "id", "role"):
        value = tag.get(attr)
        if isinstance(value, list):
            value = " ".join(value)
        if value:
            values.append(str(value).lower())
    words = [w for w in re.split(r"[^a-z0-9]+", " ".join(values)) if w]
    out = set(words) | {a + b for a, b in zip(words, words[1:])}
    out |= {re.sub(r"[^a-z0-9_]", "", v) for v in " ".join(values).split()}
    return out


class _Walker:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.buffer: list[tuple[str, bool, bool]] = []

    # -- output ------------------------------------------------------------------
    def flush(self, kind: str, level: int, chrome: bool) -> None:
        pieces = [(t, b, i) for t, b, i in self.buffer if t.strip()]
        text = r.clean("".join(t for t, _, _ in self.buffer))
        self.buffer = []
        if not text:
            return
        bold = all(b for _, b, _ in pieces)
        italic = all(i for _, _, i in pieces)
        self.lines.append(Line(text, kind, level, chrome, italic=italic, bold=bold and kind == r.TEXT))

    def blank(self) -> None:
        if self.lines and self.lines[-1].kind != r.BLANK:
            self.lines.append(Line("", r.BLANK))

    # -- the walk ------------------------------------------------------------------
    def walk(self, node: Tag, ctx: dict) -> None:
        from bs4 import Comment, NavigableString, Tag

        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                self.buffer.append((str(child), ctx["bold"], ctx["italic"]))
                continue
            if isinstance(child, Tag):
                self.element(child, ctx)

    def element(self, tag: Tag, ctx: dict) -> None:
        name = tag.name.lower()
        if name in DROP or name == "head":
            return
        tokens = _tokens(tag)
        kind, level = ctx["kind"], ctx["level"]
        inner = dict(ctx)
        if name in ("article", "main") or tag.get("itemprop") == "articleBody" or tokens & ARTICLE_TOKENS:
            inner["article"] = True
        if name in ("nav", "aside") or (tokens & (CHROME_TOKENS - CONTEXT_TOKENS)) or (
                (name in ("header", "footer") or tokens & CONTEXT_TOKENS) and not ctx["article"]):
            inner["chrome"] = True
        if tokens & BREADCRUMB_TOKENS:
            inner["chrome"], inner["kind"] = True, r.BREADCRUMB
        chrome = inner["chrome"]

        if name == "br":
            self.flush(kind, level, chrome)
            return
        if name == "img":
            self.image(tag, ctx)
            return
        if name == "time" and tag.get("datetime"):
            self.lines.append(Line(r.clean(str(tag["datetime"])).replace("T", " "), r.METADATE, chrome=True))
        if name in HEADINGS:
            self.flush(kind, level, chrome)
            inner["kind"], inner["level"] = r.HEADING, HEADINGS[name]
            self.walk(tag, inner)
            self.flush(r.HEADING, HEADINGS[name], chrome)
            self.blank()
            return
        if name in ("ul", "ol"):
            self.flush(kind, level, chrome)
            inner["depth"] = ctx["depth"] + 1
            self.walk(tag, inner)
            self.blank()
            return
        if name == "li":
            self.flush(kind, level, chrome)
            if inner["kind"] != r.BREADCRUMB:
                inner["kind"], inner["level"] = r.ITEM, max(ctx["depth"] - 1, 0)
            self.walk(tag, inner)
            self.flush(inner["kind"], inner["level"], chrome)
            return
        if name == "figcaption" or (tokens & CAPTION_TOKENS and not chrome):
            inner["kind"] = r.CAPTION
        elif tokens & SUMMARY_TOKENS and not chrome:
            inner["kind"] = r.SUMMARY
        if name in BOLD:
            inner["bold"] = True
        if name in ITALIC:
            inner["italic"] = True
        if name in BLOCKS or inner["kind"] != kind:
            self.flush(kind, level, chrome)
            self.walk(tag, inner)
            self.flush(inner["kind"], inner["level"], chrome)
            if name not in ("td", "th", "li"):
                self.blank()
            return
        self.walk(tag, inner)

    def image(self, tag: Tag, ctx: dict) -> None:
        self.flush(ctx["kind"], ctx["level"], ctx["chrome"])
        src = str(tag.get("src") or tag.get("data-src") or "").strip()
        alt = r.clean(str(tag.get("alt") or tag.get("title") or ""))
        for size in (tag.get("width"), tag.get("height")):
            if size and str(size).isdigit() and int(size) <= 40:
                return  # icons and spacers
        if src and not src.startswith("data:"):
            self.lines.append(Line(alt, r.IMAGE, chrome=ctx["chrome"], src=src))


#: element nesting the walker (one recursion per level) reads; deeper pages are refused
MAX_DEPTH = 250


class TooDeep(Exception):
    """A page nested deeper than MAX_DEPTH elements."""

    def __init__(self, depth: int):
        super().__init__(depth)
        self.depth = depth


def nesting_depth(root) -> int:
    """How deep elements nest under *root* (iterative: any depth is measured)."""
    from bs4 import Tag

    deepest, stack = 0, [(root, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.contents if isinstance(child, Tag))
    return deepest


def html_to_lines(html: str | bytes) -> list[Line]:
    """Turn a saved page into lines: the shared text model of the importer.
    Raises TooDeep for a page nested deeper than MAX_DEPTH."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    depth = nesting_depth(soup)
    if depth > MAX_DEPTH:
        raise TooDeep(depth)
    lines: list[Line] = []
    if soup.title and soup.title.string:
        lines.append(Line(r.clean(soup.title.get_text()), r.DOCTITLE, chrome=True))
    for meta in soup.find_all("meta"):
        key = str(meta.get("property") or meta.get("name") or "").lower()
        if key in ("article:published_time", "pubdate", "publishdate", "date", "dc.date.issued"):
            value = r.clean(str(meta.get("content") or "")).replace("T", " ")
            if value:
                lines.append(Line(value, r.METADATE, chrome=True))
    walker = _Walker()
    root = soup.body or soup
    walker.walk(root, {"kind": r.TEXT, "level": 0, "chrome": False, "article": False, "depth": 0,
                       "bold": False, "italic": False})
    walker.flush(r.TEXT, 0, False)
    lines.extend(walker.lines)
    return _captions_after_images(lines)


def _captions_after_images(lines: list[Line]) -> list[Line]:
    """An italic short line, or an "Ảnh: …" line, right under an image is its caption."""
    out: list[Line] = []
    last_image = False
    for line in lines:
        if line.kind == r.BLANK:
            out.append(line)
            continue
        if last_image and line.kind == r.TEXT and len(line.text) <= 300 and (
                line.italic or r.is_caption(line.text)):
            line = Line(line.text, r.CAPTION, chrome=line.chrome)
        last_image = line.kind == r.IMAGE and not line.chrome
        out.append(line)
    return out
