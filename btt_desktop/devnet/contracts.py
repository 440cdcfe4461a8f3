"""Contracts on the devnet: what java-tron keeps about each one, and the genesis deployments.

Every contract, the genesis ones included, is bytecode run by :mod:`btt_desktop.devnet.evm`.
At genesis the node deploys two from the build output shipped in ``resources/contracts/``
(the same files a maintainer deploys to nile or mainnet), at addresses fixed on every
devnet so wallets and tests can name them without asking:

- ``DevnetBTT``: BTT for the devnet, a plain TRC-20 whose only minter is the faucet account;
- ``SpeedVault``: the Speed vault contract, for that BTT, with the devnet's chain id and
  network id and the node's withdrawal notice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from eth_abi import encode as abi_encode
from tronpy.keys import keccak256

from btt_desktop.devnet.addresses import BTT_RAW, FAUCET_RAW, VAULT_RAW, to_tvm

DEFAULT_ORIGIN_ENERGY_LIMIT = 10_000_000


class ArtifactError(Exception):
    """A build output file in resources/contracts is missing or malformed."""


@cache
def artifact(name: str) -> dict[str, Any]:
    """The committed build output of contract ``name`` (``resources/contracts/NAME.json``)."""
    path = resources.files("btt_desktop") / "resources" / "contracts" / f"{name}.json"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        bytes.fromhex(doc["bytecode"])
        if not isinstance(doc["abi"], list):
            raise TypeError("abi")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ArtifactError(f"contract build output {name}.json is unusable ({exc})") from None
    return dict(doc)


def creation_code(name: str, types: list[str], args: list[Any]) -> bytes:
    """Creation bytecode of ``name`` with its ABI-encoded constructor arguments appended."""
    return bytes.fromhex(artifact(name)["bytecode"]) + abi_encode(types, args)


@dataclass
class ContractRecord:
    """What java-tron's ``getcontract`` tells about a deployed contract (``SmartContract``)."""

    address: bytes                 # 21-byte raw address
    name: str
    abi: list[dict[str, Any]]      # solc's JSON ABI entries
    bytecode: bytes                # the creation code as deployed (constructor arguments too)
    origin: bytes                  # 21-byte raw address of the deployer
    consume_user_resource_percent: int = 100
    origin_energy_limit: int = DEFAULT_ORIGIN_ENERGY_LIMIT
    trx_hash: str = ""             # the deploying transaction ("" at genesis)
    storage: dict[int, int] = field(default_factory=dict)  # slot -> value, as committed

    def to_record(self, code: bytes) -> dict[str, Any]:
        return {
            "name": self.name, "abi": self.abi, "bytecode": self.bytecode.hex(),
            "origin": self.origin.hex(), "percent": self.consume_user_resource_percent,
            "origin_energy_limit": self.origin_energy_limit, "trx_hash": self.trx_hash,
            "code": code.hex(),
            "storage": {format(k, "x"): format(v, "x") for k, v in sorted(self.storage.items())},
        }

    @classmethod
    def from_record(cls, address: bytes, record: dict[str, Any]) -> tuple[ContractRecord, bytes]:
        contract = cls(
            address=address, name=str(record["name"]), abi=list(record["abi"]),
            bytecode=bytes.fromhex(record["bytecode"]), origin=bytes.fromhex(record["origin"]),
            consume_user_resource_percent=int(record["percent"]),
            origin_energy_limit=int(record["origin_energy_limit"]),
            trx_hash=str(record["trx_hash"]),
            storage={int(k, 16): int(v, 16) for k, v in record["storage"].items()})
        return contract, bytes.fromhex(record["code"])


def network_id_word(network_id: str) -> bytes:
    """The ``bytes32`` a Speed network id becomes in the vault: keccak256 of its UTF-8."""
    return keccak256(network_id.encode("utf-8"))


def genesis_btt(origin: bytes) -> ContractRecord:
    code = creation_code("DevnetBTT", ["address"], ["0x" + to_tvm(FAUCET_RAW).hex()])
    return ContractRecord(BTT_RAW, "DevnetBTT", artifact("DevnetBTT")["abi"], code, origin)


def genesis_vault(origin: bytes, *, notice: int, chain_id: int,
                  network_id: str) -> ContractRecord:
    code = creation_code("SpeedVault", ["address", "uint256", "uint256", "bytes32"],
                         ["0x" + to_tvm(BTT_RAW).hex(), notice, chain_id,
                          network_id_word(network_id)])
    return ContractRecord(VAULT_RAW, "SpeedVault", artifact("SpeedVault")["abi"], code, origin)


_ENTRY_TYPES = {"function": "Function", "constructor": "Constructor", "event": "Event",
                "fallback": "Fallback", "receive": "Receive", "error": "Error"}
_MUTABILITY = {"pure": "Pure", "view": "View", "nonpayable": "Nonpayable",
               "payable": "Payable"}


def abi_json(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ABI entries as java-tron prints them: enum names capitalised, only its fields."""
    out = []
    for entry in entries:
        item: dict[str, Any] = {}
        if entry.get("anonymous"):
            item["anonymous"] = True
        if entry.get("constant"):
            item["constant"] = True
        if entry.get("name"):
            item["name"] = entry["name"]
        for key in ("inputs", "outputs"):
            params = [{k: v for k, v in (("indexed", p.get("indexed")), ("name", p.get("name")),
                                         ("type", p.get("type"))) if v}
                      for p in entry.get(key) or []]
            if params:
                item[key] = params
        kind = str(entry.get("type", "function"))
        item["type"] = _ENTRY_TYPES.get(kind.lower(), kind)
        if entry.get("payable"):
            item["payable"] = True
        mutability = entry.get("stateMutability")
        if mutability:
            item["stateMutability"] = _MUTABILITY.get(str(mutability).lower(), mutability)
        out.append(item)
    return out
