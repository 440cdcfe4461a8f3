"""``btt wallet``: create, restore, show the address and balances, send, export.

Secrets come from a terminal prompt (hidden) or, with ``--password-stdin``, from stdin
lines in a fixed order: the password first, then what the command needs next (the
recovery phrase, the passphrase, the private key). Nothing secret is ever an argument.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from btt_desktop.errors import WalletError
from btt_desktop.events import EventBus, TransactionStatus
from btt_desktop.profile import Profile
from btt_desktop.wallet.amounts import BTT_DECIMALS, TRX_DECIMALS, format_amount
from btt_desktop.wallet.networks import NETWORK_NAMES, NetworkChoice
from btt_desktop.wallet.service import WalletService
from btt_desktop.wallet.types import WalletState

API_KEY_ENV = "TRONGRID_API_KEY"

CREATE_WARNING = """\
Above are the {count} words of your new recovery phrase. Write them down, in order, and keep
them offline. Anyone who has them controls this wallet; without them (and your password)
it cannot be recovered. They are not shown again (btt wallet export-seed shows them)."""


def wallet_options() -> argparse.ArgumentParser:
    """The options that pick the network and read secrets (a parent parser, also used by
    the commands of other groups that need the wallet)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--network", choices=NETWORK_NAMES,
                        help="network for this command (default: the saved one, else mainnet)")
    common.add_argument("--node", metavar="URL",
                        help="node URL (devnet default http://127.0.0.1:8090; alone: a custom "
                             "java-tron node)")
    common.add_argument("--api-key", metavar="KEY",
                        help=f"TronGrid API key header (or ${API_KEY_ENV})")
    common.add_argument("--btt-contract", metavar="ADDRESS",
                        help="BTT TRC-20 contract to use instead of the network's")
    common.add_argument("--password-stdin", action="store_true",
                        help="read the password (then any other secret) from stdin lines")
    return common


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
             parents: list[argparse.ArgumentParser]) -> None:
    common = wallet_options()
    both = [*parents, common]

    parser = subparsers.add_parser("wallet", parents=parents, help="the TRON wallet",
                                   description="The TRON wallet: TRX and BTT.")
    commands = parser.add_subparsers(dest="wallet_command", metavar="COMMAND")
    parser.set_defaults(handler=lambda args: _usage(parser))

    create = commands.add_parser("create", parents=both, help="create a new wallet",
                                 description="Create a wallet with a new recovery phrase. "
                                             "The words go to stdout once.")
    create.add_argument("--words", type=int, choices=(12, 24), default=12)
    create.add_argument("--passphrase-stdin", action="store_true",
                        help="read an optional BIP39 passphrase after the password")
    create.set_defaults(handler=cmd_create)

    restore = commands.add_parser(
        "restore", parents=both, help="restore a wallet (phrase, key, keystore, watch)",
        description="Restore from a recovery phrase (default), a private key, a keystore "
                    "v3 file (TronLink, web3), or watch an address without a key.")
    source = restore.add_mutually_exclusive_group()
    source.add_argument("--private-key-stdin", action="store_true",
                        help="read a hex private key (after the password)")
    source.add_argument("--keystore", metavar="FILE",
                        help="import a keystore v3 JSON file; its password becomes the "
                             "wallet password")
    source.add_argument("--watch", metavar="ADDRESS", help="watch-only: no key, no sending")
    restore.add_argument("--passphrase-stdin", action="store_true",
                         help="read a BIP39 passphrase after the recovery phrase")
    restore.add_argument("--replace", action="store_true",
                         help="replace the wallet already in this profile")
    restore.set_defaults(handler=cmd_restore)

    address = commands.add_parser("address", parents=both, help="print the address")
    address.add_argument("--account", type=int, metavar="N", help="account index")
    address.set_defaults(handler=cmd_address)

    balance = commands.add_parser("balance", parents=both, help="print TRX and BTT balances")
    balance.add_argument("--json", action="store_true",
                         help="JSON with decimal strings (and base units)")
    balance.add_argument("--account", type=int, metavar="N", help="account index")
    balance.set_defaults(handler=cmd_balance)

    send = commands.add_parser("send", parents=both, help="send TRX or BTT",
                               description="Send, wait for the block, print the tx id.")
    send.add_argument("to", help="recipient address (T...)")
    send.add_argument("amount", help="amount in TRX or BTT, e.g. 1.5")
    send.add_argument("--token", default="BTT", type=str.upper, choices=("TRX", "BTT"),
                      help="token to send (default BTT)")
    send.add_argument("--account", type=int, metavar="N", help="send from account N")
    send.set_defaults(handler=cmd_send)

    seed = commands.add_parser("export-seed", parents=both,
                               help="print the recovery phrase (asks the password)")
    seed.set_defaults(handler=cmd_export_seed)

    key = commands.add_parser("export-key", parents=both,
                              help="print the private key, or write a keystore file")
    key.add_argument("--account", type=int, metavar="N", help="account index")
    key.add_argument("--keystore", metavar="FILE",
                     help="write a keystore v3 JSON (TronLink, web3) encrypted with the "
                          "wallet password instead of printing the key")
    key.set_defaults(handler=cmd_export_key)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


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
        _err(f"sending {quote.amount_display} {quote.token} from {quote.from_address} to "
             f"{quote.to} on {quote.network}; estimated fee {fee.burn_trx} TRX "
             f"(bandwidth {fee.bandwidth_bytes} bytes{detail})")
        password = secrets.password()
        result = await service.send(quote, password=password)
        print(result.txid, flush=True)
        url = service.network.tx_url(result.txid)
        paid = format_amount(result.fee_sun, TRX_DECIMALS)
        _err(f"fee paid: {paid} TRX" + (f"; {url}" if url else ""))
    finally:
        await service.close()
    return 0


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

