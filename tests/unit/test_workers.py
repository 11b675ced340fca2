"""Workers get their state explicitly, run under fork and spawn alike, and leave quietly."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from generator import markup, workers
from generator.pipeline import BuildOptions, build
from tests.conftest import NOW, ROOT, SAMPLE_CONTENT, THEME


def add(state: dict, item: int) -> int:
    return state["offset"] + item


def make_state(offset: int) -> dict:
    return {"offset": offset}


def fail_on_seven(state, item: int) -> int:
    if item == 7:
        raise ValueError("bảy")
    return item


@pytest.fixture
def pooled(monkeypatch):
    monkeypatch.setattr(workers, "MIN_ITEMS", 1)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_results_come_back_in_order_with_the_state_given(pooled, method):
    items = list(range(100))
    got = workers.parallel_map(add, items, jobs=2, state={"offset": 1000}, chunksize=3, method=method)
    assert got == [1000 + i for i in items]
    # spawn builds the state in each worker from a recipe (fork inherits it)
    got = workers.parallel_map(add, items, jobs=2, state={"offset": 5}, setup=(make_state, (5,)), method=method)
    assert got == [5 + i for i in items]


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_an_exception_in_a_worker_reaches_the_caller(pooled, method):
    with pytest.raises(ValueError, match="bảy"):
        workers.parallel_map(fail_on_seven, list(range(20)), jobs=2, method=method)


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_spawned_workers_build_the_same_bytes_as_one_process(tmp_path, monkeypatch):
    one = tmp_path / "one"
    build(BuildOptions(content=SAMPLE_CONTENT, theme=THEME, output=one, now=NOW, jobs=1))
    monkeypatch.setattr(workers, "MIN_ITEMS", 1)
    monkeypatch.setenv("BANTIN_SIMULATE_WINDOWS", "1")  # spawn, as on Windows
    used = []
    real = workers._Pool.__init__

    def spy(self, func, state, setup, method, size):
        used.append(method)
        real(self, func, state, setup, method, size)
    monkeypatch.setattr(workers._Pool, "__init__", spy)
    spawned = tmp_path / "spawned"
    build(BuildOptions(content=SAMPLE_CONTENT, theme=THEME, output=spawned, now=NOW, jobs=2))
    assert used == ["spawn", "spawn"]  # parsing and rendering both went through spawned workers
    assert tree(spawned) == tree(one)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_workers_leave_quietly_when_the_main_process_is_killed(tmp_path, method):
    script = tmp_path / "job.py"
    script.write_text(textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from generator import workers
        workers.MIN_ITEMS = 1

        def slow(state, item):
            time.sleep(0.02)
            return item

        if __name__ == "__main__":
            print("started", flush=True)
            workers.parallel_map(slow, list(range(100000)), jobs=2, chunksize=1, method={method!r})
    """), encoding="utf-8")
    process = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.readline() == b"started\n"
    time.sleep(2)  # the workers are busy
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    reader = threading.Thread(target=lambda: setattr(reader, "err", process.stderr.read()))
    reader.start()
    reader.join(30)  # stderr closes once every worker has gone
    assert not reader.is_alive(), "a worker outlived its killed parent"
    assert b"Traceback" not in reader.err and b"BrokenPipe" not in reader.err, reader.err.decode()


def test_markdown_conversions_in_threads_never_mix():
    documents = [f"[bài {i}](/tin-tuc/bai-{i}/) ![ảnh {i}](media/a-{i}.jpg)\n\n" + "Đoạn văn. " * 200
                 for i in range(40)]
    expected = [markup.render_markdown(text) for text in documents]
    results: dict[int, list] = {}

    def convert(thread: int) -> None:
        results[thread] = [markup.render_markdown(text) for text in documents]
    threads = [threading.Thread(target=convert, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(results[n] == expected for n in range(4))
    assert expected[3].links == ("/tin-tuc/bai-3/",) and expected[3].images == (("/media/a-3.jpg", "ảnh 3"),)
