"""First run, when the profile holds no wallet: create one, or restore one.

Create: 12 or 24 words shown once in a numbered grid with a plain warning, three or four
of them asked back by position, then the password. Restore: a recovery phrase (with an
optional BIP39 passphrase), a private key, a TronLink / Ethereum keystore file, or an
address to watch. Every slow step (scrypt, file writes) runs off the loop in the service.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.errors import BttError, WrongPassword
from btt_desktop.ui.file_pickers import choose_file
from btt_desktop.ui.icons import icon
from btt_desktop.ui.tasks import TaskRunner
from btt_desktop.ui.theme import Tone, set_tone
from btt_desktop.ui.wallet.password_fields import NewPasswordFields
from btt_desktop.ui.wallet.phrase_input import PhraseInput
from btt_desktop.wallet.service import WalletService

log = logging.getLogger(__name__)

MAX_KEYSTORE_BYTES = 1 << 20
WARNING_STYLE = ("background: #fff4e5; color: #5d4037; border: 1px solid #f0b27a; "
                 "border-radius: 4px; padding: 8px;")


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    set_tone(label, Tone.ERROR)
    return label


class WordGrid(QWidget):
    """The recovery words, numbered, four to a row, in reading order."""

    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("word_grid")
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(8)
        self._labels: list[QLabel] = []

    def set_words(self, words: list[str]) -> None:
        for label in self._labels:
            self.grid.removeWidget(label)
            label.deleteLater()
        self._labels = []
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        for i, word in enumerate(words):
            label = QLabel(f"{i + 1:>2}. {word}")
            label.setFont(font)
            label.setObjectName(f"word_{i + 1}")
            label.setFrameShape(QFrame.Shape.StyledPanel)
            label.setMargin(6)
            self.grid.addWidget(label, i // self.COLUMNS, i % self.COLUMNS)
            self._labels.append(label)

    def words(self) -> list[str]:
        return [label.text().split(". ", 1)[1] for label in self._labels]


class FirstRunPage(QWidget):
    """The wizard shown instead of the wallet while the profile has none."""

    finished = Signal()          # a wallet now exists
    error_shown = Signal(str)    # a one-line error of background work

    WELCOME, CREATE, CONFIRM, RESTORE, PASSWORD = range(5)

    def __init__(self, service: WalletService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wallet_first_run")
        self.service = service
        self.tasks = TaskRunner(self._show_error)
        self._phrase = ""
        self._positions: list[int] = []
        self._restore_kind = "phrase"
        self._kind_before_create = "phrase"
        self._keystore_text: str | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._welcome_page())
        self.pages.addWidget(self._create_page())
        self.pages.addWidget(self._confirm_page())
        self.pages.addWidget(self._restore_page())
        self.pages.addWidget(self._password_page())
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.pages.setMaximumWidth(760)
        self.pages.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        row.addWidget(self.pages, 10)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    # --- pages ----------------------------------------------------------------------

    def _welcome_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_title(self.tr("Set up your wallet")))
        layout.addWidget(_wrapped(self.tr(
            "The wallet holds TRX and BTT on the TRON network: BTT pays for faster downloads "
            "and receives what you earn by seeding. It lives on this computer, protected by "
            "a password.")))
        self.create_button = QPushButton(icon("wallet"), self.tr("Create a new wallet"))
        self.create_button.setObjectName("create_wallet")
        self.restore_button = QPushButton(icon("receive"), self.tr("Restore or import a wallet"))
        self.restore_button.setObjectName("restore_wallet")
        for button in (self.create_button, self.restore_button):
            button.setMinimumHeight(44)
        self.create_button.clicked.connect(self.start_create)
        self.restore_button.clicked.connect(lambda: self.pages.setCurrentIndex(self.RESTORE))
        layout.addSpacing(12)
        layout.addWidget(self.create_button)
        layout.addWidget(_wrapped(self.tr(
            "You get a new recovery phrase (12 or 24 words) to write down on paper.")))
        layout.addSpacing(8)
        layout.addWidget(self.restore_button)
        layout.addWidget(_wrapped(self.tr(
            "From a recovery phrase, a private key, a TronLink keystore file, or an address "
            "to watch.")))
        return page

    def _create_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_title(self.tr("Your recovery phrase")))
        counts = QHBoxLayout()
        counts.addWidget(QLabel(self.tr("Number of words:")))
        self.words_12 = QRadioButton(self.tr("12 words"))
        self.words_12.setObjectName("words_12")
        self.words_24 = QRadioButton(self.tr("24 words"))
        self.words_24.setObjectName("words_24")
        self.words_12.setChecked(True)
        group = QButtonGroup(page)
        group.addButton(self.words_12)
        group.addButton(self.words_24)
        self.words_12.toggled.connect(self._new_phrase)
        counts.addWidget(self.words_12)
        counts.addWidget(self.words_24)
        counts.addStretch(1)
        layout.addLayout(counts)
        warning = _wrapped(self.tr(
            "Write these words on paper, in this order, and keep the paper somewhere safe. "
            "The order matters. Never type them into a website, never share them and never "
            "photograph them: anyone who has these words has your funds. They are the only "
            "way back into this wallet if this computer is lost."))
        warning.setObjectName("phrase_warning")
        warning.setStyleSheet(WARNING_STYLE)
        layout.addWidget(warning)
        self.word_grid = WordGrid()
        layout.addWidget(self.word_grid)
        buttons = QHBoxLayout()
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(self._to_welcome)
        self.written_button = QPushButton(self.tr("I have written them down"))
        self.written_button.setObjectName("words_written")
        self.written_button.setDefault(True)
        self.written_button.clicked.connect(self._to_confirm)
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.written_button)
        layout.addLayout(buttons)
        return page

    def _confirm_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_title(self.tr("Check your paper")))
        layout.addWidget(_wrapped(self.tr(
            "Type these words from your paper, to be sure it was written correctly.")))
        self.confirm_form = QFormLayout()
        layout.addLayout(self.confirm_form)
        self.confirm_fields: dict[int, QLineEdit] = {}
        self.confirm_error = _error_label("confirm_error")
        layout.addWidget(self.confirm_error)
        buttons = QHBoxLayout()
        back = QPushButton(self.tr("Show the words again"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(self.CREATE))
        self.confirm_button = QPushButton(self.tr("Continue"))
        self.confirm_button.setObjectName("confirm_words")
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self.check_words)
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)
        return page

    def _restore_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_title(self.tr("Restore or import a wallet")))
        kinds = QHBoxLayout()
        self.kind_buttons: dict[str, QRadioButton] = {}
        group = QButtonGroup(page)
        for kind, text in (("phrase", self.tr("Recovery phrase")),
                           ("key", self.tr("Private key")),
                           ("keystore", self.tr("Keystore file")),
                           ("watch", self.tr("Watch an address"))):
            button = QRadioButton(text)
            button.setObjectName(f"restore_{kind}")
            button.toggled.connect(lambda on, k=kind: self._kind_toggled(k, on))
            group.addButton(button)
            kinds.addWidget(button)
            self.kind_buttons[kind] = button
        kinds.addStretch(1)
        layout.addLayout(kinds)
        self.restore_stack = QStackedWidget()
        self.restore_stack.setSizePolicy(QSizePolicy.Policy.Preferred,
                                         QSizePolicy.Policy.Maximum)

        phrase_page = QWidget()
        phrase_layout = QVBoxLayout(phrase_page)
        phrase_layout.setContentsMargins(0, 0, 0, 0)
        self.phrase_input = PhraseInput()
        phrase_layout.addWidget(self.phrase_input)
        self.use_passphrase = QCheckBox(self.tr("It also has a BIP39 passphrase (extra word)"))
        self.use_passphrase.setObjectName("use_passphrase")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase, exactly as it was set"))
        self.passphrase.setVisible(False)
        self.use_passphrase.toggled.connect(self.passphrase.setVisible)
        phrase_layout.addWidget(self.use_passphrase)
        phrase_layout.addWidget(self.passphrase)

        key_page = QWidget()
        key_form = QFormLayout(key_page)
        key_form.setContentsMargins(0, 0, 0, 0)
        self.key_field = QLineEdit()
        self.key_field.setObjectName("private_key")
        self.key_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_field.setPlaceholderText(self.tr("64 hexadecimal digits"))
        key_form.addRow(self.tr("Private key:"), self.key_field)

        keystore_page = QWidget()
        keystore_form = QFormLayout(keystore_page)
        keystore_form.setContentsMargins(0, 0, 0, 0)
        file_row = QHBoxLayout()
        self.keystore_path = QLineEdit()
        self.keystore_path.setObjectName("keystore_path")
        self.keystore_path.setReadOnly(True)
        self.keystore_path.setPlaceholderText(self.tr("TronLink or Ethereum keystore (JSON)"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse_keystore)
        file_row.addWidget(self.keystore_path, 1)
        file_row.addWidget(browse)
        self.keystore_password = QLineEdit()
        self.keystore_password.setObjectName("keystore_password")
        self.keystore_password.setEchoMode(QLineEdit.EchoMode.Password)
        keystore_form.addRow(self.tr("File:"), file_row)
        keystore_form.addRow(self.tr("Its password:"), self.keystore_password)

        watch_page = QWidget()
        watch_form = QFormLayout(watch_page)
        watch_form.setContentsMargins(0, 0, 0, 0)
        self.watch_field = QLineEdit()
        self.watch_field.setObjectName("watch_address")
        self.watch_field.setPlaceholderText("T…")
        watch_form.addRow(self.tr("Address:"), self.watch_field)
        watch_form.addRow("", _wrapped(self.tr(
            "A watch-only wallet shows balances and transactions but cannot send.")))

        for widget in (phrase_page, key_page, keystore_page, watch_page):
            self.restore_stack.addWidget(widget)
        layout.addWidget(self.restore_stack)
        self.restore_error = _error_label("restore_error")
        layout.addWidget(self.restore_error)
        buttons = QHBoxLayout()
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(self._to_welcome)
        self.restore_next = QPushButton(self.tr("Continue"))
        self.restore_next.setObjectName("restore_next")
        self.restore_next.setDefault(True)
        self.restore_next.clicked.connect(self.restore_continue)
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_next)
        layout.addLayout(buttons)
        self.kind_buttons["phrase"].setChecked(True)
        return page

    def _password_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_title(self.tr("Protect the wallet with a password")))
        layout.addWidget(_wrapped(self.tr(
            "The password encrypts the wallet on this computer. It is asked before sending "
            "and before showing secrets. Without it, only the recovery phrase or key can "
            "restore the wallet.")))
        self.password_fields = NewPasswordFields()
        self.password_fields.changed.connect(self._password_changed)
        layout.addWidget(self.password_fields)
        self.remember = QCheckBox(self.tr("Remember the password on this computer"))
        self.remember.setObjectName("remember_password")
        self.remember.setEnabled(False)
        self.remember_reason = QLabel(self.tr("Looking for the system keyring…"))
        self.remember_reason.setObjectName("remember_reason")
        self.remember_reason.setWordWrap(True)
        set_tone(self.remember_reason, Tone.MUTED)
        layout.addWidget(self.remember)
        layout.addWidget(self.remember_reason)
        self.password_error = _error_label("password_error")
        layout.addWidget(self.password_error)
        buttons = QHBoxLayout()
        self.password_back = QPushButton(self.tr("Back"))
        self.password_back.clicked.connect(self._password_back)
        self.finish_button = QPushButton(self.tr("Create wallet"))
        self.finish_button.setObjectName("finish_wallet")
        self.finish_button.setDefault(True)
        self.finish_button.setEnabled(False)
        self.finish_button.clicked.connect(self.finish)
        buttons.addWidget(self.password_back)
        buttons.addStretch(1)
        buttons.addWidget(self.finish_button)
        layout.addLayout(buttons)
        return page

    # --- create ---------------------------------------------------------------------

    def start_create(self) -> None:
        self._new_phrase()
        self.pages.setCurrentIndex(self.CREATE)

    def _new_phrase(self, *_args: object) -> None:
        count = 24 if self.words_24.isChecked() else 12
        self._phrase = self.service.new_recovery_phrase(count)
        self.word_grid.set_words(self._phrase.split())

    def _to_confirm(self) -> None:
        words = len(self._phrase.split())
        self._positions = self.service.confirmation_positions(self._phrase,
                                                             4 if words > 12 else 3)
        while self.confirm_form.rowCount():
            self.confirm_form.removeRow(0)
        self.confirm_fields = {}
        for position in self._positions:
            field = QLineEdit()
            field.setObjectName(f"confirm_word_{position}")
            self.confirm_fields[position] = field
            self.confirm_form.addRow(self.tr("Word {n}:").format(n=position), field)
        self.confirm_error.clear()
        self.pages.setCurrentIndex(self.CONFIRM)
        if self._positions:
            self.confirm_fields[self._positions[0]].setFocus()

    def check_words(self) -> None:
        """Go on only if every asked word matches the phrase."""
        wrong = [p for p, field in self.confirm_fields.items()
                 if not self.service.check_confirmation(self._phrase, {p: field.text()})]
        if wrong:
            self.confirm_error.setText(self.tr(
                "Word {n} does not match. Check your paper: the words and their order must "
                "be exact.").format(n=wrong[0]))
            self.confirm_fields[wrong[0]].selectAll()
            self.confirm_fields[wrong[0]].setFocus()
            return
        self.confirm_error.clear()
        for field in self.confirm_fields.values():
            field.clear()
        self._kind_before_create = self._restore_kind
        self._restore_kind = "create"
        self._to_password(self.tr("Create wallet"))

    def _to_welcome(self) -> None:
        self._phrase = ""
        self.word_grid.set_words([])
        self.pages.setCurrentIndex(self.WELCOME)

    # --- restore --------------------------------------------------------------------

    def _kind_toggled(self, kind: str, on: bool) -> None:
        if on:
            self._set_restore_kind(kind)

    def _set_restore_kind(self, kind: str) -> None:
        self._restore_kind = kind
        index = ["phrase", "key", "keystore", "watch"].index(kind)
        self.restore_stack.setCurrentIndex(index)
        self.restore_error.clear()
        self.restore_next.setText(self.tr("Watch this address") if kind == "watch"
                                  else self.tr("Continue"))

    def _browse_keystore(self) -> None:
        async def pick() -> None:
            path = await choose_file(self, self.tr("Choose a keystore file"), str(Path.home()))
            if path:
                self.keystore_path.setText(path)
        self.tasks.run(pick())

    def restore_continue(self) -> None:
        self.restore_error.clear()
        kind = self._restore_kind
        if kind == "phrase":
            if not self.phrase_input.is_valid():
                self.restore_error.setText(self.phrase_input.status.text())
                return
            self._to_password(self.tr("Restore wallet"))
        elif kind == "key":
            if not self.key_field.text().strip():
                self.restore_error.setText(self.tr("Paste the private key first."))
                return
            self._to_password(self.tr("Import key"))
        elif kind == "keystore":
            self.tasks.run(self._read_keystore())
        else:
            self.tasks.run(self._watch())

    async def _read_keystore(self) -> None:
        path = self.keystore_path.text()
        if not path:
            self.restore_error.setText(self.tr("Choose the keystore file first."))
            return
        try:
            self._keystore_text = await asyncio.to_thread(_read_small_text, Path(path))
        except OSError as exc:
            self.restore_error.setText(self.tr("Cannot read {path}: {reason}").format(
                path=path, reason=exc.strerror or str(exc)))
            return
        except ValueError:
            self.restore_error.setText(self.tr("{path} is too large to be a keystore file.")
                                       .format(path=path))
            return
        self._to_password(self.tr("Import keystore"))

    async def _watch(self) -> None:
        self._set_busy(True)
        try:
            await self.service.watch(self.watch_field.text())
        except BttError as exc:
            self.restore_error.setText(str(exc))
            return
        finally:
            self._set_busy(False)
        self.finished.emit()

    # --- password and finishing -----------------------------------------------------

    def _to_password(self, finish_text: str) -> None:
        self.password_fields.clear()
        self.password_error.clear()
        self.finish_button.setText(finish_text)
        self.pages.setCurrentIndex(self.PASSWORD)
        self.password_fields.password.setFocus()
        self.tasks.run(self._check_keyring())

    async def _check_keyring(self) -> None:
        status = await self.service.keyring_status()
        self.remember.setEnabled(status.available)
        if status.available:
            self.remember_reason.setText(self.tr("Kept in {backend}; the wallet then opens "
                                                 "unlocked.").format(backend=status.backend))
        else:
            self.remember.setChecked(False)
            self.remember_reason.setText(self.tr("Not available: {reason}").format(
                reason=status.reason))

    def _password_changed(self) -> None:
        self.finish_button.setEnabled(self.password_fields.is_acceptable())

    def _password_back(self) -> None:
        """Back to the words just written down (the same ones), or to the restore form."""
        self.password_fields.clear()
        if self._restore_kind == "create":
            self._restore_kind = self._kind_before_create
            self.pages.setCurrentIndex(self.CREATE)
        else:
            self.pages.setCurrentIndex(self.RESTORE)

    def finish(self) -> None:
        problem = self.password_fields.problem()
        if problem:
            self.password_error.setText(problem)
            return
        self.tasks.run(self._finish())

    async def _finish(self) -> None:
        password = self.password_fields.text()
        kind = self._restore_kind
        self._set_busy(True)
        self.password_error.setText(self.tr("Encrypting the wallet…"))
        try:
            if kind == "create":
                await self.service.create(self._phrase, password)
            elif kind == "phrase":
                passphrase = self.passphrase.text() if self.use_passphrase.isChecked() else ""
                await self.service.restore_phrase(self.phrase_input.phrase(), password,
                                                  passphrase=passphrase)
            elif kind == "key":
                await self.service.restore_private_key(self.key_field.text(), password)
            else:
                await self.service.restore_keystore(self._keystore_text or "",
                                                    self.keystore_password.text(), password)
        except WrongPassword:
            # only a keystore import checks an existing password: the file's own
            self.pages.setCurrentIndex(self.RESTORE)
            self.restore_error.setText(self.tr("Wrong password for the keystore file."))
            self.keystore_password.clear()
            self.keystore_password.setFocus()
            return
        except BttError as exc:
            self.password_error.setText(str(exc))
            return
        finally:
            self._set_busy(False)
        remember_error: str | None = None
        if self.remember.isChecked():
            try:
                await self.service.remember_password(password)
            except BttError as exc:
                remember_error = str(exc)
        self._forget_inputs()
        self.finished.emit()
        if remember_error:
            self._show_error(self.tr("The password is not remembered: {reason}").format(
                reason=remember_error))

    def _forget_inputs(self) -> None:
        self._phrase = ""
        self._keystore_text = None
        self.word_grid.set_words([])
        self.phrase_input.clear()
        self.passphrase.clear()
        self.key_field.clear()
        self.keystore_password.clear()
        self.password_fields.clear()
        self.password_error.clear()
        self.pages.setCurrentIndex(self.WELCOME)

    def _set_busy(self, busy: bool) -> None:
        self.pages.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _show_error(self, line: str) -> None:
        errors = {self.CONFIRM: self.confirm_error, self.RESTORE: self.restore_error,
                  self.PASSWORD: self.password_error}
        label = errors.get(self.pages.currentIndex())
        if label is not None:
            label.setText(line)
        else:
            log.info("wallet setup: %s", line)
        self.error_shown.emit(line)


def _read_small_text(path: Path) -> str:
    """A keystore file's text; refuses anything too large to be one."""
    if path.stat().st_size > MAX_KEYSTORE_BYTES:
        raise ValueError("too large")
    return path.read_text(encoding="utf-8", errors="replace")

