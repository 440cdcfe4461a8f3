"""Window flows over a real engine: magnet metadata in the add dialog, hand-off from a
second launch, settings that persist, creating a torrent, drag and drop."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from btt_desktop.engine.types import AddParams, TorrentState
from btt_desktop.settings_store import SettingsStore
from btt_desktop.ui.add_dialog import AddTorrentDialog
from btt_desktop.ui.create_dialog import CreateTorrentDialog
from btt_desktop.ui.settings_dialog import SettingsDialog
from btt_desktop.ui.single_instance import InstanceServer
from btt_desktop.ui.torrent_model import Column
from btt_desktop.window_app import accept_hand_offs
from tests.ui.conftest import PeerFactory, WindowRig
from tests.ui.ui_helpers import find_widget, make_torrent, port_on, sha256, until

pytestmark = pytest.mark.timeout(90)

MiB = 1024 * 1024
ROOT = Path(__file__).resolve().parents[2]


async def close_dialog(dialog: AddTorrentDialog) -> None:
    dialog.reject()
    await asyncio.sleep(0)


async def test_magnet_dialog_waits_for_metadata_then_downloads(
        rig: WindowRig, make_peer: PeerFactory, tmp_path: Path) -> None:
    window = rig.window
    content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 2 * MiB, "b.bin": MiB},
                                          name="Pair")
    seeder = await make_peer()
    seed_id = await seeder.engine.add(AddParams(save_path=str(content.parent),
                                                torrent_path=str(torrent)))
    host, port = seeder.endpoint
    magnet = f"{seeder.engine.magnet_uri(seed_id)}&x.pe={host}:{port}"

    window.add_items([magnet])
    dialog = await until(lambda: find_widget(window, AddTorrentDialog), what="add dialog")
    await until(lambda: dialog.meta is not None, 30, "metadata from the seeder")
    assert not dialog.retrieving_metadata
    assert dialog.pages.currentIndex() == 1  # the tree replaced "Retrieving metadata…"
    root = dialog.files.index(0, 0, QModelIndex())
    assert root.data() == "Pair"
    names = [dialog.files.index(r, 0, root).data() for r in range(dialog.files.rowCount(root))]
    assert names == ["a.bin", "b.bin"]
    b = dialog.files.index(1, 0, root)
    dialog.files.setData(b, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    await until(lambda: window.model.rowCount() == 1, 20, "the torrent in the list")
    tid = window.model.snapshot_at(0).torrent_id
    await until(lambda: window.model.snapshot_at(0).progress >= 1.0, 60, "download")
    down = Path(window.settings.app.default_save_path)
    assert sha256(down / "Pair" / "a.bin") == sha256(content / "a.bin")
    priorities = {Path(f.path).name: f.priority for f in await rig.engine.files(tid)}
    assert priorities == {"a.bin": 4, "b.bin": 0}


async def test_magnet_lookup_can_be_cancelled_and_retried(rig: WindowRig) -> None:
    window = rig.window
    magnet = "magnet:?xt=urn:btih:" + "ab" * 20 + "&dn=nobody+seeds+this"

    async def open_and_cancel() -> None:
        window.add_items([magnet])
        dialog = await until(lambda: find_widget(window, AddTorrentDialog), what="add dialog")
        await asyncio.sleep(0.3)
        # still waiting, and not refused as "already fetching" by a lookup left behind
        assert dialog.retrieving_metadata
        assert dialog.metadata_label.text() == "Retrieving metadata…"
        assert dialog.pages.currentIndex() == 0
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
        await until(lambda: not dialog.retrieving_metadata, 10, "lookup to stop")
        await until(lambda: find_widget(window, AddTorrentDialog) is None, 5, "dialog to close")

    await open_and_cancel()
    await open_and_cancel()
    assert window.model.rowCount() == 0
    assert window.errors == []


async def test_second_launch_hands_its_torrent_to_the_window(
        rig: WindowRig, tmp_path: Path) -> None:
    window = rig.window
    _content, torrent = await make_torrent(tmp_path / "seed", {"x.bin": 100_000}, name="Handed")
    server = InstanceServer(rig.profile.ipc_name)
    assert server.listen()
    accept_hand_offs(server, window)
    try:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
        # a relative path, resolved against the second launch's working directory
        result = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-m", "btt_desktop.app", "--profile", str(rig.profile.root),
             torrent.name],
            cwd=torrent.parent, env=env, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        dialog = await until(lambda: find_widget(window, AddTorrentDialog), 20, "add dialog")
        assert dialog.name_label.text() == "Handed"
        assert dialog.params().torrent_path == str(torrent)
        await close_dialog(dialog)
    finally:
        server.close()


async def test_settings_dialog_changes_persist_and_reach_the_engine(
        rig: WindowRig, tmp_path: Path) -> None:
    window = rig.window
    host = rig.engine.settings.listen_interface
    new_port = port_on(host)
    window.actions_.settings.trigger()
    dialog = await until(lambda: find_widget(window, SettingsDialog), what="settings dialog")
    dialog.port_box.setValue(new_port)
    dialog.down_box.setValue(500)
    dialog.alt_up_box.setValue(64)
    dialog.save_path_edit.setText(str(tmp_path / "elsewhere"))
    dialog.ratio_box.setValue(1.5)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    await until(lambda: rig.engine.settings.download_limit == 500 * 1024, 10, "engine settings")
    await until(lambda: SettingsStore(rig.profile.settings_file).load().engine.download_limit
                == 500 * 1024, 10, "settings saved")
    stored = SettingsStore(rig.profile.settings_file).load()
    assert stored.engine.listen_port == new_port
    assert stored.engine.download_limit == 500 * 1024
    assert stored.engine.alt_upload_limit == 64 * 1024
    assert stored.engine.seed_ratio_limit == 1.5
    assert stored.app.default_save_path == str(tmp_path / "elsewhere")
    await until(lambda: f"{host}:{new_port}" in rig.engine.listen_endpoints, 20,
                "the engine to listen on the new port")
    assert window.status.down_label.text().endswith("[500 KiB/s]")

    # the alternative-limits toggle in the status bar persists too
    window.status.alt_button.click()
    await until(lambda: rig.engine.settings.alt_limits_enabled, 10, "alt limits applied")
    await until(lambda: json.loads(rig.profile.settings_file.read_text())["engine"][
        "alt_limits_enabled"] is True, 10, "alt limits saved")
    assert window.status.up_label.text().endswith("[64 KiB/s]")


async def test_create_torrent_hashes_off_the_loop_then_seeds(
        rig: WindowRig, tmp_path: Path) -> None:
    window = rig.window
    source = tmp_path / "share" / "Photos"
    for n in range(4):
        (source / f"{n}.raw").parent.mkdir(parents=True, exist_ok=True)
        (source / f"{n}.raw").write_bytes(os.urandom(12 * MiB))
    out = tmp_path / "Photos.torrent"

    window.actions_.create.trigger()
    dialog = await until(lambda: find_widget(window, CreateTorrentDialog), what="create dialog")
    dialog.source_edit.setText(str(source))
    dialog.trackers_edit.setPlainText("http://tracker.invalid/announce\n")
    dialog.piece_combo.setCurrentIndex(dialog.piece_combo.findData(16 * 1024))
    dialog.version_combo.setCurrentIndex(dialog.version_combo.findData("hybrid"))
    progress_values: list[int] = []
    dialog.progress.valueChanged.connect(progress_values.append)
    ticks: list[int] = []
    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start()

    dialog.create_button.click()  # asks where to save the .torrent
    chooser = await until(lambda: find_widget(dialog, QFileDialog), what="save dialog")
    chooser.selectFile(str(out))
    chooser.accept()
    await until(lambda: dialog.busy, 10, "hashing to start")
    await until(lambda: not dialog.busy, 60, "hashing to end")
    ticker.stop()
    assert dialog.created_path == str(out), dialog.status_label.text()
    assert out.exists()
    # the bar moved in steps, and the loop kept turning while the thread hashed
    assert len([v for v in progress_values if 0 < v < 1000]) >= 3
    assert progress_values[-1] == 1000
    assert len(ticks) >= 5
    meta = await rig.engine.inspect(AddParams(save_path=str(tmp_path), torrent_path=str(out)))
    assert meta.info_hash_v1 and meta.info_hash_v2
    assert meta.trackers == ("http://tracker.invalid/announce",)
    # "start seeding" added it, and the check found all data
    await until(lambda: window.model.rowCount() == 1, 20, "the new torrent in the list")
    await until(lambda: window.model.snapshot_at(0).state is TorrentState.SEEDING, 30,
                "seeding")

    # Cancel in the middle of hashing stops it and writes nothing. A large sparse file
    # keeps the worker hashing for seconds, so the cancel lands mid-way.
    big = tmp_path / "share" / "disk.img"
    await asyncio.to_thread(big.write_bytes, b"")
    await asyncio.to_thread(os.truncate, big, 2 * 1024 * MiB)
    dialog.source_edit.setText(str(big))
    dialog.piece_combo.setCurrentIndex(0)  # automatic
    dialog.version_combo.setCurrentIndex(dialog.version_combo.findData("v1"))
    second = tmp_path / "again.torrent"
    dialog.seed_check.setChecked(False)
    seen: list[int] = []

    def cancel_once_started(value: int) -> None:
        if 0 < value < 1000 and not seen:
            seen.append(value)
            dialog.cancel_button.click()

    dialog.progress.valueChanged.connect(cancel_once_started)
    task = dialog.start(str(second))
    with pytest.raises(asyncio.CancelledError):
        await task
    assert seen and seen[0] < 500
    assert dialog.status_label.text() == "Cancelled."
    assert dialog.create_button.isEnabled()
    assert dialog.progress.value() == 0
    await asyncio.sleep(0.5)  # the worker thread stops at its next piece
    assert not second.exists()
    dialog.close()


async def test_dropping_a_torrent_file_opens_the_add_dialog(
        rig: WindowRig, tmp_path: Path) -> None:
    window = rig.window
    _content, torrent = await make_torrent(tmp_path / "seed", {"d.bin": 50_000}, name="Dropped")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(torrent))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    dialog = await until(lambda: find_widget(window, AddTorrentDialog), what="add dialog")
    assert dialog.name_label.text() == "Dropped"
    await close_dialog(dialog)

    # dropped text that is not a link is refused
    text = QMimeData()
    text.setText("just some words")
    refused = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, text,
                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(refused)
    assert not refused.isAccepted()
    assert window.model.index(0, Column.NAME).data() is None


async def test_torrent_url_is_downloaded_then_shown(rig: WindowRig, tmp_path: Path) -> None:
    window = rig.window
    _content, torrent = await make_torrent(tmp_path / "site", {"w.bin": 70_000}, name="FromWeb")
    host = "127.0.0.1"
    port = port_on(host)
    # a real HTTP server process serving the folder that holds the .torrent
    server = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "http.server", str(port), "--bind", host,
        "--directory", str(torrent.parent),
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
    try:
        async def serving() -> bool:
            try:
                _r, w = await asyncio.open_connection(host, port)
            except OSError:
                return False
            w.close()
            return True

        deadline = asyncio.get_running_loop().time() + 15
        while not await serving():
            assert asyncio.get_running_loop().time() < deadline, "http.server did not start"
            await asyncio.sleep(0.1)

        window.add_items([f"http://{host}:{port}/{torrent.name}"])
        dialog = await until(lambda: find_widget(window, AddTorrentDialog), 20, "add dialog")
        assert dialog.name_label.text() == "FromWeb"
        assert dialog.params().torrent_data == torrent.read_bytes()
        await close_dialog(dialog)

        # a missing file is one line in the status bar, and no dialog
        window.add_items([f"http://{host}:{port}/missing.torrent"])
        await until(lambda: window.errors, 20, "the error line")
        assert window.errors[-1] == (
            f"cannot download http://{host}:{port}/missing.torrent: HTTP 404")
        assert find_widget(window, AddTorrentDialog) is None
    finally:
        server.terminate()
        await server.wait()
