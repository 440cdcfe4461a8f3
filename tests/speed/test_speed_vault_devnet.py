"""The Speed vault interface against a real devnet subprocess (vault native to the node)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from tronpy import AsyncTron
from tronpy.keys import PrivateKey
from tronpy.providers.async_http import AsyncHTTPProvider

from btt_desktop.errors import ChainError
from btt_desktop.speed.cheque import Cheque, sign_cheque
from btt_desktop.speed.errors import ChequeRejected
from btt_desktop.speed.ledger import MIB, ProviderLedger, RequesterLedger, VaultView
from btt_desktop.speed.vault import ContractVault
from tests.conftest import free_port, next_loopback
from tests.devnet_process import devnet_info, devnet_process, faucet
from tests.speed.speed_keys import KeySigner

pytestmark = pytest.mark.timeout(120)
BTT = 10**18


@pytest.fixture(scope="module")
def devnet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    with devnet_process(tmp_path_factory.mktemp("devnet"), withdraw_notice=2) as url:
        yield url, devnet_info(url)


@pytest.fixture
async def vault(devnet: tuple[str, dict[str, str]]) -> AsyncIterator[ContractVault]:
    url, info = devnet
    async with AsyncTron(AsyncHTTPProvider(url)) as client:
        yield ContractVault(client, info["vault"])


async def funded(url: str, trx: int, btt: int) -> tuple[PrivateKey, KeySigner]:
    key = PrivateKey.random()
    await asyncio.to_thread(faucet, url, key.public_key.to_base58check_address(), trx=trx,
                            btt=btt)
    return key, KeySigner(key)


async def test_pay_with_cheques_end_to_end(devnet: tuple[str, dict[str, str]],
                                           vault: ContractVault, tmp_path: Path) -> None:
    url, info = devnet
    net = info["networkId"]
    payer_key, payer = await funded(url, 200, 20)
    earner_key, earner = await funded(url, 200, 0)
    await vault.deposit(payer_key, 10 * BTT)
    assert await vault.balance_of(payer.address) == 10 * BTT

    requester = RequesterLedger(tmp_path / "r.json", net, payer.address)
    provider = ProviderLedger(tmp_path / "p.json", net, earner.address)
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
    # the node computes the same digest the requester signed
    assert await vault.cheque_digest(payer.address, earner.address, first.cum) == first.digest()
    assert await vault.cash(earner_key, first) == 2 * BTT
    second = await exchange(1000 * MIB)  # cum 3 BTT: cashing pays the difference
    assert second.cum == 3 * BTT
    assert await vault.cash(earner_key, second) == 1 * BTT
    assert await vault.paid_out(payer.address, earner.address) == 3 * BTT
    assert await vault.balance_of(payer.address) == 7 * BTT

    # replaying the cashed cheque pays nothing: the vault refuses it, one line
    with pytest.raises(ChainError, match="vault refused cash") as info_:
        await vault.cash(earner_key, first)
    assert "\n" not in str(info_.value)
    # a cheque for more than the vault holds is refused by the provider before cashing
    requester.record_received(earner.address, 8000 * MIB, price)
    big = requester.draw_cheque(payer, earner.address, increment=price)
    assert big is not None and big.cum == 11 * BTT
    view = VaultView(balance=await vault.balance_of(payer.address),
                     paid_out=await vault.paid_out(payer.address, earner.address))
    with pytest.raises(ChequeRejected, match="cover"):
        provider.accept_cheque(big, payer.address, view)
    # a forged cheque (signed by the earner itself) is refused by the vault as well
    forged = sign_cheque(earner, net, payer.address, earner.address, 4 * BTT)
    with pytest.raises(ChainError, match="not signed by the vault owner"):
        await vault.cash(earner_key, forged)


async def test_withdrawal_after_notice(devnet: tuple[str, dict[str, str]],
                                       vault: ContractVault) -> None:
    url, _ = devnet
    key, owner = await funded(url, 200, 5)
    await vault.deposit(key, 5 * BTT)
    await vault.announce_withdrawal(key, 2 * BTT)
    amount, ready_at = await vault.withdrawal_of(owner.address)
    assert amount == 2 * BTT and ready_at > 0
    with pytest.raises(ChainError, match="notice"):
        await vault.withdraw(key)
    deadline = time.monotonic() + 20
    while True:  # the devnet's clock is its block time; retry until the notice ran out
        try:
            assert await vault.withdraw(key) == 2 * BTT
            break
        except ChainError:
            assert time.monotonic() < deadline
            await asyncio.sleep(0.3)
    assert await vault.balance_of(owner.address) == 3 * BTT
    assert await vault.withdrawal_of(owner.address) == (0, 0)


async def test_unreachable_node_is_one_line_chain_error() -> None:
    host = next_loopback()
    async with AsyncTron(AsyncHTTPProvider(f"http://{host}:{free_port(host)}",
                                           timeout=3)) as client:
        vault = ContractVault(client, "TBsWufD77H3MRcEwhSyrrifKYKs1d7HKRV")
        with pytest.raises(ChainError, match="cannot reach the node") as info:
            await vault.balance_of("TCNkawTmcQgYSU8nP8cHswT1QPjharxJr7")
        assert "\n" not in str(info.value)
