from __future__ import annotations

import asyncio
import os
import struct
import time
from collections.abc import AsyncIterator

import pytest

from btt_desktop.speed.connection import Limits
from btt_desktop.speed.errors import ProtocolError
from btt_desktop.speed.framing import FrameBuffer, encode_frame
from btt_desktop.speed.intake import ByteBucket, Intake
from btt_desktop.speed.messages import Bid, Cancel, ErrorNotice, Ping, decode_message
from btt_desktop.speed.server import SpeedServer
from tests.conftest import next_loopback
from tests.speed.speed_endpoint import RecordingHandler, read_until_closed, wait_for
from tests.speed.speed_keys import NET, VAULT, VAULT_CONTRACT, address, signer

pytestmark = pytest.mark.timeout(60)
IH = bytes(range(20))
VC = VAULT_CONTRACT
LIMITS = Limits(max_per_ip=3, handshake_timeout=1.0, idle_timeout=3.0, ping_interval=1.0,
                messages_per_second=20, burst=40)


class Endpoint:
    def __init__(self, server: SpeedServer, handler: RecordingHandler, host: str) -> None:
        self.server, self.handler, self.host = server, handler, host

    @property
    def port(self) -> int:
        return self.server.port


@pytest.fixture
async def provider() -> AsyncIterator[Endpoint]:
    host = next_loopback()
    handler = RecordingHandler()
    server = SpeedServer(signer(1), NET, 6881, handler, LIMITS,
                         vault_contract=VC)
    await server.start(host, 0)
    yield Endpoint(server, handler, host)
    await server.close()


async def good_client_round_trip(provider: Endpoint, key: int = 2) -> None:
    """A well-behaved requester connects from its own address and gets a bid through."""
    handler = RecordingHandler()
    client = SpeedServer(signer(key), NET, 7000, handler, LIMITS,
                         vault_contract=VC)
    try:
        conn = await client.connect(provider.host, provider.port)
        before = len(provider.handler.messages)
        bid = Bid(ih=IH, rate=1000 + key, vault=address(key), exp=2_000_000_000)
        await conn.send(bid)
        await wait_for(lambda: len(provider.handler.messages) > before)
        server_conn, got = provider.handler.messages[-1]
        assert got == bid
        assert server_conn.peer is not None and server_conn.peer.addr == address(key)
        await conn.close()
    finally:
        await client.close()


async def raw(provider: Endpoint, source: str | None = None
              ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    return await asyncio.open_connection(
        provider.host, provider.port, local_addr=(source or next_loopback(), 0))


async def test_authenticated_messages_reach_the_handler(provider: Endpoint) -> None:
    await good_client_round_trip(provider)
    await wait_for(lambda: len(provider.handler.closed) == 1)
    [(_, reason)] = provider.handler.closed
    assert reason == "peer closed the connection"


async def test_unknown_type_ignored_wrong_type_closes(provider: Endpoint) -> None:
    client = SpeedServer(signer(3), NET, 7000, RecordingHandler(), LIMITS,
                         vault_contract=VC)
    try:
        conn = await client.connect(provider.host, provider.port)
        await conn.send(Cancel(ih=IH))
        # an unknown message type from a later version: ignored, connection stays
        conn._writer.write(encode_frame({b"t": b"from-the-future", b"x": 1}))
        await conn.send(Cancel(ih=bytes(32)))
        await wait_for(lambda: len(provider.handler.messages) == 2)
        assert provider.handler.messages[1][1] == Cancel(ih=bytes(32))
        # a known type with a wrong field type: the provider closes, saying why
        conn._writer.write(encode_frame({b"t": b"cancel", b"ih": 5}))
        await conn.wait_closed()
        await wait_for(lambda: len(provider.handler.closed) == 1)
        assert "ih" in provider.handler.closed[0][1]
        assert conn.close_reason is not None and "ih" in conn.close_reason
    finally:
        await client.close()


async def test_wrong_network_refused(provider: Endpoint) -> None:
    client = SpeedServer(signer(4), "nile", 7000, RecordingHandler(), LIMITS,
                         vault_contract=VC)
    try:
        with pytest.raises(ProtocolError, match="network"):
            await client.connect(provider.host, provider.port)
    finally:
        await client.close()
    assert provider.handler.opened == []


async def test_random_bytes_and_oversized_frames_closed(provider: Endpoint) -> None:
    for junk in (os.urandom(5000), struct.pack(">I", 16 * 1024 + 1) + b"x" * 100,
                 struct.pack(">I", 0xFFFFFFFF), b"\0\0\0\x05hello"):
        reader, writer = await raw(provider)
        writer.write(junk)
        data = await read_until_closed(reader, 5)
        writer.close()
        # the server said hello first, then nothing but possibly an error notice
        frames = FrameBuffer().feed(data)
        assert frames and frames[0][b"t"] == b"hello"
    await good_client_round_trip(provider)
    assert len(provider.handler.opened) == 1  # none of the junk got past the handshake


async def test_slowloris_dropped_at_handshake_timeout(provider: Endpoint) -> None:
    reader, writer = await raw(provider)
    start = time.monotonic()
    writer.write(b"\0\0")  # half a header, then silence
    await read_until_closed(reader, 10)
    elapsed = time.monotonic() - start
    writer.close()
    assert LIMITS.handshake_timeout * 0.8 <= elapsed < LIMITS.handshake_timeout + 4


async def test_per_ip_cap_and_good_client_still_served(provider: Endpoint) -> None:
    flooder = next_loopback()
    conns = [await raw(provider, flooder) for _ in range(12)]
    await wait_for(lambda: provider.server.refused >= 9)
    assert provider.server.refused == 9  # 3 per IP kept while they handshake
    await good_client_round_trip(provider)  # another IP is served meanwhile
    for _, w in conns:
        w.close()


async def test_message_flood_closes(provider: Endpoint) -> None:
    client = SpeedServer(signer(5), NET, 7000, RecordingHandler(), LIMITS,
                         vault_contract=VC)
    try:
        conn = await client.connect(provider.host, provider.port)
        for _ in range(200):
            conn._writer.write(encode_frame(Ping().to_frame()))
        await conn.wait_closed()
        assert conn.close_reason is not None and "too many messages" in conn.close_reason
    finally:
        await client.close()


async def test_idle_peer_dropped_but_keepalive_holds(provider: Endpoint) -> None:
    # a client that pings (the default behaviour) outlives the idle timeout
    client = SpeedServer(signer(6), NET, 7000, RecordingHandler(), LIMITS,
                         vault_contract=VC)
    try:
        conn = await client.connect(provider.host, provider.port)
        await asyncio.sleep(LIMITS.idle_timeout + 1)
        assert conn.is_open
    finally:
        await client.close()
    # one that authenticates and then goes silent is dropped
    silent = SpeedServer(signer(7), NET, 7000, RecordingHandler(),
                         Limits(handshake_timeout=1.0, ping_interval=1000), vault_contract=VC)
    try:
        conn = await silent.connect(provider.host, provider.port)
        start = time.monotonic()
        await conn.wait_closed()
        assert time.monotonic() - start >= LIMITS.idle_timeout * 0.8
        assert conn.close_reason is not None and "idle" in conn.close_reason
    finally:
        await silent.close()


async def test_error_notice_closes_quietly(provider: Endpoint) -> None:
    client = SpeedServer(signer(8), NET, 7000, RecordingHandler(), LIMITS,
                         vault_contract=VC)
    try:
        conn = await client.connect(provider.host, provider.port)
        await conn.send(ErrorNotice(reason="bye"))
        await wait_for(lambda: len(provider.handler.closed) == 1)
        assert provider.handler.closed[0][1] == "peer closed: bye"
    finally:
        await client.close()


def test_frames_decode_as_messages() -> None:
    frame = Bid(ih=IH, rate=1, vault=VAULT, exp=1).to_frame()
    assert decode_message(frame) == Bid(ih=IH, rate=1, vault=VAULT, exp=1)


async def test_total_connection_cap() -> None:
    """Full of connections that never said a word: a newcomer takes the oldest one's slot;
    full of useful ones: the newcomer is refused."""
    host = next_loopback()
    handler = RecordingHandler()
    server = SpeedServer(signer(1), NET, 6881, handler,
                         Limits(max_connections=2, handshake_timeout=5, ping_interval=1.0),
                         vault_contract=VC)
    await server.start(host, 0)
    try:
        endpoint = Endpoint(server, RecordingHandler(), host)
        held = [await raw(endpoint) for _ in range(2)]  # two IPs, still handshaking
        await wait_for(lambda: len(server.connections) == 2)
        reader, writer = await raw(endpoint)
        await read_until_closed(held[0][0], 5)  # the oldest made room
        (length,) = struct.unpack(">I", await reader.readexactly(4))
        frames = FrameBuffer().feed(struct.pack(">I", length) + await reader.readexactly(length))
        assert frames[0][b"t"] == b"hello"  # the newcomer is served
        assert server.refused == 0 and server.admission.evicted == 1
        for w in (writer, held[1][1]):
            w.close()
        await wait_for(lambda: not server.connections)
        clients = []
        for key in (2, 3):  # two peers that keep bidding fill it again
            client = SpeedServer(signer(key), NET, 7000, RecordingHandler(), LIMITS,
                                 vault_contract=VC)
            clients.append(client)
            conn = await client.connect(host, server.port)
            await conn.send(Bid(ih=IH, rate=1, vault=address(key), exp=2_000_000_000))
        await wait_for(lambda: len(handler.messages) == 2)
        reader, writer = await raw(endpoint)
        assert await read_until_closed(reader, 5) == b""  # refused before a byte is sent
        assert server.refused == 1
        assert all(c.is_open for client in clients for c in client.connections)
        writer.close()
        for client in clients:
            await client.close()
    finally:
        await server.close()


async def test_close_delivers_queued_frames_then_the_reason(provider: Endpoint) -> None:
    seen = RecordingHandler()
    client = SpeedServer(signer(9), NET, 7000, seen, LIMITS, vault_contract=VC)
    try:
        conn = await client.connect(provider.host, provider.port)
        await wait_for(lambda: len(provider.handler.opened) == 1)
        server_conn = provider.handler.opened[0]
        for n in range(3):
            server_conn.send_nowait(Cancel(ih=bytes([n]) * 20))
        await server_conn.close("going away")
        await conn.wait_closed()
        assert [m for _, m in seen.messages] == [Cancel(ih=bytes([n]) * 20) for n in range(3)]
        assert conn.close_reason == "peer closed: going away"
    finally:
        await client.close()


async def test_a_long_frame_before_the_handshake_closes_at_once(provider: Endpoint) -> None:
    for length in (LIMITS.handshake_frame + 1, 16 * 1024):
        reader, writer = await raw(provider)
        start = time.monotonic()
        writer.write(struct.pack(">I", length) + encode_frame({b"t": b"zz"})[4:] * 10)
        await read_until_closed(reader, 5)
        writer.close()
        assert time.monotonic() - start < LIMITS.handshake_timeout / 2
    await good_client_round_trip(provider)


def test_byte_bucket_lends_and_makes_the_borrower_wait() -> None:
    now = [0.0]
    bucket = ByteBucket(rate=1000, burst=2000, clock=lambda: now[0])
    assert bucket.reserve(1500) == 0
    assert bucket.reserve(1500) == pytest.approx(1.0)  # 1000 bytes owed at 1000/s
    assert bucket.reserve(1000) == pytest.approx(2.0)  # the next in line waits behind it
    now[0] = 10.0
    assert bucket.reserve(2000) == 0  # refilled, up to the burst


def test_reconnecting_buys_an_address_no_fresh_burst() -> None:
    intake = Intake(Limits())
    bucket = intake.acquire("192.0.2.7")
    bucket.reserve(Limits().address_byte_burst * 2)  # in debt
    intake.release(bucket)
    assert intake.acquire("192.0.2.7") is bucket  # the debt is still owed
    assert intake.acquire("2001:db8::1") is intake.acquire("2001:db8::2")  # one /64
