"""The BTT Speed switches and settings page, in the window over a real engine, a real
wallet and a devnet process (the service is a real SpeedService on the devnet's vault).

- BTT Speed is off on a fresh profile; the first time a switch is turned on, the page that
  explains it comes first (cancelled: nothing starts, nothing is saved; its caps are
  editable and kept); then the wallet password when locked (a wrong one is refused in the
  same dialog); off again stops the bids; locking the wallet stops the service;
- buying and selling are two switches; Help → What Is BTT Speed? shows the same page;
- with no wallet, the switch says so and offers to open the wallet section;
- the settings page: BTT display units in, exact base units saved, shown back the same;
  a bad amount keeps the dialog open with its one line.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QPushButton

from btt_desktop.speed.settings import BTT, SpeedSettings, load_settings
from btt_desktop.ui.settings_dialog import SettingsDialog
from btt_desktop.ui.speed.intro import SpeedIntroDialog
from btt_desktop.ui.speed.settings_page import SpeedSettingsPage
from btt_desktop.ui.speed.vault_panel import VaultPanel
from btt_desktop.ui.torrent_model import Column
from btt_desktop.ui.wallet.protected import PasswordDialog
from tests.devnet_process import devnet_process, faucet
from tests.ui.conftest import loopback_settings
from tests.ui.speed.speed_rig import (
    PASSWORD,
    address_of,
    gc_after_each_test,  # noqa: F401  (autouse)
    gc_on_gui_thread,  # noqa: F401  (autouse)
    open_window,
)
from tests.ui.ui_helpers import until

pytestmark = pytest.mark.timeout(60)
KEY = "51" * 32


@pytest.fixture(scope="module")
def devnet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet")) as url:
        yield url


async def _visible(kind: type[Any], parent: Any) -> Any:
    return await until(lambda: next((d for d in parent.findChildren(kind) if d.isVisible()),
                                    None), 10, kind.__name__)


async def test_first_switch_on_explains_then_asks_for_the_password(
        qtbot: Any, tmp_path: Path, devnet: str) -> None:
    faucet(devnet, address_of(KEY), trx=50)
    w = await open_window(tmp_path, loopback_settings(), node_url=devnet, key_hex=KEY,
                          locked=True)  # a fresh profile: no Speed settings saved
    try:
        switch, controller = w.speed.switch, w.speed.controller
        assert not controller.settings.auto_bid and not controller.settings.earn
        assert not switch.isChecked() and not w.speed.sell_switch.isChecked()
        assert controller.service is None
        assert w.speed.readout.label.text() == "BTT Speed: off"
        header = w.window.view.horizontalHeader()
        assert header.isSectionHidden(Column.EARNED)  # nothing sold: no Earned column
        shown = [a.text() for a in w.speed.menu.menu().actions() if a.text() and a.isVisible()]
        assert shown == ["Buy Faster Downloads", "Sell My Upload for BTT", "What Is BTT Speed?…"]

        switch.trigger()  # the first time: what it is and may spend, before anything
        intro = await _visible(SpeedIntroDialog, w.window)
        text = intro.findChild(QLabel, "speed_intro_text").text()
        assert "docs/speed.md" in text and "optional" in text
        assert intro.buy_check.isChecked() and not intro.sell_check.isChecked()
        assert intro.max_price.text() == "200000" and intro.max_day.text() == "2000000"
        intro.reject()  # cancelled: nothing starts, nothing is saved, no password asked
        await until(lambda: not intro.isVisible(), 5, "the page to close")
        await until(lambda: not switch.isChecked(), 5, "the switch to stay off")
        assert not any(d.isVisible() for d in w.window.findChildren(PasswordDialog))
        assert controller.service is None
        assert not (w.profile.speed_dir / "settings.json").exists()

        switch.trigger()  # again: the page again; a cap changed there is what Speed uses
        intro = await _visible(SpeedIntroDialog, w.window)
        intro.max_price.setText("abc")
        intro.accept()
        assert intro.isVisible() and "not an amount" in intro.error_label.text()
        intro.max_price.setText("3")
        intro.accept()
        dialog = await _visible(PasswordDialog, w.window)  # the wallet is locked
        dialog.field.setText("not the password")
        dialog.accept()
        await until(lambda: "Wrong password" in dialog.error_label.text(), 10, "the refusal")
        assert controller.service is None and not switch.isChecked()
        dialog.field.setText(PASSWORD)
        dialog.accept()
        service = await until(lambda: controller.service, 20, "the Speed service")
        assert switch.isChecked() and not w.speed.sell_switch.isChecked()
        assert service.settings.auto_bid and not service.settings.earn
        assert service.settings.max_price_per_gib == 3 * BTT
        assert service.address == address_of(KEY)
        saved = load_settings(w.profile.speed_dir)  # remembered
        assert saved.auto_bid and saved.introduced and saved.max_price_per_gib == 3 * BTT
        await until(lambda: "buying, spending" in w.speed.readout.label.text(), 5,
                    "the readout")

        switch.trigger()  # off: the running service stops bidding, the file says so
        await until(lambda: not switch.isChecked(), 10, "the switch to go off")
        assert not load_settings(w.profile.speed_dir).auto_bid
        assert controller.service is None  # neither buying nor selling: nothing runs

        w.speed.sell_switch.trigger()  # selling: explained already, unlocked already
        await until(lambda: controller.service is not None, 20, "the service again")
        assert not any(d.isVisible() for kind in (PasswordDialog, SpeedIntroDialog)
                       for d in w.window.findChildren(kind))
        assert controller.service is not None
        assert controller.service.settings.earn and not controller.service.settings.auto_bid
        assert w.speed.sell_switch.isChecked() and not switch.isChecked()
        assert not header.isSectionHidden(Column.EARNED)  # selling shows what it earns
        await until(lambda: "selling, earning" in w.speed.readout.label.text(), 5,
                    "the readout")

        w.wallet.lock()  # locking the wallet pauses Speed; the switch stays on
        await until(lambda: controller.service is None, 10, "the service to stop")
        assert w.speed.sell_switch.isChecked()
        assert w.speed.readout.label.text() == "BTT Speed: paused until the wallet is unlocked"
        assert w.speed.menu.resume.isVisible()
        w.speed.menu.resume.trigger()  # the menu offers to unlock and start again
        dialog = await _visible(PasswordDialog, w.window)
        dialog.field.setText(PASSWORD)
        dialog.accept()
        await until(lambda: controller.service is not None, 20, "the service again")
        assert not w.speed.menu.resume.isVisible()
    finally:
        await w.close()


async def test_a_locked_wallet_at_start_is_asked_for_once_not_waited_on(
        qtbot: Any, tmp_path: Path, devnet: str) -> None:
    """Speed was on when the window closed; it opens with the wallet locked: one clear
    prompt says so; Cancel leaves it paused, saying so, with the way to start it."""
    w = await open_window(tmp_path, loopback_settings(), node_url=devnet, key_hex=KEY,
                          locked=True, speed=SpeedSettings(earn=True, introduced=True))
    try:
        dialog = await _visible(PasswordDialog, w.window)
        assert dialog.windowTitle() == "Start BTT Speed"
        assert dialog.text_label.text().startswith(
            "BTT Speed is on (selling) and signs with your wallet, which is locked.")
        dialog.reject()
        await until(lambda: "paused" in w.speed.readout.label.text(), 5, "the readout")
        assert w.speed.controller.service is None and w.speed.menu.resume.isVisible()
        assert w.speed.sell_switch.isChecked()
        await asyncio.sleep(0.5)  # asked once only
        assert not any(d.isVisible() for d in w.window.findChildren(PasswordDialog))
    finally:
        await w.close()


async def test_speed_kept_running_while_locked_signs_on_until_turned_off(
        qtbot: Any, tmp_path: Path, devnet: str) -> None:
    faucet(devnet, address_of(KEY), trx=50)
    w = await open_window(tmp_path, loopback_settings(), node_url=devnet, key_hex=KEY,
                          speed=SpeedSettings(earn=True, introduced=True,
                                              run_while_locked=True))
    try:
        controller = w.speed.controller
        service = await until(lambda: controller.service, 20, "the Speed service")
        w.wallet.lock()
        await until(lambda: "(wallet locked)" in w.speed.readout.label.text(), 10,
                    "the readout")
        assert controller.service is service and not service.signer.locked
        assert len(service.signer.sign_digest(bytes(32))) == 65  # it still signs
        # the user turns the option off: the kept key is wiped, Speed pauses
        await controller.apply_settings(dataclasses.replace(controller.settings,
                                                            run_while_locked=False))
        assert controller.service is None and service.signer.locked
        assert w.speed.readout.label.text() == "BTT Speed: paused until the wallet is unlocked"
    finally:
        await w.close()


async def test_help_explains_btt_speed_and_applies_what_is_chosen(
        qtbot: Any, tmp_path: Path, devnet: str) -> None:
    w = await open_window(tmp_path, loopback_settings(), node_url=devnet, key_hex=KEY,
                          speed=SpeedSettings(introduced=True))
    try:
        help_menu = next(m for m in w.window.menuBar().findChildren(QMenu)
                         if m.title().replace("&", "") == "Help")
        entry = next(a for a in help_menu.actions() if a.text() == "What Is BTT Speed?…")
        entry.trigger()
        intro = await _visible(SpeedIntroDialog, w.window)
        assert not intro.buy_check.isChecked() and not intro.sell_check.isChecked()
        intro.sell_check.setChecked(True)
        intro.reserve.setText("50000")
        intro.accept()
        service = await until(lambda: w.speed.controller.service, 20, "the Speed service")
        assert service.settings.earn and not service.settings.auto_bid
        assert service.settings.reserve_price_per_gib == 50_000 * BTT
        assert w.speed.sell_switch.isChecked() and not w.speed.switch.isChecked()
    finally:
        await w.close()


def test_settings_saved_before_speed_was_opt_in_are_off(tmp_path: Path) -> None:
    """A settings file from before BTT Speed was opt-in holds the old defaults (both sides
    on), not a choice: it loads with both off; the caps the user set are kept."""
    (tmp_path / "settings.json").write_text(json.dumps(
        {"earn": True, "auto_bid": True, "max_price_per_gib": str(7 * BTT)}))
    old = load_settings(tmp_path)
    assert not old.earn and not old.auto_bid and not old.introduced
    assert old.max_price_per_gib == 7 * BTT
    (tmp_path / "settings.json").write_text(json.dumps(
        {"earn": True, "auto_bid": False, "introduced": True}))
    assert load_settings(tmp_path).earn  # chosen after the explanation: kept


@pytest.mark.parametrize("locked", [False, True])
async def test_a_network_without_a_vault_contract_offers_nothing_that_would_fail(
        qtbot: Any, tmp_path: Path, locked: bool) -> None:
    """mainnet has no SpeedVault deployment yet (resources/contracts/deployments.json):
    the wallet's Speed tab says so and offers no button that would fail, locked or not, and
    the Speed switch is disabled with the reason. No node is reached (the URL is a closed
    port): the lack of a vault is known before any request."""
    w = await open_window(tmp_path, loopback_settings(), node_url="http://127.0.0.1:9",
                          key_hex=KEY, network="mainnet", locked=locked,
                          speed=SpeedSettings(auto_bid=True, introduced=True))
    try:
        controller = w.speed.controller
        await until(lambda: controller.problem, 10, "the reason Speed does not run")
        assert controller.service is None and controller.unavailable
        assert "no Speed vault contract is deployed there yet" in controller.problem
        panels = w.window.findChildren(VaultPanel)
        assert panels, "the wallet's Speed tab"
        panel = panels[0]
        assert "no Speed vault contract" in panel.notice.text()
        assert panel.notice.text().endswith("Networks with a BTT Speed vault: devnet.")
        for button in (panel.turn_on_button, panel.deposit_button, panel.announce_button,
                       panel.withdraw_button, panel.cash_button):
            assert not (button.isVisible() and button.isEnabled()), button.text()
        for switch in (w.speed.switch, w.speed.sell_switch):
            assert not switch.isEnabled() and not switch.isChecked()
            assert "no Speed vault contract" in switch.toolTip()
    finally:
        await w.close()


async def test_switch_without_a_wallet_offers_the_wallet_section(
        qtbot: Any, tmp_path: Path, devnet: str) -> None:
    w = await open_window(tmp_path, loopback_settings(), node_url=devnet,
                          speed=SpeedSettings(introduced=True))
    try:
        w.speed.switch.trigger()
        box = await _visible(QMessageBox, w.window)
        assert "no wallet" in box.text()
        opener = next(b for b in box.findChildren(QPushButton) if b.text() == "Open Wallet")
        opener.click()
        await until(lambda: w.window.sections.currentWidget() is w.wallet_pane
                    and w.wallet_pane.first_run.isVisible(), 5,
                    "the wallet section's first-run setup")
        assert not w.speed.switch.isChecked()
        assert w.speed.controller.service is None
    finally:
        await w.close()


async def test_settings_page_round_trip_in_btt_units(
        qtbot: Any, tmp_path: Path, devnet: str) -> None:
    w = await open_window(tmp_path, loopback_settings(), node_url=devnet)
    try:
        w.window.actions_.settings.trigger()
        dialog = await _visible(SettingsDialog, w.window)
        page = dialog.findChild(SpeedSettingsPage)
        assert page is not None
        dialog.tabs.setCurrentWidget(page)
        assert page.max_price_edit.text() == "200000"  # the defaults, in BTT
        assert page.threshold_edit.text() == "1000000"
        page.max_price_edit.setText("2.5")
        page.max_day_edit.setText("0.000000000000000001")
        page.rate_box.setValue(25)
        assert not page.earn_check.isChecked() and not page.auto_bid_check.isChecked()
        page.earn_check.setChecked(True)  # turned on here: as good as the intro's yes
        page.reserve_edit.setText("0.75")
        page.slots_box.setValue(7)
        page.threshold_edit.setText("12")
        page.port_box.setValue(0)

        page.reserve_edit.setText("1.2.3")  # a bad amount: the dialog stays, saying why
        dialog.accept()
        assert dialog.isVisible()
        assert dialog.error_label.text().startswith("Reserve price per GiB: not an amount")
        page.reserve_edit.setText("0.75")
        dialog.accept()
        expected = SpeedSettings(max_price_per_gib=25 * BTT // 10, max_spend_per_day=1,
                                 spending_rate=0.25, earn=True, introduced=True,
                                 reserve_price_per_gib=75 * BTT // 100, slots=7,
                                 cash_threshold=12 * BTT)
        await until(lambda: w.speed.controller.settings == expected, 10, "the settings")
        saved = load_settings(w.profile.speed_dir)
        assert saved == expected
        raw = json.loads((w.profile.speed_dir / "settings.json").read_text())
        assert raw["max_price_per_gib"] == "2500000000000000000"  # integers, exact

        shown = SpeedSettingsPage(saved)  # opened again, the same text comes back
        assert (shown.max_price_edit.text(), shown.max_day_edit.text(),
                shown.reserve_edit.text(), shown.threshold_edit.text()) == (
            "2.5", "0.000000000000000001", "0.75", "12")
        assert shown.rate_box.value() == 25 and shown.earn_check.isChecked()
        shown.deleteLater()
    finally:
        await w.close()
