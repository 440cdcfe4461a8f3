"""Choosing a new wallet password (the current one is then asked by :mod:`protected`)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from btt_desktop.ui.icons import icon
from btt_desktop.ui.wallet.password_fields import NewPasswordFields


class ChangePasswordDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("change_password_dialog")
        self.setWindowTitle(self.tr("Change the wallet password"))
        self.setWindowIcon(icon("lock"))
        self.setMinimumWidth(420)
        intro = QLabel(self.tr("Choose the new password. The current one is asked next."))
        intro.setWordWrap(True)
        self.fields = NewPasswordFields()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.fields.changed.connect(
            lambda: self.ok_button.setEnabled(self.fields.is_acceptable()))
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fields)
        layout.addWidget(self.buttons)

    def new_password(self) -> str:
        return self.fields.text()

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            self.fields.clear()
        super().done(result)
