"""Options shared by every ``btt`` command."""

from __future__ import annotations

import subprocess
import sys

from btt_desktop import __version__
from btt_desktop.cli import build_parser


def test_profile_before_or_after_the_command_is_kept() -> None:
    parser = build_parser()
    for argv in (["--profile", "/tmp/p1", "devnet"], ["devnet", "--profile", "/tmp/p1"]):
        args = parser.parse_args(argv)
        assert args.profile == "/tmp/p1", argv
    assert parser.parse_args(["devnet"]).profile is None


def test_version_and_no_command() -> None:
    out = subprocess.run([sys.executable, "-m", "btt_desktop.cli", "--version"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0
    assert out.stdout.strip() == f"btt {__version__}"
    bare = subprocess.run([sys.executable, "-m", "btt_desktop.cli"],
                          capture_output=True, text=True, timeout=60)
    assert bare.returncode == 2
    assert "Traceback" not in bare.stderr
