"""The seller's side of "winners are served first": peer classes and an upload shaper.

Two libtorrent peer classes, assigned by IP when a connection is made:

- **winners** (the IPs that hold an award): no unchoke-slot limit and a high upload
  priority, so they are always unchoked and lead in every rate-limited channel;
- **others** (every other IP): an upload limit this module moves every tick, to what
  the winners leave of the seller's capacity, never below a floor (10 % of the capacity,
  at least 20 kB/s) so non-bidders still progress and optimistic unchokes keep working.

Why the second class: libtorrent gives quota from a rate-limited channel to whoever asks
while the channel holds more than a second's worth (``need_queueing``), priority only
shares what is left once peers queue, and each peer asks only for what its send buffer
holds; so a winner's priority alone gets it about half of a capped seeder (measured in
docs/engine.md). Capping the others explicitly leaves the rest to the winners, whatever
bounds the upload: the global limit, the alternative one, a per-torrent limit (every peer
of that torrent shares its channel; the others' cap keeps them to their part of it), or
the line itself (no limit: the capacity is the highest total upload rate seen lately).

libtorrent gives classes to new connections only, so an IP that joins or leaves the
winners is dropped (the IP filter) and dialled again at once.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import time
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from btt_desktop.engine.peer_classes import PeerClassInfo
from btt_desktop.errors import BttError
from btt_desktop.speed.tally import ByteTally

if TYPE_CHECKING:
    from btt_desktop.engine import Engine

log = logging.getLogger(__name__)

FLOOR_FRACTION = 0.10      # of the capacity, for everyone who did not win
MIN_FLOOR = 20_000         # bytes/s
HEADROOM = 1.15            # the winners' rate is given this much room to grow
PEAK_WINDOW = 30.0         # seconds of total upload rates the line's capacity is read from
PROBE = 1.10               # ... and how far above it the shaper lets the total go
RATE_WINDOW = 2.0          # seconds the winners' upload rate is measured over (libtorrent
                           # updates per-peer counters once a tick, every 0.5 s)
MIN_CHANGE = 0.05          # a new cap for the others is applied when it moves this much
NEARLY_DONE = 0.95         # an ex-winner this far through keeps its (winners') connection


class WinnerGroups:
    """Winners and everyone else, for one running Speed service."""

    def __init__(self, engine: Engine, tally: ByteTally, *, winner_priority: int,
                 spawn: Callable[[Coroutine[Any, Any, None]], None],
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._engine = engine
        self._tally = tally
        self._priority = winner_priority
        self._spawn = spawn
        self._clock = clock
        self._winner_class: int | None = None
        self._others_class: int | None = None
        self._winners: dict[str, frozenset[tuple[str, int]]] = {}  # torrent -> (ip, port)
        self._class_ips: set[str] = set()
        self._stale: dict[str, tuple[str, int]] = {}  # ip -> (torrent, BitTorrent port)
        self._leaving: dict[str, tuple[str, int]] = {}  # ex-winners to re-make, checked first
        self._known_ports: dict[str, int] = {}
        self._sent: collections.deque[tuple[float, int]] = collections.deque()  # (time, bytes)
        self.winner_rate = 0.0              # bytes/s to winners, over the last RATE_WINDOW
        self.others_limit = 0               # bytes/s, 0 = no cap
        self._hungry = False                # a winner has requests waiting at us
        self._totals: collections.deque[tuple[float, int]] = collections.deque()

    # --- life cycle -------------------------------------------------------------------

    def start(self) -> None:
        controls = self._engine.peer_controls
        self._winner_class = controls.create_class(self._winner_info())
        self._others_class = controls.create_class(PeerClassInfo(label="speed-others"))
        controls.set_others_class(self._others_class)

    def close(self) -> None:
        controls = self._engine.peer_controls
        for cid in (self._winner_class, self._others_class):
            if cid is not None:
                with contextlib.suppress(BttError):
                    controls.delete_class(cid)
        self._winner_class = self._others_class = None

    def _winner_info(self) -> PeerClassInfo:
        return PeerClassInfo(label="speed-winners", upload_priority=self._priority,
                             ignore_unchoke_slots=True)

    def set_priority(self, priority: int) -> None:
        self._priority = priority
        if self._winner_class is not None:
            with contextlib.suppress(BttError):
                self._engine.peer_controls.update_class(self._winner_class,
                                                        self._winner_info())

    @property
    def preferred_ips(self) -> frozenset[str]:
        """IPs whose new connections join the winners' class right now."""
        return frozenset(self._class_ips)

    def winners(self, torrent_id: str) -> frozenset[tuple[str, int]]:
        return self._winners.get(torrent_id, frozenset())

    # --- membership ---------------------------------------------------------------------

    def apply(self, torrent_id: str | None, key: str,
              peers: frozenset[tuple[str, int]]) -> None:
        """The award holders of one torrent (``key`` names it when its id is not known):
        their IPs go to the winners' class; connections whose class changes are re-made."""
        self._winners[torrent_id or key] = peers
        ips = {ip for group in self._winners.values() for ip, _ in group}
        if ips == self._class_ips or self._winner_class is None:
            return
        changed = ips ^ self._class_ips
        self._class_ips = ips
        try:
            self._engine.peer_controls.set_class_ips(self._winner_class, ips, exclusive=False)
        except BttError as exc:
            log.warning("cannot regroup Speed peers: %s", exc)
            return
        for ip in changed:
            port = next((p for i, p in peers if i == ip), None)
            if port is None:
                port = self._known_ports.get(ip, 0)
            self._known_ports[ip] = port
            if torrent_id is None:
                continue
            # a new winner is re-made at once; an ex-winner only if it still downloads
            # (one about to finish keeps its connection: re-making it would cost its last
            # seconds), which :meth:`tick` checks
            if ip in ips:
                self._stale[ip] = (torrent_id, port)
                self._leaving.pop(ip, None)
            else:
                self._leaving[ip] = (torrent_id, port)
        self._regroup()

    def _regroup(self) -> None:
        """Drop the connections of IPs whose class changed and dial them again: libtorrent
        gives a connection its classes when it is made."""
        if not self._stale:
            return
        due, self._stale = self._stale, {}
        try:
            controls = self._engine.peer_controls
            ours = set(due) - controls.blocked
            for ip in ours:
                self._tally.expect_reset(ip)
            if ours:
                controls.block_ips(ours)
                controls.unblock_ips(ours)
        except BttError as exc:
            log.warning("cannot regroup Speed peers: %s", exc)
            return
        for ip, (tid, port) in due.items():
            if port:
                self._spawn(self._redial(tid, ip, port))

    async def _redial(self, tid: str, ip: str, port: int) -> None:
        """Dial the dropped peer again at once (it would wait minutes to come back), and
        again if the first attempt raced the drop."""
        for delay in (0.2, 1.0, 2.0):
            await asyncio.sleep(delay)
            try:
                await self._engine.connect_peer(tid, ip, port)
                await asyncio.sleep(0.5)
                if any(p.ip == ip for p in await self._engine.peers(tid)):
                    return
            except BttError:
                return

    # --- shaping ------------------------------------------------------------------------

    def capacity(self) -> int | None:
        """What bounds the upload now, bytes/s: the global (or alternative) limit, the
        per-torrent limits of the torrents with winners, or None for the line itself."""
        settings = self._engine.settings
        bound = settings.alt_upload_limit if settings.alt_limits_enabled else \
            settings.upload_limit
        per_torrent = []
        for tid in (t for t, group in self._winners.items() if group):
            snap = self._engine.snapshot(tid)
            per_torrent.append(snap.upload_limit if snap is not None else 0)
        if per_torrent and all(per_torrent):
            total = sum(per_torrent)
            bound = min(bound, total) if bound > 0 else total
        return bound if bound > 0 else None

    async def tick(self) -> None:
        """Measure the winners' upload and demand, and move the others' cap (call a few
        times a second, after the tally was refreshed)."""
        now = self._clock()
        if self._leaving:
            await self._check_leaving()
        self._hungry = await self._winners_waiting()
        sent = sum(self._tally.uploaded(tid, ip) for tid, group in self._winners.items()
                   for ip, _ in group)
        self._sent.append((now, sent))
        while len(self._sent) > 2 and self._sent[1][0] <= now - RATE_WINDOW:
            self._sent.popleft()
        first_time, first_sent = self._sent[0]
        if now > first_time:
            self.winner_rate = max(0, sent - first_sent) / (now - first_time)
        total = sum(s.upload_rate for s in self._engine.snapshots())
        self._totals.append((now, total))
        while self._totals and self._totals[0][0] < now - PEAK_WINDOW:
            self._totals.popleft()
        self._set_others_limit(self._others_cap())

    async def _check_leaving(self) -> None:
        """Re-make the connections of ex-winners that are still far from done."""
        leaving, self._leaving = self._leaving, {}
        by_torrent: dict[str, list[str]] = {}
        for ip, (tid, _) in leaving.items():
            if ip not in self._class_ips:
                by_torrent.setdefault(tid, []).append(ip)
        for tid, ips in by_torrent.items():
            try:
                progress = {p.ip: p.progress for p in await self._engine.peers(tid)}
            except BttError:
                continue
            for ip in ips:
                if progress.get(ip, 1.0) < NEARLY_DONE:
                    self._stale[ip] = leaving[ip]
        self._regroup()

    async def _winners_waiting(self) -> bool:
        """Whether a winner has block requests queued at us: it wants more than it gets."""
        for tid, group in self._winners.items():
            if not group:
                continue
            ips = {ip for ip, _ in group}
            try:
                peers = await self._engine.peers(tid)
            except BttError:
                continue
            if any(p.ip in ips and p.upload_queue > 0 for p in peers):
                return True
        return False

    def _others_cap(self) -> int:
        if not any(self._winners.values()):
            return 0
        capacity = self.capacity()
        if capacity is None:
            peak = max((rate for _, rate in self._totals), default=0)
            if peak <= 0:
                return 0
            capacity = int(peak * PROBE)
        floor = max(MIN_FLOOR, int(capacity * FLOOR_FRACTION))
        if self._hungry:  # winners asked for more than they got: they take all but the floor
            return floor
        return max(floor, int(capacity - self.winner_rate * HEADROOM))

    def _set_others_limit(self, limit: int) -> None:
        old = self.others_limit
        if limit == old or (old and limit and abs(limit - old) < MIN_CHANGE * old):
            return
        self.others_limit = limit
        log.debug("Speed shaping: winners %.0f B/s%s, others capped at %d B/s (capacity %s)",
                  self.winner_rate, " and waiting" if self._hungry else "", limit,
                  self.capacity())
        if self._others_class is None:
            return
        with contextlib.suppress(BttError):
            self._engine.peer_controls.update_class(
                self._others_class, PeerClassInfo(label="speed-others", upload_limit=limit))
