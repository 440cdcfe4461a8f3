"""Copying to the clipboard; secrets are cleared again after a while, if still ours.

Only a digest of a copied secret is kept, to recognise it later: if the user copied
something else meanwhile, that is left alone.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

SECRET_CLEAR_MS = 30_000


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def copy_text(text: str) -> None:
    """Put public text (an address, a transaction id) on the clipboard."""
    QGuiApplication.clipboard().setText(text)


class SecretClipboard(QObject):
    """Copies secrets and clears them ``clear_ms`` later unless the clipboard changed."""

    def __init__(self, clear_ms: int = SECRET_CLEAR_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clear_ms = clear_ms
        self._digest: bytes | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)

    @property
    def holds_secret(self) -> bool:
        return self._digest is not None

    def copy(self, secret: str) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(secret, QClipboard.Mode.Clipboard)
        self._digest = _digest(secret)
        self._timer.start(self.clear_ms)

    def clear(self) -> None:
        """Empty the clipboard if it still holds the secret we put there."""
        self._timer.stop()
        if self._digest is None:
            return
        clipboard = QGuiApplication.clipboard()
        if _digest(clipboard.text(QClipboard.Mode.Clipboard)) == self._digest:
            clipboard.clear(QClipboard.Mode.Clipboard)
        self._digest = None
