"""WalletService without a node: wallet kinds, file secrecy, passwords, accounts, export."""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail

from btt_desktop import events
from btt_desktop.errors import WalletError, WrongPassword
from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.wallet import keystore
from btt_desktop.wallet.keyring_store import KeyringStore
from btt_desktop.wallet.keystore import ScryptParams
from btt_desktop.wallet.service import WalletService, WatchOnly
from btt_desktop.wallet.types import WalletState
from btt_desktop.wallet.unlocked import WalletLockedError

CHEAP = ScryptParams(n=1 << 10, r=8, p=1)  # explicit low cost: tests only
ABANDON = "abandon " * 11 + "about"
ADDRESS_0 = "TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH"
ADDRESS_1 = "TSeJkUh4Qv67VNFwY8LaAxERygNdy6NQZK"
KEY_0 = "b5a4cea271ff424d7c31dc12a3e43e401df7a40d7412a15750f3f0b6b5449a28"
PASSWORD = "correct horse battery"


class Recorder:
    def __init__(self, bus: EventBus) -> None:
        self.seen: list[Any] = []
        for kind in (events.WalletChanged, events.WalletLocked, events.WalletUnlocked,
                     events.BalancesUpdated, events.TransactionStatus):
            bus.subscribe(kind, self.seen.append)

    def of(self, kind: type) -> list[Any]:
        return [e for e in self.seen if isinstance(e, kind)]


def _string_values(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():  # keys are the schema ("salt", "kind" are BIP39 words)
            yield from _string_values(value)
    elif isinstance(node, list):
        for value in node:
            yield from _string_values(value)


def assert_phrase_absent(text: str, phrase: str) -> None:
    """No value of the file is a phrase word, no two phrase words follow each other, no
    hex of the phrase. (A bare substring test trips on public text that happens to be a
    BIP39 word, such as the "salt" key or the "Account 1" label.)"""
    words = phrase.split()
    values = {value.strip().lower() for value in _string_values(json.loads(text))}
    assert not values & set(words), "a recovery word is in the wallet file"
    for first, second in itertools.pairwise(words):
        assert not re.search(rf"{first}\W{{0,3}}{second}", text), "recovery words in the file"
    assert phrase.encode().hex()[:16] not in text


def make_service(root: Path, bus: EventBus | None = None,
                 kdf: ScryptParams = CHEAP) -> WalletService:
    return WalletService(Profile.open(root), bus or EventBus(), kdf=kdf,
                         keyring=KeyringStore(fail.Keyring()))


async def test_new_hd_wallet_file_holds_no_secret(tmp_path: Path) -> None:
    bus = EventBus()
    seen = Recorder(bus)
    service = make_service(tmp_path, bus)
    assert (await service.open()).state is WalletState.NONE
    phrase = service.new_recovery_phrase(24)
    passphrase = "extra words here"
    info = await service.create(phrase, PASSWORD, passphrase=passphrase)
    assert info.state is WalletState.UNLOCKED and info.has_recovery_phrase
    key = await service.export_private_key(PASSWORD)

    wallet_file = tmp_path / "wallet" / "wallet.json"
    data = wallet_file.read_bytes()
    assert_phrase_absent(data.decode(), phrase)
    for secret in (key, key.upper(), PASSWORD, passphrase):
        assert secret.encode() not in data
    assert stat.S_IMODE(wallet_file.stat().st_mode) == 0o600
    assert json.loads(data)["accounts"][0]["address"] == info.address
    assert [e.address for e in seen.of(events.WalletUnlocked)] == [info.address]
    assert seen.of(events.WalletChanged)[-1].info.address == info.address


async def test_restore_known_phrase_and_unlock_after_restart(tmp_path: Path) -> None:
    service = make_service(tmp_path)
    await service.open()
    info = await service.restore_phrase(ABANDON.upper(), PASSWORD)
    assert info.address == ADDRESS_0
    data = (tmp_path / "wallet" / "wallet.json").read_bytes()
    for secret in ("abandon", "about", KEY_0, PASSWORD):  # plain grep: none is a schema word
        assert secret.encode() not in data and secret.upper().encode() not in data
    await service.close()

    bus = EventBus()
    seen = Recorder(bus)
    again = make_service(tmp_path, bus)
    info = await again.open()
    assert info.state is WalletState.LOCKED and info.address == ADDRESS_0
    with pytest.raises(WrongPassword) as caught:
        await again.unlock("not the password")
    assert str(caught.value) == "wrong password"
    assert again.state is WalletState.LOCKED
    await again.unlock(PASSWORD)
    assert again.state is WalletState.UNLOCKED
    again.lock()
    assert again.state is WalletState.LOCKED
    assert len(seen.of(events.WalletUnlocked)) == 1 and len(seen.of(events.WalletLocked)) == 1
    with pytest.raises(WalletLockedError):
        await again.add_account()


async def test_lock_wipes_the_decrypted_material(tmp_path: Path) -> None:
    service = make_service(tmp_path)
    await service.open()
    await service.restore_phrase(ABANDON, PASSWORD)
    secrets = service._secrets  # the object the service held while unlocked
    assert secrets is not None
    assert secrets.private_key(0).hex() == KEY_0
    assert "abandon" not in repr(secrets) and KEY_0 not in repr(secrets)
    service.lock()
    assert service._secrets is None
    with pytest.raises(WalletError):
        _ = secrets.mnemonic
    with pytest.raises(WalletLockedError):
        secrets.private_key(0)
    assert secrets.wiped


def test_a_wipe_during_derivation_keeps_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A key derived in a worker thread while the wallet locks is not stored in the wiped
    secrets (a signer kept from before must not come back to life)."""
    from btt_desktop.wallet import hdkeys
    from btt_desktop.wallet.unlocked import UnlockedSecrets
    from btt_desktop.wallet.walletfile import WalletKind

    secrets = UnlockedSecrets(WalletKind.HD, mnemonic=ABANDON)
    derive = hdkeys.derive_private_key

    def derive_then_lock(seed: bytes, index: int) -> bytes:
        key = derive(seed, index)
        secrets.wipe()  # lock() on the loop thread, meanwhile
        return key

    monkeypatch.setattr(hdkeys, "derive_private_key", derive_then_lock)
    with pytest.raises(WalletLockedError):
        secrets.private_key(1)
    monkeypatch.setattr(hdkeys, "derive_private_key", derive)
    with pytest.raises(WalletLockedError):
        secrets.private_key(1)
    assert secrets.wiped and not secrets._keys


async def test_change_password_reencrypts_and_drops_old_backup(tmp_path: Path) -> None:
    service = make_service(tmp_path)
    await service.open()
    await service.restore_phrase(ABANDON, PASSWORD)
    await service.rename_account(0, "Savings")  # leaves a .bak behind
    backup = tmp_path / "wallet" / "wallet.json.bak"
    assert backup.exists()
    with pytest.raises(WrongPassword):
        await service.change_password("wrong password!", "new password 42")
    with pytest.raises(WalletError, match="at least 8"):
        await service.change_password(PASSWORD, "short")
    await service.change_password(PASSWORD, "new password 42")
    assert not backup.exists(), "the backup still decrypts with the old password"
    assert service.state is WalletState.UNLOCKED

    reopened = make_service(tmp_path)
    await reopened.open()
    with pytest.raises(WrongPassword):
        await reopened.unlock(PASSWORD)
    await reopened.unlock("new password 42")
    assert reopened.info.accounts[0].label == "Savings"
    assert b"abandon" not in (tmp_path / "wallet" / "wallet.json").read_bytes()


async def test_accounts_add_rename_switch_persist(tmp_path: Path) -> None:
    service = make_service(tmp_path)
    await service.open()
    await service.restore_phrase(ABANDON, PASSWORD)
    second = await service.add_account()
    assert (second.index, second.address, second.label) == (1, ADDRESS_1, "Account 2")
    assert service.info.address == ADDRESS_1
    await service.rename_account(1, "  Speed   earnings ")
    await service.switch_account(0)
    with pytest.raises(WalletError, match="no account with index 7"):
        await service.switch_account(7)
    with pytest.raises(WalletError, match="cannot be empty"):
        await service.rename_account(0, "   ")

    reopened = make_service(tmp_path)
    info = await reopened.open()
    assert [(a.index, a.label, a.address) for a in info.accounts] == [
        (0, "Account 1", ADDRESS_0), (1, "Speed earnings", ADDRESS_1)]
    assert info.current is not None and info.current.index == 0
    await reopened.unlock(PASSWORD)
    assert await reopened.export_private_key(PASSWORD, 1) != await reopened.export_private_key(
        PASSWORD, 0)


async def test_private_key_wallet(tmp_path: Path) -> None:
    service = make_service(tmp_path)
    await service.open()
    info = await service.restore_private_key("0x" + KEY_0, PASSWORD)
    assert info.address == ADDRESS_0 and not info.has_recovery_phrase
    assert KEY_0.encode() not in (tmp_path / "wallet" / "wallet.json").read_bytes()
    with pytest.raises(WalletError, match="no recovery phrase"):
        await service.export_recovery_phrase(PASSWORD)
    with pytest.raises(WalletError, match="several accounts"):
        await service.add_account()
    assert await service.export_private_key(PASSWORD) == KEY_0
    # the wallet file's secret is itself a keystore v3 crypto object of the key
    crypto = json.loads((tmp_path / "wallet" / "wallet.json").read_text())["secret"]
    assert keystore.decrypt(crypto, PASSWORD).hex() == KEY_0


async def test_keystore_import_and_export(tmp_path: Path) -> None:
    exported = keystore.export_private_key(bytes.fromhex(KEY_0), "keystore pass 1", CHEAP)
    service = make_service(tmp_path / "a")
    await service.open()
    with pytest.raises(WrongPassword):
        await service.restore_keystore(exported, "wrong keystore pass")
    assert service.state is WalletState.NONE
    info = await service.restore_keystore(exported, "keystore pass 1")
    assert info.address == ADDRESS_0
    await service.unlock("keystore pass 1")  # the wallet password defaults to the keystore's

    again = await service.export_keystore("keystore pass 1", keystore_password="another pass 2")
    assert keystore.import_private_key(again, "another pass 2").hex() == KEY_0
    with pytest.raises(WalletError, match="not a keystore file"):
        await make_service(tmp_path / "b").restore_keystore("{", "x" * 8)


async def test_watch_only_wallet_refuses_to_send_and_export(tmp_path: Path) -> None:
    service = make_service(tmp_path)
    await service.open()
    info = await service.watch(ADDRESS_1)
    assert info.state is WalletState.WATCH_ONLY and info.address == ADDRESS_1
    data = json.loads((tmp_path / "wallet" / "wallet.json").read_text())
    assert data["secret"] is None and data["kind"] == "watch"
    with pytest.raises(WatchOnly) as caught:
        await service.quote_send(ADDRESS_0, "1", "TRX")
    assert str(caught.value) == "this is a watch-only wallet: it holds no key and cannot send"
    with pytest.raises(WatchOnly):
        await service.export_private_key(PASSWORD)
    with pytest.raises(WatchOnly):
        await service.change_password(PASSWORD, PASSWORD + "x")


async def test_one_wallet_per_profile_unless_replaced(tmp_path: Path) -> None:
    service = make_service(tmp_path)
    await service.open()
    await service.restore_phrase(ABANDON, PASSWORD)
    with pytest.raises(WalletError, match="a wallet already exists"):
        await service.watch(ADDRESS_1)
    info = await service.watch(ADDRESS_1, replace_existing=True)
    assert info.address == ADDRESS_1


async def test_export_always_asks_for_the_password(tmp_path: Path) -> None:
    service = make_service(tmp_path)
    await service.open()
    await service.restore_phrase(ABANDON, PASSWORD, passphrase="p")
    assert service.state is WalletState.UNLOCKED
    with pytest.raises(WrongPassword):
        await service.export_recovery_phrase("guess guess")
    assert await service.export_recovery_phrase(PASSWORD) == (ABANDON.strip(), "p")
    with pytest.raises(WrongPassword):
        await service.export_private_key("guess guess")


async def test_bad_inputs_are_one_line_without_secrets(tmp_path: Path) -> None:
    service = make_service(tmp_path)
    await service.open()
    bad_phrase = ABANDON.replace("about", "abound")
    with pytest.raises(WalletError) as caught:
        await service.restore_phrase(bad_phrase, PASSWORD)
    assert "abound" not in str(caught.value) and "\n" not in str(caught.value)
    with pytest.raises(WalletError, match="at least 8 characters"):
        await service.restore_phrase(ABANDON, "short")
    with pytest.raises(WalletError) as caught:
        await service.restore_private_key(KEY_0[:-1] + "g", PASSWORD)
    assert KEY_0[:20] not in str(caught.value)
    assert service.state is WalletState.NONE
    assert not (tmp_path / "wallet" / "wallet.json").exists()


@pytest.mark.timeout(60)
async def test_production_cost_runs_off_the_event_loop(tmp_path: Path) -> None:
    """Default scrypt (n=2**18, r=8): the loop keeps ticking while a wallet is saved/unlocked."""
    service = WalletService(Profile.open(tmp_path), EventBus(),
                            keyring=KeyringStore(fail.Keyring()))
    await service.open()
    gaps: list[float] = []
    stop = asyncio.Event()

    async def ticker() -> None:
        last = time.monotonic()
        while not stop.is_set():
            await asyncio.sleep(0.01)
            now = time.monotonic()
            gaps.append(now - last)
            last = now

    task = asyncio.create_task(ticker())
    started = time.monotonic()
    await service.restore_private_key(KEY_0, PASSWORD)
    service.lock()
    await service.unlock(PASSWORD)
    elapsed = time.monotonic() - started
    stop.set()
    await task
    crypto = json.loads((tmp_path / "wallet" / "wallet.json").read_text())["secret"]
    assert crypto["kdfparams"]["n"] == 1 << 18 and crypto["kdfparams"]["r"] == 8
    assert elapsed > 0.2  # the real cost was paid ...
    assert max(gaps) < 0.2, f"event loop stalled for {max(gaps):.2f} s"  # ... off the loop
