"""The contract ABIs the devnet serves, and ABI helpers for its native contracts.

``TRC20_ABI`` and ``SPEED_VAULT_ABI`` are the source of truth; ``resources/abi/TRC20.json``
and ``resources/abi/SpeedVault.json`` hold the same lists (a test checks they agree). A
Solidity contract with the same ABI can replace the native one on mainnet or nile.

Every state-changing function returns a value: tronpy cannot decode the (empty) result of a
function without outputs, so ``deposit`` returns the new balance and ``announceWithdrawal``
the time the withdrawal becomes possible.
"""

from __future__ import annotations

from typing import Any

from tronpy.abi import trx_abi
from tronpy.keys import keccak256


def _fn(name: str, inputs: list[tuple[str, str]], outputs: list[tuple[str, str]],
        mutability: str) -> dict[str, Any]:
    return {
        "type": "function",
        "name": name,
        "inputs": [{"name": n, "type": t} for n, t in inputs],
        "outputs": [{"name": n, "type": t} for n, t in outputs],
        "stateMutability": mutability,
    }


def _event(name: str, inputs: list[tuple[str, str, bool]]) -> dict[str, Any]:
    return {
        "type": "event",
        "name": name,
        "anonymous": False,
        "inputs": [{"name": n, "type": t, "indexed": i} for n, t, i in inputs],
    }


TRC20_ABI: list[dict[str, Any]] = [
    _fn("name", [], [("", "string")], "view"),
    _fn("symbol", [], [("", "string")], "view"),
    _fn("decimals", [], [("", "uint8")], "view"),
    _fn("totalSupply", [], [("", "uint256")], "view"),
    _fn("balanceOf", [("account", "address")], [("", "uint256")], "view"),
    _fn("allowance", [("owner", "address"), ("spender", "address")], [("", "uint256")], "view"),
    _fn("transfer", [("to", "address"), ("value", "uint256")], [("", "bool")], "nonpayable"),
    _fn("approve", [("spender", "address"), ("value", "uint256")], [("", "bool")], "nonpayable"),
    _fn("transferFrom", [("from", "address"), ("to", "address"), ("value", "uint256")],
        [("", "bool")], "nonpayable"),
    _event("Transfer", [("from", "address", True), ("to", "address", True),
                        ("value", "uint256", False)]),
    _event("Approval", [("owner", "address", True), ("spender", "address", True),
                        ("value", "uint256", False)]),
]

SPEED_VAULT_ABI: list[dict[str, Any]] = [
    _fn("token", [], [("", "address")], "view"),
    _fn("networkId", [], [("", "bytes32")], "view"),
    _fn("noticePeriod", [], [("", "uint256")], "view"),
    _fn("deposit", [("amount", "uint256")], [("balance", "uint256")], "nonpayable"),
    _fn("balanceOf", [("owner", "address")], [("", "uint256")], "view"),
    _fn("announceWithdrawal", [("amount", "uint256")], [("readyAt", "uint256")], "nonpayable"),
    _fn("withdraw", [], [("amount", "uint256")], "nonpayable"),
    _fn("withdrawalOf", [("owner", "address")], [("amount", "uint256"), ("readyAt", "uint256")],
        "view"),
    _fn("paidOut", [("owner", "address"), ("beneficiary", "address")], [("", "uint256")], "view"),
    _fn("chequeDigest", [("owner", "address"), ("beneficiary", "address"), ("cum", "uint256")],
        [("", "bytes32")], "view"),
    _fn("cash", [("owner", "address"), ("beneficiary", "address"), ("cum", "uint256"),
                 ("sig", "bytes")], [("paid", "uint256")], "nonpayable"),
    _event("Deposited", [("owner", "address", True), ("amount", "uint256", False),
                         ("balance", "uint256", False)]),
    _event("WithdrawalAnnounced", [("owner", "address", True), ("amount", "uint256", False),
                                   ("readyAt", "uint256", False)]),
    _event("Withdrawn", [("owner", "address", True), ("amount", "uint256", False)]),
    _event("ChequeCashed", [("owner", "address", True), ("beneficiary", "address", True),
                            ("cum", "uint256", False), ("amount", "uint256", False)]),
]


def signature(entry: dict[str, Any]) -> str:
    return f"{entry['name']}({','.join(i['type'] for i in entry['inputs'])})"


def selector(entry: dict[str, Any]) -> bytes:
    return keccak256(signature(entry).encode())[:4]


def event_topic(abi: list[dict[str, Any]], name: str) -> bytes:
    for entry in abi:
        if entry["type"] == "event" and entry["name"] == name:
            return keccak256(signature(entry).encode())
    raise KeyError(name)


def functions_by_selector(abi: list[dict[str, Any]]) -> dict[bytes, dict[str, Any]]:
    return {selector(e): e for e in abi if e["type"] == "function"}


def encode(types: list[str], values: list[Any]) -> bytes:
    """ABI-encode (``address`` values as 21-byte raw TRON addresses or base58)."""
    return bytes(trx_abi.encode_abi(types, values))


def decode(types: list[str], data: bytes) -> tuple[Any, ...]:
    """ABI-decode; ``address`` values come back as base58 strings. Raises on malformed data."""
    return tuple(trx_abi.decode_abi(types, data))


def error_data(reason: str) -> bytes:
    """Solidity's ``Error(string)`` revert data, which tronpy decodes into its TvmError."""
    return keccak256(b"Error(string)")[:4] + encode(["string"], [reason])
