"""Transactional output: build into a hidden sibling folder, then swap it in.

The staging folder ``.<out>.staging`` is filled while ``<out>`` stays exactly as
it was; one atomic ``renameat2(RENAME_EXCHANGE)`` then swaps the two (two
renames where that call is missing, recovered at the next build if the process
died between them). The previous generation is kept as ``.<out>.prev`` and is
the next build's starting point: only files whose bytes changed are written
and only files that disappeared are removed, so a rebuild neither rewrites nor
deletes a whole tree (unlinking thousands of files costs seconds on slow disks).
A lock file stops two builds writing the same output at once, and a marker file
tells our own output folder from a folder that bantin must not delete.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

import filelock

from .errors import UsageError

MARKER = ".bantin-output"
MARKER_TEXT = "Thư mục này do bantin tạo ra; mỗi lần tạo trang sẽ thay toàn bộ.\n".encode("utf-8")
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@dataclass(frozen=True)
class Paths:
    """The hidden siblings of an output folder."""

    lock: Path
    staging: Path
    prev: Path

    @classmethod
    def of(cls, output: Path) -> "Paths":
        parent, name = output.parent, output.name
        return cls(parent / f".{name}.lock", parent / f".{name}.staging", parent / f".{name}.prev")


@dataclass(frozen=True)
class WriteStats:
    files: int  # files in the new output
    written: int  # files whose bytes changed
    removed: int  # files of the previous generation that are gone


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
    """Hold an exclusive lock for *output*; a second build waits for the first.

    filelock uses the operating system's own lock (flock on POSIX, LockFileEx on
    Windows), released by the system if the process dies: a killed build never
    leaves a lock behind.
    """
    lock_path = Paths.of(output).lock
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    lock = filelock.FileLock(os.fspath(lock_path), thread_local=False)
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        if wait_message:
            wait_message()
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


def recover(output: Path) -> None:
    """Repair what a killed build left (call with the lock held).

    A build killed between the two fallback renames left no output but a
    complete previous generation: put it back. Anything else is only a base
    for the next staging folder, which is verified file by file anyway.
    """
    paths = Paths.of(output)
    if not output.exists() and paths.prev.is_dir() and (paths.prev / MARKER).exists():
        os.rename(paths.prev, output)
    for stale in sorted(output.parent.glob(f".{output.name}.tmp-*")) + \
            sorted(output.parent.glob(f".{output.name}.old-*")):
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
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _prepare_staging(paths: Paths) -> Path:
    """The staging folder, started from the previous generation when there is one."""
    staging = paths.staging
    if staging.is_symlink() or (staging.exists() and not staging.is_dir()):
        staging.unlink()
    if not staging.exists():
        if paths.prev.is_dir() and not paths.prev.is_symlink():
            os.rename(paths.prev, staging)
        else:
            staging.mkdir(parents=True)
    return staging


def _prune(staging: Path, files: set[str], folders: set[str]) -> int:
    """Remove from *staging* every file and folder the new site does not have."""
    removed = 0
    for dirpath, dirnames, filenames in os.walk(staging):
        rel_dir = os.path.relpath(dirpath, staging).replace(os.sep, "/")
        prefix = "" if rel_dir == "." else rel_dir + "/"
        keep = []
        for name in dirnames:
            if prefix + name in folders and not os.path.islink(os.path.join(dirpath, name)):
                keep.append(name)
            else:
                full = os.path.join(dirpath, name)
                if os.path.islink(full):
                    os.unlink(full)
                else:
                    removed += sum(len(f) for _, _, f in os.walk(full))
                    shutil.rmtree(full)
        dirnames[:] = keep
        for name in filenames:
            if prefix + name not in files:
                os.unlink(os.path.join(dirpath, name))
                removed += 1
    return removed


def _same_bytes(target: Path, data: bytes) -> bool:
    try:
        if target.stat().st_size != len(data):
            return False
        return target.read_bytes() == data
    except OSError:
        return False


def _same_file(target: Path, source: Path) -> bool:
    try:
        a, b = target.stat(), source.stat()
    except OSError:
        return False
    return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns


def fill_staging(staging: Path, files: list[tuple[str, bytes]], copies: list[tuple[Path, str]]) -> WriteStats:
    """Make *staging* hold exactly the new site, touching only what changed."""
    files = files + [(MARKER, MARKER_TEXT)]
    wanted = {rel for rel, _ in files} | {rel for _, rel in copies}
    folders = {parent for rel in wanted for parent in _parents(rel)}
    removed = _prune(staging, wanted, folders)
    written = 0
    for folder in sorted(folders):
        (staging / folder).mkdir(exist_ok=True)
    for rel, data in files:
        target = staging / rel
        if not _same_bytes(target, data):
            target.write_bytes(data)
            written += 1
    for source, rel in copies:
        target = staging / rel
        if not _same_file(target, source):
            shutil.copy2(source, target)  # keeps mtime, so the next build can skip it
            written += 1
    return WriteStats(len(wanted), written, removed)


def _parents(rel: str) -> list[str]:
    parts = rel.split("/")[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def swap_in(paths: Paths, output: Path) -> None:
    """Make the staging folder the output; the old output becomes the next base."""
    if output.exists():
        if _exchange(paths.staging, output):
            os.rename(paths.staging, paths.prev)
            return
        os.rename(output, paths.prev)  # killed here: recover() puts it back
        os.rename(paths.staging, output)
    else:
        os.rename(paths.staging, output)


def write_site(output: Path, files: list[tuple[str, bytes]], copies: list[tuple[Path, str]],
               force: bool = False, wait_message=None, locked: bool = False) -> WriteStats:
    """The whole transaction: lock (unless the caller holds it), recover, check, fill staging, swap."""
    output = output.absolute()
    with (nullcontext() if locked else output_lock(output, wait_message)):
        recover(output)
        check_output_folder(output, force)
        paths = Paths.of(output)
        if paths.prev.exists() and not paths.prev.is_symlink() and paths.staging.exists():
            shutil.rmtree(paths.prev, ignore_errors=True)
        staging = _prepare_staging(paths)
        stats = fill_staging(staging, files, copies)
        swap_in(paths, output)
    return stats
