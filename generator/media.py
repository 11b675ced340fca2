"""content/media: the one walk that decides which files are published as media.

Build, ``check`` and ``serve`` all use ``media_files``: every file under
content/media is either published (returned as a copy) or reported — never
silently skipped. A link leaving content/ and anything that is not a regular
file (FIFO, device, socket) is an error.
"""

from __future__ import annotations

import os
from pathlib import Path

from .config import MEDIA_DIR
from .errors import Diagnostic, diag
from .safefs import KIND_NAMES, inside, kind_of


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
        if real in seen:  # a link loop
            continue
        seen.add(real)
        try:
            names = sorted(os.listdir(folder))
        except OSError as err:
            out.append(diag(_shown(content, folder), None, "unreadable", reason=err.strerror or str(err)))
            continue
        for name in names:
            if name.startswith("."):
                continue
            path = folder / name
            if kind_of(path, follow=False) == "symlink" and not inside(path, content):
                out.append(diag(_shown(content, path), None, "symlink_outside"))
                continue
            kind = kind_of(path)
            if kind == "directory":
                pending.append(path)
            elif kind is None:
                copies.append((path, f"{MEDIA_DIR}/{path.relative_to(root).as_posix()}"))
            else:
                out.append(diag(_shown(content, path), None, "not_regular", kind=KIND_NAMES[kind]))
    return sorted(copies, key=lambda c: c[1]), sorted(out)
