from __future__ import annotations

import struct

import libtorrent as lt
import pytest

from btt_desktop.speed import bencode
from btt_desktop.speed.errors import ProtocolError
from btt_desktop.speed.framing import (
    MAX_FRAME,
    Frame,
    FrameBuffer,
    decode_payload,
    encode_frame,
)


def test_bencode_matches_libtorrent_encoding() -> None:
    value: Frame = {b"t": b"bid", b"rate": 12345, b"ih": bytes(range(20)),
                    b"l": [1, b"x", {b"a": -3}]}
    assert bencode.encode(value) == lt.bencode(value)  # type: ignore[arg-type]
    assert bencode.decode(lt.bencode(value)) == value  # type: ignore[arg-type]


@pytest.mark.parametrize("data", [
    b"d1:ti1eextra",        # trailing data (libtorrent accepts it)
    b"i01e", b"i-0e", b"i-e", b"ie", b"i1",   # non-canonical / malformed integers
    b"d1:b1:a1:a1:be",      # unsorted keys (libtorrent accepts it)
    b"d1:a1:x1:a1:ye",      # duplicate key
    b"5:abc", b"05:abcde", b"-1:a",  # short string, leading zero length, negative
    b"di1e1:ae",            # integer key
    b"l" * 20 + b"e" * 20,  # nested too deeply
    b"", b"x", b"d", b"l",
])
def test_strict_decoder_rejects(data: bytes) -> None:
    with pytest.raises(bencode.BencodeError):
        bencode.decode(data)


def test_frame_round_trip_and_split_delivery() -> None:
    frames: list[Frame] = [{b"t": b"ping"}, {b"t": b"bid", b"rate": 7},
                           {b"t": b"x", b"blob": b"\0" * 1000}]
    wire = b"".join(encode_frame(f) for f in frames)
    buf = FrameBuffer()
    got = []
    for i in range(0, len(wire), 7):  # dribble it in 7-byte pieces
        got.extend(buf.feed(wire[i:i + 7]))
    assert got == frames
    assert buf.pending == 0


def test_oversized_frame_refused_from_header_alone() -> None:
    buf = FrameBuffer()
    with pytest.raises(ProtocolError, match="exceeds"):
        buf.feed(struct.pack(">I", MAX_FRAME + 1))
    with pytest.raises(ProtocolError, match="exceeds"):
        encode_frame({b"t": b"x", b"blob": b"\0" * MAX_FRAME})


def test_largest_frame_accepted() -> None:
    body_overhead = len(bencode.encode({b"t": b"x", b"b": b""}))
    blob = b"\1" * (MAX_FRAME - body_overhead - 4)  # the length prefix "16xxx:" grows by 4
    frame: Frame = {b"t": b"x", b"b": blob}
    wire = encode_frame(frame)
    assert len(wire) == 4 + MAX_FRAME
    assert FrameBuffer().feed(wire) == [frame]


@pytest.mark.parametrize("body", [b"i5e", b"le", b"de", b"d1:ti5ee", b"d1:t0:e", b"d1:a1:be"])
def test_frame_must_be_dict_with_type(body: bytes) -> None:
    with pytest.raises(ProtocolError):
        decode_payload(body)


def test_empty_frame_refused() -> None:
    with pytest.raises(ProtocolError, match="empty"):
        FrameBuffer().feed(b"\0\0\0\0")


def test_worked_frame() -> None:
    """The framing example in docs/speed-protocol.md."""
    wire = encode_frame({b"t": b"cancel", b"ih": bytes(range(20))})
    assert wire.hex() == ("0000002864323a696832303a000102030405060708090a0b0c0d0e0f10111213"
                          "313a74363a63616e63656c65")
