"""Peers and trackers by hand from the window: the context menus, the Add peers and Add
trackers dialogs (checked line by line), banning from the Peers tab, the banned list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QMessageBox, QTableView

from btt_desktop.engine.types import AddParams, TorrentState, TrackerStatus
from btt_desktop.ui.add_peers_dialog import AddPeersDialog, BannedPeersDialog
from btt_desktop.ui.trackers_dialog import AddTrackersDialog, EditTrackerDialog
from tests.ui.conftest import PeerFactory, WindowRig
from tests.ui.ui_helpers import find_widget, make_torrent, until

pytestmark = pytest.mark.timeout(90)


def _texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def _enabled(menu: QMenu, text: str) -> bool:
    return next(a for a in menu.actions() if a.text() == text).isEnabled()


def _trigger(menu: QMenu, text: str) -> None:
    next(a for a in menu.actions() if a.text() == text).trigger()


def _row_showing(view: QTableView, column: int, text: str) -> int:
    shown = view.model()
    return next(r for r in range(shown.rowCount()) if shown.index(r, column).data() == text)


def _select_row(view: QTableView, row: int) -> None:
    view.selectionModel().select(
        view.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


async def test_add_a_peer_copy_it_and_ban_it(rig: WindowRig, make_peer: PeerFactory,
                                             tmp_path: Path) -> None:
    window, engine = rig.window, rig.engine
    seeder = await make_peer()
    _content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 3_000_000},
                                           piece_size=16384)
    sid = await seeder.engine.add(AddParams(save_path=str(tmp_path / "seed"),
                                            torrent_path=str(torrent)))
    await until(lambda: (s := seeder.engine.snapshot(sid)) is not None
                and s.state == TorrentState.SEEDING, 20, "the seeder")
    tid = await engine.add(AddParams(save_path=str(tmp_path / "downloads"),
                                     torrent_path=str(torrent)))
    await engine.set_limits(tid, download=40_000)  # still connected when it is banned
    await until(lambda: window.model.rowCount() == 1, 10, "the row")
    assert window.select_torrent(tid)
    panel = window.details
    panel.tabs.setCurrentWidget(panel.peers)
    tab = panel.peers
    await until(lambda: tab.make_menu() is not None, 10, "the peers tab")

    # the torrent's context menu has the same two entries
    window.torrents.context_menu(QPoint(5, 5))
    list_menu = await until(lambda: find_widget(window, QMenu), 5, "the list menu")
    assert {"Add Peers…", "Force Reannounce"} <= set(_texts(list_menu))
    list_menu.close()

    menu = tab.make_menu()
    assert menu is not None
    assert _texts(menu) == ["Add Peers…", "Copy IP:port", "Ban Peer Permanently",
                            "Banned Peers…"]
    assert not _enabled(menu, "Ban Peer Permanently")  # no peer selected
    _trigger(menu, "Add Peers…")
    dialog = await until(lambda: find_widget(window, AddPeersDialog), 5, "the dialog")
    ip, port = seeder.endpoint
    dialog.text.setPlainText(f"{ip}:{port}\nnot-a-peer\n[::1]:6881\n10.0.0.1:99999")
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_label.text() == "Not IP:port: not-a-peer, 10.0.0.1:99999."
    dialog.text.setPlainText(f"{ip}:{port}\n")
    assert dialog.ok_button.isEnabled() and dialog.error_label.text() == ""
    dialog.ok_button.click()
    await until(lambda: [p.ip for p in tab.model.records()] == [ip], 20, "the peer in the tab")

    _select_row(tab.view, 0)
    menu = tab.make_menu()
    assert menu is not None and _enabled(menu, "Ban Peer Permanently")
    _trigger(menu, "Copy IP:port")
    assert QGuiApplication.clipboard().text() == f"{ip}:{port}"
    _trigger(menu, "Ban Peer Permanently")
    box = await until(lambda: find_widget(window, QMessageBox), 5, "the confirmation")
    assert ip in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    await until(lambda: engine.banned_peers() == (ip,), 5, "the ban")
    await until(lambda: tab.model.records() == [], 5, "the peer to drop")

    # the banned list, from the Tools menu: unban
    window.actions_.banned_peers.trigger()
    banned = await until(lambda: find_widget(window, BannedPeersDialog), 5, "banned list")
    assert [banned.list.item(i).text() for i in range(banned.list.count())] == [ip]
    assert not banned.unban_button.isEnabled()
    banned.list.item(0).setSelected(True)
    banned.unban_button.click()
    await until(lambda: engine.banned_peers() == () and banned.list.count() == 0, 5, "unban")
    assert banned.empty.isVisible()
    banned.reject()


async def test_trackers_tab_add_with_tiers_edit_remove(rig: WindowRig, tmp_path: Path) -> None:
    window, engine = rig.window, rig.engine
    _content, torrent = await make_torrent(tmp_path / "t", {"a.bin": 100_000})
    tid = await engine.add(AddParams(save_path=str(tmp_path / "downloads"),
                                     torrent_path=str(torrent), paused=True))
    await until(lambda: window.model.rowCount() == 1, 10, "the row")
    assert window.select_torrent(tid)
    panel = window.details
    panel.tabs.setCurrentWidget(panel.trackers)
    tab = panel.trackers
    model = tab.model
    await until(lambda: model.rowCount() == 3, 10, "the DHT, PeX and LSD rows")
    shown = [[model.index(r, c).data() for c in (1, 2)] for r in range(3)]
    # the rig's engine runs without DHT and LSD; PeX is on
    assert shown == [["** [DHT] **", "Disabled"], ["** [PeX] **", "Working"],
                     ["** [LSD] **", "Disabled"]]

    menu = tab.make_menu()
    assert menu is not None
    assert _texts(menu) == ["Add Trackers…", "Edit Tracker URL…", "Remove Tracker",
                            "Copy Tracker URL", "Force Reannounce"]
    assert not _enabled(menu, "Edit Tracker URL…")
    _trigger(menu, "Add Trackers…")
    dialog = await until(lambda: find_widget(window, AddTrackersDialog), 5, "the dialog")
    a, b, c = ("udp://127.0.0.1:9/announce", "http://127.0.0.1:9/announce",
               "https://127.0.0.1:9/backup")
    dialog.text.setPlainText(f"{a}\nftp://nope/announce\n")
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_label.text() == "Not tracker URLs: ftp://nope/announce."
    dialog.text.setPlainText(f"{a}\n{b}\n\n{c}\n")
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()

    async def tiers() -> list[tuple[str, int]]:
        return [(t.url, t.tier) for t in await engine.trackers(tid)]
    await until(lambda: model.rowCount() == 6, 10, "three trackers")
    assert await tiers() == [(a, 0), (b, 0), (c, 1)]
    assert all(r.status == TrackerStatus.NOT_CONTACTED for r in model.records()[3:])
    assert model.index(3, 2).data() == "Not contacted yet"

    # as shown: DHT, PeX and LSD on top, then by tier
    shown_urls = [tab.view.model().index(r, 1).data() for r in range(6)]
    assert shown_urls[:3] == ["** [DHT] **", "** [PeX] **", "** [LSD] **"]
    assert shown_urls[5] == c
    # DHT row selected: nothing to edit
    _select_row(tab.view, _row_showing(tab.view, 1, "** [DHT] **"))
    menu = tab.make_menu()
    assert menu is not None and not _enabled(menu, "Remove Tracker")

    _select_row(tab.view, _row_showing(tab.view, 1, b))
    menu = tab.make_menu()
    assert menu is not None
    _trigger(menu, "Copy Tracker URL")
    assert QGuiApplication.clipboard().text() == b
    _trigger(menu, "Edit Tracker URL…")
    edit = await until(lambda: find_widget(window, EditTrackerDialog), 5, "the edit dialog")
    assert not edit.ok_button.isEnabled()  # unchanged
    edit.edit.setText("gopher://x")
    assert not edit.ok_button.isEnabled() and edit.error_label.text()
    edited = "http://127.0.0.1:9/edited"
    edit.edit.setText(edited)
    assert edit.ok_button.isEnabled()
    edit.ok_button.click()
    await until(lambda: any(r.url == edited for r in model.records()), 10, "the edit")
    assert await tiers() == [(a, 0), (edited, 0), (c, 1)]

    _select_row(tab.view, _row_showing(tab.view, 1, a))
    menu = tab.make_menu()
    assert menu is not None
    _trigger(menu, "Remove Tracker")
    await until(lambda: not any(r.url == a for r in model.records()), 10, "the removal")
    assert await tiers() == [(edited, 0), (c, 1)]
    _trigger(tab.make_menu() or QMenu(), "Force Reannounce")  # no error line
    await until(lambda: window.tasks.pending == 0, 5, "the reannounce")
    assert window.errors == []
