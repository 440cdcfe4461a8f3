"""A third party relays the Speed handshake between two honest peers (issue: M made a
provider P accept it as the bidder R, and R's vault was billed for what M downloaded).

Real Speed endpoints (the project's SpeedServer, real keys) on their own loopback
addresses; M is a plain TCP relay on a third address that copies bytes both ways, the
most a relay can do without keys. Both ways round are tried: R dials M while M dials P
(M poses as R to the provider), and P dials M while M dials R. Before protocol version 3
the provider opened the session with R's identity at M's address; now both honest ends
refuse, each saying the handshake was relayed, and neither handler sees a peer.
"""

from __future__ import annotations

import asyncio
import contextlib

import pytest

from btt_desktop.speed.errors import ProtocolError
from btt_desktop.speed.server import SpeedServer
from tests.conftest import next_loopback
from tests.speed.speed_endpoint import RecordingHandler, wait_for
from tests.speed.speed_keys import NET, VAULT_CONTRACT, address, signer

pytestmark = pytest.mark.timeout(30)


class Relay:
    """M: accepts on its own address and pipes each connection to ``target``."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.host = next_loopback()
        self.piped = 0
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> int:
        self._server = await asyncio.start_server(self._accept, self.host, 0)
        return int(self._server.sockets[0].getsockname()[1])

    async def _accept(self, reader: asyncio.StreamReader,
                      writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(
            *self.target, local_addr=(self.host, 0))  # M dials from its own address
        self.piped += 1

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(ConnectionError, OSError):
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)


async def _endpoint(n: int) -> tuple[SpeedServer, RecordingHandler, str]:
    handler = RecordingHandler()
    host = next_loopback()
    server = SpeedServer(signer(n), NET, 6000 + n, handler, bind_host=host,
                         vault_contract=VAULT_CONTRACT)
    await server.start(host, 0)
    return server, handler, host


@pytest.mark.parametrize("who_dials_the_relay", ["bidder", "provider"])
async def test_a_relayed_handshake_is_refused_by_both_ends(who_dials_the_relay: str) -> None:
    provider, provider_seen, provider_host = await _endpoint(1)
    bidder, bidder_seen, bidder_host = await _endpoint(2)
    if who_dials_the_relay == "bidder":   # R finds M in a swarm and dials it; M dials P
        dialler, target = bidder, (provider_host, provider.port)
    else:                                  # P dials M (M advertised a Speed port); M dials R
        dialler, target = provider, (bidder_host, bidder.port)
    relay = Relay(target)
    relay_port = await relay.start()
    try:
        with pytest.raises(ProtocolError) as refused:
            await dialler.connect(relay.host, relay_port)
        assert relay.piped == 1  # the relay did reach the other honest end
        assert "a relayed handshake?" in str(refused.value)
        # the other end refused as well: nobody was let in, as R or as anyone
        await asyncio.sleep(0.3)
        assert provider_seen.opened == [] and bidder_seen.opened == []
        assert not any(c.peer is not None and c.peer.addr == address(2)
                       for c in provider.connections)
    finally:
        await relay.close()
        await provider.close()
        await bidder.close()


async def test_the_honest_pair_still_connects_directly() -> None:
    """The same two endpoints without the relay: the session opens both ways round."""
    provider, provider_seen, provider_host = await _endpoint(1)
    bidder, _, _ = await _endpoint(2)
    try:
        conn = await bidder.connect(provider_host, provider.port)
        assert conn.peer is not None and conn.peer.addr == address(1)
        await wait_for(lambda: len(provider_seen.opened) == 1)
        assert provider_seen.opened[0].peer is not None
        assert provider_seen.opened[0].peer.addr == address(2)
        assert provider_seen.opened[0].remote_ip == bidder.bind_host
    finally:
        await provider.close()
        await bidder.close()
