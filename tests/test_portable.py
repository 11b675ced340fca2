"""Windows without a Windows PC: the POSIX-only facilities hidden, the same bytes out.

CI runs the command tests a second time with ``BANTIN_SIMULATE_WINDOWS=1``
(``.ci/run``); these tests check that the switch really hides what Windows lacks
and that a build under it is byte-identical to a normal one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SAMPLE_CONTENT, THEME, article


def simulated_env() -> dict:
    return {**os.environ, "BANTIN_SIMULATE_WINDOWS": "1"}


def test_the_switch_hides_fcntl_fork_and_renameat2():
    probe = ("import generator, multiprocessing\n"
             "from generator import portable, writer, workers\n"
             "try:\n    import fcntl\n    print('fcntl')\nexcept ImportError:\n    print('no fcntl')\n"
             "print(portable.start_method(), portable.can_exchange())\n"
             "import filelock\nprint(type(filelock.FileLock('x.lock')).__name__)\n")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True,
                            env=simulated_env(), timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:3] == ["no fcntl", "spawn False", "SoftFileLock"]
    assert result.stderr == ""  # no English warning from filelock


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_build_with_the_posix_facilities_hidden_is_byte_identical(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    for i in range(220):  # enough pages for the worker processes (spawned under the switch)
        (content / "tin-tuc" / f"them-{i:03d}.md").write_text(article(
            f"Tin bổ sung {i}", f"2023-{1 + i % 12:02d}-{1 + i % 28:02d} 08:00", body="Đoạn văn. " * 30),
            encoding="utf-8")
    outputs = {}
    for name, env in (("posix", {k: v for k, v in os.environ.items() if k != "BANTIN_SIMULATE_WINDOWS"}),
                      ("windows", simulated_env())):
        out = tmp_path / name
        for _ in range(2):  # the second build goes through the previous generation and the caches
            result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--content", str(content),
                                     "--theme", str(THEME), "--output", str(out), "--state",
                                     str(tmp_path / f"state-{name}"), "--base-url", "https://xa.example.vn/"],
                                    cwd=tmp_path, capture_output=True, text=True, env=env, timeout=600)
            assert result.returncode == 0, result.stderr
            assert "Traceback" not in result.stderr
        outputs[name] = tree(out)
    assert outputs["windows"] == outputs["posix"]
