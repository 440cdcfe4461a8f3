"""Fuzzing the decoder and the message handlers: only the protocol's own errors, bounded memory."""

from __future__ import annotations

import asyncio
import struct
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from btt_desktop.speed import bencode
from btt_desktop.speed.auth import Endpoint, Role, make_auth, new_hello
from btt_desktop.speed.connection import Limits
from btt_desktop.speed.errors import ProtocolError
from btt_desktop.speed.framing import MAX_FRAME, FrameBuffer, encode_frame, read_frame
from btt_desktop.speed.messages import MESSAGE_TYPES, Bid, Hello, decode_message, field_names
from btt_desktop.speed.server import SpeedServer
from tests.conftest import next_loopback
from tests.speed.speed_endpoint import RecordingHandler, read_until_closed, wait_for
from tests.speed.speed_keys import NET, VAULT_CONTRACT, address, signer

FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

values: st.SearchStrategy[bencode.Value] = st.recursive(
    st.integers(-(2**130), 2**130) | st.binary(max_size=40)
    | st.sampled_from([address(1).encode(), bytes(20), bytes(32), bytes(65), b"nile"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.binary(max_size=6), inner,
                                                                max_size=3),
    max_leaves=8)
known_keys = sorted({name.encode() for cls in MESSAGE_TYPES for name in field_names(cls)})
frames = st.builds(
    lambda t, fields: {**fields, b"t": t},
    st.sampled_from([cls.T for cls in MESSAGE_TYPES] + [b"zzz"]),
    st.dictionaries(st.sampled_from(known_keys) | st.binary(max_size=4), values, max_size=6))


@FUZZ
@given(st.binary(max_size=3000))
def test_bencode_decoder_raises_only_its_error(data: bytes) -> None:
    try:
        value = bencode.decode(data)
    except bencode.BencodeError:
        return
    assert bencode.encode(value) == data  # what it accepts is canonical


@FUZZ
@given(st.lists(st.binary(max_size=200) | st.builds(
    lambda n, body: struct.pack(">I", n) + body, st.integers(0, 2**32 - 1),
    st.binary(max_size=100)), max_size=10))
def test_frame_buffer_raises_only_protocol_error_and_stays_bounded(chunks: list[bytes]) -> None:
    buf = FrameBuffer()
    try:
        for chunk in chunks:
            buf.feed(chunk)
            assert buf.pending <= 4 + MAX_FRAME
    except ProtocolError:
        pass


@FUZZ
@given(frames)
def test_message_decoder_raises_only_protocol_error(frame: dict[bytes, bencode.Value]) -> None:
    try:
        message = decode_message(frame)
    except ProtocolError:
        return
    if message is not None:  # what it accepts survives a round trip unchanged
        assert decode_message(message.to_frame()) == message


@FUZZ
@given(frames)
def test_valid_looking_frames_round_trip_the_wire(frame: dict[bytes, bencode.Value]) -> None:
    try:
        wire = encode_frame(frame)
    except ProtocolError:
        return
    assert FrameBuffer().feed(wire) == [frame]


def test_hostile_lengths_allocate_nothing() -> None:
    """A header claiming 4 GiB, or 1 MiB of frames, never grows memory beyond one frame."""
    hostile = struct.pack(">I", 0xFFFFFFFF) + b"x" * 100
    many = b"".join(encode_frame({b"t": b"x", b"p": b"\1" * 8000}) for _ in range(140))
    tracemalloc.start()
    try:
        with pytest.raises(ProtocolError):
            FrameBuffer().feed(hostile)
        baseline = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        buf = FrameBuffer()
        for i in range(0, len(many), 4096):
            for _ in buf.feed(many[i:i + 4096]):
                pass  # frames are dropped as they come, as the connection does
        peak = tracemalloc.get_traced_memory()[1] - baseline
    finally:
        tracemalloc.stop()
    assert len(many) > 1024 * 1024
    assert peak < 4 * MAX_FRAME


@pytest.mark.timeout(120)
async def test_server_survives_fuzzed_messages_after_handshake() -> None:
    """Authenticated peers send fuzzed frames; the server only ever closes them, and keeps
    serving a good client afterwards."""
    host = next_loopback()
    handler = RecordingHandler()
    server = SpeedServer(signer(1), NET, 6881, handler,
                         Limits(max_per_ip=64, handshake_timeout=2, idle_timeout=5),
                         vault_contract=VAULT_CONTRACT)
    port = await server.start(host, 0)
    # hypothesis generates the batches; the async part runs below, one connection per batch
    examples: list[list[dict[bytes, bencode.Value]]] = []

    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(frames, min_size=1, max_size=4))
    def collect(batch: list[dict[bytes, bencode.Value]]) -> None:
        examples.append(batch)

    collect()
    try:
        for batch in examples:
            me = signer(9)
            reader, writer = await asyncio.open_connection(host, port,
                                                           local_addr=(next_loopback(), 0))
            mine = new_hello(me, NET, 7000, VAULT_CONTRACT)
            writer.write(encode_frame(mine.to_frame()))
            theirs = decode_message(await read_frame(reader))
            assert isinstance(theirs, Hello)
            dialled = Endpoint.of(writer.get_extra_info("peername"))
            writer.write(encode_frame(make_auth(me, Role.INITIATOR, mine, theirs,
                                                dialled).to_frame()))
            for frame in batch:
                try:
                    writer.write(encode_frame(frame))
                except ProtocolError:
                    writer.write(struct.pack(">I", MAX_FRAME + 1))
            writer.write(encode_frame({b"t": b"error", b"reason": b"done"}))
            await read_until_closed(reader, 10)
            writer.close()
        await wait_for(lambda: len(handler.closed) == len(examples))
        # whatever reached the handler was typed and came from an authenticated peer
        assert all(c.peer is not None and c.peer.addr == address(9) and type(m) in MESSAGE_TYPES
                   for c, m in handler.messages)
        # and a good client still gets through
        client = SpeedServer(signer(2), NET, 7000, RecordingHandler(),
                             vault_contract=VAULT_CONTRACT)
        try:
            conn = await client.connect(host, port)
            bid = Bid(ih=bytes(20), rate=5, vault=address(2), exp=2_000_000_000)
            await conn.send(bid)
            await wait_for(lambda: bool(handler.messages) and handler.messages[-1][1] == bid)
        finally:
            await client.close()
    finally:
        await server.close()
