"""Engines on loopback: each gets its own 127.x address, port and profile, with DHT, LSD,
UPnP and NAT-PMP off, and a fast status timer."""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from btt_desktop.engine import Engine, create_torrent
from btt_desktop.engine.types import EngineSettings
from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from tests.conftest import free_port, next_loopback


def loopback_settings(**overrides: Any) -> EngineSettings:
    ip = next_loopback()
    base: dict[str, Any] = dict(listen_interface=ip, listen_port=free_port(ip),
                                outgoing_interface=ip, dht=False, lsd=False, upnp=False,
                                natpmp=False)
    base.update(overrides)
    return EngineSettings(**base)


@dataclass
class Node:
    """One engine with its profile, bus and the events it published."""

    engine: Engine
    bus: EventBus
    profile: Profile
    settings: EngineSettings
    events: list[object] = field(default_factory=list)

    @property
    def endpoint(self) -> tuple[str, int]:
        return (self.settings.listen_interface, self.settings.listen_port)

    def of(self, kind: type) -> list[Any]:
        return [e for e in self.events if isinstance(e, kind)]


def record_all(bus: EventBus, sink: list[object]) -> None:
    from btt_desktop import events as ev

    for kind in (ev.TorrentAdded, ev.TorrentRemoved, ev.TorrentsUpdated, ev.MetadataReceived,
                 ev.TorrentFinished, ev.TorrentErrored, ev.SessionStatsUpdated,
                 ev.EngineMessage, ev.AltLimitsChanged):
        bus.subscribe(kind, sink.append)


NodeFactory = Callable[..., Awaitable[Node]]


@pytest.fixture
async def make_node(tmp_path: Path) -> AsyncIterator[NodeFactory]:
    nodes: list[Node] = []
    counter = iter(range(1000))

    async def make(profile_dir: Path | None = None, settings: EngineSettings | None = None,
                   **kwargs: Any) -> Node:
        profile = Profile.open(profile_dir or tmp_path / f"profile{next(counter)}")
        bus = EventBus()
        node = Node(Engine(profile, bus, settings or loopback_settings(),
                           status_interval=kwargs.pop("status_interval", 0.2), **kwargs),
                    bus, profile, settings or loopback_settings())
        node.settings = node.engine.settings
        record_all(bus, node.events)
        await node.engine.start()
        nodes.append(node)
        return node

    yield make
    for node in nodes:
        await node.engine.close()


async def wait_until(predicate: Callable[[], bool], seconds: float = 30.0,
                     what: str = "condition") -> None:
    """Poll ``predicate`` until true; fail the test after ``seconds``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


async def wait_until_async(predicate: Callable[[], Awaitable[bool]], seconds: float = 30.0,
                           what: str = "condition") -> None:
    """Like :func:`wait_until` for a predicate that must await (e.g. ``engine.peers``)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not await predicate():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.1)


def write_random(path: Path, size: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        remaining = size
        while remaining:
            n = min(remaining, 1 << 20)
            f.write(os.urandom(n))
            remaining -= n


def damage(path: Path, offset: int, length: int = 100) -> None:
    """Overwrite bytes in place (same size, so only a hash check can notice)."""
    with open(path, "r+b") as f:
        f.seek(offset)
        flipped = bytes(b ^ 0xFF for b in f.read(length))
        f.seek(offset)
        f.write(flipped)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_digests(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): digest(p) for p in sorted(root.rglob("*")) if p.is_file()}


async def make_torrent(root: Path, files: dict[str, int], *, piece_size: int = 0,
                       version: str = "v1") -> tuple[Path, bytes]:
    """Create ``root/content/<files>`` with random data and a torrent for it."""
    content = root / "content"
    for rel, size in files.items():
        write_random(content / rel, size)
    out = root / "content.torrent"
    await create_torrent(content, out, piece_size=piece_size, version=version)  # type: ignore[arg-type]
    return content, out.read_bytes()
