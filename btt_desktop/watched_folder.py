"""A watched folder: .torrent and .magnet files dropped into it are added (as in
qBittorrent's "Monitored folder").

The folder is scanned every few seconds (a network share or a synced folder sends no
change notifications). A file is taken once its size and modification time stayed the
same for one scan, so a torrent still being written is not read half-way. What became of
each file is visible in the folder itself: an added one is renamed ``NAME.added`` (also
when the torrent was already in the list), a refused one ``NAME.invalid``, and each is
announced on the bus as a :class:`~btt_desktop.events.WatchedFileHandled` with one line
saying why. Hidden files (a browser's ``.part`` download, an editor's temp copy) are
left alone. No Qt here: the window and a headless process use it alike.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from btt_desktop.engine.metainfo import MAX_TORRENT_FILE
from btt_desktop.engine.types import AddParams
from btt_desktop.errors import BttError, EngineError
from btt_desktop.events import EventBus, WatchedFileHandled, WatchOutcome

log = logging.getLogger(__name__)

SUFFIXES = (".torrent", ".magnet")
ADDED_SUFFIX = ".added"
INVALID_SUFFIX = ".invalid"
SCAN_EVERY = 2.0  # seconds
MAX_MAGNET_FILE = 64 * 1024


class Adder(Protocol):
    async def add(self, params: AddParams) -> str: ...


@dataclass(frozen=True)
class WatchSettings:
    folder: str                 # "" watches nothing
    save_path: str              # where added torrents save ("" : the category's path)
    paused: bool = False
    category: str = ""


class WatchedFolder:
    """Adds what appears in one folder to ``engine``; ``start()`` then ``close()``."""

    def __init__(self, engine: Adder, bus: EventBus, settings: WatchSettings, *,
                 every: float = SCAN_EVERY) -> None:
        self._engine = engine
        self._bus = bus
        self.settings = settings
        self._every = every
        self._seen: dict[str, tuple[int, int]] = {}
        self._task: asyncio.Task[None] | None = None

    @property
    def folder(self) -> Path | None:
        return Path(self.settings.folder).expanduser() if self.settings.folder.strip() else None

    def start(self) -> None:
        if self._task is None and self.folder is not None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="watched")

    async def close(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def apply(self, settings: WatchSettings) -> None:
        """Watch another folder (or none) from now on."""
        await self.close()
        self.settings = settings
        self._seen.clear()
        self.start()

    async def _run(self) -> None:
        while True:
            try:
                await self.scan()
            except Exception:  # one bad scan must not end the watching
                log.exception("scanning the watched folder failed")
            await asyncio.sleep(self._every)

    async def scan(self) -> list[WatchedFileHandled]:
        """One pass: take the files that stopped changing since the last pass."""
        folder = self.folder
        if folder is None:
            return []
        current = await asyncio.to_thread(_candidates, folder)
        ready = [path for path, stamp in current.items() if self._seen.get(path) == stamp]
        self._seen = {path: stamp for path, stamp in current.items() if path not in ready}
        handled = []
        for path in sorted(ready):
            event = await self._take(Path(path))
            self._bus.publish(event)
            handled.append(event)
        return handled

    async def _take(self, path: Path) -> WatchedFileHandled:
        try:
            params = await asyncio.to_thread(self._params_of, path)
            await self._engine.add(params)
            outcome, text = WatchOutcome.ADDED, f"added from the watched folder: {path.name}"
        except EngineError as exc:
            if not str(exc).startswith("already in the list"):
                return await self._refuse(path, str(exc))
            outcome, text = WatchOutcome.ALREADY_THERE, f"{exc} (from {path.name})"
        except BttError as exc:
            return await self._refuse(path, str(exc))
        await asyncio.to_thread(_mark, path, ADDED_SUFFIX)
        return WatchedFileHandled(str(path), outcome, text)

    async def _refuse(self, path: Path, reason: str) -> WatchedFileHandled:
        try:
            await asyncio.to_thread(_mark, path, INVALID_SUFFIX)
        except OSError as exc:
            log.warning("could not rename %s: %s", path, exc.strerror or exc)
        return WatchedFileHandled(str(path), WatchOutcome.REFUSED, reason)

    def _params_of(self, path: Path) -> AddParams:
        s = self.settings
        try:
            if path.suffix.lower() == ".magnet":
                text = _read(path, MAX_MAGNET_FILE).decode("utf-8", "replace").strip()
                return AddParams(save_path=s.save_path, paused=s.paused, category=s.category,
                                 magnet=text.splitlines()[0] if text else "")
            return AddParams(save_path=s.save_path, paused=s.paused, category=s.category,
                             torrent_data=_read(path, MAX_TORRENT_FILE))
        except OSError as exc:
            raise BttError(f"cannot read {path.name}: {exc.strerror or exc}") from None


def _candidates(folder: Path) -> dict[str, tuple[int, int]]:
    """The visible .torrent/.magnet files in ``folder``: path -> (size, mtime)."""
    found: dict[str, tuple[int, int]] = {}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found  # not there (yet), or unreadable: nothing to take
    for entry in entries:
        if entry.name.startswith(".") or not entry.name.lower().endswith(SUFFIXES):
            continue
        try:
            if not entry.is_file():
                continue
            stat = entry.stat()
        except OSError:
            continue
        if stat.st_size > 0:
            found[entry.path] = (stat.st_size, stat.st_mtime_ns)
    return found


def _read(path: Path, limit: int) -> bytes:
    with path.open("rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise BttError(f"too large for a {path.suffix} file: {path.name}")
    return data


def _mark(path: Path, suffix: str) -> None:
    """Rename ``path`` to ``path + suffix`` (``.1``, ``.2``... if that is taken)."""
    target = path.with_name(path.name + suffix)
    n = 0
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}{suffix}.{n}")
    path.rename(target)
