"""PyInstaller entry point for the window (the ``btt-desktop`` console script's target)."""

import sys

from btt_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
