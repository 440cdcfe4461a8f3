"""The window over a real engine: add through the dialog, download from a real seeder on
loopback, change a file priority in the Files tab, pause, resume and remove."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from btt_desktop.engine.types import AddParams, TorrentState
from btt_desktop.ui.add_dialog import AddTorrentDialog
from btt_desktop.ui.file_tree_model import HIGH, SKIP, FileColumn, FileTreeModel
from btt_desktop.ui.remove_dialog import RemoveDialog
from btt_desktop.ui.torrent_model import Column, StatusFilter
from btt_desktop.ui.torrent_sources import SourceKind, TorrentSource
from tests.ui.conftest import PeerFactory, WindowRig
from tests.ui.ui_helpers import find_widget, make_torrent, sha256, until

pytestmark = pytest.mark.timeout(120)

MiB = 1024 * 1024


def find_row(model: FileTreeModel, parent: QModelIndex, name: str) -> QModelIndex:
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data() == name:
            return index
    raise AssertionError(f"no {name!r} in the file tree")


async def test_add_download_prioritise_pause_resume_remove(
        rig: WindowRig, make_peer: PeerFactory, tmp_path: Path, qtbot: object) -> None:
    window = rig.window
    content, torrent = await make_torrent(
        tmp_path / "seed", {"cd1/01.flac": 3 * MiB, "cd1/02.flac": 2 * MiB,
                            "extra.bin": MiB + 123}, name="Album")

    # the add dialog shows the file tree; the user unchecks one file and adds
    adding = asyncio.ensure_future(
        window.add_flow.add_source(TorrentSource(SourceKind.FILE, str(torrent))))
    dialog = await until(lambda: find_widget(window, AddTorrentDialog), what="add dialog")
    assert dialog.name_label.text() == "Album"
    files = dialog.files
    album = find_row(files, QModelIndex(), "Album")
    assert [files.index(r, 0, album).data() for r in range(files.rowCount(album))] == [
        "cd1", "extra.bin"]
    extra = find_row(files, album, "extra.bin")
    assert dialog.tree.isVisible()
    files.setData(extra, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert files.data(album, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked
    assert dialog.size_label.text() == "5.0 MiB (of 6.0 MiB)"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    tid = await asyncio.wait_for(adding, 30)
    assert tid is not None

    # the list shows it at once; after its first check it is in the Downloading group
    row = window.model.row_of(tid)
    assert row is not None
    assert window.model.index(row, Column.NAME).data() == "Album"
    await until(lambda: window.model.count(StatusFilter.DOWNLOADING) == 1, 20, "downloading")
    assert window.sidebar.item(1).text() == "Downloading (1)"

    # a seeder comes online and connects; the download completes as the list shows it
    seeder = await make_peer()
    await seeder.engine.add(AddParams(save_path=str(content.parent), torrent_path=str(torrent),
                                      peers=(rig.endpoint,)))

    def row_text(column: Column) -> str:
        r = window.model.row_of(tid)
        return "" if r is None else str(window.model.index(r, column).data())

    await until(lambda: row_text(Column.PROGRESS) == "100%", 60, "download to complete")
    await until(lambda: row_text(Column.STATUS) == "Seeding", 20, "seeding status")
    # the user is told (tray notification where there is a tray; the status bar here)
    await until(lambda: window.status.currentMessage() == "Finished: Album", 10,
                "finished notice")
    down = rig.window.settings.app.default_save_path
    for rel in ("cd1/01.flac", "cd1/02.flac"):
        assert sha256(Path(down) / "Album" / rel) == sha256(content / rel)
    entries = {Path(f.path).name: f for f in await rig.engine.files(tid)}
    assert entries["extra.bin"].priority == SKIP
    assert entries["extra.bin"].progress < 1.0

    # Files tab: the user raises extra.bin to High with the priority editor
    assert window.select_torrent(tid)
    window.details.tabs.setCurrentWidget(window.details.files)
    tab = window.details.files
    await until(lambda: tab.model.rowCount() > 0, what="files tab to fill")
    album_row = find_row(tab.model, QModelIndex(), "Album")
    tab.view.expandAll()
    extra_row = find_row(tab.model, album_row, "extra.bin")
    priority_cell = extra_row.siblingAtColumn(FileColumn.PRIORITY)
    assert priority_cell.data() == "Do not download"
    tab.view.setCurrentIndex(priority_cell)
    tab.view.edit(priority_cell)
    editor = await until(lambda: find_widget(tab.view.viewport(), QComboBox), what="editor")
    editor.setCurrentIndex(editor.findData(HIGH))
    editor.activated.emit(editor.currentIndex())

    async def engine_priority() -> int:
        entries = {Path(f.path).name: f for f in await rig.engine.files(tid)}
        return entries["extra.bin"].priority

    deadline = asyncio.get_running_loop().time() + 10
    while await engine_priority() != HIGH:
        assert asyncio.get_running_loop().time() < deadline, "priority did not reach engine"
        await asyncio.sleep(0.1)
    await until(lambda: (Path(down) / "Album" / "extra.bin").exists() and sha256(
        Path(down) / "Album" / "extra.bin") == sha256(content / "extra.bin"), 60,
        "extra.bin to download after its priority was raised")
    await until(lambda: tab.model.index(
        extra_row.row(), FileColumn.PROGRESS, album_row).data() == "100%", 10,
        "files tab to show extra.bin complete")

    # Peers and General tabs show the selected torrent's live details
    window.details.tabs.setCurrentWidget(window.details.peers)
    peers = window.details.peers.model
    seeder_ip = seeder.endpoint[0]  # it dialled in, from a port of its own
    await until(lambda: any(str(peers.index(r, 0).data()).startswith(seeder_ip + ":")
                            for r in range(peers.rowCount())), 10, "the seeder in Peers")
    window.details.tabs.setCurrentWidget(window.details.general)
    general = window.details.general.fields
    def all_pieces() -> bool:
        text = general["pieces"].text()  # "193 × 32.0 KiB (have 193)"
        return bool(text) and text.endswith(f"(have {text.split()[0]})")

    await until(all_pieces, 10, "General tab to show every piece")
    assert general["hash_v1"].text() == tid
    assert general["save_path"].text() == down

    # adding the same torrent again: no add dialog, a message that it is there already
    window.add_items([str(torrent)])
    await until(lambda: window.messages.texts(), what="the duplicate message")
    assert window.messages.texts()[0] == (
        "“Album” is already in the list, with all the trackers of the new source.")
    assert find_widget(window, AddTorrentDialog) is None
    assert window.errors == []
    window.messages.dismiss_all()

    # pause and resume act on the engine
    window.actions_.pause.trigger()
    await until(lambda: row_text(Column.STATUS) == "Completed", 20, "paused state")
    assert rig.engine.snapshot(tid).state is TorrentState.PAUSED  # type: ignore[union-attr]
    assert window.model.count(StatusFilter.PAUSED) == 1
    window.actions_.resume.trigger()
    await until(lambda: row_text(Column.STATUS) == "Seeding", 20, "resumed state")

    # remove, with the files, through the confirmation dialog
    window.actions_.remove.trigger()
    remove = await until(lambda: find_widget(window, RemoveDialog), what="remove dialog")
    remove.delete_files_check.setChecked(True)
    qtbot.mouseClick(remove.remove_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    await until(lambda: window.model.rowCount() == 0, 20, "row to go")
    assert rig.engine.torrent_ids() == []
    await until(lambda: not (Path(down) / "Album").exists(), 20, "files to be deleted")
