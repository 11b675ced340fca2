"""Site search: a Pagefind index of the published articles and pages.

Pagefind (its Python package with the binary in the wheel) builds a static
index that the search page queries in the browser; no server is needed.

What is indexed is decided here, from the site model: every *published*
article and page (drafts and future articles never, even in a preview build,
so ``serve`` cannot leak them into an index). Each becomes a small search
document (``search_document``, pure) that carries the title, date, section and
category as Pagefind metadata and the section as a filter.

Vietnamese: Pagefind (1.5+) ignores tone marks but keeps "đ", which has no
Unicode decomposition, so "duong" would not find "đường". A document whose text
has đ/Đ therefore carries a second copy with đ -> d after a marker word. Both
copies have the same words in the same order, so the search page maps a match
in the copy (word ``N + 1 + i``) back to word ``i`` of the original and shows
the original text, highlighted (``static/search.js``).

``index_files`` runs Pagefind (the binary in the ``pagefind[bin]`` wheel) in a temporary folder and returns the index as
``(path, bytes)`` pairs, which the writer puts in the staging folder with the
pages: a failed index fails the build and never publishes half an index.
"""

from __future__ import annotations

import html
import os
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

from . import urls
from .content import Article
from .model import Site, is_published
from .text import format_date

#: the word between the original text and its đ-folded copy (search.js knows it)
FOLD_MARKER = "⁂"
#: Pagefind files the search page does not use (Pagefind's own UIs)
_UNUSED = ("pagefind-ui.", "pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight.")

_FOLD = str.maketrans({"đ": "d", "Đ": "D"})


def fold_d(text: str) -> str:
    """"Đường đi" -> "Duong di"... only đ/Đ: Pagefind folds the tone marks itself."""
    return text.translate(_FOLD)


def searchable(site: Site, now: datetime) -> tuple[Article, ...]:
    """What the index holds: published articles and pages, never drafts or future ones."""
    return tuple(a for a in site.articles + site.pages if is_published(a, now))


def _meta(kind: str, name: str, value: str) -> str:
    return f'<meta data-pagefind-{kind}="{name}[content]" content="{html.escape(value, quote=True)}">\n'


def search_document(article: Article, site: Site) -> str:
    """The HTML Pagefind indexes for one article: metadata, filter, title and body
    (plus the đ-folded copy when the text has đ). Pure."""
    section = site.types[article.section]
    # the section is metadata, not a Pagefind filter: Pagefind writes filter values
    # in hash-map order (not byte-identical between builds), so the search page
    # filters by section itself
    head = _meta("meta", "title", article.title) + _meta("meta", "section", section.key)
    if section.dated and article.category and article.category != section.title:
        head += _meta("meta", "category", article.category)
    if article.date is not None:
        head += _meta("meta", "date", format_date(article.date))
    text = f"<h1>{html.escape(article.title)}</h1>\n"
    fields = [format_date(value) if isinstance(value, datetime) else value
              for _, value in article.extra if isinstance(value, (str, datetime))]
    if fields:  # a document's number, type, issuer…: what readers search it by
        text += "<p>" + html.escape(" · ".join(fields)) + "</p>\n"
    text += f"<div>{article.html}</div>\n"
    if article.tags:
        text += "<p>" + html.escape(", ".join(article.tags)) + "</p>\n"
    folded = fold_d(text)
    if folded != text:  # no Vietnamese "đ" in HTML syntax, so folding the markup is safe
        text += f"<p>{FOLD_MARKER}</p>\n{folded}"
    return (f'<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>'
            f"{html.escape(article.title)}</title>\n</head>\n<body>\n{head}"
            f"<main data-pagefind-body>\n{text}</main>\n</body>\n</html>\n")


class IndexFailed(Exception):
    """Pagefind could not build the index (missing binary, crash)."""


def pagefind_command() -> list[str]:
    """The Pagefind binary that the ``pagefind[bin]`` wheel ships (or PAGEFIND_BINARY_PATH)."""
    try:
        from pagefind.service import get_executable
    except ImportError as exc:
        raise IndexFailed("thiếu gói pagefind") from exc
    executable = get_executable()
    if executable is None:
        raise IndexFailed("không tìm thấy chương trình pagefind")
    return [str(executable)]


def index_files(documents: list[tuple[str, str]]) -> list[tuple[str, bytes]]:
    """Pagefind's index of *documents* (site URL, HTML) as ``(output path, bytes)``
    under ``pagefind/``, sorted. Raises IndexFailed.

    The binary runs once as a command over a folder of the documents (the Python
    API's asyncio service would answer file by file, and Ctrl-C during it leaves
    a subprocess transport that prints a traceback); ``subprocess.run`` stops the
    child with us.
    """
    command = pagefind_command()
    with tempfile.TemporaryDirectory(prefix="bantin-search-") as tmp:
        site_dir, out_dir = Path(tmp) / "site", Path(tmp) / "index"
        site_dir.mkdir()
        for url, document in documents:
            target = site_dir / urls.output_path(url)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(document, encoding="utf-8")
        try:
            result = subprocess.run([*command, "--site", str(site_dir), "--output-path", str(out_dir),
                                     "--force-language", "vi", "--silent"],
                                    capture_output=True, text=True, encoding="utf-8", errors="replace",
                                    timeout=1800)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise IndexFailed(f"{type(exc).__name__}: {exc}") from exc
        if result.returncode != 0:
            last = (result.stderr or result.stdout).strip().splitlines()[-1:] or [f"mã {result.returncode}"]
            raise IndexFailed(f"pagefind: {last[0]}")
        files = []
        for dirpath, _dirs, names in os.walk(out_dir):
            for name in names:
                full = Path(dirpath) / name
                rel = full.relative_to(out_dir).as_posix()
                if not rel.startswith(_UNUSED):
                    files.append((urls.SEARCH_INDEX.strip("/") + "/" + rel, full.read_bytes()))
        if not any(rel.endswith("pagefind-entry.json") for rel, _ in files):
            raise IndexFailed("Pagefind không viết ra chỉ mục")
    return sorted(files)


#: Pagefind refuses to build an index of nothing: a new site without articles
#: gets one document, the search page itself, saying so
EMPTY_DOCUMENT = (urls.SEARCH, '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
                  "<title>Tìm kiếm</title>\n</head>\n<body>\n<main data-pagefind-body>\n<h1>Tìm kiếm</h1>\n"
                  "<p>Trang chưa có bài viết nào.</p>\n</main>\n</body>\n</html>\n")


def search_index(site: Site, now: datetime) -> list[tuple[str, bytes]]:
    """The search index files of *site*'s published articles and pages."""
    documents = [(a.url, search_document(a, site)) for a in searchable(site, now)]
    return index_files(documents or [EMPTY_DOCUMENT])
