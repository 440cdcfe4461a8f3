"""First run in the window: create with the words asked back, restore from a phrase
(completion, live checksum), accounts, and the keyring checkbox on a machine without one."""

from __future__ import annotations

import asyncio
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog, QLabel

from btt_desktop.events import EventBus
from btt_desktop.ui.wallet import install_wallet_section
from btt_desktop.ui.wallet.first_run import FirstRunPage
from btt_desktop.ui.wallet.protected import PasswordDialog
from btt_desktop.wallet import hdkeys, keystore, seedphrase
from btt_desktop.wallet.types import WalletState
from tests.ui.ui_helpers import until
from tests.ui.wallet.wallet_ui_rig import (
    ABANDON,
    ABANDON_0,
    ABANDON_1,
    CHEAP,
    PASSWORD,
    dialog_of,
    gc_on_gui_thread,  # noqa: F401  (autouse)
    keep_loop_alive,  # noqa: F401  (autouse)
    make_pane,
    make_service,
)

pytestmark = pytest.mark.timeout(60)


async def set_password(page: FirstRunPage, password: str = PASSWORD) -> None:
    page.password_fields.password.setText(password)
    page.password_fields.repeat.setText(password)
    await until(page.finish_button.isEnabled, 5, "the finish button")


async def test_create_asks_words_back_then_saves(rig: Any, tmp_path: Path) -> None:
    """In the real window (the ``rig`` fixture of tests/ui/conftest.py)."""
    # the window's bus: the pane hears the service through the window's bridge
    service = make_service(rig.profile.root, rig.bus)
    pane = install_wallet_section(rig.window, service)
    try:
        rig.window.show_section("wallet")
        page = pane.first_run
        await until(page.isVisible, 10, "the first-run page")
        assert pane.stack.currentWidget() is page

        page.create_button.click()
        words = page.word_grid.words()
        assert len(words) == 12 and len(set(words)) >= 10
        warning = page.findChild(QLabel, "phrase_warning")
        assert warning is not None and warning.isVisible()
        for advice in ("on paper", "The order matters", "never share them",
                       "anyone who has these words has your funds"):
            assert advice in warning.text()
        page.words_24.setChecked(True)
        words = page.word_grid.words()
        assert len(words) == 24
        page.words_12.setChecked(True)
        words = page.word_grid.words()

        page.written_button.click()
        asked = sorted(page.confirm_fields)
        assert len(asked) == 3 and all(1 <= p <= 12 for p in asked)
        for position in asked:
            page.confirm_fields[position].setText(words[position - 1])
        wrong = asked[1]
        page.confirm_fields[wrong].setText("zoo" if words[wrong - 1] != "zoo" else "abandon")
        page.confirm_button.click()
        assert page.pages.currentIndex() == page.CONFIRM
        assert f"Word {wrong} does not match" in page.confirm_error.text()
        page.confirm_fields[wrong].setText(" " + words[wrong - 1].upper() + " ")
        page.confirm_button.click()
        assert page.pages.currentIndex() == page.PASSWORD

        # no OS keyring here: the checkbox is off, and says why
        await until(lambda: "Not available" in page.remember_reason.text(), 10, "keyring check")
        assert not page.remember.isEnabled()
        assert "no OS keyring found" in page.remember_reason.text()

        page.password_back.click()  # back to the same words, not new ones
        assert page.pages.currentIndex() == page.CREATE
        assert page.word_grid.words() == words
        page.written_button.click()
        for position, field in page.confirm_fields.items():
            field.setText(words[position - 1])
        page.confirm_button.click()
        assert page.pages.currentIndex() == page.PASSWORD

        page.password_fields.password.setText("short")
        page.password_fields.repeat.setText("short")
        assert not page.finish_button.isEnabled()
        assert "Too short" in page.password_fields.hint.text()
        await set_password(page)
        page.finish_button.click()
        await until(lambda: pane.stack.currentIndex() == pane.WALLET, 20, "the wallet page")

        wallet_file = rig.profile.wallet_dir / "wallet.json"
        assert wallet_file.exists()
        assert " ".join(words) not in wallet_file.read_text()
        address = json.loads(wallet_file.read_text())["accounts"][0]["address"]
        assert address.startswith("T") and len(address) == 34
        assert pane.address_label.text() == address == service.info.address
        assert pane.qr.text() == address and len(pane.qr.matrix()) >= 21
        assert pane.lock_state.text() == "Unlocked"
        assert service.state is WalletState.UNLOCKED
        assert page.word_grid.words() == []  # the words are off the screen
    finally:
        await pane.shutdown()
        await service.close()


async def test_restore_phrase_with_completion_and_checksum(qtbot: Any, tmp_path: Path) -> None:
    bus = EventBus()
    service = make_service(tmp_path, bus)
    pane = make_pane(service, bus, qtbot)
    try:
        await pane.start()
        page = pane.first_run
        page.restore_button.click()
        assert page.kind_buttons["phrase"].isChecked()
        phrase = page.phrase_input

        phrase.edit.setText("abandon abandon zzzz abandon")
        assert "Word 3 is not in the BIP39 word list" in phrase.status.text()
        phrase.edit.setText(" ".join(["abandon"] * 12))
        assert "checksum does not match" in phrase.status.text()
        assert not phrase.is_valid()
        page.restore_next.click()
        assert "checksum does not match" in page.restore_error.text()

        # typed: completion proposes BIP39 words for the word being typed; Enter takes one
        phrase.edit.setText(" ".join(["abandon"] * 11) + " ")
        phrase.edit.setFocus()
        QTest.keyClicks(phrase.edit, "abo")
        popup = phrase.edit.completer_.popup()
        assert popup is not None and popup.isVisible()
        assert phrase.status.text() == "11 words so far."  # not an error while typing
        assert phrase.edit.completer_.completionPrefix() == "abo"
        assert [phrase.edit.completer_.completionModel().index(r, 0).data()
                for r in range(phrase.edit.completer_.completionCount())] == ["about", "above"]
        QTest.keyClick(popup, Qt.Key.Key_Return)
        assert phrase.edit.text() == ABANDON + " "
        assert phrase.is_valid()
        assert "checksum correct" in phrase.status.text()

        page.restore_next.click()
        assert page.pages.currentIndex() == page.PASSWORD
        await set_password(page)
        page.finish_button.click()
        await until(lambda: pane.address_label.text() == ABANDON_0, 20, "the restored address")
        assert phrase.edit.text() == ""  # nothing of the phrase stays in the form

        # accounts: add (unlocked: no password asked), rename, switch back
        await pane.add_account()
        assert service.info.address == ABANDON_1
        assert pane.address_label.text() == ABANDON_1
        assert pane.account_combo.count() == 2
        rename = pane.tasks.run(pane.rename_account())
        dialog = await dialog_of(pane, QInputDialog)
        dialog.setTextValue("  Savings  ")
        dialog.accept()
        await rename
        assert service.info.current is not None and service.info.current.label == "Savings"
        assert pane.account_combo.currentText().startswith("Savings")
        pane.account_combo.setCurrentIndex(0)
        pane.account_combo.activated.emit(0)
        await until(lambda: pane.address_label.text() == ABANDON_0, 10, "account 1 again")

        # locked: adding an account goes through the password dialog, which retries
        pane.lock_button.click()
        assert service.state is WalletState.LOCKED and pane.lock_state.text() == "Locked"
        adding = pane.tasks.run(pane.add_account())
        prompt = await dialog_of(pane, PasswordDialog)
        prompt.field.setText("not the password")
        prompt.accept()
        await until(lambda: "Wrong password" in prompt.error_label.text(), 10, "wrong password")
        assert prompt.isVisible() and prompt.field.text() == ""
        prompt.field.setText(PASSWORD)
        prompt.accept()
        account = await adding
        assert account is not None and account.index == 2
        assert pane.account_combo.count() == 3
    finally:
        await pane.shutdown()
        await service.close()


async def test_watch_only_address_cannot_send(qtbot: Any, tmp_path: Path) -> None:
    bus = EventBus()
    service = make_service(tmp_path, bus)
    pane = make_pane(service, bus, qtbot)
    try:
        await pane.start()
        page = pane.first_run
        page.restore_button.click()
        page.kind_buttons["watch"].setChecked(True)
        page.watch_field.setText("not an address")
        page.restore_next.click()
        await until(lambda: "not a TRON address" in page.restore_error.text(), 10, "error")
        page.watch_field.setText(ABANDON_1)
        page.restore_next.click()
        await until(lambda: pane.address_label.text() == ABANDON_1, 10, "watched address")
        assert pane.lock_state.text() == "Watch-only"
        assert not pane.send_button.isEnabled() and not pane.export_action.isEnabled()
        assert not pane.lock_button.isVisible()
    finally:
        await pane.shutdown()
        await service.close()


async def test_address_qr_codes_scan_back_to_the_address(qtbot: Any, tmp_path: Path) -> None:
    """The pane's and the Receive dialog's QR codes, as pixels, read by a real scanner
    (zbarimg, Debian's zbar-tools)."""
    bus = EventBus()
    service = make_service(tmp_path, bus)
    await service.open()
    await service.restore_phrase(ABANDON, PASSWORD)
    pane = make_pane(service, bus, qtbot)
    try:
        await pane.start()
        receive = await pane.open_receive()
        assert receive.address_label.text() == ABANDON_0
        receive.copy_button.click()
        assert QGuiApplication.clipboard().text() == ABANDON_0
        for name, widget in (("pane", pane.qr), ("receive", receive.qr)):
            image = tmp_path / f"{name}.png"
            assert widget.grab().save(str(image))
            scanned = await asyncio.to_thread(
                subprocess.run, ["zbarimg", "--raw", "-q", str(image)], capture_output=True,
                text=True, timeout=30)
            assert scanned.stdout.strip() == ABANDON_0, scanned.stderr
        assert receive.qr.width() >= 300  # large enough to scan from across a desk
        receive.reject()
    finally:
        await pane.shutdown()
        await service.close()


async def test_import_private_key_and_keystore_file(qtbot: Any, tmp_path: Path) -> None:
    key = hdkeys.derive_private_key(seedphrase.to_seed(ABANDON), 1)
    document = keystore.export_private_key(key, "tronlink password", CHEAP)
    keystore_file = tmp_path / "UTC--tronlink.json"
    keystore_file.write_text(document)

    # a keystore file, its password wrong first
    bus = EventBus()
    service = make_service(tmp_path / "a", bus)
    pane = make_pane(service, bus, qtbot)
    try:
        await pane.start()
        page = pane.first_run
        page.restore_button.click()
        page.kind_buttons["keystore"].setChecked(True)
        page.restore_next.click()
        await until(lambda: "Choose the keystore file" in page.restore_error.text(), 5, "hint")
        page.keystore_path.setText(str(keystore_file))
        page.keystore_password.setText("not its password")
        page.restore_next.click()
        await until(lambda: page.pages.currentIndex() == page.PASSWORD, 10, "password page")
        await set_password(page)
        page.finish_button.click()
        await until(lambda: "Wrong password for the keystore file" in page.restore_error.text(),
                    20, "the keystore refusal")
        assert service.state is WalletState.NONE
        page.keystore_password.setText("tronlink password")
        page.restore_next.click()
        await until(lambda: page.pages.currentIndex() == page.PASSWORD, 10, "password page")
        await set_password(page)
        page.finish_button.click()
        await until(lambda: pane.address_label.text() == ABANDON_1, 20, "the imported address")
        assert not pane.add_account_button.isVisible()  # one key, one account
    finally:
        await pane.shutdown()
        await service.close()

    # a bare private key
    bus = EventBus()
    service = make_service(tmp_path / "b", bus)
    pane = make_pane(service, bus, qtbot)
    try:
        await pane.start()
        page = pane.first_run
        page.restore_button.click()
        page.kind_buttons["key"].setChecked(True)
        page.key_field.setText(key.hex()[:-2])
        page.restore_next.click()
        await until(lambda: page.pages.currentIndex() == page.PASSWORD, 10, "password page")
        await set_password(page)
        page.finish_button.click()
        await until(lambda: "64 hexadecimal digits" in page.password_error.text(), 10, "refusal")
        assert key.hex()[:8] not in page.password_error.text()
        page.password_back.click()
        page.key_field.setText("0x" + key.hex())
        page.restore_next.click()
        await set_password(page)
        page.finish_button.click()
        await until(lambda: pane.address_label.text() == ABANDON_1, 20, "the imported address")
        assert page.key_field.text() == ""
    finally:
        await pane.shutdown()
        await service.close()
