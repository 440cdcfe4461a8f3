"""Block headers as java-tron builds them: ids, the tx trie root, and their JSON."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from btt_desktop.devnet.addresses import show
from btt_desktop.tron.proto import BlockHeaderRaw

BLOCK_VERSION = 30


@dataclass
class Block:
    number: int
    timestamp: int  # ms
    parent: bytes  # 32 bytes
    witness: bytes  # 21-byte raw address
    txids: list[str] = field(default_factory=list)
    tx_root: bytes = b"\x00" * 32
    block_id: bytes = b""

    def seal(self) -> Block:
        """Compute the tx trie root and the block id (8-byte number + sha256 of the header)."""
        self.tx_root = merkle_root([bytes.fromhex(t) for t in self.txids])
        self.block_id = self.number.to_bytes(8, "big") + hashlib.sha256(
            self.header_bytes()).digest()[8:]
        return self

    def header_bytes(self) -> bytes:
        """The serialized ``BlockHeader.raw`` (no witness_id, accountStateRoot or signature)."""
        raw = BlockHeaderRaw(timestamp=self.timestamp, txTrieRoot=self.tx_root,
                             parentHash=self.parent, number=self.number,
                             witness_address=self.witness, version=BLOCK_VERSION)
        return bytes(raw.SerializeToString())

    def header_json(self, visible: bool) -> dict[str, Any]:
        raw: dict[str, Any] = {
            "number": self.number,
            "txTrieRoot": self.tx_root.hex(),
            "witness_address": show(self.witness, visible),
            "parentHash": self.parent.hex(),
            "version": BLOCK_VERSION,
            "timestamp": self.timestamp,
        }
        if self.number == 0:
            raw.pop("number")
        return {"raw_data": raw}

    def to_record(self) -> dict[str, Any]:
        return {"number": self.number, "timestamp": self.timestamp, "parent": self.parent.hex(),
                "witness": self.witness.hex(), "txids": list(self.txids)}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Block:
        return cls(number=int(record["number"]), timestamp=int(record["timestamp"]),
                   parent=bytes.fromhex(record["parent"]), witness=bytes.fromhex(record["witness"]),
                   txids=[str(t) for t in record["txids"]]).seal()


def merkle_root(leaves: list[bytes]) -> bytes:
    """Pairwise sha256 up to one root (an odd node is carried up); zeros for an empty block."""
    if not leaves:
        return b"\x00" * 32
    level = leaves
    while len(level) > 1:
        nxt = [hashlib.sha256(level[i] + level[i + 1]).digest()
               for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            nxt.append(level[-1])
        level = nxt
    return level[0]
