"""A progress bar for long builds, drawn by tqdm on the terminal only.

tqdm is a maintained library that handles terminal width, redraw rate and
clean-up; we only decide when to show it: a terminal (not a pipe or a log
file), not ``-q``, and a site big enough that the wait is noticeable.
"""

from __future__ import annotations

import io
import os
import sys
from contextlib import contextmanager

from tqdm import tqdm

#: Builds with fewer pages than this finish before a bar would be useful.
THRESHOLD = 300


def _is_terminal(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _size(stream) -> tuple[int, int]:
    """Terminal (columns, rows); 80x24 when the terminal reports none (a bare pseudo-terminal says 0x0,
    which would make tqdm hide the bar)."""
    try:
        size = os.get_terminal_size(stream.fileno())
        return size.columns or 80, size.lines or 24
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return 80, 24


@contextmanager
def terminal_progress(enabled: bool = True, stream=None, threshold: int = THRESHOLD):
    """Yield a ``progress(done, total)`` callback; the bar appears only when it helps."""
    stream = stream if stream is not None else sys.stderr
    active = enabled and _is_terminal(stream)
    bar = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if not active or total < threshold:
            return
        if bar is None:
            columns, rows = _size(stream)
            bar = tqdm(total=total, file=stream, desc="Đang tạo trang", unit=" trang",
                       leave=False, ncols=columns, nrows=rows, mininterval=0.1)
        bar.update(done - bar.n)

    try:
        yield update
    finally:
        if bar is not None:
            bar.close()
