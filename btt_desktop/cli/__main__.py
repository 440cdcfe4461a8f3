import sys

from btt_desktop.cli import main

sys.exit(main())
