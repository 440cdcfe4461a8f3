"""Add peers by hand (IP:port, [IPv6]:port, one per line), and the banned-peers list."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.engine.addresses import parse_peer_lines
from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.lines_dialog import CheckedLinesDialog
from btt_desktop.ui.tasks import run_dialog

Spawn = Callable[[Coroutine[Any, Any, Any]], object]


def _tr(text: str) -> str:
    return QCoreApplication.translate("AddPeersDialog", text)


class AddPeersDialog(CheckedLinesDialog[tuple[str, int]]):
    def __init__(self, torrent_name: str, parent: QWidget | None = None) -> None:
        super().__init__(
            title=_tr("Add Peers"),
            prompt=_tr("Peers to connect to for {name}, one IP:port per line "
                       "(an IPv6 address in brackets):").format(name=torrent_name),
            placeholder="192.0.2.7:6881\n[2001:db8::7]:6881",
            parse=parse_peer_lines,
            bad_sentence=lambda lines: _tr("Not IP:port: {lines}.").format(lines=lines),
            ok_text=_tr("Add"), parent=parent)
        self.setObjectName("add_peers_dialog")


async def ask_add_peers(parent: QWidget, engine: EngineApi, torrent_id: str) -> None:
    """Ask for peers and dial them for the torrent."""
    snapshot = engine.snapshot(torrent_id)
    dialog = AddPeersDialog(snapshot.name if snapshot else torrent_id, parent)
    try:
        if await run_dialog(dialog) == QDialog.DialogCode.Accepted:
            await engine.add_peers(torrent_id, dialog.items())
    finally:
        dialog.deleteLater()


class BannedPeersDialog(QDialog):
    """The permanently banned IPs; select some and unban them."""

    def __init__(self, engine: EngineApi, spawn: Spawn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banned_peers_dialog")
        self._spawn = spawn
        self.setWindowTitle(_tr("Banned Peers"))
        self.resize(420, 320)
        self._engine = engine
        note = QLabel(_tr("Peers from these addresses are refused, in every torrent."))
        note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("banned_list")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.empty = QLabel(_tr("No peer is banned."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.unban_button = QPushButton(_tr("Unban"))
        self.unban_button.setObjectName("unban")
        self.unban_button.clicked.connect(self._unban)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.unban_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        banned = self._engine.banned_peers()
        self.list.addItems(list(banned))
        self.empty.setVisible(not banned)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.unban_button.setEnabled(bool(self.list.selectedItems()))

    def _unban(self) -> None:
        ips = [item.text() for item in self.list.selectedItems()]
        if not ips:
            return

        async def unban() -> None:
            await self._engine.unban_peers(ips)
            self._fill()
        self._spawn(unban())


async def show_banned_peers(parent: QWidget, engine: EngineApi, spawn: Spawn) -> None:
    dialog = BannedPeersDialog(engine, spawn, parent)
    try:
        await run_dialog(dialog)
    finally:
        dialog.deleteLater()
