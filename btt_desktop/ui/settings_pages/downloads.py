"""Settings → Downloads: where torrents are saved, the folder for incomplete ones, and
the watched folder whose .torrent and .magnet files are added by themselves."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from btt_desktop.settings_store import Settings
from btt_desktop.ui.settings_pages.common import (
    Changes,
    PathField,
    PathKind,
    Spawn,
    _tr,
    path_problem,
    scrolling_page,
    switched_path,
    wide_form,
)


class DownloadsPage(QWidget):
    def __init__(self, settings: Settings, spawn: Spawn) -> None:
        super().__init__()
        e, a = settings.engine, settings.app
        self._original = settings
        self.save_path = PathField(a.default_save_path, kind=PathKind.FOLDER,
                                   title=_tr("Default save path"), spawn=spawn,
                                   name="default_save_path")
        self.save_path_edit = self.save_path.edit
        self.incomplete_check = QCheckBox(_tr("Keep incomplete torrents in:"))
        self.incomplete_check.setObjectName("incomplete_enabled")
        self.incomplete_check.setChecked(bool(e.incomplete_path))
        self.incomplete_path = PathField(e.incomplete_path, kind=PathKind.FOLDER,
                                         title=_tr("Folder for incomplete torrents"),
                                         spawn=spawn, name="incomplete_path")
        switched_path(self.incomplete_check, self.incomplete_path)
        incomplete_note = QLabel(_tr("Finished torrents are moved to their save path."))
        incomplete_note.setWordWrap(True)
        self.start_paused_check = QCheckBox(_tr("Add torrents paused"))
        self.start_paused_check.setChecked(a.start_paused)
        self.sequential_check = QCheckBox(_tr("Download in sequential order by default"))
        self.sequential_check.setChecked(a.sequential_by_default)
        saving = QGroupBox(_tr("Saving"))
        form = wide_form(saving)
        form.addRow(_tr("Default save path:"), self.save_path)
        form.addRow(self.incomplete_check, self.incomplete_path)
        form.addRow("", incomplete_note)
        form.addRow("", self.start_paused_check)
        form.addRow("", self.sequential_check)

        self.watch_check = QCheckBox(_tr("Automatically add torrents from:"))
        self.watch_check.setObjectName("watched_enabled")
        self.watch_check.setChecked(bool(a.watched_folder))
        self.watch_folder = PathField(a.watched_folder, kind=PathKind.FOLDER,
                                      title=_tr("Watched folder"), spawn=spawn,
                                      name="watched_folder")
        self.watch_save_path = PathField(a.watched_save_path, kind=PathKind.FOLDER,
                                         title=_tr("Save torrents from the watched folder in"),
                                         spawn=spawn, name="watched_save_path")
        self.watch_save_path.edit.setPlaceholderText(_tr("The default save path"))
        self.watch_paused_check = QCheckBox(_tr("Add paused"))
        self.watch_paused_check.setObjectName("watched_paused")
        self.watch_paused_check.setChecked(a.watched_paused)
        watch_note = QLabel(_tr(
            ".torrent and .magnet files put in this folder are added, then renamed "
            "“.added” (or “.invalid”, with the reason shown in the window)."))
        watch_note.setWordWrap(True)
        watched = QGroupBox(_tr("Watched folder"))
        form = wide_form(watched)
        form.addRow(self.watch_check, self.watch_folder)
        form.addRow(_tr("Save to:"), self.watch_save_path)
        form.addRow("", self.watch_paused_check)
        form.addRow(watch_note)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

        def follow_watch(on: bool) -> None:
            for widget in (self.watch_folder, self.watch_save_path, self.watch_paused_check):
                widget.setEnabled(on)
        self.watch_check.toggled.connect(follow_watch)
        follow_watch(self.watch_check.isChecked())

        self.page = scrolling_page(saving, watched)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page)

    def problem(self) -> str | None:
        """Why the page cannot be saved as it is, or None."""
        paths = [self.save_path.text()]
        if self.incomplete_check.isChecked():
            paths.append(self.incomplete_path.text())
        if self.watch_check.isChecked():
            paths += [self.watch_folder.text(), self.watch_save_path.text()]
        for text in paths:
            problem = path_problem(text)
            if problem:
                return problem
        return None

    def changes(self) -> Changes:
        a = self._original.app
        incomplete = self.incomplete_path.text() if self.incomplete_check.isChecked() else ""
        watched = self.watch_folder.text() if self.watch_check.isChecked() else ""
        return ({"incomplete_path": incomplete}, {
            "default_save_path": self.save_path.text() or a.default_save_path,
            "start_paused": self.start_paused_check.isChecked(),
            "sequential_by_default": self.sequential_check.isChecked(),
            "watched_folder": watched,
            "watched_save_path": self.watch_save_path.text(),
            "watched_paused": self.watch_paused_check.isChecked(),
        })
