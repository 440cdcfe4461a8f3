"""Seed to earn: keep a completed torrent seeding while Speed sells enough of it.

Beside the ratio and time limits (which only lower a finished torrent's place in the
queue), a seller may ask to keep any finished torrent running, queue or no queue, while
its Speed earnings over the last hour reach a chosen amount. The rule looks once a
minute: a torrent that earns enough is kept active (libtorrent's "force start"); one it
kept that no longer earns enough goes back to the queue. Torrents the user started by
hand are never touched.
"""

from __future__ import annotations

import collections
import logging
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from btt_desktop.engine.types import TorrentState
from btt_desktop.errors import BttError

if TYPE_CHECKING:
    from btt_desktop.engine import Engine

log = logging.getLogger(__name__)

HOUR = 3600.0
MIN_HISTORY = 300.0  # seconds of earnings before the rule judges a torrent


class SeedToEarn:
    def __init__(self, engine: Engine, clock: Callable[[], float] = time.monotonic) -> None:
        self._engine = engine
        self._clock = clock
        self._history: dict[str, collections.deque[tuple[float, int]]] = {}
        self.kept: set[str] = set()  # torrents this rule is keeping active

    def per_hour(self, torrent_id: str) -> int | None:
        """Earnings over the last hour (scaled when less is known), base units; None
        before ``MIN_HISTORY`` seconds of it."""
        history = self._history.get(torrent_id)
        if not history:
            return None
        (first, start), (last, now) = history[0], history[-1]
        if last - first < MIN_HISTORY:
            return None
        return int((now - start) * HOUR / (last - first))

    async def apply(self, earnings: Mapping[str, int], threshold: int) -> None:
        """Record ``earnings`` (torrent id -> base units earned so far) and keep or release
        finished torrents; ``threshold`` per hour, 0 turns the rule off."""
        now = self._clock()
        for tid, value in earnings.items():
            history = self._history.setdefault(tid, collections.deque())
            history.append((now, value))
            while len(history) > 2 and history[1][0] <= now - HOUR:
                history.popleft()
        keep, release = [], []
        for snap in self._engine.snapshots():
            tid = snap.torrent_id
            finished = snap.has_metadata and snap.progress >= 1.0 and \
                snap.state not in (TorrentState.ERROR, TorrentState.CHECKING)
            rate = self.per_hour(tid)
            earning = threshold > 0 and rate is not None and rate >= threshold
            if earning and finished and tid not in self.kept \
                    and snap.state in (TorrentState.QUEUED, TorrentState.SEEDING):
                keep.append(tid)
            elif tid in self.kept and not (earning and finished):
                release.append(tid)
        try:
            if keep:
                await self._engine.keep_active(keep, True)
                self.kept.update(keep)
                log.info("Speed keeps seeding %d torrent(s) that earn", len(keep))
            if release:
                await self._engine.keep_active(release, False)
                self.kept.difference_update(release)
        except BttError as exc:
            log.warning("seed to earn: %s", exc)

    async def release_all(self) -> None:
        """Hand every torrent this rule kept back to the queue (Speed is stopping)."""
        if self.kept:
            try:
                await self._engine.keep_active(list(self.kept), False)
            except BttError as exc:
                log.warning("seed to earn: %s", exc)
            self.kept.clear()
