"""Torrent actions from the window reach the engine: limits, sequential order, queue
order, moving storage, copying the magnet link, filtering the list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from btt_desktop.engine.types import AddParams, TorrentSnapshot
from btt_desktop.ui.limits_dialog import LimitsDialog
from btt_desktop.ui.torrent_model import Column, StatusFilter
from tests.ui.conftest import WindowRig
from tests.ui.ui_helpers import find_widget, make_torrent, until

pytestmark = pytest.mark.timeout(90)


async def test_actions_on_selected_torrents(rig: WindowRig, tmp_path: Path) -> None:
    window, engine = rig.window, rig.engine
    down = tmp_path / "downloads"
    ids = []
    for name in ("First", "Second"):
        _content, torrent = await make_torrent(tmp_path / name, {"f.bin": 200_000}, name=name)
        ids.append(await engine.add(AddParams(save_path=str(down), torrent_path=str(torrent))))
    await until(lambda: window.model.rowCount() == 2, 10, "two rows")
    first, second = ids

    def snap(tid: str) -> TorrentSnapshot:
        s = engine.snapshot(tid)
        assert s is not None
        return s

    # per-torrent limits through the dialog
    assert window.select_torrent(first)
    window.actions_.limits.trigger()
    dialog = await until(lambda: find_widget(window, LimitsDialog), what="limits dialog")
    dialog.download_box.setValue(100)
    dialog.upload_box.setValue(50)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    await until(lambda: snap(first).download_limit == 100 * 1024, 10, "download limit")
    assert snap(first).upload_limit == 50 * 1024
    assert snap(second).download_limit == 0

    # sequential order is a checkable action that follows the selection
    assert not window.actions_.sequential.isChecked()
    window.actions_.sequential.trigger()
    await until(lambda: snap(first).sequential, 10, "sequential order")
    assert window.select_torrent(second)
    assert not window.actions_.sequential.isChecked()
    assert window.select_torrent(first)
    await until(lambda: window.actions_.sequential.isChecked(), 5, "the check to follow")

    # queue order: the second torrent moves up
    row_of = window.model.row_of
    assert snap(first).queue_position < snap(second).queue_position
    assert window.select_torrent(second)
    window.actions_.queue_up.trigger()
    await until(lambda: snap(second).queue_position < snap(first).queue_position, 10,
                "queue order")
    await until(lambda: window.model.index(row_of(second) or 0, Column.QUEUE).data() == "1",
                10, "queue column")

    # move storage through the folder chooser
    target = tmp_path / "moved"
    target.mkdir()
    window.actions_.move.trigger()
    chooser = await until(lambda: find_widget(window, QFileDialog), what="folder chooser")
    chooser.setDirectory(str(target))  # the user opens the folder and clicks Choose
    chooser.accept()
    await until(lambda: snap(second).save_path.rstrip("/") == str(target), 20, "moved")

    # copy magnet link puts the torrent's link on the clipboard
    window.actions_.copy_magnet.trigger()
    assert QGuiApplication.clipboard().text() == engine.magnet_uri(second)
    assert second in QGuiApplication.clipboard().text()

    # the search box and the sidebar filter the list
    window.search.setText("seco")
    assert window.proxy.rowCount() == 1
    window.search.clear()
    window.sidebar.select(StatusFilter.PAUSED)
    assert window.proxy.rowCount() == 0
    window.sidebar.select(StatusFilter.ALL)
    assert window.proxy.rowCount() == 2
    assert window.errors == []
