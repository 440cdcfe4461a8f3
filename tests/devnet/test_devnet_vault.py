"""The Speed vault on a devnet subprocess, driven by tronpy through its ABI.

The module's devnet runs with a short withdrawal notice (``NOTICE`` seconds).
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from tronpy import AsyncTron
from tronpy.async_contract import AsyncContract
from tronpy.exceptions import TvmError
from tronpy.keys import PrivateKey, keccak256

from btt_desktop.devnet.addresses import BTT_ADDRESS, VAULT_ADDRESS
from btt_desktop.devnet.vault import cheque_digest, sign_cheque
from tests.devnet.devnet_helpers import BTT, NOTICE, POLL, new_key
from tests.devnet_process import devnet_info, faucet

pytestmark = pytest.mark.timeout(60)


async def send(tron: AsyncTron, key: PrivateKey, contract: AsyncContract, name: str,
               *args: Any) -> Any:
    """Call a state-changing function as ``key``'s owner and return its decoded result."""
    owner = key.public_key.to_base58check_address()
    builder = await contract.functions[name](*args)
    tx = await builder.with_owner(owner).fee_limit(50_000_000).build()
    sent = await tx.sign(key).broadcast()
    return await sent.result(timeout=20, interval=POLL)


async def contracts(tron: AsyncTron) -> tuple[AsyncContract, AsyncContract]:
    return await tron.get_contract(BTT_ADDRESS), await tron.get_contract(VAULT_ADDRESS)


async def funded_vault(tron: AsyncTron, url: str, btt_amount: int) -> tuple[PrivateKey, str]:
    key, owner = new_key()
    faucet(url, owner, trx=200, btt=btt_amount)
    btt, vault = await contracts(tron)
    assert await send(tron, key, btt, "approve", VAULT_ADDRESS, btt_amount * BTT) is True
    await send(tron, key, vault, "deposit", btt_amount * BTT)
    return key, owner


async def test_deposit_needs_approval_and_moves_btt(tron: AsyncTron, devnet_url: str) -> None:
    key, owner = new_key()
    faucet(devnet_url, owner, trx=100, btt=100)
    btt, vault = await contracts(tron)
    held_before = await btt.functions.balanceOf(VAULT_ADDRESS)

    with pytest.raises(TvmError, match="insufficient allowance"):
        await send(tron, key, vault, "deposit", 10 * BTT)
    await send(tron, key, btt, "approve", VAULT_ADDRESS, 60 * BTT)
    assert await btt.functions.allowance(owner, VAULT_ADDRESS) == 60 * BTT
    await send(tron, key, vault, "deposit", 60 * BTT)

    assert await vault.functions.balanceOf(owner) == 60 * BTT
    assert await btt.functions.balanceOf(owner) == 40 * BTT
    assert await btt.functions.balanceOf(VAULT_ADDRESS) == held_before + 60 * BTT
    assert await btt.functions.allowance(owner, VAULT_ADDRESS) == 0


async def test_withdrawal_waits_for_the_notice(tron: AsyncTron, devnet_url: str) -> None:
    key, owner = await funded_vault(tron, devnet_url, 60)
    btt, vault = await contracts(tron)
    assert await vault.functions.noticePeriod() == NOTICE

    with pytest.raises(TvmError, match="exceeds the vault balance"):
        await send(tron, key, vault, "announceWithdrawal", 61 * BTT)
    with pytest.raises(TvmError, match="no withdrawal announced"):
        await send(tron, key, vault, "withdraw")
    before = int(time.time())
    ready_at = await send(tron, key, vault, "announceWithdrawal", 25 * BTT)
    assert before + NOTICE <= ready_at <= int(time.time()) + NOTICE
    assert await vault.functions.withdrawalOf(owner) == (25 * BTT, ready_at)

    with pytest.raises(TvmError, match="withdrawal notice runs until"):
        await send(tron, key, vault, "withdraw")
    assert await vault.functions.balanceOf(owner) == 60 * BTT

    deadline = time.monotonic() + 15
    while (await tron.get_latest_block())["block_header"]["raw_data"]["timestamp"] // 1000 < \
            ready_at:
        assert time.monotonic() < deadline, "the devnet clock did not reach the notice's end"
        await asyncio.sleep(POLL)
    assert await send(tron, key, vault, "withdraw") == 25 * BTT
    assert await btt.functions.balanceOf(owner) == 25 * BTT
    assert await vault.functions.balanceOf(owner) == 35 * BTT
    assert await vault.functions.withdrawalOf(owner) == (0, 0)


async def test_cheques_pay_the_difference_and_bad_ones_bounce(tron: AsyncTron,
                                                              devnet_url: str) -> None:
    net = devnet_info(devnet_url)["networkId"]
    assert net.startswith("devnet:")
    key, owner = await funded_vault(tron, devnet_url, 10)
    provider_key, provider = new_key()
    _, stranger = new_key()
    faucet(devnet_url, provider, trx=100)
    btt, vault = await contracts(tron)

    # the contract and the Python reference agree on the digest and the network
    assert await vault.functions.networkId() == keccak256(net.encode())
    assert await vault.functions.chequeDigest(owner, provider, 7) == cheque_digest(
        net, owner, provider, 7)

    async def cash(cum: int, sig: bytes, beneficiary: str = provider) -> Any:
        return await send(tron, provider_key, vault, "cash", owner, beneficiary, cum, sig)

    assert await cash(3 * BTT, sign_cheque(key, net, provider, 3 * BTT)) == 3 * BTT
    assert await btt.functions.balanceOf(provider) == 3 * BTT
    assert await cash(5 * BTT, sign_cheque(key, net, provider, 5 * BTT)) == 2 * BTT
    assert await btt.functions.balanceOf(provider) == 5 * BTT
    assert await vault.functions.paidOut(owner, provider) == 5 * BTT
    assert await vault.functions.balanceOf(owner) == 5 * BTT

    rejected = {
        "decreasing": (cash(4 * BTT, sign_cheque(key, net, provider, 4 * BTT)), "not above"),
        "replayed": (cash(5 * BTT, sign_cheque(key, net, provider, 5 * BTT)), "not above"),
        "forged": (cash(6 * BTT, sign_cheque(provider_key, net, provider, 6 * BTT)),
                   "not signed by the vault owner"),
        "wrong beneficiary": (cash(6 * BTT, sign_cheque(key, net, provider, 6 * BTT), stranger),
                              "not signed by the vault owner"),
        "wrong network": (cash(6 * BTT, sign_cheque(key, "devnet:other", provider, 6 * BTT)),
                          "not signed by the vault owner"),
        "unfunded": (cash(11 * BTT, sign_cheque(key, net, provider, 11 * BTT)), "bounced"),
        "garbage signature": (cash(6 * BTT, b"\x01" * 65), "not signed by the vault owner"),
    }
    for name, (attempt, reason) in rejected.items():
        with pytest.raises(TvmError, match=reason):
            await attempt
        assert await btt.functions.balanceOf(provider) == 5 * BTT, name
        assert await btt.functions.balanceOf(stranger) == 0, name
        assert await vault.functions.paidOut(owner, provider) == 5 * BTT, name
        assert await vault.functions.balanceOf(owner) == 5 * BTT, name

    # a cheque the vault covers exactly still pays, whoever submits it
    submitter_key, submitter = new_key()
    faucet(devnet_url, submitter, trx=100)
    cheque = sign_cheque(key, net, provider, 10 * BTT)
    assert await send(tron, submitter_key, vault, "cash", owner, provider, 10 * BTT,
                      cheque) == 5 * BTT
    assert await btt.functions.balanceOf(provider) == 10 * BTT
    assert await vault.functions.balanceOf(owner) == 0


async def test_cheque_events_are_in_the_receipt(tron: AsyncTron, devnet_url: str) -> None:
    net = devnet_info(devnet_url)["networkId"]
    key, owner = await funded_vault(tron, devnet_url, 2)
    provider_key, provider = new_key()
    faucet(devnet_url, provider, trx=100)
    _, vault = await contracts(tron)
    builder = await vault.functions.cash(owner, provider, BTT, sign_cheque(key, net, provider, BTT))
    tx = await builder.with_owner(provider).fee_limit(50_000_000).build()
    info = await (await tx.sign(provider_key).broadcast()).wait(timeout=20, interval=POLL)

    cashed = keccak256(b"ChequeCashed(address,address,uint256,uint256)").hex()
    transfer = keccak256(b"Transfer(address,address,uint256)").hex()
    topics = {log["topics"][0]: log for log in info["log"]}
    assert set(topics) == {cashed, transfer}
    log = topics[cashed]
    assert log["address"] == tron.to_hex_address(VAULT_ADDRESS)[2:]
    assert log["topics"][1][-40:] == tron.to_hex_address(owner)[2:]
    assert log["topics"][2][-40:] == tron.to_hex_address(provider)[2:]
    assert int(log["data"][:64], 16) == BTT and int(log["data"][64:], 16) == BTT
