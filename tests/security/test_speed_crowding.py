"""A crowd of cheap connections must not lock honest peers out, nor stop us dialling out.

A real SpeedServer over loopback TCP, with a small total cap (32) so the attack is quick.
The attacker holds every slot from many addresses in three /24 networks: silent TCP
connections from 127.0.0.2-17 and 127.0.3.2-9, opened again as soon as they are closed,
and authenticated peers from 127.0.2.2-5 that only ping. Before connections were
admitted by their worth, the server refused everyone else at accept: honest handshakes
failed and ``connect()`` said "too many Speed connections". Now a newcomer takes the slot
of an unproductive connection from the most crowded network, one /24 holds at most
``Limits.max_per_prefix`` connections, and slots are kept for connections we dial; a
peer that is bidding keeps its connection throughout.
"""

from __future__ import annotations

import asyncio
import contextlib

import pytest

from btt_desktop.speed.connection import Limits
from btt_desktop.speed.errors import ProtocolError
from btt_desktop.speed.messages import Bid
from btt_desktop.speed.server import SpeedServer
from tests.conftest import next_loopback
from tests.speed.speed_endpoint import RecordingHandler, wait_for
from tests.speed.speed_keys import NET, VAULT_CONTRACT, address, signer

pytestmark = pytest.mark.timeout(60)

LIMITS = Limits(max_connections=32, max_per_ip=2, handshake_timeout=3.0, ping_interval=1.0)
SILENT = [f"127.0.0.{n}" for n in range(2, 18)] + [f"127.0.3.{n}" for n in range(2, 10)]
PINGERS = [f"127.0.2.{n}" for n in range(2, 6)]
HANDSHAKE_BOUND = 5.0


class Crowd:
    """The attacker: keeps ``per_ip`` connections open from each address, reopening each
    one as soon as the server closes it."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.tasks: list[asyncio.Task[None]] = []
        self.clients: list[SpeedServer] = []
        self.opened = 0

    def silent(self, source: str) -> None:
        async def hold() -> None:
            while True:
                with contextlib.suppress(OSError):
                    reader, writer = await asyncio.open_connection(
                        self.host, self.port, local_addr=(source, 0))
                    self.opened += 1
                    with contextlib.suppress(OSError):
                        while await reader.read(4096):  # says nothing; waits to be closed
                            pass
                    writer.close()
                await asyncio.sleep(0.05)

        self.tasks.append(asyncio.create_task(hold()))

    def pinger(self, source: str, key: int) -> None:
        client = SpeedServer(signer(key), NET, 7000, RecordingHandler(), LIMITS,
                             bind_host=source, vault_contract=VAULT_CONTRACT)
        self.clients.append(client)

        async def hold() -> None:
            while True:
                with contextlib.suppress(ProtocolError):
                    conn = await client.connect(self.host, self.port)
                    self.opened += 1
                    await conn.wait_closed()  # pings every second meanwhile, nothing else
                await asyncio.sleep(0.05)

        self.tasks.append(asyncio.create_task(hold()))

    async def stop(self) -> None:
        for task in self.tasks:
            task.cancel()
        for task in self.tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        for client in self.clients:
            await client.close()


async def test_a_crowd_of_idle_connections_does_not_lock_out_honest_peers() -> None:
    host = next_loopback()
    seen = RecordingHandler()
    server = SpeedServer(signer(1), NET, 6881, seen, LIMITS, vault_contract=VAULT_CONTRACT)
    await server.start(host, 0)
    # a peer already bidding before the crowd arrives, and one we will dial
    bidder = SpeedServer(signer(40), NET, 7040, RecordingHandler(), LIMITS,
                         bind_host="127.0.5.2", vault_contract=VAULT_CONTRACT)
    remote = SpeedServer(signer(41), NET, 7041, RecordingHandler(), LIMITS,
                         vault_contract=VAULT_CONTRACT)
    await remote.start("127.0.6.2", 0)
    crowd = Crowd(host, server.port)
    honest: list[SpeedServer] = []
    bidding: asyncio.Task[None] | None = None
    try:
        bidder_conn = await bidder.connect(host, server.port)

        async def bid_now_and_then() -> None:
            while True:
                await bidder_conn.send(Bid(ih=bytes(20), rate=1000, vault=address(40),
                                           exp=2_000_000_000))
                await asyncio.sleep(0.5)

        bidding = asyncio.create_task(bid_now_and_then())
        for i, source in enumerate(PINGERS):
            for _ in range(LIMITS.max_per_ip):
                crowd.pinger(source, 10 + i)
        await wait_for(lambda: len(seen.opened) >= 1 + len(PINGERS) * LIMITS.max_per_ip)
        for source in SILENT:
            for _ in range(LIMITS.max_per_ip):
                crowd.silent(source)
        await wait_for(lambda: len(server.connections) >= LIMITS.max_connections - 4)
        await asyncio.sleep(1.0)  # the crowd has settled in and holds the server full

        for n in range(5):  # honest peers, each from its own address and network
            client = SpeedServer(signer(20 + n), NET, 7020 + n, RecordingHandler(), LIMITS,
                                 bind_host=f"127.0.1.{n + 2}", vault_contract=VAULT_CONTRACT)
            honest.append(client)
            conn = await asyncio.wait_for(client.connect(host, server.port), HANDSHAKE_BOUND)
            assert conn.is_open
        # and this client can still dial out, whatever the crowd does
        out = await asyncio.wait_for(server.connect("127.0.6.2", remote.port), HANDSHAKE_BOUND)
        assert out.is_open and out.peer is not None and out.peer.addr == address(41)
        assert all(c.is_open for c in honest[0].connections)
        assert bidder_conn.is_open  # a productive peer was never the one to make room
        assert len(server.connections) <= LIMITS.max_connections
    finally:
        if bidding is not None:
            bidding.cancel()
        await crowd.stop()
        for client in honest:
            await client.close()
        await bidder.close()
        await remote.close()
        await server.close()
