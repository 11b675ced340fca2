"""Spreading pure stages over processes: the same functions, run on more cores.

``parallel_map(func, items, state=…)`` is ``[func(state, item) for item in
items]``: the state is an explicit argument, never a module global. With more
than one core and enough work it runs on worker processes, with results
always in input order, so the output is the same byte for byte either way.

Workers start with ``fork`` where the platform has it (the state is inherited
as it is, nothing pickled) and with ``spawn`` elsewhere (Windows, or
``BANTIN_SIMULATE_WINDOWS=1``): then each worker builds its own state once
from ``setup`` (a picklable recipe), or receives *state* pickled. A worker
whose parent is gone (killed) leaves quietly, without a traceback; one that
dies leaves its share of the work to this process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from multiprocessing.connection import wait
from multiprocessing.reduction import ForkingPickler
from types import MappingProxyType
from typing import Any, Callable, Sequence, TypeVar

from .portable import start_method

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

def _mapping(items: dict) -> MappingProxyType:
    return MappingProxyType(items)


def _reduce_mapping(mapping: MappingProxyType):
    return _mapping, (dict(mapping),)


# the site model's read-only mappings travel to spawned workers (multiprocessing's pickler only)
ForkingPickler.register(MappingProxyType, _reduce_mapping)

#: below this many items a pool costs more than it saves
MIN_ITEMS = 200


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def parallel_map(func: Callable[[S, T], R], items: Sequence[T], jobs: int = 1, state: S = None,
                 setup: tuple[Callable[..., S], tuple] | None = None,
                 progress: Callable[[int, int], None] | None = None, chunksize: int = 16,
                 method: str | None = None) -> list[R]:
    """``[func(state, item) for item in items]``, on up to *jobs* processes.

    *func* and *setup*'s function must be module-level (spawned workers import
    them); ``setup = (make, args)`` builds the state in a spawned worker as
    ``make(*args)``, for state that cannot be pickled (a Jinja environment).
    """
    total = len(items)
    if jobs <= 1 or total < MIN_ITEMS:
        results = []
        for item in items:
            results.append(func(state, item))
            if progress:
                progress(len(results), total)
        return results
    return _Pool(func, state, setup, method or start_method(), min(jobs, -(-total // chunksize))) \
        .map(items, chunksize, progress)


def _worker(conn, func, state, setup, inherited=()) -> None:
    """One worker: build the state if asked, then answer chunks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent stops us and says so, once
    for other in inherited:  # forked: the parent's ends, so its death reaches us as end-of-file
        other.close()
    failure: BaseException | None = None
    try:
        if setup is not None:
            try:
                state = setup[0](*setup[1])
            except Exception as exc:  # reported with the first chunk
                failure = exc
        while True:
            task = conn.recv()
            if task is None:
                return
            number, chunk = task
            try:
                if failure is not None:
                    raise failure
                conn.send((number, True, [func(state, item) for item in chunk]))
            except Exception as exc:
                conn.send((number, False, _sendable(exc)))
    except (EOFError, OSError):  # the parent is gone (killed, or stopped us): leave quietly
        return
    finally:
        try:
            conn.close()
        except OSError:
            pass


def _sendable(exc: Exception) -> Exception:
    import pickle
    try:
        pickle.dumps(exc)
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


class _Pool:
    def __init__(self, func, state, setup, method: str, size: int):
        self.context = multiprocessing.get_context(method)
        self.func, self.state = func, state
        self.workers: list[tuple[Any, Any]] = []
        forked = method == "fork"
        # fork: the child inherits *state* as it is; spawn: a recipe, or the state pickled
        args = (func, state, None) if forked or setup is None else (func, None, setup)
        for _ in range(size):
            mine, theirs = self.context.Pipe()
            inherited = [conn for _, conn in self.workers] + [mine] if forked else []
            process = self.context.Process(target=_worker, args=(theirs, *args, inherited), daemon=True)
            process.start()
            theirs.close()
            self.workers.append((process, mine))

    def map(self, items, chunksize: int, progress) -> list:
        chunks = [items[i:i + chunksize] for i in range(0, len(items), chunksize)]
        results: list[list | None] = [None] * len(chunks)
        pending = list(range(len(chunks)))[::-1]  # popped from the end: in order
        busy: dict[Any, int] = {}  # connection -> chunk number
        done = 0
        try:
            for _, conn in self.workers:
                self._give(conn, pending, busy, chunks)
            while busy:
                for conn in wait(list(busy)):
                    number = busy.pop(conn)
                    try:
                        _, ok, value = conn.recv()
                    except (EOFError, OSError):  # the worker died: this process does its share
                        value, ok = [self.func(self.state, item) for item in chunks[number]], True
                    if not ok:
                        raise value
                    results[number] = value
                    done += len(value)
                    if progress:
                        progress(done, len(items))
                    self._give(conn, pending, busy, chunks)
                if not busy and pending:  # every worker died
                    for number in pending:
                        results[number] = [self.func(self.state, item) for item in chunks[number]]
                    pending.clear()
        except BaseException:
            self.close(wait=False)
            raise
        self.close(wait=True)
        return [result for chunk in results for result in chunk]

    @staticmethod
    def _give(conn, pending: list, busy: dict, chunks: list) -> None:
        if pending:
            number = pending.pop()
            try:
                conn.send((number, chunks[number]))
                busy[conn] = number
            except OSError:  # a dead worker: someone else takes it
                pending.append(number)

    def close(self, wait: bool) -> None:
        for process, conn in self.workers:
            try:
                conn.send(None)
            except OSError:
                pass
        for process, conn in self.workers:
            process.join(timeout=2 if wait else 0)
            if process.is_alive():
                process.terminate()
                process.join(timeout=2)
            conn.close()
