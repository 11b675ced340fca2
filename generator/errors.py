"""Diagnostics: what went wrong, where, and how to fix it, for editors.

Every stage returns diagnostics instead of raising, so one broken article never
hides the errors of the others. Message texts live in ``messages.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

import errno as _errno

from .messages import MESSAGES, OS_REASONS

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem found in one file (``line`` is 1-based, or None when unknown)."""

    path: str
    line: int | None
    message: str
    level: str = ERROR
    code: str = ""

    def format(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        prefix = "" if self.level == ERROR else "cảnh báo: "
        return f"{where}: {prefix}{self.message}"


def diag(path: str, line: int | None, code: str, level: str = ERROR, **values: object) -> Diagnostic:
    """Build a diagnostic from the message catalogue entry *code*."""
    return Diagnostic(path, line, MESSAGES[code].format(**values), level, code)


def os_reason(exc: BaseException) -> str:
    """Why a file could not be read or written, in Vietnamese: the one place an OSError
    becomes text for editors (the system's own strerror is English)."""
    if getattr(exc, "vietnamese", False):  # bantin's own OSErrors carry Vietnamese already
        return str(getattr(exc, "strerror", "") or exc)
    name = _errno.errorcode.get(getattr(exc, "errno", None) or -1, "")
    if name in OS_REASONS:
        return OS_REASONS[name]
    if getattr(exc, "winerror", None) == 32:  # ERROR_SHARING_VIOLATION: open in Word or Excel
        return OS_REASONS["EBUSY"]
    code = getattr(exc, "errno", None)
    return f"lỗi hệ thống số {code}" if code else "lỗi hệ thống"


def errors_of(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.level == ERROR]


def sort_key(d: Diagnostic) -> tuple:
    return (d.path, d.line or 0, d.message)


class BuildFailed(Exception):
    """Raised by the pipeline when content errors stop a build; holds every error."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(f"{len(diagnostics)} lỗi")
        self.diagnostics = sorted(diagnostics, key=sort_key)


class UsageError(Exception):
    """A wrong command line or output folder: exit code 2, message in Vietnamese."""
