"""Asking for a category (name and save path) and for tags (comma separated)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.tasks import TaskSet
from btt_desktop.ui.file_pickers import choose_directory
from btt_desktop.ui.theme import Tone, set_tone

log = logging.getLogger(__name__)


def clean_name(text: str) -> str:
    """A name as the engine keeps it: runs of white space become one space."""
    return " ".join(text.split())


def split_tags(text: str) -> tuple[str, ...]:
    """``"a, b ,,c"`` -> ``("a", "b", "c")``: tags are separated by commas."""
    return tuple(dict.fromkeys(t for part in text.split(",") if (t := clean_name(part))))


class CategoryDialog(QDialog):
    """A new category (``name`` given: that one, to edit its save path). An empty save
    path means the default one. OK once there is a name not taken already."""

    def __init__(self, *, taken: frozenset[str], name: str = "", save_path: str = "",
                 start_folder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("category_dialog")
        self._editing = bool(name)
        self._taken = taken
        self._start = start_folder
        self._tasks = TaskSet("category dialog task", logger=log)
        self.setWindowTitle(self.tr("Edit Category") if name else self.tr("New Category"))
        self.name_edit = QLineEdit(name)
        self.name_edit.setObjectName("category_name")
        self.name_edit.setReadOnly(self._editing)
        self.path_edit = QLineEdit(save_path)
        self.path_edit.setObjectName("category_save_path")
        self.path_edit.setPlaceholderText(self.tr("The default save path"))
        self.path_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        set_tone(self.problem, Tone.ERROR)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Save path:"), path_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._check)
        self._check()

    def name(self) -> str:
        return clean_name(self.name_edit.text())

    def save_path(self) -> str:
        return self.path_edit.text().strip()

    def _check(self) -> None:
        name = self.name()
        taken = not self._editing and name in self._taken
        self.problem.setText(self.tr("There is a category of that name already.")
                             if taken else "")
        self.problem.setVisible(taken)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(name) and not taken)

    def _browse(self) -> None:
        async def browse() -> None:
            chosen = await choose_directory(self, self.tr("Choose the category's folder"),
                                            self.save_path() or self._start)
            if chosen:
                self.path_edit.setText(chosen)
        self._tasks.spawn(browse())

    def done(self, result: int) -> None:
        self._tasks.cancel()
        super().done(result)


class TagsDialog(QDialog):
    """Tags to add, separated by commas. OK once there is one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tags_dialog")
        self.setWindowTitle(self.tr("Add Tags"))
        self.edit = QLineEdit()
        self.edit.setObjectName("tags_text")
        self.edit.setPlaceholderText(self.tr("tag, another tag"))
        self.edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 36)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tags, separated by commas:")))
        layout.addWidget(self.edit)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._check)
        self._check()

    def tags(self) -> tuple[str, ...]:
        return split_tags(self.edit.text())

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.tags()))
