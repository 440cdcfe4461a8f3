"""Transactions as java-tron sees them: JSON ``raw_data`` <-> protobuf bytes, and the txID.

The txID is ``sha256`` of the serialized ``Transaction.raw`` protobuf, exactly as java-tron
computes it. The message layout is the one in tronpy's ``tronpy/proto/tron.proto``; the
few messages needed are encoded here by hand (proto3 wire format, fields in number order,
default values left out) so the node needs no protobuf runtime. Only the two contract types
the devnet executes are accepted: ``TransferContract`` (TRX) and ``TriggerSmartContract``
(TRC-20 and the Speed vault).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from btt_desktop.devnet.addresses import BadAddress, parse_address, show

INT64_MAX = 2**63 - 1
SUPPORTED = ("TransferContract", "TriggerSmartContract")


class TxFormatError(ValueError):
    """The transaction JSON cannot be turned into a TRON transaction (one-line message)."""


@dataclass
class Tx:
    """A parsed transaction: what the node validates, executes and stores."""

    txid: str
    raw_bytes: bytes
    contract_type: str
    type_url: str
    owner: bytes
    value: dict[str, Any]  # contract parameters, addresses as raw 21-byte values
    ref_block_bytes: bytes
    ref_block_hash: bytes
    expiration: int
    timestamp: int
    fee_limit: int
    memo: bytes
    permission_id: int
    signatures: list[bytes] = field(default_factory=list)

    def raw_data_json(self, visible: bool) -> dict[str, Any]:
        value: dict[str, Any] = {}
        for key, item in self.value.items():
            if isinstance(item, bytes) and key.endswith("address"):
                value[key] = show(item, visible)
            elif isinstance(item, bytes):
                value[key] = item.hex()
            else:
                value[key] = item
        contract: dict[str, Any] = {
            "parameter": {"value": value, "type_url": self.type_url},
            "type": self.contract_type,
        }
        if self.permission_id:
            contract["Permission_id"] = self.permission_id
        raw: dict[str, Any] = {"contract": [contract]}
        raw["ref_block_bytes"] = self.ref_block_bytes.hex()
        raw["ref_block_hash"] = self.ref_block_hash.hex()
        raw["expiration"] = self.expiration
        if self.memo:
            raw["data"] = self.memo.hex()
        if self.fee_limit:
            raw["fee_limit"] = self.fee_limit
        raw["timestamp"] = self.timestamp
        return raw

    def to_json(self, visible: bool, *, with_signature: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if with_signature and self.signatures:
            out["signature"] = [s.hex() for s in self.signatures]
        out["txID"] = self.txid
        out["raw_data"] = self.raw_data_json(visible)
        out["raw_data_hex"] = self.raw_bytes.hex()
        if visible:
            out["visible"] = True
        return out


def _int(obj: dict[str, Any], key: str, *, default: int | None = 0, low: int = 0,
         high: int = INT64_MAX) -> int:
    value = obj.get(key, default)
    if value is None:
        raise TxFormatError(f"missing field {key}")
    if isinstance(value, bool) or not isinstance(value, int):
        raise TxFormatError(f"field {key} must be an integer")
    if not low <= value <= high:
        raise TxFormatError(f"field {key} out of range")
    return value


def _hex(obj: dict[str, Any], key: str, *, required: bool = False,
         size: int | None = None) -> bytes:
    value = obj.get(key)
    if value is None or value == "":
        if required:
            raise TxFormatError(f"missing field {key}")
        return b""
    if not isinstance(value, str):
        raise TxFormatError(f"field {key} must be a hex string")
    try:
        data = bytes.fromhex(value[2:] if value.startswith("0x") else value)
    except ValueError:
        raise TxFormatError(f"field {key} is not hex") from None
    if size is not None and len(data) != size:
        raise TxFormatError(f"field {key} must be {size} bytes")
    return data


def _addr(obj: dict[str, Any], key: str) -> bytes:
    try:
        return parse_address(obj.get(key))
    except BadAddress:
        raise TxFormatError(f"field {key} is not a TRON address") from None


def parse_contract_value(contract_type: str, value: dict[str, Any]) -> dict[str, Any]:
    """Normalise the parameters of a supported contract (addresses to raw bytes)."""
    if not isinstance(value, dict):
        raise TxFormatError("contract parameter value must be an object")
    if contract_type == "TransferContract":
        return {
            "owner_address": _addr(value, "owner_address"),
            "to_address": _addr(value, "to_address"),
            "amount": _int(value, "amount", default=None, low=-INT64_MAX),
        }
    if contract_type == "TriggerSmartContract":
        out: dict[str, Any] = {
            "owner_address": _addr(value, "owner_address"),
            "contract_address": _addr(value, "contract_address"),
            "data": _hex(value, "data"),
        }
        for key in ("call_value", "call_token_value", "token_id"):
            number = _int(value, key, low=-INT64_MAX)
            if number:
                out[key] = number
        return out
    raise TxFormatError(f"contract type {contract_type} is not supported by the devnet")


CONTRACT_TYPE_NUMBERS = {"TransferContract": 1, "TriggerSmartContract": 31}


def varint(value: int) -> bytes:
    value &= (1 << 64) - 1  # negative int64 values are ten-byte two's complement varints
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def field_int(number: int, value: int) -> bytes:
    return varint(number << 3) + varint(value) if value else b""


def field_bytes(number: int, value: bytes) -> bytes:
    return varint((number << 3) | 2) + varint(len(value)) + value if value else b""


def contract_proto(contract_type: str, value: dict[str, Any]) -> bytes:
    if contract_type == "TransferContract":
        return (field_bytes(1, value["owner_address"]) + field_bytes(2, value["to_address"])
                + field_int(3, value["amount"]))
    return (field_bytes(1, value["owner_address"]) + field_bytes(2, value["contract_address"])
            + field_int(3, value.get("call_value", 0)) + field_bytes(4, value["data"])
            + field_int(5, value.get("call_token_value", 0))
            + field_int(6, value.get("token_id", 0)))


def serialize_raw(*, contract_type: str, type_url: str, value: dict[str, Any],
                  permission_id: int, ref_block_bytes: bytes, ref_block_hash: bytes,
                  expiration: int, timestamp: int, fee_limit: int, memo: bytes) -> bytes:
    """``Transaction.raw`` in protobuf wire format: the bytes whose sha256 is the txID."""
    any_message = field_bytes(1, type_url.encode()) + field_bytes(
        2, contract_proto(contract_type, value))
    contract = (field_int(1, CONTRACT_TYPE_NUMBERS[contract_type])
                + varint((2 << 3) | 2) + varint(len(any_message)) + any_message
                + field_int(5, permission_id))
    return (field_bytes(1, ref_block_bytes) + field_bytes(4, ref_block_hash)
            + field_int(8, expiration) + field_bytes(10, memo)
            + varint((11 << 3) | 2) + varint(len(contract)) + contract
            + field_int(14, timestamp) + field_int(18, fee_limit))


def parse_transaction(payload: Any, *, require_signature: bool) -> Tx:
    """Parse the JSON a client sends to ``broadcasttransaction`` / ``getsignweight``.

    The txID is recomputed from ``raw_data``; a ``txID`` field in the payload is not
    trusted (the caller compares it).
    """
    if not isinstance(payload, dict):
        raise TxFormatError("transaction must be a JSON object")
    raw = payload.get("raw_data")
    if not isinstance(raw, dict):
        raise TxFormatError("missing raw_data")
    contracts = raw.get("contract")
    if not isinstance(contracts, list) or len(contracts) != 1 or not isinstance(contracts[0], dict):
        raise TxFormatError("raw_data.contract must hold exactly one contract")
    contract = contracts[0]
    contract_type = contract.get("type")
    if contract_type not in SUPPORTED:
        raise TxFormatError(
            f"contract type {str(contract_type)[:40]} is not supported by the devnet")
    parameter = contract.get("parameter")
    if not isinstance(parameter, dict):
        raise TxFormatError("contract parameter missing")
    type_url = parameter.get("type_url", f"type.googleapis.com/protocol.{contract_type}")
    if not isinstance(type_url, str):
        raise TxFormatError("type_url must be a string")
    value = parse_contract_value(contract_type, parameter.get("value"))  # type: ignore[arg-type]
    permission_id = _int(contract, "Permission_id", high=2**31 - 1)
    fields: dict[str, Any] = {
        "contract_type": contract_type,
        "type_url": type_url,
        "value": value,
        "permission_id": permission_id,
        "ref_block_bytes": _hex(raw, "ref_block_bytes", required=True, size=2),
        "ref_block_hash": _hex(raw, "ref_block_hash", required=True, size=8),
        "expiration": _int(raw, "expiration", default=None),
        "timestamp": _int(raw, "timestamp"),
        "fee_limit": _int(raw, "fee_limit"),
        "memo": _hex(raw, "data"),
    }
    if raw.get("auths") or raw.get("scripts") or raw.get("ref_block_num"):
        raise TxFormatError("raw_data fields auths, scripts and ref_block_num are not supported")
    raw_bytes = serialize_raw(**fields)
    signatures_json = payload.get("signature", [])
    if not isinstance(signatures_json, list) or len(signatures_json) > 5:
        raise TxFormatError("signature must be a list of at most 5 hex strings")
    signatures = []
    for item in signatures_json:
        if not isinstance(item, str):
            raise TxFormatError("signature must be a list of hex strings")
        try:
            signatures.append(bytes.fromhex(item))
        except ValueError:
            raise TxFormatError("signature is not hex") from None
    if require_signature and not signatures:
        raise TxFormatError("transaction is not signed")
    return Tx(
        txid=hashlib.sha256(raw_bytes).hexdigest(),
        raw_bytes=raw_bytes,
        owner=value["owner_address"],
        signatures=signatures,
        **fields,
    )


def tx_from_fields(*, contract_type: str, value: dict[str, Any], ref_block_id: bytes,
                   timestamp: int, expiration: int, fee_limit: int = 0) -> Tx:
    """Build an unsigned transaction (``createtransaction``, ``triggersmartcontract``)."""
    type_url = f"type.googleapis.com/protocol.{contract_type}"
    fields: dict[str, Any] = {
        "contract_type": contract_type,
        "type_url": type_url,
        "value": value,
        "permission_id": 0,
        "ref_block_bytes": ref_block_id[6:8],
        "ref_block_hash": ref_block_id[8:16],
        "expiration": expiration,
        "timestamp": timestamp,
        "fee_limit": fee_limit,
        "memo": b"",
    }
    raw_bytes = serialize_raw(**fields)
    return Tx(txid=hashlib.sha256(raw_bytes).hexdigest(), raw_bytes=raw_bytes,
              owner=value["owner_address"], **fields)


def tx_to_record(tx: Tx) -> dict[str, Any]:
    """JSON-safe form for the state file (round-trips through :func:`tx_from_record`)."""
    return {"tx": tx.to_json(False), "signature": [s.hex() for s in tx.signatures]}


def tx_from_record(record: dict[str, Any]) -> Tx:
    payload = dict(record["tx"])
    payload["signature"] = record.get("signature", [])
    return parse_transaction(payload, require_signature=False)
