"""The one question ``btt`` asks before anything that costs TRX or moves BTT.

The summary (what happens, the amount, the estimated fee, the network, what cannot be
undone) is printed first; then a terminal answers ``y``. Without a terminal (scripts,
``--password-stdin``) only ``--yes`` answers, so a script never spends by accident.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from btt_desktop.errors import BttError


class NotConfirmed(BttError):
    pass


def confirm(summary: Sequence[str], *, yes: bool, question: str = "Go ahead?",
            stream: TextIO | None = None, ask: Callable[[str], str] = input) -> None:
    """Print ``summary`` and get the user's yes, or raise :class:`NotConfirmed`."""
    out = sys.stderr
    for line in summary:
        print(line, file=out, flush=True)
    if yes:
        return
    source = stream or sys.stdin
    if not source.isatty():
        raise NotConfirmed("nothing was sent: confirm with --yes when not at a terminal")
    try:
        answer = ask(f"{question} [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() not in ("y", "yes"):
        raise NotConfirmed("nothing was sent: not confirmed")


def add_yes_option(parser: argparse.ArgumentParser) -> None:
    """``--yes`` on a command that spends."""
    parser.add_argument("--yes", action="store_true",
                        help="answer yes to the confirmation (for scripts)")
