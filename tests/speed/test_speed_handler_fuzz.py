"""Fuzzing the provider and requester message handlers over real Speed connections.

Authenticated peers send hypothesis-generated (well-formed but arbitrary) messages; the
handlers must only ever close the connection, never crash the endpoint, and never break
the payment rules: the provider keeps only cheques its peer really signed and the vault
covers; the requester never signs more than what it received x the price it was awarded.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tronpy.keys import PrivateKey

from btt_desktop.speed.cheque import ChequeDomain, sign_cheque
from btt_desktop.speed.connection import Limits
from btt_desktop.speed.ledger import MIB, ProviderLedger, RequesterLedger
from btt_desktop.speed.messages import (
    MAX_AMOUNT,
    Award,
    Bid,
    Cancel,
    ChequeMsg,
    Demote,
    Message,
    Outbid,
    Ping,
)
from btt_desktop.speed.provider import Provider, ProviderConfig
from btt_desktop.speed.requester import Requester
from btt_desktop.speed.server import SpeedServer
from tests.conftest import next_loopback
from tests.devnet_process import devnet_process
from tests.speed.speed_chain import funded, link_to
from tests.speed.speed_endpoint import RecordingHandler, wait_for
from tests.speed.speed_keys import KeySigner, address, signer
from tests.speed.test_speed_cheque import v1_digest

pytestmark = pytest.mark.timeout(180)
BTT = 10**18
IH = bytes(range(20))
EXAMPLES = 30
LIMITS = Limits(handshake_timeout=5, idle_timeout=10, messages_per_second=1000, burst=1000)


@pytest.fixture(scope="module")
def devnet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet")) as url:
        yield url


def message_strategy(me: KeySigner, other: str, net: str, domain: ChequeDomain,
                     to: str) -> st.SearchStrategy[Message]:
    ihs = st.sampled_from([IH, bytes(32), bytes(range(1, 21))])
    amounts = st.integers(0, 3000) | st.integers(0, MAX_AMOUNT)
    times = st.integers(0, 2**40)
    reasons = st.text(max_size=20)
    valid_cheque = st.builds(
        lambda cum: sign_cheque(me, domain, me.address, to, cum).to_message(),
        st.integers(0, 2 * BTT))
    # signed as version 1 did (TIP-191, bound to the network name only): never kept
    v1_cheque = st.builds(
        lambda cum: ChequeMsg(vault=me.address, to=to, cum=cum,
                              sig=me.sign_digest(v1_digest(net, me.address, to, cum))),
        st.integers(0, 2 * BTT))
    return st.one_of(
        st.builds(Bid, ih=ihs, rate=amounts, vault=st.just(me.address), exp=times),
        st.builds(Bid, ih=ihs, rate=amounts, vault=st.just(other), exp=times),
        st.builds(Cancel, ih=ihs),
        st.builds(Award, ih=ihs, price=amounts, until=times, credit=amounts),
        st.builds(Outbid, ih=ihs, price=amounts),
        st.builds(Demote, ih=ihs, reason=reasons),
        st.builds(ChequeMsg, vault=st.sampled_from([me.address, other]),
                  to=st.sampled_from([to, other]), cum=amounts,
                  sig=st.binary(min_size=65, max_size=65)),
        valid_cheque,
        v1_cheque,
        st.just(Ping()),
    )


def collect(strategy: st.SearchStrategy[list[object]]) -> list[list[object]]:
    """Hypothesis generates (and shrinks nothing): the async part replays the batches."""
    batches: list[list[object]] = []

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
              database=None, derandomize=True)
    @given(strategy)
    def run(batch: list[object]) -> None:
        batches.append(batch)

    run()
    return batches


async def test_provider_handler_fuzz(devnet: str, tmp_path: Path) -> None:
    url = devnet
    provider_signer = KeySigner(PrivateKey.random())
    peer = await funded(url, trx=100, btt=1)
    sent: dict[tuple[bytes, str, int], int] = {}
    link = await link_to(url)
    net, domain, vc = link.net, link.domain, link.vault.address
    try:
        vault = link.vault
        await vault.deposit(peer, BTT)
        provider = Provider(ProviderLedger(tmp_path / "p.json", net, provider_signer.address,
                                           domain),
                            vault, lambda ih, ip, port: sent.get((ih, ip, port), 0),
                            lambda ih, peers: None, ProviderConfig(slots=2, reserve=10))
        server = SpeedServer(provider_signer, net, 6881, provider, LIMITS, vault_contract=vc)
        host = next_loopback()
        await server.start(host, 0)
        batches = collect(st.lists(message_strategy(peer, address(3), net, domain,
                                                    provider_signer.address), max_size=8))
        try:
            for batch in batches:
                bind = next_loopback()
                client_server = SpeedServer(peer, net, 7000, RecordingHandler(), LIMITS,
                                            bind_host=bind, vault_contract=vc)
                try:
                    conn = await client_server.connect(host, server.port)
                    for message in batch:
                        await conn.send(message)  # type: ignore[arg-type]
                    sent[(IH, bind, 7000)] = sent.get((IH, bind, 7000), 0) + MIB
                    results = await provider.run_round()
                    for result in results.values():
                        assert len(result.winners) <= 2
                        assert all(w.bidder == peer.address for w in result.winners)
                        assert all(result.price <= w.rate for w in result.winners)
                    await conn.close()
                finally:
                    await client_server.close()
                await wait_for(lambda: not server.connections)
                best = provider.ledger.best_cheque(peer.address)
                if best is not None:  # only real, covered cheques are ever kept
                    assert best.signer() == peer.address
                    assert best.to == provider_signer.address and best.cum <= BTT
            # the run did exercise payment: some real cheque was accepted
            assert provider.ledger.best_cheque(peer.address) is not None
            # the endpoint still serves a good client after all that
            good = SpeedServer(signer(2), net, 7000, RecordingHandler(), LIMITS,
                               vault_contract=vc)
            try:
                await good.connect(host, server.port)
            finally:
                await good.close()
        finally:
            await server.close()
    finally:
        await link.close()


async def test_requester_handler_fuzz(devnet: str, tmp_path: Path) -> None:
    link = await link_to(devnet)
    await link.close()  # only its network, contract and cheque domain are needed
    net, domain, vc = link.net, link.domain, link.vault.address
    me = signer(11)
    fuzzer = signer(12)
    received: dict[tuple[bytes, str, int], int] = {}
    requester = Requester(RequesterLedger(tmp_path / "r.json", net, me.address, domain), me,
                          lambda ih, ip, port: received.get((ih, ip, port), 0))
    host = next_loopback()
    server = SpeedServer(me, net, 7001, requester, LIMITS, vault_contract=vc)
    await server.start(host, 0)
    await requester.set_bid(IH, 500)
    items = st.one_of(message_strategy(fuzzer, address(3), net, domain, me.address),
                      st.integers(0, 50 * MIB))
    # each batch opens with a real-looking award so payment paths are reached, then anything
    opening = st.builds(Award, ih=st.just(IH), price=st.integers(1, 500),  # at most the bid
                        until=st.just(2**40), credit=st.integers(0, 10 * MIB))
    batches = collect(st.builds(lambda first, rest: [first, *rest], opening,
                                st.lists(items, max_size=10)))
    highest_price = 0
    total_received = 0

    def award_landed(award: Award) -> bool:
        status = requester.status.get((fuzzer.address, IH))
        return status is not None and status.awarded and status.price == award.price

    try:
        for batch in batches:
            fuzz_host = next_loopback()
            fuzz = SpeedServer(fuzzer, net, 6881, RecordingHandler(), LIMITS, bind_host=fuzz_host,
                               vault_contract=vc)
            try:
                conn = await fuzz.connect(host, server.port)
                for item in batch:
                    if isinstance(item, int):  # bytes arrive from the fuzzing provider
                        key = (IH, fuzz_host, 6881)
                        received[key] = received.get(key, 0) + item
                        total_received += item
                        continue
                    await conn.send(item)  # type: ignore[arg-type]
                    if isinstance(item, Award):
                        highest_price = max(highest_price, item.price)
                        if item is batch[0]:  # let the opening award land before bytes flow
                            await wait_for(functools.partial(award_landed, item))
                await requester.tick()
                await conn.close()
            finally:
                await fuzz.close()
            await wait_for(lambda: not server.connections)
            account = requester.ledger.get(requester.ledger.key(fuzzer.address))
            # never promised more than received x the highest price awarded, nor above its bid
            assert account.cum <= account.owed
            assert account.value <= total_received * min(highest_price, 500)
            last = requester.ledger.last_cheque(fuzzer.address)
            if last is not None:
                assert last.signer() == me.address and last.cum == account.cum
        assert requester.ledger.last_cheque(fuzzer.address) is not None  # payment exercised
    finally:
        await server.close()
