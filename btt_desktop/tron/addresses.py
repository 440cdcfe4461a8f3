"""TRON address spellings and the conversions between them.

TRON addresses come in three spellings: base58check (``T...``), hex with the ``41``
prefix (21 bytes, what raw transactions carry) and the 20-byte form the TVM and the ABI
use. Whatever accepts addresses from outside accepts the first two, as java-tron does.
"""

from __future__ import annotations

import base58


class BadAddress(ValueError):
    """Not a TRON address; ``str`` is one line that never repeats the value (it could be a
    private key pasted in the wrong place)."""


def to_base58(raw: bytes) -> str:
    return base58.b58encode_check(raw).decode()


def parse_address(value: object) -> bytes:
    """The 21-byte raw address from base58check or ``41``-prefixed hex, else BadAddress."""
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 42 and text[:2] == "41":
            try:
                return bytes.fromhex(text)
            except ValueError:
                pass
        elif len(text) == 34 and text[:1] == "T":
            try:
                raw = base58.b58decode_check(text)
            except ValueError:
                raw = b""
            if len(raw) == 21 and raw[0] == 0x41:
                return raw
    what = f"{len(value)} characters" if isinstance(value, str) else type(value).__name__
    raise BadAddress(f"invalid address ({what}; a TRON address starts with T and has 34 "
                     f"characters, or 41 and 40 hexadecimal digits)")


def to_tvm(raw: bytes) -> bytes:
    """The 20-byte form (no ``41`` prefix) used inside the TVM, in logs and in ABI words."""
    return raw[1:]


def from_tvm(tvm: bytes) -> bytes:
    return b"\x41" + tvm[-20:]


def show(raw: bytes, visible: bool) -> str:
    """Spell an address the way java-tron does for ``visible`` requests (base58) or not (hex)."""
    return to_base58(raw) if visible else raw.hex()
