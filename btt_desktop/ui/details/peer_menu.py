"""The Peers tab's context menu: add peers, copy IP:port, ban for good, banned list."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QMessageBox, QTableView, QWidget

from btt_desktop.engine.addresses import format_peer
from btt_desktop.engine.types import PeerEntry
from btt_desktop.ui.add_peers_dialog import ask_add_peers, show_banned_peers
from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.record_table_model import RecordTableModel
from btt_desktop.ui.tasks import run_dialog

R = TypeVar("R")
Spawn = Callable[[Coroutine[Any, Any, Any]], object]


def _tr(text: str) -> str:
    return QCoreApplication.translate("PeerMenu", text)


def selected_records(view: QTableView, model: RecordTableModel[R]) -> list[R]:
    """The records of the selected rows, in the order shown."""
    proxy = view.model()
    assert isinstance(proxy, QSortFilterProxyModel)
    records = model.records()
    rows = sorted(view.selectionModel().selectedRows(), key=lambda i: i.row())
    return [records[proxy.mapToSource(index).row()] for index in rows]


def peer_menu(parent: QWidget, engine: EngineApi, spawn: Spawn, torrent_id: str,
              peers: list[PeerEntry]) -> QMenu:
    menu = QMenu(parent)
    menu.setObjectName("peer_menu")
    add = menu.addAction(_tr("Add Peers…"))
    add.triggered.connect(lambda: spawn(ask_add_peers(parent, engine, torrent_id)))
    menu.addSeparator()
    copy = menu.addAction(_tr("Copy IP:port"))
    copy.setEnabled(bool(peers))
    copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(
        "\n".join(format_peer(p.ip, p.port) for p in peers)))
    ban = menu.addAction(_tr("Ban Peer Permanently"))
    ban.setEnabled(bool(peers))
    ban.triggered.connect(lambda: spawn(confirm_ban(parent, engine, peers)))
    menu.addSeparator()
    banned = menu.addAction(_tr("Banned Peers…"))
    banned.triggered.connect(lambda: spawn(show_banned_peers(parent, engine, spawn)))
    return menu


async def confirm_ban(parent: QWidget, engine: EngineApi, peers: list[PeerEntry]) -> None:
    ips = sorted({p.ip for p in peers})
    box = QMessageBox(QMessageBox.Icon.Question, _tr("Ban Peers"),
                      _tr("Ban {addresses} permanently? Peers from there are dropped now and "
                          "refused from now on, in every torrent.").format(
                              addresses=", ".join(ips)),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                      parent)
    box.setObjectName("ban_confirm")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    yes = box.button(QMessageBox.StandardButton.Yes)
    yes.setText(_tr("Ban"))
    try:
        await run_dialog(box)
        if box.clickedButton() is yes:
            await engine.ban_peers(ips)
    finally:
        box.deleteLater()
