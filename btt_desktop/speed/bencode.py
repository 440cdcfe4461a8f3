"""A strict, bounded bencode codec for Speed frames.

libtorrent's ``bdecode`` accepts trailing data, non-canonical integers (``i01e``,
``i-0e``) and unsorted dictionary keys, so Speed uses this decoder instead: exactly
one canonical value, nothing after it, limited nesting, and every length checked
against the bytes actually present (so a claimed length can never make it allocate).
"""

from __future__ import annotations

from typing import TypeAlias

Value: TypeAlias = "int | bytes | list[Value] | dict[bytes, Value]"

MAX_DEPTH = 8
MAX_INT_DIGITS = 80  # enough for any uint256 (78 digits)


class BencodeError(ValueError):
    """The bytes are not one canonical bencoded value."""


def encode(value: Value) -> bytes:
    out: list[bytes] = []
    _encode(value, out, 0)
    return b"".join(out)


def _encode(value: Value, out: list[bytes], depth: int) -> None:
    if depth > MAX_DEPTH:
        raise BencodeError("nested too deeply")
    if isinstance(value, bool):
        raise BencodeError("booleans have no bencoding")
    if isinstance(value, int):
        out.append(b"i%de" % value)
    elif isinstance(value, bytes):
        out.append(b"%d:" % len(value))
        out.append(value)
    elif isinstance(value, list):
        out.append(b"l")
        for item in value:
            _encode(item, out, depth + 1)
        out.append(b"e")
    elif isinstance(value, dict):
        out.append(b"d")
        for key in sorted(value):
            if not isinstance(key, bytes):
                raise BencodeError("dictionary keys must be bytes")
            _encode(key, out, depth + 1)
            _encode(value[key], out, depth + 1)
        out.append(b"e")
    else:
        raise BencodeError(f"cannot bencode {type(value).__name__}")


def decode(data: bytes) -> Value:
    """Decode exactly one value; raise :class:`BencodeError` on anything else."""
    if not isinstance(data, bytes):
        raise BencodeError("expected bytes")
    value, end = _decode(data, 0, 0)
    if end != len(data):
        raise BencodeError("trailing data after the value")
    return value


def _decode(data: bytes, pos: int, depth: int) -> tuple[Value, int]:
    if depth > MAX_DEPTH:
        raise BencodeError("nested too deeply")
    if pos >= len(data):
        raise BencodeError("truncated")
    lead = data[pos]
    if lead == 0x69:  # i
        end = data.find(b"e", pos + 1, pos + 2 + MAX_INT_DIGITS)
        if end < 0:
            raise BencodeError("unterminated or oversized integer")
        return _parse_int(data[pos + 1:end]), end + 1
    if 0x30 <= lead <= 0x39:  # 0-9: string
        colon = data.find(b":", pos, pos + 8)
        if colon < 0:
            raise BencodeError("bad string length")
        length = _parse_int(data[pos:colon])
        if length < 0:
            raise BencodeError("negative string length")
        start = colon + 1
        if start + length > len(data):
            raise BencodeError("string longer than the frame")
        return data[start:start + length], start + length
    if lead == 0x6C:  # l
        items: list[Value] = []
        pos += 1
        while True:
            if pos >= len(data):
                raise BencodeError("unterminated list")
            if data[pos] == 0x65:
                return items, pos + 1
            item, pos = _decode(data, pos, depth + 1)
            items.append(item)
    if lead == 0x64:  # d
        result: dict[bytes, Value] = {}
        previous: bytes | None = None
        pos += 1
        while True:
            if pos >= len(data):
                raise BencodeError("unterminated dictionary")
            if data[pos] == 0x65:
                return result, pos + 1
            if not 0x30 <= data[pos] <= 0x39:
                raise BencodeError("dictionary key is not a string")
            key, pos = _decode(data, pos, depth + 1)
            assert isinstance(key, bytes)
            if previous is not None and key <= previous:
                raise BencodeError("dictionary keys not sorted or duplicated")
            previous = key
            value, pos = _decode(data, pos, depth + 1)
            result[key] = value
    raise BencodeError("unexpected byte")


def _parse_int(digits: bytes) -> int:
    if not digits:
        raise BencodeError("empty integer")
    body = digits[1:] if digits[:1] == b"-" else digits
    if not body or not body.isdigit() or not body.isascii():
        raise BencodeError("malformed integer")
    if body[:1] == b"0" and (len(body) > 1 or digits[:1] == b"-"):
        raise BencodeError("non-canonical integer")
    return int(digits)
