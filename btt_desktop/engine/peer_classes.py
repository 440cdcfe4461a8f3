"""Levers on individual peers, for Speed: peer classes by IP, the IP block list, the
client-version string peers read, and per-peer byte counters.

libtorrent facts this module respects:
- ``set_peer_class`` must be given every key, or the missing ones read back as garbage.
- Classes are assigned by IP with ``set_peer_class_filter`` to *new* connections only,
  and only classes 0-31 can be named there (the filter value is a bit mask).
- ``set_ip_filter`` disconnects the peers it blocks: the one way to drop a peer. The
  session has one filter; it holds the IPs blocked here, the user's bans and the ranges
  of the IP block list (``EngineSettings.ip_filter_path``) together.
- Building a filter of a big block list costs about 2 us a range (0.5 s for 250,000),
  so the filter is built once per block list (in a thread) and single IPs are then
  added to it or lifted from it; ``set_ip_filter`` copies it (70 ms for 250,000).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import libtorrent as lt

from btt_desktop.errors import EngineError

_V4_ALL = ("0.0.0.0", "255.255.255.255")
_V6_ALL = ("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")
_LOCAL_V4 = (("10.0.0.0", "10.255.255.255"), ("172.16.0.0", "172.31.255.255"),
             ("192.168.0.0", "192.168.255.255"), ("169.254.0.0", "169.254.255.255"),
             ("127.0.0.0", "127.255.255.255"))
_BLOCKED = 1  # ip_filter flag value meaning "blocked"


@dataclass(frozen=True)
class PeerClassInfo:
    """Every field libtorrent's peer class holds (all are passed on each update)."""

    label: str
    upload_limit: int = 0            # bytes/s, 0 = unlimited
    download_limit: int = 0
    upload_priority: int = 1         # 1..255, acts only where a rate limit applies
    download_priority: int = 1
    connection_limit_factor: int = 100
    ignore_unchoke_slots: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "upload_limit": self.upload_limit,
            "download_limit": self.download_limit,
            "upload_priority": self.upload_priority,
            "download_priority": self.download_priority,
            "connection_limit_factor": self.connection_limit_factor,
            "ignore_unchoke_slots": self.ignore_unchoke_slots,
        }


class PeerControls:
    """Peer classes, blocked IPs and the client-version string of one session."""

    def __init__(self, session: lt.session) -> None:
        self._session = session
        self._class_ips: dict[int, set[str]] = {}
        self._exclusive: dict[int, bool] = {}
        self._others: int | None = None
        self._blocked: set[str] = set()
        self._banned: frozenset[str] = frozenset()  # the user's bans (peer_admin.py)
        self._list_filter: Any = None               # the block list's ranges alone
        self._combined: Any = lt.ip_filter()        # what the session has
        self._list_size = 0
        self._apply_class_filter()

    # -- peer classes ---------------------------------------------------------------

    def create_class(self, info: PeerClassInfo) -> int:
        cid = int(self._session.create_peer_class(info.label))
        if cid > 31:
            self._session.delete_peer_class(cid)
            raise EngineError("too many peer classes (libtorrent can filter by 32 at most)")
        self.update_class(cid, info)
        return cid

    def update_class(self, cid: int, info: PeerClassInfo) -> None:
        self._session.set_peer_class(cid, cast(Any, info.as_dict()))

    def class_info(self, cid: int) -> PeerClassInfo:
        raw = self._session.get_peer_class(cid)
        return PeerClassInfo(
            label=str(raw["label"]), upload_limit=int(raw["upload_limit"]),
            download_limit=int(raw["download_limit"]),
            upload_priority=int(raw["upload_priority"]),
            download_priority=int(raw["download_priority"]),
            connection_limit_factor=int(raw["connection_limit_factor"]),
            ignore_unchoke_slots=bool(raw["ignore_unchoke_slots"]),
        )

    def delete_class(self, cid: int) -> None:
        self._class_ips.pop(cid, None)
        self._exclusive.pop(cid, None)
        if self._others == cid:
            self._others = None
        self._apply_class_filter()
        self._session.delete_peer_class(cid)

    def set_class_ips(self, cid: int, ips: Iterable[str], *, exclusive: bool = True) -> None:
        """Put new connections from ``ips`` in class ``cid``.

        ``exclusive`` keeps them out of the global (and local) class, so a global rate
        cap does not apply to them: what worked for preferring some peers.
        """
        if not 0 <= cid <= 31:
            raise EngineError(f"peer class {cid} cannot be assigned by IP (0-31 only)")
        self._class_ips[cid] = {str(ipaddress.ip_address(ip)) for ip in ips}
        self._exclusive[cid] = exclusive
        self._apply_class_filter()

    def set_others_class(self, cid: int | None) -> None:
        """Put new connections from every IP that is in no class of :meth:`set_class_ips`
        in class ``cid`` as well (None: no such class). Speed caps "everyone but the
        auction winners" through it."""
        if cid is not None and not 0 <= cid <= 31:
            raise EngineError(f"peer class {cid} cannot be assigned by IP (0-31 only)")
        self._others = cid
        self._apply_class_filter()

    def _apply_class_filter(self) -> None:
        s = self._session
        global_bit = 1 << int(s.global_peer_class_id)
        local_bit = 1 << int(s.local_peer_class_id)
        others = 0 if self._others is None else 1 << self._others
        f = lt.ip_filter()
        f.add_rule(_V4_ALL[0], _V4_ALL[1], global_bit | others)
        f.add_rule(_V6_ALL[0], _V6_ALL[1], global_bit | others)
        # LAN peers stay in the local class (no unchoke-slot limit) but, unlike
        # libtorrent's default, also in the global one: the user's rate limits hold for
        # them too, as in other clients' default "apply rate limit to peers on LAN"
        for first, last in _LOCAL_V4:
            f.add_rule(first, last, local_bit | global_bit | others)
        for cid, ips in self._class_ips.items():
            for ip in ips:
                base = 0 if self._exclusive.get(cid, True) else self._default_bits(ip)
                f.add_rule(ip, ip, base | (1 << cid) | self._other_bits(cid, ip))
        s.set_peer_class_filter(f)

    def _default_bits(self, ip: str) -> int:
        s = self._session
        addr = ipaddress.ip_address(ip)
        bits = 1 << int(s.global_peer_class_id)
        if addr.is_private or addr.is_loopback or addr.is_link_local:
            bits |= 1 << int(s.local_peer_class_id)
        return bits

    def _other_bits(self, cid: int, ip: str) -> int:
        bits = 0
        for other, ips in self._class_ips.items():
            if other != cid and ip in ips:
                bits |= 1 << other
        return bits

    # -- dropping peers -------------------------------------------------------------

    def block_ips(self, ips: Iterable[str]) -> None:
        """Disconnect and refuse these IPs (in addition to those already blocked)."""
        before = self.filtered_ips
        self._blocked |= {str(ipaddress.ip_address(ip)) for ip in ips}
        self._apply_ip_filter(before)

    def unblock_ips(self, ips: Iterable[str]) -> None:
        before = self.filtered_ips
        self._blocked -= {str(ipaddress.ip_address(ip)) for ip in ips}
        self._apply_ip_filter(before)

    @property
    def blocked(self) -> frozenset[str]:
        """The IPs blocked through :meth:`block_ips` (not the user's bans)."""
        return frozenset(self._blocked)

    @property
    def filtered_ips(self) -> frozenset[str]:
        """Single IPs in the filter: Speed's blocks and the user's bans."""
        return frozenset(self._blocked | self._banned)

    @property
    def blocklist_size(self) -> int:
        """How many ranges of the IP block list are in the filter."""
        return self._list_size

    def set_banned(self, ips: Iterable[str]) -> None:
        """The user's permanent bans. The one ip_filter holds both lists: unblocking an
        IP here leaves it blocked while the user's ban stands, and the other way round."""
        before = self.filtered_ips
        self._banned = frozenset(str(ipaddress.ip_address(ip)) for ip in ips)
        self._apply_ip_filter(before)

    def set_blocklist(self, ranges: Sequence[tuple[str, str]]) -> None:
        """Replace the block list's ranges (building the filter here, on the caller's
        thread; :func:`build_filters` then :meth:`install_blocklist` do it in two steps)."""
        ips = self.filtered_ips
        self.install_blocklist(build_filters(ranges, ips), ips, len(ranges))

    def install_blocklist(self, filters: tuple[Any, Any], ips_then: frozenset[str],
                          size: int) -> None:
        """Put filters from :func:`build_filters` in place; IPs blocked or lifted since
        ``ips_then`` was read are brought up to date."""
        self._list_filter, self._combined = filters
        self._list_size = size
        self._apply_ip_filter(ips_then)

    def _apply_ip_filter(self, before: frozenset[str]) -> None:
        now = self.filtered_ips
        for ip in now - before:
            self._combined.add_rule(ip, ip, _BLOCKED)
        for ip in before - now:
            listed = self._list_filter is not None and self._list_filter.access(ip)
            self._combined.add_rule(ip, ip, _BLOCKED if listed else 0)
        self._session.set_ip_filter(self._combined)

    # -- identity -------------------------------------------------------------------

    def set_client_version(self, version: str) -> None:
        """The handshake "v" string remote peers see as ``peer_info.client``."""
        self._session.apply_settings(cast(Any, {"handshake_client_version": version}))


def build_filters(ranges: Sequence[tuple[str, str]], ips: Iterable[str]) -> tuple[Any, Any]:
    """``(block list alone, block list and ips)`` as two ``lt.ip_filter``; slow for a big
    list (run it in a thread), touches no session."""
    alone = lt.ip_filter() if ranges else None
    combined = lt.ip_filter()
    for first, last in ranges:
        combined.add_rule(first, last, _BLOCKED)
        if alone is not None:
            alone.add_rule(first, last, _BLOCKED)
    for ip in ips:
        combined.add_rule(ip, ip, _BLOCKED)
    return alone, combined
