"""ABI helpers for the devnet: selectors, event topics, encoding and revert reasons.

The contracts' ABIs themselves come with their build output (``resources/contracts/``,
:func:`btt_desktop.devnet.contracts.artifact`).
"""

from __future__ import annotations

import contextlib
from typing import Any

from tronpy.abi import trx_abi
from tronpy.keys import keccak256

ERROR_SELECTOR = keccak256(b"Error(string)")[:4]


def signature(entry: dict[str, Any]) -> str:
    return f"{entry['name']}({','.join(i['type'] for i in entry['inputs'])})"


def selector_of(text: str) -> bytes:
    """The 4-byte selector of a function signature such as ``"mint(address,uint256)"``."""
    return keccak256(text.replace(" ", "").encode())[:4]


def event_topic(abi: list[dict[str, Any]], name: str) -> bytes:
    for entry in abi:
        if entry["type"].lower() == "event" and entry["name"] == name:
            return keccak256(signature(entry).encode())
    raise KeyError(name)


def encode(types: list[str], values: list[Any]) -> bytes:
    """ABI-encode (``address`` values as 21-byte raw TRON addresses, 41-hex or base58)."""
    spelled = [v.hex() if t == "address" and isinstance(v, bytes) else v
               for t, v in zip(types, values, strict=True)]
    return bytes(trx_abi.encode_abi(types, spelled))


def decode(types: list[str], data: bytes) -> tuple[Any, ...]:
    """ABI-decode; ``address`` values come back as base58 strings. Raises on malformed data."""
    return tuple(trx_abi.decode_abi(types, data))


def error_data(reason: str) -> bytes:
    """Solidity's ``Error(string)`` revert data, which tronpy decodes into its TvmError."""
    return ERROR_SELECTOR + encode(["string"], [reason])


def revert_reason(output: bytes) -> str:
    """The text of ``Error(string)`` revert data, or "" when it is something else."""
    if output[:4] == ERROR_SELECTOR:
        with contextlib.suppress(Exception):
            return str(decode(["string"], output[4:])[0])
    return ""
