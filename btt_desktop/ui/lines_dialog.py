"""A dialog asking for several entries, one per line, each checked as it is typed.

The lines that do not parse are named in one sentence under the text, and OK stays
disabled until every line is good (and there is at least one).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

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

T = TypeVar("T")
Parse = Callable[[str], tuple[list[T], list[str]]]
MAX_NAMED = 3  # bad lines named in the sentence; the rest are counted


class CheckedLinesDialog(QDialog, Generic[T]):
    def __init__(self, *, title: str, prompt: str, placeholder: str, parse: Parse[T],
                 bad_sentence: Callable[[str], str], ok_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(560, 300)
        self._parse = parse
        self._bad_sentence = bad_sentence
        self._items: list[T] = []
        prompt_label = QLabel(prompt)
        prompt_label.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("lines")
        self.text.setPlaceholderText(placeholder)
        self.text.setTabChangesFocus(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("lines_error")
        self.error_label.setWordWrap(True)
        set_tone(self.error_label, Tone.ERROR)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt_label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._check)
        self._check()

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def items(self) -> list[T]:
        """What the lines hold, once every line is good."""
        return list(self._items)

    def _check(self) -> None:
        items, bad = self._parse(self.text.toPlainText())
        self._items = items if not bad else []
        if bad:
            named = ", ".join(bad[:MAX_NAMED])
            if len(bad) > MAX_NAMED:
                named = self.tr("{lines} and {count} more").format(
                    lines=named, count=len(bad) - MAX_NAMED)
            self.error_label.setText(self._bad_sentence(named))
        else:
            self.error_label.clear()
        self.ok_button.setEnabled(bool(items) and not bad)
