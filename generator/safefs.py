"""Safe file access: the one place that decides what bantin may read or copy.

Content, configuration and saved pages are untrusted. Every file bantin reads
goes through ``read_regular``: only a regular file is ever opened for reading
(a FIFO, device or socket named ``x.md`` would block the build forever or read
a device), and the open itself never blocks. ``kind_of`` names what a path is
without following a link; ``inside`` is the containment test used for every
"must stay under this folder" rule. Portable: ``O_NONBLOCK``/``O_NOFOLLOW`` are
used where the platform has them (Windows has no FIFOs to guard against).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)

#: what an editor is told a non-regular file is
KIND_NAMES = {
    "fifo": "một đường ống (FIFO)",
    "device": "một thiết bị",
    "socket": "một socket",
    "directory": "một thư mục",
    "symlink": "một liên kết tượng trưng",
    "missing": "không tồn tại",
    "other": "không phải tệp thường",
}


class NotRegularFile(OSError):
    """Raised instead of opening anything that is not a regular file."""

    vietnamese = True  # its strerror is written for editors (errors.os_reason shows it)

    def __init__(self, path: Path | str, kind: str):
        self.kind = kind
        super().__init__(f"{path}: {KIND_NAMES.get(kind, kind)}")
        self.strerror = f"không phải tệp thường — đây là {KIND_NAMES.get(kind, kind)}"
        self.filename = str(path)


def _kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISLNK(mode):
        return "symlink"
    return "other"


def kind_of(path: Path | str, follow: bool = True) -> str | None:
    """None for a regular file, else "fifo", "device", "socket", "directory",
    "symlink" (only when *follow* is false) or "missing". Never opens the file."""
    try:
        mode = os.stat(path).st_mode if follow else os.lstat(path).st_mode
    except (OSError, ValueError):
        return "missing"
    return _kind(mode)


def is_regular(path: Path | str, follow: bool = True) -> bool:
    return kind_of(path, follow) is None


def read_regular(path: Path | str, limit: int | None = None, follow: bool = True) -> bytes:
    """The bytes of *path*, which must be a regular file (else NotRegularFile).

    The open is non-blocking and the type is checked again on the open handle,
    so a file swapped for a FIFO between the two checks still cannot block.
    With *follow* false a symlink is refused. With *limit*, at most limit + 1
    bytes are read (the caller can tell "too large" without reading it all)."""
    kind = kind_of(path, follow)
    if kind is not None:
        raise NotRegularFile(path, kind)
    flags = os.O_RDONLY | _NONBLOCK | _BINARY | (0 if follow else _NOFOLLOW)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        if not follow and os.path.islink(path):
            raise NotRegularFile(path, "symlink") from err
        raise
    try:
        info = os.fstat(fd)
        kind = _kind(info.st_mode)
        if kind is not None:
            raise NotRegularFile(path, kind)
        if _NONBLOCK:
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            return handle.read() if limit is None else handle.read(limit + 1)
    finally:
        if fd >= 0:
            os.close(fd)


def inside(path: Path | str, root: Path | str) -> bool:
    """Whether *path*, with every link resolved, is *root* or under it."""
    try:
        real = Path(os.path.realpath(path))
        base = Path(os.path.realpath(root))
    except (OSError, ValueError):
        return False
    return real == base or base in real.parents
