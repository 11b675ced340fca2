"""`pip install .` gives a working `bantin` command with the default theme, from any folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_CONTENT


def test_every_package_of_generator_is_installed():
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "generator").rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(found - listed)}"
    assert config["project"]["scripts"]["bantin"] == "generator.cli:main"


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / ("python.exe" if os.name == "nt" else "python")


@pytest.mark.slow
def test_pip_install_gives_a_bantin_command_that_builds_from_another_folder(tmp_path):
    # a copy of the repository's tracked files, so building leaves nothing in the checkout
    source = tmp_path / "nguon"
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(wheels), str(source)], check=True, cwd=tmp_path, capture_output=True)
    (wheel,) = wheels.glob("bantin-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    python = venv_python(venv)
    # the dependencies come from this environment (no network needed), the package from the wheel
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    (Path(purelib) / "bantin-test-deps.pth").write_text(
        "\n".join({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}) + "\n", encoding="utf-8")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True,
                   capture_output=True)
    bantin = python.parent / ("bantin.exe" if os.name == "nt" else "bantin")
    assert bantin.is_file()

    elsewhere = tmp_path / "noi-khac"
    shutil.copytree(SAMPLE_CONTENT, elsewhere / "xa" / "content")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run([str(bantin), "--content", "xa/content", "--output", "web/xa"], cwd=elsewhere,
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "web" / "xa" / "index.html").is_file()
    assert (elsewhere / "web" / "xa" / "static").is_dir()  # the default theme's files
    assert "bantin serve" in result.stdout
    imported = subprocess.run([str(python), "-c", "import generator, generator.resources as r; "
                               "print(generator.__file__); print(r.default_theme())"],
                              cwd=elsewhere, capture_output=True, text=True, env=env, check=True).stdout
    assert str(ROOT) not in imported and "site-packages" in imported  # the installed copy, not the checkout
    for command in (["new", "--help"], ["check", "--content", "xa/content"], ["serve", "--help"],
                    ["import", "--help"]):
        run = subprocess.run([str(bantin), *command], cwd=elsewhere, capture_output=True, text=True, env=env,
                             timeout=300)
        assert run.returncode in (0, 1), (command, run.stderr)
        assert "Traceback" not in run.stderr
        if command[-1] == "--help":
            assert f"bantin {command[0]}" in run.stdout  # usage shows the installed command
