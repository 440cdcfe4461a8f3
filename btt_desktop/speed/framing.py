"""Speed framing: a 4-byte big-endian length, then one bencoded dictionary.

The dictionary's ``t`` key (a byte string) names the message. A frame longer than
:data:`MAX_FRAME`, a payload that is not exactly one canonical bencoded dictionary,
or a missing/non-string ``t`` is a :class:`ProtocolError`, and the connection closes.
"""

from __future__ import annotations

import asyncio
import struct

from btt_desktop.speed import bencode
from btt_desktop.speed.errors import ProtocolError

MAX_FRAME = 16 * 1024
HEADER = struct.Struct(">I")

Frame = dict[bytes, bencode.Value]


def encode_frame(payload: Frame) -> bytes:
    """Bencode ``payload`` and prefix its length; refuses payloads over the limit."""
    try:
        body = bencode.encode(payload)
    except bencode.BencodeError as exc:
        raise ProtocolError(f"cannot encode frame: {exc}") from None
    if len(body) > MAX_FRAME:
        raise ProtocolError(f"frame of {len(body)} bytes exceeds {MAX_FRAME}")
    return HEADER.pack(len(body)) + body


def decode_payload(body: bytes) -> Frame:
    """Decode one frame body into a dict with a byte-string ``t``."""
    if len(body) > MAX_FRAME:
        raise ProtocolError(f"frame of {len(body)} bytes exceeds {MAX_FRAME}")
    try:
        value = bencode.decode(body)
    except bencode.BencodeError as exc:
        raise ProtocolError(f"undecodable frame: {exc}") from None
    if not isinstance(value, dict):
        raise ProtocolError("frame is not a dictionary")
    kind = value.get(b"t")
    if not isinstance(kind, bytes) or not kind:
        raise ProtocolError("frame has no message type")
    return value


def check_length(length: int) -> None:
    if length > MAX_FRAME:
        raise ProtocolError(f"frame of {length} bytes exceeds {MAX_FRAME}")
    if length == 0:
        raise ProtocolError("empty frame")


class FrameBuffer:
    """Incremental decoder: feed bytes as they arrive, get whole frames out.

    Holds at most one header plus one maximal frame, whatever it is fed.
    """

    def __init__(self) -> None:
        self._buf = bytearray()

    def feed(self, data: bytes) -> list[Frame]:
        frames: list[Frame] = []
        view = memoryview(data)
        step = HEADER.size + MAX_FRAME
        for start in range(0, len(view), step):
            self._buf += view[start:start + step]
            self._drain(frames)
        return frames

    def _drain(self, frames: list[Frame]) -> None:
        while True:
            if len(self._buf) < HEADER.size:
                return
            (length,) = HEADER.unpack_from(self._buf)
            check_length(length)
            end = HEADER.size + length
            if len(self._buf) < end:
                return
            body = bytes(self._buf[HEADER.size:end])
            del self._buf[:end]
            frames.append(decode_payload(body))

    @property
    def pending(self) -> int:
        return len(self._buf)


async def read_frame(reader: asyncio.StreamReader) -> Frame:
    """Read one frame; :class:`asyncio.IncompleteReadError` on a clean or broken EOF."""
    header = await reader.readexactly(HEADER.size)
    (length,) = HEADER.unpack(header)
    check_length(length)
    body = await reader.readexactly(length)
    return decode_payload(body)
