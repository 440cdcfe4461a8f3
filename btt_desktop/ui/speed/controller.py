"""The Speed service's life in the window: built when the wallet is unlocked and Speed is
on, closed when the wallet locks, the account or network changes, or the window quits.

Every widget of ``ui/speed/`` reads the running service (``controller.service``, or None)
and changes Speed through this object, so the switch, the settings page, the Speed tab
and the vault panel never disagree. Nothing here blocks: the vault link, the service's
start and close, and the settings file are awaited or run off the loop.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from btt_desktop.errors import BttError, one_line
from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.speed.chainlink import (
    NoVaultContract,
    VaultLink,
    known_unavailable,
    open_vault,
)
from btt_desktop.speed.service import SpeedService
from btt_desktop.speed.settings import SpeedSettings, load_settings, save_settings
from btt_desktop.ui.bridge import EventBridge
from btt_desktop.ui.speed.intro import SpeedIntroDialog
from btt_desktop.ui.tasks import TaskRunner, run_dialog
from btt_desktop.ui.wallet.protected import Policy, run_protected
from btt_desktop.wallet.service import WalletService
from btt_desktop.wallet.signer import WalletSigner
from btt_desktop.wallet.types import WalletState

if TYPE_CHECKING:
    from btt_desktop.engine import Engine

log = logging.getLogger(__name__)

CONTEXT = "SpeedController"
REPEAT_AFTER = 5.0  # the same failure is not reported again within this many seconds


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class SpeedController(QObject):
    """Owns the :class:`SpeedService` of the window (see the module docstring)."""

    changed = Signal()          # the service started or stopped, or the settings changed

    def __init__(self, engine: Engine, bus: EventBus, bridge: EventBridge, profile: Profile,
                 wallet: WalletService, *, report: Callable[[str], None],
                 show_wallet: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.bus = bus
        self.profile = profile
        self.wallet = wallet
        self.report = report
        self.show_wallet = show_wallet
        self.bridge = bridge  # the window's one bridge: shared, so never detached here
        self.tasks = TaskRunner(report)
        self.settings = SpeedSettings()
        self.service: SpeedService | None = None
        self.problem = ""           # why Speed is not running although it is on
        self.unavailable = False    # the network has no vault contract: trying again is vain
        self._link: VaultLink | None = None
        self._identity: tuple[str, str, str] | None = None
        self._lock = asyncio.Lock()
        self._closed = False
        self._reported = 0.0
        self._connections = [
            bridge.wallet_unlocked.connect(
                lambda _wid, _a: self.tasks.run(self.ensure_running())),
            bridge.wallet_locked.connect(lambda _wid: self.tasks.run(self._wallet_locked())),
            bridge.wallet_changed.connect(lambda _info: self.tasks.run(self._follow_wallet())),
        ]

    # --- life cycle -----------------------------------------------------------------

    async def start(self) -> None:
        """Read the saved settings; start Speed now if the wallet is already unlocked."""
        try:
            self.settings = await asyncio.to_thread(load_settings, self.profile.speed_dir)
        except BttError as exc:
            self.report(str(exc))
        self.changed.emit()
        await self.ensure_running()
        if (self.wanted and not self.unavailable and self.service is None
                and self.wallet.state is WalletState.LOCKED):
            self.tasks.run(self._ask_at_start())

    async def _ask_at_start(self) -> None:
        """BTT Speed is on and the wallet starts locked: say so once and offer to unlock,
        rather than wait without a word (Cancel leaves it paused until an unlock)."""
        parent = self.parent()
        s = self.settings
        sides = (_tr("buying and selling") if s.auto_bid and s.earn else
                 _tr("buying") if s.auto_bid else _tr("selling"))
        await self.unlock_for_speed(
            parent if isinstance(parent, QWidget) else None,
            text=_tr("BTT Speed is on ({sides}) and signs with your wallet, which is "
                     "locked. Enter the wallet password to start it now, or Cancel to "
                     "leave it paused until you unlock the wallet.").format(sides=sides))

    async def close(self) -> None:
        """Pay what is owed and stop (the window is quitting)."""
        self._closed = True
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections.clear()
        await self.tasks.cancel_all()
        await self.stop_service()

    @property
    def wanted(self) -> bool:
        """Speed is on: the service should run whenever the wallet can sign."""
        return self.settings.auto_bid or self.settings.earn

    def _wallet_identity(self) -> tuple[str, str, str]:
        network = self.wallet.network
        return (self.wallet.info.address or "", network.name, network.node_url)

    def _check_network(self) -> bool:
        """Whether Speed can run on the wallet's network, as far as is known without a node
        (sets :attr:`unavailable` and :attr:`problem` when it cannot)."""
        reason = known_unavailable(self.wallet.network, self.profile.speed_dir)
        was_unavailable, self.unavailable = self.unavailable, reason is not None
        if reason is not None:
            self.problem = reason
        elif was_unavailable:
            self.problem = ""
        return reason is None

    async def ensure_running(self) -> None:
        if not self._check_network():
            self.changed.emit()
            return
        async with self._lock:
            if (self.service is not None or self._closed or not self.wanted
                    or self.wallet.state is not WalletState.UNLOCKED):
                return
            link: VaultLink | None = None
            try:
                link = await open_vault(self.wallet.network, speed_dir=self.profile.speed_dir)
                service = await SpeedService.from_wallet(
                    self.engine, self.bus, self.profile, self.wallet, link,
                    settings=self.settings, kept=self.settings.run_while_locked)
                await service.start()
            except Exception as exc:
                if link is not None:
                    await link.close()
                self.unavailable = isinstance(exc, NoVaultContract)
                if not isinstance(exc, BttError):
                    log.error("Speed did not start", exc_info=exc)
                again = self.problem == one_line(exc)
                self.problem = one_line(exc)
                if not again or time.monotonic() - self._reported > REPEAT_AFTER:
                    self._reported = time.monotonic()
                    self.report(self.problem if self.unavailable else
                                _tr("BTT Speed did not start: {reason}").format(
                                    reason=self.problem))
                self.changed.emit()
                return
            self.service, self._link = service, link
            self._identity = self._wallet_identity()
            self.problem = ""
            self.unavailable = False
        self.changed.emit()

    async def stop_service(self) -> None:
        async with self._lock:
            service, link = self.service, self._link
            self.service, self._link, self._identity = None, None, None
            if service is not None:
                try:
                    await service.close()
                except Exception as exc:
                    log.error("closing Speed", exc_info=exc)
                    self.report(one_line(exc))
                finally:
                    if isinstance(service.signer, WalletSigner):
                        service.signer.release()  # a kept key is wiped now
            if link is not None:
                await link.close()
        self.changed.emit()

    @property
    def running_locked(self) -> bool:
        """Running on a kept signer while the wallet is locked."""
        service = self.service
        return (service is not None and isinstance(service.signer, WalletSigner)
                and service.signer.kept and self.wallet.state is not WalletState.UNLOCKED)

    async def _wallet_locked(self) -> None:
        """A lock pauses BTT Speed, unless the user chose to keep it running (its signer
        is then a kept one, which the lock leaves working)."""
        service = self.service
        if (service is not None and self.settings.run_while_locked
                and isinstance(service.signer, WalletSigner) and service.signer.kept):
            self.changed.emit()
            return
        await self.stop_service()

    async def _follow_wallet(self) -> None:
        """A new account or network means new ledgers: make a new service."""
        if self.service is None:
            await self.ensure_running()  # e.g. a network with a vault now
        elif self._identity != self._wallet_identity():
            await self.stop_service()
            await self.ensure_running()

    # --- what the widgets change ---------------------------------------------------

    async def apply_settings(self, settings: SpeedSettings) -> None:
        """Use and save ``settings``; start or stop the service to match."""
        old = self.settings
        self.settings = settings
        await asyncio.to_thread(save_settings, self.profile.speed_dir, settings)  # the owner
        service = self.service
        if service is not None and (settings.port != old.port
                                    or settings.run_while_locked != old.run_while_locked):
            await self.stop_service()  # a new port, or a signer of the other kind
        elif service is not None:
            service.apply_settings(settings)
        if not self.wanted:
            await self.stop_service()
        else:
            await self.ensure_running()
        self.changed.emit()

    async def set_torrent_enabled(self, torrent_id: str, enabled: bool) -> None:
        await self.apply_settings(self.settings.with_torrent(torrent_id, enabled))

    async def set_auto_bid(self, on: bool, parent: QWidget | None) -> bool:
        """The buying switch; see :meth:`set_sides`."""
        return await self.set_sides(buy=on, parent=parent)

    async def set_earn(self, on: bool, parent: QWidget | None) -> bool:
        """The selling switch; see :meth:`set_sides`."""
        return await self.set_sides(sell=on, parent=parent)

    async def set_sides(self, *, buy: bool | None = None, sell: bool | None = None,
                        parent: QWidget | None) -> bool:
        """Turn buying and/or selling on or off. The first time either is turned on, what
        BTT Speed is and may spend is explained, and nothing starts unless the user says
        so; turning on needs a wallet that can sign (the password is asked when locked).
        Returns whether the switches are now as asked."""
        s = self.settings
        wanted = dataclasses.replace(s, auto_bid=s.auto_bid if buy is None else buy,
                                     earn=s.earn if sell is None else sell)
        turning_on = (wanted.auto_bid and not s.auto_bid) or (wanted.earn and not s.earn)
        if turning_on and self.unavailable:
            self.report(self.problem)
            self.changed.emit()
            return False
        if turning_on and not s.introduced:
            dialog = SpeedIntroDialog(s, buy=wanted.auto_bid, sell=wanted.earn, parent=parent)
            accepted = await run_dialog(dialog) == QDialog.DialogCode.Accepted
            chosen = dialog.settings() if accepted else None
            dialog.deleteLater()
            if chosen is None:
                self.changed.emit()
                return False
            wanted = chosen
            turning_on = wanted.auto_bid or wanted.earn
        if turning_on and not await self.unlock_for_speed(parent):
            if wanted.introduced and not s.introduced:  # the caps chosen are kept
                await self.apply_settings(dataclasses.replace(wanted, auto_bid=s.auto_bid,
                                                              earn=s.earn))
            self.changed.emit()
            return False
        await self.apply_settings(wanted)
        return (buy is None or wanted.auto_bid == buy) and (sell is None or wanted.earn == sell)

    async def explain(self, parent: QWidget | None) -> None:
        """Help → BTT Speed: the same page, for the current settings; what is chosen there
        is applied (turning a side on still asks for the wallet password when locked)."""
        dialog = SpeedIntroDialog(self.settings, buy=self.settings.auto_bid,
                                  sell=self.settings.earn, parent=parent)
        accepted = await run_dialog(dialog) == QDialog.DialogCode.Accepted
        chosen = dialog.settings() if accepted else None
        dialog.deleteLater()
        if chosen is None:
            return
        s = self.settings
        await self.apply_settings(dataclasses.replace(chosen, auto_bid=s.auto_bid, earn=s.earn))
        await self.set_sides(buy=chosen.auto_bid, sell=chosen.earn, parent=parent)

    async def unlock_for_speed(self, parent: QWidget | None, *, text: str = "") -> bool:
        state = self.wallet.state
        if state is WalletState.NONE:
            await self._offer_wallet(parent)
            return False
        if state is WalletState.WATCH_ONLY:
            self.report(_tr("BTT Speed pays from your wallet; a watch-only wallet cannot "
                            "sign cheques."))
            return False
        wallet = self.wallet

        async def unlock(password: str | None) -> None:
            if password is not None:
                await wallet.unlock(password)

        outcome = await run_protected(
            parent, wallet, unlock, title=_tr("Start BTT Speed"),
            text=text or _tr("BTT Speed signs cheques with your wallet. Enter the wallet "
                             "password to unlock it."), policy=Policy.UNLOCK)
        return outcome.done

    async def _offer_wallet(self, parent: QWidget | None) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, _tr("BTT Speed needs a wallet"),
                          _tr("BTT Speed pays seeders in BTT from your wallet, and there is "
                              "no wallet yet. Create or restore one in the Wallet section."),
                          QMessageBox.StandardButton.NoButton, parent)
        box.setObjectName("speed_needs_wallet")
        open_button = box.addButton(_tr("Open Wallet"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        await run_dialog(box)
        if box.clickedButton() is open_button:
            self.show_wallet()
        box.deleteLater()
