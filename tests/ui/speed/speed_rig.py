"""Helpers for the Speed window tests: the main window over a real engine with the real
wallet service (cheap scrypt, keyring's "fail" backend: this machine has no session
keyring), the wallet section and Speed installed as ``app.py`` installs them, plus bare
engines with their own real SpeedService (a seeder or a bidder on another loopback
address).
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from tronpy.keys import PrivateKey

from btt_desktop.engine import Engine
from btt_desktop.engine.types import EngineSettings
from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.speed.chainlink import VaultLink, open_vault
from btt_desktop.speed.service import SpeedService
from btt_desktop.speed.settings import SpeedSettings, save_settings
from btt_desktop.ui.main_window import MainWindow
from btt_desktop.ui.speed import SpeedParts
from btt_desktop.ui.wallet import WalletPane
from btt_desktop.wallet.chain import ChainClient
from btt_desktop.wallet.keyring_store import KeyringStore
from btt_desktop.wallet.keystore import ScryptParams
from btt_desktop.wallet.networks import Network, NetworkChoice, network
from btt_desktop.wallet.service import WalletService
from btt_desktop.window_app import RunningWindow
from tests.speed.speed_keys import KeySigner
from tests.ui.conftest import cheap_wallet, open_rig

CHEAP = ScryptParams(n=1 << 10, r=8, p=1)
PASSWORD = "correct horse battery"
CLOSED_NODE = "http://127.0.0.1:9"  # discard port: nothing listens


def fail_keyring() -> KeyringStore:
    from keyring.backends import fail

    return KeyringStore(fail.Keyring())


def fast_client(net: Network) -> ChainClient:
    return ChainClient(net, timeout=5.0, confirm_timeout=30.0, poll_interval=0.05)


def address_of(key_hex: str) -> str:
    return str(PrivateKey(bytes.fromhex(key_hex)).public_key.to_base58check_address())


@dataclass
class SpeedWindow:
    window: MainWindow
    engine: Engine
    bus: EventBus
    profile: Profile
    wallet: WalletService
    wallet_pane: WalletPane
    speed: SpeedParts
    running: RunningWindow

    @property
    def endpoint(self) -> tuple[str, int]:
        s = self.engine.settings
        return (s.listen_interface, s.listen_port)

    async def close(self) -> None:
        """The real shutdown order: Speed, the wallet, the window, the engine."""
        await self.running.close()
        self.window.deleteLater()


async def open_window(tmp: Path, engine_settings: EngineSettings, *, node_url: str,
                      speed: SpeedSettings | None = None, key_hex: str | None = None,
                      locked: bool = False, network: str = "devnet") -> SpeedWindow:
    """The window as app.py builds it (``build_window_app``); a wallet restored from
    ``key_hex`` (unlocked unless ``locked``); ``speed`` saved in the profile first, as a
    user's earlier choices."""
    if speed is not None:
        save_settings(Profile.open(tmp / "profile").speed_dir, speed)

    async def prepare(wallet: WalletService) -> None:
        if key_hex is not None:
            await wallet.restore_private_key(key_hex, PASSWORD)
            if locked:
                wallet.lock()

    rig = await open_rig(tmp, engine_settings, wallet=cheap_wallet(
        chain_factory=fast_client, network=NetworkChoice(network, node_url=node_url),
        prepare=prepare))
    running = rig.running
    rig.window.resize(1300, 800)
    assert running.wallet is not None and running.wallet_pane is not None
    assert running.speed is not None and running.speed_start is not None
    await running.speed_start
    return SpeedWindow(rig.window, rig.engine, rig.bus, rig.profile, running.wallet,
                       running.wallet_pane, running.speed, running)


@dataclass
class SpeedPeer:
    """A bare engine with its own SpeedService: the other side of a Speed deal."""

    engine: Engine
    bus: EventBus
    service: SpeedService
    link: VaultLink

    @property
    def endpoint(self) -> tuple[str, int]:
        s = self.engine.settings
        return (s.listen_interface, s.listen_port)

    async def close(self) -> None:
        await self.service.close()
        await self.engine.close()
        await self.link.close()


async def speed_peer(root: Path, engine_settings: EngineSettings, node_url: str,
                     key_hex: str, speed: SpeedSettings) -> SpeedPeer:
    bus = EventBus()
    profile = Profile.open(root)
    engine = Engine(profile, bus, engine_settings, status_interval=0.2)
    await engine.start()
    await engine.wait_listening()
    link = await open_vault(network("devnet", node_url=node_url))
    signer = KeySigner(PrivateKey(bytes.fromhex(key_hex)))  # a bare key: not the window's wallet
    service = SpeedService(engine, bus, profile, signer=signer, link=link, settings=speed)
    await service.start()
    return SpeedPeer(engine, bus, service, link)


async def settle() -> None:
    """Let queued Qt/asyncio work run once."""
    await asyncio.sleep(0.05)


@pytest.fixture(scope="module", autouse=True)
def gc_on_gui_thread() -> Iterator[None]:
    """Cycle collection on the GUI thread only, as in the wallet pane tests: a collector
    run in another thread (a devnet's output reader) would destroy Qt timer objects there."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()


@pytest.fixture(autouse=True)
def gc_after_each_test(gc_on_gui_thread: None) -> Iterator[None]:
    yield
    gc.collect()
