"""The recent-transactions table: one row per :class:`TxRecord`, newest first."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from btt_desktop.ui.wallet.amounts_text import token_amount
from btt_desktop.wallet.chain import TxRecord

TXID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class HistoryColumn(IntEnum):
    TIME = 0
    DIRECTION = 1
    AMOUNT = 2
    COUNTERPARTY = 3
    STATUS = 4
    TXID = 5


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TxRecord] = []

    def set_records(self, records: list[TxRecord]) -> None:
        if records == self._rows:
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
        return [self.tr("Time"), self.tr("Type"), self.tr("Amount"), self.tr("From / to"),
                self.tr("Status"), self.tr("Transaction")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = HistoryColumn(index.column())
        if role == TXID_ROLE:
            return record.txid
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(record, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (HistoryColumn.COUNTERPARTY,
                                                               HistoryColumn.TXID):
            return record.counterparty if column == HistoryColumn.COUNTERPARTY else record.txid
        if role == Qt.ItemDataRole.TextAlignmentRole and column == HistoryColumn.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == HistoryColumn.AMOUNT:
            if record.direction == "in":
                return QColor("#1e8449")
            if record.status not in ("SUCCESS", ""):
                return QColor("#c0392b")
        return None

    def _text(self, record: TxRecord, column: HistoryColumn) -> str:
        if column == HistoryColumn.TIME:
            stamp = QDateTime.fromMSecsSinceEpoch(record.timestamp_ms)
            return stamp.toString("yyyy-MM-dd HH:mm:ss")
        if column == HistoryColumn.DIRECTION:
            return {"in": self.tr("Received"), "out": self.tr("Sent"),
                    "self": self.tr("To self")}.get(record.direction, record.direction)
        if column == HistoryColumn.AMOUNT:
            if record.token not in ("TRX", "BTT"):
                return self.tr("contract call")
            sign = "+" if record.direction == "in" else "−" if record.direction == "out" else ""
            return f"{sign}{token_amount(record.amount, record.token)} {record.token}"
        if column == HistoryColumn.COUNTERPARTY:
            return record.counterparty or ""
        if column == HistoryColumn.STATUS:
            return self.tr("Confirmed") if record.status == "SUCCESS" else record.status.title()
        return record.txid[:16] + "…"
