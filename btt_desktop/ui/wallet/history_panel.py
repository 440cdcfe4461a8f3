"""The wallet page's "Recent transactions": the heading, a line about what the list may
miss, and the table (history_model.py).

The list shows at once from the cache (``WalletService.history(refresh=False)``), then
grows with what the node reports. Loads run as tasks on the loop, one at a time: a reload
asked for while one runs follows it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.errors import BttError
from btt_desktop.tasks import TaskSet
from btt_desktop.ui.theme import Tone, set_tone
from btt_desktop.ui.wallet.clipboard import copy_text
from btt_desktop.ui.wallet.history_model import HistoryColumn, HistoryModel
from btt_desktop.wallet.history_sync import HistoryView
from btt_desktop.wallet.service import WalletService

log = logging.getLogger(__name__)

COLUMN_WIDTHS = ((HistoryColumn.TIME, 120), (HistoryColumn.KIND, 140),
                 (HistoryColumn.AMOUNT, 160), (HistoryColumn.FEE, 100),
                 (HistoryColumn.RESULT, 100))


class HistoryPanel(QWidget):
    """The current account's transactions, newest first (``limit`` of them)."""

    def __init__(self, service: WalletService, heading: QLabel, *, limit: int = 20,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_panel")
        self.service = service
        self.limit = limit
        self.model = HistoryModel(self)
        self._task: asyncio.Task[None] | None = None
        self._tasks = TaskSet("wallet history")
        self._again: bool | None = None  # a reload asked for while one runs (refresh?)

        self.note = QLabel()
        self.note.setObjectName("history_note")
        self.note.setWordWrap(True)
        set_tone(self.note, Tone.WARNING)
        self.note.setVisible(False)
        self.empty = QLabel(self.tr("No transactions yet."))
        self.empty.setObjectName("history_empty")
        set_tone(self.empty, Tone.MUTED)
        self.view = QTableView()
        self.view.setObjectName("history_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # addresses keep both ends
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(HistoryColumn.COUNTERPARTY, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        for column, width in COLUMN_WIDTHS:
            self.view.setColumnWidth(column, width)
        self.view.doubleClicked.connect(
            lambda index: copy_text(self.model.records()[index.row()].txid))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.note)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)

    # --- what the pane asks for ----------------------------------------------------

    def clear(self) -> None:
        """Another account or network: empty, until the cache and the node answer."""
        self.model.set_records([])
        self.note.setVisible(False)
        self.empty.setText(self.tr("Loading…"))
        self.empty.setVisible(True)

    def node_unreachable(self) -> None:
        if not self.model.rowCount():
            self.empty.setText(self.tr("Not loaded: the node cannot be reached."))

    def reload(self, refresh: bool = True) -> None:
        """Load the cached list (``refresh`` False) or ask the node, on the loop."""
        if self._task is not None and not self._task.done():
            self._again = bool(self._again) or refresh
            return
        self._task = self._tasks.spawn(self._load(refresh))

    async def stop(self) -> None:
        self._again = None
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task

    # --- loading ---------------------------------------------------------------------

    async def _load(self, refresh: bool) -> None:
        while True:
            address = self.service.info.address
            try:
                view = await self.service.history(self.limit, refresh=refresh)
            except BttError as exc:
                self.empty.setText(self.tr("Transactions unavailable: {reason}").format(
                    reason=str(exc)))
                self.empty.setVisible(True)
            except Exception:
                log.exception("loading the transaction history failed")
            else:
                if address == self.service.info.address:
                    self.show_view(view)
            if self._again is None:
                return
            refresh, self._again = self._again, None

    def show_view(self, view: HistoryView) -> None:
        self.model.set_records(view.records)
        notes = []
        if view.stale_reason is not None and view.records:
            notes.append(self.tr("Saved list: the node did not answer ({reason}).").format(
                reason=view.stale_reason))
        if view.partial:
            notes.append(self.tr("Partial history: {reason}").format(reason=view.partial))
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))
        if view.records:
            self.empty.setVisible(False)
        elif view.stale_reason is not None:
            self.empty.setText(self.tr("Not loaded: the node cannot be reached."))
            self.empty.setVisible(True)
        elif view.refreshed:
            self.empty.setText(self.tr("No transactions yet."))
            self.empty.setVisible(True)
