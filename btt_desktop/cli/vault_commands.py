"""The ``btt vault`` commands: deposit, withdraw, balance and deploy (options registered
by :mod:`btt_desktop.cli.speed`, which imports this module only when one of them runs).

Every command that spends shows the amount, the estimated fee in TRX and the network, and
asks before it signs (:mod:`btt_desktop.cli.confirm`; ``--yes`` answers for scripts).
"""

from __future__ import annotations

import argparse
import json
import time

from btt_desktop.errors import SpeedError, WalletError
from btt_desktop.speed import accounts, deployments
from btt_desktop.speed.chainlink import network_of, new_http, open_vault, tron_client, verify
from btt_desktop.speed.deploy import DEFAULT_NOTICE, deploy, plan_deploy
from btt_desktop.speed.service import vault_status
from btt_desktop.speed.vault import CallQuote, ContractVault, DepositStep
from btt_desktop.wallet.amounts import TRX, format_amount
from btt_desktop.wallet.networks import MAINNET_BTT

from .confirm import confirm
from .speed_commands import _amount, _btt, _link, _when, unlocked_signer
from .wallet_commands import _profile, writer_profile


def _trx(sun: int) -> str:
    return format_amount(sun, TRX.decimals)


def _fee_line(quote: CallQuote) -> str:
    return (f"  fee: up to {_trx(quote.max_fee_sun)} TRX ({quote.energy} energy at "
            f"{quote.energy_price} sun, about {quote.bandwidth_bytes} bytes of bandwidth)")


async def cmd_deposit(args: argparse.Namespace) -> int:
    amount = _btt(args.amount, "AMOUNT", zero=False)
    profile = _profile(args)
    async with unlocked_signer(args) as (signer, wallet):
        link = await open_vault(wallet.network, speed_dir=profile.speed_dir)
        try:
            vault = link.vault
            steps = await vault.quote_deposit(signer.address, amount)
            lines = [f"Deposit {_amount(amount)} BTT into the Speed vault {vault.address} "
                     f"on {link.net}, from {signer.address}."]
            for step, quote in steps:
                lines.append(f"- {step}" + (" (lets the vault take the BTT)"
                                            if step is DepositStep.APPROVE else ""))
                lines.append(_fee_line(quote))
            lines.append(f"Taking BTT back out needs a withdrawal notice of "
                         f"{await vault.notice_period()} s.")
            confirm(lines, yes=args.yes)
            sent = await vault.deposit(signer, amount)
            balance = await vault.balance_of(signer.address)
        finally:
            await link.close()
    fee = sum(s.fee_sun for s in sent)
    if args.json:
        print(json.dumps({"result": "deposited", "deposited": _amount(amount),
                          "balance": _amount(balance), "fee_trx": _trx(fee),
                          "transactions": [s.txid for s in sent]}), flush=True)
    else:
        print(f"vault balance {_amount(balance)} BTT (fee {_trx(fee)} TRX; transaction "
              f"{', '.join(s.txid for s in sent)})", flush=True)
    return 0


async def cmd_withdraw(args: argparse.Namespace) -> int:
    amount = None if args.announce is None else _btt(args.announce, "--announce")
    profile = _profile(args)
    async with unlocked_signer(args) as (signer, wallet):
        link = await open_vault(wallet.network, speed_dir=profile.speed_dir)
        owner = signer.address
        vault = link.vault
        try:
            if amount is not None:
                quote = await vault.quote(owner, vault.contract(), "announceWithdrawal", amount)
                notice = await vault.notice_period()
                what = (f"Announce a withdrawal of {_amount(amount)} BTT from the Speed vault "
                        f"on {link.net}; it becomes possible {notice} s after this is mined, "
                        f"and seeders may cash your cheques until then." if amount else
                        f"Cancel the announced withdrawal from the Speed vault on {link.net}.")
                confirm([what, _fee_line(quote)], yes=args.yes)
                sent = await vault.announce_withdrawal(signer, amount)
                announced, ready_at = await vault.withdrawal_of(owner)
                if args.json:
                    print(json.dumps({"result": "announced" if announced else "cancelled",
                                      "announced": _amount(announced), "ready_at": ready_at,
                                      "txid": sent.txid, "fee_trx": _trx(sent.fee_sun)}),
                          flush=True)
                elif announced:
                    print(f"withdrawal of {_amount(announced)} BTT possible from "
                          f"{_when(ready_at)}", flush=True)
                else:
                    print("withdrawal cancelled", flush=True)
                return 0
            announced, ready_at = await vault.withdrawal_of(owner)
            if not announced:
                raise SpeedError("no withdrawal announced: btt vault withdraw --announce AMOUNT")
            if ready_at > time.time():
                raise SpeedError(f"the withdrawal notice runs until {_when(ready_at)}")
            quote = await vault.quote(owner, vault.contract(), "withdraw")
            confirm([f"Withdraw up to {_amount(announced)} BTT from the Speed vault on "
                     f"{link.net} into {owner}.", _fee_line(quote)], yes=args.yes)
            sent = await vault.withdraw(signer)
        finally:
            await link.close()
    if args.json:
        print(json.dumps({"result": "withdrawn", "withdrawn": _amount(int(sent.result)),
                          "txid": sent.txid, "fee_trx": _trx(sent.fee_sun)}), flush=True)
    else:
        print(f"withdrew {_amount(int(sent.result))} BTT (fee {_trx(sent.fee_sun)} TRX; "
              f"transaction {sent.txid})", flush=True)
    return 0


async def cmd_vault_balance(args: argparse.Namespace) -> int:
    async with _link(args) as (link, address, profile):
        ledger = accounts.requester_ledger(profile.speed_dir, link.net, link.domain, address)
        vault = await vault_status(link, address, ledger)
    if args.json:
        print(json.dumps({"owner": address, "net": link.net, "contract": link.vault.address,
                          "balance": _amount(vault.balance),
                          "announced": _amount(vault.announced), "ready_at": vault.ready_at,
                          "outstanding": _amount(vault.outstanding)}), flush=True)
    else:
        print(f"vault {_amount(vault.balance)} BTT ({_amount(vault.outstanding)} BTT in "
              f"uncashed cheques)", flush=True)
        if vault.announced:
            print(f"withdrawal of {_amount(vault.announced)} BTT possible from "
                  f"{_when(vault.ready_at)}", flush=True)
    return 0


async def cmd_deploy(args: argparse.Namespace) -> int:
    """Deploy the committed SpeedVault bytecode with the wallet's key, after showing the fee
    and asking; print the new contract's address and record it in the profile."""
    profile = writer_profile(args)
    notice = DEFAULT_NOTICE if args.notice is None else args.notice
    async with unlocked_signer(args) as (signer, wallet):
        await wallet.chain()  # resolves a devnet's BTT contract
        network = wallet.network
        token = args.btt_contract or (MAINNET_BTT if network.name == "mainnet"
                                      else network.btt_contract)
        if not token:
            raise WalletError(f"no BTT contract is known on {network.name}: name the token "
                              f"the vault holds with --btt-contract ADDRESS")
        http = new_http(network)
        try:
            net, chain_id, _ = await network_of(network, http)
            if chain_id is None:
                raise SpeedError(f"the node at {network.node_url} did not give its chain id")
            tron = tron_client(network, http)
            plan = await plan_deploy(tron, owner=signer.address, net=net, chain_id=chain_id,
                                     token=token, notice=notice)
            confirm([
                f"Deploy the SpeedVault contract on {net} (chain id {chain_id}) from "
                f"{signer.address}:",
                f"  BTT token {token}, withdrawal notice {notice} s; no owner, no admin: the "
                f"contract cannot be changed or removed once deployed.",
                f"  fee: up to {_trx(plan.fee_sun)} TRX ({plan.energy} energy at "
                f"{plan.energy_price} sun, {plan.bandwidth_bytes} bytes of bandwidth)",
            ], yes=args.yes, question="Deploy?")
            result = await deploy(tron, plan, signer)
            await verify(ContractVault(tron, result.address), net, chain_id)
        finally:
            await http.aclose()
    deployments.record_vault(profile.speed_dir, net, result.address)
    if args.json:
        print(json.dumps({"result": "deployed", "address": result.address, "net": net,
                          "chain_id": chain_id, "txid": result.txid,
                          "fee_trx": _trx(result.fee_sun)}), flush=True)
    else:
        print(result.address, flush=True)
        print(f"vault contract deployed on {net} (transaction {result.txid}, fee "
              f"{_trx(result.fee_sun)} TRX); recorded in {profile.speed_dir}", flush=True)
    return 0
