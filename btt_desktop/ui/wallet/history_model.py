"""The transactions table: one row per :class:`TxRecord`, newest first.

Columns: when, what (a transfer, a vault deposit, a cheque cashed, a contract call...),
the amount with its token, who or which contract, the fee this account paid, and the
result; a failed transaction's result is red and bold, its reason in the tooltip.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from btt_desktop.ui.theme import Tone, tone_color
from btt_desktop.ui.wallet.amounts_text import glance_amount, group_digits
from btt_desktop.wallet.amounts import TRX_DECIMALS, format_amount
from btt_desktop.wallet.chain import TxRecord

TXID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
CONTEXT = "HistoryModel"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class HistoryColumn(IntEnum):
    TIME = 0
    KIND = 1
    AMOUNT = 2
    COUNTERPARTY = 3
    FEE = 4
    RESULT = 5


def kind_text(record: TxRecord) -> str:
    """What the transaction was, in a word or two."""
    if record.kind == "send":
        return _tr("Sent")
    if record.kind == "receive":
        return _tr("Received")
    if record.kind == "approve":
        return _tr("Approval")
    if record.kind == "deposit":
        return _tr("Vault deposit")
    if record.kind == "announceWithdrawal":
        return _tr("Withdrawal notice")
    if record.kind == "withdraw":
        return _tr("Vault withdrawal")
    if record.kind == "cash":
        return _tr("Cheque cashed")
    if record.kind == "cashBatch":
        return _tr("Cheques cashed")
    if record.kind == "deploy":
        return _tr("Contract deployed")
    if record.kind == "call" and record.function:
        return _tr("Call: {function}").format(function=record.function)
    if record.kind == "call":
        return _tr("Contract call")
    return record.function or record.kind


def amount_text(record: TxRecord, *, exact: bool = False) -> str:
    """Signed, to six decimals at most (``exact``: every digit, as in the tooltip)."""
    if record.token is None:
        return "—"
    sign = {"in": "+", "out": "−"}.get(record.direction, "")
    shown = (group_digits(format_amount(record.amount, record.decimals)) if exact
             else glance_amount(record.amount, record.decimals))
    return f"{sign}{shown} {record.token}"


def party_text(record: TxRecord) -> str:
    if record.counterparty:
        if record.direction == "in":
            return _tr("from {address}").format(address=record.counterparty)
        return _tr("to {address}").format(address=record.counterparty)
    if record.contract:
        return _tr("contract {address}").format(address=record.contract)
    return "—"


def result_text(record: TxRecord) -> str:
    if not record.failed:
        return _tr("Confirmed")
    return _tr("✗ Failed")


def details(record: TxRecord) -> str:
    """The row's tooltip: everything, one fact a line."""
    lines = [_tr("Transaction {txid}").format(txid=record.txid)]
    if record.token is not None:
        lines.append(_tr("Amount {amount}").format(amount=amount_text(record, exact=True)))
    if record.contract:
        lines.append(_tr("Contract {address}").format(address=record.contract))
    if record.function:
        lines.append(_tr("Function {name}").format(name=record.function))
    if record.failed:
        reason = record.reason or record.result
        lines.append(_tr("Failed ({result}): {reason}").format(result=record.result,
                                                                reason=reason))
    lines.append(_tr("Double-click to copy the transaction ID"))
    return "\n".join(lines)


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TxRecord] = []

    def set_records(self, records: list[TxRecord] | tuple[TxRecord, ...]) -> None:
        if list(records) == self._rows:
            return
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def records(self) -> list[TxRecord]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HistoryColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Time"), self.tr("Type"), self.tr("Amount"),
                self.tr("From / to / contract"), self.tr("Fee"), self.tr("Result")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = HistoryColumn(index.column())
        if role == TXID_ROLE:
            return record.txid
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return details(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (HistoryColumn.AMOUNT,
                                                                    HistoryColumn.FEE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if record.failed and column in (HistoryColumn.RESULT, HistoryColumn.KIND):
                return tone_color(Tone.ERROR)
            if column == HistoryColumn.AMOUNT and record.direction == "in":
                return tone_color(Tone.GOOD)
        if role == Qt.ItemDataRole.FontRole and record.failed \
                and column == HistoryColumn.RESULT:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, record: TxRecord, column: HistoryColumn) -> str:
        if column == HistoryColumn.TIME:
            stamp = QDateTime.fromMSecsSinceEpoch(record.timestamp_ms)
            return stamp.toString("yyyy-MM-dd HH:mm")
        if column == HistoryColumn.KIND:
            return kind_text(record)
        if column == HistoryColumn.AMOUNT:
            return amount_text(record)
        if column == HistoryColumn.COUNTERPARTY:
            return party_text(record)
        if column == HistoryColumn.FEE:
            if not record.fee_sun and record.kind == "receive":
                return "—"  # another account sent it and paid
            return f"{group_digits(format_amount(record.fee_sun, TRX_DECIMALS))} TRX"
        return result_text(record)
