"""Asks for magnet links or .torrent URLs, one per line (pre-filled from the clipboard)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.ui.theme import Tone, set_tone
from btt_desktop.ui.torrent_sources import classify_all


class AddLinksDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add Magnet Links or URLs"))
        self.setObjectName("add_links_dialog")
        self.resize(620, 260)
        label = QLabel(self.tr("One magnet link, info hash or .torrent URL per line:"))
        self.text = QPlainTextEdit()
        self.text.setObjectName("links")
        self.text.setPlaceholderText("magnet:?xt=urn:btih:…")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        set_tone(self.error_label, Tone.ERROR)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.buttons.accepted.connect(self._check_and_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._validate)
        clipboard = QGuiApplication.clipboard().text().strip() if QGuiApplication.clipboard() \
            else ""
        if clipboard:
            sources, errors = classify_all(clipboard.splitlines())
            if sources and not errors and all(s.kind.value != "file" for s in sources):
                self.text.setPlainText(clipboard)
        self._validate()

    def links(self) -> list[str]:
        return [line.strip() for line in self.text.toPlainText().splitlines() if line.strip()]

    @property
    def add_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _validate(self) -> None:
        """As the user types: Add only when every line is a usable link; the first bad
        line says why (libtorrent's reason for a bad magnet link)."""
        _sources, errors = classify_all(self.links())
        if errors:
            bad = len(errors)
            self.error_label.setText(errors[0] if bad == 1 else self.tr(
                "{first} (and {more} more)").format(first=errors[0], more=bad - 1))
        else:
            self.error_label.setText("")
        self.add_button.setEnabled(bool(self.links()) and not errors)

    def _check_and_accept(self) -> None:
        _sources, errors = classify_all(self.links())
        if errors:
            self.error_label.setText(errors[0])
            return
        if not self.links():
            self.error_label.setText(self.tr("Enter at least one link."))
            return
        self.accept()
