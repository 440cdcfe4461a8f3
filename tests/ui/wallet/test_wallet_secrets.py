"""Secrets only after the password: export of the words, change of password, and the
clipboard that forgets a copied secret (but leaves the user's own copy alone)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit

from btt_desktop.errors import WrongPassword
from btt_desktop.events import EventBus
from btt_desktop.ui.wallet.change_password_dialog import ChangePasswordDialog
from btt_desktop.ui.wallet.protected import PasswordDialog
from btt_desktop.wallet import hdkeys, keystore
from tests.ui.ui_helpers import until
from tests.ui.wallet.wallet_ui_rig import (
    ABANDON,
    ABANDON_0,
    PASSWORD,
    dialog_of,
    gc_on_gui_thread,  # noqa: F401  (autouse)
    gone,
    keep_loop_alive,  # noqa: F401  (autouse)
    make_pane,
    make_service,
)

pytestmark = pytest.mark.timeout(60)


async def test_export_words_only_after_the_right_password(qtbot: Any, tmp_path: Path) -> None:
    bus = EventBus()
    service = make_service(tmp_path, bus)
    await service.open()
    await service.restore_phrase(ABANDON, PASSWORD)
    pane = make_pane(service, bus, qtbot)
    try:
        await pane.start()
        assert pane.address_label.text() == ABANDON_0
        export = await pane.export()
        warning = export.findChild(QLabel, "export_warning")
        assert warning is not None
        assert "Anyone who sees these can take all the funds" in warning.text()
        assert export.choice_phrase.isChecked()
        export.show_button.click()
        prompt = await dialog_of(export, PasswordDialog)
        assert export.pages.currentIndex() == export.CHOOSE

        prompt.field.setText("guess number one")
        prompt.accept()
        await until(lambda: "Wrong password" in prompt.error_label.text(), 10, "refusal")
        assert prompt.isVisible()
        assert export.pages.currentIndex() == export.CHOOSE
        assert export.revealed_words() == []

        prompt.field.setText(PASSWORD)
        prompt.accept()
        await gone(prompt)
        await until(lambda: export.pages.currentIndex() == export.SHOW, 10, "the words")
        assert " ".join(export.revealed_words()) == ABANDON

        # copy: cleared after the delay if still ours
        pane.clipboard.clear_ms = 300
        clipboard = QGuiApplication.clipboard()
        export.copy_button.click()
        assert clipboard.text() == ABANDON
        assert "cleared" in export.note_label.text()
        await until(lambda: clipboard.text() == "", 10, "the clipboard to be cleared")

        # ... and the user's own copy made meanwhile is left alone
        export.copy_button.click()
        clipboard.setText("something the user copied")
        await until(lambda: not pane.clipboard.holds_secret, 10, "the timer")
        assert clipboard.text() == "something the user copied"

        export.accept()
        assert export.revealed_words() == []  # forgotten as the dialog closes
        await gone(export)

        # the private key: same gate
        export = await pane.export()
        export.choice_key.setChecked(True)
        export.show_button.click()
        prompt = await dialog_of(export, PasswordDialog)
        prompt.field.setText(PASSWORD)
        prompt.accept()
        await until(lambda: export.revealed_text() != "", 10, "the key")
        assert export.revealed_text().startswith("b5a4cea2")
        export.reject()

        # a keystore file, under its own password, that TronLink-style readers open
        export = await pane.export()
        export.choice_keystore.setChecked(True)
        assert export.show_button.text() == "Save…"
        export.other_password.setChecked(True)
        export.keystore_password.password.setText("file password 1")
        export.keystore_password.repeat.setText("file password 1")
        export.show_button.click()
        prompt = await dialog_of(export, PasswordDialog)
        prompt.field.setText(PASSWORD)
        prompt.accept()
        chooser = await dialog_of(export, QFileDialog)
        target = tmp_path / "exported.json"
        chooser.setDirectory(str(tmp_path))
        name_field = chooser.findChild(QLineEdit, "fileNameEdit")
        assert name_field is not None and name_field.text() == ABANDON_0 + ".json"
        name_field.setText(target.name)  # as a user types it
        chooser.accept()
        await until(lambda: export.saved_path == str(target), 10, "the saved file")
        assert target.stat().st_mode & 0o077 == 0
        assert PASSWORD not in target.read_text()
        key = keystore.import_private_key(target.read_text(), "file password 1")
        assert hdkeys.address_of(key) == ABANDON_0
        export.accept()
    finally:
        await pane.shutdown()
        await service.close()


async def test_change_password_asks_the_current_one(qtbot: Any, tmp_path: Path) -> None:
    bus = EventBus()
    service = make_service(tmp_path, bus)
    await service.open()
    await service.restore_phrase(ABANDON, PASSWORD)
    pane = make_pane(service, bus, qtbot)
    try:
        await pane.start()
        changing = pane.tasks.run(pane.change_password())
        choose = await dialog_of(pane, ChangePasswordDialog)
        choose.fields.password.setText("a new password 2")
        choose.fields.repeat.setText("a new password 3")
        assert not choose.ok_button.isEnabled()
        assert "differ" in choose.fields.hint.text()
        choose.fields.repeat.setText("a new password 2")
        assert choose.ok_button.isEnabled()
        choose.ok_button.click()
        prompt = await dialog_of(pane, PasswordDialog)
        prompt.field.setText("a new password 2")  # not the current one yet
        prompt.accept()
        await until(lambda: "Wrong password" in prompt.error_label.text(), 10, "refusal")
        prompt.field.setText(PASSWORD)
        prompt.accept()
        await changing
        assert "changed" in pane.status_label.text()
        with pytest.raises(WrongPassword):
            await service.unlock(PASSWORD)
        await service.unlock("a new password 2")
    finally:
        await pane.shutdown()
        await service.close()
