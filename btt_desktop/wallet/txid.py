"""A TRON transaction's id, computed here from its raw data.

The id is sha256 of ``raw_data`` serialized as protobuf (``Transaction.raw`` of
java-tron's Tron.proto; :mod:`btt_desktop.tron.txcodec`), and the id is what a signature
covers. A node builds the transactions the wallet signs and reports their ids;
:class:`~.signer.WalletSigner` recomputes the id from the raw data it checked (the owner
among them), so a node cannot obtain a signature over something else.

Only the kinds of transaction this app makes are known: TRX transfers
(``TransferContract``), contract calls (``TriggerSmartContract``: TRC-20 transfers, the
Speed vault) and deployments (``CreateSmartContract``: ``btt vault deploy``). Anything
else is :class:`UncheckableTransaction`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from btt_desktop.errors import WalletError
from btt_desktop.tron.addresses import to_base58
from btt_desktop.tron.txcodec import Tx, TxFormatError, parse_transaction


class UncheckableTransaction(WalletError):
    """Raw data this wallet cannot serialize, so it does not sign it."""


def _parse(raw_data: Mapping[str, Any]) -> Tx:
    if not isinstance(raw_data, Mapping):
        raise UncheckableTransaction("the transaction has no raw data")
    try:
        return parse_transaction({"raw_data": dict(raw_data)}, require_signature=False)
    except TxFormatError as exc:
        raise UncheckableTransaction(f"the wallet cannot check this transaction ({exc}), "
                                     f"so it does not sign it") from None


def raw_data_bytes(raw_data: Mapping[str, Any]) -> bytes:
    """``raw_data`` serialized as protobuf ``Transaction.raw``, as java-tron does."""
    return _parse(raw_data).raw_bytes


def transaction_id(raw_data: Mapping[str, Any]) -> str:
    """The hex id of a transaction with this ``raw_data`` (tronpy / java-tron JSON)."""
    return hashlib.sha256(raw_data_bytes(raw_data)).hexdigest()


def owner_addresses(raw_data: Mapping[str, Any]) -> list[str]:
    """The base58 owner of the transaction's contract (who pays and signs)."""
    return [to_base58(_parse(raw_data).owner)]
