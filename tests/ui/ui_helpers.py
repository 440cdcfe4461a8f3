"""Helpers for the UI tests: snapshot values for model tests, waiting with deadlines."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from btt_desktop.engine.types import TorrentSnapshot, TorrentState


def snapshot(torrent_id: str, **changes: Any) -> TorrentSnapshot:
    """A TorrentSnapshot as the engine would hand it to the list model."""
    base = TorrentSnapshot(
        torrent_id=torrent_id, name=f"torrent {torrent_id}", save_path="/tmp",
        state=TorrentState.DOWNLOADING, progress=0.0, total_size=1000, total_wanted=1000,
        total_done=0, download_rate=0, upload_rate=0, eta=None, ratio=0.0, num_seeds=0,
        num_peers=0, list_seeds=0, list_peers=0, all_time_upload=0, all_time_download=0,
        added_time=1_700_000_000, completed_time=0, queue_position=-1, sequential=False,
        has_metadata=True,
    )
    return replace(base, **changes)


def port_on(host: str) -> int:
    """A port that is free on ``host`` right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


async def until(condition: Callable[[], Any], seconds: float = 20.0,
                what: str = "condition") -> Any:
    """Await (Qt keeps running) until ``condition()`` is truthy; fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds:.0f}s waiting for {what}")
        await asyncio.sleep(0.05)
