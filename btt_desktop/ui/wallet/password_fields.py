"""New-password entry: the password twice, a strength hint, and whether they match.

The hint is a rough guide (length and variety of characters), not a promise: the
wallet service enforces only the minimum length.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from btt_desktop.wallet.service import MIN_PASSWORD_LENGTH

CONTEXT = "PasswordFields"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def strength(password: str) -> int:
    """0 (too short) to 4 (strong)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return 0
    kinds = sum([any(c.islower() for c in password), any(c.isupper() for c in password),
                 any(c.isdigit() for c in password), any(not c.isalnum() for c in password)])
    score = 1
    if len(password) >= 12:
        score += 1
    if len(password) >= 16:
        score += 1
    if kinds >= 3:
        score += 1
    if len(set(password)) < 5:
        score = 1
    return min(score, 4)


def strength_hint(password: str) -> str:
    if not password:
        return _tr("At least {n} characters. A few unrelated words make a strong password."
                   ).format(n=MIN_PASSWORD_LENGTH)
    level = strength(password)
    if level == 0:
        return _tr("Too short: at least {n} characters.").format(n=MIN_PASSWORD_LENGTH)
    return [_tr("Weak: make it longer."), _tr("Fair: longer is better."),
            _tr("Good."), _tr("Strong.")][level - 1]


class NewPasswordFields(QWidget):
    """Two password fields; ``changed`` whenever the pair becomes (in)acceptable."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.password = QLineEdit()
        self.password.setObjectName("new_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat_password")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = QLabel()
        self.hint.setObjectName("password_hint")
        self.hint.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat:"), self.repeat)
        form.addRow("", self.hint)
        self.password.textChanged.connect(self._update)
        self.repeat.textChanged.connect(self._update)
        self._update()

    def text(self) -> str:
        return self.password.text()

    def problem(self) -> str | None:
        """Why the pair cannot be used yet (None: it can)."""
        first, second = self.password.text(), self.repeat.text()
        if len(first) < MIN_PASSWORD_LENGTH:
            return self.tr("The password needs at least {n} characters.").format(
                n=MIN_PASSWORD_LENGTH)
        if first != first.strip():
            return self.tr("The password must not start or end with a space.")
        if first != second:
            return self.tr("The two passwords differ.")
        return None

    def is_acceptable(self) -> bool:
        return self.problem() is None

    def clear(self) -> None:
        self.password.clear()
        self.repeat.clear()

    def _update(self) -> None:
        first, second = self.password.text(), self.repeat.text()
        hint = strength_hint(first)
        if second and first != second:
            hint = hint + " " + self.tr("The two passwords differ.")
        self.hint.setText(hint)
        self.changed.emit()
