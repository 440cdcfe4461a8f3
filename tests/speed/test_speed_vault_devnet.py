"""The Speed vault interface (ContractVault) against the SpeedVault bytecode a real devnet
subprocess runs: deposits, cheques cashed, withdrawals after the notice, and nothing
doomed ever broadcast (a call the contract would refuse ends in its reason, for free)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from tronpy import AsyncTron
from tronpy.providers.async_http import AsyncHTTPProvider

from btt_desktop.errors import ChainError
from btt_desktop.speed.chainlink import VaultLink
from btt_desktop.speed.cheque import Cheque, sign_cheque
from btt_desktop.speed.errors import ChequeRejected
from btt_desktop.speed.ledger import MIB, ProviderLedger, RequesterLedger, VaultView
from btt_desktop.speed.vault import ContractVault
from tests.conftest import free_port, next_loopback
from tests.devnet_process import devnet_process
from tests.speed.speed_chain import BTT, called_function, funded, link_to, trx_sun

pytestmark = pytest.mark.timeout(120)
NOTICE = 2


@pytest.fixture(scope="module")
def devnet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet"), withdraw_notice=NOTICE) as url:
        yield url


@pytest.fixture
async def link(devnet: str) -> AsyncIterator[VaultLink]:
    opened = await link_to(devnet)
    try:
        yield opened
    finally:
        await opened.close()


async def test_pay_with_cheques_end_to_end(devnet: str, link: VaultLink,
                                           tmp_path: Path) -> None:
    vault, net = link.vault, link.net
    payer = await funded(devnet, trx=200, btt=20)
    earner = await funded(devnet, trx=200)
    steps = await vault.quote_deposit(payer.address, 10 * BTT)
    assert [name for name, _ in steps] == ["approve", "deposit"]  # no allowance yet
    assert all(q.max_fee_sun > q.energy_sun > 0 for _, q in steps)
    trx_before = await trx_sun(devnet, payer.address)
    sent = await vault.deposit(payer, 10 * BTT)
    assert [s.result for s in sent] == [True, 10 * BTT]  # approve, then the new balance
    assert await vault.balance_of(payer.address) == 10 * BTT
    assert await vault.token_balance(payer.address) == 10 * BTT
    # the fee each call reports is what the account lost in TRX
    assert trx_before - await trx_sun(devnet, payer.address) == sum(s.fee_sun for s in sent)
    assert [await called_function(devnet, s.txid) for s in sent][1] == "b6b55f25"  # deposit

    requester = RequesterLedger(tmp_path / "r.json", net, payer.address, link.domain)
    provider = ProviderLedger(tmp_path / "p.json", net, earner.address, link.domain)
    price = BTT // 1000  # per MiB

    async def exchange(nbytes: int) -> Cheque:
        requester.record_received(earner.address, nbytes, price)
        provider.record_sent(payer.address, nbytes, price)
        cheque = requester.draw_cheque(payer, earner.address, increment=price)
        assert cheque is not None
        view = VaultView(balance=await vault.balance_of(payer.address),
                         paid_out=await vault.paid_out(payer.address, earner.address))
        provider.accept_cheque(cheque, payer.address, view)
        return cheque

    first = await exchange(2000 * MIB)  # 2 BTT
    # the contract computes the same digest the requester signed
    assert await vault.cheque_digest(payer.address, earner.address, first.cum) == first.digest()
    cashed = await vault.cash(earner, first)
    assert cashed.result == 2 * BTT and cashed.fee_sun > 0
    second = await exchange(1000 * MIB)  # cum 3 BTT: cashing pays the difference
    assert second.cum == 3 * BTT
    assert (await vault.cash(earner, second)).result == 1 * BTT
    assert await vault.paid_out(payer.address, earner.address) == 3 * BTT
    assert await vault.balance_of(payer.address) == 7 * BTT
    assert await vault.token_balance(earner.address) == 3 * BTT

    # replaying the cashed cheque: refused by the preflight, in the contract's words, and
    # nothing is broadcast, so it costs nothing
    trx_before = await trx_sun(devnet, earner.address)
    with pytest.raises(ChainError) as refused:
        await vault.cash(earner, first)
    assert str(refused.value) == ("the vault would refuse cash: SpeedVault: cheque is not "
                                  "above the amount already paid")
    # a cheque for more than the vault holds is refused by the provider before cashing
    requester.record_received(earner.address, 8000 * MIB, price)
    big = requester.draw_cheque(payer, earner.address, increment=price)
    assert big is not None and big.cum == 11 * BTT
    view = VaultView(balance=await vault.balance_of(payer.address),
                     paid_out=await vault.paid_out(payer.address, earner.address))
    with pytest.raises(ChequeRejected, match="cover"):
        provider.accept_cheque(big, payer.address, view)
    with pytest.raises(ChainError, match=r"cheque bounced, vault balance too low$"):
        await vault.quote_cash(earner.address, big)
    # a forged cheque (signed by the earner itself) is refused by the vault as well
    forged = sign_cheque(earner, link.domain, payer.address, earner.address, 4 * BTT)
    with pytest.raises(ChainError, match=r"cheque not signed by the vault owner$"):
        await vault.cash(earner, forged)
    assert await trx_sun(devnet, earner.address) == trx_before
    assert await vault.paid_out(payer.address, earner.address) == 3 * BTT


async def test_deposit_refused_before_anything_is_signed(devnet: str, link: VaultLink) -> None:
    owner = await funded(devnet, trx=50, btt=1)
    before = await trx_sun(devnet, owner.address)
    with pytest.raises(ChainError) as info:
        await link.vault.deposit(owner, 2 * BTT)
    assert str(info.value) == ("not enough BTT for the deposit: the wallet holds 1 BTT, "
                               "the deposit needs 2 BTT")
    with pytest.raises(ChainError, match="positive"):
        await link.vault.quote_deposit(owner.address, 0)
    assert await trx_sun(devnet, owner.address) == before
    # with an allowance already in place, a deposit is one transaction, quoted by a dry run
    await link.vault.deposit(owner, BTT // 2)
    token = await link.vault.token()  # the user approved more earlier, by other means
    builder = await token.functions.approve(link.vault.address, BTT)
    tx = await builder.with_owner(owner.address).fee_limit(10**8).build()
    await (await owner.sign_transaction(tx).broadcast()).wait(timeout=20, interval=0.1)
    assert await link.vault.allowance(owner.address) == BTT
    steps = await link.vault.quote_deposit(owner.address, BTT // 2)
    assert [name for name, _ in steps] == ["deposit"]
    assert len(await link.vault.deposit(owner, BTT // 2)) == 1
    assert await link.vault.balance_of(owner.address) == BTT


async def test_withdrawal_after_notice(devnet: str, link: VaultLink) -> None:
    vault = link.vault
    owner = await funded(devnet, trx=200, btt=5)
    await vault.deposit(owner, 5 * BTT)
    assert await vault.notice_period() == NOTICE
    await vault.announce_withdrawal(owner, 2 * BTT)
    amount, ready_at = await vault.withdrawal_of(owner.address)
    assert amount == 2 * BTT and ready_at > 0
    with pytest.raises(ChainError, match="the withdrawal notice is running"):
        await vault.withdraw(owner)
    deadline = time.monotonic() + 20
    while True:  # the devnet's clock is its block time; retry until the notice ran out
        try:
            assert (await vault.withdraw(owner)).result == 2 * BTT
            break
        except ChainError:
            assert time.monotonic() < deadline
            await asyncio.sleep(0.3)
    assert await vault.balance_of(owner.address) == 3 * BTT
    assert await vault.withdrawal_of(owner.address) == (0, 0)
    assert await vault.token_balance(owner.address) == 2 * BTT


async def test_unreachable_node_is_one_line_chain_error() -> None:
    host = next_loopback()
    async with AsyncTron(AsyncHTTPProvider(f"http://{host}:{free_port(host)}",
                                           timeout=3)) as client:
        vault = ContractVault(client, "TBsWufD77H3MRcEwhSyrrifKYKs1d7HKRV")
        with pytest.raises(ChainError, match="cannot reach the node") as info:
            await vault.balance_of("TCNkawTmcQgYSU8nP8cHswT1QPjharxJr7")
        assert "\n" not in str(info.value)
