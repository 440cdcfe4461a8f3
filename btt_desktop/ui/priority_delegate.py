"""Edits a file priority with a drop-down list (Do not download / Low / Normal / High)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from btt_desktop.ui.file_tree_model import PRIORITY_CHOICES, priority_name

AnyIndex = QModelIndex | QPersistentModelIndex


class PriorityDelegate(QStyledItemDelegate):
    """A combo box editor that commits as soon as an entry is picked."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: AnyIndex) -> QWidget:
        combo = QComboBox(parent)
        for priority in PRIORITY_CHOICES:
            combo.addItem(priority_name(priority), priority)
        combo.activated.connect(lambda _row: self._commit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        current = index.data(Qt.ItemDataRole.EditRole)
        row = editor.findData(current)
        editor.setCurrentIndex(row if row >= 0 else -1)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = editor.currentData()
        if value is not None and value != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, int(value), Qt.ItemDataRole.EditRole)

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)
