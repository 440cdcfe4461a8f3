"""'Remember on this computer' against a real Secret Service (gnome-keyring on a private
D-Bus), and the fallbacks: no backend, no bus, a keyring that prompts and never answers."""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import secretstorage
from jeepney.io.blocking import open_dbus_connection
from keyring.backends import fail, null

from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.wallet.keyring_store import (
    SERVICE_NAME,
    KeyringStore,
    KeyringUnavailable,
    unsafe_reason,
)
from btt_desktop.wallet.keystore import ScryptParams
from btt_desktop.wallet.service import WalletService
from btt_desktop.wallet.types import WalletState
from tests.wallet.keyring_session import SecretServiceSession

pytestmark = [pytest.mark.keyring, pytest.mark.timeout(60)]

CHEAP = ScryptParams(n=1 << 10, r=8, p=1)
ABANDON = "abandon " * 11 + "about"
PASSWORD = "correct horse battery"


def items_in_secret_service(address: str, wallet_id: str) -> list[bytes]:
    """Read the Secret Service directly (not through keyring): the stored secrets."""
    connection = open_dbus_connection(bus=address)
    try:
        found = secretstorage.search_items(connection, {"service": SERVICE_NAME,
                                                        "username": wallet_id})
        return [item.get_secret() for item in found]
    finally:
        connection.close()


async def test_store_read_delete_in_a_real_secret_service(
        secret_service: SecretServiceSession) -> None:
    store = KeyringStore(timeout=10)
    status = await store.status()
    assert status.available, status.reason
    assert status.backend == "SecretService Keyring"
    await store.store("wallet-1", "s3cret password")
    assert await store.load("wallet-1") == "s3cret password"
    assert items_in_secret_service(secret_service.bus_address, "wallet-1") == \
        [b"s3cret password"]
    await store.delete("wallet-1")
    assert await store.load("wallet-1") is None
    assert items_in_secret_service(secret_service.bus_address, "wallet-1") == []
    await store.delete("wallet-1")  # deleting again is not an error


async def test_service_remembers_and_unlocks_at_start(secret_service: SecretServiceSession,
                                                      tmp_path: Path) -> None:
    profile = Profile.open(tmp_path / "profile")
    service = WalletService(profile, EventBus(), kdf=CHEAP, keyring=KeyringStore(timeout=10))
    await service.open()
    await service.restore_phrase(ABANDON, PASSWORD)
    wallet_id = service.info.wallet_id
    assert wallet_id is not None
    await service.remember_password(PASSWORD)
    assert service.info.remembered
    assert items_in_secret_service(secret_service.bus_address, wallet_id) == [PASSWORD.encode()]

    restarted = WalletService(profile, EventBus(), kdf=CHEAP, keyring=KeyringStore(timeout=10))
    assert (await restarted.open()).state is WalletState.LOCKED
    outcome = await restarted.unlock_remembered()
    assert outcome.unlocked and outcome.reason is None
    assert restarted.state is WalletState.UNLOCKED

    await restarted.change_password(PASSWORD, "a brand new password")
    assert items_in_secret_service(secret_service.bus_address, wallet_id) == \
        [b"a brand new password"]
    await restarted.forget_password()
    assert not restarted.info.remembered
    assert items_in_secret_service(secret_service.bus_address, wallet_id) == []
    again = WalletService(profile, EventBus(), kdf=CHEAP, keyring=KeyringStore(timeout=10))
    await again.open()
    assert not (await again.unlock_remembered()).unlocked


async def test_fail_backend_gives_a_reason_and_does_not_block(tmp_path: Path) -> None:
    store = KeyringStore(fail.Keyring())
    started = time.monotonic()
    status = await store.status()
    assert not status.available
    assert status.reason is not None and "no OS keyring found" in status.reason
    with pytest.raises(KeyringUnavailable, match="no OS keyring found"):
        await store.store("w", "x")

    service = WalletService(Profile.open(tmp_path), EventBus(), kdf=CHEAP, keyring=store)
    await service.open()
    await service.restore_phrase(ABANDON, PASSWORD)
    with pytest.raises(KeyringUnavailable):
        await service.remember_password(PASSWORD)
    assert not service.info.remembered
    assert time.monotonic() - started < 2


def test_unsafe_backends_are_refused() -> None:
    assert unsafe_reason(null.Keyring()) == "the keyring is disabled (null backend)"
    reason = unsafe_reason(fail.Keyring())
    assert reason is not None and reason.startswith("no OS keyring found")


async def test_no_session_bus_detected_quickly(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-such-bus")
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    started = time.monotonic()
    status = await KeyringStore(timeout=10).status()
    assert not status.available
    assert status.reason is not None and status.reason.startswith("no OS keyring found")
    assert time.monotonic() - started < 5


def test_chainer_without_a_secure_backend_is_refused(tmp_path: Path) -> None:
    """keyring's own fallback (its chainer) with no secure store behind it. In a fresh
    process: keyring caches the backends it found for the life of a process."""
    probe = ("from keyring.backends import chainer\n"
             "from btt_desktop.wallet.keyring_store import unsafe_reason\n"
             "print(unsafe_reason(chainer.ChainerBackend()))")
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={tmp_path}/no-such-bus"
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env=env, timeout=30)
    assert result.stdout.startswith("no secure OS keyring behind keyring's chainer"), \
        result.stderr


async def test_prompting_keyring_times_out_without_blocking_the_loop(
        locked_secret_service: SecretServiceSession, tmp_path: Path) -> None:
    """gnome-keyring has no unlocked collection: it asks gcr-prompter to show a dialog
    (on Xvfb) and waits for a user who never comes."""
    store = KeyringStore(timeout=1.5)
    ticks = 0
    done = asyncio.Event()

    async def ticker() -> None:
        nonlocal ticks
        while not done.is_set():
            await asyncio.sleep(0.01)
            ticks += 1

    task = asyncio.create_task(ticker())
    started = time.monotonic()
    with pytest.raises(KeyringUnavailable, match=r"did not answer within 1\.5 s"):
        await store.store("wallet-x", "secret")
    elapsed = time.monotonic() - started
    # while the first call still hangs, the next one fails at once instead of piling up
    with pytest.raises(KeyringUnavailable, match="still busy"):
        await store.load("wallet-x")
    done.set()
    await task
    assert 1.4 < elapsed < 5
    assert ticks > 50, "the event loop was blocked while the keyring prompted"

    profile = Profile.open(tmp_path / "profile")
    service = WalletService(profile, EventBus(), kdf=CHEAP, keyring=store)
    await service.open()
    await service.restore_phrase(ABANDON, PASSWORD)
    with contextlib.suppress(KeyringUnavailable):
        await service.remember_password(PASSWORD)
    assert not service.info.remembered


async def test_a_configured_unsafe_backend_is_refused(monkeypatch: pytest.MonkeyPatch,
                                                      secret_service: SecretServiceSession
                                                      ) -> None:
    """The user's keyring configuration wins over detection, and is still checked: even
    with a Secret Service running, PYTHON_KEYRING_BACKEND=null is not used."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    status = await KeyringStore(timeout=10).status()
    assert not status.available
    assert status.reason == ("the configured keyring is not safe: the keyring is disabled "
                             "(null backend)")
