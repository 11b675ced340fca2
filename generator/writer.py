"""Transactional output: build into a hidden sibling folder, then swap it in.

On any failure before the swap the previous output folder is untouched. The
swap itself is one atomic ``renameat2(RENAME_EXCHANGE)`` on Linux, two renames
elsewhere (with recovery at the next build if the process died between them).
A lock file stops two builds writing the same output at once, and a marker
file tells our own output folder from a folder that bantin must not delete.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

from .errors import UsageError

MARKER = ".bantin-output"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def staging_paths(output: Path) -> tuple[Path, Path, Path]:
    """(lock file, staging folder, old folder) beside *output*."""
    parent, name = output.parent, output.name
    return (parent / f".{name}.lock", parent / f".{name}.tmp-{os.getpid()}",
            parent / f".{name}.old-{os.getpid()}")


def check_output_folder(output: Path, force: bool) -> None:
    """Refuse to replace a non-empty folder bantin did not create (unless --force)."""
    if output.is_symlink() or (output.exists() and not output.is_dir()):
        raise UsageError(f"{output} không phải một thư mục — chọn thư mục khác với --output")
    if output.is_dir() and not force and not (output / MARKER).exists() and any(output.iterdir()):
        raise UsageError(
            f"thư mục {output} đã có tệp không do bantin tạo ra; bantin sẽ không xoá chúng. "
            "Chọn một thư mục trống với --output, hoặc thêm --force nếu chắc chắn muốn thay toàn bộ thư mục này.")


@contextmanager
def output_lock(output: Path, wait_message=None):
    """Hold an exclusive lock for *output*; a second build waits for the first."""
    lock_path = staging_paths(output)[0]
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if wait_message:
                wait_message()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def recover(output: Path) -> None:
    """Clean up after a build that was killed (call with the lock held)."""
    parent, name = output.parent, output.name
    if not parent.is_dir():
        return
    leftovers = sorted(parent.glob(f".{name}.old-*"))
    if not output.exists() and leftovers:
        os.rename(leftovers[-1], output)  # died between the two renames: put it back
        leftovers = leftovers[:-1]
    for stale in leftovers + sorted(parent.glob(f".{name}.tmp-*")):
        shutil.rmtree(stale, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2). False if unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))


def write_tree(staging: Path, files: list[tuple[str, bytes]], copies: list[tuple[Path, str]]) -> int:
    """Write generated files and copy static ones into *staging*. Returns the file count."""
    staging.mkdir(parents=True)
    made: set[Path] = set()
    for rel, data in files:
        target = staging / rel
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(data)
    for source, rel in copies:
        target = staging / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    (staging / MARKER).write_text("Thư mục này do bantin tạo ra; mỗi lần tạo trang sẽ thay toàn bộ.\n",
                                  encoding="utf-8")
    return len(files) + len(copies)


def swap_in(staging: Path, output: Path) -> None:
    """Make *staging* the new *output*; the old output is removed afterwards."""
    old = staging_paths(output)[2]
    if output.exists():
        if _exchange(staging, output):
            shutil.rmtree(staging, ignore_errors=True)
            return
        os.rename(output, old)
        os.rename(staging, output)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(staging, output)


def write_site(output: Path, files: list[tuple[str, bytes]], copies: list[tuple[Path, str]],
               force: bool = False, wait_message=None) -> int:
    """The whole transaction: lock, recover, check, write to staging, swap."""
    output = output.absolute()
    with output_lock(output, wait_message):
        recover(output)
        check_output_folder(output, force)
        staging = staging_paths(output)[1]
        try:
            count = write_tree(staging, files, copies)
            swap_in(staging, output)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return count
