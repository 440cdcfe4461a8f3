"""Typing a recovery phrase: completion from the BIP39 list and a live checksum check.

The completer works on the word being typed, not on the whole text.
The status line names a bad word by position only: a typo is still most of a secret.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QCompleter, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from btt_desktop.ui.theme import Tone, set_tone
from btt_desktop.wallet import seedphrase


class PhraseEdit(QPlainTextEdit):
    """A few lines for the phrase; the completer proposes BIP39 words for the word being
    typed (the letters left of the cursor). Enter or Tab takes the proposal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phrase_edit")
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        lines = 3
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines
                            + 2 * int(self.document().documentMargin()) + 2 * self.frameWidth())
        self.completer_ = QCompleter(QStringListModel(seedphrase.wordlist(), self), self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer_.setWidget(self)
        self.completer_.activated.connect(self.insert_word)
        self.setPlaceholderText(self.tr("Type the words in order, separated by spaces"))

    # QLineEdit-like access, for the form and its tests
    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.End)

    def current_prefix(self) -> str:
        """The letters of the word left of the cursor ("" after a space)."""
        before = self.toPlainText()[: self.textCursor().position()]
        if not before or before[-1].isspace():
            return ""
        return before.split()[-1].lower()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer_.popup()
        if popup is not None and popup.isVisible() and event.key() in (
                Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Escape,
                Qt.Key.Key_Backtab):
            event.ignore()  # the completer's popup takes these
            return
        if event.key() in (Qt.Key.Key_Enter, Qt.Key.Key_Return):
            event.ignore()  # no line breaks in a phrase; let the dialog have Enter
            return
        super().keyPressEvent(event)
        if event.text():
            self.propose()

    def propose(self) -> None:
        """Show the words that start like the one being typed (none for a whole word)."""
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
        if popup is not None:
            popup.setCurrentIndex(self.completer_.completionModel().index(0, 0))
        rect = self.cursorRect()
        rect.setWidth(160)
        self.completer_.complete(rect)

    def insert_word(self, word: str) -> None:
        """Replace the word being typed with ``word`` and a space."""
        cursor = self.textCursor()
        prefix = self.current_prefix()
        cursor.movePosition(QTextCursor.MoveOperation.Left,
                            QTextCursor.MoveMode.KeepAnchor, len(prefix))
        cursor.insertText(word + " ")
        self.setTextCursor(cursor)


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
        self.edit.textChanged.connect(lambda: self._check(self.edit.text()))
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
        tone: Tone | None = None
        last = words[-1] if words else ""
        typing = bool(last) and not text[-1].isspace() and last not in _WORDS and any(
            word.startswith(last) for word in _WORDS)
        if not words:
            message = self.tr("12, 15, 18, 21 or 24 words.")
        elif typing:
            message = self.tr("{count} words so far.").format(count=len(words) - 1)
        elif len(words) not in seedphrase.WORD_COUNTS:
            unknown = [i for i, w in enumerate(words, 1) if w not in _WORDS]
            if unknown and (text[-1].isspace() or unknown[-1] != len(words)):
                message = self.tr("Word {n} is not in the BIP39 word list.").format(n=unknown[0])
                tone = Tone.ERROR
            else:
                message = self.tr("{count} words so far.").format(count=len(words))
        else:
            try:
                seedphrase.validate(text)
            except seedphrase.InvalidMnemonic as exc:
                message = str(exc)
                tone = Tone.ERROR
            else:
                valid = True
                message = self.tr("Valid recovery phrase: {count} words, checksum correct.").format(
                    count=len(words))
                tone = Tone.GOOD
        self.status.setText(message)
        set_tone(self.status, tone)
        if valid != self._valid:
            self._valid = valid
        self.validity.emit(valid)


_WORDS = frozenset(seedphrase.wordlist())
