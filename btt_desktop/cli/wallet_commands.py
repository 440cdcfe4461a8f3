"""The ``btt wallet`` commands (registered by :mod:`btt_desktop.cli.wallet`).

Kept apart from the option definitions so that a command that never touches the wallet
does not import the TRON libraries.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from btt_desktop.errors import WalletError
from btt_desktop.events import EventBus, TransactionStatus
from btt_desktop.profile import Profile
from btt_desktop.wallet.amounts import BTT_DECIMALS, TRX_DECIMALS, format_amount
from btt_desktop.wallet.history import TxRecord
from btt_desktop.wallet.networks import NetworkChoice
from btt_desktop.wallet.service import WalletService
from btt_desktop.wallet.types import WalletState

from .confirm import confirm
from .wallet import API_KEY_ENV

CREATE_WARNING = """\
Above are the {count} words of your new recovery phrase. Write them down, in order, and keep
them offline. Anyone who has them controls this wallet; without them (and your password)
it cannot be recovered. They are not shown again (btt wallet export-seed shows them)."""


# --- secrets input ----------------------------------------------------------------------

class SecretInput:
    """Stdin lines (``--password-stdin``) or hidden terminal prompts."""

    def __init__(self, use_stdin: bool, stream: TextIO | None = None,
                 prompt: Callable[[str], str] = getpass.getpass) -> None:
        self.use_stdin = use_stdin
        self.stream = stream or sys.stdin
        self.prompt = prompt

    def __repr__(self) -> str:
        return "<SecretInput>"

    def _line(self, what: str) -> str:
        line = self.stream.readline()
        if not line:
            raise WalletError(f"stdin ended before the {what} (--password-stdin reads the "
                              f"password first, then the other secrets, one per line)")
        return line.rstrip("\r\n")

    def _interactive(self) -> bool:
        return self.stream.isatty()

    def read(self, what: str, label: str) -> str:
        """The next secret: a stdin line, or a hidden prompt on a terminal."""
        if self.use_stdin:
            return self._line(what)
        if not self._interactive():
            raise WalletError(f"no {what}: pass --password-stdin or run in a terminal")
        return self.prompt(f"{label}: ")

    def password(self) -> str:
        return self.read("password", "Wallet password")

    def new_password(self) -> str:
        if self.use_stdin:
            return self._line("password")
        first = self.read("password", "New wallet password")
        if self.prompt("Repeat the password: ") != first:
            raise WalletError("the two passwords differ")
        return first


# --- plumbing ---------------------------------------------------------------------------

def _choice(args: argparse.Namespace) -> NetworkChoice | None:
    api_key = args.api_key or os.environ.get(API_KEY_ENV) or None
    if not (args.network or args.node or api_key or args.btt_contract):
        return None  # the saved choice
    name = args.network or ("custom" if args.node else "mainnet")
    return NetworkChoice(name, node_url=args.node, api_key=api_key,
                         btt_contract=args.btt_contract)


async def _open(args: argparse.Namespace, bus: EventBus | None = None) -> WalletService:
    choice = _choice(args)
    if choice is not None:
        choice.resolve()  # a bad URL fails before anything else
    service = WalletService(_profile(args), bus or EventBus(), network=choice)
    await service.open()
    return service


def _profile(args: argparse.Namespace) -> Profile:
    return Profile.open(getattr(args, "profile", None))


def writer_profile(args: argparse.Namespace) -> Profile:
    """The profile, locked for this process: for commands that change its wallet or Speed
    state. Another process holding it (the window, ``btt seed``) refuses in one line."""
    return _profile(args).lock()


def _write_new_file(target: Path, text: str) -> None:
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(text)
    except OSError as exc:
        raise WalletError(f"cannot write {target}: {exc.strerror}") from None


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --- commands ---------------------------------------------------------------------------

async def cmd_create(args: argparse.Namespace) -> int:
    writer_profile(args)
    secrets = SecretInput(args.password_stdin)
    service = await _open(args)
    try:
        if service.state is not WalletState.NONE:
            raise WalletError(f"a wallet already exists in {_profile(args).root}"
                              f"; use --profile DIR for another one")
        password = secrets.new_password()
        passphrase = (secrets.read("passphrase", "BIP39 passphrase (optional)")
                      if args.passphrase_stdin else "")
        phrase = service.new_recovery_phrase(args.words)
        info = await service.create(phrase, password, passphrase=passphrase)
        print(phrase, flush=True)
        _err(CREATE_WARNING.format(count=args.words))
        _err(f"address: {info.address}")
    finally:
        await service.close()
    return 0


async def cmd_restore(args: argparse.Namespace) -> int:
    writer_profile(args)
    secrets = SecretInput(args.password_stdin)
    service = await _open(args)
    replace = args.replace
    try:
        if args.watch:
            info = await service.watch(args.watch, replace_existing=replace)
        elif args.keystore:
            try:
                document = await asyncio.to_thread(Path(args.keystore).read_bytes)
            except OSError as exc:
                raise WalletError(f"cannot read {args.keystore}: {exc.strerror}") from None
            password = secrets.read("keystore password", "Keystore password")
            info = await service.restore_keystore(document, password, replace_existing=replace)
        elif args.private_key_stdin:
            password = secrets.new_password()
            key = secrets.read("private key", "Private key (hex)")
            info = await service.restore_private_key(key, password, replace_existing=replace)
        else:
            password = secrets.new_password()
            phrase = secrets.read("recovery phrase", "Recovery phrase")
            passphrase = (secrets.read("passphrase", "BIP39 passphrase")
                          if args.passphrase_stdin else "")
            info = await service.restore_phrase(phrase, password, passphrase=passphrase,
                                                replace_existing=replace)
        print(info.address, flush=True)
    finally:
        await service.close()
    return 0


async def cmd_address(args: argparse.Namespace) -> int:
    service = await _open(args)
    try:
        if service.state is WalletState.NONE:
            raise WalletError("there is no wallet in this profile yet: btt wallet create")
        if args.account is None:
            print(service.info.address)
        else:
            print(_account_address(service, args.account))
    finally:
        await service.close()
    return 0


def _account_address(service: WalletService, index: int) -> str:
    for account in service.info.accounts:
        if account.index == index:
            return account.address
    raise WalletError(f"no account with index {index}")


async def cmd_balance(args: argparse.Namespace) -> int:
    service = await _open(args)
    try:
        if service.state is WalletState.NONE:
            raise WalletError("there is no wallet in this profile yet: btt wallet create")
        address = (service.info.address if args.account is None
                   else _account_address(service, args.account))
        assert address is not None
        client = await service.chain()
        result = await client.balances(address)
        network = service.network
        trx_text = format_amount(result.trx, TRX_DECIMALS)
        btt_text = None if result.btt is None else format_amount(result.btt, BTT_DECIMALS)
        if args.json:
            print(json.dumps({
                "address": address, "network": network.name,
                "network_id": network.network_id,
                "trx": trx_text, "btt": btt_text,
                "trx_sun": str(result.trx),
                "btt_base_units": None if result.btt is None else str(result.btt),
                "btt_unavailable": network.btt_missing_reason if result.btt is None else None,
                "activated": result.activated,
            }))
        else:
            print(f"TRX {trx_text}")
            if btt_text is None:
                print(f"BTT unavailable: {network.btt_missing_reason}")
            else:
                print(f"BTT {btt_text}")
    finally:
        await service.close()
    return 0


async def cmd_send(args: argparse.Namespace) -> int:
    secrets = SecretInput(args.password_stdin)
    bus = EventBus()

    def show(event: TransactionStatus) -> None:
        update = event.update
        if update.state in ("broadcast", "confirmed") and update.txid:
            _err(f"{update.state}: {update.txid}")

    bus.subscribe(TransactionStatus, show)
    service = await _open(args, bus)

    try:
        if service.state is WalletState.NONE:
            raise WalletError("there is no wallet in this profile yet: btt wallet create")
        quote = await service.quote_send(args.to, args.amount, args.token,
                                         account=args.account)
        fee = quote.fee
        detail = f", energy {fee.energy}" if fee.energy else ""
        confirm([f"sending {quote.amount_display} {quote.token} from {quote.from_address} to "
                 f"{quote.to} on {quote.network}; estimated fee {fee.burn_trx} TRX "
                 f"(bandwidth {fee.bandwidth_bytes} bytes{detail})",
                 "a transfer cannot be undone"], yes=args.yes)
        password = secrets.password()
        result = await service.send(quote, password=password)
        url = service.network.tx_url(result.txid)
        paid = format_amount(result.fee_sun, TRX_DECIMALS)
        if args.json:
            print(json.dumps({
                "result": "confirmed", "txid": result.txid, "block": result.block,
                "fee_trx": paid, "fee_sun": result.fee_sun, "amount": quote.amount_display,
                "amount_base_units": str(quote.amount), "token": quote.token,
                "from": quote.from_address, "to": quote.to, "network": quote.network,
                "explorer": url}), flush=True)
        else:
            print(result.txid, flush=True)
        _err(f"fee paid: {paid} TRX" + (f"; {url}" if url else ""))
    finally:
        await service.close()
    return 0


async def cmd_history(args: argparse.Namespace) -> int:
    service = await _open(args)
    try:
        if service.state is WalletState.NONE:
            raise WalletError("there is no wallet in this profile yet: btt wallet create")
        view = await service.history(args.limit)
        records = view.checked()  # an unreachable node is an error, as for balance
        network = service.network
        if args.json:
            print(json.dumps({
                "address": service.info.address, "network": network.name,
                "network_id": network.network_id, "partial": view.partial,
                "transactions": [history_json(r) for r in records],
            }))
        else:
            for record in records:
                print(history_line(record))
            if not records:
                _err("no transactions yet")
        if view.partial and not args.json:
            _err(f"note: {view.partial}")
    finally:
        await service.close()
    return 0


def _signed(record: TxRecord) -> int:
    return -record.amount if record.direction == "out" else record.amount


def history_json(record: TxRecord) -> dict[str, object]:
    """One transaction for ``--json``: amounts signed (negative: left the account), as
    exact decimal strings and as integers in base units."""
    moved = record.token is not None
    return {
        "txid": record.txid,
        "time": datetime.fromtimestamp(record.timestamp_ms / 1000, UTC).isoformat(),
        "timestamp_ms": record.timestamp_ms, "block": record.block,
        "kind": record.kind, "function": record.function, "token": record.token,
        "direction": record.direction or None,
        "amount": format_amount(_signed(record), record.decimals) if moved else None,
        "amount_base_units": _signed(record) if moved else None,
        "counterparty": record.counterparty, "contract": record.contract,
        "fee_trx": format_amount(record.fee_sun, TRX_DECIMALS), "fee_sun": record.fee_sun,
        "result": record.result, "failed": record.failed, "reason": record.reason,
    }


def history_line(record: TxRecord) -> str:
    """``2024-05-01 12:00:00  deposit  -500 BTT  to T...  fee 5.37 TRX  <txid>  ok``."""
    when = datetime.fromtimestamp(record.timestamp_ms / 1000).strftime("%Y-%m-%d %H:%M:%S")
    amount = "-"
    if record.token is not None:
        sign = {"in": "+", "out": "-"}.get(record.direction, "")
        amount = f"{sign}{format_amount(record.amount, record.decimals)} {record.token}"
    if record.counterparty:
        who = ("from " if record.direction == "in" else "to ") + record.counterparty
    elif record.contract:
        who = "contract " + record.contract
    else:
        who = "-"
    fee = f"fee {format_amount(record.fee_sun, TRX_DECIMALS)} TRX"
    result = "ok"
    if record.failed:
        detail = record.reason if record.reason not in (None, "", record.result) else None
        result = f"failed: {record.result}" + (f": {detail}" if detail else "")
    return (f"{when}  {record.kind:<18}  {amount:>26}  {who:<42}  {fee:<18}  "
            f"{record.txid}  {result}")


async def cmd_export_seed(args: argparse.Namespace) -> int:
    secrets = SecretInput(args.password_stdin)
    service = await _open(args)
    try:
        if service.state is WalletState.NONE:
            raise WalletError("there is no wallet in this profile yet")
        info = service.info
        if not info.has_recovery_phrase:
            raise WalletError("this wallet has no recovery phrase (it was imported from a key "
                              "or is watch-only)")
        phrase, passphrase = await service.export_recovery_phrase(secrets.password())
        print(phrase, flush=True)
        if passphrase:
            _err("this wallet also uses a BIP39 passphrase (not shown): without it the "
                 "phrase restores a different wallet")
        _err("Anyone who sees these words controls this wallet.")
    finally:
        await service.close()
    return 0


async def cmd_export_key(args: argparse.Namespace) -> int:
    secrets = SecretInput(args.password_stdin)
    service = await _open(args)
    try:
        if service.state is WalletState.NONE:
            raise WalletError("there is no wallet in this profile yet")
        if service.state is WalletState.WATCH_ONLY:
            raise WalletError("this is a watch-only wallet: it holds no key")
        index = args.account
        password = secrets.password()
        if args.keystore:
            target = Path(args.keystore)
            if await asyncio.to_thread(target.exists):
                raise WalletError(f"{target} exists; choose a new file name")
            document = await service.export_keystore(password, index)
            await asyncio.to_thread(_write_new_file, target, document + "\n")
            _err(f"keystore written to {target} (encrypted with the wallet password)")
        else:
            print(await service.export_private_key(password, index), flush=True)
            _err("Anyone who sees this key controls the account.")
    finally:
        await service.close()
    return 0

