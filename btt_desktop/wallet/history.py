"""Recent transfers as the history list shows them, parsed from what nodes answer.

TronGrid's account index (``/v1/accounts/{addr}/transactions`` and ``.../trc20``) on
mainnet and nile; blocks (``getblockbylimitnext``, java-tron JSON with visible addresses)
on a node without one. ``ChainClient.recent_transactions`` does the asking.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from btt_desktop.wallet import hdkeys
from btt_desktop.wallet.amounts import Token

_TRC20_TRANSFER = "a9059cbb"


@dataclass(frozen=True)
class TxRecord:
    """One line of the recent-transactions list."""

    txid: str
    timestamp_ms: int
    token: str               # "TRX", "BTT" or "contract" for other calls
    direction: str           # "in", "out" or "self"
    counterparty: str | None
    amount: int              # base units of ``token``
    status: str              # "SUCCESS", "FAILED", "REVERT", ...


def _direction(owner: str | None, to: str | None, me: str) -> str:
    if owner == me and to == me:
        return "self"
    return "out" if owner == me else "in"


def _safe_b58(value: Any) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return hdkeys.normalize_address(value)
    except Exception:
        return None


def parse_native(document: Any, me: str, btt: Token | None) -> list[TxRecord]:
    records = []
    for item in (document or {}).get("data", []) if isinstance(document, dict) else []:
        try:
            contract = item["raw_data"]["contract"][0]
            kind = contract["type"]
            value = contract["parameter"]["value"]
            status = (item.get("ret") or [{}])[0].get("contractRet", "SUCCESS")
            owner = _safe_b58(value.get("owner_address"))
            timestamp = int(item.get("block_timestamp") or item["raw_data"].get("timestamp", 0))
            if kind == "TransferContract":
                to = _safe_b58(value.get("to_address"))
                direction = _direction(owner, to, me)
                records.append(TxRecord(item["txID"], timestamp, "TRX", direction,
                                        to if direction == "out" else owner,
                                        int(value.get("amount", 0)), status))
            elif kind == "TriggerSmartContract":
                target = _safe_b58(value.get("contract_address"))
                if btt is not None and target == btt.contract:
                    continue  # listed with its token amount by the trc20 query
                records.append(TxRecord(item["txID"], timestamp, "contract",
                                        "out" if owner == me else "in", target, 0, status))
        except (KeyError, IndexError, TypeError, ValueError):
            continue
    return records


def parse_trc20(document: Any, me: str, btt: Token) -> list[TxRecord]:
    records = []
    for item in (document or {}).get("data", []) if isinstance(document, dict) else []:
        try:
            sender, receiver = _safe_b58(item.get("from")), _safe_b58(item.get("to"))
            direction = _direction(sender, receiver, me)
            records.append(TxRecord(item["transaction_id"], int(item.get("block_timestamp", 0)),
                                    btt.symbol, direction,
                                    receiver if direction == "out" else sender,
                                    int(item.get("value", 0)), "SUCCESS"))
        except (KeyError, TypeError, ValueError):
            continue
    return records


def block_number(block: Any) -> int:
    try:
        return int(block["block_header"]["raw_data"]["number"])
    except (KeyError, TypeError, ValueError):
        return -1


def parse_block(block: Any, me: str, btt: Token | None) -> list[TxRecord]:
    """Transfers touching ``me`` in one block (java-tron JSON, visible addresses)."""
    records: list[TxRecord] = []
    try:
        timestamp = int(block["block_header"]["raw_data"]["timestamp"])
        transactions = block.get("transactions", [])
    except (KeyError, TypeError, ValueError, AttributeError):
        return records
    for item in reversed(transactions):
        try:
            contract = item["raw_data"]["contract"][0]
            value = contract["parameter"]["value"]
            status = (item.get("ret") or [{}])[0].get("contractRet", "SUCCESS")
            owner = _safe_b58(value.get("owner_address"))
            if contract["type"] == "TransferContract":
                to = _safe_b58(value.get("to_address"))
                amount = int(value.get("amount", 0))
                token = "TRX"
            elif contract["type"] == "TriggerSmartContract" and btt is not None:
                data = str(value.get("data", ""))
                if (_safe_b58(value.get("contract_address")) != btt.contract
                        or not data.startswith(_TRC20_TRANSFER) or len(data) < 8 + 128):
                    continue
                to = _safe_b58("41" + data[8 + 24:8 + 64])
                amount = int(data[8 + 64:8 + 128], 16)
                token = btt.symbol
            else:
                continue
        except (KeyError, IndexError, TypeError, ValueError):
            continue
        if me not in (owner, to):
            continue
        direction = _direction(owner, to, me)
        records.append(TxRecord(str(item.get("txID", "")), timestamp, token, direction,
                                to if direction == "out" else owner, amount, status))
    return records
