"""Two outputs at one path: the one check over everything a build writes.

An article with ``slug: trang-2`` and page 2 of its section's list, a tag
called "trang 2" and page 2 of the tag index, an editor's ``media/a-720.webp``
and the 720-px variant of ``media/a.jpg``, ``media/Anh.jpg`` and
``media/anh.jpg`` (one file on Windows and macOS), a file and a folder of the
same name: whichever is written last would silently replace the other. The
build and ``check`` run ``collisions`` over the full list of outputs and
copies before anything is written; each clash is an error naming both sources.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Iterable

from .errors import Diagnostic, diag


@dataclass(frozen=True)
class Origin:
    """Where one output comes from: shown to the editor, and the file blamed."""

    what: str  # "bài content/tin-tuc/x.md", "trang 2 của danh sách /tin-tuc/"…
    file: str = ""  # the editor's file to fix, if there is one
    line: int | None = None
    editable: bool = False  # an editor can change it (an article, a media file)


def _key(path: str) -> str:
    """The name a case-insensitive, normalising file system (Windows, macOS) sees."""
    return unicodedata.normalize("NFC", path).casefold()


def collisions(outputs: Iterable[tuple[str, Origin]], fallback: str) -> list[Diagnostic]:
    """An error for every two outputs that would land on one file (or a file where
    another needs a folder). Blamed on the editable source when there is one,
    else on *fallback* (the content folder)."""
    seen: dict[str, tuple[str, Origin]] = {}
    out: list[Diagnostic] = []

    def clash(path: str, first: Origin, second: Origin) -> None:
        blamed, other = (second, first) if second.editable or not first.editable else (first, second)
        out.append(diag(blamed.file or fallback, blamed.line if blamed.file else None, "output_collision",
                        target=path, one=blamed.what, other=other.what))

    items = list(outputs)
    for path, origin in items:
        key = _key(path)
        if key in seen:
            clash(path, seen[key][1], origin)
        else:
            seen[key] = (path, origin)
    for path, origin in items:  # a file where another output needs a folder
        parts = _key(path).split("/")
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            if folder in seen:
                clash(f"{seen[folder][0]} / {path}", seen[folder][1], origin)
                break
    return sorted(set(out))


def output_origins(content, site, plans, copies: Iterable[tuple[object, str]],
                   generated: Iterable[str] = ()) -> list[tuple[str, Origin]]:
    """(output path, origin) of every file a build writes: the planned pages
    (pages.plan_pages), copied files, every photo variant (images.py) and the
    other generated files (feed, sitemap, search index…)."""
    from . import urls
    from .content import display_path

    out: list[tuple[str, Origin]] = []
    for plan in plans:
        url, item = plan.url, plan.data.get("article")
        if item is not None and item.url == url:
            line = item.lines.get("slug") or item.title_line
            out.append((urls.output_path(url), Origin(f"bài {item.source}", item.source, line, True)))
        else:
            out.append((urls.output_path(url), Origin(f"trang {url} do bantin tạo (danh sách, chuyên mục, thẻ…)")))
    root = str(content.resolve()) if hasattr(content, "resolve") else ""
    for file, rel in copies:
        real = str(file.resolve()) if hasattr(file, "resolve") else str(file)
        if root and real.startswith(root):
            shown = display_path(content, file)
            out.append((rel, Origin(f"tệp {shown}", shown, None, True)))
        else:
            out.append((rel, Origin(f"tệp giao diện {rel}")))
    for picture in site.images.values():
        shown = display_path(content, content / picture.source)
        for variant in picture.variants:
            out.append((variant.path, Origin(f"ảnh thu nhỏ của {shown}", shown, None, True)))
        if picture.original:
            out.append((picture.original, Origin(f"bản gốc của {shown}", shown, None, True)))
    out += [(path, Origin(f"tệp {path} do bantin tạo")) for path in generated]
    return out
