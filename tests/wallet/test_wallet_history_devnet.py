"""The complete history against a real devnet process: TRX and BTT sends, a vault deposit
(approve + deposit), a reverted call, cheques cashed by the account and by someone else, a
withdrawal, a deployment; each with its kind, amount, counterparty, fee and result, the fees
adding up to the TRX the account lost; the cache across a restart; a node without the
account index."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import threading
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from tronpy import AsyncTron
from tronpy.async_contract import AsyncContract
from tronpy.keys import PrivateKey
from tronpy.providers.async_http import AsyncHTTPProvider

from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.speed.chainlink import VaultLink
from btt_desktop.speed.cheque import sign_cheque
from btt_desktop.wallet import history_store
from btt_desktop.wallet.chain import ChainClient
from btt_desktop.wallet.history import TxRecord
from btt_desktop.wallet.keyring_store import KeyringStore
from btt_desktop.wallet.keystore import ScryptParams
from btt_desktop.wallet.networks import Network, NetworkChoice
from btt_desktop.wallet.service import WalletService
from tests.devnet_process import devnet_info, devnet_process, faucet
from tests.speed.speed_chain import funded, link_to, trx_sun
from tests.speed.speed_keys import KeySigner

pytestmark = pytest.mark.timeout(180)

CHEAP = ScryptParams(n=1 << 10, r=8, p=1)
PASSWORD = "correct horse battery"
BTT = 10**18
SUN = 10**6
NOTICE = 2
CONTRACTS = Path(__file__).resolve().parents[2] / "resources" / "contracts"


def fast_client(network: Network) -> ChainClient:
    return ChainClient(network, timeout=5.0, confirm_timeout=30.0, poll_interval=0.05)


def fail_keyring() -> KeyringStore:
    from keyring.backends import fail

    return KeyringStore(fail.Keyring())


def service_for(root: Path, url: str, *, chain_factory: Any = fast_client,
                name: str = "devnet", btt_contract: str | None = None) -> WalletService:
    return WalletService(Profile.open(root), EventBus(), kdf=CHEAP, keyring=fail_keyring(),
                         chain_factory=chain_factory,
                         network=NetworkChoice(name, node_url=url, btt_contract=btt_contract))


@pytest.fixture(scope="module")
def devnet_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet"), withdraw_notice=NOTICE) as url:
        yield url


@pytest.fixture
async def link(devnet_url: str) -> AsyncIterator[VaultLink]:
    opened = await link_to(devnet_url)
    try:
        yield opened
    finally:
        await opened.close()


async def btt_of(url: str, address: str) -> int:
    abi = json.loads((CONTRACTS / "DevnetBTT.json").read_text())["abi"]
    async with AsyncTron(AsyncHTTPProvider(url)) as tron:
        token = AsyncContract(addr=devnet_info(url)["btt"], abi=abi, client=tron)
        return int(await token.functions.balanceOf(address))


async def reverted_withdraw(url: str, key: PrivateKey, vault: str) -> str:
    """A vault ``withdraw()`` with nothing announced, signed and sent without a preflight:
    mined, and reverted ("SpeedVault: no withdrawal announced")."""
    abi = json.loads((CONTRACTS / "SpeedVault.json").read_text())["abi"]
    owner = key.public_key.to_base58check_address()
    async with AsyncTron(AsyncHTTPProvider(url)) as tron:
        contract = AsyncContract(addr=vault, abi=abi, client=tron)
        builder = await contract.functions.withdraw()
        tx = await builder.with_owner(owner).fee_limit(50 * SUN).build()
        sent = await tx.sign(key).broadcast()
        await sent.wait(timeout=20, interval=0.05)
        return str(sent.txid)


async def deploy_token(url: str, key: PrivateKey) -> tuple[str, str, int]:
    """Deploy a copy of DevnetBTT (its constructor takes the minter); (txid, address,
    fee)."""
    from eth_abi import encode as abi_encode
    from tronpy.keys import to_hex_address

    build = json.loads((CONTRACTS / "DevnetBTT.json").read_text())
    owner = key.public_key.to_base58check_address()
    inputs = next((e["inputs"] for e in build["abi"] if e["type"] == "constructor"), [])
    args = abi_encode([i["type"] for i in inputs],
                      ["0x" + to_hex_address(owner)[2:]] * len(inputs))
    async with AsyncTron(AsyncHTTPProvider(url)) as tron:
        contract = AsyncContract(bytecode=bytes.fromhex(build["bytecode"]) + args,
                                 abi=build["abi"], name="Copy", user_resource_percent=100,
                                 origin_energy_limit=10_000_000)
        tx = await tron.trx.deploy_contract(owner, contract).fee_limit(1_000 * SUN).build()
        sent = await tx.sign(key).broadcast()
        info = await sent.wait(timeout=30, interval=0.05)
        return str(sent.txid), str(info["contract_address"]), int(info["fee"])


def by_txid(records: list[TxRecord]) -> dict[str, TxRecord]:
    return {r.txid: r for r in records}


def trx_change(record: TxRecord) -> int:
    """What ``record`` did to the account's TRX (fees included)."""
    moved = record.amount if record.token == "TRX" else 0
    sign = {"in": 1, "out": -1}.get(record.direction, 0)
    return sign * moved - record.fee_sun


async def test_every_transaction_is_listed_with_its_fee(tmp_path: Path, devnet_url: str,
                                                        link: VaultLink) -> None:
    key = PrivateKey.random()
    me_signer = KeySigner(key)
    service = service_for(tmp_path / "me", devnet_url)
    await service.open()
    await service.restore_private_key(key.hex(), PASSWORD)
    me = me_signer.address
    assert service.info.address == me
    faucet(devnet_url, me, trx=400, btt=1000)
    vault = link.vault
    info = devnet_info(devnet_url)
    trx_start, btt_start = await trx_sun(devnet_url, me), await btt_of(devnet_url, me)

    stranger = str(PrivateKey.random().public_key.to_base58check_address())
    trx_sent = await service.send(await service.quote_send(stranger, "3", "TRX"))
    btt_sent = await service.send(await service.quote_send(stranger, "4", "BTT"))
    approve, deposit = await vault.deposit(me_signer, 500 * BTT)
    failed = await reverted_withdraw(devnet_url, key, info["vault"])
    payer = await funded(devnet_url, trx=200, btt=50)
    await vault.deposit(payer, 20 * BTT)
    cheque = sign_cheque(payer, link.domain, payer.address, me, 7 * BTT)
    cashed = await vault.cash(me_signer, cheque)               # the account cashes: its fee
    later = sign_cheque(payer, link.domain, payer.address, me, 9 * BTT)
    paid_by_payer = await vault.cash(payer, later)             # someone else cashes: no fee
    announced = await vault.announce_withdrawal(me_signer, 100 * BTT)
    await asyncio.sleep(NOTICE + 1)
    withdrawn = await vault.withdraw(me_signer)
    deployed, token_address, deploy_fee = await deploy_token(devnet_url, key)

    view = await service.history(50)
    assert view.refreshed and view.stale_reason is None and view.partial is None
    records = list(view.records)
    assert records == sorted(records, key=lambda r: r.timestamp_ms, reverse=True)
    found = by_txid(records)
    expected = {  # txid: kind, token, direction, amount, counterparty, contract, function
        trx_sent.txid: ("send", "TRX", "out", 3 * SUN, stranger, None, None),
        btt_sent.txid: ("send", "BTT", "out", 4 * BTT, stranger, info["btt"], "transfer"),
        approve.txid: ("approve", None, "", 0, info["vault"], info["btt"], "approve"),
        deposit.txid: ("deposit", "BTT", "out", 500 * BTT, info["vault"], info["vault"],
                       "deposit"),
        failed: ("withdraw", None, "", 0, None, info["vault"], "withdraw"),
        cashed.txid: ("cash", "BTT", "in", 7 * BTT, info["vault"], info["vault"], "cash"),
        paid_by_payer.txid: ("receive", "BTT", "in", 2 * BTT, info["vault"], None, None),
        announced.txid: ("announceWithdrawal", None, "", 0, None, info["vault"],
                         "announceWithdrawal"),
        withdrawn.txid: ("withdraw", "BTT", "in", 100 * BTT, info["vault"], info["vault"],
                         "withdraw"),
        deployed: ("deploy", None, "", 0, None, token_address, None),
    }
    assert set(found) == set(expected)
    for txid, shape in expected.items():
        r = found[txid]
        assert (r.kind, r.token, r.direction, r.amount, r.counterparty, r.contract,
                r.function) == shape, r
    # the fees: what each transaction cost the account, as its sender reported them
    assert found[trx_sent.txid].fee_sun == trx_sent.fee_sun == 1_100_000  # activation
    assert found[btt_sent.txid].fee_sun == btt_sent.fee_sun > 0
    for sent in (approve, deposit, cashed, announced, withdrawn):
        assert found[sent.txid].fee_sun == sent.fee_sun > 0
    assert found[paid_by_payer.txid].fee_sun == 0
    assert found[deployed].fee_sun == deploy_fee > 10 * SUN
    # the failure: its result, the contract's reason, and the energy it burnt
    bad = found[failed]
    assert bad.failed and bad.result == "REVERT" and bad.fee_sun > 0
    assert bad.reason == "SpeedVault: no withdrawal announced"
    assert all(not r.failed for r in records if r.txid != failed)
    # together they are exactly what the account lost and gained
    trx_end, btt_end = await trx_sun(devnet_url, me), await btt_of(devnet_url, me)
    assert trx_end - trx_start == sum(trx_change(r) for r in records)
    btt_moves = sum({"in": 1, "out": -1}.get(r.direction, 0) * r.amount
                    for r in records if r.token == "BTT")
    assert btt_end - btt_start == btt_moves

    # a restart: the cached list is there before any node is asked
    cache = history_store.cache_path(service._dir, service.network, me)
    assert cache.name == f"history-{history_store.network_key(service.network)}-{me}.json"
    assert oct(cache.stat().st_mode & 0o777) == "0o600"
    await service.close()
    asked: list[Network] = []

    def counting(network: Network) -> ChainClient:
        asked.append(network)
        return fast_client(network)

    again = service_for(tmp_path / "me", devnet_url, chain_factory=counting)
    await again.open()
    at_start = await again.history(50, refresh=False)
    assert list(at_start.records) == records and not at_start.refreshed
    assert asked == []
    # then it grows with what the node reports
    more = await again.send(await again.quote_send(stranger, "1", "BTT"), password=PASSWORD)
    grown = await again.history(50)
    assert grown.records[0].txid == more.txid and list(grown.records[1:]) == records
    await again.close()

    # the node down: the cached list, with the reason
    gone = service_for(tmp_path / "me", devnet_url,
                       chain_factory=lambda n: fast_client(dataclasses.replace(
                           n, node_url="http://127.0.0.1:9")))
    await gone.open()
    stale = await gone.history(50)
    assert stale.stale_reason == "node unreachable: http://127.0.0.1:9"
    assert [r.txid for r in stale.records] == [r.txid for r in grown.records]
    await gone.close()


async def test_the_node_is_the_truth_over_the_cache(tmp_path: Path, devnet_url: str) -> None:
    service = service_for(tmp_path, devnet_url)
    await service.open()
    await service.create(service.new_recovery_phrase(), PASSWORD)
    me = service.info.address
    assert me is not None
    faucet(devnet_url, me, trx=20)
    friend = str(PrivateKey.random().public_key.to_base58check_address())
    sent = await service.send(await service.quote_send(friend, "2", "TRX"))
    first = await service.history(10)
    assert [r.txid for r in first.records] == [sent.txid]
    # the cache says something else about that transaction: the node's word replaces it
    path = history_store.cache_path(service._dir, service.network, me)
    data = json.loads(path.read_text())
    data["transactions"][0]["amount"] = 999
    data["transactions"][0]["result"] = "REVERT"
    path.write_text(json.dumps(data))
    assert (await service.history(10, refresh=False)).records[0].amount == 999
    fixed = (await service.history(10)).records[0]
    assert (fixed.amount, fixed.result) == (2 * SUN, "SUCCESS")
    # a damaged cache is no error: the node fills it again
    path.write_text("{not json")
    assert (await service.history(10, refresh=False)).records == ()
    assert [r.txid for r in (await service.history(10)).records] == [sent.txid]
    await service.close()


@pytest.fixture
def plain_node(devnet_url: str) -> Iterator[str]:
    """The devnet without its account index: a proxy answering 404 to /v1 (as a plain
    java-tron node does) and passing everything else on."""
    class Handler(BaseHTTPRequestHandler):
        def _relay(self) -> None:
            if self.path.startswith("/v1/"):
                body = b'{"Error": "no such endpoint"}'
                self.send_response(404)
            else:
                length = int(self.headers.get("Content-Length") or 0)
                reply = httpx.request(self.command, devnet_url + self.path,
                                      content=self.rfile.read(length), timeout=10)
                body = reply.content
                self.send_response(reply.status_code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _relay

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


async def test_a_node_without_the_index_gives_a_partial_history(
        tmp_path: Path, devnet_url: str, plain_node: str) -> None:
    key = PrivateKey.random()
    info = devnet_info(devnet_url)
    service = service_for(tmp_path, plain_node, name="custom", btt_contract=info["btt"])
    await service.open()
    await service.restore_private_key(key.hex(), PASSWORD)
    me = service.info.address
    assert me is not None
    faucet(devnet_url, me, trx=50, btt=10)
    friend = str(PrivateKey.random().public_key.to_base58check_address())
    trx_sent = await service.send(await service.quote_send(friend, "2", "TRX"))
    btt_sent = await service.send(await service.quote_send(friend, "3", "BTT"))
    failed = await reverted_withdraw(devnet_url, key, info["vault"])
    view = await service.history(10)
    assert view.partial is not None and "no account index" in view.partial
    assert "\n" not in view.partial
    found = by_txid(list(view.records))
    assert (found[trx_sent.txid].kind, found[trx_sent.txid].amount,
            found[trx_sent.txid].fee_sun) == ("send", 2 * SUN, trx_sent.fee_sun)
    assert (found[btt_sent.txid].kind, found[btt_sent.txid].token, found[btt_sent.txid].amount,
            found[btt_sent.txid].fee_sun) == ("send", "BTT", 3 * BTT, btt_sent.fee_sun)
    assert found[failed].reason == "SpeedVault: no withdrawal announced"
    assert found[failed].function == "withdraw"
    await service.close()
