"""Finding Speed peers: dial the Speed port of peers that advertise one on torrents we
download (``BTTDesktop/<version> speed/<port>`` in their BitTorrent client string)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Coroutine, Iterable
from typing import TYPE_CHECKING, Any

from btt_desktop.errors import BttError
from btt_desktop.speed.advert import parse_speed_port
from btt_desktop.speed.errors import ProtocolError
from btt_desktop.speed.server import SpeedServer

if TYPE_CHECKING:
    from btt_desktop.engine import Engine

log = logging.getLogger(__name__)

RETRY_AFTER = 30.0  # a peer whose Speed port did not answer is tried again after this


class Discovery:
    def __init__(self, engine: Engine, spawn: Callable[[Coroutine[Any, Any, None]], None],
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._engine = engine
        self._spawn = spawn
        self._clock = clock
        self._retry: dict[str, float] = {}
        self._dialing: set[str] = set()

    async def run(self, server: SpeedServer, torrent_ids: Iterable[str]) -> None:
        """Dial every advertising peer of ``torrent_ids`` not connected yet."""
        connected = {c.remote_ip for c in server.connections}
        now = self._clock()
        for tid in torrent_ids:
            try:
                peers = await self._engine.peers(tid)
            except BttError:
                continue
            for peer in peers:
                port = parse_speed_port(peer.client)
                if port is None or peer.ip in connected or peer.ip in self._dialing:
                    continue
                if self._retry.get(peer.ip, 0.0) > now:
                    continue
                self._dialing.add(peer.ip)
                self._spawn(self._dial(server, peer.ip, port))

    async def _dial(self, server: SpeedServer, ip: str, port: int) -> None:
        try:
            await server.connect(ip, port)
        except ProtocolError as exc:
            log.info("Speed peer %s:%d: %s", ip, port, exc)
            self._retry[ip] = self._clock() + RETRY_AFTER
        finally:
            self._dialing.discard(ip)
