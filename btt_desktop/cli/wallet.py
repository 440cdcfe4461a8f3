"""``btt wallet``: create, restore, show the address, balances and history, send, export.

Secrets come from a terminal prompt (hidden) or, with ``--password-stdin``, from stdin
lines in a fixed order: the password first, then what the command needs next (the
recovery phrase, the passphrase, the private key). Nothing secret is ever an argument.
"""

from __future__ import annotations

import argparse
import sys

from .confirm import add_yes_option

# The wallet's network names, spelt out here so that parsing the command line does not
# import the TRON libraries (tests/cli/test_cli_startup.py checks they match
# btt_desktop.wallet.networks.NETWORK_NAMES).
NETWORK_NAMES = ("mainnet", "nile", "devnet", "custom")

_COMMANDS = "btt_desktop.cli.wallet_commands"

API_KEY_ENV = "TRONGRID_API_KEY"


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
    create.set_defaults(handler=f"{_COMMANDS}:cmd_create")

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
    restore.set_defaults(handler=f"{_COMMANDS}:cmd_restore")

    address = commands.add_parser("address", parents=both, help="print the address")
    address.add_argument("--account", type=int, metavar="N", help="account index")
    address.set_defaults(handler=f"{_COMMANDS}:cmd_address")

    balance = commands.add_parser("balance", parents=both, help="print TRX and BTT balances")
    balance.add_argument("--json", action="store_true",
                         help="JSON with decimal strings (and base units)")
    balance.add_argument("--account", type=int, metavar="N", help="account index")
    balance.set_defaults(handler=f"{_COMMANDS}:cmd_balance")

    send = commands.add_parser("send", parents=both, help="send TRX or BTT",
                               description="Send, wait for the block, print the tx id.")
    send.add_argument("to", help="recipient address (T...)")
    send.add_argument("amount", help="amount in TRX or BTT, e.g. 1.5")
    send.add_argument("--token", default="BTT", type=str.upper, choices=("TRX", "BTT"),
                      help="token to send (default BTT)")
    send.add_argument("--account", type=int, metavar="N", help="send from account N")
    send.add_argument("--json", action="store_true",
                      help="JSON: txid, result, fee paid, block, amount, token, recipient")
    add_yes_option(send)
    send.set_defaults(handler=f"{_COMMANDS}:cmd_send")

    history = commands.add_parser(
        "history", parents=both, help="list the account's transactions",
        description="Every transaction of the current account, newest first: transfers, "
                    "contract calls (approve, vault deposits, cheques cashed...), "
                    "deployments and failures, each with its fee.")
    history.add_argument("--json", action="store_true",
                         help="JSON: exact decimal strings and integers in base units")
    history.add_argument("--limit", type=_positive, default=20, metavar="N",
                         help="how many transactions (default 20)")
    history.set_defaults(handler=f"{_COMMANDS}:cmd_history")

    seed = commands.add_parser("export-seed", parents=both,
                               help="print the recovery phrase (asks the password)")
    seed.set_defaults(handler=f"{_COMMANDS}:cmd_export_seed")

    key = commands.add_parser("export-key", parents=both,
                              help="print the private key, or write a keystore file")
    key.add_argument("--account", type=int, metavar="N", help="account index")
    key.add_argument("--keystore", metavar="FILE",
                     help="write a keystore v3 JSON (TronLink, web3) encrypted with the "
                          "wallet password instead of printing the key")
    key.set_defaults(handler=f"{_COMMANDS}:cmd_export_key")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


