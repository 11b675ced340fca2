"""bantin: build the commune site. Run ``python build.py --help`` for options."""

import sys

from generator.cli import main

if __name__ == "__main__":
    sys.exit(main())
