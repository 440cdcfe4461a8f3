"""Categories, tags, export and super seeding, as qBittorrent offers them.

:class:`LabelActions` makes the menus of the sidebar's Categories and Tags lists (add,
edit, remove) and the torrent list's Category ▸ and Tags ▸ submenus, Export .torrent…
and Super Seeding Mode. Each change is one engine call started with the window's
:class:`TaskRunner`, so a refusal reaches the message area as one line. The engine tells
of no change to its lists, so after one the lists are read again (``reload``).
"""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Awaitable, Callable, Sequence

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from btt_desktop.engine.types import Category, TorrentSnapshot
from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.file_pickers import choose_directory, choose_save_file
from btt_desktop.ui.label_dialogs import CategoryDialog, TagsDialog
from btt_desktop.ui.labels_sidebar import LabelList
from btt_desktop.ui.tasks import TaskRunner, run_dialog
from btt_desktop.ui.torrent_filter import LabelFilter, LabelRow

_NOT_IN_FILE_NAMES = re.compile(r'[\x00-\x1f/\\:*?"<>|]')


def torrent_file_name(name: str, fallback: str) -> str:
    """``NAME.torrent`` with the characters no file system takes replaced."""
    clean = _NOT_IN_FILE_NAMES.sub("_", name).strip(" .")[:200]
    return (clean or fallback) + ".torrent"


def _free_path(folder: str, file_name: str, taken: set[str]) -> str:
    """``folder/file_name``, or ``NAME 2.torrent``... when that exists or is ``taken``."""
    stem = file_name.removesuffix(".torrent")
    path, counter = os.path.join(folder, file_name), 1
    while path in taken or os.path.exists(path):
        counter += 1
        path = os.path.join(folder, f"{stem} {counter}.torrent")
    return path


def _menu_text(name: str) -> str:
    return name.replace("&", "&&")  # a menu reads "&" as a shortcut mark


def is_complete(s: TorrentSnapshot) -> bool:
    return s.has_metadata and s.progress >= 1.0


class LabelActions(QObject):
    """``selected()`` gives the selected torrent ids, ``snapshot(id)`` a torrent's last
    snapshot, ``start_folder()`` where file choosers open."""

    def __init__(self, engine: EngineApi, tasks: TaskRunner, categories: LabelList,
                 tags: LabelList, *, selected: Callable[[], list[str]],
                 snapshot: Callable[[str], TorrentSnapshot | None],
                 start_folder: Callable[[], str], parent: QWidget) -> None:
        super().__init__(parent)
        self.engine = engine
        self.tasks = tasks
        self.category_list = categories
        self.tag_list = tags
        self._selected = selected
        self._snapshot = snapshot
        self._start_folder = start_folder
        self._parent = parent
        self.categories: dict[str, Category] = {}
        self.export = QAction(self.tr("Export .torrent…"), self)
        self.export.triggered.connect(lambda: self.export_torrents(self._selected()))
        self.super_seeding = QAction(self.tr("Super Seeding Mode"), self)
        self.super_seeding.setCheckable(True)
        self.super_seeding.setToolTip(self.tr(
            "Offer each peer pieces nobody else has, to spread a new torrent quickly"))
        self.super_seeding.triggered.connect(self._set_super_seeding)
        categories.menu_requested.connect(self.category_list_menu)
        tags.menu_requested.connect(self.tag_list_menu)

    # --- the engine's lists -----------------------------------------------------------

    def refresh(self) -> None:
        self.tasks.run(self.reload(), failing=self.tr("Cannot read the categories and tags"))

    async def reload(self) -> None:
        categories, tags = await self.engine.categories(), await self.engine.tags()
        self.categories = {c.name: c for c in categories}
        self.category_list.set_names(self.categories)
        self.tag_list.set_names(tags)

    def _after(self, failing: str, step: Callable[[], Awaitable[None]]) -> None:
        """Run the engine call ``step``, then read the lists again."""
        async def run() -> None:
            try:
                await step()
            finally:
                await self.reload()
        self.tasks.run(run(), failing=failing)

    # --- the sidebar's menus ----------------------------------------------------------

    def category_list_menu(self, label: LabelFilter, pos: QPoint) -> QMenu:
        menu = self._menu()
        menu.addAction(self.tr("Add Category…"), self.ask_new_category)
        if label.row is LabelRow.NAMED:
            menu.addAction(self.tr("Edit Category…"),
                           lambda: self.ask_edit_category(label.name))
            menu.addSeparator()
            menu.addAction(self.tr("Remove Category"), lambda: self._after(
                self.tr("Cannot remove the category"),
                lambda: self.engine.remove_category(label.name)))
        menu.popup(pos)
        return menu

    def tag_list_menu(self, label: LabelFilter, pos: QPoint) -> QMenu:
        menu = self._menu()
        menu.addAction(self.tr("Add Tag…"), lambda: self.ask_tags([]))
        if label.row is LabelRow.NAMED:
            menu.addSeparator()
            menu.addAction(self.tr("Remove Tag"), lambda: self._after(
                self.tr("Cannot remove the tag"),
                lambda: self.engine.delete_tags([label.name])))
        menu.popup(pos)
        return menu

    def _menu(self) -> QMenu:
        menu = QMenu(self._parent)
        menu.aboutToHide.connect(menu.deleteLater)
        return menu

    # --- the torrent list's menu ------------------------------------------------------

    def add_to_menu(self, menu: QMenu, ids: Sequence[str]) -> None:
        """Category ▸ and Tags ▸ for the torrents ``ids``."""
        snaps = [s for t in ids if (s := self._snapshot(t)) is not None]
        category = menu.addMenu(self.tr("Category"))
        category.setObjectName("category_menu")
        category.addAction(self.tr("New…"), lambda: self.ask_new_category(list(ids)))
        category.addAction(self.tr("Reset"), lambda: self.set_category(ids, ""))
        names = sorted(set(self.category_list.names()) | set(self.categories),
                       key=str.casefold)
        if names:
            category.addSeparator()
        for name in names:
            action = category.addAction(_menu_text(name))
            action.setCheckable(True)
            action.setChecked(bool(snaps) and all(s.category == name for s in snaps))
            action.triggered.connect(lambda _on, n=name: self.set_category(ids, n))

        tags = menu.addMenu(self.tr("Tags"))
        tags.setObjectName("tags_menu")
        tags.addAction(self.tr("Add…"), lambda: self.ask_tags(list(ids)))
        having = sorted({t for s in snaps for t in s.tags}, key=str.casefold)
        remove_all = tags.addAction(self.tr("Remove All"), lambda: self._after(
            self.tr("Cannot remove the tags"),
            lambda: self.engine.remove_tags(ids, having)))
        remove_all.setEnabled(bool(having))
        names = sorted(set(self.tag_list.names()) | set(having), key=str.casefold)
        if names:
            tags.addSeparator()
        for name in names:
            action = tags.addAction(_menu_text(name))
            action.setCheckable(True)
            action.setChecked(bool(snaps) and all(name in s.tags for s in snaps))
            action.triggered.connect(lambda on, n=name: self.set_tag(ids, n, on))

    def update_super_seeding(self, ids: Sequence[str]) -> None:
        """Shown only when every torrent in ``ids`` is complete; checked when each
        super-seeds."""
        snaps = [s for t in ids if (s := self._snapshot(t)) is not None]
        shown = bool(snaps) and all(is_complete(s) for s in snaps)
        self.super_seeding.setVisible(shown)
        self.super_seeding.setChecked(shown and all(s.super_seeding for s in snaps))

    # --- operations --------------------------------------------------------------------

    def set_category(self, ids: Sequence[str], name: str) -> None:
        self.tasks.run(self.engine.set_category(list(ids), name),
                       failing=self.tr("Cannot set the category"))

    def set_tag(self, ids: Sequence[str], name: str, on: bool) -> None:
        if on:
            self._after(self.tr("Cannot add the tag"),
                        lambda: self.engine.add_tags(list(ids), [name]))
        else:
            self.tasks.run(self.engine.remove_tags(list(ids), [name]),
                           failing=self.tr("Cannot remove the tag"))

    def ask_new_category(self, ids: Sequence[str] = ()) -> None:
        """Ask for a new category; put the torrents ``ids`` in it."""
        async def ask() -> None:
            dialog = CategoryDialog(taken=frozenset(self.categories),
                                    start_folder=self._start_folder(), parent=self._parent)
            try:
                if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
                    return
                name, path = dialog.name(), dialog.save_path()
            finally:
                dialog.deleteLater()
            try:
                created = await self.engine.create_category(name, path)
                if ids:
                    await self.engine.set_category(list(ids), created.name)
            finally:
                await self.reload()
        self.tasks.run(ask(), failing=self.tr("Cannot add the category"))

    def ask_edit_category(self, name: str) -> None:
        async def ask() -> None:
            current = self.categories.get(name, Category(name))
            dialog = CategoryDialog(taken=frozenset(self.categories), name=name,
                                    save_path=current.save_path,
                                    start_folder=self._start_folder(), parent=self._parent)
            try:
                if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
                    return
                path = dialog.save_path()
            finally:
                dialog.deleteLater()
            try:
                await self.engine.edit_category(name, path)
            finally:
                await self.reload()
        self.tasks.run(ask(), failing=self.tr("Cannot change the category"))

    def ask_tags(self, ids: Sequence[str]) -> None:
        """Ask for tags; add them to the torrents ``ids`` (none: to the list only)."""
        async def ask() -> None:
            dialog = TagsDialog(self._parent)
            try:
                if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
                    return
                tags = dialog.tags()
            finally:
                dialog.deleteLater()
            try:
                if ids:
                    await self.engine.add_tags(list(ids), tags)
                else:
                    await self.engine.create_tags(tags)
            finally:
                await self.reload()
        self.tasks.run(ask(), failing=self.tr("Cannot add the tags"))

    def _set_super_seeding(self, on: bool) -> None:
        ids = self._selected()
        if ids:
            self.tasks.run(self.engine.set_super_seeding(ids, on),
                           failing=self.tr("Cannot change super seeding"))

    def export_torrents(self, ids: Sequence[str]) -> None:
        """One torrent: ask for the file. Several: ask for a folder and save each as
        NAME.torrent there (NAME 2.torrent... when taken)."""
        ids = list(ids)
        if not ids:
            return
        failing = self.tr("Cannot export the .torrent file")

        def file_name(torrent_id: str) -> str:
            s = self._snapshot(torrent_id)
            return torrent_file_name(s.name if s is not None else "", torrent_id)

        async def export() -> None:
            start = self._start_folder()
            if len(ids) == 1:
                path = await choose_save_file(
                    self._parent, self.tr("Export .torrent"),
                    os.path.join(start, file_name(ids[0])),
                    self.tr("Torrent files (*.torrent)"), "torrent")
                if path:
                    await self.engine.export_torrent(ids[0], path)
                return
            folder = await choose_directory(
                self._parent, self.tr("Export .torrent Files to a Folder"), start)
            if not folder:
                return
            taken: set[str] = set()
            for torrent_id in ids:
                path = await asyncio.to_thread(_free_path, folder, file_name(torrent_id),
                                               taken)
                taken.add(path)
                # each on its own: a magnet without metadata does not stop the others
                self.tasks.run(self.engine.export_torrent(torrent_id, path), failing=failing)
        self.tasks.run(export(), failing=failing)
