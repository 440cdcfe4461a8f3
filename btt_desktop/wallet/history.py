"""The account's history: every transaction, parsed from what the node answers.

Two kinds of facts come from the node (``history_sync.py`` asks for them):

- :class:`NativeTx`: one transaction the account sent or received, from TronGrid's
  ``/v1/accounts/{address}/transactions`` (mainnet, nile, the devnet) or, on a node
  without that index, from its blocks: TRX transfers, contract calls, deployments, with
  the fee the sender paid and the result;
- :class:`TokenMove`: one TRC-20 ``Transfer`` naming the account, from
  ``/v1/accounts/{address}/transactions/trc20``, whichever transaction emitted it (a BTT
  transfer, a vault deposit's ``transferFrom``, a vault paying a cheque or a withdrawal).

:func:`build_records` joins them by transaction id into the :class:`TxRecord` lines the
window, ``btt wallet history`` and the cache (``history_store.py``) show.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any

from tronpy.keys import keccak256

from btt_desktop.tron.addresses import BadAddress, parse_address, to_base58
from btt_desktop.tron.txcodec import new_contract_address
from btt_desktop.wallet.amounts import TRX_DECIMALS, Token

#: Function names known without asking the node: TRC-20 and the Speed vault.
KNOWN_SIGNATURES = (
    "transfer(address,uint256)", "approve(address,uint256)",
    "transferFrom(address,address,uint256)", "mint(address,uint256)",
    "deposit(uint256)", "announceWithdrawal(uint256)", "withdraw()",
    "cash(address,address,uint256,bytes)", "cashBatch(address,address[],uint256[],bytes[])",
)
#: Calls that are a kind of their own in the list; other calls are kind "call".
CALL_KINDS = frozenset({"approve", "deposit", "announceWithdrawal", "withdraw", "cash",
                        "cashBatch"})
KINDS = ("send", "receive", *sorted(CALL_KINDS), "call", "deploy", "other")
CALL_DATA_CHARS = 8 + 3 * 64  # the selector and the first three argument words are kept
TRANSFER_EVENT = keccak256(b"Transfer(address,address,uint256)").hex()


def selector(signature: str) -> str:
    return keccak256(signature.encode()).hex()[:8]


SELECTORS = {selector(s): s.split("(")[0] for s in KNOWN_SIGNATURES}


@dataclass(frozen=True)
class TxRecord:
    """One line of the history, as the account sees it.

    ``amount`` is what moved to (``direction`` "in") or from ("out") the account, in base
    units of ``token`` ("TRX", "BTT", another TRC-20's symbol, or None when nothing moved);
    ``fee_sun`` is the TRX this account paid for it (0 when another account sent it).
    """

    txid: str
    timestamp_ms: int
    kind: str                 # one of KINDS
    token: str | None
    decimals: int
    direction: str            # "in", "out", "self", or "" when nothing moved
    amount: int
    counterparty: str | None  # the other account of the transfer (or the approved spender)
    contract: str | None      # the contract called or deployed
    function: str | None      # the function called, when its ABI is known
    fee_sun: int
    result: str               # "SUCCESS", or java-tron's result: "REVERT", "OUT_OF_ENERGY"...
    reason: str | None = None  # why it failed, when it did
    block: int | None = None

    @property
    def failed(self) -> bool:
        return self.result != "SUCCESS"


@dataclass(frozen=True)
class NativeTx:
    """A transaction of the account's listing, reduced to what the history shows."""

    txid: str
    timestamp_ms: int
    block: int | None
    type: str                 # TransferContract, TriggerSmartContract, CreateSmartContract...
    owner: str | None         # the sender (base58)
    to: str | None            # a TRX transfer's recipient
    contract: str | None      # the contract called or deployed
    amount: int               # TRX moved: the transfer's amount or a call's call_value
    data: str                 # a call's data: the selector and its first argument words
    fee_sun: int              # what the sender paid
    result: str
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> NativeTx:
        return cls(**_fields_of(cls, data))


@dataclass(frozen=True)
class TokenMove:
    """A TRC-20 ``Transfer`` event of a transaction."""

    txid: str
    timestamp_ms: int
    token: str                # the token contract (base58)
    symbol: str
    decimals: int
    sender: str
    receiver: str
    value: int

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["value"] = str(self.value)  # beyond what every JSON reader keeps exact
        return out

    @classmethod
    def from_json(cls, data: Any) -> TokenMove:
        values = _fields_of(cls, data)
        values["value"] = int(values["value"])
        return cls(**values)


def _fields_of(cls: type, data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ValueError("not an object")
    return {f.name: data[f.name] for f in fields(cls) if f.name in data}


# --- parsing what the node answers ------------------------------------------------------

def address_of(value: Any) -> str | None:
    """Base58 of a ``41``-hex or base58 address; None for anything else."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return to_base58(parse_address(value))
    except BadAddress:
        return None


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def parse_transaction(item: Any, *, timestamp_ms: int | None = None,
                      block: int | None = None) -> NativeTx | None:
    """One entry of TronGrid's transaction listing, or a transaction of a java-tron block
    (then ``timestamp_ms`` and ``block`` come from the block; its fee from
    :func:`with_info`). None when it is not a transaction."""
    try:
        raw = item["raw_data"]
        contract = raw["contract"][0]
        kind = str(contract["type"])
        value = contract["parameter"]["value"]
        txid = str(item["txID"]).lower()
    except (KeyError, IndexError, TypeError):
        return None
    if len(txid) != 64 or not isinstance(value, dict):
        return None
    ret = (item.get("ret") or [{}])[0]
    ret = ret if isinstance(ret, dict) else {}
    owner = address_of(value.get("owner_address"))
    to = contract_address = None
    amount, data = 0, ""
    if kind == "TransferContract":
        to = address_of(value.get("to_address"))
        amount = _int(value.get("amount"))
    elif kind == "TriggerSmartContract":
        contract_address = address_of(value.get("contract_address"))
        amount = _int(value.get("call_value"))
        data = str(value.get("data") or "")[:CALL_DATA_CHARS].lower()
    elif kind == "CreateSmartContract" and owner is not None:
        with contextlib.suppress(ValueError, BadAddress):
            contract_address = to_base58(new_contract_address(txid, parse_address(owner)))
    fee = ret.get("fee")
    if fee is None:
        fee = _int(item.get("energy_fee")) + _int(item.get("net_fee"))
    stamp = timestamp_ms if timestamp_ms is not None else _int(
        item.get("block_timestamp"), _int(raw.get("timestamp")))
    number = block if block is not None else (_int(item.get("blockNumber"), -1)
                                              if "blockNumber" in item else None)
    return NativeTx(txid, stamp, number, kind, owner, to, contract_address, amount, data,
                    _int(fee), str(ret.get("contractRet") or "SUCCESS"))


def parse_transfer(item: Any) -> TokenMove | None:
    """One entry of TronGrid's trc20 listing (``Approval`` entries are no movement)."""
    try:
        if item.get("type", "Transfer") != "Transfer":
            return None
        info = item["token_info"]
        sender, receiver = address_of(item.get("from")), address_of(item.get("to"))
        token = address_of(info.get("address"))
        if sender is None or receiver is None or token is None:
            return None
        return TokenMove(str(item["transaction_id"]).lower(), _int(item.get("block_timestamp")),
                         token, str(info.get("symbol") or "?"), _int(info.get("decimals")),
                         sender, receiver, int(item.get("value", 0)))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def with_info(tx: NativeTx, info: Mapping[str, Any]) -> NativeTx:
    """``tx`` completed from ``gettransactioninfobyid``: its fee, result and reason."""
    receipt = info.get("receipt") or {}
    result = tx.result
    if info.get("result") == "FAILED" or receipt.get("result") not in (None, "SUCCESS"):
        result = str(receipt.get("result") or "FAILED")
    fee = _int(info.get("fee"), tx.fee_sun)
    return NativeTx(**{**asdict(tx), "fee_sun": fee, "result": result,
                       "reason": failure_reason(info) if result != "SUCCESS" else None})


def failure_reason(info: Mapping[str, Any]) -> str:
    """The contract's own words (``Error(string)`` revert data), else java-tron's message."""
    with contextlib.suppress(Exception):
        output = bytes.fromhex((info.get("contractResult") or [""])[0])
        if output[:4] == bytes.fromhex(selector("Error(string)")) and len(output) >= 68:
            length = int.from_bytes(output[36:68], "big")
            text = output[68:68 + length].decode("utf-8", "replace")
            if text:
                return " ".join(text.split())[:200]
    message = info.get("resMessage") or ""
    with contextlib.suppress(ValueError):
        message = bytes.fromhex(str(message)).decode("utf-8", "replace")
    result = (info.get("receipt") or {}).get("result") or "FAILED"
    return " ".join(str(message or result).split())[:200]


def moves_from_logs(tx: NativeTx, logs: Iterable[Any],
                    tokens: Mapping[str, Token]) -> list[TokenMove]:
    """The ``Transfer`` events of ``tokens`` among a receipt's logs (a node without the
    trc20 listing)."""
    moves = []
    for log in logs:
        try:
            topics = log["topics"]
            token = tokens.get(to_base58(b"\x41" + bytes.fromhex(log["address"])[-20:]))
            if token is None or len(topics) != 3 or topics[0] != TRANSFER_EVENT:
                continue
            sender = to_base58(b"\x41" + bytes.fromhex(topics[1])[-20:])
            receiver = to_base58(b"\x41" + bytes.fromhex(topics[2])[-20:])
            value = int(log["data"], 16)
        except (KeyError, TypeError, ValueError):
            continue
        assert token.contract is not None
        moves.append(TokenMove(tx.txid, tx.timestamp_ms, token.contract, token.symbol,
                               token.decimals, sender, receiver, value))
    return moves


def call_arguments(data: str) -> tuple[str | None, int | None]:
    """The first two words of call data as (address, number): who a ``transfer`` or an
    ``approve`` names, and how much."""
    words = [data[8 + 64 * i:8 + 64 * (i + 1)] for i in range(2)]
    who = address_of("41" + words[0][24:]) if len(words[0]) == 64 else None
    amount = int(words[1], 16) if len(words[1]) == 64 else None
    return who, amount


# --- joining them -----------------------------------------------------------------------

def function_name(tx: NativeTx, functions: Mapping[str, Mapping[str, str]]) -> str | None:
    if tx.type != "TriggerSmartContract" or len(tx.data) < 8:
        return None
    known = SELECTORS.get(tx.data[:8])
    if known is not None:
        return known
    return functions.get(tx.contract or "", {}).get(tx.data[:8])


def build_records(native: Mapping[str, NativeTx], moves: Mapping[str, Sequence[TokenMove]],
                  me: str, *, tokens: Mapping[str, Token] | None = None,
                  functions: Mapping[str, Mapping[str, str]] | None = None) -> list[TxRecord]:
    """One record per transaction, newest first. ``tokens`` (by contract) names what a
    failed token transfer would have moved; ``functions`` (contract -> selector -> name)
    names calls of contracts whose ABI the node gave."""
    records = []
    for txid in set(native) | set(moves):
        record = _record(native.get(txid), moves.get(txid, ()), me, tokens or {},
                         functions or {})
        if record is not None:
            records.append(record)
    records.sort(key=lambda r: (r.timestamp_ms, r.block or 0, r.txid), reverse=True)
    return records


def _net(moves: Sequence[TokenMove], me: str) -> tuple[str, int, str | None]:
    """(direction, amount, counterparty) of the account's token moves in one transaction."""
    received = sum(m.value for m in moves if m.receiver == me)
    paid = sum(m.value for m in moves if m.sender == me)
    biggest = max(moves, key=lambda m: m.value)
    other = biggest.sender if biggest.receiver == me else biggest.receiver
    if received > paid:
        return "in", received - paid, other
    if paid > received:
        return "out", paid - received, other
    return "self", received, other


def _record(tx: NativeTx | None, moves: Sequence[TokenMove], me: str,
            tokens: Mapping[str, Token],
            functions: Mapping[str, Mapping[str, str]]) -> TxRecord | None:
    mine = [m for m in moves if me in (m.sender, m.receiver)]
    if tx is None:  # moved inside another account's transaction
        if not mine:
            return None
        direction, amount, other = _net(mine, me)
        first = mine[0]
        kind = {"in": "receive", "out": "send"}.get(direction, "receive")
        return TxRecord(first.txid, first.timestamp_ms, kind, first.symbol, first.decimals,
                        direction, amount, other, None, None, 0, "SUCCESS")
    paid = tx.fee_sun if tx.owner == me else 0
    common: dict[str, Any] = {"txid": tx.txid, "timestamp_ms": tx.timestamp_ms,
                              "fee_sun": paid, "result": tx.result, "reason": tx.reason,
                              "block": tx.block}
    if tx.type == "TransferContract":
        out = tx.owner == me
        return TxRecord(kind="send" if out else "receive", token="TRX", decimals=TRX_DECIMALS,
                        direction="out" if out else "in", amount=tx.amount,
                        counterparty=tx.to if out else tx.owner, contract=None,
                        function=None, **common)
    if tx.type not in ("TriggerSmartContract", "CreateSmartContract"):
        return TxRecord(kind="other", token=None, decimals=0, direction="", amount=0,
                        counterparty=None, contract=None, function=tx.type, **common)
    name = function_name(tx, functions)
    kind = "deploy" if tx.type == "CreateSmartContract" else (
        name if name in CALL_KINDS else "call")
    who, number = call_arguments(tx.data) if name in ("transfer", "approve") else (None, None)
    token: str | None = None
    decimals, direction, amount, other = 0, "", 0, who if name == "approve" else None
    if mine:
        direction, amount, other = _net(mine, me)
        token, decimals = mine[0].symbol, mine[0].decimals
    elif name == "transfer" and tx.contract in tokens and number is not None:
        # a token transfer that moved nothing (it failed): what it would have moved
        known = tokens[tx.contract or ""]
        token, decimals = known.symbol, known.decimals
        direction, amount, other = ("out" if tx.owner == me else "in"), number, who
    elif tx.amount:
        token, decimals, direction, amount = "TRX", TRX_DECIMALS, "out", tx.amount
    if name == "transfer" and direction in ("in", "out", "self"):
        kind = {"in": "receive", "out": "send"}.get(direction, "send")
    return TxRecord(kind=kind, token=token, decimals=decimals, direction=direction,
                    amount=amount, counterparty=other, contract=tx.contract, function=name,
                    **common)
