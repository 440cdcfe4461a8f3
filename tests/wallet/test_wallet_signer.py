"""WalletSigner: what code outside wallet/ signs with, and the two-step send.

Without a node: signatures recover to the account, the signer dies with the wallet's
secrets (lock, close, replacement), transactions it refuses, the id it recomputes. On a
real devnet: what it signs is accepted, sign_send + broadcast moves TRX, a second
broadcast of the same transfer is a one-line error.
"""

from __future__ import annotations

import asyncio
import dataclasses
import inspect
import os
import pickle
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail
from tronpy import AsyncTron, Tron
from tronpy.async_tron import AsyncTransaction
from tronpy.keys import SECPK1_N, PrivateKey, Signature
from tronpy.proto.transaction import calculate_txid_from_raw_data
from tronpy.providers import HTTPProvider
from tronpy.providers.async_http import AsyncHTTPProvider
from tronpy.tron import Transaction

from btt_desktop import events
from btt_desktop.errors import BttError, ChainError, WalletError
from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.speed.signing import recover_signer
from btt_desktop.wallet import chain as chain_module
from btt_desktop.wallet import txid as txid_module
from btt_desktop.wallet.chain import ChainClient
from btt_desktop.wallet.keyring_store import KeyringStore
from btt_desktop.wallet.keystore import ScryptParams
from btt_desktop.wallet.networks import Network, NetworkChoice
from btt_desktop.wallet.service import NoWallet, WalletService, WatchOnly
from btt_desktop.wallet.signer import WalletSigner
from btt_desktop.wallet.unlocked import WalletLockedError
from tests.devnet_process import devnet_process, faucet
from tests.speed.speed_keys import KeySigner

pytestmark = pytest.mark.timeout(90)

CHEAP = ScryptParams(n=1 << 10, r=8, p=1)
PASSWORD = "correct horse battery"
ABANDON = "abandon " * 11 + "about"
ADDRESS_0 = "TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH"
ADDRESS_1 = "TSeJkUh4Qv67VNFwY8LaAxERygNdy6NQZK"
KEY_0 = "b5a4cea271ff424d7c31dc12a3e43e401df7a40d7412a15750f3f0b6b5449a28"
OTHER_KEY = "0c" * 32
SUN = 10**6
REF_BLOCK = "000000000000beef" + "0123456789abcdef" + "00" * 8


def fast_client(network: Network) -> ChainClient:
    return ChainClient(network, timeout=2.0, confirm_timeout=20.0, poll_interval=0.05)


def make_service(root: Path, bus: EventBus | None = None, url: str = "http://127.0.0.1:9"
                 ) -> WalletService:
    return WalletService(Profile.open(root), bus or EventBus(), kdf=CHEAP,
                         keyring=KeyringStore(fail.Keyring()), chain_factory=fast_client,
                         network=NetworkChoice("devnet", node_url=url))


async def abandon_wallet(root: Path, bus: EventBus | None = None,
                         url: str = "http://127.0.0.1:9") -> WalletService:
    service = make_service(root, bus, url)
    await service.open()
    await service.restore_phrase(ABANDON, PASSWORD)
    return service


def v_minus_27(sig: bytes) -> Signature:
    assert len(sig) == 65 and sig[64] in (27, 28)
    return Signature(sig[:64] + bytes([sig[64] - 27]))


def offline_transfer(owner: str, to: str, sun: int = 1_000, *,
                     expiration_ms: int = 60_000) -> Transaction:
    """A TRX transfer built without a node (tronpy computes its id)."""
    client = Tron(HTTPProvider("http://127.0.0.1:9"))
    builder = client.trx.transfer(owner, to, sun).expiration(expiration_ms)
    return builder.build(offline=True, ref_block_id=REF_BLOCK)


def assert_one_line_without(error: BaseException, *secrets: str) -> None:
    text = str(error)
    assert text and "\n" not in text and "Traceback" not in text
    for secret in secrets:
        assert secret not in text and secret not in repr(error)


# --- digests --------------------------------------------------------------------------------

async def test_sign_digest_is_tip191_and_equals_key_signer(tmp_path: Path) -> None:
    service = await abandon_wallet(tmp_path)
    signer = await service.signer()
    assert signer.address == ADDRESS_0 and signer.account_index == 0
    reference = KeySigner(PrivateKey(bytes.fromhex(KEY_0)))
    for n in range(20):
        digest = os.urandom(32) if n else bytes(32)
        sig = signer.sign_digest(digest)
        assert sig == reference.sign_digest(digest)  # byte for byte (RFC 6979: deterministic)
        public = v_minus_27(sig).recover_public_key_from_msg(digest)
        assert public.to_base58check_address() == ADDRESS_0
        assert recover_signer(digest, sig) == ADDRESS_0  # what Speed checks
    await service.close()


async def test_sign_typed_hash_is_raw_with_low_s(tmp_path: Path) -> None:
    service = await abandon_wallet(tmp_path)
    signer = await service.signer()
    for _ in range(64):
        digest = os.urandom(32)
        sig = signer.sign_typed_hash(digest)
        assert sig[64] in (27, 28)
        r, s = int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:64], "big")
        assert 0 < r < SECPK1_N and 0 < s <= SECPK1_N // 2
        public = v_minus_27(sig).recover_public_key_from_msg_hash(digest)
        assert public.to_base58check_address() == ADDRESS_0
        assert sig == PrivateKey(bytes.fromhex(KEY_0)).sign_msg_hash(digest).to_bytes()[:64] \
            + bytes([sig[64]])
        assert sig != signer.sign_digest(digest)  # no TIP-191 prefix here
    await service.close()


async def test_digests_must_be_32_bytes(tmp_path: Path) -> None:
    service = await abandon_wallet(tmp_path)
    signer = await service.signer()
    for bad in (b"", bytes(31), bytes(33), "00" * 32):
        with pytest.raises(ValueError, match="32 bytes"):
            signer.sign_digest(bad)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="32 bytes"):
            signer.sign_typed_hash(bad)  # type: ignore[arg-type]
    assert signer.sign_digest(bytearray(32)) == signer.sign_digest(bytes(32))
    await service.close()


async def test_signer_of_another_account(tmp_path: Path) -> None:
    service = await abandon_wallet(tmp_path)
    await service.add_account()
    await service.switch_account(0)
    second = await service.signer(1)
    assert second.address == ADDRESS_1 and second.account_index == 1
    digest = os.urandom(32)
    assert recover_signer(digest, second.sign_digest(digest)) == ADDRESS_1
    assert (await service.signer()).address == ADDRESS_0  # the current account
    with pytest.raises(WalletError, match=r"^no account with index 7$"):
        await service.signer(7)
    await service.close()


# --- the signer dies with the wallet's secrets ------------------------------------------------

async def every_method_is_locked(signer: WalletSigner) -> None:
    tx = offline_transfer(signer.address, ADDRESS_1)
    calls = [lambda: signer.sign_digest(bytes(32)), lambda: signer.sign_typed_hash(bytes(32)),
             lambda: signer.sign_transaction(tx)]
    for call in calls:
        with pytest.raises(WalletLockedError) as caught:
            call()
        assert_one_line_without(caught.value, KEY_0)
    assert tx.to_json()["signature"] == []
    assert signer.locked and "(locked)" in repr(signer)


async def test_signer_stops_after_lock_until_a_new_one(tmp_path: Path) -> None:
    service = await abandon_wallet(tmp_path)
    signer = await service.signer()
    assert not signer.locked
    service.lock()
    await every_method_is_locked(signer)
    with pytest.raises(WalletLockedError):
        await service.signer()
    await service.unlock(PASSWORD)
    await every_method_is_locked(signer)  # unlocking does not revive a kept signer
    fresh = await service.signer()
    assert recover_signer(bytes(32), fresh.sign_digest(bytes(32))) == ADDRESS_0
    await service.close()


async def test_unlocking_again_keeps_the_signers(tmp_path: Path) -> None:
    service = await abandon_wallet(tmp_path)
    signer = await service.signer()
    await service.unlock(PASSWORD)  # already unlocked: checks the password, changes nothing
    assert recover_signer(bytes(32), signer.sign_digest(bytes(32))) == ADDRESS_0
    await service.close()


async def test_signer_stops_after_close(tmp_path: Path) -> None:
    service = await abandon_wallet(tmp_path)
    signer = await service.signer(0)
    await service.close()
    await every_method_is_locked(signer)


async def test_signer_of_a_replaced_wallet_never_signs_with_the_old_key(tmp_path: Path) -> None:
    service = await abandon_wallet(tmp_path)
    old = await service.signer()
    await service.restore_private_key(OTHER_KEY, PASSWORD, replace_existing=True)
    await every_method_is_locked(old)
    new = await service.signer()
    other = PrivateKey(bytes.fromhex(OTHER_KEY)).public_key.to_base58check_address()
    assert new.address == other != old.address
    digest = os.urandom(32)
    assert recover_signer(digest, new.sign_digest(digest)) == other
    await service.close()


async def test_a_kept_signer_outlives_the_lock_until_released(tmp_path: Path) -> None:
    """BTT Speed's "keep running while locked": a kept signer holds its account's key
    alone; lock() leaves it working, release(), close() or a replaced wallet end it."""
    service = await abandon_wallet(tmp_path)
    await service.add_account()
    kept = await service.kept_signer()  # the current account: the one just added
    assert kept.kept and kept.address == ADDRESS_1 and "(kept)" in repr(kept)
    plain = await service.signer()
    service.lock()
    await every_method_is_locked(plain)
    digest = os.urandom(32)
    assert recover_signer(digest, kept.sign_digest(digest)) == ADDRESS_1
    for text in (repr(kept), str(kept)):
        assert KEY_0 not in text and ABANDON.split()[0] + " " not in text
    kept.release()
    assert kept.locked
    with pytest.raises(WalletLockedError):
        kept.sign_digest(digest)
    with pytest.raises(WalletLockedError):
        await service.kept_signer()  # a locked wallet hands out none
    await service.unlock(PASSWORD)
    plain.release()  # not kept: does nothing to the wallet
    assert not (await service.signer()).locked

    closing = await service.kept_signer(0)
    await service.close()
    assert closing.locked
    replaced = await abandon_wallet(tmp_path / "replaced")
    old = await replaced.kept_signer()
    await replaced.restore_private_key(OTHER_KEY, PASSWORD, replace_existing=True)
    assert old.locked
    await replaced.close()


async def test_no_signer_without_a_key(tmp_path: Path) -> None:
    service = make_service(tmp_path / "none")
    await service.open()
    with pytest.raises(NoWallet):
        await service.signer()
    watch = make_service(tmp_path / "watch")
    await watch.open()
    await watch.watch(ADDRESS_0)
    with pytest.raises(WatchOnly):
        await watch.signer()
    locked = await abandon_wallet(tmp_path / "locked")
    locked.lock()
    with pytest.raises(WalletLockedError):
        await locked.signer()


async def test_signer_shows_and_keeps_no_key(tmp_path: Path) -> None:
    service = await abandon_wallet(tmp_path)
    signer = await service.signer()
    for text in (repr(signer), str(signer), f"{signer}"):
        assert ADDRESS_0 in text and KEY_0 not in text and KEY_0[:16] not in text
    assert not hasattr(signer, "__dict__")  # slots only: nowhere to hang a key copy
    with pytest.raises(TypeError):
        pickle.dumps(signer)
    with pytest.raises(WalletError) as caught:
        signer.sign_transaction(offline_transfer(ADDRESS_1, ADDRESS_0))
    assert_one_line_without(caught.value, KEY_0)
    await service.close()


def test_the_chain_client_takes_no_private_key() -> None:
    source = inspect.getsource(chain_module)
    assert "PrivateKey" not in source and "private_key" not in source
    assert list(inspect.signature(ChainClient.transfer).parameters)[1] == "signer"


# --- transactions without a node --------------------------------------------------------------

async def test_sign_transaction_offline_recovers_to_the_owner(tmp_path: Path) -> None:
    service = await abandon_wallet(tmp_path)
    signer = await service.signer()
    tx = offline_transfer(ADDRESS_0, ADDRESS_1, 2 * SUN)
    assert signer.sign_transaction(tx) is tx
    [signature] = tx.to_json()["signature"]
    expected = PrivateKey(bytes.fromhex(KEY_0)).sign_msg_hash(bytes.fromhex(tx.txid)).hex()
    assert signature == expected  # what tronpy's own tx.sign(key) writes
    public = Signature(bytes.fromhex(signature)).recover_public_key_from_msg_hash(
        bytes.fromhex(tx.txid))
    assert public.to_base58check_address() == ADDRESS_0
    # the async flavour, from the same raw data
    raw = offline_transfer(ADDRESS_0, ADDRESS_1, 3 * SUN).to_json()
    atx = AsyncTransaction(raw["raw_data"], txid=raw["txID"])
    assert signer.sign_transaction(atx) is atx and len(atx.to_json()["signature"]) == 1
    await service.close()


async def test_sign_transaction_refusals_are_one_line(tmp_path: Path) -> None:
    service = await abandon_wallet(tmp_path)
    signer = await service.signer()

    expired = offline_transfer(ADDRESS_0, ADDRESS_1, expiration_ms=-1_000)
    with pytest.raises(WalletError, match=r"^transaction [0-9a-f]{64} has expired: build it "
                                          r"again$"):
        signer.sign_transaction(expired)

    foreign = offline_transfer(ADDRESS_1, ADDRESS_0)
    with pytest.raises(WalletError, match=rf"is from {ADDRESS_1}, not from this account "
                                          rf"\({ADDRESS_0}\)$"):
        signer.sign_transaction(foreign)

    lying = offline_transfer(ADDRESS_0, ADDRESS_1)
    honest_id = lying.txid
    lying.txid = offline_transfer(ADDRESS_0, ADDRESS_1, 999_999).txid  # a node's wrong id
    with pytest.raises(WalletError, match="does not match its contents"):
        signer.sign_transaction(lying)
    lying.txid = honest_id
    signer.sign_transaction(lying)

    client = Tron(HTTPProvider("http://127.0.0.1:9"))
    freeze = client.trx.freeze_balance(ADDRESS_0, SUN, "ENERGY")._raw_data
    freeze.update(ref_block_bytes="beef", ref_block_hash="0123456789abcdef")
    with pytest.raises(WalletError, match=r"^the wallet cannot check this transaction "
                                          r"\(contract type FreezeBalanceV2Contract"):
        signer.sign_transaction(Transaction(freeze, txid="ab" * 32))

    for tx in (expired, foreign, lying):
        assert len(tx.to_json()["signature"]) == (1 if tx is lying else 0)
    await service.close()


def test_transaction_id_matches_tronpy_and_covers_the_memo() -> None:
    transfer = offline_transfer(ADDRESS_0, ADDRESS_1, 123_456_789).to_json()["raw_data"]
    assert txid_module.transaction_id(transfer) == calculate_txid_from_raw_data(transfer)
    call = dict(transfer, fee_limit=50 * SUN, contract=[{
        "type": "TriggerSmartContract", "parameter": {
            "type_url": "type.googleapis.com/protocol.TriggerSmartContract",
            "value": {"owner_address": ADDRESS_0, "contract_address": ADDRESS_1,
                      "data": "a9059cbb" + "11" * 64, "call_value": 7}}}])
    assert txid_module.transaction_id(call) == calculate_txid_from_raw_data(call)
    # tronpy leaves the memo out of its offline id; the node (and this module) does not
    memo = dict(transfer, data=b"hello".hex())
    assert txid_module.transaction_id(memo) != txid_module.transaction_id(transfer)
    with pytest.raises(WalletError, match=r"cannot check this transaction .*scripts"):
        txid_module.transaction_id(dict(transfer, scripts="00"))


# --- on a devnet --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def devnet_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet")) as url:
        yield url


@pytest.fixture
async def tron(devnet_url: str) -> AsyncIterator[AsyncTron]:
    async with AsyncTron(AsyncHTTPProvider(devnet_url)) as client:
        yield client


async def new_wallet(root: Path, url: str, bus: EventBus | None = None) -> WalletService:
    service = make_service(root, bus, url)
    await service.open()
    await service.create(service.new_recovery_phrase(), PASSWORD)
    return service


async def trx_of(tron: AsyncTron, address: str) -> int:
    try:
        return int((await tron.get_account(address)).get("balance", 0))
    except Exception:  # not activated yet
        return 0


def fresh_address() -> str:
    return str(PrivateKey.random().public_key.to_base58check_address())


class Seen:
    def __init__(self, bus: EventBus) -> None:
        self.updates: list[Any] = []
        bus.subscribe(events.TransactionStatus, lambda e: self.updates.append(e.update))

    def states(self) -> list[str]:
        return [u.state for u in self.updates]


async def test_devnet_accepts_what_the_signer_signs(tmp_path: Path, devnet_url: str,
                                                    tron: AsyncTron) -> None:
    service = await new_wallet(tmp_path, devnet_url)
    me = service.info.address
    assert me is not None
    faucet(devnet_url, me, trx=10, btt=5)
    friend = fresh_address()
    signer = await service.signer()
    # built by an independent tronpy client, with a memo (covered by the id)
    tx = await tron.trx.transfer(me, friend, 2 * SUN).memo("from the signer").build()
    signer.sign_transaction(tx)
    sent = await tx.broadcast()
    info = await sent.wait(timeout=20, interval=0.1)
    assert info["id"] == tx.txid and "blockNumber" in info
    assert await trx_of(tron, friend) == 2 * SUN
    # ChainClient's one-call transfer, a TRC-20 call this time
    client = await service.chain()
    btt = service.network.btt
    assert btt is not None
    result = await client.transfer(signer, friend, 10**18, btt)
    assert len(result.txid) == 64 and result.block is not None
    service.lock()
    with pytest.raises(WalletLockedError):
        await client.transfer(signer, friend, 10**18, btt)
    await service.close()


async def test_sign_send_then_broadcast(tmp_path: Path, devnet_url: str,
                                        tron: AsyncTron) -> None:
    bus = EventBus()
    seen = Seen(bus)
    service = await new_wallet(tmp_path, devnet_url, bus)
    me = service.info.address
    assert me is not None
    faucet(devnet_url, me, trx=10)
    friend = fresh_address()
    faucet(devnet_url, friend, trx=1)
    quote = await service.quote_send(friend, "2.5", "TRX")

    signed = await service.sign_send(quote)
    assert signed.quote == quote and len(signed.txid) == 64 and not signed.expired
    assert signed.transaction.txid == signed.txid
    assert seen.states() == ["building", "signed"]
    await asyncio.sleep(0.3)  # a few blocks: nothing was sent
    assert await trx_of(tron, friend) == 1 * SUN

    result = await service.broadcast(signed)
    assert result.txid == signed.txid and result.block is not None
    assert seen.states()[0:3] == ["building", "signed", "broadcast"]
    assert seen.states()[-1] == "confirmed"
    assert {u.request_id for u in seen.updates} == {signed.request_id}
    assert await trx_of(tron, friend) == 3_500_000
    assert await trx_of(tron, me) == 10 * SUN - 2_500_000 - result.fee_sun
    history = await service.recent_transactions(5)
    assert (history[0].txid, history[0].token, history[0].direction, history[0].counterparty,
            history[0].amount) == (signed.txid, "TRX", "out", friend, 2_500_000)

    # the same signed transfer again: one line, no traceback, a "failed" event
    with pytest.raises(ChainError) as caught:
        await service.broadcast(signed)
    assert str(caught.value) == f"transaction {signed.txid} was already broadcast"
    assert seen.updates[-1].state == "failed"
    assert seen.updates[-1].message == str(caught.value)
    assert await trx_of(tron, friend) == 3_500_000
    await service.close()


async def test_sign_send_while_locked_then_broadcast(tmp_path: Path, devnet_url: str,
                                                     tron: AsyncTron) -> None:
    service = await new_wallet(tmp_path, devnet_url)
    me = service.info.address
    assert me is not None
    faucet(devnet_url, me, trx=5)
    friend = fresh_address()
    faucet(devnet_url, friend, trx=1)
    service.lock()
    quote = await service.quote_send(friend, "1", "TRX")
    with pytest.raises(WalletLockedError):
        await service.sign_send(quote)
    signed = await service.sign_send(quote, password=PASSWORD)
    assert service.state.value == "locked"  # the password served this signature only
    await service.broadcast(signed)  # no key needed
    assert await trx_of(tron, friend) == 2 * SUN
    await service.close()


async def test_broadcast_refuses_a_transfer_signed_for_another_network(
        tmp_path: Path, devnet_url: str, tron: AsyncTron) -> None:
    bus = EventBus()
    seen = Seen(bus)
    service = await new_wallet(tmp_path, devnet_url, bus)
    me = service.info.address
    assert me is not None
    faucet(devnet_url, me, trx=5)
    friend = fresh_address()
    signed = await service.sign_send(await service.quote_send(friend, "1", "TRX"))
    await service.set_network(NetworkChoice("nile"), persist=False)
    with pytest.raises(WalletError) as caught:
        await service.broadcast(signed)
    assert str(caught.value) == ("this transfer was signed for devnet, but the wallet is now "
                                 "on nile: not sent")
    assert seen.updates[-1].state == "failed" and seen.updates[-1].txid == signed.txid
    await asyncio.sleep(0.3)
    assert await trx_of(tron, friend) == 0
    await service.close()


async def test_an_expired_signed_transfer_is_not_sent(tmp_path: Path, devnet_url: str) -> None:
    service = await new_wallet(tmp_path, devnet_url)
    me = service.info.address
    assert me is not None
    faucet(devnet_url, me, trx=5)
    signed = await service.sign_send(await service.quote_send(fresh_address(), "1", "TRX"))
    signed.transaction._raw_data["expiration"] = int(time.time() * 1000) - 1
    with pytest.raises(ChainError) as caught:
        await service.broadcast(signed)
    assert str(caught.value) == (f"transaction {signed.txid} expired before it was "
                                 f"broadcast: sign it again")
    await service.close()


async def test_a_replaced_quote_owner_is_refused(tmp_path: Path, devnet_url: str) -> None:
    service = await new_wallet(tmp_path, devnet_url)
    me = service.info.address
    assert me is not None
    faucet(devnet_url, me, trx=5)
    quote = await service.quote_send(fresh_address(), "1", "TRX")
    forged = dataclasses.replace(quote, from_address=ADDRESS_0)
    with pytest.raises(BttError) as caught:
        await service.sign_send(forged)
    assert str(caught.value) == (f"this transfer is from {ADDRESS_0}, not from {me}: prepare "
                                 f"it again")
    await service.close()
