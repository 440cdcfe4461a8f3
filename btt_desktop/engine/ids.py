"""Torrent ids: the one definition, shared by the engine, the ``btt`` command and Speed.

A torrent's id is its v1 info-hash in hex, or the first 40 hex digits of the v2 hash for
a v2-only torrent (the v2 hash truncated to 20 bytes is what v2 peers use on the wire).
No libtorrent import: ``info_hash_t`` values are read by duck typing, so light callers
(the CLI's option parsing, Speed) can use this module too.
"""

from __future__ import annotations

from typing import Any


def torrent_id(info_hash_v1: str | None, info_hash_v2: str | None) -> str:
    """The id from the hex info-hashes (either may be None)."""
    return info_hash_v1 or (info_hash_v2 or "")[:40]


def hash_hex(hashes: Any) -> tuple[str | None, str | None]:
    """``(v1 hex, v2 hex)`` of a libtorrent ``info_hash_t``; None for a missing one."""
    return (str(hashes.v1) if hashes.has_v1() else None,
            str(hashes.v2) if hashes.has_v2() else None)


def id_of_hashes(hashes: Any) -> str:
    """The id of a libtorrent ``info_hash_t``."""
    return torrent_id(*hash_hex(hashes))


def id_of_info_hash(info_hash: bytes) -> str:
    """The id from a raw info-hash as peers send it (20 bytes v1, or 32 bytes v2)."""
    return info_hash.hex()[:40]
