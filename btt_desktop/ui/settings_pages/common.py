"""What the Settings dialog's pages share: their translation context, a page that
scrolls on a small screen, compact forms, and a path field with a Browse button."""

from __future__ import annotations

import enum
import os
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.ui.file_pickers import choose_directory
from btt_desktop.ui.fitting_scroll import FittingScrollArea
from btt_desktop.ui.limits_dialog import KIB
from btt_desktop.ui.tasks import run_dialog

# every page speaks in the dialog's context, so the translations stay in one place
CONTEXT = "SettingsDialog"

Spawn = Callable[[Coroutine[Any, Any, None]], object]
# (EngineSettings fields, AppSettings fields) a page changes
Changes = tuple[dict[str, Any], dict[str, Any]]


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class PathKind(enum.Enum):
    FOLDER = "folder"
    FILE = "file"


def scrolling_page(*groups: QWidget) -> FittingScrollArea:
    """The groups one under the other; the page scrolls when the screen is too small
    (a 1024x600 netbook) and shows in full when it has room."""
    content = QWidget()
    layout = QVBoxLayout(content)
    for group in groups:
        layout.addWidget(group)
    layout.addStretch(1)
    return FittingScrollArea(content, room=230)


def compact_form(box: QGroupBox) -> QFormLayout:
    """A form whose fields keep their natural width (no page-wide spin boxes)."""
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
    return form


def wide_form(box: QGroupBox) -> QFormLayout:
    """A form whose fields take the width (paths, host names)."""
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def rate(box: QSpinBox, original: int) -> int:
    """Bytes/s from a KiB/s box; an untouched box keeps the exact original value."""
    return original if box.value() == original // KIB else box.value() * KIB


class PathField(QWidget):
    """A path as typed, with a Browse… button (a folder, or a file of ``name_filter``)."""

    def __init__(self, text: str, *, kind: PathKind, title: str, spawn: Spawn,
                 name_filter: str = "", name: str = "") -> None:
        super().__init__()
        self.edit = QLineEdit(text)
        if name:
            self.edit.setObjectName(name)
        self.browse = QPushButton(_tr("Browse…"))
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse)
        self._kind, self._title, self._filter, self._spawn = kind, title, name_filter, spawn

    def text(self) -> str:
        return self.edit.text().strip()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def _browse(self) -> None:
        start = self.text()
        if self._kind is PathKind.FILE and start:
            start = os.path.dirname(os.path.expanduser(start))

        async def browse() -> None:
            if self._kind is PathKind.FOLDER:
                chosen = await choose_directory(self, self._title, start)
            else:
                chosen = await _choose_file(self, self._title, start, self._filter)
            if chosen:
                self.edit.setText(chosen)
        self._spawn(browse())


async def _choose_file(parent: QWidget, title: str, folder: str,
                       name_filter: str) -> str | None:
    dialog = QFileDialog(parent, title, folder, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
        return None
    chosen = dialog.selectedFiles()
    return chosen[0] if chosen else None


def switched_path(check: QCheckBox, field: PathField) -> None:
    """The path is used only while ``check`` is on (qBittorrent's "Keep incomplete
    torrents in: [x] ____")."""
    def follow(on: bool) -> None:
        field.setEnabled(on)
    check.toggled.connect(follow)
    follow(check.isChecked())


def path_problem(text: str) -> str | None:
    """Why a typed path cannot be used (relative), or None. ``~`` is allowed."""
    if text and not Path(text).expanduser().is_absolute():
        return _tr("“{path}” is not a full path.").format(path=text)
    return None
