"""Typing a recovery phrase: completion from the BIP39 list and a live checksum check.

The completer works on the word under construction (the last one), not the whole line.
The status line names a bad word by position only: a typo is still most of a secret.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QVBoxLayout, QWidget

from btt_desktop.wallet import seedphrase

GOOD = "color: #1e8449;"
BAD = "color: #c0392b;"


class PhraseEdit(QLineEdit):
    """A one-line phrase field whose completer proposes BIP39 words for the last word."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phrase_edit")
        self.completer_ = QCompleter(QStringListModel(seedphrase.wordlist(), self), self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer_.setWidget(self)
        self.completer_.activated.connect(self.insert_word)
        self.textEdited.connect(self._propose)
        self.setPlaceholderText(self.tr("Type the words in order, separated by spaces"))

    def current_prefix(self) -> str:
        text = self.text()
        if not text or text[-1].isspace():
            return ""
        return text.split()[-1].lower()

    def _propose(self, _text: str) -> None:
        prefix = self.current_prefix()
        popup = self.completer_.popup()
        if prefix:
            self.completer_.setCompletionPrefix(prefix)
        count = self.completer_.completionCount() if prefix else 0
        whole_word = count == 1 and self.completer_.currentCompletion() == prefix
        if count == 0 or whole_word:
            if popup is not None:
                popup.hide()
            return
        self.completer_.complete()

    def insert_word(self, word: str) -> None:
        """Replace the word being typed with ``word`` and a space."""
        text = self.text()
        prefix = self.current_prefix()
        head = text[: len(text) - len(prefix)] if prefix else text
        self.setText(head + word + " ")
        self.textChanged.emit(self.text())


class PhraseInput(QWidget):
    """A :class:`PhraseEdit` and the live verdict on it; ``validity`` says if usable."""

    validity = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = PhraseEdit()
        self.status = QLabel()
        self.status.setObjectName("phrase_status")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.status)
        self._valid = False
        self.edit.textChanged.connect(self._check)
        self._check(self.edit.text())

    def is_valid(self) -> bool:
        return self._valid

    def phrase(self) -> str:
        return self.edit.text()

    def clear(self) -> None:
        self.edit.clear()

    def _check(self, text: str) -> None:
        words = seedphrase.normalize(text).split() if text.strip() else []
        valid = False
        style = ""
        if not words:
            message = self.tr("12, 15, 18, 21 or 24 words.")
        elif len(words) not in seedphrase.WORD_COUNTS:
            unknown = [i for i, w in enumerate(words, 1) if w not in _WORDS]
            if unknown and (text[-1].isspace() or unknown[-1] != len(words)):
                message = self.tr("Word {n} is not in the BIP39 word list.").format(n=unknown[0])
                style = BAD
            else:
                message = self.tr("{count} words so far.").format(count=len(words))
        else:
            try:
                seedphrase.validate(text)
            except seedphrase.InvalidMnemonic as exc:
                message = str(exc)
                style = BAD
            else:
                valid = True
                message = self.tr("Valid recovery phrase: {count} words, checksum correct.").format(
                    count=len(words))
                style = GOOD
        self.status.setText(message)
        self.status.setStyleSheet(style)
        if valid != self._valid:
            self._valid = valid
        self.validity.emit(valid)


_WORDS = frozenset(seedphrase.wordlist())
