"""Shared fixtures: the repository paths, tiny fixture sites, and the sample site built once."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_CONTENT = ROOT / "content"
THEME = ROOT / "themes" / "default"
SEEDS = ROOT.parent / "shared" / "seeds"

#: a fixed "now" so tests do not depend on the clock
NOW = datetime.fromisoformat("2026-11-23T09:00:00+07:00")

MINIMAL_SITE_YML = """\
name: Trang thông tin điện tử xã Thử Nghiệm
parent: huyện Mẫu
masthead:
  editor_in_chief: Trần Thị B - Chủ tịch UBND xã
  address: xã Thử Nghiệm - huyện Mẫu
  phone: "0220 3000 000"
  email: ubnd@thunghiem.example.vn
"""

MINIMAL_TTHC_YML = """\
updated: 2023-12-11 10:17:19
months:
  - {month: 2023-11, received: 760, on_time: 749, late: 1, pending: 10}
  - {month: 2023-12, on_time: 0, late: 0}
"""


def article(title: str = "Bài thử", date: str = "2023-02-23 08:40:17", body: str = "Nội dung bài.",
            **fields: object) -> str:
    """The text of a Markdown article with front matter (values written as YAML)."""
    import yaml

    meta = {"title": title, "date": date, **fields}
    meta = {k: v for k, v in meta.items() if v is not None}
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{head}---\n\n{body}\n"


def make_site(root: Path, files: dict[str, str | bytes], site_yml: str | None = MINIMAL_SITE_YML,
              tthc_yml: str | None = MINIMAL_TTHC_YML) -> Path:
    """Write a content folder under *root* and return it."""
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    if site_yml is not None:
        (content / "site.yml").write_text(site_yml, encoding="utf-8")
    if tthc_yml is not None:
        (content / "tthc.yml").write_text(tthc_yml, encoding="utf-8")
    for rel, data in files.items():
        target = content / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8")
    return content


def run_build(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``python build.py ARGS`` as an editor would; text output captured."""
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd or ROOT,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def built_sample(tmp_path_factory) -> Path:
    """The sample site in content/, built once per test session."""
    out = tmp_path_factory.mktemp("sample") / "public"
    result = run_build("--content", str(SAMPLE_CONTENT), "--theme", str(THEME), "--output", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(autouse=True)
def _print_diagnostics_to_the_current_stderr():
    """Some tests point print_diagnostics' default stream at their captured stderr; put it back
    after each test, so a later test's warnings never go to a closed stream."""
    yield
    from generator.commands import options
    options.print_diagnostics.__defaults__ = (None,)
