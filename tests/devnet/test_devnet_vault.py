"""The SpeedVault bytecode as a devnet subprocess serves it, driven by tronpy over HTTP.

What a user of the devnet checks: deposits, withdrawals after the notice, cheques cashed
by anyone, bounced cheques with the contract's reasons, the events in the receipts, and
what a failed transaction costs. The module's devnet has a short notice (``NOTICE`` s).
The contract's own exhaustive suite is in tests/contracts/ (in-process).
"""

from __future__ import annotations

import asyncio
import re
import time
from typing import Any

import pytest
from tronpy import AsyncTron
from tronpy.async_contract import AsyncContract
from tronpy.async_tron import AsyncTransactionRet
from tronpy.exceptions import TvmError
from tronpy.keys import PrivateKey, keccak256, to_base58check_address

from btt_desktop.devnet.addresses import BTT_ADDRESS, VAULT_ADDRESS
from btt_desktop.speed.cheque import ChequeDomain, cheque_digest
from tests.devnet.devnet_helpers import BTT, NOTICE, POLL, build_output, new_key, sign_cheque
from tests.devnet_process import devnet_info, faucet

pytestmark = pytest.mark.timeout(90)

FEE_LIMIT = 50_000_000
ENERGY_PRICE = 100  # sun
SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141


def _topics(abi: list[dict[str, Any]]) -> dict[str, str]:
    return {keccak256(f"{e['name']}({','.join(i['type'] for i in e['inputs'])})".encode()
                      ).hex(): e["name"] for e in abi if e["type"] == "event"}


EVENTS = {**_topics(build_output("SpeedVault")["abi"]), **_topics(build_output("DevnetBTT")["abi"])}
EMITTERS = {to_base58check_address(BTT_ADDRESS), to_base58check_address(VAULT_ADDRESS)}


def events(info: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The receipt's logs as (event, indexed addresses..., data words...), in order."""
    out: list[tuple[Any, ...]] = []
    for log in info.get("log", []):
        assert to_base58check_address("41" + log["address"]) in EMITTERS
        indexed = [to_base58check_address("41" + t[-40:]) for t in log["topics"][1:]]
        words = [int(log["data"][i:i + 64], 16) for i in range(0, len(log["data"]), 64)]
        out.append((EVENTS[log["topics"][0]], *indexed, *words))
    return out


async def contracts(tron: AsyncTron) -> tuple[AsyncContract, AsyncContract]:
    return await tron.get_contract(BTT_ADDRESS), await tron.get_contract(VAULT_ADDRESS)


async def transact(key: PrivateKey, contract: AsyncContract, name: str, *args: Any,
                   fee_limit: int = FEE_LIMIT) -> AsyncTransactionRet:
    """Sign and broadcast ``name(*args)`` as ``key``'s account."""
    owner = key.public_key.to_base58check_address()
    builder = await contract.functions[name](*args)
    tx = await builder.with_owner(owner).fee_limit(fee_limit).build()
    sent: AsyncTransactionRet = await tx.sign(key).broadcast()
    return sent


async def send(key: PrivateKey, contract: AsyncContract, name: str, *args: Any) -> Any:
    """A call that must succeed: its decoded return value."""
    return await (await transact(key, contract, name, *args)).result(timeout=20, interval=POLL)


async def mined(key: PrivateKey, contract: AsyncContract, name: str, *args: Any
                ) -> tuple[Any, dict[str, Any]]:
    """A call that must succeed: its return value and its transaction info."""
    sent = await transact(key, contract, name, *args)
    result = await sent.result(timeout=20, interval=POLL)
    return result, await sent.wait(timeout=20, interval=POLL)


async def refused(tron: AsyncTron, key: PrivateKey, contract: AsyncContract, name: str,
                  *args: Any, reason: str) -> dict[str, Any]:
    """A call that the contract reverts with ``reason``: it is still mined, FAILED, and its
    energy is paid. Returns its transaction info."""
    payer = key.public_key.to_base58check_address()
    trx_before = await tron.get_account_balance(payer)
    sent = await transact(key, contract, name, *args)
    with pytest.raises(TvmError, match=re.escape(reason) + "$"):
        await sent.result(timeout=20, interval=POLL)
    info = await tron.get_transaction_info(sent.txid)
    assert info["result"] == "FAILED" and info["receipt"]["result"] == "REVERT"
    assert bytes.fromhex(info["resMessage"]).decode() == "REVERT opcode executed"
    energy = info["receipt"]["energy_usage_total"]
    assert energy > 0 and info["receipt"]["energy_fee"] == energy * ENERGY_PRICE
    assert info["fee"] == info["receipt"]["energy_fee"] + info["receipt"].get("net_fee", 0)
    assert "log" not in info  # a reverted call leaves no events
    assert (await tron.get_transaction(sent.txid))["ret"] == [{"contractRet": "REVERT"}]
    trx_after = await tron.get_account_balance(payer)
    assert (trx_before - trx_after) * 10**6 == info["fee"]
    return info


async def funded_vault(tron: AsyncTron, url: str, btt_amount: int
                       ) -> tuple[PrivateKey, str]:
    key, owner = new_key()
    faucet(url, owner, trx=300, btt=btt_amount)
    btt, vault = await contracts(tron)
    assert await send(key, btt, "approve", VAULT_ADDRESS, btt_amount * BTT) is True
    assert await send(key, vault, "deposit", btt_amount * BTT) == btt_amount * BTT
    return key, owner


def cheque_domain(url: str) -> ChequeDomain:
    return ChequeDomain(devnet_info(url)["chainId"], VAULT_ADDRESS)


async def test_the_vault_is_bound_to_this_devnet(tron: AsyncTron, devnet_url: str) -> None:
    info = devnet_info(devnet_url)
    _, vault = await contracts(tron)
    genesis = await tron.get_block(0)
    assert info["chainId"] == int(genesis["blockID"][-8:], 16)
    assert info["vault"] == VAULT_ADDRESS and info["withdrawNotice"] == NOTICE
    assert await vault.functions.token() == BTT_ADDRESS
    assert await vault.functions.noticePeriod() == NOTICE
    assert await vault.functions.chainId() == info["chainId"]
    assert await vault.functions.networkId() == keccak256(info["networkId"].encode())
    domain = cheque_domain(devnet_url)
    assert await vault.functions.domainSeparator() == domain.separator()
    assert await vault.functions.eip712Domain() == (
        b"\x0f", "BTT Speed Vault", "2", info["chainId"], VAULT_ADDRESS, bytes(32), ())
    _, owner = new_key()
    _, beneficiary = new_key()
    for cum in (1, 7 * BTT, 2**256 - 1):
        assert await vault.functions.chequeDigest(owner, beneficiary, cum) == cheque_digest(
            domain, owner, beneficiary, cum)


async def test_deposit_needs_approval_and_moves_btt(tron: AsyncTron, devnet_url: str) -> None:
    key, owner = new_key()
    faucet(devnet_url, owner, trx=200, btt=100)
    btt, vault = await contracts(tron)
    held_before = await btt.functions.balanceOf(VAULT_ADDRESS)

    await refused(tron, key, vault, "deposit", 10 * BTT, reason="TRC20: insufficient allowance")
    await refused(tron, key, vault, "deposit", 0, reason="SpeedVault: amount must be positive")
    approved, info = await mined(key, btt, "approve", VAULT_ADDRESS, 60 * BTT)
    assert approved is True
    assert events(info) == [("Approval", owner, VAULT_ADDRESS, 60 * BTT)]
    assert await btt.functions.allowance(owner, VAULT_ADDRESS) == 60 * BTT
    balance, info = await mined(key, vault, "deposit", 60 * BTT)
    assert balance == 60 * BTT
    assert events(info) == [("Transfer", owner, VAULT_ADDRESS, 60 * BTT),
                            ("Deposited", owner, 60 * BTT, 60 * BTT)]

    assert await vault.functions.balanceOf(owner) == 60 * BTT
    assert await btt.functions.balanceOf(owner) == 40 * BTT
    assert await btt.functions.balanceOf(VAULT_ADDRESS) == held_before + 60 * BTT
    assert await btt.functions.allowance(owner, VAULT_ADDRESS) == 0
    await refused(tron, key, vault, "deposit", 1, reason="TRC20: insufficient allowance")
    # a later deposit adds to the vault; the receipt's balance is the new total
    await send(key, btt, "approve", VAULT_ADDRESS, 40 * BTT)
    balance, info = await mined(key, vault, "deposit", 40 * BTT)
    assert balance == 100 * BTT
    assert events(info)[-1] == ("Deposited", owner, 40 * BTT, 100 * BTT)
    assert await btt.functions.balanceOf(owner) == 0


async def test_withdrawal_waits_for_the_notice(tron: AsyncTron, devnet_url: str) -> None:
    key, owner = await funded_vault(tron, devnet_url, 60)
    provider_key, provider = new_key()
    faucet(devnet_url, provider, trx=100)
    btt, vault = await contracts(tron)

    await refused(tron, key, vault, "announceWithdrawal", 61 * BTT,
                  reason="SpeedVault: amount exceeds the vault balance")
    await refused(tron, key, vault, "withdraw", reason="SpeedVault: no withdrawal announced")
    # announcing 0 cancels
    assert await send(key, vault, "announceWithdrawal", 10 * BTT) > 0
    assert await send(key, vault, "announceWithdrawal", 0) == 0
    assert await vault.functions.withdrawalOf(owner) == (0, 0)
    await refused(tron, key, vault, "withdraw", reason="SpeedVault: no withdrawal announced")

    before = int(time.time())
    ready_at, info = await mined(key, vault, "announceWithdrawal", 50 * BTT)
    assert before + NOTICE <= ready_at <= int(time.time()) + NOTICE
    assert events(info) == [("WithdrawalAnnounced", owner, 50 * BTT, ready_at)]
    assert await vault.functions.withdrawalOf(owner) == (50 * BTT, ready_at)
    await refused(tron, key, vault, "withdraw",
                  reason="SpeedVault: the withdrawal notice is running")
    assert await vault.functions.balanceOf(owner) == 60 * BTT

    # cheques stay cashable during the notice; the withdrawal then pays what is left
    cheque = sign_cheque(key, cheque_domain(devnet_url), owner, provider, 20 * BTT)
    assert await send(provider_key, vault, "cash", owner, provider, 20 * BTT, cheque) == 20 * BTT

    deadline = time.monotonic() + 15
    while (await tron.get_latest_block())["block_header"]["raw_data"]["timestamp"] // 1000 < \
            ready_at:
        assert time.monotonic() < deadline, "the devnet clock did not reach the notice's end"
        await asyncio.sleep(POLL)
    paid, info = await mined(key, vault, "withdraw")
    assert paid == 40 * BTT
    assert events(info) == [("Withdrawn", owner, 40 * BTT),
                            ("Transfer", VAULT_ADDRESS, owner, 40 * BTT)]
    assert await btt.functions.balanceOf(owner) == 40 * BTT
    assert await vault.functions.balanceOf(owner) == 0
    assert await vault.functions.withdrawalOf(owner) == (0, 0)
    await refused(tron, key, vault, "withdraw", reason="SpeedVault: no withdrawal announced")


async def test_cheques_pay_the_difference_and_bad_ones_bounce(tron: AsyncTron,
                                                              devnet_url: str) -> None:
    key, owner = await funded_vault(tron, devnet_url, 10)
    provider_key, provider = new_key()
    stranger_key, stranger = new_key()
    faucet(devnet_url, provider, trx=200)
    faucet(devnet_url, stranger, trx=200)
    btt, vault = await contracts(tron)
    domain = cheque_domain(devnet_url)

    def signed(cum: int, to: str = provider, signer: PrivateKey = key,
               on: ChequeDomain = domain) -> bytes:
        return sign_cheque(signer, on, owner, to, cum)

    assert await send(provider_key, vault, "cash", owner, provider, 3 * BTT,
                      signed(3 * BTT)) == 3 * BTT
    assert await btt.functions.balanceOf(provider) == 3 * BTT
    # anyone may cash; the BTT goes to the beneficiary, cum - paidOut of it
    paid, info = await mined(stranger_key, vault, "cash", owner, provider, 5 * BTT,
                             signed(5 * BTT))
    assert paid == 2 * BTT
    assert events(info) == [("ChequeCashed", owner, provider, 5 * BTT, 2 * BTT),
                            ("Transfer", VAULT_ADDRESS, provider, 2 * BTT)]
    assert await btt.functions.balanceOf(provider) == 5 * BTT
    assert await btt.functions.balanceOf(stranger) == 0
    assert await vault.functions.paidOut(owner, provider) == 5 * BTT
    assert await vault.functions.balanceOf(owner) == 5 * BTT

    not_signed = "SpeedVault: cheque not signed by the vault owner"
    other_chain = ChequeDomain(domain.chain_id ^ 1, VAULT_ADDRESS)
    other_vault = ChequeDomain(domain.chain_id, BTT_ADDRESS)
    low_s = signed(6 * BTT)
    high_s = low_s[:32] + (SECP256K1_N - int.from_bytes(low_s[32:64], "big")).to_bytes(
        32, "big") + bytes([55 - low_s[64]])  # the same signature's other form
    bounced: list[tuple[str, tuple[Any, ...], str]] = [
        ("decreasing", (provider, 4 * BTT, signed(4 * BTT)),
         "SpeedVault: cheque is not above the amount already paid"),
        ("replayed", (provider, 5 * BTT, signed(5 * BTT)),
         "SpeedVault: cheque is not above the amount already paid"),
        ("forged", (provider, 6 * BTT, signed(6 * BTT, signer=provider_key)), not_signed),
        ("to someone else", (stranger, 6 * BTT, signed(6 * BTT)), not_signed),
        ("another chain", (provider, 6 * BTT, signed(6 * BTT, on=other_chain)), not_signed),
        ("another vault contract", (provider, 6 * BTT, signed(6 * BTT, on=other_vault)),
         not_signed),
        ("unfunded", (provider, 11 * BTT, signed(11 * BTT)),
         "SpeedVault: cheque bounced, vault balance too low"),
        ("high s", (provider, 6 * BTT, high_s),
         "SpeedVault: signature s is not in the lower half"),
        ("bad v", (provider, 6 * BTT, signed(6 * BTT)[:64] + b"\x05"),
         "SpeedVault: signature v must be 27 or 28"),
        ("short signature", (provider, 6 * BTT, signed(6 * BTT)[:64]),
         "SpeedVault: a signature is 65 bytes"),
        ("to the vault itself", (VAULT_ADDRESS, 6 * BTT, signed(6 * BTT, to=VAULT_ADDRESS)),
         "SpeedVault: cheque to an invalid beneficiary"),
    ]
    held = await btt.functions.balanceOf(VAULT_ADDRESS)
    for name, (beneficiary, cum, sig), reason in bounced:
        await refused(tron, provider_key, vault, "cash", owner, beneficiary, cum, sig,
                      reason=reason)
        assert await btt.functions.balanceOf(provider) == 5 * BTT, name
        assert await btt.functions.balanceOf(stranger) == 0, name
        assert await btt.functions.balanceOf(VAULT_ADDRESS) == held, name
        assert await vault.functions.paidOut(owner, provider) == 5 * BTT, name
        assert await vault.functions.paidOut(owner, stranger) == 0, name
        assert await vault.functions.balanceOf(owner) == 5 * BTT, name

    # a bounced cheque is good once the owner deposits enough; exact cover pays in full
    cheque = signed(11 * BTT)
    faucet(devnet_url, owner, btt=1)
    await send(key, btt, "approve", VAULT_ADDRESS, BTT)
    await send(key, vault, "deposit", BTT)
    assert await send(stranger_key, vault, "cash", owner, provider, 11 * BTT, cheque) == 6 * BTT
    assert await btt.functions.balanceOf(provider) == 11 * BTT
    assert await vault.functions.balanceOf(owner) == 0


async def test_energy_estimate_and_running_out(tron: AsyncTron, devnet_url: str) -> None:
    """estimateenergy is the least energy a call needs; with less it runs out, is mined as
    OUT_OF_ENERGY, changes nothing and burns the whole limit."""
    key, owner = await funded_vault(tron, devnet_url, 2)
    provider_key, provider = new_key()
    faucet(devnet_url, provider, trx=100)
    btt, vault = await contracts(tron)
    cheque = sign_cheque(key, cheque_domain(devnet_url), owner, provider, BTT)
    method = vault.functions.cash
    estimate = await tron.get_estimated_energy(
        provider, VAULT_ADDRESS, method.function_signature,
        method._prepare_parameter(owner, provider, BTT, cheque))
    assert 40_000 < estimate < 150_000

    short = await transact(provider_key, vault, "cash", owner, provider, BTT, cheque,
                           fee_limit=(estimate - 1) * ENERGY_PRICE)
    with pytest.raises(TvmError):
        await short.result(timeout=20, interval=POLL)
    info = await tron.get_transaction_info(short.txid)
    assert info["result"] == "FAILED" and info["receipt"]["result"] == "OUT_OF_ENERGY"
    assert info["receipt"]["energy_usage_total"] == estimate - 1
    assert info["receipt"]["energy_fee"] == (estimate - 1) * ENERGY_PRICE
    assert (await tron.get_transaction(short.txid))["ret"] == [{"contractRet": "OUT_OF_ENERGY"}]
    assert await vault.functions.paidOut(owner, provider) == 0
    assert await btt.functions.balanceOf(provider) == 0

    enough = await transact(provider_key, vault, "cash", owner, provider, BTT, cheque,
                            fee_limit=estimate * ENERGY_PRICE)
    assert await enough.result(timeout=20, interval=POLL) == BTT
    info = await tron.get_transaction_info(enough.txid)
    # a call may use less than the limit it needs (a child call gets 63/64 of what is left)
    assert estimate - 1000 < info["receipt"]["energy_usage_total"] <= estimate
    assert await btt.functions.balanceOf(provider) == BTT
