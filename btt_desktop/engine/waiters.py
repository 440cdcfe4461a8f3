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


class Batch:
    """The answers to many requests posted at once (a restore adds thousands of torrents
    in one go), gathered as they come: the waiting side takes everything that arrived in
    one wake-up, rather than one Future and one loop turn per request.

    An answer is ``(key, value)``; a failed request's value is the exception.
    """

    def __init__(self, keys: list[str]) -> None:
        self._open = set(keys)
        self._answers: list[tuple[str, Any]] = []
        self._arrived = asyncio.Event()

    def expects(self, key: str) -> bool:
        return key in self._open

    @property
    def open(self) -> int:
        """How many requests have no answer yet."""
        return len(self._open)

    @property
    def done(self) -> bool:
        """Every request answered and every answer taken."""
        return not self._open and not self._answers

    def expect_more(self, keys: list[str]) -> None:
        self._open.update(keys)

    def answer(self, key: str, value: Any) -> bool:
        if key not in self._open:
            return False
        self._open.discard(key)
        self._answers.append((key, value))
        self._arrived.set()
        return True

    def unanswered(self) -> list[str]:
        return sorted(self._open)

    async def take(self, seconds: float, what: str) -> list[tuple[str, Any]]:
        """Every answer that came since the last take, waiting up to ``seconds`` for the
        first; :class:`EngineError` naming ``what`` if none came."""
        if not self._answers:
            try:
                await asyncio.wait_for(self._arrived.wait(), seconds)
            except TimeoutError:
                raise EngineError(f"timed out waiting for {what}") from None
        self._arrived.clear()
        answers, self._answers = self._answers, []
        return answers


class Waiters:
    def __init__(self) -> None:
        self._pending: defaultdict[tuple[Waiting, str], list[asyncio.Future[Any]]] = (
            defaultdict(list))
        self._batches: dict[Waiting, list[Batch]] = defaultdict(list)

    def batch(self, kind: Waiting, keys: list[str]) -> Batch:
        """A :class:`Batch` that :meth:`resolve` and :meth:`fail` answer for ``kind``
        (besides any Futures); drop it with :meth:`end_batch`."""
        batch = Batch(keys)
        self._batches[kind].append(batch)
        return batch

    def end_batch(self, kind: Waiting, batch: Batch) -> None:
        if batch in self._batches.get(kind, ()):
            self._batches[kind].remove(batch)

    def _to_batch(self, kind: Waiting, key: str, value: Any) -> bool:
        return any(b.answer(key, value) for b in self._batches.get(kind, ()))

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
        return self._to_batch(kind, key, value) or bool(live)

    def fail(self, kind: Waiting, key: str, error: BaseException) -> bool:
        futures = self._pending.pop((kind, key), [])
        live = [f for f in futures if not f.done()]
        for future in live:
            future.set_exception(error)
        return self._to_batch(kind, key, error) or bool(live)

    def fail_all(self, error: BaseException) -> None:
        for batches in self._batches.values():
            for batch in batches:
                for key in batch.unanswered():
                    batch.answer(key, error)
        self._batches.clear()
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
