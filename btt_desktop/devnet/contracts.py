"""Running native contracts: storage with a write overlay, energy metering, logs, reverts.

A native contract is Python that behaves like a deployed TVM contract: it is called with
ABI-encoded data, reads and writes 32-byte-word storage (modelled as named integer slots),
emits logs, and either returns ABI-encoded output or reverts with ``Error(string)``. Energy
follows the TVM price list closely enough to look like mainnet (a TRC-20 transfer to an
existing holder costs about 14,650 energy, to a new holder about 29,650) and is fully
deterministic, so ``estimateenergy`` is exact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from btt_desktop.devnet import abi
from btt_desktop.devnet.addresses import parse_address, to_tvm

ENERGY_CALL = 1_300  # dispatch, calldata copy, memory
ENERGY_SLOAD = 800
ENERGY_SSTORE_SET = 20_000
ENERGY_SSTORE_RESET = 5_000
ENERGY_LOG = 375
ENERGY_LOG_BYTE = 8
ENERGY_ECRECOVER = 3_000
ENERGY_INNER_CALL = 700

UINT256_MAX = 2**256 - 1


class Revert(Exception):
    """The call reverts: state changes are dropped; ``reason`` goes into ``Error(string)``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


Storage = dict[str, dict[str, int]]  # contract hex address -> slot name -> value


@dataclass
class Execution:
    """One transaction's (or constant call's) view of storage, with its energy and logs."""

    storage: Storage
    now: int  # block time, unix seconds
    writes: dict[tuple[str, str], int] = field(default_factory=dict)
    logs: list[dict[str, Any]] = field(default_factory=list)
    energy: int = 0

    def load(self, contract: bytes, slot: str) -> int:
        self.energy += ENERGY_SLOAD
        return self._peek(contract.hex(), slot)

    def _peek(self, contract: str, slot: str) -> int:
        key = (contract, slot)
        if key in self.writes:
            return self.writes[key]
        return self.storage.get(contract, {}).get(slot, 0)

    def store(self, contract: bytes, slot: str, value: int) -> None:
        if not 0 <= value <= UINT256_MAX:
            raise Revert("arithmetic overflow")
        old = self._peek(contract.hex(), slot)
        self.energy += ENERGY_SSTORE_SET if old == 0 and value != 0 else ENERGY_SSTORE_RESET
        self.writes[(contract.hex(), slot)] = value

    def log(self, contract: bytes, topics: list[bytes], data: bytes) -> None:
        self.energy += ENERGY_LOG * (1 + len(topics)) + ENERGY_LOG_BYTE * len(data)
        self.logs.append({
            "address": to_tvm(contract).hex(),
            "topics": [t.hex() for t in topics],
            "data": data.hex(),
        })

    def commit(self) -> None:
        for (contract, slot), value in self.writes.items():
            slots = self.storage.setdefault(contract, {})
            if value:
                slots[slot] = value
            else:
                slots.pop(slot, None)
        self.writes.clear()


def word(raw_address: bytes) -> bytes:
    """An address as an indexed event topic: 32 bytes, the 20-byte TVM form right-aligned."""
    return b"\x00" * 12 + to_tvm(raw_address)


Handler = Callable[["Execution", bytes, tuple[Any, ...]], Any]


class NativeContract:
    """Base class: dispatches ABI calls to ``fn_<name>`` methods.

    A handler gets ``(execution, caller, args)`` with ``address`` arguments as 21-byte raw
    addresses and returns the output values (a tuple, a single value, or ``None``).
    """

    name: str = ""
    abi_entries: list[dict[str, Any]] = []

    def __init__(self, address: bytes) -> None:
        self.address = address
        self._by_selector = abi.functions_by_selector(self.abi_entries)

    def entry_for(self, data: bytes) -> dict[str, Any] | None:
        return self._by_selector.get(data[:4]) if len(data) >= 4 else None

    def call(self, ex: Execution, caller: bytes, data: bytes) -> bytes:
        """Execute ``data`` for ``caller``; returns the ABI-encoded output or raises Revert.

        Constant calls run state-changing functions too (as java-tron simulates them); the
        caller decides whether the execution's writes are committed.
        """
        ex.energy += ENERGY_CALL
        entry = self.entry_for(data)
        if entry is None:
            raise Revert("unknown function selector")
        in_types = [i["type"] for i in entry["inputs"]]
        try:
            args = abi.decode(in_types, data[4:])
        except Exception:
            raise Revert("malformed call data") from None
        args = tuple(
            parse_address(a) if t == "address" else a for t, a in zip(in_types, args, strict=True)
        )
        handler: Handler = getattr(self, "fn_" + entry["name"])
        result = handler(ex, caller, args)
        out_types = [o["type"] for o in entry["outputs"]]
        if not out_types:
            return b""
        values = result if isinstance(result, tuple) else (result,)
        values = tuple(
            v.hex() if t == "address" and isinstance(v, bytes) else v
            for t, v in zip(out_types, values, strict=True)
        )
        return abi.encode(out_types, list(values))
