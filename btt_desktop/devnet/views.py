"""The devnet's state as java-tron's HTTP API spells it: transactions, receipts, blocks,
accounts, resources and contracts (``visible`` chooses base58 or ``41``-hex addresses)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from btt_desktop.devnet.addresses import show
from btt_desktop.devnet.blocks import Block
from btt_desktop.devnet.contracts import ContractRecord, abi_json
from btt_desktop.devnet.fees import FREE_NET_LIMIT

if TYPE_CHECKING:
    from btt_desktop.devnet.chain import Chain, TxEntry

ACTIVE_OPERATIONS = "7fff1fc0033e0300000000000000000000000000000000000000000000000000"


def permission(owner: bytes, permission_id: int, visible: bool) -> dict[str, Any]:
    keys = [{"address": show(owner, visible), "weight": 1}]
    if permission_id == 0:
        return {"permission_name": "owner", "threshold": 1, "keys": keys}
    return {"type": "Active", "id": 2, "permission_name": "active", "threshold": 1,
            "operations": ACTIVE_OPERATIONS, "keys": keys}


def tx_json(entry: TxEntry, visible: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"ret": [{"contractRet": entry.receipt.get("status", "SUCCESS")}]}
    out.update(entry.tx.to_json(visible))
    return out


def tx_info_json(entry: TxEntry, visible: bool) -> dict[str, Any]:
    r = entry.receipt
    kind = entry.tx.contract_type
    out: dict[str, Any] = {"id": entry.tx.txid}
    if r.get("fee"):
        out["fee"] = r["fee"]
    out["blockNumber"] = r["blockNumber"]
    out["blockTimeStamp"] = r["blockTimeStamp"]
    out["contractResult"] = [r.get("contractResult", "")]
    receipt: dict[str, Any] = {}
    if kind in ("TriggerSmartContract", "CreateSmartContract"):
        if r.get("contract_address"):
            out["contract_address"] = show(bytes.fromhex(r["contract_address"]), visible)
        if r.get("energy_fee"):
            receipt["energy_fee"] = r["energy_fee"]
        receipt["energy_usage_total"] = r["energy_usage_total"]
    for key in ("net_usage", "net_fee"):
        if r.get(key):
            receipt[key] = r[key]
    if kind in ("TriggerSmartContract", "CreateSmartContract"):
        receipt["result"] = r["status"]
    out["receipt"] = receipt
    if r.get("logs"):
        out["log"] = r["logs"]
    if r.get("status", "SUCCESS") != "SUCCESS":
        out["result"] = "FAILED"
        out["resMessage"] = r.get("message", "").encode().hex()
    return out


def block_json(chain: Chain, block: Block, visible: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"blockID": block.block_id.hex(),
                           "block_header": block.header_json(visible)}
    if block.txids:
        out["transactions"] = [tx_json(chain.txs[t], visible) for t in block.txids]
    return out


def account_json(chain: Chain, raw: bytes, visible: bool) -> dict[str, Any]:
    contract = chain.contracts.get(raw)
    if contract is not None:
        return {"address": show(raw, visible), "type": "Contract",
                "create_time": chain.genesis_time}
    account = chain.account(raw)
    if account is None:
        return {}
    out: dict[str, Any] = {"address": show(raw, visible)}
    if account["balance"]:
        out["balance"] = account["balance"]
    out["create_time"] = account["create_time"]
    used = chain.free_net_used(account)
    if used:
        out["free_net_usage"] = used
        out["latest_consume_free_time"] = account["net_time"]
    out["net_window_size"] = 28800
    out["account_resource"] = {"energy_window_size": 28800}
    out["owner_permission"] = permission(raw, 0, visible)
    out["active_permission"] = [permission(raw, 2, visible)]
    return out


def resource_json(chain: Chain, raw: bytes) -> dict[str, Any]:
    account = chain.account(raw)
    if account is None:
        return {}
    out: dict[str, Any] = {"freeNetLimit": FREE_NET_LIMIT}
    used = chain.free_net_used(account)
    if used:
        out["freeNetUsed"] = used
    out.update({"TotalNetLimit": 43_200_000_000, "TotalNetWeight": 84_687_233_463,
                "TotalEnergyLimit": 180_000_000_000, "TotalEnergyWeight": 13_369_831_825})
    return out


def contract_json(contract: ContractRecord, visible: bool, code_hash: bytes) -> dict[str, Any]:
    """``getcontract``: the ``SmartContract`` java-tron stores (creation bytecode, ABI)."""
    out: dict[str, Any] = {
        "origin_address": show(contract.origin, visible),
        "contract_address": show(contract.address, visible),
        "abi": {"entrys": abi_json(contract.abi)},
        "bytecode": contract.bytecode.hex(),
        "consume_user_resource_percent": contract.consume_user_resource_percent,
        "name": contract.name,
        "origin_energy_limit": contract.origin_energy_limit,
        "code_hash": code_hash.hex(),
    }
    if contract.trx_hash:
        out["trx_hash"] = contract.trx_hash
    if not contract.consume_user_resource_percent:
        out.pop("consume_user_resource_percent")
    return out
