"""Spreading pure stages over processes: the same functions, run on more cores.

``parallel_map`` runs ``func`` over ``items`` in a pool of forked worker
processes when there is enough work and more than one core, and in this
process otherwise; results always come back in input order, so output is the
same byte for byte either way. Workers are forked, so large read-only state
(the site model, the Jinja environment) is shared by copy-on-write through
``shared_state`` instead of being pickled.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: below this many items a pool costs more than it saves
MIN_ITEMS = 200

_STATE: dict = {}


def shared_state() -> dict:
    """State set by the parent before forking, readable in workers."""
    return _STATE


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def parallel_map(func: Callable[[T], R], items: Sequence[T], jobs: int = 1, state: dict | None = None,
                 progress: Callable[[int, int], None] | None = None, chunksize: int = 16) -> list[R]:
    """``[func(item) for item in items]``, on up to *jobs* processes."""
    _STATE.clear()
    _STATE.update(state or {})
    total = len(items)
    use_pool = jobs > 1 and total >= MIN_ITEMS and "fork" in multiprocessing.get_all_start_methods()
    results: list[R] = []
    try:
        if not use_pool:
            for item in items:
                results.append(func(item))
                if progress:
                    progress(len(results), total)
            return results
        context = multiprocessing.get_context("fork")
        # workers ignore Ctrl-C: the parent stops the pool and says so, once, in Vietnamese
        with context.Pool(processes=min(jobs, total), initializer=signal.signal,
                          initargs=(signal.SIGINT, signal.SIG_IGN)) as pool:
            for result in pool.imap(func, items, chunksize=chunksize):
                results.append(result)
                if progress:
                    progress(len(results), total)
        return results
    finally:
        _STATE.clear()
