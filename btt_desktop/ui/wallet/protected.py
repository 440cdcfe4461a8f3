"""The one way a password-protected wallet action runs (Electrum's ``@protected``).

:func:`run_protected` asks for the password in a :class:`PasswordDialog`, runs the
action with it and, on "wrong password" (or any other one-line error), says so in the
same dialog and lets the user try again. With :attr:`Policy.UNLOCK` no password is asked
when the wallet is already unlocked, or when the OS keyring remembers the password: the
action then receives ``None``. Export always asks (:attr:`Policy.ALWAYS`).

:func:`protected` is the decorator form for methods of a widget holding ``service``.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.errors import BttError, WrongPassword, one_line
from btt_desktop.ui.icons import icon
from btt_desktop.ui.theme import Tone, set_tone
from btt_desktop.wallet.service import WalletService
from btt_desktop.wallet.types import WalletState

log = logging.getLogger(__name__)

T = TypeVar("T")
CONTEXT = "Protected"


class Policy(Enum):
    ALWAYS = "always"   # ask every time (export, change password)
    UNLOCK = "unlock"   # only if the wallet is locked and the keyring cannot unlock it


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """``done`` is False when the user cancelled; ``value`` is what the action returned."""

    done: bool
    value: T | None = None


class PasswordDialog(QDialog):
    """Asks for the wallet password; stays open on a wrong one, showing why."""

    def __init__(self, parent: QWidget | None, title: str, text: str,
                 note: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("password_dialog")
        self.setWindowTitle(title)
        self.setWindowIcon(icon("lock"))
        self.setMinimumWidth(380)
        self._submissions: asyncio.Queue[str | None] = asyncio.Queue()
        self._busy = False
        self.text_label = QLabel(text)
        self.text_label.setWordWrap(True)
        self.note_label = QLabel(note or "")
        self.note_label.setObjectName("password_note")
        self.note_label.setWordWrap(True)
        self.note_label.setVisible(bool(note))
        self.field = QLineEdit()
        self.field.setObjectName("password_field")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(self.tr("Wallet password"))
        self.error_label = QLabel()
        self.error_label.setObjectName("password_error")
        set_tone(self.error_label, Tone.ERROR)
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.field)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.field.setEnabled(not busy)
        self.buttons.setEnabled(not busy)
        if busy:
            self.error_label.setText(self.tr("Checking the password…"))

    def show_error(self, line: str) -> None:
        self.error_label.setText(line)
        self.field.clear()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    async def next_password(self) -> str | None:
        """The next password the user submits, or None if they cancelled."""
        return await self._submissions.get()

    def accept(self) -> None:  # OK: hand the password over, stay open until it is checked
        if not self._busy:
            self._submissions.put_nowait(self.field.text())

    def reject(self) -> None:
        if self._busy:
            return
        self._submissions.put_nowait(None)
        super().reject()

    def succeed(self) -> None:
        self.field.clear()
        self.done(QDialog.DialogCode.Accepted)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        self._submissions.put_nowait(None)
        super().closeEvent(event)


async def run_protected(parent: QWidget | None, service: WalletService,
                        action: Callable[[str | None], Awaitable[T]], *, title: str,
                        text: str, policy: Policy = Policy.ALWAYS) -> Outcome[T]:
    """Run ``action(password)``; see the module docstring."""
    note: str | None = None
    if policy is Policy.UNLOCK:
        if service.state is WalletState.UNLOCKED:
            return Outcome(True, await action(None))
        if service.info.remembered:
            remembered = await service.unlock_remembered()
            if remembered.unlocked:
                return Outcome(True, await action(None))
            note = remembered.reason
    dialog = PasswordDialog(parent, title, text, note)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    try:
        while True:
            password = await dialog.next_password()
            if password is None:
                return Outcome(False)
            dialog.set_busy(True)
            try:
                value = await action(password)
            except WrongPassword:
                dialog.set_busy(False)
                dialog.show_error(QCoreApplication.translate(
                    CONTEXT, "Wrong password. Try again."))
                continue
            except BttError as exc:
                dialog.set_busy(False)
                dialog.show_error(str(exc))
                continue
            except Exception as exc:
                log.error("protected action failed", exc_info=exc)
                dialog.set_busy(False)
                dialog.show_error(one_line(exc))
                continue
            dialog.set_busy(False)
            dialog.succeed()
            return Outcome(True, value)
    finally:
        dialog.field.clear()
        dialog.deleteLater()


class HasWalletService(Protocol):
    service: WalletService


W = TypeVar("W", bound=HasWalletService)


def protected(title: str, text: str, policy: Policy = Policy.ALWAYS
              ) -> Callable[[Callable[[W, str | None], Awaitable[T]]],
                            Callable[[W], Awaitable[Outcome[T]]]]:
    """Decorate ``async def method(self, password)`` into ``async def method(self)``.

    ``title`` and ``text`` are source strings, translated in the "Protected" context
    when the dialog opens (mark them with ``QT_TRANSLATE_NOOP("Protected", ...)``).
    """
    def decorate(method: Callable[[W, str | None], Awaitable[T]]
                 ) -> Callable[[W], Awaitable[Outcome[T]]]:
        @functools.wraps(method)
        async def run(self: W) -> Outcome[T]:
            parent: Any = self if isinstance(self, QWidget) else None
            return await run_protected(
                parent, self.service, lambda password: method(self, password),
                title=QCoreApplication.translate(CONTEXT, title),
                text=QCoreApplication.translate(CONTEXT, text), policy=policy)
        return run
    return decorate
