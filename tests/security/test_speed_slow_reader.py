"""A peer that stops reading must not stall the auction round for everyone else.

A real provider (the project's Provider on a SpeedServer, over loopback TCP) holds bids
from two peers: one bids on many torrents, then stops reading (a small receive buffer,
reading paused, so its socket fills); the other is an honest bidder on one torrent, whose
award is sent last in each round. Before the send queue, each send was awaited in turn:
once the silent peer's buffers were full, ``run_round`` waited on it for the whole write
timeout and the honest winner's award arrived only after that (its award lapsed). Now
each round returns at once, the honest award arrives each round, and the silent peer is
closed when its writes time out.
"""

from __future__ import annotations

import asyncio
import socket
import time
from pathlib import Path

import pytest

from btt_desktop.speed.auth import handshake
from btt_desktop.speed.connection import Limits
from btt_desktop.speed.framing import encode_frame
from btt_desktop.speed.ledger import ProviderLedger
from btt_desktop.speed.messages import Award, Bid
from btt_desktop.speed.provider import Provider, ProviderConfig
from btt_desktop.speed.server import SpeedServer
from tests.conftest import next_loopback
from tests.speed.speed_endpoint import RecordingHandler, wait_for
from tests.speed.speed_keys import DOMAIN, NET, VAULT_CONTRACT, address, signer

pytestmark = pytest.mark.timeout(60)

TORRENTS = 300          # the silent peer's bids: about 25 kB of awards per round
ROUNDS = 12             # enough to fill its receive buffer, ours and the transport's
WRITE_TIMEOUT = 8.0
ROUND_BOUND = 3.0       # a round that waits on a peer takes the whole write timeout
EXP = 2_000_000_000


class RichVault:
    """Every bidder is funded (the auction, not the chain, is under test)."""

    async def balance_of(self, owner: str) -> int:
        return 10**30

    async def paid_out(self, owner: str, to: str) -> int:
        return 0


async def silent_bidder(host: str, port: int, source: str, key: int) -> asyncio.StreamWriter:
    """Authenticate from ``source`` with a small receive buffer, bid, then stop reading."""
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.bind((source, 0))
    sock.setblocking(False)
    await loop.sock_connect(sock, (host, port))
    reader, writer = await asyncio.open_connection(sock=sock)
    await handshake(reader, writer, signer(key), NET, 7000, VAULT_CONTRACT, outgoing=True)
    for i in range(TORRENTS):
        writer.write(encode_frame(Bid(ih=(i + 1).to_bytes(20, "big"), rate=10**6,
                                      vault=address(key), exp=EXP).to_frame()))
    await writer.drain()
    writer.transport.pause_reading()
    return writer


async def test_a_peer_that_stops_reading_does_not_stall_the_round(tmp_path: Path) -> None:
    host = next_loopback()
    provider = Provider(ProviderLedger(tmp_path / "p.json", NET, address(1), DOMAIN),
                        RichVault(),  # type: ignore[arg-type]
                        lambda ih, ip, port: 0, lambda ih, peers: None,
                        ProviderConfig(slots=2))
    server = SpeedServer(signer(1), NET, 6881, provider, Limits(write_timeout=WRITE_TIMEOUT),
                         vault_contract=VAULT_CONTRACT)
    await server.start(host, 0)
    honest_seen = RecordingHandler()
    honest = SpeedServer(signer(3), NET, 7003, honest_seen, bind_host="127.0.0.3",
                         vault_contract=VAULT_CONTRACT)
    silent = None
    try:
        silent = await silent_bidder(host, server.port, "127.0.0.2", 2)
        await wait_for(lambda: len(server.connections) == 1)
        # Linux grows a loopback send buffer to 4 MB; pin ours to what a slow link gets,
        # so that a few rounds fill it (the queueing above the socket is what is tested)
        sock = server.connections[0]._writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 16384)
        conn = await honest.connect(host, server.port)
        honest_ih = b"\xee" * 20
        await conn.send(Bid(ih=honest_ih, rate=10**6, vault=address(3), exp=EXP))
        await wait_for(lambda: len(provider.bids(honest_ih)) == 1
                       and len(provider.bids((TORRENTS).to_bytes(20, "big"))) == 1)

        def awards() -> int:
            return sum(isinstance(m, Award) and m.ih == honest_ih
                       for _, m in honest_seen.messages)

        slowest = 0.0
        for _ in range(ROUNDS):
            before = awards()
            start = time.monotonic()
            # each round awards all 301 torrents; the honest peer's award goes out last
            await asyncio.wait_for(provider.run_round(), ROUND_BOUND)
            await wait_for(lambda: awards() > before, within=ROUND_BOUND)  # noqa: B023
            slowest = max(slowest, time.monotonic() - start)
        assert slowest < ROUND_BOUND
        # the peer that stopped reading is let go once its writes time out
        await wait_for(lambda: not any(c.peer is not None and c.peer.addr == address(2)
                                       for c in server.connections),
                       within=WRITE_TIMEOUT + 5)
        assert conn.is_open  # the honest one stays
    finally:
        if silent is not None:
            silent.transport.abort()
        await honest.close()
        await server.close()
