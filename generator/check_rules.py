"""The extra checks of ``python build.py check``, beyond what a build refuses.

Pure functions over what the pipeline already read (articles, the set of
addresses the site will have) and over the raw text of each file, so each rule
is testable on its own. Every finding is a ``Diagnostic`` from the catalogue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import unquote

from .content import Article
from .content_types import STANDARD, ContentTypes
from .errors import WARNING, Diagnostic, diag
from .messages import INVISIBLE_NAMES
from .source import Source
from .url_rule import allowed_url, url_mistake
from .text import describe_chars, fold_name, format_datetime, has_invisible_chars, invisible_chars, nfc, strip_invisible

#: A first paragraph shorter than this ("Kính gửi: các hộ dân") does not serve as
#: the summary on the home page; a longer one does, and needs no summary: line.
MIN_SUMMARY_CHARS = 30
#: Advised fields whose default may serve well enough that the advice is noise.
DEFAULT_SERVES = {"summary": lambda article: len(article.summary) >= MIN_SUMMARY_CHARS}

#: A date further ahead than this is most likely a typo in the year.
FAR_FUTURE = timedelta(days=366)


@dataclass(frozen=True)
class Targets:
    """What a link may point to: every page address and every output file of the site."""

    urls: frozenset[str]  # "/tin-tuc/x/"
    files: frozenset[str]  # "/media/2023/a.jpg", "/static/style.css"
    unpublished: dict  # url -> source of a draft or future article

    def exists(self, target: str) -> bool:
        path = unquote(target.split("#", 1)[0].split("?", 1)[0]) or "/"
        if path in self.urls or path in self.files:
            return True
        if path.endswith("/index.html") and path[: -len("index.html")] in self.urls:
            return True
        return not path.endswith("/") and path + "/" in self.urls

    def case_twin(self, target: str) -> str | None:
        """The file whose name differs from *target*'s only in letter case, site-root ("/media/…")."""
        path = unquote(target.split("#", 1)[0].split("?", 1)[0])
        index = self._folded
        return index.get(fold_name(path)) if path not in self.files else None

    @property
    def _folded(self) -> dict[str, str]:
        cached = self.__dict__.get("_folded_cache")
        if cached is None:
            cached = {}
            for name in sorted(self.files):
                cached.setdefault(fold_name(name), name)
            object.__setattr__(self, "_folded_cache", cached)
        return cached


def body_line(article: Article, source_text: str, needle: str) -> int | None:
    """The first line at or after the body start whose text holds *needle* (a link target)."""
    start = article.lines.get("_body") or 1
    candidates = {needle, needle.lstrip("/"), needle.rstrip("/"), needle.lstrip("/").rstrip("/")}
    candidates.discard("")
    lines = source_text.split("\n")
    for number in range(start, len(lines) + 1):
        text = lines[number - 1]
        if any(f"({c}" in text or f"]: {c}" in text or f'"{c}' in text for c in candidates):
            return number
    for number in range(start, len(lines) + 1):
        if any(c in lines[number - 1] for c in candidates):
            return number
    return start


#: Where a Markdown or HTML body names an address: [x](addr), [x]: addr, <addr>, href="addr", src="addr"
_BODY_URLS = re.compile(r"\]\(\s*<?(?P<a>[^)\s>]+)|^\s{0,3}\[[^\]]+\]:\s*<?(?P<b>[^\s>]+)"
                        r"|(?:href|src)\s*=\s*[\"'](?P<c>[^\"']+)|<(?P<d>[a-zA-Z][a-zA-Z0-9+.-]*:[^\s>]+)>", re.M)


def url_findings(article: Article, source_text: str) -> list[Diagnostic]:
    """Addresses in the body that the one URL rule refuses (the link is dropped from the
    page) or that look like typos (htps//…, http//…, www.… without https://)."""
    start = article.lines.get("_body") or 1
    out: list[Diagnostic] = []
    lines = source_text.split("\n")
    for number in range(start, len(lines) + 1):
        for match in _BODY_URLS.finditer(lines[number - 1]):
            url = next(value for value in match.groups() if value)
            if not allowed_url(url):
                out.append(diag(article.source, number, "url_refused", level=WARNING, target=url))
            elif (meant := url_mistake(url)) is not None:
                out.append(diag(article.source, number, "url_typo", level=WARNING, target=url, meant=meant))
    return out


def link_findings(article: Article, source_text: str, targets: Targets,
                  types: ContentTypes = STANDARD) -> list[Diagnostic]:
    """Internal links and images that point nowhere; images without alt text (a type
    without an ``image_alt`` field, such as leaders', describes its photo by the title)."""
    out: list[Diagnostic] = []
    for link in article.links:
        if targets.exists(link):
            continue
        line = body_line(article, source_text, link)
        other = targets.unpublished.get(link) or targets.unpublished.get(link + "/")
        twin = targets.case_twin(link)
        if twin:
            out.append(diag(article.source, line, "wrong_case", target=unquote(link).lstrip("/"),
                            found=twin.lstrip("/")))
        elif other:
            out.append(diag(article.source, line, "link_unpublished", level=WARNING,
                            target=link, other=other))
        else:
            out.append(diag(article.source, line, "broken_link", target=link))
    for src, alt in article.images:
        line = body_line(article, source_text, src)
        internal = src.startswith("/")
        if internal and not targets.exists(src):
            twin = targets.case_twin(src)
            if twin:
                out.append(diag(article.source, line, "wrong_case", target=unquote(src).lstrip("/"),
                                found=twin.lstrip("/")))
            else:
                out.append(diag(article.source, line, "missing_image", target=src.lstrip("/")))
        if not alt.strip():
            shown = src.lstrip("/") if internal else src
            out.append(diag(article.source, line, "image_no_alt", level=WARNING, target=shown))
    ctype = types.get(article.section)
    if article.image and not article.image_alt and (ctype is None or ctype.field("image_alt") is not None):
        out.append(diag(article.source, article.lines.get("image"), "cover_no_alt", level=WARNING,
                        target=article.image))
    return out


def article_findings(article: Article, now: datetime, types: ContentTypes = STANDARD) -> list[Diagnostic]:
    """Defaults that stand in for missing fields, empty drafts, dates far ahead.

    Which fields deserve a warning when left out is declared on each field
    (``Field.advise``); emptiness is ``content.is_empty_body``, the build's rule
    (the build refuses an empty published article, so only drafts get here).
    """
    out: list[Diagnostic] = []
    ctype = types[article.section]
    head = article.title_line or 1
    for spec in ctype.fields:
        serves = DEFAULT_SERVES.get(spec.name)
        if spec.advise and not article.is_given(spec.name) and not (serves and serves(article)):
            out.append(diag(article.source, head, spec.message("advise", "default_field"), level=WARNING,
                            field=spec.name, default=article.value(spec.name), example=spec.example))
    if article.empty and ctype.body_required:
        level = WARNING if article.draft else "error"
        out.append(diag(article.source, article.lines.get("_body"), "empty_article", level=level))
    if article.date is not None and article.date - now > FAR_FUTURE:
        out.append(diag(article.source, article.lines.get("date"), "far_future", level=WARNING,
                        value=format_datetime(article.date)))
    return out


def duplicate_titles(articles: list[Article]) -> list[Diagnostic]:
    """Two articles with the same title (compared without case and spacing): one warning,
    on the later file, naming the first. Two at one address are already an error
    (``model.find_collisions``): one problem, one message."""
    first: dict[str, Article] = {}
    out: list[Diagnostic] = []
    for article in sorted(articles, key=lambda a: a.source):
        key = " ".join(nfc(article.title).casefold().split())
        other = first.setdefault(key, article)
        if other is article or other.url == article.url:
            continue
        out.append(diag(article.source, article.title_line, "duplicate_title", level=WARNING,
                        title=article.title, other=other.source))
    return out


def text_findings(source: Source) -> list[Diagnostic]:
    """Per line of a decoded file: text not saved in NFC, invisible formatting characters.
    (Control characters are the decoder's error, reported by the build itself.)"""
    out = [diag(source.path, number, "not_nfc", level=WARNING) for number in source.not_nfc]
    if not has_invisible_chars(source.text):
        return out
    for number, line in enumerate(source.text.split("\n"), start=1):
        found = invisible_chars(line)
        if found:
            first = min(line.index(ch) for ch in found)
            words = " ".join(strip_invisible(line[:first]).split()[-3:])
            out.append(diag(source.path, number, "invisible_chars", level=WARNING,
                            chars=describe_chars(found),
                            names=", ".join(dict.fromkeys(INVISIBLE_NAMES.get(ch, "ký tự ẩn") for ch in found)),
                            where=f' ngay sau chữ "{words}"' if words else " ở đầu dòng"))
    return out
