"""TRON's protobuf messages (wallet and devnet), on the ``google.protobuf`` runtime.

``Transaction`` (with ``Transaction.raw`` and ``Transaction.Contract``), ``TransferContract``
and ``TriggerSmartContract`` are tronpy's generated classes (``tronpy/proto/tron_pb2.py``).
The messages tronpy lacks are declared here, from Python, as a ``FileDescriptorProto`` added
to the default descriptor pool under a file name of our own
(``btt_desktop/devnet/tron_contracts.proto``, package ``protocol``, no dependency), so they
sit next to tronpy's ``tron.proto`` without clashing:

- ``CreateSmartContract`` and ``SmartContract`` with its nested ``ABI``, ``ABI.Entry``,
  ``ABI.Entry.Param`` and the enums ``ABI.Entry.EntryType`` and
  ``ABI.Entry.StateMutabilityType``;
- ``BlockHeader`` and ``BlockHeader.raw``.

Their field names, numbers and types are exactly java-tron's, read from
``protocol/src/main/protos/core/contract/smart_contract.proto`` (the contract messages) and
``protocol/src/main/protos/core/Tron.proto`` (the block header) of tronprotocol/java-tron
(commit 1e35f79a, May 2025). They are wire-format facts: a number may change here only if
java-tron changes it, or transaction and block ids stop matching the real network's.
"""

from __future__ import annotations

from typing import Any

from google.protobuf import any_pb2, descriptor_pb2, descriptor_pool, message_factory
from tronpy.proto import tron_pb2

FILE_NAME = "btt_desktop/devnet/tron_contracts.proto"

_F = descriptor_pb2.FieldDescriptorProto
_SCALARS = {"bool": _F.TYPE_BOOL, "string": _F.TYPE_STRING, "bytes": _F.TYPE_BYTES,
            "int32": _F.TYPE_INT32, "int64": _F.TYPE_INT64}
_ENTRY = ".protocol.SmartContract.ABI.Entry"


def _field(name: str, number: int, kind: str, *, repeated: bool = False) -> Any:
    """A field: ``kind`` is a scalar type, ``enum .full.Name`` or a message's ``.full.Name``."""
    field = _F(name=name, number=number,
               label=_F.LABEL_REPEATED if repeated else _F.LABEL_OPTIONAL)
    if kind in _SCALARS:
        field.type = _SCALARS[kind]
    elif kind.startswith("enum "):
        field.type = _F.TYPE_ENUM
        field.type_name = kind[5:]
    else:
        field.type = _F.TYPE_MESSAGE
        field.type_name = kind
    return field


def _enum(name: str, values: list[str]) -> Any:
    """An enum whose values are numbered 0, 1, 2 ... in the order given."""
    return descriptor_pb2.EnumDescriptorProto(name=name, value=[
        descriptor_pb2.EnumValueDescriptorProto(name=v, number=i) for i, v in enumerate(values)])


def _message(name: str, fields: list[Any], *, nested: tuple[Any, ...] = (),
             enums: tuple[Any, ...] = ()) -> Any:
    return descriptor_pb2.DescriptorProto(name=name, field=fields, nested_type=list(nested),
                                          enum_type=list(enums))


def file_descriptor_proto() -> Any:
    """Our ``FileDescriptorProto`` (proto3), built field by field."""
    param = _message("Param", [
        _field("indexed", 1, "bool"),
        _field("name", 2, "string"),
        _field("type", 3, "string"),
    ])
    entry = _message("Entry", [
        _field("anonymous", 1, "bool"),
        _field("constant", 2, "bool"),
        _field("name", 3, "string"),
        _field("inputs", 4, _ENTRY + ".Param", repeated=True),
        _field("outputs", 5, _ENTRY + ".Param", repeated=True),
        _field("type", 6, "enum " + _ENTRY + ".EntryType"),
        _field("payable", 7, "bool"),
        _field("stateMutability", 8, "enum " + _ENTRY + ".StateMutabilityType"),
    ], nested=(param,), enums=(
        _enum("EntryType", ["UnknownEntryType", "Constructor", "Function", "Event", "Fallback",
                            "Receive", "Error"]),
        _enum("StateMutabilityType", ["UnknownMutabilityType", "Pure", "View", "Nonpayable",
                                      "Payable"]),
    ))
    abi = _message("ABI", [_field("entrys", 1, _ENTRY, repeated=True)], nested=(entry,))
    smart_contract = _message("SmartContract", [
        _field("origin_address", 1, "bytes"),
        _field("contract_address", 2, "bytes"),
        _field("abi", 3, ".protocol.SmartContract.ABI"),
        _field("bytecode", 4, "bytes"),
        _field("call_value", 5, "int64"),
        _field("consume_user_resource_percent", 6, "int64"),
        _field("name", 7, "string"),
        _field("origin_energy_limit", 8, "int64"),
        _field("code_hash", 9, "bytes"),
        _field("trx_hash", 10, "bytes"),
        _field("version", 11, "int32"),
    ], nested=(abi,))
    create_smart_contract = _message("CreateSmartContract", [
        _field("owner_address", 1, "bytes"),
        _field("new_contract", 2, ".protocol.SmartContract"),
        _field("call_token_value", 3, "int64"),
        _field("token_id", 4, "int64"),
    ])
    header_raw = _message("raw", [
        _field("timestamp", 1, "int64"),
        _field("txTrieRoot", 2, "bytes"),
        _field("parentHash", 3, "bytes"),
        _field("number", 7, "int64"),
        _field("witness_id", 8, "int64"),
        _field("witness_address", 9, "bytes"),
        _field("version", 10, "int32"),
        _field("accountStateRoot", 11, "bytes"),
    ])
    block_header = _message("BlockHeader", [
        _field("raw_data", 1, ".protocol.BlockHeader.raw"),
        _field("witness_signature", 2, "bytes"),
    ], nested=(header_raw,))
    return descriptor_pb2.FileDescriptorProto(
        name=FILE_NAME, package="protocol", syntax="proto3",
        message_type=[smart_contract, create_smart_contract, block_header])


def _load() -> Any:
    """Add our file to the default pool once (a second import finds it there)."""
    pool = descriptor_pool.Default()
    try:
        pool.FindFileByName(FILE_NAME)
    except KeyError:
        pool.AddSerializedFile(file_descriptor_proto().SerializeToString())
    return pool


_POOL = _load()


def _class(full_name: str) -> Any:
    return message_factory.GetMessageClass(_POOL.FindMessageTypeByName(full_name))


# tronpy's generated classes
Transaction: Any = tron_pb2.Transaction
TransferContract: Any = tron_pb2.TransferContract
TriggerSmartContract: Any = tron_pb2.TriggerSmartContract
AnyMessage: Any = any_pb2.Any

# ours
SmartContract: Any = _class("protocol.SmartContract")
ABI: Any = _class("protocol.SmartContract.ABI")
ABIEntry: Any = _class("protocol.SmartContract.ABI.Entry")
ABIParam: Any = _class("protocol.SmartContract.ABI.Entry.Param")
CreateSmartContract: Any = _class("protocol.CreateSmartContract")
BlockHeader: Any = _class("protocol.BlockHeader")
BlockHeaderRaw: Any = _class("protocol.BlockHeader.raw")


def enum_names(enum: str) -> list[str]:
    """The value names of ``ABIEntry``'s enum ``enum``, in number order (index = number)."""
    values = ABIEntry.DESCRIPTOR.enum_types_by_name[enum].values
    return [v.name for v in sorted(values, key=lambda v: v.number)]


ENTRY_TYPES = enum_names("EntryType")
STATE_MUTABILITIES = enum_names("StateMutabilityType")
