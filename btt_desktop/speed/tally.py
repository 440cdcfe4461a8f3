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
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable

Counters = dict[str, tuple[int, int]]  # "ip:port" -> (downloaded, uploaded)
CounterSource = Callable[[str], Awaitable[Counters]]
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
    """Per torrent id and remote IP: bytes downloaded and uploaded, never decreasing."""

    def __init__(self, source: CounterSource) -> None:
        self._source = source
        self._last: dict[tuple[str, str], tuple[int, int]] = {}
        self._endpoints: dict[tuple[str, str], frozenset[str]] = {}
        self._resets: dict[str, frozenset[str]] = {}  # ip -> endpoints it had when dropped
        self._down: dict[tuple[str, str], int] = {}
        self._up: dict[tuple[str, str], int] = {}

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

    def add(self, tid: str, current: Counters) -> None:
        """Account one poll of ``tid``'s connections (exposed for tests)."""
        sums: dict[str, tuple[int, int]] = {}
        endpoints: dict[str, set[str]] = {}
        for endpoint, (down, up) in current.items():
            ip = _ip_of(endpoint)
            d, u = sums.get(ip, (0, 0))
            sums[ip] = (d + down, u + up)
            endpoints.setdefault(ip, set()).add(endpoint)
        for ip, (down, up) in sums.items():
            key = (tid, ip)
            last = self._last.get(key)
            reset = self._resets.get(ip)
            if reset is not None and not (endpoints[ip] & reset):
                last = None  # the re-made connection, counting from zero
            if last is None:
                grow_down, grow_up = down, up
            else:
                grow_down, grow_up = _grow(last[0], down), _grow(last[1], up)
            if grow_down:
                self._down[key] = self._down.get(key, 0) + grow_down
            if grow_up:
                self._up[key] = self._up.get(key, 0) + grow_up
            self._last[key] = (down, up)
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
