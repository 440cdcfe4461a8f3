"""PyInstaller entry point for the headless command (the ``btt`` console script's target)."""

import sys

from btt_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
