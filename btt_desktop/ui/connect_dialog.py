"""File ▸ Connect to Daemon…: the address of a ``btt daemon``, the user and the password,
with "Remember" (the password in the OS keyring).

Connect runs ``submit`` (the connection itself) and the dialog closes only once it
succeeded; a refusal (a wrong password, no daemon there) shows its one line under the
fields and the dialog stays, with what was typed.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.errors import BttError, one_line
from btt_desktop.remote.credentials import DEFAULT_USER, DaemonLogin
from btt_desktop.tasks import TaskSet
from btt_desktop.ui.message_bar import sentence
from btt_desktop.ui.theme import Tone, set_tone

log = logging.getLogger(__name__)


class ConnectDialog(QDialog):
    def __init__(self, last: DaemonLogin | None, *, keyring_problem: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connect_dialog")
        self.setWindowTitle(self.tr("Connect to Daemon"))
        self.submit: Callable[[DaemonLogin], Awaitable[None]] | None = None
        self._tasks = TaskSet("connect dialog task", logger=log)
        self._busy = False

        intro = QLabel(self.tr("Drive the torrents of a BTT daemon (btt daemon) from this "
                               "window. BTT Speed and the wallet stay on this computer."))
        intro.setWordWrap(True)
        self.address = QLineEdit()
        self.address.setObjectName("daemon_address")
        self.address.setPlaceholderText("http://192.168.1.5:8080")
        self.user = QLineEdit(DEFAULT_USER)
        self.user.setObjectName("daemon_user")
        self.password = QLineEdit()
        self.password.setObjectName("daemon_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password on this computer"))
        self.remember.setObjectName("daemon_remember")
        if keyring_problem:
            self.remember.setEnabled(False)
            self.remember.setToolTip(self.tr("No secure OS keyring: {reason}").format(
                reason=keyring_problem))
        if last is not None:
            self.address.setText(last.address)
            self.user.setText(last.username)
            self.password.setText(last.password)
            self.remember.setChecked(last.remember and not keyring_problem)

        form = QFormLayout()
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.remember)

        self.error = QLabel()
        self.error.setObjectName("connect_error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_tone(self.error, Tone.ERROR)
        self.error.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton(
            self.tr("Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setObjectName("connect_button")
        self.connect_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for edit in (self.address, self.user):
            edit.textChanged.connect(lambda _t: self._update_ok())
        self._update_ok()
        (self.password if self.address.text() else self.address).setFocus()
        self.setMinimumWidth(min(460, self.screen().availableGeometry().width() - 40))

    def login(self) -> DaemonLogin:
        return DaemonLogin(self.address.text().strip(), self.user.text().strip(),
                           self.password.text(), self.remember.isChecked())

    def _update_ok(self) -> None:
        self.connect_button.setEnabled(not self._busy and bool(self.address.text().strip())
                                       and bool(self.user.text().strip()))

    def accept(self) -> None:
        if self.submit is None:
            super().accept()
            return
        if self._busy:
            return
        self._busy = True
        self.error.hide()
        self.connect_button.setText(self.tr("Connecting…"))
        self._update_ok()
        self._tasks.spawn(self._run_submit(self.submit))

    async def _run_submit(self, submit: Callable[[DaemonLogin], Awaitable[None]]) -> None:
        try:
            await submit(self.login())
        except BttError as exc:
            self.show_refusal(one_line(exc))
            return
        finally:
            self._busy = False
            self.connect_button.setText(self.tr("Connect"))
            self._update_ok()
        super().accept()

    def show_refusal(self, line: str) -> None:
        self.error.setText(sentence(line))
        self.error.show()

    def done(self, result: int) -> None:
        self._tasks.cancel()
        super().done(result)
