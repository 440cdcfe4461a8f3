"""Alerts turned into Futures: an engine call posts a request to libtorrent, then awaits
the alert that answers it, keyed by ``(kind, torrent_id)``."""

from __future__ import annotations

import asyncio
import enum
from collections import defaultdict
from typing import Any

from btt_desktop.errors import EngineError


class Waiting(enum.Enum):
    """What an engine call waits for; each is answered by one kind of alert."""

    ADDED = "added"            # add_torrent_alert (the handle, or the error)
    REMOVED = "removed"        # torrent_removed_alert
    DELETED = "deleted"        # torrent_deleted_alert / torrent_delete_failed_alert
    MOVED = "moved"            # storage_moved_alert / storage_moved_failed_alert
    METADATA = "metadata"      # metadata_received_alert
    RESUME = "resume"          # save_resume_data_alert / save_resume_data_failed_alert


class Waiters:
    def __init__(self) -> None:
        self._pending: defaultdict[tuple[Waiting, str], list[asyncio.Future[Any]]] = (
            defaultdict(list))

    def expect(self, kind: Waiting, key: str) -> asyncio.Future[Any]:
        """A Future resolved by the next :meth:`resolve` (or :meth:`fail`) of ``(kind, key)``.

        Create it *before* asking libtorrent, so the answer cannot be missed.
        """
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending[(kind, key)].append(future)
        return future

    def waiting(self, kind: Waiting, key: str) -> bool:
        return any(not f.done() for f in self._pending.get((kind, key), ()))

    def resolve(self, kind: Waiting, key: str, value: Any = None) -> bool:
        futures = self._pending.pop((kind, key), [])
        live = [f for f in futures if not f.done()]
        for future in live:
            future.set_result(value)
        return bool(live)

    def fail(self, kind: Waiting, key: str, error: BaseException) -> bool:
        futures = self._pending.pop((kind, key), [])
        live = [f for f in futures if not f.done()]
        for future in live:
            future.set_exception(error)
        return bool(live)

    def fail_all(self, error: BaseException) -> None:
        pending, self._pending = self._pending, defaultdict(list)
        for futures in pending.values():
            for future in futures:
                if not future.done():
                    future.set_exception(error)


async def wait(future: asyncio.Future[Any], seconds: float, what: str) -> Any:
    """Await ``future``; after ``seconds`` raise one line naming ``what``."""
    try:
        return await asyncio.wait_for(future, seconds)
    except TimeoutError:
        raise EngineError(f"timed out waiting for {what}") from None
