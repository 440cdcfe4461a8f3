"""Speed in ``btt daemon``: the wallet unlocks once at start, from the OS keyring, a
password file or stdin, and the service runs with the profile's Speed settings. The
password is never written anywhere."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import sys
from collections.abc import AsyncIterator

from btt_desktop.engine import Engine
from btt_desktop.errors import BttError, WalletError
from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.speed.chainlink import open_vault
from btt_desktop.speed.service import SpeedService
from btt_desktop.speed.settings import load_settings
from btt_desktop.wallet.service import WalletService
from btt_desktop.wallet.types import WalletState
from btt_desktop.webapi.auth import read_password_file

from .wallet_commands import _open


class DaemonSpeed:
    """``await unlock()`` before the engine starts, then ``attach(engine, bus)``."""

    def __init__(self, args: argparse.Namespace, profile: Profile) -> None:
        self._args = args
        self._profile = profile
        self._wallet: WalletService | None = None

    async def unlock(self) -> None:
        args = self._args
        wallet = await _open(args)
        self._wallet = wallet
        if wallet.state is WalletState.NONE:
            raise WalletError("there is no wallet in this profile yet: btt wallet create")
        if wallet.state is WalletState.WATCH_ONLY:
            raise WalletError("this is a watch-only wallet: Speed needs a key to sign")
        if args.wallet_password_file:
            password = await asyncio.to_thread(read_password_file, args.wallet_password_file)
        elif args.wallet_password_stdin or args.password_stdin:
            line = await asyncio.to_thread(sys.stdin.readline)
            password = line.rstrip("\r\n")
            if not password:
                raise WalletError("stdin ended before the wallet password")
        else:
            remembered = await wallet.unlock_remembered()
            if not remembered.unlocked:
                why = remembered.reason or "the wallet password is not remembered in it"
                raise WalletError(f"cannot unlock the wallet from the OS keyring ({why}): "
                                  f"use --wallet-password-file FILE or --wallet-password-stdin")
            return
        await wallet.unlock(password)

    async def close(self) -> None:
        if self._wallet is not None:
            await self._wallet.close()
            self._wallet = None

    @contextlib.asynccontextmanager
    async def attach(self, engine: Engine, bus: EventBus) -> AsyncIterator[SpeedService]:
        wallet = self._wallet
        if wallet is None:
            raise BttError("the wallet is not unlocked")
        signer = await wallet.signer()
        settings = load_settings(self._profile.speed_dir)
        if not (settings.earn or settings.auto_bid):   # selling costs nothing: on
            settings = dataclasses.replace(settings, earn=True)
        if self._args.speed_port is not None:
            settings = dataclasses.replace(settings, port=self._args.speed_port)
        link = await open_vault(wallet.network, speed_dir=self._profile.speed_dir)
        try:
            profile = self._profile
            service = await asyncio.to_thread(
                lambda: SpeedService(engine, bus, profile, signer=signer, link=link,
                                     settings=settings))
            port = await service.start()
            print(f"speed on port {port} as {service.address} ({service.net})", flush=True)
            try:
                yield service
            finally:
                await service.close()
        finally:
            await link.close()
