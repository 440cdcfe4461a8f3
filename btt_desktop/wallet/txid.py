"""A TRON transaction's id, computed here from its raw data.

The id is sha256 of ``raw_data`` serialized as protobuf (``Transaction.raw`` of
java-tron's Tron.proto), and the id is what a signature covers. A node builds the
transactions the wallet signs and reports their ids; :class:`~.signer.WalletSigner`
recomputes the id from the raw data it checked (owner, recipient, amount), so a node
cannot obtain a signature over something else.

Only the kinds of transaction this app makes are known: TRX transfers
(``TransferContract``) and contract calls (``TriggerSmartContract``: TRC-20 transfers,
Speed's vault). Anything else is :class:`UncheckableTransaction`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from tronpy.keys import to_base58check_address, to_raw_address

from btt_desktop.errors import WalletError


class UncheckableTransaction(WalletError):
    """Raw data this module cannot serialize, so the wallet does not sign it."""


# field number, kind ("address", "bytes" (hex text), "int")
_Fields = tuple[tuple[str, int, str], ...]

_CONTRACTS: dict[str, tuple[int, _Fields]] = {
    "TransferContract": (1, (("owner_address", 1, "address"), ("to_address", 2, "address"),
                             ("amount", 3, "int"))),
    "TriggerSmartContract": (31, (("owner_address", 1, "address"),
                                  ("contract_address", 2, "address"), ("call_value", 3, "int"),
                                  ("data", 4, "bytes"), ("call_token_value", 5, "int"),
                                  ("token_id", 6, "int"))),
}
_RAW_FIELDS: _Fields = (("ref_block_bytes", 1, "bytes"), ("ref_block_num", 3, "int"),
                        ("ref_block_hash", 4, "bytes"), ("expiration", 8, "int"),
                        ("data", 10, "bytes"), ("contract", 11, "contracts"),
                        ("timestamp", 14, "int"), ("fee_limit", 18, "int"))
_CONTRACT_KEYS = {"type", "parameter", "Permission_id"}


def transaction_id(raw_data: Mapping[str, Any]) -> str:
    """The hex id of a transaction with this ``raw_data`` (tronpy / java-tron JSON)."""
    return hashlib.sha256(raw_data_bytes(raw_data)).hexdigest()


def raw_data_bytes(raw_data: Mapping[str, Any]) -> bytes:
    """``raw_data`` serialized as protobuf ``Transaction.raw``, as java-tron does."""
    if not isinstance(raw_data, Mapping):
        raise UncheckableTransaction("the transaction has no raw data")
    _refuse_unknown(raw_data, {name for name, _, _ in _RAW_FIELDS}, "transaction")
    return _message(raw_data, _RAW_FIELDS)


def owner_addresses(raw_data: Mapping[str, Any]) -> list[str]:
    """The base58 owner of each contract in ``raw_data`` (who pays and signs)."""
    contracts = raw_data.get("contract") if isinstance(raw_data, Mapping) else None
    if not isinstance(contracts, list) or not contracts:
        raise UncheckableTransaction("the transaction has no contract")
    owners = []
    for contract in contracts:
        try:
            owners.append(to_base58check_address(contract["parameter"]["value"]
                                                 ["owner_address"]))
        except (KeyError, TypeError, ValueError):
            raise UncheckableTransaction("a contract of the transaction has no valid "
                                         "owner address") from None
    return owners


def _message(values: Mapping[str, Any], fields: _Fields) -> bytes:
    out = bytearray()
    for name, number, kind in fields:
        value = values.get(name)
        if value is None:
            continue
        if kind == "int":
            if not isinstance(value, int) or isinstance(value, bool):
                raise UncheckableTransaction(f"the transaction's {name} is not a number")
            if value:
                out += _varint(number << 3) + _varint(value)
        elif kind == "contracts":
            if not isinstance(value, list) or not value:
                raise UncheckableTransaction("the transaction has no contract")
            for contract in value:
                out += _length_delimited(number, _contract(contract))
        else:
            out += _length_delimited(number, _binary(name, value, kind))
    return bytes(out)


def _contract(contract: Any) -> bytes:
    if not isinstance(contract, Mapping):
        raise UncheckableTransaction("a contract of the transaction is not an object")
    _refuse_unknown(contract, _CONTRACT_KEYS, "contract")
    kind = contract.get("type")
    if kind not in _CONTRACTS:
        raise UncheckableTransaction(f"the wallet does not sign {str(kind)[:40]} "
                                     f"transactions, only TRX transfers and contract calls")
    type_number, fields = _CONTRACTS[kind]
    parameter = contract.get("parameter")
    value = parameter.get("value") if isinstance(parameter, Mapping) else None
    if not isinstance(parameter, Mapping) or not isinstance(value, Mapping):
        raise UncheckableTransaction(f"the {kind} has no parameter")
    _refuse_unknown(parameter, {"type_url", "value"}, kind)
    _refuse_unknown(value, {name for name, _, _ in fields}, kind)
    type_url = str(parameter.get("type_url") or f"type.googleapis.com/protocol.{kind}")
    any_message = (_length_delimited(1, type_url.encode())
                   + _length_delimited(2, _message(value, fields)))
    return _message({"type": type_number, "parameter": any_message,
                     "Permission_id": contract.get("Permission_id")},
                    (("type", 1, "int"), ("parameter", 2, "raw"), ("Permission_id", 5, "int")))


def _binary(name: str, value: Any, kind: str) -> bytes:
    if kind == "raw":
        return bytes(value)
    try:
        if kind == "address":
            return bytes(to_raw_address(value))
        return bytes.fromhex(value)
    except (TypeError, ValueError):
        raise UncheckableTransaction(f"the transaction's {name} is malformed") from None


def _refuse_unknown(values: Mapping[str, Any], known: set[str], what: str) -> None:
    unknown = sorted(str(key)[:40] for key in values if key not in known)
    if unknown:
        raise UncheckableTransaction(f"the wallet cannot check the {what} field "
                                     f"{unknown[0]!r}, so it does not sign it")


def _length_delimited(number: int, payload: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload if payload else b""


def _varint(value: int) -> bytes:
    if value < 0:  # int64 two's complement, as protobuf writes negative numbers
        value += 1 << 64
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if not value:
            out.append(byte)
            return bytes(out)
        out.append(byte | 0x80)
