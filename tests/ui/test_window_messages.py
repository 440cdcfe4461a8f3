"""What the user sees when something is wrong or needs a choice: the message area,
duplicates and their trackers, an unusable save path, quitting with active torrents, the
Help menu."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import libtorrent as lt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from btt_desktop.engine.types import AddParams
from btt_desktop.ui.add_dialog import AddTorrentDialog
from btt_desktop.ui.free_space import PathProblem
from btt_desktop.ui.help_menu import LicenceDialog, licence_name
from btt_desktop.ui.message_bar import MAX_SHOWN, Level, MessageBar, sentence
from btt_desktop.ui.settings_dialog import SettingsDialog
from btt_desktop.ui.theme import Theme, Tone, controller, tone_color
from tests.ui.conftest import WindowRig
from tests.ui.ui_helpers import find_widget, make_torrent, until

TRACKER_A = "udp://tracker.a.example:6969/announce"
TRACKER_B = "udp://tracker.b.example:1337/announce"
TRACKER_C = "https://tracker.c.example/announce"


def visible_box(rig: WindowRig, name: str) -> QMessageBox | None:
    return next((b for b in rig.window.findChildren(QMessageBox)
                 if b.isVisible() and b.objectName() == name), None)


def test_sentences() -> None:
    assert sentence("already in the list: Album") == "Already in the list: Album."
    assert sentence("  done.\n") == "Done."
    assert sentence("Is it?") == "Is it?"
    assert sentence("") == ""


def test_messages_stack_count_and_close(qtbot: Any) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    assert bar.isHidden()
    bar.show_message(Level.ERROR, "first problem")
    bar.show_message(Level.WARNING, "second problem")
    bar.show_message(Level.ERROR, "first problem")  # again: counted, moved on top
    assert bar.texts() == ["First problem.", "Second problem."]
    assert bar.messages()[0].count == 2
    top = bar.shown_rows()[0]
    assert top.count.text() == "2×" and top.count.isVisibleTo(bar)
    for n in range(MAX_SHOWN + 2):
        bar.show_message(Level.INFO, f"note {n}")
    assert len(bar.shown_rows()) == MAX_SHOWN
    assert bar.more.isVisibleTo(bar) and bar.more_label.text() == "4 more messages"
    bar.shown_rows()[0].close_button.click()
    assert len(bar.messages()) == MAX_SHOWN + 3
    bar.dismiss_all()
    assert bar.messages() == [] and bar.isHidden()


def test_the_tint_follows_the_theme(qtbot: Any) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_message(Level.ERROR, "bad")
    row = bar.shown_rows()[0]
    try:
        controller().apply(Theme.LIGHT)
        light = row.styleSheet()
        controller().apply(Theme.DARK)
        qtbot.waitUntil(lambda: row.styleSheet() != light, timeout=3000)
        assert tone_color(Tone.ERROR).name() in row.styleSheet()
    finally:
        controller().apply(Theme.SYSTEM)


async def test_bad_torrents_and_links_stay_in_the_message_area(
        rig: WindowRig, tmp_path: Path) -> None:
    window = rig.window
    broken = tmp_path / "broken.torrent"
    broken.write_bytes(b"d4:infod6:lengthi5e4:name1:aee")  # no piece length
    window.add_items([str(broken), "magnet:?xt=urn:btih:zzzz"])
    await until(lambda: len(window.messages.texts()) == 2, 10, "two messages")
    texts = window.messages.texts()
    assert any(t.startswith("Not a valid .torrent file (invalid or missing 'piece length' "
                            "entry in torrent file)") and t.endswith("broken.torrent.")
               for t in texts), texts
    assert any(t.startswith("Not a valid magnet link (") for t in texts), texts
    assert find_widget(window, AddTorrentDialog) is None
    await asyncio.sleep(0.5)
    assert len(window.messages.texts()) == 2  # they stay
    # a failing torrent action says what failed and why
    window.tasks.run(rig.engine.pause(["0" * 40]), failing="Cannot pause the torrents")
    await until(lambda: len(window.messages.texts()) == 3, 10, "the action's failure")
    assert window.messages.texts()[0].startswith("Cannot pause the torrents: ")


def _with_trackers(torrent: Path, out: Path, trackers: list[str]) -> Path:
    data = lt.bdecode(torrent.read_bytes())
    data[b"announce"] = trackers[0].encode()
    data[b"announce-list"] = [[t.encode()] for t in trackers]
    out.write_bytes(lt.bencode(data))
    return out


async def test_a_duplicate_offers_to_merge_its_trackers(rig: WindowRig, tmp_path: Path) -> None:
    window = rig.window
    _content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 100_000},
                                           name="Twice", trackers=[TRACKER_A])
    tid = await rig.engine.add(AddParams(save_path=str(tmp_path / "dl"),
                                         torrent_path=str(torrent), paused=True))
    await until(lambda: window.model.row_of(tid) is not None, 10, "the row")
    other = _with_trackers(torrent, tmp_path / "other.torrent", [TRACKER_B, TRACKER_C])

    # declined: nothing changes
    window.add_items([str(other)])
    box = await until(lambda: visible_box(rig, "merge_trackers"), 10, "the merge question")
    assert box.text() == ("“Twice” is already in the list. Merge trackers from the new "
                          "source?")
    assert find_widget(window, AddTorrentDialog) is None  # before any add dialog
    assert window.selected_ids() == [tid]
    next(b for b in box.buttons() if b.text() == "Don't Merge").click()
    await asyncio.sleep(0.2)
    urls = [t.url for t in await rig.engine.trackers(tid)]
    assert urls == [TRACKER_A]

    # accepted: the new trackers join, each in a tier of its own after the old ones
    window.add_items([str(other)])
    box = await until(lambda: visible_box(rig, "merge_trackers"), 10, "the merge question")
    next(b for b in box.buttons() if b.text() == "Merge Trackers").click()
    await until(lambda: window.status.currentMessage().startswith("2 trackers merged"), 10,
                "merged")
    entries = [(t.url, t.tier) for t in await rig.engine.trackers(tid)]
    assert entries == [(TRACKER_A, 0), (TRACKER_B, 1), (TRACKER_C, 2)]

    # the same magnet link again: nothing new to merge, said once in the message area
    window.add_items([rig.engine.magnet_uri(tid)])
    await until(lambda: window.messages.texts(), 10, "the message")
    assert window.messages.texts() == [
        "“Twice” is already in the list, with all the trackers of the new source."]
    assert window.messages.messages()[0].level is Level.INFO
    assert window.errors == []


async def test_an_unusable_save_path_keeps_the_add_dialog_open(
        rig: WindowRig, tmp_path: Path) -> None:
    window = rig.window
    _content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 100_000},
                                           name="Kept")
    (tmp_path / "a-file").write_text("not a folder")
    window.add_items([str(torrent)])
    dialog = await until(lambda: find_widget(window, AddTorrentDialog), 10, "add dialog")
    add = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.save_path_edit.setText(str(tmp_path / "a-file" / "inside"))
    await until(lambda: dialog.path_error.isVisible(), 10, "the path error")
    assert dialog.path_problem is PathProblem.NOT_A_FOLDER
    assert dialog.path_error.text() == (
        "This path runs through a file, so no folder can be made there.")
    assert not add.isEnabled()
    dialog.save_path_edit.setText("relative/path")
    await until(lambda: dialog.path_problem is PathProblem.NOT_ABSOLUTE, 10, "relative")
    assert not add.isEnabled()

    # a path fine at first that the engine then refuses: the dialog stays, with the reason
    good = tmp_path / "downloads-2"
    dialog.save_path_edit.setText(str(good))
    await until(lambda: add.isEnabled() and not dialog.path_error.isVisible(), 10, "usable")
    good.parent.mkdir(exist_ok=True)
    good.write_text("now a file")  # taken between the check and Add
    add.click()
    await until(lambda: dialog.add_error.isVisible(), 10, "the add error")
    assert dialog.isVisible() and dialog.add_error.text().startswith("Not a folder: ")
    good.unlink()
    add.click()
    await until(lambda: any(rig.window.model.snapshot(t).name == "Kept"  # type: ignore[union-attr]
                            for t in rig.window.model.torrent_ids()), 10, "the torrent")
    assert find_widget(window, AddTorrentDialog) is None
    await until(lambda: rig.window.settings.app.default_save_path == str(good), 10,
                "the new default")


async def question(window: Any) -> QMessageBox:
    await until(lambda: window.quit_guard.box is not None, 10, "the question")
    box = window.quit_guard.box
    assert isinstance(box, QMessageBox)
    return box


async def test_quitting_with_active_torrents_asks(rig: WindowRig, tmp_path: Path) -> None:
    window = rig.window
    quits: list[bool] = []
    window.quit_requested.connect(lambda: quits.append(True))
    _content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 100_000}, name="Busy")
    tid = await rig.engine.add(AddParams(save_path=str(tmp_path / "dl"),
                                         torrent_path=str(torrent), paused=True))
    await until(lambda: window.model.snapshot(tid) is not None, 10, "the row")
    assert window.quit_guard.active() == []  # paused: nothing to ask about
    await rig.engine.resume([tid])  # downloading, from nobody yet
    await until(lambda: [s.torrent_id for s in window.quit_guard.active()] == [tid], 10,
                "an active torrent")

    window.request_quit()
    box = await question(window)
    assert box.text() == "“Busy” is still active. Quit anyway?"
    box.button(QMessageBox.StandardButton.Cancel).click()
    await asyncio.sleep(0.2)
    assert quits == [] and window.quit_guard.box is None

    window.request_quit()
    box = await question(window)
    checkbox = box.checkBox()
    assert checkbox is not None and checkbox.text() == "Don't ask again"
    checkbox.setChecked(True)
    next(b for b in box.buttons() if b.text() == "Quit").click()
    await until(lambda: quits, 10, "quit")
    assert not window.settings.app.confirm_quit_active
    saved = await asyncio.to_thread(rig.store.load)
    assert not saved.app.confirm_quit_active


def test_the_setting_is_in_the_settings_dialog(rig: WindowRig, qtbot: Any) -> None:
    dialog = SettingsDialog(rig.window.settings, tray_available=False)
    qtbot.addWidget(dialog)
    assert dialog.confirm_quit_check.isChecked()
    assert dialog.tabs.currentWidget() is dialog.behaviour  # the first page, as in qBittorrent
    dialog.confirm_quit_check.setChecked(False)
    assert not dialog.settings().app.confirm_quit_active
    # kept when the window saves its layout on the way out
    kept = rig.window.settings_flow
    kept.settings = dialog.settings()
    assert not kept.keep_layout(rig.window.layout_state()).app.confirm_quit_active


async def test_help_menu(rig: WindowRig) -> None:
    window = rig.window
    titles = [a.text() for a in window.help.menu.actions() if not a.isSeparator()]
    assert titles == ["Documentation", "What Is BTT Speed?…", "Licence", "About BTT Desktop"]
    assert window.help.url is not None  # a source checkout: its README
    assert window.help.url.toLocalFile().endswith("README.md")
    dialog = window.help.show_licence()
    assert isinstance(dialog, LicenceDialog) and dialog.isVisible()
    assert licence_name() == "GPL-3.0-or-later"
    assert "GPL-3.0-or-later" in dialog.summary.text()
    # the full text, from the LICENSE the package carries
    text = dialog.text.toPlainText()
    assert text.splitlines()[0].strip() == "GNU GENERAL PUBLIC LICENSE"
    assert "Version 3, 29 June 2007" in text and "END OF TERMS AND CONDITIONS" in text
    dialog.close()
    about = window.help.show_about()
    assert "BTT Desktop" in about.text()
    about.close()
