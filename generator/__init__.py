"""bantin: a static site generator for Vietnamese commune information sites."""

import os as _os

__version__ = "0.1.0"

if _os.environ.get("BANTIN_SIMULATE_WINDOWS") == "1":  # CI's second run: see portable.py
    from .portable import simulate_windows as _simulate

    _simulate()
