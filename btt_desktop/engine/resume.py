"""Resume data on disk: one ``<torrent_id>.resume`` file per torrent in the profile.

Files are written with :func:`btt_desktop.atomicfile.write_atomic` in a thread; writes for
one torrent are serialised so an older save can never land after a newer one.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from pathlib import Path

from btt_desktop.atomicfile import read_with_backup, write_atomic
from btt_desktop.errors import BttError

log = logging.getLogger(__name__)

SUFFIX = ".resume"
QUEUE_FILE = "queue.json"  # libtorrent's resume data has no queue position


class ResumeStore:
    def __init__(self, directory: Path) -> None:
        self._dir = directory
        self._locks: dict[str, asyncio.Lock] = {}
        self._writes: set[asyncio.Task[None]] = set()

    def path(self, torrent_id: str) -> Path:
        return self._dir / f"{torrent_id}{SUFFIX}"

    def save_soon(self, torrent_id: str, data: bytes) -> None:
        """Write ``data`` for ``torrent_id`` off the loop; see :meth:`flush`."""
        task = asyncio.get_running_loop().create_task(self.save(torrent_id, data))
        self._writes.add(task)
        task.add_done_callback(self._writes.discard)

    async def save(self, torrent_id: str, data: bytes) -> None:
        async with self._lock(torrent_id):
            try:
                await asyncio.to_thread(write_atomic, self.path(torrent_id), data)
            except BttError as exc:
                log.error("%s", exc)

    async def flush(self) -> None:
        """Wait for every write started so far."""
        while self._writes:
            await asyncio.gather(*list(self._writes), return_exceptions=True)

    async def delete(self, torrent_id: str) -> None:
        async with self._lock(torrent_id):
            await asyncio.to_thread(self._unlink, torrent_id)
        self._locks.pop(torrent_id, None)

    def _unlink(self, torrent_id: str) -> None:
        path = self.path(torrent_id)
        for p in (path, path.with_name(path.name + ".bak")):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()

    def load_all(self) -> list[tuple[str, bytes]]:
        """Every saved torrent as ``(file name, resume bytes)``; an empty file gives
        ``b""`` (damaged: the caller reports it). Blocking: use a thread."""
        found: list[tuple[str, bytes]] = []
        names = {p.name.removesuffix(".bak") for p in self._dir.iterdir()
                 if p.name.endswith(SUFFIX) or p.name.endswith(SUFFIX + ".bak")}
        for name in sorted(names):
            data = read_with_backup(self._dir / name)
            if data is not None:
                found.append((name, data))
        return found

    async def save_queue(self, order: list[str]) -> None:
        """Remember the download queue, first torrent first."""
        try:
            await asyncio.to_thread(write_atomic, self._dir / QUEUE_FILE,
                                    json.dumps(order).encode())
        except BttError as exc:
            log.error("%s", exc)

    def load_queue(self) -> list[str]:
        """The order saved by :meth:`save_queue` (empty if none). Blocking: use a thread."""
        data = read_with_backup(self._dir / QUEUE_FILE)
        try:
            order = json.loads(data) if data else []
        except ValueError:
            return []
        return [str(x) for x in order] if isinstance(order, list) else []

    def _lock(self, torrent_id: str) -> asyncio.Lock:
        return self._locks.setdefault(torrent_id, asyncio.Lock())
