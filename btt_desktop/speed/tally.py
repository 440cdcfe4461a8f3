"""Cumulative bytes per (torrent, remote IP), built from libtorrent's per-connection counters.

The provider and the requester need counters that only grow, per torrent and remote IP
(a Speed identity is tied to an IP). libtorrent counts per connection, with two twists
this module absorbs:

- When a peer reconnects and libtorrent still knows it (its peer-list entry survived),
  the new connection's counters *start at the old connection's totals* (kept in KiB,
  truncated). So the sum over an IP's connections is continuous across reconnects,
  give or take a KiB.
- When the entry was erased (Speed blocks an IP for a moment so that its connection
  is re-made in the winners' peer class, and the IP filter erases it), the new
  connection starts from zero. The caller says so with :meth:`expect_reset`.

An IP with no connection at a poll keeps its last sum. Bytes moved after the last poll
of a connection that then closed without a carry are not counted: the counts err low,
which never makes a requester pay for bytes it did not receive.

What a requester pays for is :meth:`ByteTally.billable`, not :meth:`ByteTally.downloaded`:
bytes of pieces that failed the hash check are never billable. At each poll the level
is what came from the IP, less the bytes still waiting for their piece's hash check,
less one piece length for every failed piece the IP took part in; the billable count
follows that level up and never goes down. So a failed piece's bytes, held back while
unverified, are never counted; a failure the level had already passed (a piece several
peers fed, or bytes that arrived between two reads of one poll) is made up out of that
IP's next bytes before the count grows again. A peer libtorrent bans for a corrupt
piece is gone at the next poll, so its count stays at the last level, which held the
piece back. Charging a whole piece for a failure several peers fed errs low, which is
the payer's side.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable

from btt_desktop.engine.types import PeerCounters

CounterSource = Callable[[str], Awaitable[PeerCounters]]
SLACK = 64 * 1024  # a sum lower by at most this much is a carried-over reconnection


def _ip_of(endpoint: str) -> str:
    return endpoint.rpartition(":")[0].strip("[]")


def _grow(old: int, new: int) -> int:
    if new >= old:
        return new - old
    if new >= old - SLACK:
        return 0  # the KiB truncation of a carried-over total
    return new  # a new connection counting from zero


class ByteTally:
    """Per torrent id and remote IP: bytes downloaded, uploaded and billable, and failed
    pieces, never decreasing."""

    def __init__(self, source: CounterSource) -> None:
        self._source = source
        self._last: dict[tuple[str, str], tuple[int, int, int]] = {}
        self._endpoints: dict[tuple[str, str], frozenset[str]] = {}
        self._resets: dict[str, frozenset[str]] = {}  # ip -> endpoints it had when dropped
        self._down: dict[tuple[str, str], int] = {}
        self._up: dict[tuple[str, str], int] = {}
        self._fails: dict[tuple[str, str], int] = {}
        self._billable: dict[tuple[str, str], int] = {}
        self._piece_length: dict[str, int] = {}

    async def refresh(self, torrent_ids: Iterable[str]) -> None:
        """Poll the engine for these torrents and add what moved since the last poll."""
        for tid in list(torrent_ids):
            try:
                current = await self._source(tid)
            except Exception:  # a torrent removed meanwhile: nothing more to count
                continue
            self.add(tid, current)

    def expect_reset(self, ip: str) -> None:
        """``ip``'s connections are being dropped and its peer entry erased: its next
        connections count from zero."""
        old: set[str] = set()
        for (_, i), endpoints in self._endpoints.items():
            if i == ip:
                old |= endpoints
        self._resets[ip] = frozenset(old)

    def add(self, tid: str, current: PeerCounters) -> None:
        """Account one poll of ``tid``'s connections (exposed for tests)."""
        if current.piece_length:
            self._piece_length[tid] = current.piece_length
        sums: dict[str, tuple[int, int, int]] = {}
        endpoints: dict[str, set[str]] = {}
        for endpoint, counter in current.peers.items():
            ip = _ip_of(endpoint)
            d, u, f = sums.get(ip, (0, 0, 0))
            sums[ip] = (d + counter.downloaded, u + counter.uploaded, f + counter.hashfails)
            endpoints.setdefault(ip, set()).add(endpoint)
        for ip, now in sums.items():
            key = (tid, ip)
            last = self._last.get(key)
            reset = self._resets.get(ip)
            if reset is not None and not (endpoints[ip] & reset):
                last = None  # the re-made connection, counting from zero
            if last is None:
                grow_down, grow_up, grow_fails = now
            else:
                grow_down, grow_up = _grow(last[0], now[0]), _grow(last[1], now[1])
                grow_fails = now[2] - last[2] if now[2] >= last[2] else now[2]
            if grow_down:
                self._down[key] = self._down.get(key, 0) + grow_down
            if grow_up:
                self._up[key] = self._up.get(key, 0) + grow_up
            if grow_fails:
                self._fails[key] = self._fails.get(key, 0) + grow_fails
            level = (self._down.get(key, 0) - current.unverified.get(ip, 0)
                     - self._fails.get(key, 0) * current.piece_length)
            if level > self._billable.get(key, 0):
                self._billable[key] = level
            self._last[key] = now
            self._endpoints[key] = frozenset(endpoints[ip])
        for ip in [ip for ip, old in self._resets.items()
                   if ip in endpoints and not (endpoints[ip] & old)]:
            del self._resets[ip]

    def ips(self, tid: str) -> list[str]:
        """Every remote IP seen on ``tid`` so far, sorted."""
        return sorted({ip for (t, ip) in self._down if t == tid}
                      | {ip for (t, ip) in self._up if t == tid})

    def downloaded(self, tid: str, ip: str) -> int:
        return self._down.get((tid, ip), 0)

    def uploaded(self, tid: str, ip: str) -> int:
        return self._up.get((tid, ip), 0)

    def billable(self, tid: str, ip: str) -> int:
        """Bytes from ``ip`` a requester may pay for: verified, never of a failed piece."""
        return self._billable.get((tid, ip), 0)

    def hashfails(self, tid: str, ip: str) -> int:
        """Failed pieces ``ip`` took part in on ``tid``, as far as the polls saw."""
        return self._fails.get((tid, ip), 0)

    def piece_length(self, tid: str) -> int:
        """``tid``'s piece length, once a poll saw its metadata (else 0)."""
        return self._piece_length.get(tid, 0)
