"""The wallet's real tronpy code path against a real devnet node over HTTP."""

from __future__ import annotations

import dataclasses
import socket
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from tronpy import AsyncTron
from tronpy.async_contract import AsyncContract
from tronpy.keys import PrivateKey
from tronpy.providers.async_http import AsyncHTTPProvider

from btt_desktop import events
from btt_desktop.errors import ChainError
from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.wallet.chain import TRC20_ABI, ChainClient
from btt_desktop.wallet.keyring_store import KeyringStore
from btt_desktop.wallet.keystore import ScryptParams
from btt_desktop.wallet.networks import Network, NetworkChoice
from btt_desktop.wallet.service import WalletService
from btt_desktop.wallet.unlocked import WalletLockedError
from tests.devnet_process import devnet_info, devnet_process, faucet

pytestmark = pytest.mark.timeout(90)

CHEAP = ScryptParams(n=1 << 10, r=8, p=1)
PASSWORD = "correct horse battery"
BTT = 10**18
SUN = 10**6


def fast_client(network: Network) -> ChainClient:
    return ChainClient(network, timeout=2.0, confirm_timeout=20.0, poll_interval=0.05)


@pytest.fixture(scope="module")
def devnet_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet")) as url:
        yield url


@pytest.fixture
async def tron(devnet_url: str) -> AsyncIterator[AsyncTron]:
    """An independent tronpy client, to check what the wallet did."""
    async with AsyncTron(AsyncHTTPProvider(devnet_url)) as client:
        yield client


async def btt_of(tron: AsyncTron, btt: str, address: str) -> int:
    contract = AsyncContract(addr=btt, abi=TRC20_ABI, client=tron)
    return int(await contract.functions.balanceOf(address))


async def trx_of(tron: AsyncTron, address: str) -> int:
    try:
        return int((await tron.get_account(address)).get("balance", 0))
    except Exception:  # AddressNotFound: not activated yet
        return 0


class Seen:
    def __init__(self, bus: EventBus) -> None:
        self.events: list[Any] = []
        bus.subscribe(events.TransactionStatus, self.events.append)
        bus.subscribe(events.BalancesUpdated, self.events.append)

    def states(self) -> list[str]:
        return [e.update.state for e in self.events if isinstance(e, events.TransactionStatus)]


async def new_wallet(root: Path, url: str, bus: EventBus | None = None) -> WalletService:
    service = WalletService(Profile.open(root), bus or EventBus(), kdf=CHEAP,
                            keyring=KeyringStore(fail_backend()),
                            chain_factory=fast_client,
                            network=NetworkChoice("devnet", node_url=url))
    await service.open()
    await service.create(service.new_recovery_phrase(), PASSWORD)
    return service


def fail_backend() -> Any:
    from keyring.backends import fail

    return fail.Keyring()


def fresh_address() -> str:
    return str(PrivateKey.random().public_key.to_base58check_address())


async def test_faucet_balances_and_network_identity(tmp_path: Path, devnet_url: str) -> None:
    bus = EventBus()
    seen = Seen(bus)
    service = await new_wallet(tmp_path, devnet_url, bus)
    address = service.info.address
    assert address is not None
    empty = await service.refresh_balances()
    assert (empty.trx, empty.btt, empty.activated, empty.stale_reason) == (0, 0, False, None)
    faucet(devnet_url, address, trx="25.5", btt="1000.000000000000000001")
    balances = await service.refresh_balances()
    assert balances.trx == 25_500_000 and balances.trx_display == "25.5"
    assert balances.btt == 1000 * BTT + 1 and balances.btt_display == "1000.000000000000000001"
    assert balances.refreshed_at is not None and not balances.is_stale
    info = devnet_info(devnet_url)
    assert service.network.btt_contract == info["btt"]
    assert service.info.network_id == info["networkId"]
    assert [e.balances for e in seen.events if isinstance(e, events.BalancesUpdated)][-1] == \
        balances
    await service.close()


async def test_btt_transfer_estimate_matches_and_confirms(tmp_path: Path, devnet_url: str,
                                                          tron: AsyncTron) -> None:
    bus = EventBus()
    seen = Seen(bus)
    service = await new_wallet(tmp_path, devnet_url, bus)
    me = service.info.address
    assert me is not None
    faucet(devnet_url, me, trx=50, btt=100)
    friend = fresh_address()
    quote = await service.quote_send(friend, "12.25", "BTT")
    assert quote.amount == 12_250_000_000_000_000_000 and quote.token == "BTT"
    assert quote.fee.energy > 0 and quote.fee.burn_sun > 0
    assert quote.fee.fee_limit_sun is not None and quote.fee.fee_limit_sun >= quote.fee.burn_sun

    result = await service.send(quote)
    assert len(result.txid) == 64 and result.block is not None
    btt = service.network.btt_contract
    assert btt is not None
    assert await btt_of(tron, btt, friend) == quote.amount
    assert await btt_of(tron, btt, me) == 100 * BTT - quote.amount
    assert result.fee_sun == quote.fee.burn_sun  # the estimate was exact
    assert await trx_of(tron, me) == 50 * SUN - result.fee_sun
    states = seen.states()
    assert states[0] == "building" and states[-1] == "confirmed"
    assert {"signed", "broadcast"} <= set(states)
    assert service.balances is not None and service.balances.btt == 100 * BTT - quote.amount
    await service.close()


async def test_trx_transfer_to_a_new_account_pays_activation(tmp_path: Path, devnet_url: str,
                                                             tron: AsyncTron) -> None:
    service = await new_wallet(tmp_path, devnet_url)
    me = service.info.address
    assert me is not None
    faucet(devnet_url, me, trx=10)
    friend = fresh_address()
    quote = await service.quote_send(friend, "2.5", "trx")
    assert quote.fee.activation_sun > 0 and quote.fee.burn_sun == quote.fee.activation_sun
    result = await service.send(quote)
    assert await trx_of(tron, friend) == 2_500_000
    assert result.fee_sun == quote.fee.burn_sun
    assert await trx_of(tron, me) == 10 * SUN - 2_500_000 - result.fee_sun

    # a second transfer to the now existing account costs bandwidth only (free here)
    again = await service.quote_send(friend, "1", "TRX")
    assert again.fee.activation_sun == 0
    await service.send(again)
    assert await trx_of(tron, friend) == 3_500_000
    await service.close()


async def test_insufficient_balances_are_clear_lines(tmp_path: Path, devnet_url: str) -> None:
    service = await new_wallet(tmp_path, devnet_url)
    me = service.info.address
    assert me is not None
    faucet(devnet_url, me, trx="1.5", btt="3")
    friend = fresh_address()
    with pytest.raises(ChainError) as caught:
        await service.quote_send(friend, "3.5", "BTT")
    assert str(caught.value) == "insufficient BTT balance: have 3, need 3.5"
    with pytest.raises(ChainError) as caught:
        await service.quote_send(friend, "2", "TRX")
    assert str(caught.value) == "insufficient TRX balance: have 1.5, need 2"
    with pytest.raises(ChainError, match=r"^insufficient TRX balance: have 1\.5, need 2\.1 "):
        await service.quote_send(friend, "1", "TRX")  # 1 TRX + 1.1 TRX to activate
    # BTT is there, but not the TRX to burn for energy
    poor = await new_wallet(tmp_path / "poor", devnet_url)
    assert poor.info.address is not None
    faucet(devnet_url, poor.info.address, trx="0.1", btt="5")
    with pytest.raises(ChainError, match=r"^insufficient TRX for the fee: have 0\.1, need about"):
        await poor.quote_send(friend, "1", "BTT")
    await service.close()
    await poor.close()


async def test_recent_transactions_from_the_node(tmp_path: Path, devnet_url: str) -> None:
    sender = await new_wallet(tmp_path / "a", devnet_url)
    receiver = await new_wallet(tmp_path / "b", devnet_url)
    me, friend = sender.info.address, receiver.info.address
    assert me is not None and friend is not None
    faucet(devnet_url, me, trx=20, btt=10)
    first = await sender.send(await sender.quote_send(friend, "4", "BTT"))
    second = await sender.send(await sender.quote_send(friend, "3", "TRX"))
    mine = await sender.recent_transactions(10)
    assert [(r.txid, r.kind, r.token, r.direction, r.counterparty, r.amount, r.fee_sun,
             r.result) for r in mine[:2]] == [
        (second.txid, "send", "TRX", "out", friend, 3 * SUN, second.fee_sun, "SUCCESS"),
        (first.txid, "send", "BTT", "out", friend, 4 * BTT, first.fee_sun, "SUCCESS"),
    ]
    theirs = await receiver.recent_transactions(10)
    assert [(r.txid, r.kind, r.direction, r.counterparty, r.fee_sun) for r in theirs] == [
        (second.txid, "receive", "in", me, 0), (first.txid, "receive", "in", me, 0)]
    await sender.close()
    await receiver.close()


async def test_send_while_locked_needs_the_password(tmp_path: Path, devnet_url: str,
                                                   tron: AsyncTron) -> None:
    service = await new_wallet(tmp_path, devnet_url)
    me = service.info.address
    assert me is not None
    faucet(devnet_url, me, trx=5)
    friend = fresh_address()
    faucet(devnet_url, friend, trx=1)  # exists: no activation fee
    service.lock()
    quote = await service.quote_send(friend, "1", "TRX")  # quoting needs no key
    with pytest.raises(WalletLockedError):
        await service.send(quote)
    await service.send(quote, password=PASSWORD)
    assert service.state.value == "locked"  # the password served this send only
    assert await trx_of(tron, friend) == 2 * SUN
    await service.close()


async def test_failed_on_chain_is_reported(tmp_path: Path, devnet_url: str) -> None:
    bus = EventBus()
    seen = Seen(bus)
    service = await new_wallet(tmp_path, devnet_url, bus)
    me = service.info.address
    assert me is not None
    faucet(devnet_url, me, trx=20, btt=10)
    quote = await service.quote_send(fresh_address(), "1", "BTT")
    starved = dataclasses.replace(quote, fee=dataclasses.replace(quote.fee, fee_limit_sun=1000))
    with pytest.raises(ChainError, match=r"failed on chain: .*(ENERGY|energy)"):
        await service.send(starved)
    updates = [e.update for e in seen.events if isinstance(e, events.TransactionStatus)]
    assert updates[-1].state == "failed" and updates[-1].txid is not None
    assert updates[-1].message is not None and "failed on chain" in updates[-1].message
    await service.close()


async def test_node_down_marks_balances_stale_with_the_reason(tmp_path: Path) -> None:
    with devnet_process(tmp_path / "devnet") as url:
        service = await new_wallet(tmp_path / "w", url)
        assert service.info.address is not None
        faucet(url, service.info.address, trx=3, btt=7)
        fresh = await service.refresh_balances()
        assert fresh.btt == 7 * BTT
    # the node has stopped
    stale = await service.refresh_balances()
    assert stale.stale_reason == f"node unreachable: {url}"
    assert (stale.trx, stale.btt, stale.refreshed_at) == (fresh.trx, fresh.btt,
                                                          fresh.refreshed_at)
    with pytest.raises(ChainError, match=r"^node unreachable: http://"):
        await service.quote_send(fresh_address(), "1", "TRX")
    await service.close()


@pytest.fixture
def silent_node() -> Iterator[str]:
    """A TCP listener that accepts connections and never answers (a hung node)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    server.close()


async def test_hung_node_times_out_as_stale(tmp_path: Path, silent_node: str) -> None:
    service = WalletService(Profile.open(tmp_path), EventBus(), kdf=CHEAP,
                            keyring=KeyringStore(fail_backend()), chain_factory=fast_client,
                            network=NetworkChoice("devnet", node_url=silent_node))
    await service.open()
    await service.watch("TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH")
    stale = await service.refresh_balances()
    assert stale.stale_reason == f"node did not answer within 2 s: {silent_node}"
    assert stale.trx is None and stale.refreshed_at is None
    await service.close()


async def test_send_from_a_second_account(tmp_path: Path, devnet_url: str,
                                          tron: AsyncTron) -> None:
    service = await new_wallet(tmp_path, devnet_url)
    second = await service.add_account("Speed")
    await service.switch_account(0)
    faucet(devnet_url, second.address, trx=5)
    friend = fresh_address()
    faucet(devnet_url, friend, trx=1)
    quote = await service.quote_send(friend, "1.5", "TRX", account=1)
    assert quote.from_address == second.address and quote.account_index == 1
    await service.send(quote)
    assert await trx_of(tron, friend) == 2_500_000
    assert await trx_of(tron, second.address) == 5 * SUN - 1_500_000 - quote.fee.burn_sun
    assert service.info.current is not None and service.info.current.index == 0
    await service.close()
