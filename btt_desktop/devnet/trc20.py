"""BTT on the devnet: a standard TRC-20 (18 decimals) run natively.

Storage slots: ``supply``, ``bal:<hex address>``, ``allow:<owner hex>:<spender hex>``.
The faucet mints (a ``Transfer`` from the zero address, as ERC-20 mints do).
"""

from __future__ import annotations

from typing import Any

from btt_desktop.devnet import abi
from btt_desktop.devnet.addresses import ZERO_RAW
from btt_desktop.devnet.contracts import Execution, NativeContract, Revert, word

TRANSFER_TOPIC = abi.event_topic(abi.TRC20_ABI, "Transfer")
APPROVAL_TOPIC = abi.event_topic(abi.TRC20_ABI, "Approval")
DECIMALS = 18


class Trc20Token(NativeContract):
    name = "BitTorrent"
    symbol = "BTT"
    abi_entries = abi.TRC20_ABI

    # views
    def fn_name(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> str:
        return self.name

    def fn_symbol(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> str:
        return self.symbol

    def fn_decimals(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> int:
        return DECIMALS

    def fn_totalSupply(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> int:
        return ex.load(self.address, "supply")

    def fn_balanceOf(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> int:
        return ex.load(self.address, f"bal:{args[0].hex()}")

    def fn_allowance(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> int:
        return ex.load(self.address, f"allow:{args[0].hex()}:{args[1].hex()}")

    # state changes
    def fn_transfer(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> bool:
        self.move(ex, caller, args[0], args[1])
        return True

    def fn_approve(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> bool:
        spender, value = args
        if spender == ZERO_RAW:
            raise Revert("TRC20: approve to the zero address")
        ex.store(self.address, f"allow:{caller.hex()}:{spender.hex()}", value)
        ex.log(self.address, [APPROVAL_TOPIC, word(caller), word(spender)],
               abi.encode(["uint256"], [value]))
        return True

    def fn_transferFrom(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> bool:
        source, target, value = args
        slot = f"allow:{source.hex()}:{caller.hex()}"
        allowed = ex.load(self.address, slot)
        if allowed < value:
            raise Revert("TRC20: insufficient allowance")
        if allowed != abi_max():
            ex.store(self.address, slot, allowed - value)
        self.move(ex, source, target, value)
        return True

    def move(self, ex: Execution, source: bytes, target: bytes, value: int) -> None:
        """Move ``value`` base units; also used by the vault (an inner call)."""
        if target == ZERO_RAW:
            raise Revert("TRC20: transfer to the zero address")
        source_slot = f"bal:{source.hex()}"
        have = ex.load(self.address, source_slot)
        if have < value:
            raise Revert("TRC20: transfer amount exceeds balance")
        ex.store(self.address, source_slot, have - value)
        target_slot = f"bal:{target.hex()}"
        ex.store(self.address, target_slot, ex.load(self.address, target_slot) + value)
        ex.log(self.address, [TRANSFER_TOPIC, word(source), word(target)],
               abi.encode(["uint256"], [value]))

    def mint(self, ex: Execution, target: bytes, value: int) -> None:
        ex.store(self.address, "supply", ex.load(self.address, "supply") + value)
        slot = f"bal:{target.hex()}"
        ex.store(self.address, slot, ex.load(self.address, slot) + value)
        ex.log(self.address, [TRANSFER_TOPIC, word(ZERO_RAW), word(target)],
               abi.encode(["uint256"], [value]))


def abi_max() -> int:
    """An allowance of 2**256-1 is "unlimited" and never decreases (the common ERC-20 rule)."""
    return 2**256 - 1
