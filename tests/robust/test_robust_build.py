"""Interrupted, concurrent and careless builds; byte-identical rebuilds.

Builds run as an editor runs them (``python build.py`` in a subprocess), so a
signal hits the real process, its workers and the real writer.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import filelock
import pytest

from generator.pipeline import BuildOptions, build
from generator.writer import Paths, default_state
from tests.conftest import MINIMAL_SITE_YML, NOW, ROOT, SAMPLE_CONTENT, THEME, article, run_build


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def big_content(root: Path, extra: int = 150) -> Path:
    """The sample site plus *extra* articles, so a build lasts long enough to interrupt."""
    content = root / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    for i in range(extra):
        (content / "tin-tuc" / f"them-{i:03d}.md").write_text(article(
            title=f"Tin bổ sung số {i}", date=f"2023-{1 + i % 12:02d}-{1 + i % 28:02d} 08:{i % 60:02d}",
            category=f"Chuyên mục {i % 7}", tags=[f"thẻ {i % 11}"], body="Đoạn văn. " * 200),
            encoding="utf-8")
    return content


def args(content: Path, out: Path) -> list[str]:
    return ["--content", str(content), "--theme", str(THEME), "--output", str(out), "-q"]


def start(content: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "build.py"), *args(content, out)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


# --- interrupted builds ---------------------------------------------------------

@pytest.mark.slow
def test_killing_the_build_at_any_moment_leaves_the_previous_site(tmp_path):
    content = big_content(tmp_path, extra=80)
    out = tmp_path / "public"
    assert run_build(*args(content, out)).returncode == 0  # cold: the photos are encoded once
    started = time.monotonic()
    assert run_build(*args(content, out)).returncode == 0  # what each build below costs
    duration = time.monotonic() - started
    before = digest(out)
    outcomes = []
    runs = [signal.SIGINT, signal.SIGTERM, signal.SIGKILL] * 2
    for run, sig in enumerate(runs):
        (content / "tin-tuc" / f"moi-{run}.md").write_text(article(title=f"Tin mới lần {run}"), encoding="utf-8")
        process = start(content, out)
        time.sleep(duration * (run + 1) / (len(runs) + 1))
        os.killpg(process.pid, sig)  # like Ctrl-C: the whole process group
        _, err = process.communicate(timeout=60)
        after = digest(out)
        if after == before:
            outcomes.append((sig.name, "unchanged"))
        else:  # the build had already swapped in: it must be the whole new site
            reference = tmp_path / f"ref-{run}"
            assert run_build(*args(content, reference)).returncode == 0
            assert after == digest(reference), f"{sig.name} after {run}: a mix of two sites"
            outcomes.append((sig.name, "complete"))
        assert "Traceback" not in err, err
        result = run_build(*args(content, out))
        assert result.returncode == 0, result.stderr
        before = digest(out)
        assert f"tin-tuc/tin-moi-lan-{run}/index.html" in before
    print("kill loop:", outcomes)
    assert any(outcome == "unchanged" for _, outcome in outcomes), outcomes  # really killed mid-way


def test_sigint_is_reported_in_vietnamese_without_traceback(tmp_path):
    content = big_content(tmp_path, extra=300)
    out = tmp_path / "public"
    process = start(content, out)
    time.sleep(0.6)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    if process.returncode == 0:
        pytest.skip("the build finished before the signal on this machine")
    assert process.returncode == 130
    assert "Đã dừng" in err and "Traceback" not in err
    assert not out.exists()


# --- concurrent builds ----------------------------------------------------------

def test_a_second_build_waits_for_the_lock_and_says_so(tmp_path):
    content = big_content(tmp_path, extra=0)
    out = tmp_path / "public"
    lock = Paths.of(out.absolute(), default_state(content, out)).lock  # in the state folder
    lock.parent.mkdir(parents=True, exist_ok=True)
    log = tmp_path / "stderr.txt"
    with filelock.FileLock(str(lock), thread_local=False), open(log, "w") as stderr:  # another build is writing
        process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), *args(content, out)], cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=stderr, text=True)
        deadline = time.monotonic() + 60  # however loaded the machine, it reaches the lock and waits
        while "chờ" not in log.read_text(encoding="utf-8") and time.monotonic() < deadline:
            assert process.poll() is None, log.read_text(encoding="utf-8")
            time.sleep(0.2)
        time.sleep(1)
        assert process.poll() is None, log.read_text(encoding="utf-8")
        assert not out.exists()
    process.wait(timeout=60)
    err = log.read_text(encoding="utf-8")
    assert process.returncode == 0, err
    assert (out / "index.html").exists()


def test_two_builds_at_once_never_mix(tmp_path):
    first = big_content(tmp_path / "a", extra=40)
    second = big_content(tmp_path / "b", extra=0)
    (second / "tin-tuc" / "chi-co-o-b.md").write_text(article(title="Chỉ có ở B"), encoding="utf-8")
    references = []
    for name, content in (("a", first), ("b", second)):
        assert run_build(*args(content, tmp_path / f"ref-{name}")).returncode == 0
        references.append(digest(tmp_path / f"ref-{name}"))
    out = tmp_path / "public"
    for _ in range(2):
        processes = [start(first, out), start(second, out)]
        for process in processes:
            _, err = process.communicate(timeout=120)
            assert process.returncode == 0, err
        assert digest(out) in references


# --- never delete what bantin did not write ---------------------------------------

def test_a_folder_bantin_did_not_create_is_refused_without_force(tmp_path):
    content = big_content(tmp_path, extra=0)
    web_root = tmp_path / "www"
    web_root.mkdir()
    (web_root / "khac.html").write_text("trang của đơn vị khác")
    (web_root / "tai-lieu").mkdir()
    (web_root / "tai-lieu" / "a.pdf").write_bytes(b"%PDF")
    before = digest(web_root)
    result = run_build(*args(content, web_root))
    assert result.returncode == 2
    assert "không do bantin tạo ra" in result.stderr and "--force" in result.stderr
    assert "Traceback" not in result.stderr
    assert digest(web_root) == before

    result = run_build(*args(content, web_root), "--force")
    assert result.returncode == 0, result.stderr
    assert (web_root / "index.html").exists()
    assert run_build(*args(content, web_root)).returncode == 0  # ours now: no --force needed


@pytest.mark.parametrize("where", ["content", "content/media", ".", "theme"])
def test_output_may_never_be_the_content_or_theme_folder_even_with_force(tmp_path, where):
    content = big_content(tmp_path, extra=0)
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme)
    before = digest(content), digest(theme)
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--content", str(content),
                             "--theme", str(theme), "--output", where, "--force"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stdout
    assert "kể cả khi có --force" in result.stderr and "Traceback" not in result.stderr
    assert (digest(content), digest(theme)) == before


def test_output_that_is_a_file_is_refused(tmp_path):
    content = big_content(tmp_path, extra=0)
    target = tmp_path / "public"
    target.write_text("không phải thư mục")
    result = run_build(*args(content, target), "--force")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert target.read_text() == "không phải thư mục"


# --- reproducible -----------------------------------------------------------------

def test_two_builds_are_byte_identical(tmp_path):
    out_a, out_b = tmp_path / "a", tmp_path / "b"
    assert run_build(*args(SAMPLE_CONTENT, out_a)).returncode == 0
    assert run_build(*args(SAMPLE_CONTENT, out_b)).returncode == 0
    first = digest(out_a)
    assert len(first) > 50 and first == digest(out_b)
    assert run_build(*args(SAMPLE_CONTENT, out_a)).returncode == 0  # in place, over itself
    assert digest(out_a) == first


def test_output_does_not_depend_on_file_creation_order_or_build_time(tmp_path):
    """Equal dates are ordered by source path, not by the order the disk lists files."""
    files = {f"tin-tuc/bai-{c}.md": article(title=f"Bài {c}", date="2023-05-05 08:00", category="Chung",
                                            tags=["chung"]) for c in "qwertyuiop"}
    outputs = []
    for name, order in (("xuoi", sorted(files)), ("nguoc", sorted(files, reverse=True))):
        content = tmp_path / name / "content"
        (content / "tin-tuc").mkdir(parents=True)
        (content / "site.yml").write_text(MINIMAL_SITE_YML, encoding="utf-8")
        for rel in order:
            (content / rel).write_text(files[rel], encoding="utf-8")
            time.sleep(0.01)  # distinct mtimes, in a different order each time
        out = tmp_path / name / "public"
        moment = NOW if name == "xuoi" else NOW + timedelta(days=3, hours=5)
        build(BuildOptions(content=content, theme=THEME, output=out, now=moment))
        outputs.append(digest(out))
    assert outputs[0] == outputs[1]
