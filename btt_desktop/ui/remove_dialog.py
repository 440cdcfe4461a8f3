"""Confirms removing torrents, optionally with their downloaded files."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)


class RemoveDialog(QDialog):
    def __init__(self, names: list[str], *, delete_files: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remove Torrents"))
        self.setObjectName("remove_dialog")
        if len(names) == 1:
            question = self.tr("Remove \u201c{name}\u201d from the transfer list?").format(
                name=names[0])
        else:
            question = self.tr("Remove these {count} torrents from the transfer list?").format(
                count=len(names))
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(40, 40))
        text = QLabel(question)
        text.setWordWrap(True)
        self.delete_files_check = QCheckBox(self.tr("Also delete the downloaded files"))
        self.delete_files_check.setObjectName("delete_files")
        self.delete_files_check.setChecked(delete_files)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.remove_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.remove_button.setText(self.tr("Remove"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.delete_files_check)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def delete_files(self) -> bool:
        return self.delete_files_check.isChecked()
