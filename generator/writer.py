"""Transactional output: build into a staging folder, then swap it in.

Everything bantin keeps between builds lives in one state folder, never inside
or beside the served tree by default (``.bantin/<output>-<hash>/`` next to
``content/``, or ``--state``): the lock, the staging folder, the previous
generation and the caches. The staging folder is filled while ``<out>`` stays
exactly as it was; one atomic ``renameat2(RENAME_EXCHANGE)`` then swaps the two
on Linux. Elsewhere (Windows, macOS) two renames do it, ``<out>`` to the
previous generation then staging to ``<out>``: a failure between them is rolled
back at once, and a build killed between them is recovered by the next one,
which finds no output but a complete previous generation. The previous
generation is the next build's starting point: only files whose bytes changed
are written and only files that disappeared are removed. A marker file tells
our own output folder from a folder that bantin must not delete.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import os
import re
import shutil
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

import warnings

with warnings.catch_warnings():  # without fcntl (not Windows) filelock warns that it uses a soft lock
    warnings.simplefilter("ignore")
    import filelock

from .errors import BuildFailed, UsageError, diag, os_reason
from .portable import can_exchange

MARKER = ".bantin-output"
MARKER_TEXT = "Thư mục này do bantin tạo ra; mỗi lần tạo trang sẽ thay toàn bộ.\n".encode("utf-8")
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


STATE_DIR = ".bantin"


def default_state(content: Path, output: Path) -> Path:
    """``.bantin/<output name>-<hash of its path>`` next to the content folder."""
    output = output.absolute()
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", output.name).strip(".-") or "site"
    key = hashlib.sha256(os.fsencode(output)).hexdigest()[:10]
    return content.absolute().parent / STATE_DIR / f"{name}-{key}"


@dataclass(frozen=True)
class Paths:
    """What one output keeps in its state folder."""

    state: Path
    lock: Path
    staging: Path
    prev: Path

    @classmethod
    def of(cls, output: Path, state: Path | None = None) -> "Paths":
        state = (state or default_state(output.parent, output)).absolute()
        return cls(state, state / "lock", state / "staging", state / "previous")


@dataclass(frozen=True)
class WriteStats:
    files: int  # files in the new output
    written: int  # files whose bytes changed
    removed: int  # files of the previous generation that are gone
    notes: tuple[str, ...] = ()  # said once to the editor (old leftovers cleaned up…)


def prepare_state(paths: Paths, output: Path) -> None:
    """Create the state folder; it must be on the output's drive (a swap is a rename)."""
    try:
        paths.state.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"không tạo được thư mục trạng thái {paths.state} ({_reason(exc)}) — "
                         "chọn một thư mục ghi được với --state") from exc
    parent = output.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    try:
        same = os.stat(paths.state).st_dev == os.stat(parent).st_dev
    except OSError:
        same = True
    if not same:
        raise UsageError(f"thư mục trạng thái {paths.state} và thư mục ghi trang {output} nằm trên hai ổ đĩa "
                         "khác nhau, nên không thể thay trang mới vào trong một bước — chọn --state trên cùng "
                         f"ổ đĩa với {output}, ví dụ --state {parent / STATE_DIR}")


def check_output_folder(output: Path, force: bool) -> None:
    """Refuse to replace a non-empty folder bantin did not create (unless --force)."""
    if output.is_symlink() or (output.exists() and not output.is_dir()):
        raise UsageError(f"{output} không phải một thư mục — chọn thư mục khác với --output")
    if output.is_dir() and not force and not (output / MARKER).exists() and any(output.iterdir()):
        raise UsageError(
            f"thư mục {output} đã có tệp không do bantin tạo ra; bantin sẽ không xoá chúng. "
            "Chọn một thư mục trống với --output, hoặc thêm --force nếu chắc chắn muốn thay toàn bộ thư mục này.")


@contextmanager
def output_lock(output: Path, wait_message=None, paths: "Paths | None" = None):
    """Hold an exclusive lock for *output*; a second build waits for the first.

    filelock uses the operating system's own lock (flock on POSIX, LockFileEx on
    Windows), released by the system if the process dies: a killed build never
    leaves a lock behind.
    """
    lock_path = (paths or Paths.of(output)).lock
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"không tạo được thư mục trạng thái {lock_path.parent} ({_reason(exc)}) — "
                         "chọn một thư mục ghi được với --state") from exc
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


def recover(output: Path, paths: Paths | None = None) -> None:
    """Repair what a killed build left (call with the lock held).

    A build killed between the two renames left no output but a complete
    previous generation: put it back. Anything else is only a base for the
    next staging folder, which is verified file by file anyway.
    """
    paths = paths or Paths.of(output)
    prev = paths.prev
    if not output.exists() and not output.is_symlink() and prev.is_dir() and not prev.is_symlink() \
            and (prev / MARKER).is_file():
        os.rename(prev, output)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2). False if unsupported."""
    if not can_exchange():
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
    """The staging folder, started from the previous generation when there is one.

    The state folder is ours: a link or a file where a folder belongs (planted,
    or left by a crash) is removed, never followed.
    """
    for place in (paths.staging, paths.prev):
        if place.is_symlink() or (place.exists() and not place.is_dir()):
            place.unlink()
    staging = paths.staging
    if staging.exists() and paths.prev.exists():
        shutil.rmtree(paths.prev)
    if not staging.exists():
        if paths.prev.is_dir():
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


def _same_file(target: Path, source: Path, block: int = 1 << 20) -> bool:
    """Same bytes (a file replaced by one of the same size and time is still noticed)."""
    try:
        if target.is_symlink() or target.stat().st_size != source.stat().st_size:
            return False
        with open(target, "rb") as a, open(source, "rb") as b:
            while True:
                chunk = a.read(block)
                if chunk != b.read(block):
                    return False
                if not chunk:
                    return True
    except OSError:
        return False


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
            if target.is_symlink():
                target.unlink()
            shutil.copy2(source, target)
            written += 1
    return WriteStats(len(wanted), written, removed)


def _parents(rel: str) -> list[str]:
    parts = rel.split("/")[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def swap_in(paths: Paths, output: Path) -> None:
    """Make the staging folder the output; the old output becomes the next base."""
    if not output.exists():
        os.rename(paths.staging, output)
        return
    if _exchange(paths.staging, output):
        os.rename(paths.staging, paths.prev)
        return
    os.rename(output, paths.prev)  # killed here: recover() puts it back
    try:
        os.rename(paths.staging, output)
    except OSError:
        os.rename(paths.prev, output)  # the old site back at once
        raise


#: what bantin versions before the state folder left beside an output folder
_LEGACY_FILES = (".{}.cache", ".{}.cache-pages", ".{}.cache-images", ".{}.lock")
_LEGACY_FOLDERS = (".{}.prev", ".{}.staging")


def clean_legacy(output: Path) -> list[str]:
    """Remove the caches, lock and old generations older versions kept beside *output*.

    Those caches held the text of drafts where a web server could serve them.
    Only what carries our names and shape goes; links are removed, never followed.
    """
    notes, parent, name = [], output.parent, output.name
    found = [parent / pattern.format(name) for pattern in _LEGACY_FILES + _LEGACY_FOLDERS]
    try:
        found += sorted(p for p in parent.glob(f".{glob_escape(name)}.*") if re.search(r"\.(tmp|old)-\d+$", p.name))
    except OSError:
        pass
    for path in found:
        try:
            if path.is_symlink() or path.is_file():
                path.unlink()
            elif path.is_dir() and ((path / MARKER).is_file() or not any(path.iterdir())
                                    or path.name.endswith(".staging") or re.search(r"-\d+$", path.name)):
                shutil.rmtree(path)
            else:
                if path.exists():
                    notes.append(f"ghi chú: bỏ qua {path} (không phải thư mục bantin tạo ra) — xoá nó nếu không dùng")
                continue
        except FileNotFoundError:
            continue
        except OSError as exc:
            notes.append(f"ghi chú: không xoá được {path} ({_reason(exc)}) — hãy tự xoá: bantin không dùng nó nữa")
            continue
        notes.append(f"ghi chú: đã xoá {path}, do phiên bản bantin cũ để lại cạnh thư mục trang web; "
                     "nay bantin giữ bộ nhớ đệm và bản trước trong thư mục trạng thái riêng")
    return notes


def glob_escape(text: str) -> str:
    return re.sub(r"([*?[])", r"[\1]", text)


def _reason(exc: OSError) -> str:
    return os_reason(exc)


def write_failure(exc: OSError, output: Path, paths: Paths) -> BuildFailed:
    """A Vietnamese error naming the path and the fix; the old site is untouched."""
    where = exc.filename if isinstance(exc.filename, str) and exc.filename else str(output)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        code = "write_no_space"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        code = "write_denied"
    elif exc.errno in (errno.EBUSY, errno.ETXTBSY) or getattr(exc, "winerror", None) in (5, 32, 33):
        code = "write_busy"
    else:
        code = "write_failed"
    return BuildFailed([diag(where, None, code, output=str(output), state=str(paths.state),
                             reason=_reason(exc))])


def write_site(output: Path, files: list[tuple[str, bytes]], copies: list[tuple[Path, str]],
               force: bool = False, wait_message=None, locked: bool = False,
               state: Path | None = None) -> WriteStats:
    """The whole transaction: lock (unless the caller holds it), recover, check, fill staging, swap."""
    output = output.absolute()
    paths = Paths.of(output, state)
    with (nullcontext() if locked else output_lock(output, wait_message, paths)):
        prepare_state(paths, output)
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            recover(output, paths)
            check_output_folder(output, force)
            staging = _prepare_staging(paths)
            stats = fill_staging(staging, files, copies)
            swap_in(paths, output)
        except OSError as exc:
            raise write_failure(exc, output, paths) from exc
    notes = clean_legacy(output)
    return WriteStats(stats.files, stats.written, stats.removed, tuple(notes))
