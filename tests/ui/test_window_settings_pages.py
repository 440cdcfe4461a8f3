"""The Settings pages qBittorrent users look for, end to end through the window built by
``window_app.build_window_app``: the incomplete folder, the watched folder, the IP block list,
the proxy (its password in the OS keyring, never in the settings file), the
alternative-limits schedule and the turtle that follows it, the quit confirmation."""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDialogButtonBox, QToolButton

from btt_desktop.engine.types import ProxyType, ScheduleDays, TorrentState
from btt_desktop.proxy_password import ProxyPasswordStore
from btt_desktop.settings_store import SettingsStore
from btt_desktop.ui.main_window import MainWindow
from btt_desktop.ui.settings_dialog import SettingsDialog
from btt_desktop.window_app import build_window_app
from tests.ui.conftest import WindowRig, cheap_wallet, close_rig, open_rig
from tests.ui.ui_helpers import find_widget, make_torrent, until
from tests.wallet.keyring_session import SecretServiceSession, secret_service_session

PASSWORD = "proxy pass 7Hq!"


async def open_settings(window: MainWindow) -> SettingsDialog:
    window.actions_.settings.trigger()
    return await until(lambda: find_widget(window, SettingsDialog), 10, "the settings")


def press_ok(dialog: SettingsDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def saved(rig: WindowRig) -> dict[str, Any]:
    return json.loads(rig.profile.settings_file.read_text())  # type: ignore[no-any-return]


async def test_the_incomplete_folder_round_trips_and_reaches_the_engine(
        rig: WindowRig, tmp_path: Path) -> None:
    window = rig.window
    dialog = await open_settings(window)
    page = dialog.downloads
    assert not page.incomplete_check.isChecked() and not page.incomplete_path.isEnabled()
    page.incomplete_check.setChecked(True)
    assert page.incomplete_path.isEnabled()
    page.incomplete_path.setText("relative/folder")
    press_ok(dialog)
    assert dialog.isVisible() and dialog.tabs.currentWidget() is page
    assert dialog.error_label.text() == "“relative/folder” is not a full path."
    incomplete = tmp_path / "incomplete"
    page.incomplete_path.setText(str(incomplete))
    press_ok(dialog)
    await until(lambda: rig.engine.settings.incomplete_path == str(incomplete), 10,
                "the engine's incomplete folder")
    await until(lambda: saved(rig)["engine"]["incomplete_path"] == str(incomplete), 10,
                "saved")

    dialog = await open_settings(window)
    page = dialog.downloads
    assert page.incomplete_check.isChecked() and page.incomplete_path.text() == str(incomplete)
    page.incomplete_check.setChecked(False)  # off: the path is not used
    press_ok(dialog)
    await until(lambda: rig.engine.settings.incomplete_path == "", 10, "no incomplete folder")


async def test_a_watched_folder_adds_dropped_torrents_and_names_refused_ones(
        rig: WindowRig, tmp_path: Path) -> None:
    window = rig.window
    watch = tmp_path / "watch"
    watch.mkdir()
    into = tmp_path / "from-watch"
    dialog = await open_settings(window)
    page = dialog.downloads
    assert not page.watch_folder.isEnabled()
    assert page.watch_save_path.edit.placeholderText() == "The default save path"
    page.watch_check.setChecked(True)
    page.watch_folder.setText(str(watch))
    page.watch_save_path.setText(str(into))
    page.watch_paused_check.setChecked(True)
    press_ok(dialog)
    watched = rig.running.watched
    assert watched is not None
    await until(lambda: watched.settings.folder == str(watch), 10, "watching the folder")
    assert (watched.settings.save_path, watched.settings.paused) == (str(into), True)
    app = SettingsStore(rig.profile.settings_file).load().app
    assert (app.watched_folder, app.watched_save_path, app.watched_paused) == (
        str(watch), str(into), True)

    _content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 40_000},
                                           name="Dropped")
    shutil.copy(torrent, watch / "Dropped.torrent")
    (watch / "broken.torrent").write_bytes(b"this is not bencoded")

    def added() -> str | None:
        return next((t for t in window.model.torrent_ids()
                     if (s := window.model.snapshot(t)) and s.name == "Dropped"), None)

    tid = await until(added, 20, "the dropped torrent in the list")
    snapshot = window.model.snapshot(tid)
    assert snapshot is not None
    assert snapshot.save_path == str(into) and snapshot.state is TorrentState.PAUSED
    refused = await until(lambda: next((t for t in window.messages.texts()
                                        if "watched folder was refused" in t), None), 20,
                          "the refusal in the message area")
    assert refused.startswith("A file in the watched folder was refused: broken.torrent: ")
    await until(lambda: (watch / "Dropped.torrent.added").exists()
                and (watch / "broken.torrent.invalid").exists(), 10, "the files marked")

    # off again: nothing more is taken
    dialog = await open_settings(window)
    dialog.downloads.watch_check.setChecked(False)
    press_ok(dialog)
    await until(lambda: watched.folder is None, 10, "no watched folder")


async def test_an_ip_block_list_loads_and_says_so(rig: WindowRig, tmp_path: Path) -> None:
    window = rig.window
    block_list = tmp_path / "level1.p2p"
    block_list.write_text("Some range:10.1.2.0-10.1.2.255\nnot a range\n")
    dialog = await open_settings(window)
    page = dialog.connection
    assert not page.block_path.isEnabled()
    page.block_check.setChecked(True)
    page.block_path.setText(str(block_list))
    press_ok(dialog)
    await until(lambda: rig.engine.settings.ip_filter_path == str(block_list), 10,
                "the engine's block list")
    await until(lambda: window.status.currentMessage()
                == "IP block list: 1 ranges loaded, 1 lines skipped", 10, "the status bar")

    dialog = await open_settings(window)
    dialog.connection.block_path.setText(str(tmp_path / "gone.dat"))
    press_ok(dialog)
    await until(lambda: f"IP block list not found: {tmp_path / 'gone.dat'}." in
                window.messages.texts(), 10, "the error in the message area")


async def set_proxy(window: MainWindow, port: int, password: str) -> SettingsDialog:
    dialog = await open_settings(window)
    page = dialog.connection
    assert not page.proxy_host_edit.isEnabled()
    page.proxy_type_combo.setCurrentIndex(page.proxy_type_combo.findData("socks5"))
    assert page.proxy_host_edit.isEnabled() and page.proxy_password_edit.isEnabled()
    page.proxy_host_edit.setText("127.0.0.1")
    page.proxy_port_box.setValue(port)
    page.proxy_user_edit.setText("alice")
    page.proxy_password_edit.setText(password)
    page.proxy_peers_check.setChecked(False)
    return dialog


async def test_a_proxy_without_a_keyring_is_kept_for_this_session(
        qtbot: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    rig = await open_rig(tmp_path, proxy_keyring=fail.Keyring())
    try:
        dialog = await set_proxy(rig.window, 1081, PASSWORD)
        note = dialog.connection.password_note
        await until(lambda: not note.isHidden(), 10, "the keyring note")
        assert note.text() == "not remembered: no keyring"
        assert "no OS keyring found" in note.toolTip()
        press_ok(dialog)
        await until(lambda: rig.engine.settings.proxy_type is ProxyType.SOCKS5, 10,
                    "the engine's proxy")
        e = rig.engine.settings
        assert (e.proxy_host, e.proxy_port, e.proxy_username, e.proxy_password,
                e.proxy_peers) == ("127.0.0.1", 1081, "alice", PASSWORD, False)
        await until(lambda: saved(rig)["engine"]["proxy_host"] == "127.0.0.1", 10, "saved")
        assert PASSWORD not in rig.profile.settings_file.read_text()
        assert "proxy_password" not in saved(rig)["engine"]
    finally:
        await close_rig(rig)
    assert PASSWORD not in caplog.text
    # the next start has the proxy, not the password
    again = await build_window_app(rig.profile, wallet=cheap_wallet(), speed=False,
                                   status_interval=0.2, proxy_keyring=fail.Keyring())
    try:
        e = again.engine.settings
        assert (e.proxy_type, e.proxy_username, e.proxy_password) == (
            ProxyType.SOCKS5, "alice", "")
        assert again.window.messages.texts() == []  # nothing to say: the note said it
    finally:
        await again.close()
        again.window.deleteLater()


@pytest.fixture
def secret_service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                   ) -> Iterator[SecretServiceSession]:
    """An unlocked Secret Service (gnome-keyring on a private D-Bus)."""
    with secret_service_session(tmp_path / "keyring", unlocked=True) as session:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.bus_address)
        monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
        monkeypatch.setenv("XDG_CONFIG_HOME", str(session.home / ".config"))
        yield session


@pytest.mark.keyring
async def test_the_proxy_password_is_kept_in_the_keyring(
        qtbot: Any, tmp_path: Path, secret_service: SecretServiceSession) -> None:
    rig = await open_rig(tmp_path)
    try:
        dialog = await set_proxy(rig.window, 1082, PASSWORD)
        await asyncio.sleep(0.5)
        assert dialog.connection.password_note.isHidden()  # a real keyring: remembered
        press_ok(dialog)
        await until(lambda: rig.engine.settings.proxy_password == PASSWORD, 10,
                    "the engine's proxy password")
        store = ProxyPasswordStore(rig.profile.root)
        assert await store.load() == PASSWORD
        await until(lambda: saved(rig)["engine"]["proxy_username"] == "alice", 10, "saved")
        assert PASSWORD not in rig.profile.settings_file.read_text()
    finally:
        await close_rig(rig)

    again = await build_window_app(rig.profile, wallet=cheap_wallet(), speed=False,
                                   status_interval=0.2)
    try:
        assert again.engine.settings.proxy_password == PASSWORD  # read back at start
        dialog = await open_settings(again.window)
        assert dialog.connection.proxy_password_edit.text() == PASSWORD
        dialog.connection.proxy_password_edit.clear()  # an empty password is forgotten
        press_ok(dialog)
        await until(lambda: again.engine.settings.proxy_password == "", 10, "cleared")
        store = ProxyPasswordStore(again.profile.root)
        for _ in range(50):
            if await store.load() == "":
                break
            await asyncio.sleep(0.1)
        assert await store.load() == ""
    finally:
        await again.close()
        again.window.deleteLater()


async def test_the_schedule_reaches_the_engine_and_the_turtle_follows_the_limits(
        rig: WindowRig) -> None:
    window = rig.window
    turtle = window.toolbar.widgetForAction(window.actions_.alt_speed)
    assert isinstance(turtle, QToolButton) and not turtle.isChecked()
    dialog = await open_settings(window)
    page = dialog.limits
    assert not page.schedule_check.isChecked() and not page.from_edit.isEnabled()
    assert page.from_edit.time() == QTime(8, 0) and page.to_edit.time() == QTime(20, 0)
    assert [page.days_combo.itemText(i) for i in range(4)] == [
        "Every day", "Weekdays", "Weekends", "Monday"]
    # a period around now, today: the schedule switches the alternative limits on at once
    now = datetime.now()
    minute = now.hour * 60 + now.minute
    start, end = max(0, minute - 60), (minute + 60) % 1440
    today = list(ScheduleDays)[3 + now.weekday()]
    page.schedule_check.setChecked(True)
    assert page.from_edit.isEnabled()
    page.from_edit.setTime(QTime(start // 60, start % 60))
    page.to_edit.setTime(QTime(end // 60, end % 60))
    page.days_combo.setCurrentIndex(page.days_combo.findData(today.value))
    press_ok(dialog)
    await until(lambda: rig.engine.settings.alt_schedule_enabled, 10, "the schedule on")
    e = rig.engine.settings
    assert (e.alt_schedule_from, e.alt_schedule_to, e.alt_schedule_days) == (start, end, today)
    await until(lambda: saved(rig)["engine"]["alt_schedule_days"] == today.value, 10, "saved")

    # the schedule's switch (AltLimitsChanged): the turtle, the status bar and the settings
    await until(lambda: turtle.isChecked(), 10, "the turtle on")
    assert window.status.alt_button.isChecked()
    assert window.settings.engine.alt_limits_enabled
    assert window.status.currentMessage() == "Alternative speed limits on"
    await until(lambda: saved(rig)["engine"]["alt_limits_enabled"] is True, 10, "kept")
    await rig.engine.set_alt_limits(False)  # by hand: holds until the next boundary
    await until(lambda: not turtle.isChecked(), 10, "the turtle off")
    assert not window.settings.engine.alt_limits_enabled
    # a dialog open meanwhile does not undo a switch it did not make
    dialog = await open_settings(window)
    await rig.engine.set_alt_limits(True)
    await until(lambda: turtle.isChecked(), 10, "the turtle on again")
    press_ok(dialog)
    await asyncio.sleep(0.3)
    assert rig.engine.settings.alt_limits_enabled and turtle.isChecked()


async def test_the_quit_confirmation_round_trips(rig: WindowRig) -> None:
    dialog = await open_settings(rig.window)
    assert dialog.behaviour.confirm_quit_check.isChecked()
    dialog.behaviour.confirm_quit_check.setChecked(False)
    press_ok(dialog)
    await until(lambda: saved(rig)["app"]["confirm_quit_active"] is False, 10, "saved")
    assert "confirm_quit_active" not in saved(rig)["app"]["window_layout"]
    assert not rig.window.settings.app.confirm_quit_active
    dialog = await open_settings(rig.window)
    assert not dialog.behaviour.confirm_quit_check.isChecked()
    dialog.reject()


async def test_an_old_settings_file_keeps_the_users_choice(qtbot: Any, tmp_path: Path) -> None:
    rig = await open_rig(tmp_path)
    await close_rig(rig)
    document = saved(rig)
    del document["app"]["confirm_quit_active"]
    document["app"]["window_layout"]["confirm_quit_active"] = False
    rig.profile.settings_file.write_text(json.dumps(document))
    again = await build_window_app(rig.profile, wallet=None, status_interval=0.2)
    try:
        assert not again.window.settings.app.confirm_quit_active
        dialog = await open_settings(again.window)
        assert not dialog.behaviour.confirm_quit_check.isChecked()
        dialog.reject()
    finally:
        await again.close()
        again.window.deleteLater()
    document = saved(rig)
    assert document["app"]["confirm_quit_active"] is False
    assert "confirm_quit_active" not in document["app"]["window_layout"]
