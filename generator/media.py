"""content/media: the one walk that decides which files are published as media.

Build, ``check`` and ``serve`` all use ``media_files``: every file under
content/media is either published (returned as a copy) or reported — never
silently skipped. A link leaving content/ and anything that is not a regular
file (FIFO, device, socket) is an error.

Active content is refused, never published: a file in content/media is served
from the site's own address, so an SVG, HTML or XML file with a script would
run with the site's rights. Only the passive types in ``PASSIVE`` may be
published (an allowlist, so a type nobody thought of is refused too), and a
file whose first bytes are web markup (``<svg``, ``<html``, ``<script``…) is
refused whatever its name. The editor guide (docs/bien-tap-vien.md) says so.
"""

from __future__ import annotations

import os
from pathlib import Path

from .config import MEDIA_DIR
from .errors import Diagnostic, diag, os_reason
from .safefs import KIND_NAMES, inside, kind_of, read_regular

#: the file types content/media may publish: they are shown or downloaded, never run
PASSIVE = frozenset({
    # pictures a browser shows
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp", ".ico",
    # documents to read or download
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".rtf",
    ".txt", ".csv",
    # archives, sound and video
    ".zip", ".rar", ".7z", ".mp3", ".m4a", ".wav", ".ogg", ".oga", ".mp4", ".m4v", ".webm", ".ogv",
})
#: bytes that make a browser treat a file as a web page or drawing with script,
#: looked for at the start of every media file (after a BOM and blanks)
_MARKUP = (b"<svg", b"<html", b"<!doctype", b"<?xml", b"<script", b"<body", b"<head", b"<iframe",
           b"<object", b"<embed", b"<xsl", b"<!--", b"<meta", b"<a ", b"<img", b"<div", b"<style",
           b"<x:", b"<?xml-stylesheet")
SNIFF_BYTES = 1024
#: files Windows and macOS write into any folder by themselves: not content, not published
OS_JUNK = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini"})


def media_problem(name: str, head: bytes) -> tuple[str, dict] | None:
    """Why a media file named *name*, starting with *head*, may not be published
    (message code and values), or None. Pure: the rule build, check and serve share."""
    suffix = name[name.rfind("."):].lower() if "." in name.lstrip(".") else ""
    if suffix not in PASSIVE:
        return "media_active", {"suffix": suffix or "(không có đuôi)", "fix": _fix(suffix)}
    start = head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n\f").lower().replace(b"\x00", b"")
    if start.startswith(b"<") and any(tag in start for tag in _MARKUP):
        return "media_markup", {"suffix": suffix}
    return None


def _fix(suffix: str) -> str:
    if suffix in (".svg", ".svgz"):
        return "xuất hình vẽ sang ảnh .png (hoặc .jpg) rồi dùng tệp đó"
    if suffix in (".html", ".htm", ".xhtml", ".xht", ".shtml", ".mht", ".mhtml"):
        return "lưu trang thành .pdf, hoặc nén tệp vào một tệp .zip nếu cần cho tải về"
    return "nếu là tài liệu cho người đọc tải về, nén vào một tệp .zip hoặc lưu thành .pdf"


def _shown(content: Path, file: Path) -> str:
    from .content import display_path  # content.py imports markup; keep this module light

    return display_path(content, file)


def media_files(content: Path) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
    """(file, output path) of every publishable file under content/media, sorted,
    and a diagnostic for each file that may not be published. Hidden files and
    folders (``.git``, ``.DS_Store``) are not part of the site and are skipped."""
    root = content / MEDIA_DIR
    copies: list[tuple[Path, str]] = []
    out: list[Diagnostic] = []
    if kind_of(root, follow=False) == "symlink" and not inside(root, content):
        return [], [diag(_shown(content, root), None, "symlink_outside")]
    if not root.is_dir():
        return [], []
    seen: set[str] = set()
    pending = [root]
    while pending:
        folder = pending.pop()
        real = os.path.realpath(folder)
        if real in seen:  # a link loop, or a second link to one folder
            out.append(diag(_shown(content, folder), None, "symlink_loop"))
            continue
        seen.add(real)
        try:
            names = sorted(os.listdir(folder))
        except OSError as err:
            out.append(diag(_shown(content, folder), None, "unreadable", reason=os_reason(err)))
            continue
        for name in names:
            if name.startswith(".") or name.lower() in OS_JUNK:
                continue
            path = folder / name
            # a link may not leave media/: one to content/ would publish site.yml, drafts' files…
            if kind_of(path, follow=False) == "symlink" and not inside(path, root):
                out.append(diag(_shown(content, path), None, "symlink_outside"))
                continue
            kind = kind_of(path)
            if kind == "directory":
                pending.append(path)
            elif kind is None:
                try:
                    head = read_regular(path, limit=SNIFF_BYTES)[:SNIFF_BYTES]
                except OSError as err:
                    out.append(diag(_shown(content, path), None, "unreadable", reason=os_reason(err)))
                    continue
                problem = media_problem(name, head)
                if problem is not None:
                    out.append(diag(_shown(content, path), None, problem[0], **problem[1]))
                    continue
                copies.append((path, f"{MEDIA_DIR}/{path.relative_to(root).as_posix()}"))
            else:
                out.append(diag(_shown(content, path), None, "not_regular", kind=KIND_NAMES[kind]))
    return sorted(copies, key=lambda c: c[1]), sorted(out)
