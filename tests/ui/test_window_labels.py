"""Categories and tags from the window (the sidebar's lists and menus, the torrent's
Category and Tags submenus, the add dialog), export of a .torrent, super seeding, and
the General tab of a magnet whose size is not known yet."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit, QMenu

from btt_desktop.engine.types import AddParams, TorrentSnapshot, TorrentState
from btt_desktop.ui.add_dialog import AddTorrentDialog
from btt_desktop.ui.formatting import format_size
from btt_desktop.ui.label_dialogs import CategoryDialog, TagsDialog
from btt_desktop.ui.labels_sidebar import LabelList
from btt_desktop.ui.main_window import MainWindow
from btt_desktop.ui.torrent_filter import LabelFilter, LabelKind, LabelRow
from btt_desktop.ui.torrent_model import StatusFilter
from btt_desktop.ui.torrent_sources import SourceKind, TorrentSource
from tests.ui.conftest import PeerFactory, WindowRig
from tests.ui.ui_helpers import find_widget, make_torrent, sha256, until

pytestmark = pytest.mark.timeout(90)


def rows(labels: LabelList) -> list[str]:
    return [labels.item(r).text() for r in range(labels.count())]


def action(menu: QMenu, text: str) -> object:
    found = next((a for a in menu.actions() if a.text() == text), None)
    assert found is not None, f"no {text!r} in {[a.text() for a in menu.actions()]}"
    return found


def submenu(menu: QMenu, text: str) -> QMenu:
    sub = action(menu, text).menu()  # type: ignore[attr-defined]
    assert isinstance(sub, QMenu)
    return sub


def select(window: MainWindow, ids: list[str]) -> None:
    view = window.view
    view.clearSelection()
    for tid in ids:
        row = window.model.row_of(tid)
        assert row is not None
        index = window.proxy.mapFromSource(window.model.index(row, 0))
        view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select
                                     | QItemSelectionModel.SelectionFlag.Rows)


def torrent_menu(window: MainWindow, ids: list[str]) -> QMenu:
    select(window, ids)
    menu = window.torrents.context_menu(QPoint(5, 5))
    assert menu is not None
    return menu


def snap(rig: WindowRig, tid: str) -> TorrentSnapshot:
    s = rig.engine.snapshot(tid)
    assert s is not None
    return s


async def ok(dialog: object) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined]
    await until(button.isEnabled, 5, "OK to be enabled")
    button.click()


async def test_categories_and_tags(rig: WindowRig, make_peer: PeerFactory,
                                   tmp_path: Path) -> None:
    window, engine = rig.window, rig.engine
    panel = window.torrents
    categories, tags = panel.category_list, panel.tag_list
    assert rows(categories) == ["All (0)", "Uncategorised (0)"]
    assert rows(tags) == ["All (0)", "Untagged (0)"]

    # right-click the Categories list: Add Category… with a save path
    linux = tmp_path / "linux"
    categories.customContextMenuRequested.emit(QPoint(5, 5))
    menu = await until(lambda: find_widget(window, QMenu), 5, "the categories menu")
    assert [a.text() for a in menu.actions()] == ["Add Category…"]
    action(menu, "Add Category…").trigger()  # type: ignore[attr-defined]
    menu.close()
    dialog = await until(lambda: find_widget(window, CategoryDialog), 5, "category dialog")
    dialog.name_edit.setText("  Linux   ISOs ")
    dialog.path_edit.setText(str(linux))
    await ok(dialog)
    await until(lambda: rows(categories)[2:] == ["Linux ISOs (0)"], 5, "the new category")
    assert [(c.name, c.save_path) for c in await engine.categories()] == [
        ("Linux ISOs", str(linux))]

    # add a torrent in that category, with tags, through the add dialog
    content, torrent = await make_torrent(tmp_path / "seed", {"disc.iso": 300_000},
                                          name="Distro")
    adding = asyncio.ensure_future(
        window.add_flow.add_source(TorrentSource(SourceKind.FILE, str(torrent))))
    add = await until(lambda: find_widget(window, AddTorrentDialog), 10, "add dialog")
    box = add.category_box
    await until(lambda: box.findText("Linux ISOs") >= 0, 5, "categories in the dialog")
    default = add.save_path()
    box.setCurrentIndex(box.findText("Linux ISOs"))
    assert add.save_path() == str(linux)  # the category's folder
    box.setCurrentIndex(0)
    assert add.save_path() == default
    box.setCurrentIndex(box.findText("Linux ISOs"))
    add.tags_edit.setText("iso, work,, iso")
    await ok(add)
    first = await asyncio.wait_for(adding, 20)
    assert first is not None
    assert snap(rig, first).category == "Linux ISOs"
    assert snap(rig, first).tags == ("iso", "work")
    assert window.settings.app.default_save_path == default  # not the category's path

    seeder = await make_peer()
    await seeder.engine.add(AddParams(save_path=str(content.parent), torrent_path=str(torrent),
                                      peers=(rig.endpoint,)))
    await until(lambda: (linux / "Distro" / "disc.iso").exists()
                and snap(rig, first).progress >= 1.0, 30, "the download")
    assert sha256(linux / "Distro" / "disc.iso") == sha256(content / "disc.iso")

    # a new category typed in the add dialog is created
    _c2, other = await make_torrent(tmp_path / "other", {"b.bin": 50_000}, name="Other")
    adding = asyncio.ensure_future(
        window.add_flow.add_source(TorrentSource(SourceKind.FILE, str(other))))
    add = await until(lambda: find_widget(window, AddTorrentDialog), 10, "add dialog")
    add.category_box.setEditText("Films")
    assert add.save_path() == default  # a new category has no folder of its own
    await ok(add)
    second = await asyncio.wait_for(adding, 20)
    assert second is not None
    assert snap(rig, second).category == "Films"
    await until(lambda: rows(categories) == [
        "All (2)", "Uncategorised (0)", "Films (1)", "Linux ISOs (1)"], 5, "counts")
    await engine.set_category([second], "")
    await until(lambda: rows(categories) == [
        "All (2)", "Uncategorised (1)", "Films (0)", "Linux ISOs (1)"], 5, "counts")
    assert rows(tags) == ["All (2)", "Untagged (1)", "iso (1)", "work (1)"]

    # the sidebar filters combine with the status filter and the search box
    assert categories.select(LabelFilter(LabelKind.CATEGORY, LabelRow.NAMED, "Linux ISOs"))
    assert window.proxy.rowCount() == 1
    window.sidebar.select(StatusFilter.PAUSED)
    assert window.proxy.rowCount() == 0
    window.sidebar.select(StatusFilter.ALL)
    window.search.setText("oth")
    assert window.proxy.rowCount() == 0
    window.search.clear()
    assert categories.select(LabelFilter(LabelKind.CATEGORY, LabelRow.NONE))
    assert window.proxy.rowCount() == 1
    assert tags.select(LabelFilter(LabelKind.TAG, LabelRow.NAMED, "iso"))
    assert window.proxy.rowCount() == 0
    assert tags.select(LabelFilter(LabelKind.TAG, LabelRow.NONE))
    assert window.proxy.rowCount() == 1
    categories.select(LabelFilter(LabelKind.CATEGORY))
    tags.select(LabelFilter(LabelKind.TAG))
    assert window.proxy.rowCount() == 2

    # Tags ▸ Add… on the second torrent
    menu = torrent_menu(window, [second])
    tag_menu = submenu(menu, "Tags")
    assert [a.text() for a in tag_menu.actions() if not a.isSeparator()] == [
        "Add…", "Remove All", "iso", "work"]
    action(tag_menu, "Add…").trigger()  # type: ignore[attr-defined]
    menu.close()
    asking = await until(lambda: find_widget(window, TagsDialog), 5, "tags dialog")
    asking.edit.setText("iso, new one")
    await ok(asking)
    await until(lambda: snap(rig, second).tags == ("iso", "new one"), 5, "tags added")
    await until(lambda: "iso (2)" in rows(tags) and "new one (1)" in rows(tags), 5,
                "tag counts")

    # untick one tag, then Remove All
    menu = torrent_menu(window, [second])
    tag_menu = submenu(menu, "Tags")
    iso = action(tag_menu, "iso")
    assert iso.isChecked()  # type: ignore[attr-defined]
    assert not action(tag_menu, "work").isChecked()  # type: ignore[attr-defined]
    iso.trigger()  # type: ignore[attr-defined]
    menu.close()
    await until(lambda: snap(rig, second).tags == ("new one",), 5, "tag removed")
    menu = torrent_menu(window, [first, second])
    action(submenu(menu, "Tags"), "Remove All").trigger()  # type: ignore[attr-defined]
    menu.close()
    await until(lambda: snap(rig, first).tags == () and snap(rig, second).tags == (), 5,
                "all tags removed")
    assert rows(tags)[:2] == ["All (2)", "Untagged (2)"]

    # Category ▸ a category, then Reset
    menu = torrent_menu(window, [second])
    cat_menu = submenu(menu, "Category")
    assert [a.text() for a in cat_menu.actions() if not a.isSeparator()] == [
        "New…", "Reset", "Films", "Linux ISOs"]
    action(cat_menu, "Linux ISOs").trigger()  # type: ignore[attr-defined]
    menu.close()
    await until(lambda: snap(rig, second).category == "Linux ISOs", 5, "category set")
    await until(lambda: "Linux ISOs (2)" in rows(categories), 5, "category count")
    menu = torrent_menu(window, [second])
    assert action(submenu(menu, "Category"), "Linux ISOs").isChecked()  # type: ignore[attr-defined]
    action(submenu(menu, "Category"), "Reset").trigger()  # type: ignore[attr-defined]
    menu.close()
    await until(lambda: snap(rig, second).category == "", 5, "category reset")

    # the sidebar's menus: edit and remove a category, add and remove a tag
    named = LabelFilter(LabelKind.CATEGORY, LabelRow.NAMED, "Linux ISOs")
    menu = panel.labels.category_list_menu(named, QPoint(0, 0))
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "Add Category…", "Edit Category…", "Remove Category"]
    action(menu, "Edit Category…").trigger()  # type: ignore[attr-defined]
    menu.close()
    editing = await until(lambda: find_widget(window, CategoryDialog), 5, "edit dialog")
    assert editing.name_edit.isReadOnly()
    assert editing.path_edit.text() == str(linux)
    editing.path_edit.setText(str(tmp_path / "isos"))
    await ok(editing)
    await until(lambda: panel.labels.categories["Linux ISOs"].save_path
                == str(tmp_path / "isos"), 5, "the new save path")
    menu = panel.labels.category_list_menu(named, QPoint(0, 0))
    action(menu, "Remove Category").trigger()  # type: ignore[attr-defined]
    menu.close()
    await until(lambda: rows(categories) == ["All (2)", "Uncategorised (2)", "Films (0)"],
                5, "the category gone")
    assert snap(rig, first).category == ""

    menu = panel.labels.tag_list_menu(LabelFilter(LabelKind.TAG), QPoint(0, 0))
    assert [a.text() for a in menu.actions()] == ["Add Tag…"]
    action(menu, "Add Tag…").trigger()  # type: ignore[attr-defined]
    menu.close()
    asking = await until(lambda: find_widget(window, TagsDialog), 5, "tags dialog")
    asking.edit.setText("later")
    await ok(asking)
    await until(lambda: "later (0)" in rows(tags), 5, "the new tag")
    menu = panel.labels.tag_list_menu(LabelFilter(LabelKind.TAG, LabelRow.NAMED, "later"),
                                      QPoint(0, 0))
    action(menu, "Remove Tag").trigger()  # type: ignore[attr-defined]
    menu.close()
    await until(lambda: "later (0)" not in rows(tags), 5, "the tag gone")
    assert "later" not in await engine.tags()
    assert window.errors == []


async def test_export_super_seeding_and_a_magnet_without_metadata(
        rig: WindowRig, tmp_path: Path) -> None:
    window, engine = rig.window, rig.engine
    content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 200_000}, name="Seeded")
    seeded = await engine.add(AddParams(save_path=str(content.parent),
                                        torrent_path=str(torrent)))
    await until(lambda: snap(rig, seeded).state is TorrentState.SEEDING, 20, "seeding")
    magnet_hash = "0123456789abcdef0123456789abcdef01234567"
    magnet = await engine.add(AddParams(save_path=str(tmp_path / "downloads"),
                                        magnet=f"magnet:?xt=urn:btih:{magnet_hash}&dn=Nobody"))
    await until(lambda: window.model.rowCount() == 2, 10, "two rows")

    # super seeding: only for complete torrents, checkable
    menu = torrent_menu(window, [magnet])
    assert not action(menu, "Super Seeding Mode").isVisible()  # type: ignore[attr-defined]
    menu.close()
    menu = torrent_menu(window, [seeded])
    super_seeding = action(menu, "Super Seeding Mode")
    assert super_seeding.isVisible() and not super_seeding.isChecked()  # type: ignore[attr-defined]
    super_seeding.trigger()  # type: ignore[attr-defined]
    menu.close()
    await until(lambda: snap(rig, seeded).super_seeding, 5, "super seeding on")
    menu = torrent_menu(window, [seeded])
    assert action(menu, "Super Seeding Mode").isChecked()  # type: ignore[attr-defined]
    action(menu, "Super Seeding Mode").trigger()  # type: ignore[attr-defined]
    menu.close()
    await until(lambda: not snap(rig, seeded).super_seeding, 5, "super seeding off")

    # export one torrent to a file the user names
    out = tmp_path / "exported" / "mine.torrent"
    out.parent.mkdir()
    menu = torrent_menu(window, [seeded])
    action(menu, "Export .torrent…").trigger()  # type: ignore[attr-defined]
    menu.close()
    chooser = await until(lambda: find_widget(window, QFileDialog), 5, "the file chooser")
    assert chooser.selectedFiles()[0].endswith("Seeded.torrent")
    chooser.setDirectory(str(out.parent))  # the user opens a folder and types a name
    name_edit = chooser.findChild(QLineEdit, "fileNameEdit")
    assert name_edit is not None
    name_edit.setText(out.name)
    chooser.accept()
    await until(out.exists, 10, "the exported file")
    meta = await engine.inspect(AddParams(save_path=str(tmp_path), torrent_path=str(out)))
    assert meta.info_hash_v1 == seeded

    # several: each as NAME.torrent in a folder; the magnet says it has no metadata
    folder = tmp_path / "many"
    folder.mkdir()
    (folder / "Seeded.torrent").write_bytes(b"taken")
    menu = torrent_menu(window, [seeded, magnet])
    action(menu, "Export .torrent…").trigger()  # type: ignore[attr-defined]
    menu.close()
    chooser = await until(lambda: find_widget(window, QFileDialog), 5, "the folder chooser")
    chooser.setDirectory(str(folder))
    chooser.accept()
    await until(lambda: (folder / "Seeded 2.torrent").exists(), 10, "the exported file")
    meta = await engine.inspect(AddParams(save_path=str(tmp_path),
                                          torrent_path=str(folder / "Seeded 2.torrent")))
    assert meta.info_hash_v1 == seeded
    await until(lambda: window.errors, 10, "the magnet's refusal")
    assert window.errors == [
        "Cannot export the .torrent file: Nobody has no metadata yet: nothing to export"]
    assert not (folder / "Nobody.torrent").exists()

    # the General tab: a magnet still fetching metadata has no known size
    select(window, [magnet])
    window.details.tabs.setCurrentWidget(window.details.general)
    fields = window.details.general.fields
    await until(lambda: fields["size"].text() == "Unknown", 10, "Unknown size")
    assert fields["pieces"].text() == "Unknown"
    select(window, [seeded])
    await until(lambda: fields["size"].text() == format_size(200_000), 10, "the known size")
    assert fields["pieces"].text().endswith(f"(have {fields['pieces'].text().split()[0]})")
