"""Fixtures for the interop tests: every child process is stopped after the test, pass
or fail."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.interop.clients import Processes, Tracker


@pytest.fixture
def procs(tmp_path: Path) -> Iterator[Processes]:
    processes = Processes(tmp_path / "logs")
    try:
        yield processes
    finally:
        processes.stop_all()


@pytest.fixture
def tracker(procs: Processes, tmp_path: Path) -> Tracker:
    """opentracker's address, not started yet: see :meth:`Tracker.start`."""
    return Tracker(procs, tmp_path)
