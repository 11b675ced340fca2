"""What differs between Windows, macOS and Linux, decided in one place.

Nothing here imports a POSIX-only module. ``BANTIN_SIMULATE_WINDOWS=1`` hides
the POSIX-only facilities bantin could otherwise use (``fcntl`` and friends
become unimportable, there is no ``fork`` start method, no ``renameat2``), so
CI can run the command tests a second time the way a Windows PC runs them;
``generator/__init__.py`` turns it on before anything else is imported, in
the main process, in subprocesses and in spawned workers alike.
"""

from __future__ import annotations

import importlib.abc
import multiprocessing
import os
import sys

SIMULATE_WINDOWS = "BANTIN_SIMULATE_WINDOWS"

#: modules that exist only on POSIX systems (hidden by the simulation)
POSIX_ONLY = ("fcntl", "resource", "grp")  # (termios stays: the tests drive a pseudo-terminal)


def simulating_windows() -> bool:
    return os.environ.get(SIMULATE_WINDOWS) == "1"


def start_method() -> str:
    """``fork`` where it exists (state is shared, nothing pickled), else ``spawn``."""
    if not simulating_windows() and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def can_exchange() -> bool:
    """Whether an atomic exchange of two folders (Linux ``renameat2``) may be tried."""
    return sys.platform.startswith("linux") and not simulating_windows()


class _Hide(importlib.abc.MetaPathFinder):
    """Makes the POSIX-only modules unimportable, as on Windows."""

    def find_spec(self, name, path=None, target=None):
        if name in POSIX_ONLY:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


def simulate_windows() -> None:
    """Hide the POSIX-only facilities from this process (and what it starts)."""
    if not any(isinstance(finder, _Hide) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Hide())
    for name in POSIX_ONLY:
        sys.modules.pop(name, None)
    try:
        multiprocessing.set_start_method("spawn", force=True)
    except RuntimeError:
        pass


def utf8_console() -> None:
    """Vietnamese on any console: UTF-8 out, even on a Windows code page or a pipe."""
    if sys.platform == "win32":
        try:
            import ctypes
            ctypes.windll.kernel32.SetConsoleOutputCP(65001)  # type: ignore[attr-defined]
        except (ImportError, AttributeError, OSError):
            pass
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass
