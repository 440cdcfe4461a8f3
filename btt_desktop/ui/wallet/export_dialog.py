"""Export: the recovery phrase, the private key of the current account, or a keystore file.

Nothing is shown before the password (through :mod:`protected`, asked every time) and a
warning. What is copied goes through :class:`SecretClipboard`, cleared after 30 s.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.ui.file_pickers import choose_save_file
from btt_desktop.ui.icons import icon
from btt_desktop.ui.tasks import TaskRunner
from btt_desktop.ui.theme import Tone, set_tone
from btt_desktop.ui.wallet.clipboard import SecretClipboard
from btt_desktop.ui.wallet.first_run import WARNING_STYLE, WordGrid
from btt_desktop.ui.wallet.password_fields import NewPasswordFields
from btt_desktop.ui.wallet.protected import Policy, run_protected
from btt_desktop.wallet.service import WalletService


def _write_private_file(path: Path, text: str) -> None:
    """Blocking: the keystore (encrypted) with owner-only permissions."""
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_text(text, encoding="utf-8")


class ExportDialog(QDialog):
    CHOOSE, SHOW = range(2)

    def __init__(self, service: WalletService, clipboard: SecretClipboard,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export secrets"))
        self.setWindowIcon(icon("lock"))
        self.setMinimumSize(620, 440)  # room for the wrapped warning on either page
        self.service = service
        self.clipboard = clipboard
        self.tasks = TaskRunner(self._show_error)
        self._secret = ""
        self.saved_path: str | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._show_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    def _choose_page(self) -> QWidget:
        page = QWidget()
        info = self.service.info
        account = info.current
        self.choice_phrase = QRadioButton(self.tr("Recovery phrase (all accounts)"))
        self.choice_phrase.setObjectName("export_phrase")
        self.choice_key = QRadioButton(self.tr("Private key of {label}").format(
            label=account.label if account else ""))
        self.choice_key.setObjectName("export_key")
        self.choice_keystore = QRadioButton(self.tr("Keystore file of {label} (TronLink, "
                                                    "web3)").format(
            label=account.label if account else ""))
        self.choice_keystore.setObjectName("export_keystore")
        group = QButtonGroup(page)
        for button in (self.choice_phrase, self.choice_key, self.choice_keystore):
            group.addButton(button)
        if not info.has_recovery_phrase:
            self.choice_phrase.setEnabled(False)
            self.choice_phrase.setToolTip(self.tr("This wallet was imported from a key: it "
                                                  "has no recovery phrase."))
            self.choice_key.setChecked(True)
        else:
            self.choice_phrase.setChecked(True)
        warning = QLabel(self.tr(
            "Anyone who sees these can take all the funds. Show them only on a computer you "
            "trust, with nobody watching, and never send them to anyone: no support team "
            "will ever ask for them."))
        warning.setObjectName("export_warning")
        warning.setWordWrap(True)
        warning.setStyleSheet(WARNING_STYLE)
        self.other_password = QCheckBox(self.tr("Encrypt the keystore file with another "
                                                "password"))
        self.other_password.setObjectName("export_other_password")
        self.keystore_password = NewPasswordFields()
        self.keystore_password.setVisible(False)
        self.other_password.setVisible(False)
        self.other_password.toggled.connect(self.keystore_password.setVisible)
        self.choice_keystore.toggled.connect(self._keystore_toggled)
        self.error_label = QLabel()
        self.error_label.setObjectName("export_error")
        self.error_label.setWordWrap(True)
        set_tone(self.error_label, Tone.ERROR)
        self.show_button = QPushButton(icon("unlock"), self.tr("Show…"))
        self.show_button.setObjectName("export_show")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.reveal)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.show_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(warning)
        layout.addWidget(self.choice_phrase)
        layout.addWidget(self.choice_key)
        layout.addWidget(self.choice_keystore)
        layout.addWidget(self.other_password)
        layout.addWidget(self.keystore_password)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _show_page(self) -> QWidget:
        page = QWidget()
        self.secret_title = QLabel()
        font = self.secret_title.font()
        font.setBold(True)
        self.secret_title.setFont(font)
        self.words = WordGrid()
        self.secret_label = QLabel()
        self.secret_label.setObjectName("export_secret")
        self.secret_label.setWordWrap(True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.2)
        self.secret_label.setFont(mono)
        self.secret_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_label = QLabel()
        self.note_label.setObjectName("export_note")
        self.note_label.setWordWrap(True)
        self.copy_button = QPushButton(icon("copy"), self.tr("Copy"))
        self.copy_button.setObjectName("export_copy")
        self.copy_button.clicked.connect(self._copy)
        done = QPushButton(self.tr("Hide and close"))
        done.setObjectName("export_done")
        done.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(done)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.secret_title)
        layout.addWidget(self.words)
        layout.addWidget(self.secret_label)
        layout.addWidget(self.note_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _keystore_toggled(self, on: bool) -> None:
        self.other_password.setVisible(on)
        self.keystore_password.setVisible(on and self.other_password.isChecked())
        self.show_button.setText(self.tr("Save…") if on else self.tr("Show…"))

    # --- revealing ------------------------------------------------------------------

    def reveal(self) -> None:
        self.error_label.clear()
        self.tasks.run(self._reveal())

    async def _reveal(self) -> None:
        service = self.service
        title = self.tr("Export")
        text = self.tr("Enter the wallet password to continue.")
        if self.choice_phrase.isChecked():
            phrase = await run_protected(self, service,
                                         lambda pw: service.export_recovery_phrase(pw or ""),
                                         title=title, text=text, policy=Policy.ALWAYS)
            if phrase.done and phrase.value is not None:
                words, passphrase = phrase.value
                self._show_phrase(words, passphrase)
        elif self.choice_key.isChecked():
            key = await run_protected(self, service,
                                      lambda pw: service.export_private_key(pw or ""),
                                      title=title, text=text, policy=Policy.ALWAYS)
            if key.done and key.value is not None:
                self._show_key(key.value)
        else:
            await self._save_keystore(title, text)

    async def _save_keystore(self, title: str, text: str) -> None:
        other: str | None = None
        if self.other_password.isChecked():
            problem = self.keystore_password.problem()
            if problem:
                self.error_label.setText(problem)
                return
            other = self.keystore_password.text()

        async def export(password: str | None) -> str:
            return await self.service.export_keystore(password or "", keystore_password=other)

        document = await run_protected(self, self.service, export, title=title, text=text,
                                       policy=Policy.ALWAYS)
        if not document.done or document.value is None:
            return
        address = self.service.info.address or "wallet"
        start = str(Path.home() / f"{address}.json")
        path = await choose_save_file(self, self.tr("Save the keystore file"), start,
                                      self.tr("Keystore files (*.json)"), "json")
        if not path:
            return
        try:
            await asyncio.to_thread(_write_private_file, Path(path), document.value)
        except OSError as exc:
            self.error_label.setText(self.tr("Cannot write {path}: {reason}").format(
                path=path, reason=exc.strerror or str(exc)))
            return
        self.saved_path = path
        self.keystore_password.clear()
        self.secret_title.setText(self.tr("Keystore saved"))
        self.words.setVisible(False)
        self.secret_label.setText(path)
        self.note_label.setText(self.tr("TronLink and other wallets open it with its password. "
                                        "Keep it as safe as the password itself."))
        self.copy_button.setVisible(False)
        self.pages.setCurrentIndex(self.SHOW)

    def _show_phrase(self, words: str, passphrase: str) -> None:
        self._secret = words
        self.secret_title.setText(self.tr("Recovery phrase"))
        self.words.set_words(words.split())
        self.words.setVisible(True)
        self.secret_label.setVisible(False)
        self.note_label.setText(self.tr(
            "This wallet also uses a BIP39 passphrase: without it these words restore a "
            "different, empty wallet.") if passphrase else self.tr(
            "Write them on paper, in this order."))
        self.pages.setCurrentIndex(self.SHOW)

    def _show_key(self, key: str) -> None:
        self._secret = key
        self.secret_title.setText(self.tr("Private key of {address}").format(
            address=self.service.info.address))
        self.words.setVisible(False)
        self.secret_label.setVisible(True)
        self.secret_label.setText(key)
        self.note_label.setText(self.tr("It controls this one account."))
        self.pages.setCurrentIndex(self.SHOW)

    def _copy(self) -> None:
        if not self._secret:
            return
        self.clipboard.copy(self._secret)
        seconds = self.clipboard.clear_ms // 1000
        self.note_label.setText(self.tr("Copied. The clipboard is cleared in {n} seconds.")
                                .format(n=seconds))

    def revealed_words(self) -> list[str]:
        return self.words.words() if self.words.isVisible() else []

    def revealed_text(self) -> str:
        return self.secret_label.text() if self.secret_label.isVisible() else ""

    def _forget(self) -> None:
        self._secret = ""
        self.words.set_words([])
        self.secret_label.clear()

    def done(self, result: int) -> None:
        self._forget()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._forget()
        super().closeEvent(event)

    def _show_error(self, line: str) -> None:
        self.error_label.setText(line)
