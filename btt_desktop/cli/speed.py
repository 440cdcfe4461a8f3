"""``btt speed`` (status, earnings, cash) and ``btt vault`` (deposit, withdraw, balance,
deploy), plus the ``--speed`` options of ``btt seed`` and ``btt download``.

Speed state (ledgers, settings) lives in the wallet's profile: ``--profile DIR``, or the
window's profile without it. The wallet options (``--network``, ``--node``,
``--password-stdin`` ...) are those of ``btt wallet``. Amounts are printed as decimal
BTT; ``--json`` gives decimal strings.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from .confirm import add_yes_option
from .wallet import wallet_options

if TYPE_CHECKING:
    from btt_desktop.cli.speed_commands import SpeedPlan

_COMMANDS = "btt_desktop.cli.speed_commands"
_VAULT = "btt_desktop.cli.vault_commands"


def register(subparsers: Any, parents: list[argparse.ArgumentParser]) -> None:
    both = [*parents, wallet_options()]

    speed = subparsers.add_parser("speed", parents=parents, help="Speed: earnings and spending",
                                  description="What Speed earned and spent in this profile.")
    commands = speed.add_subparsers(dest="speed_command", metavar="COMMAND")
    speed.set_defaults(handler=lambda args: _usage(speed))
    status = commands.add_parser("status", parents=both, help="spending, vault, settings")
    status.add_argument("--json", action="store_true", help="JSON with decimal strings")
    status.set_defaults(handler=f"{_COMMANDS}:cmd_status")
    earnings = commands.add_parser("earnings", parents=both,
                                   help="earned (cheques held), cashed, pending")
    earnings.add_argument("--json", action="store_true", help="JSON with decimal strings")
    earnings.set_defaults(handler=f"{_COMMANDS}:cmd_earnings")
    cash = commands.add_parser("cash", parents=both,
                               help="cash every cheque held into the wallet")
    cash.add_argument("--json", action="store_true", help="JSON with decimal strings")
    add_yes_option(cash)
    cash.set_defaults(handler=f"{_COMMANDS}:cmd_cash")

    vault = subparsers.add_parser("vault", parents=parents, help="the Speed vault",
                                  description="The Speed vault that pays for downloads.")
    vcommands = vault.add_subparsers(dest="vault_command", metavar="COMMAND")
    vault.set_defaults(handler=lambda args: _usage(vault))
    deposit = vcommands.add_parser("deposit", parents=both, help="move BTT into the vault")
    deposit.add_argument("amount", metavar="AMOUNT", help="BTT, e.g. 12.5")
    deposit.add_argument("--json", action="store_true",
                         help="JSON: result, deposited, balance, fee_trx, transactions")
    add_yes_option(deposit)
    deposit.set_defaults(handler=f"{_VAULT}:cmd_deposit")
    withdraw = vcommands.add_parser(
        "withdraw", parents=both, help="announce a withdrawal, or withdraw once it is due",
        description="With --announce, start the notice period for AMOUNT BTT; without, "
                    "withdraw what was announced once the notice has run out.")
    withdraw.add_argument("--announce", metavar="AMOUNT", help="BTT to announce (0 cancels)")
    withdraw.add_argument("--json", action="store_true",
                          help="JSON: result, the amounts, txid, fee_trx")
    add_yes_option(withdraw)
    withdraw.set_defaults(handler=f"{_VAULT}:cmd_withdraw")
    balance = vcommands.add_parser("balance", parents=both, help="the vault's balance")
    balance.add_argument("--json", action="store_true", help="JSON with decimal strings")
    balance.set_defaults(handler=f"{_VAULT}:cmd_vault_balance")
    deploy = vcommands.add_parser(
        "deploy", parents=both, help="deploy the SpeedVault contract (maintainers)",
        description="Deploy the SpeedVault contract shipped with this client to the chosen "
                    "network with the wallet's key, after showing the fee; print the new "
                    "contract's address and record it in the profile.")
    deploy.add_argument("--notice", metavar="SECONDS", type=int, default=None,
                        help="withdrawal notice of the new vault (default 86400)")
    deploy.add_argument("--json", action="store_true",
                        help="JSON: address, net, chain_id, txid, fee_trx")
    add_yes_option(deploy)
    deploy.set_defaults(handler=f"{_VAULT}:cmd_deploy")


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


# --- the --speed options of btt seed / btt download -----------------------------------

def speed_options(*, earn: bool) -> argparse.ArgumentParser:
    """A parent parser with the Speed options of ``btt seed`` (``earn``) or ``btt download``
    (bid), the wallet options included."""
    parser = argparse.ArgumentParser(add_help=False, parents=[wallet_options()])
    group = parser.add_argument_group("Speed")
    group.add_argument("--speed", action="store_true",
                       help="sell upload slots for BTT" if earn else "bid BTT for faster service")
    group.add_argument("--speed-port", metavar="PORT", type=int, default=None,
                       help="Speed TCP port (default: the saved setting, 0 picks one)")
    if earn:
        group.add_argument("--reserve-price-per-gib", metavar="BTT",
                           help="sell no slot below this price per GiB")
        group.add_argument("--speed-slots", metavar="N", type=int, help="winners per round")
        group.add_argument("--speed-round", metavar="SECONDS", type=float,
                           help="seconds per auction round")
        group.add_argument("--cash-threshold", metavar="BTT",
                           help="cash a vault's cheques once this much is uncashed")
    else:
        group.add_argument("--max-price-per-gib", metavar="BTT",
                           help="never bid more than this per GiB")
        group.add_argument("--max-spend-per-day", metavar="BTT",
                           help="never promise more than this in a day")
        group.add_argument("--spending-rate", metavar="FRACTION", type=float,
                           help="share of the vault balance to spend on a torrent (0-1)")
    return parser


async def speed_plan(args: argparse.Namespace, *, earn: bool) -> SpeedPlan | None:
    """None without ``--speed``; otherwise a plan whose key is already unlocked."""
    if not getattr(args, "speed", False):
        return None
    from btt_desktop.cli.speed_commands import SpeedPlan  # the TRON libraries: only now

    plan = SpeedPlan(args, earn=earn)
    await plan.unlock()
    return plan
