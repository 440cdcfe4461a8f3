"""Peers by hand: dialling peers the user names, and the user's permanent bans.

Bans live in ``<profile>/banned_peers.json`` (a JSON list of IPs, written atomically)
and reach libtorrent through the session's one ip_filter, which :class:`PeerControls`
shares with the IPs Speed blocks. Setting the filter disconnects a banned peer at once,
and refuses it afterwards, in both directions.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from btt_desktop.atomicfile import read_with_backup, write_atomic
from btt_desktop.engine.peer_classes import PeerControls
from btt_desktop.errors import EngineError

log = logging.getLogger(__name__)

BANS_FILE = "banned_peers.json"


def normalise_ip(text: str) -> str:
    try:
        return str(ipaddress.ip_address(text.strip().strip("[]")))
    except ValueError:
        raise EngineError(f"not an IP address: {text.strip()}") from None


class PeerAdmin:
    """The ban list of one profile, applied to the running session's filter."""

    def __init__(self, profile_root: Path) -> None:
        self._path = profile_root / BANS_FILE
        self._banned: set[str] = set()
        self._controls: PeerControls | None = None
        self._lock = asyncio.Lock()

    @property
    def path(self) -> Path:
        return self._path

    @property
    def banned(self) -> tuple[str, ...]:
        return tuple(sorted(self._banned, key=_ip_order))

    async def load(self) -> tuple[str, ...]:
        """Read the saved bans without a session (``btt peers``); the banned IPs."""
        self._banned = await asyncio.to_thread(self._load)
        return self.banned

    async def attach(self, controls: PeerControls) -> None:
        """Read the saved bans and put them in the session's filter (at start)."""
        self._banned = await asyncio.to_thread(self._load)
        self._controls = controls
        controls.set_banned(self._banned)

    def detach(self) -> None:
        self._controls = None

    async def ban(self, ips: Iterable[str]) -> None:
        """Ban these IPs for good: connected peers are dropped now."""
        wanted = {normalise_ip(ip) for ip in ips}
        async with self._lock:
            if wanted <= self._banned:
                return
            self._banned |= wanted
            self._apply()
            await self._save()

    async def unban(self, ips: Iterable[str]) -> None:
        gone = {normalise_ip(ip) for ip in ips}
        async with self._lock:
            if not gone & self._banned:
                return
            self._banned -= gone
            self._apply()
            await self._save()

    def check_not_banned(self, peers: Sequence[tuple[str, int]]) -> None:
        for ip, _port in peers:
            if normalise_ip(ip) in self._banned:
                raise EngineError(f"{ip} is banned (unban it first)")

    def _apply(self) -> None:
        if self._controls is not None:
            self._controls.set_banned(self._banned)

    async def _save(self) -> None:
        data = json.dumps(sorted(self._banned, key=_ip_order), indent=1).encode() + b"\n"
        await asyncio.to_thread(write_atomic, self._path, data)

    def _load(self) -> set[str]:
        raw = read_with_backup(self._path)
        if not raw:
            return set()
        try:
            items: Any = json.loads(raw)
        except ValueError:
            log.error("ignoring an unreadable ban list: %s", self._path)
            return set()
        found = set()
        for item in items if isinstance(items, list) else []:
            try:
                found.add(normalise_ip(str(item)))
            except EngineError:
                log.warning("ignoring %r in the ban list", item)
        return found


def connect_peers(handle: Any, peers: Sequence[tuple[str, int]], flags: int) -> None:
    """Dial each peer for this torrent now (no tracker or DHT needed); ``flags`` from
    :func:`~btt_desktop.engine.session_settings.dial_flags` (plain or encrypted first)."""
    for ip, port in peers:
        handle.connect_peer((ip, int(port)), 0, flags)


def _ip_order(ip: str) -> tuple[int, int]:
    addr = ipaddress.ip_address(ip)
    return (addr.version, int(addr))
