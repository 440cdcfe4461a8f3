"""Provider.cash_due against the SpeedVault bytecode on a real devnet subprocess.

What it promises (btt_desktop/speed/provider.py): every due cheque is dry-run first, so a
cheque the vault would refuse (a bounce, one already cashed) costs no transaction and no
TRX; the due ones go together in one ``cashBatch``; and what counts as paid is what the
chain's ``paidOut`` grew by. The fee reported is what the provider's account lost in TRX.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from btt_desktop.speed.chainlink import VaultLink
from btt_desktop.speed.cheque import Cheque, sign_cheque
from btt_desktop.speed.ledger import ProviderLedger, VaultView
from btt_desktop.speed.provider import Provider
from btt_desktop.speed.settlement import FeeRule
from tests.devnet_process import devnet_process
from tests.speed.speed_chain import BTT, called_function, funded, link_to, node, trx_sun
from tests.speed.speed_keys import KeySigner

pytestmark = pytest.mark.timeout(120)
NOTICE = 60  # within cash_due's default margin of an hour: an announced withdrawal is near
CASH = "70f043f8"        # cash(address,address,uint256,bytes)
CASH_BATCH = "0a734a5e"  # cashBatch(address,address[],uint256[],bytes[])
BOUNCED = "the vault would refuse cash: SpeedVault: cheque bounced, vault balance too low"


@pytest.fixture(scope="module")
def devnet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet"), withdraw_notice=NOTICE) as url:
        yield url


@dataclass
class Seller:
    """A provider holding cheques (as it would after serving the payers), its chain view."""

    url: str
    link: VaultLink
    signer: KeySigner
    provider: Provider

    async def payer(self, btt: int) -> KeySigner:
        """A downloader with ``btt`` BTT in its vault."""
        owner = await funded(self.url, trx=200, btt=max(btt, 1))
        if btt:
            await self.link.vault.deposit(owner, btt * BTT)
        return owner

    async def hold(self, owner: KeySigner, cum: int) -> Cheque:
        """``owner`` pays us a cheque for ``cum``, accepted as the provider accepts them."""
        cheque = sign_cheque(owner, self.link.domain, owner.address, self.signer.address, cum)
        vault = self.link.vault
        view = VaultView(balance=await vault.balance_of(owner.address),
                         paid_out=await vault.paid_out(owner.address, self.signer.address))
        self.provider.ledger.accept_cheque(cheque, owner.address, view)
        return cheque

    async def paid_out(self, *owners: KeySigner) -> int:
        return sum([await self.link.vault.paid_out(o.address, self.signer.address)
                    for o in owners])

    async def trx(self) -> int:
        return await trx_sun(self.url, self.signer.address)

    async def btt(self) -> int:
        return await self.link.vault.token_balance(self.signer.address)


@pytest.fixture
async def seller(devnet: str, tmp_path: Path) -> AsyncIterator[Seller]:
    link = await link_to(devnet)
    try:
        me = await funded(devnet, trx=500)
        ledger = ProviderLedger(tmp_path / "provider.json", link.net, me.address, link.domain)
        provider = Provider(ledger, link.vault, lambda ih, ip, port: 0, lambda ih, peers: None)
        yield Seller(devnet, link, me, provider)
    finally:
        await link.close()


async def test_two_vaults_cashed_in_one_batch_paid_as_the_chain_says(seller: Seller) -> None:
    a, b = await seller.payer(5), await seller.payer(5)
    await seller.hold(a, 2 * BTT)
    await seller.hold(b, 3 * BTT)
    trx, btt = await seller.trx(), await seller.btt()
    report = await seller.provider.cash_due(seller.signer, threshold=1)
    assert report.refused == {} and report.waiting == {} and report.error == ""
    [txid] = report.txids  # both cheques, one transaction
    assert await called_function(seller.url, txid) == CASH_BATCH
    assert report.paid == 5 * BTT == await seller.paid_out(a, b)
    assert await seller.btt() - btt == report.paid
    info = await node(seller.url, "wallet/gettransactioninfobyid", {"value": txid})
    assert report.fee_sun == info["fee"] > 0
    assert trx - await seller.trx() == report.fee_sun

    # a later cheque from one of them: only the difference is cashed, alone (plain cash)
    await seller.hold(a, 2 * BTT + 1234)
    again = await seller.provider.cash_due(seller.signer, threshold=1)
    [single] = again.txids
    assert await called_function(seller.url, single) == CASH
    assert again.paid == 1234 and await seller.paid_out(a) == 2 * BTT + 1234
    # nothing left to cash: no transaction, nothing spent
    trx = await seller.trx()
    idle = await seller.provider.cash_due(seller.signer, threshold=1)
    assert idle.txids == [] and idle.paid == 0 and idle.fee_sun == 0
    assert await seller.trx() == trx


async def test_a_bounced_cheque_is_found_by_the_dry_run_and_costs_nothing(
        seller: Seller) -> None:
    """The payer signed cheques for its whole vault to two seeders; the other one cashed
    first. Ours would bounce: the dry run says so in the contract's words, nothing is
    broadcast, and the good cheque of another payer is still cashed (``cashBatch`` is all
    or nothing, so a bounced cheque must never go into one)."""
    broke, good = await seller.payer(1), await seller.payer(3)
    other_seeder = await funded(seller.url, trx=200)
    await seller.hold(broke, BTT)
    theirs = sign_cheque(broke, seller.link.domain, broke.address, other_seeder.address, BTT)
    await seller.link.vault.cash(other_seeder, theirs)
    assert await seller.link.vault.balance_of(broke.address) == 0

    trx, btt = await seller.trx(), await seller.btt()
    report = await seller.provider.cash_due(seller.signer, threshold=1)
    assert report.refused == {broke.address: BOUNCED}
    assert report.txids == [] and report.paid == 0 and report.fee_sun == 0
    assert await seller.trx() == trx and await seller.btt() == btt  # not a sun spent
    assert seller.provider.bounced == {broke.address: BTT}

    await seller.hold(good, 2 * BTT)
    report = await seller.provider.cash_due(seller.signer, threshold=1)
    assert report.refused == {broke.address: BOUNCED}
    [txid] = report.txids
    assert await called_function(seller.url, txid) == CASH  # the good cheque alone
    assert report.paid == 2 * BTT == await seller.paid_out(good)
    assert await seller.paid_out(broke) == 0
    assert trx - await seller.trx() == report.fee_sun


async def test_a_cheque_someone_else_cashed_costs_nothing(seller: Seller) -> None:
    """Anyone may cash a cheque (the BTT always goes to its beneficiary). One cashed by
    someone else is skipped for free; of a later cheque, only what is left is paid."""
    payer = await seller.payer(5)
    helper = await funded(seller.url, trx=200)  # e.g. a cash-out service, or the payer
    first = await seller.hold(payer, 2 * BTT)
    await seller.link.vault.cash(helper, first)
    assert await seller.btt() == 2 * BTT  # paid to us, by someone else's transaction

    trx = await seller.trx()
    report = await seller.provider.cash_due(seller.signer, threshold=1)
    assert report.txids == [] and report.paid == 0 and report.refused == {}
    assert await seller.trx() == trx

    await seller.hold(payer, 3 * BTT)
    before = await seller.paid_out(payer)
    report = await seller.provider.cash_due(seller.signer, threshold=1)
    assert len(report.txids) == 1
    assert report.paid == 1 * BTT == await seller.paid_out(payer) - before
    assert await seller.btt() == 3 * BTT


async def test_fee_rule_waits_for_a_worthwhile_amount_unless_the_vault_is_leaving(
        seller: Seller) -> None:
    small, leaving = await seller.payer(2), await seller.payer(2)
    await seller.hold(small, BTT)
    await seller.hold(leaving, BTT)
    # 0.01 BTT per TRX: a ~8 TRX fee is worth ~0.08 BTT; cash at 100 fees (~8 BTT)
    rule = FeeRule(btt_per_trx=10**16, multiple=100)
    trx = await seller.trx()
    report = await seller.provider.cash_due(seller.signer, threshold=1, fee_rule=rule)
    assert report.waiting == {small.address: BTT, leaving.address: BTT}
    assert report.txids == [] and await seller.trx() == trx
    # the owner announces a withdrawal (possible in NOTICE s): cash while it is worth more
    # than the fee, before the BTT leaves
    await seller.link.vault.announce_withdrawal(leaving, 2 * BTT)
    report = await seller.provider.cash_due(seller.signer, threshold=1, fee_rule=rule)
    assert report.waiting == {small.address: BTT}
    assert len(report.txids) == 1 and report.paid == BTT == await seller.paid_out(leaving)
    assert report.fee_sun > 0 and not rule.worth(BTT, report.fee_sun)
    assert rule.worth(BTT, report.fee_sun, leaving=True)


async def test_only_the_providers_own_account_cashes(seller: Seller) -> None:
    with pytest.raises(ValueError, match="own account"):
        await seller.provider.cash_due(await funded(seller.url, trx=1), threshold=1)
