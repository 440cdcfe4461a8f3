"""The ``btt speed`` and ``btt vault`` commands, and Speed beside ``btt seed/download
--speed`` (options registered by :mod:`btt_desktop.cli.speed`, which imports this module
only when one of them runs)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from btt_desktop.errors import BttError, SpeedError, WalletError
from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.speed import accounts
from btt_desktop.speed.chainlink import VaultLink, open_vault
from btt_desktop.speed.provider import Provider
from btt_desktop.speed.service import SpeedService, vault_status
from btt_desktop.speed.settings import SpeedSettings, load_settings
from btt_desktop.speed.settlement import CashReport
from btt_desktop.speed.signing import AccountSigner
from btt_desktop.wallet.amounts import BTT_DECIMALS, format_amount, parse_amount
from btt_desktop.wallet.service import WalletService
from btt_desktop.wallet.types import WalletState

from .confirm import confirm
from .wallet_commands import SecretInput, _open, _profile, writer_profile

if TYPE_CHECKING:
    from btt_desktop.engine import Engine


def _btt(text: str, what: str, *, zero: bool = True) -> int:
    if zero and text.strip() in ("0", "0.0"):
        return 0
    try:
        return parse_amount(text, BTT_DECIMALS, "BTT")
    except WalletError as exc:
        raise BttError(f"{what}: {exc}") from None


def speed_settings(args: argparse.Namespace, saved: SpeedSettings, *, earn: bool) -> SpeedSettings:
    """The saved settings with this command's options applied (not saved)."""
    changes: dict[str, Any] = {"earn": earn, "auto_bid": not earn}
    if args.speed_port is not None:
        changes["port"] = args.speed_port
    if earn:
        if args.reserve_price_per_gib is not None:
            changes["reserve_price_per_gib"] = _btt(args.reserve_price_per_gib,
                                                    "--reserve-price-per-gib")
        if args.speed_slots is not None:
            changes["slots"] = args.speed_slots
        if args.speed_round is not None:
            changes["round_seconds"] = args.speed_round
        if args.cash_threshold is not None:
            changes["cash_threshold"] = _btt(args.cash_threshold, "--cash-threshold")
    else:
        if args.max_price_per_gib is not None:
            changes["max_price_per_gib"] = _btt(args.max_price_per_gib, "--max-price-per-gib")
        if args.max_spend_per_day is not None:
            changes["max_spend_per_day"] = _btt(args.max_spend_per_day, "--max-spend-per-day")
        if args.spending_rate is not None:
            changes["spending_rate"] = args.spending_rate
    return replace(saved, **changes)


@contextlib.asynccontextmanager
async def unlocked_signer(args: argparse.Namespace) -> AsyncIterator[
        tuple[AccountSigner, WalletService]]:
    """Ask the password, unlock, and yield the current account's signer with its wallet;
    the wallet is locked and closed (the signer stops working) on the way out."""
    secrets = SecretInput(args.password_stdin)
    wallet = await _open(args)
    try:
        if wallet.state is WalletState.NONE:
            raise WalletError("there is no wallet in this profile yet: btt wallet create")
        if wallet.state is WalletState.WATCH_ONLY:
            raise WalletError("this is a watch-only wallet: Speed needs a key to sign")
        await wallet.unlock(secrets.password())
        yield await wallet.signer(), wallet
    finally:
        await wallet.close()


class SpeedPlan:
    """Speed for one ``btt seed/download --speed``: the password is asked before the engine
    starts (the prompt must not hold up the download), then :meth:`attach` runs the
    service beside the engine; the wallet stays unlocked only while it runs."""

    def __init__(self, args: argparse.Namespace, *, earn: bool) -> None:
        writer_profile(args)  # the Speed ledgers get one writer: refused before the password
        self._args = args
        self._earn = earn
        self._stack = contextlib.AsyncExitStack()
        self._unlocked: tuple[AccountSigner, WalletService] | None = None

    async def unlock(self) -> None:
        self._unlocked = await self._stack.enter_async_context(unlocked_signer(self._args))

    async def close(self) -> None:
        self._unlocked = None
        await self._stack.aclose()

    @contextlib.asynccontextmanager
    async def attach(self, engine: Engine, bus: EventBus) -> AsyncIterator[SpeedService]:
        try:
            if self._unlocked is None:
                await self.unlock()
            assert self._unlocked is not None
            signer, wallet = self._unlocked
            profile = _profile(self._args)
            settings = speed_settings(self._args, load_settings(profile.speed_dir),
                                      earn=self._earn)
            link = await open_vault(wallet.network, speed_dir=profile.speed_dir)
            try:
                service = await asyncio.to_thread(  # reads the ledgers from disk
                    lambda: SpeedService(engine, bus, profile, signer=signer, link=link,
                                         settings=settings))
                port = await service.start()
                print(f"speed on port {port} as {service.address} ({service.net})",
                      flush=True)
                try:
                    yield service
                finally:
                    await service.close()
            finally:
                await link.close()
        finally:
            await self.close()


# --- btt speed ---------------------------------------------------------------------------

def _amount(value: int | None) -> str | None:
    return None if value is None else format_amount(value, BTT_DECIMALS)


@contextlib.asynccontextmanager
async def _link(args: argparse.Namespace) -> AsyncIterator[tuple[VaultLink, str, Profile]]:
    wallet = await _open(args)
    try:
        if wallet.state is WalletState.NONE:
            raise WalletError("there is no wallet in this profile yet: btt wallet create")
        address = wallet.info.address
        assert address is not None
        network = wallet.network
    finally:
        await wallet.close()
    profile = _profile(args)
    link = await open_vault(network, speed_dir=profile.speed_dir)
    try:
        yield link, address, profile
    finally:
        await link.close()


async def cmd_status(args: argparse.Namespace) -> int:
    async with _link(args) as (link, address, profile):
        ledger = accounts.requester_ledger(profile.speed_dir, link.net, link.domain, address)
        paid = {p.address: await link.vault.paid_out(address, p.address)
                for p in accounts.spending(ledger).peers}
        spent = accounts.spending(ledger, paid)
        vault = await vault_status(link, address, ledger)
        settings = load_settings(profile.speed_dir)
    doc = {
        "address": address, "net": link.net,
        "spent": _amount(spent.spent), "owed": _amount(spent.owed),
        "bytes_bought": spent.bytes_bought,
        "vault_balance": _amount(vault.balance), "outstanding": _amount(vault.outstanding),
        "withdrawal_announced": _amount(vault.announced), "withdrawal_ready_at": vault.ready_at,
        "providers": [{"address": p.address, "bytes": p.bytes, "paid": _amount(p.cheques),
                       "cashed": _amount(p.cashed)} for p in spent.peers],
        "settings": json.loads(settings.to_json()),
    }
    if args.json:
        print(json.dumps(doc), flush=True)
    else:
        print(f"address {address} on {link.net}")
        print(f"spent {doc['spent']} BTT for {spent.bytes_bought} bytes; owed {doc['owed']} BTT")
        print(f"vault {doc['vault_balance']} BTT, {doc['outstanding']} BTT in uncashed cheques")
        if vault.announced:
            print(f"withdrawal of {doc['withdrawal_announced']} BTT possible from "
                  f"{_when(vault.ready_at)}")
    return 0


async def cmd_earnings(args: argparse.Namespace) -> int:
    async with _link(args) as (link, address, profile):
        ledger = accounts.provider_ledger(profile.speed_dir, link.net, link.domain, address)
        paid = {p.address: await link.vault.paid_out(p.address, address)
                for p in accounts.earnings(ledger).peers}
        result = accounts.earnings(ledger, paid)
    doc = {
        "address": address, "net": link.net,
        "earned": _amount(result.earned), "cashed": _amount(result.cashed),
        "pending": _amount(result.pending), "unpaid": _amount(result.unpaid),
        "bytes_sold": result.bytes_sold, "sold_value": _amount(result.sold_value),
        "peers": [{"vault": p.address, "bytes": p.bytes, "value": _amount(p.value),
                   "earned": _amount(p.cheques), "cashed": _amount(p.cashed)}
                  for p in result.peers],
    }
    if args.json:
        print(json.dumps(doc), flush=True)
    else:
        print(f"earned {doc['earned']} BTT for {result.bytes_sold} bytes sold; "
              f"cashed {doc['cashed']} BTT, pending {doc['pending']} BTT")
        if result.unpaid:
            print(f"not yet paid: {doc['unpaid']} BTT")
    return 0


async def cmd_cash(args: argparse.Namespace) -> int:
    """Cash every cheque held, whatever the thresholds; each is tried first (a cheque its
    vault would refuse costs nothing) and what counts as cashed is what the chain says."""
    # only reads the ledger (what counts as cashed is the chain's): no profile lock, so a
    # running seeder can be cashed out
    profile = _profile(args)
    async with unlocked_signer(args) as (signer, wallet):
        link = await open_vault(wallet.network, speed_dir=profile.speed_dir)
        try:
            ledger = accounts.provider_ledger(profile.speed_dir, link.net, link.domain,
                                              signer.address)
            provider = Provider(ledger, link.vault, lambda ih, ip, port: 0,
                                lambda ih, peers: None)
            plan = await provider.quote_cash_out()
            quote, due = plan.quote, plan.due
            if quote is None:
                report = CashReport(refused=plan.refused)
            else:
                fee_btt = load_settings(profile.speed_dir).fee_rule.fee_in_btt(
                    quote.max_fee_sun)
                lines = [f"Cash {_amount(due)} BTT of Speed cheques into {signer.address} on "
                         f"{wallet.network.name}.",
                         f"  fee: up to {format_amount(quote.max_fee_sun, 6)} TRX "
                         f"({quote.energy} energy)"]
                if fee_btt >= due:
                    lines.append(f"  warning: the fee (about {_amount(fee_btt)} BTT at your "
                                 f"rate) is more than what this cashes")
                confirm(lines, yes=args.yes)
                report = await provider.cash_due(signer, threshold=1)
        finally:
            await link.close()
    if args.json:
        print(json.dumps({"cashed": _amount(report.paid), "fee_trx": format_amount(
            report.fee_sun, 6), "transactions": report.txids, "refused": report.refused,
            "result": "failed" if report.error else ("cashed" if report.paid else "nothing"),
            "error": report.error or None}), flush=True)
    else:
        print(f"cashed {_amount(report.paid)} BTT", flush=True)
        if report.txids:
            print(f"fee {format_amount(report.fee_sun, 6)} TRX (transaction "
                  f"{', '.join(report.txids)})", flush=True)
        for vault, why in report.refused.items():
            print(f"not cashed, from {vault}: {why}", flush=True)
    if report.error:
        raise SpeedError(report.error)
    return 0


def _when(unix: int) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(unix))
