"""The Trackers tab's context menu: add, edit, remove, copy, force reannounce."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from btt_desktop.engine.types import TrackerEntry, TrackerKind
from btt_desktop.ui.details.peer_menu import Spawn
from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.trackers_dialog import ask_add_trackers, ask_edit_tracker


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrackerMenu", text)


def tracker_menu(parent: QWidget, engine: EngineApi, spawn: Spawn, torrent_id: str,
                 selected: list[TrackerEntry]) -> QMenu:
    """DHT, PeX and LSD rows can be selected but not edited: only URL rows count."""
    urls = [t.url for t in selected if t.kind == TrackerKind.URL]
    menu = QMenu(parent)
    menu.setObjectName("tracker_menu")
    add = menu.addAction(_tr("Add Trackers…"))
    add.triggered.connect(lambda: spawn(ask_add_trackers(parent, engine, torrent_id)))
    edit = menu.addAction(_tr("Edit Tracker URL…"))
    edit.setEnabled(len(urls) == 1)
    edit.triggered.connect(lambda: spawn(ask_edit_tracker(parent, engine, torrent_id, urls[0])))
    remove = menu.addAction(_tr("Remove Tracker"))
    remove.setEnabled(bool(urls))
    remove.triggered.connect(lambda: spawn(engine.remove_trackers(torrent_id, urls)))
    menu.addSeparator()
    copy = menu.addAction(_tr("Copy Tracker URL"))
    copy.setEnabled(bool(urls))
    copy.triggered.connect(lambda: QGuiApplication.clipboard().setText("\n".join(urls)))
    menu.addSeparator()
    reannounce = menu.addAction(_tr("Force Reannounce"))
    reannounce.setToolTip(_tr("To the selected trackers, or to all of them and the DHT"))
    reannounce.triggered.connect(
        lambda: spawn(engine.force_reannounce([torrent_id], urls or None)))
    return menu
