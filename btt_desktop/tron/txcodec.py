"""Transactions as java-tron sees them: JSON ``raw_data`` <-> protobuf bytes, and the txID.

The txID is ``sha256`` of the serialized ``Transaction.raw`` protobuf, exactly as java-tron
computes it. The messages are serialized by the protobuf runtime with TRON's definitions
(:mod:`btt_desktop.tron.proto`: tronpy's ``Transaction``, ``TransferContract`` and
``TriggerSmartContract``, plus our ``CreateSmartContract`` / ``SmartContract``). Three
contract types are accepted: ``TransferContract`` (TRX), ``TriggerSmartContract`` (contract
calls) and ``CreateSmartContract`` (contract deployment, JSON as java-tron's
``/wallet/deploycontract`` returns it). Anything else is refused with :class:`TxFormatError`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from tronpy.keys import keccak256

from btt_desktop.tron import proto as tron_proto
from btt_desktop.tron.addresses import BadAddress, parse_address, show

INT64_MAX = 2**63 - 1
INT32_MAX = 2**31 - 1
SUPPORTED = ("TransferContract", "TriggerSmartContract", "CreateSmartContract")
CONTRACT_TYPE_NUMBERS = {name: tron_proto.Transaction.Contract.ContractType.Value(name)
                         for name in SUPPORTED}


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
    # contract parameters, addresses as raw 21-byte values (see parse_contract_value)
    value: dict[str, Any]
    ref_block_bytes: bytes
    ref_block_hash: bytes
    expiration: int
    timestamp: int
    fee_limit: int
    memo: bytes
    permission_id: int
    signatures: list[bytes] = field(default_factory=list)

    def raw_data_json(self, visible: bool) -> dict[str, Any]:
        value = {key: _json_value(key, item, visible) for key, item in self.value.items()}
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
        if self.contract_type == "CreateSmartContract":
            # java-tron adds the address the contract gets, always in hex
            out["contract_address"] = new_contract_address(self.txid, self.owner).hex()
        out["raw_data"] = self.raw_data_json(visible)
        out["raw_data_hex"] = self.raw_bytes.hex()
        if visible:
            out["visible"] = True
        return out

    def transaction_bytes(self) -> bytes:
        """The serialized ``Transaction`` (raw data and signatures, no results)."""
        message = tron_proto.Transaction(signature=self.signatures)
        message.raw_data.ParseFromString(self.raw_bytes)
        return bytes(message.SerializeToString())


def _json_value(key: str, item: Any, visible: bool) -> Any:
    """One parsed value back in java-tron's JSON (addresses per ``visible``, bytes in hex)."""
    if isinstance(item, bytes):
        return show(item, visible) if key.endswith("address") else item.hex()
    if key == "abi":
        return {"entrys": json.loads(json.dumps(item))} if item else {}  # a copy
    if isinstance(item, dict):
        return {k: _json_value(k, v, visible) for k, v in item.items()}
    return item


def new_contract_address(txid: str, owner: bytes) -> bytes:
    """The address a ``CreateSmartContract`` deploys to (java-tron's generateContractAddress)."""
    return b"\x41" + keccak256(bytes.fromhex(txid) + owner)[12:]


# ---- JSON fields ------------------------------------------------------------------------------

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


def _str(obj: dict[str, Any], key: str) -> str:
    value = obj.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TxFormatError(f"field {key} must be a string")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise TxFormatError(f"field {key} is not valid UTF-8") from None
    return value


def _bool(obj: dict[str, Any], key: str) -> bool:
    value = obj.get(key)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise TxFormatError(f"field {key} must be true or false")
    return value


def _object(obj: dict[str, Any], key: str) -> dict[str, Any]:
    value = obj.get(key)
    if not isinstance(value, dict):
        raise TxFormatError(f"field {key} must be an object")
    return value


def _list(obj: dict[str, Any], key: str) -> list[Any]:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise TxFormatError(f"field {key} must be a list")
    return value


def _set_ints(out: dict[str, Any], obj: dict[str, Any], keys: tuple[str, ...], *,
              low: int = -INT64_MAX, high: int = INT64_MAX) -> None:
    """Copy the integer fields that are set and not zero (proto3 leaves zeros out)."""
    for key in keys:
        number = _int(obj, key, low=low, high=high) if obj.get(key) is not None else 0
        if number:
            out[key] = number


# ---- the ABI ----------------------------------------------------------------------------------

def _enum(obj: dict[str, Any], key: str, names: list[str]) -> str:
    """An enum as java-tron's JsonFormat reads it: a value name, its all-lower-case
    spelling (``function`` for ``Function``, solc's ``view``, ``nonpayable``), or a number.
    Returns the value name, ``""`` for the default (value 0)."""
    value = obj.get(key)
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        if not 0 <= value < len(names):
            raise TxFormatError(f"field {key} has no value {value}")
        name = names[value]
    elif isinstance(value, str):
        name = value[:1].upper() + value[1:] if value.isalpha() and value.islower() else value
        if name not in names:
            raise TxFormatError(f"field {key} has no value {value[:40]!r}")
    else:
        raise TxFormatError(f"field {key} must be a string")
    return "" if name == names[0] else name


def _abi_param(obj: Any) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise TxFormatError("ABI parameters must be objects")
    out: dict[str, Any] = {}
    if _bool(obj, "indexed"):
        out["indexed"] = True
    for key in ("name", "type"):
        text = _str(obj, key)
        if text:
            out[key] = text
    return out


def _abi_entry(obj: Any) -> dict[str, Any]:
    """One ABI entry in normal form: java-tron's JSON of ``SmartContract.ABI.Entry`` (fields
    in number order, default values left out, enums by name); unknown keys are dropped."""
    if not isinstance(obj, dict):
        raise TxFormatError("ABI entries must be objects")
    out: dict[str, Any] = {}
    for key in ("anonymous", "constant"):
        if _bool(obj, key):
            out[key] = True
    name = _str(obj, "name")
    if name:
        out["name"] = name
    for key in ("inputs", "outputs"):
        params = [_abi_param(p) for p in _list(obj, key)]
        if params:
            out[key] = params
    entry_type = _enum(obj, "type", tron_proto.ENTRY_TYPES)
    if entry_type:
        out["type"] = entry_type
    if _bool(obj, "payable"):
        out["payable"] = True
    mutability = _enum(obj, "stateMutability", tron_proto.STATE_MUTABILITIES)
    if mutability:
        out["stateMutability"] = mutability
    return out


def normalize_abi(entries: Any) -> list[dict[str, Any]]:
    """An ABI (a list of entries, java-tron's or solc's spelling) in normal form."""
    if not isinstance(entries, list):
        raise TxFormatError("the ABI must be a list of entries")
    return [_abi_entry(e) for e in entries]


def _abi_message(entries: list[dict[str, Any]]) -> Any:
    abi = tron_proto.ABI()
    abi.SetInParent()
    for item in entries:
        entry = abi.entrys.add()
        entry.anonymous = item.get("anonymous", False)
        entry.constant = item.get("constant", False)
        entry.name = item.get("name", "")
        for key in ("inputs", "outputs"):
            for param in item.get(key, []):
                getattr(entry, key).add(indexed=param.get("indexed", False),
                                        name=param.get("name", ""), type=param.get("type", ""))
        entry.type = tron_proto.ENTRY_TYPES.index(item.get("type") or "UnknownEntryType")
        entry.payable = item.get("payable", False)
        entry.stateMutability = tron_proto.STATE_MUTABILITIES.index(
            item.get("stateMutability") or "UnknownMutabilityType")
    return abi


# ---- contract parameters -------------------------------------------------------------------

def _new_contract(obj: dict[str, Any]) -> dict[str, Any]:
    """``SmartContract`` in normal form: the fields that are set, in number order; ``abi``
    (a list of entries) is there whenever the ABI message is, even empty."""
    out: dict[str, Any] = {}
    for key in ("origin_address", "contract_address"):
        if obj.get(key) not in (None, ""):
            out[key] = _addr(obj, key)
    if obj.get("abi") is not None:
        abi = _object(obj, "abi")
        out["abi"] = normalize_abi(_list(abi, "entrys"))
    bytecode = _hex(obj, "bytecode")
    if bytecode:
        out["bytecode"] = bytecode
    _set_ints(out, obj, ("call_value", "consume_user_resource_percent"))
    name = _str(obj, "name")
    if name:
        out["name"] = name
    _set_ints(out, obj, ("origin_energy_limit",))
    for key in ("code_hash", "trx_hash"):
        data = _hex(obj, key)
        if data:
            out[key] = data
    _set_ints(out, obj, ("version",), low=-INT32_MAX, high=INT32_MAX)
    return out


def parse_contract_value(contract_type: str, value: dict[str, Any]) -> dict[str, Any]:
    """Normalise the parameters of a supported contract (addresses to raw bytes).

    ``CreateSmartContract`` gives ``owner_address``, ``new_contract`` (see
    :func:`_new_contract`: addresses raw, ``bytecode`` bytes, ``abi`` a list of entries in
    normal form) and ``call_token_value`` / ``token_id`` when not zero.
    """
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
    if contract_type == "CreateSmartContract":
        out = {"owner_address": _addr(value, "owner_address"),
               "new_contract": _new_contract(_object(value, "new_contract"))}
        _set_ints(out, value, ("call_token_value", "token_id"))
        return out
    raise TxFormatError(f"contract type {contract_type} is not supported")


def _smart_contract_message(new: dict[str, Any]) -> Any:
    message = tron_proto.SmartContract(
        origin_address=new.get("origin_address", b""),
        contract_address=new.get("contract_address", b""),
        bytecode=new.get("bytecode", b""),
        call_value=new.get("call_value", 0),
        consume_user_resource_percent=new.get("consume_user_resource_percent", 0),
        name=new.get("name", ""),
        origin_energy_limit=new.get("origin_energy_limit", 0),
        code_hash=new.get("code_hash", b""),
        trx_hash=new.get("trx_hash", b""),
        version=new.get("version", 0),
    )
    if "abi" in new:
        message.abi.CopyFrom(_abi_message(new["abi"]))
    return message


def contract_message(contract_type: str, value: dict[str, Any]) -> Any:
    """The protobuf message of a contract's parameters (normal form in, message out)."""
    if contract_type == "TransferContract":
        return tron_proto.TransferContract(owner_address=value["owner_address"],
                                           to_address=value["to_address"],
                                           amount=value["amount"])
    if contract_type == "TriggerSmartContract":
        return tron_proto.TriggerSmartContract(
            owner_address=value["owner_address"], contract_address=value["contract_address"],
            call_value=value.get("call_value", 0), data=value["data"],
            call_token_value=value.get("call_token_value", 0),
            token_id=value.get("token_id", 0))
    if contract_type == "CreateSmartContract":
        message = tron_proto.CreateSmartContract(
            owner_address=value["owner_address"],
            call_token_value=value.get("call_token_value", 0),
            token_id=value.get("token_id", 0))
        message.new_contract.CopyFrom(_smart_contract_message(value["new_contract"]))
        return message
    raise TxFormatError(f"contract type {contract_type} is not supported")


def serialize_raw(*, contract_type: str, type_url: str, value: dict[str, Any],
                  permission_id: int, ref_block_bytes: bytes, ref_block_hash: bytes,
                  expiration: int, timestamp: int, fee_limit: int, memo: bytes) -> bytes:
    """``Transaction.raw`` in protobuf wire format: the bytes whose sha256 is the txID."""
    if contract_type not in CONTRACT_TYPE_NUMBERS:
        raise TxFormatError(f"contract type {contract_type} is not supported")
    try:
        raw = tron_proto.Transaction.raw(
            ref_block_bytes=ref_block_bytes, ref_block_hash=ref_block_hash,
            expiration=expiration, data=memo, timestamp=timestamp, fee_limit=fee_limit)
        contract = raw.contract.add()
        contract.type = CONTRACT_TYPE_NUMBERS[contract_type]
        contract.parameter.type_url = type_url
        contract.parameter.value = contract_message(contract_type, value).SerializeToString()
        contract.Permission_id = permission_id
        return bytes(raw.SerializeToString())
    except TxFormatError:
        raise
    except (ValueError, TypeError) as exc:  # a value out of its protobuf type's range
        text = str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
        raise TxFormatError(f"cannot serialize the transaction: {text}") from None


# ---- transactions -----------------------------------------------------------------------------

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
            f"contract type {str(contract_type)[:40]} is not supported")
    parameter = contract.get("parameter")
    if not isinstance(parameter, dict):
        raise TxFormatError("contract parameter missing")
    type_url = parameter.get("type_url", f"type.googleapis.com/protocol.{contract_type}")
    if not isinstance(type_url, str):
        raise TxFormatError("type_url must be a string")
    value = parse_contract_value(contract_type, parameter.get("value"))  # type: ignore[arg-type]
    permission_id = _int(contract, "Permission_id", high=INT32_MAX)
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
                   timestamp: int, expiration: int, fee_limit: int = 0,
                   permission_id: int = 0) -> Tx:
    """Build an unsigned transaction (``createtransaction``, ``triggersmartcontract``,
    ``deploycontract``) from parameters in normal form (see :func:`parse_contract_value`)."""
    type_url = f"type.googleapis.com/protocol.{contract_type}"
    fields: dict[str, Any] = {
        "contract_type": contract_type,
        "type_url": type_url,
        "value": value,
        "permission_id": permission_id,
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


def create_contract_tx(*, owner: bytes, bytecode: bytes, ref_block_id: bytes, timestamp: int,
                       expiration: int, abi: list[Any] | str | None = None, name: str = "",
                       call_value: int = 0, consume_user_resource_percent: int = 0,
                       origin_energy_limit: int = 0, call_token_value: int = 0,
                       token_id: int = 0, fee_limit: int = 0, permission_id: int = 0) -> Tx:
    """An unsigned ``CreateSmartContract``, built as java-tron's ``deploycontract`` does.

    ``owner`` is the raw address (also the ``origin_address``); ``bytecode`` includes the
    encoded constructor arguments (java-tron appends the request's ``parameter``); ``abi``
    is a list of entries or the JSON text of one, in java-tron's or solc's spelling. The
    ABI is always set (empty if none is given). Bad values raise :class:`TxFormatError`.
    """
    if isinstance(abi, str):
        try:
            abi = json.loads(abi) if abi.strip() else []
        except ValueError:
            raise TxFormatError("field abi is not JSON") from None
    if not isinstance(owner, bytes):
        raise TxFormatError("field owner_address is not a TRON address")
    value = parse_contract_value("CreateSmartContract", {
        "owner_address": owner.hex(),
        "new_contract": {
            "origin_address": owner.hex(),
            "abi": {"entrys": abi if abi is not None else []},
            "bytecode": bytecode.hex(),
            "call_value": call_value,
            "consume_user_resource_percent": consume_user_resource_percent,
            "name": name,
            "origin_energy_limit": origin_energy_limit,
        },
        "call_token_value": call_token_value,
        "token_id": token_id,
    })
    if isinstance(fee_limit, bool) or not isinstance(fee_limit, int) or not (
            0 <= fee_limit <= INT64_MAX):
        raise TxFormatError("field fee_limit out of range")
    if isinstance(permission_id, bool) or not isinstance(permission_id, int) or not (
            0 <= permission_id <= INT32_MAX):
        raise TxFormatError("field Permission_id out of range")
    return tx_from_fields(contract_type="CreateSmartContract", value=value,
                          ref_block_id=ref_block_id, timestamp=timestamp,
                          expiration=expiration, fee_limit=fee_limit,
                          permission_id=permission_id)


def tx_to_record(tx: Tx) -> dict[str, Any]:
    """JSON-safe form for the state file (round-trips through :func:`tx_from_record`)."""
    return {"tx": tx.to_json(False), "signature": [s.hex() for s in tx.signatures]}


def tx_from_record(record: dict[str, Any]) -> Tx:
    payload = dict(record["tx"])
    payload["signature"] = record.get("signature", [])
    return parse_transaction(payload, require_signature=False)
