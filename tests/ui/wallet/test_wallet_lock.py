"""The wallet's lock model in the window: the idle lock and the password for every send.

- Settings → Wallet: "lock after no input for" and "ask for the password for every
  transfer" are saved with the window's settings and take effect at once.
- The idle lock: input in the window keeps the wallet unlocked; none for the set time
  locks it (the keys are wiped: no signer works afterwards); 0 minutes never locks.
- Sending from an unlocked wallet asks for the password anyway (a wrong one is refused
  and nothing is broadcast); with the option off, the confirmation alone sends.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from btt_desktop.events import EventBus
from btt_desktop.settings_store import AppSettings
from btt_desktop.ui.settings_dialog import SettingsDialog
from btt_desktop.ui.wallet import install_wallet_section
from btt_desktop.ui.wallet.auto_lock import AutoLock
from btt_desktop.ui.wallet.protected import PasswordDialog
from btt_desktop.ui.wallet.send_dialog import ConfirmSendDialog
from btt_desktop.wallet.types import WalletState
from btt_desktop.wallet.unlocked import WalletLockedError
from tests.devnet_process import devnet_process, faucet
from tests.ui.ui_helpers import until
from tests.ui.wallet.test_wallet_chain import btt_balance
from tests.ui.wallet.wallet_ui_rig import (
    ABANDON,
    ABANDON_1,
    PASSWORD,
    dialog_of,
    gc_on_gui_thread,  # noqa: F401  (autouse)
    keep_loop_alive,  # noqa: F401  (autouse)
    make_pane,
    make_service,
)

pytestmark = pytest.mark.timeout(90)
BTT = 10**18


@pytest.fixture(scope="module")
def devnet_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet")) as url:
        yield url


def press_a_key(widget: Any) -> None:
    """What the application's event filter sees when the user types."""
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift,
                                             Qt.KeyboardModifier.NoModifier))


async def test_settings_set_the_idle_lock_and_the_send_password(rig: Any,
                                                               tmp_path: Path) -> None:
    service = make_service(rig.profile.root, rig.bus)
    await service.open()
    pane = install_wallet_section(rig.window, service)
    try:
        assert pane.auto_lock is not None and pane.auto_lock.minutes == 15  # the defaults
        assert pane.password_every_send
        rig.window.actions_.settings.trigger()
        dialog = await until(lambda: next((d for d in rig.window.findChildren(SettingsDialog)
                                           if d.isVisible()), None), 10, "the settings")
        assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())].count("Wallet") == 1
        assert dialog.lock_box.value() == 15 and dialog.password_send_check.isChecked()
        dialog.lock_box.setValue(5)
        dialog.password_send_check.setChecked(False)
        dialog.accept()
        await until(lambda: pane.auto_lock is not None and pane.auto_lock.minutes == 5, 10,
                    "the new idle time")
        assert not pane.password_every_send
        saved = rig.store.load().app
        assert (saved.wallet_lock_minutes, saved.password_every_send) == (5, False)
        assert AppSettings().wallet_lock_minutes == 15
    finally:
        await pane.shutdown()
        await service.close()


async def test_idle_lock_after_no_input(qtbot: Any, tmp_path: Path) -> None:
    bus = EventBus()
    service = make_service(tmp_path, bus)
    await service.open()
    await service.restore_phrase(ABANDON, PASSWORD)
    pane = make_pane(service, bus, qtbot)
    lock = AutoLock(service, pane.bridge, 1.0 / 60, check_ms=50, parent=pane)  # 1 s
    try:
        signer = await service.signer()
        deadline = time.monotonic() + 2.5  # typing for longer than the idle time
        while time.monotonic() < deadline:
            press_a_key(pane)
            await asyncio.sleep(0.1)
        assert service.state is WalletState.UNLOCKED
        await until(lambda: service.state is WalletState.LOCKED, 5, "the idle lock")
        assert time.monotonic() - lock.last_input >= 1.0
        with pytest.raises(WalletLockedError):
            signer.sign_digest(bytes(32))  # the keys are gone, not just a flag

        await service.unlock(PASSWORD)  # an unlock counts as presence: a fresh second
        await asyncio.sleep(0.3)
        assert service.state is WalletState.UNLOCKED
        lock.set_minutes(0)  # never
        await asyncio.sleep(1.5)
        assert service.state is WalletState.UNLOCKED
    finally:
        lock.stop()
        await pane.shutdown()
        await service.close()


@pytest.mark.parametrize("every_send", [True, False])
async def test_unlocked_wallet_asks_for_the_password_to_send(
        qtbot: Any, tmp_path: Path, devnet_url: str, every_send: bool) -> None:
    bus = EventBus()
    service = make_service(tmp_path, bus, devnet_url)
    await service.open()
    await service.create(service.new_recovery_phrase(), PASSWORD)
    address = service.info.address
    assert address is not None
    faucet(devnet_url, address, trx=50, btt=100)
    pane = make_pane(service, bus, qtbot)
    pane.password_every_send = every_send
    try:
        await pane.start()
        assert service.state is WalletState.UNLOCKED
        before = await btt_balance(devnet_url, ABANDON_1)
        send = await pane.open_send()
        send.to_field.setText(ABANDON_1)
        send.amount.setText("1.5")
        await until(send.review_button.isEnabled, 15, "the fee estimate")
        send.review_button.click()
        confirm = await dialog_of(send, ConfirmSendDialog)
        confirm.send_button.click()
        if every_send:
            prompt = await dialog_of(send, PasswordDialog)
            prompt.field.setText("not the password")
            prompt.accept()
            await until(lambda: "Wrong password" in prompt.error_label.text(), 10, "refusal")
            await asyncio.sleep(0.5)
            assert await btt_balance(devnet_url, ABANDON_1) == before  # nothing sent
            assert send.pages.currentIndex() == send.FORM
            prompt.field.setText(PASSWORD)
            prompt.accept()
        await until(send.close_button.isEnabled, 40, "the transfer to end")
        assert send.transfer is not None, send.progress_label.text()
        assert not any(d.isVisible() for d in send.findChildren(PasswordDialog))
        assert await btt_balance(devnet_url, ABANDON_1) == before + 15 * BTT // 10
        assert service.state is WalletState.UNLOCKED  # still unlocked either way
        send.close_button.click()
    finally:
        await pane.shutdown()
        await service.close()

