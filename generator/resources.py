"""Files that ship with bantin: the default theme, found wherever the command runs.

In a checkout (or an editable install) the theme is ``themes/default`` at the
top of the repository; an installed package carries it as package data in
``generator/themes/default`` (pyproject maps ``themes/`` there).
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def default_theme() -> Path:
    for candidate in (_HERE / "themes" / "default", _HERE.parent / "themes" / "default"):
        if (candidate / "templates").is_dir():
            return candidate
    return _HERE.parent / "themes" / "default"
