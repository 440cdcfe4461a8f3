"""The window as a remote of a real ``btt daemon`` process: connecting through the
dialog, adding through the window's add flow, pausing from the window, a torrent added
through the API showing in the window, a wrong password, and back to the local engine."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QDialogButtonBox

from btt_desktop.engine.types import AddParams, TorrentState
from btt_desktop.remote.credentials import DaemonLogin
from btt_desktop.ui.add_dialog import AddTorrentDialog
from btt_desktop.ui.connect_dialog import ConnectDialog
from tests.daemon.conftest import PASSWORD, Daemon
from tests.ui.conftest import WindowRig, close_rig, open_rig
from tests.ui.ui_helpers import find_widget, make_torrent, until

pytestmark = pytest.mark.timeout(90)


@pytest.fixture(scope="module")
def daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Daemon]:
    running = Daemon(tmp_path_factory.mktemp("remote-daemon"))
    yield running
    assert running.stop() == 0, running.stderr


@pytest.fixture
async def remote_rig(qtbot: object, tmp_path: Path) -> Iterator[WindowRig]:
    rig = await open_rig(tmp_path, remote_keyring=fail.Keyring(), remote_interval=0.3)
    yield rig  # type: ignore[misc]
    await close_rig(rig)


async def _connect_through_dialog(rig: WindowRig, url: str, password: str) -> ConnectDialog:
    remote = rig.running.remote
    assert remote is not None
    remote.connect_action.trigger()
    dialog = await until(lambda: find_widget(rig.window, ConnectDialog), 10, "connect dialog")
    assert not dialog.remember.isEnabled()   # no secure keyring here
    assert dialog.user.text() == "admin"
    dialog.address.setText(url)
    dialog.password.setText(password)
    dialog.connect_button.click()
    return dialog


async def test_window_drives_a_daemon(remote_rig: WindowRig, daemon: Daemon,
                                      tmp_path: Path) -> None:
    rig, window = remote_rig, remote_rig.window
    remote = rig.running.remote
    assert remote is not None
    client = await asyncio.to_thread(daemon.client)
    # a torrent of the local engine, in the list before connecting
    _c, local = await make_torrent(tmp_path / "local", {"l.bin": 30_000}, name="LocalOne")
    local_id = await rig.engine.add(AddParams(save_path=str(tmp_path / "local"),
                                              torrent_path=str(local)))
    await until(lambda: window.model.row_of(local_id) is not None, 10, "the local row")

    # a wrong password: one line in the dialog; the window still drives the local engine
    dialog = await _connect_through_dialog(rig, daemon.url, "not the password")
    await until(dialog.error.isVisible, 15, "the refusal")
    assert "\n" not in dialog.error.text()
    assert "wrong user name or password" in dialog.error.text().lower()
    assert window.connection == "" and window.model.row_of(local_id) is not None
    assert dialog.address.text() == daemon.url   # nothing typed is lost

    # the right one
    dialog.password.setText(PASSWORD)
    dialog.connect_button.click()
    label = daemon.url.removeprefix("http://")
    await until(lambda: window.connection == label, 15, "connected")
    await until(lambda: find_widget(window, ConnectDialog) is None, 5, "dialog closed")
    assert label in window.windowTitle()
    assert remote.label_text == f"Connected to {label}"
    assert window.model.row_of(local_id) is None
    assert window.model.rowCount() == 0
    assert rig.running.speed is None or not rig.running.speed.menu.isEnabled()

    # add a .torrent through the window's add flow: the daemon has it
    content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 120_000},
                                          name="ThroughWindow")
    window.add_items([str(torrent)])
    add = await until(lambda: find_widget(window, AddTorrentDialog), 10, "add dialog")
    add.save_path_edit.setText(str(content.parent))
    ok = add.buttons.button(QDialogButtonBox.StandardButton.Ok)
    await until(ok.isEnabled, 10, "Add enabled")
    ok.click()
    await until(lambda: find_widget(window, AddTorrentDialog) is None, 15, "added")
    infos = await asyncio.to_thread(client.torrents_info)
    tid = next(t.hash for t in infos if t.name == "ThroughWindow")
    await until(lambda: window.model.row_of(tid) is not None, 10, "its row")

    # pause it from the window: stopped on the daemon, paused in the window
    assert window.select_torrent(tid)
    window.actions_.pause.trigger()
    snap = window.model.snapshot
    await until(lambda: (s := snap(tid)) is not None and s.state is TorrentState.PAUSED,
                10, "paused in the window")
    state = (await asyncio.to_thread(client.torrents_info, torrent_hashes=tid))[0].state
    assert state in ("stoppedUP", "stoppedDL")

    # a torrent added through the API shows in the window
    magnet = "magnet:?xt=urn:btih:" + "cd" * 20 + "&dn=FromApi"
    assert await asyncio.to_thread(client.torrents_add, urls=magnet,
                                   save_path=str(tmp_path / "api"), is_stopped=True) == "Ok."
    await until(lambda: window.model.row_of("cd" * 20) is not None, 10, "the API's torrent")
    s = snap("cd" * 20)
    assert s is not None and s.name == "FromApi"

    # what the API cannot do is one line in the message area
    window.tasks.run(window.engine.unban_peers(["10.0.0.1"]), failing="Cannot unban")
    await until(lambda: any("lift a ban" in e for e in window.errors), 5, "the refusal")

    # back to the local engine
    remote.disconnect_action.trigger()
    await until(lambda: window.connection == "", 10, "disconnected")
    assert window.model.row_of(local_id) is not None
    assert window.model.row_of(tid) is None and window.model.rowCount() == 1
    assert "Connected" not in window.windowTitle()
    assert rig.running.speed is None or rig.running.speed.menu.isEnabled()
    await asyncio.to_thread(client.torrents_delete, torrent_hashes="all", delete_files=False)


async def test_an_unreachable_daemon_is_one_line(remote_rig: WindowRig,
                                                 daemon: Daemon) -> None:
    window = remote_rig.window
    ip, _, _port = daemon.listen.partition(":")
    from tests.ui.ui_helpers import port_on

    dialog = await _connect_through_dialog(remote_rig, f"http://{ip}:{port_on(ip)}",
                                           PASSWORD)
    await until(dialog.error.isVisible, 15, "the refusal")
    assert "cannot reach the daemon" in dialog.error.text().lower()
    assert "\n" not in dialog.error.text()
    dialog.reject()
    assert window.connection == ""


async def test_a_daemon_that_goes_away_is_retried(remote_rig: WindowRig,
                                                  tmp_path: Path) -> None:
    window = remote_rig.window
    remote = remote_rig.running.remote
    assert remote is not None
    (tmp_path / "d").mkdir()
    first = await asyncio.to_thread(Daemon, tmp_path / "d")
    web = first.url.removeprefix("http://")
    client = await asyncio.to_thread(first.client)
    magnet = "magnet:?xt=urn:btih:" + "ef" * 20 + "&dn=Kept"
    await asyncio.to_thread(client.torrents_add, urls=magnet, is_stopped=True,
                            save_path=str(tmp_path / "kept"))
    await remote.connect_daemon(DaemonLogin(first.url, "admin", PASSWORD))
    await until(lambda: window.model.row_of("ef" * 20) is not None, 10, "the row")
    assert await asyncio.to_thread(first.stop) == 0
    await until(lambda: any("unreachable" in t or "cannot reach" in t.lower()
                            for t in window.messages.texts()), 15, "the warning")
    await until(lambda: "unreachable" in remote.label_text, 5, "the status bar")
    assert window.connection == web   # still driving it, retrying

    second = await asyncio.to_thread(Daemon, tmp_path / "d", web=web)
    try:
        await until(lambda: remote.label_text == f"Connected to {web}", 20, "back")
        assert window.model.row_of("ef" * 20) is not None
    finally:
        await remote.disconnect_daemon()
        assert await asyncio.to_thread(second.stop) == 0
