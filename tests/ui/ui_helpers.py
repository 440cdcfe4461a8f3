"""Helpers for the UI tests: snapshot values for model tests, waiting with deadlines."""

from __future__ import annotations

import asyncio
import hashlib
import os
import socket
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

from btt_desktop.engine import create_torrent
from btt_desktop.engine.types import TorrentSnapshot, TorrentState

W = TypeVar("W", bound=QWidget)


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


def write_files(root: Path, files: dict[str, int]) -> Path:
    """``root/<name>`` with random data; returns ``root``."""
    for rel, size in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(size))
    return root


async def make_torrent(root: Path, files: dict[str, int], name: str = "content",
                       **options: Any) -> tuple[Path, Path]:
    """Random files under ``root/name`` and a .torrent for them: (content dir, torrent)."""
    content = await asyncio.to_thread(write_files, root / name, files)
    out = root / f"{name}.torrent"
    await create_torrent(content, out, **options)
    return content, out


def find_widget(parent: QWidget, kind: type[W], *, visible: bool = True) -> W | None:
    """The first child of ``parent`` of type ``kind`` (shown ones only, by default)."""
    for child in parent.findChildren(kind):
        if not visible or child.isVisible():
            return child
    return None


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
