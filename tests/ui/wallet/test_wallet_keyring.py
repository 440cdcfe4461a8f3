""""Remember on this computer" with a real Secret Service (gnome-keyring on a private
D-Bus): offered on the password page, the wallet opens unlocked next time, and locked
actions take the password from the keyring instead of asking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.ui.wallet.protected import PasswordDialog
from btt_desktop.wallet.keyring_store import KeyringStore
from btt_desktop.wallet.networks import NetworkChoice
from btt_desktop.wallet.service import WalletService
from btt_desktop.wallet.types import WalletState
from tests.ui.ui_helpers import until
from tests.ui.wallet.wallet_ui_rig import (
    ABANDON,
    ABANDON_0,
    CHEAP,
    CLOSED_NODE,
    PASSWORD,
    fast_client,
    gc_on_gui_thread,  # noqa: F401  (autouse)
    keep_loop_alive,  # noqa: F401  (autouse)
    make_pane,
)
from tests.wallet.keyring_session import SecretServiceSession, secret_service_session

pytestmark = [pytest.mark.timeout(60), pytest.mark.keyring]


@pytest.fixture
def secret_service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                   ) -> Iterator[SecretServiceSession]:
    with secret_service_session(tmp_path / "keyring", unlocked=True) as session:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.bus_address)
        monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
        monkeypatch.setenv("XDG_CONFIG_HOME", str(session.home / ".config"))
        yield session


def keyring_service(root: Path, bus: EventBus) -> WalletService:
    return WalletService(Profile.open(root), bus, kdf=CHEAP, keyring=KeyringStore(timeout=10),
                         chain_factory=fast_client,
                         network=NetworkChoice("devnet", node_url=CLOSED_NODE))


async def test_remembered_password_opens_and_serves_locked_actions(
        qtbot: Any, tmp_path: Path, secret_service: SecretServiceSession) -> None:
    bus = EventBus()
    service = keyring_service(tmp_path / "profile", bus)
    pane = make_pane(service, bus, qtbot)
    try:
        await pane.start()
        page = pane.first_run
        page.restore_button.click()
        page.phrase_input.edit.setText(ABANDON)
        page.restore_next.click()
        await until(page.remember.isEnabled, 15, "the keyring check")
        assert "SecretService" in page.remember_reason.text()
        page.remember.setChecked(True)
        page.password_fields.password.setText(PASSWORD)
        page.password_fields.repeat.setText(PASSWORD)
        page.finish_button.click()
        await until(lambda: service.info.remembered, 20, "the password in the keyring")
        assert pane.address_label.text() == ABANDON_0
        assert pane.remember_action.isChecked()
    finally:
        await pane.shutdown()
        await service.close()

    # next start: unlocked without a question
    bus = EventBus()
    service = keyring_service(tmp_path / "profile", bus)
    pane = make_pane(service, bus, qtbot)
    try:
        await pane.start()
        assert service.state is WalletState.UNLOCKED
        assert pane.lock_state.text() == "Unlocked"
        pane.lock_button.click()
        assert service.state is WalletState.LOCKED
        account = await pane.add_account()  # the keyring answers for the user
        assert account is not None and account.index == 1
        assert not [d for d in pane.findChildren(PasswordDialog) if d.isVisible()]

        # forgetting: the next locked action asks again
        await pane.set_remembered(False)
        assert not service.info.remembered and not pane.remember_action.isChecked()
        pane.lock_button.click()
        unlocking = pane.tasks.run(pane.unlock())
        prompt = await until(lambda: next((d for d in pane.findChildren(PasswordDialog)
                                           if d.isVisible()), None), 10, "the password dialog")
        prompt.field.setText(PASSWORD)
        prompt.accept()
        assert await unlocking
    finally:
        await pane.shutdown()
        await service.close()
