"""Listening: a strict port in use is reported in one line; otherwise the engine takes
another free port and says which."""

from __future__ import annotations

import asyncio
import socket
from dataclasses import replace
from pathlib import Path

import pytest

from btt_desktop.engine import Engine
from btt_desktop.errors import EngineError
from btt_desktop.events import EngineMessage, EventBus, SessionStatsUpdated
from btt_desktop.profile import Profile
from tests.engine.conftest import NodeFactory, loopback_settings, wait_until

pytestmark = pytest.mark.timeout(60)


async def test_port_in_use_gives_one_line(tmp_path: Path) -> None:
    settings = loopback_settings(listen_port_strict=True)
    ip, port = settings.listen_interface, settings.listen_port
    with socket.socket() as blocker:
        blocker.bind((ip, port))
        blocker.listen()
        bus = EventBus()
        messages: list[EngineMessage] = []
        bus.subscribe(EngineMessage, messages.append)
        engine = Engine(Profile.open(tmp_path / "p"), bus, settings)
        await engine.start()
        try:
            with pytest.raises(EngineError) as err:
                await engine.wait_listening(within=10)
            line = f"cannot listen on {ip}:{port}: address already in use"
            assert str(err.value) == line
            assert [m.text for m in messages if m.level == "error"] == [line]
            assert f"{ip}:{port}" not in engine.listen_endpoints
        finally:
            await engine.close()


async def test_listening_endpoint_and_session_stats(make_node: NodeFactory) -> None:
    node = await make_node()
    ip, port = node.endpoint
    assert await node.engine.wait_listening() == (f"{ip}:{port}",)
    with socket.create_connection((ip, port), timeout=5):
        pass  # something really accepts there
    await wait_until(lambda: len(node.of(SessionStatsUpdated)) >= 2, what="session stats")
    totals = node.of(SessionStatsUpdated)[-1].totals
    assert totals.listen_endpoints == (f"{ip}:{port}",) and totals.dht_nodes == 0


async def test_apply_settings_moves_the_listen_socket(make_node: NodeFactory) -> None:
    node = await make_node()
    await node.engine.wait_listening()
    other = loopback_settings()
    await node.engine.apply_settings(other)
    await node.engine.wait_listening()
    endpoint = (other.listen_interface, other.listen_port)
    await asyncio.wait_for(asyncio.to_thread(_connect, endpoint), 10)
    assert f"{endpoint[0]}:{endpoint[1]}" in node.engine.listen_endpoints


def _connect(endpoint: tuple[str, int]) -> None:
    with socket.create_connection(endpoint, timeout=5):
        pass


async def test_port_in_use_on_all_addresses_gives_one_line(tmp_path: Path) -> None:
    """Listening on 0.0.0.0 opens one socket per local address; the user asked for one."""
    with socket.socket() as blocker:
        blocker.bind(("0.0.0.0", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        bus = EventBus()
        messages: list[EngineMessage] = []
        bus.subscribe(EngineMessage, messages.append)
        engine = Engine(Profile.open(tmp_path / "p"), bus, loopback_settings(
            listen_interface="0.0.0.0", listen_port=port, outgoing_interface="",
            listen_port_strict=True))
        await engine.start()
        try:
            line = f"cannot listen on 0.0.0.0:{port}: address already in use"
            with pytest.raises(EngineError, match=f"^{line}$"):
                await engine.wait_listening(within=10)
            assert [m.text for m in messages if m.level == "error"] == [line]
        finally:
            await engine.close()


async def test_port_in_use_falls_back_and_says_which(tmp_path: Path) -> None:
    settings = loopback_settings()
    ip, port = settings.listen_interface, settings.listen_port
    assert not settings.listen_port_strict  # the default, as the window uses it
    with socket.socket() as blocker:  # another client on "6881"
        blocker.bind((ip, port))
        blocker.listen()
        bus = EventBus()
        messages: list[EngineMessage] = []
        bus.subscribe(EngineMessage, messages.append)
        engine = Engine(Profile.open(tmp_path / "p"), bus, settings)
        await engine.start()
        try:
            endpoints = await engine.wait_listening(within=10)
            used = engine.listen_fallback_port
            assert used is not None and used != port
            assert endpoints == (f"{ip}:{used}",)
            await asyncio.wait_for(asyncio.to_thread(_connect, (ip, used)), 10)
            line = f"port {port} is in use; listening on port {used} instead"
            assert [(m.level, m.text) for m in messages] == [("warning", line)]
            # another settings change keeps the port that works
            await engine.set_alt_limits(True)
            await asyncio.sleep(0.5)
            assert engine.listen_endpoints == endpoints and len(messages) == 1
        finally:
            await engine.close()


async def test_every_nearby_port_in_use_takes_one_the_system_picks(tmp_path: Path) -> None:
    settings = loopback_settings()
    ip = settings.listen_interface
    blockers = _block_run(ip, 5)
    port = blockers[0].getsockname()[1]
    try:
        engine = Engine(Profile.open(tmp_path / "p"), EventBus(),
                        replace(settings, listen_port=port))
        await engine.start()
        try:
            await engine.wait_listening(within=10)
            used = engine.listen_fallback_port
            assert used is not None and not port <= used <= port + 4
            await asyncio.wait_for(asyncio.to_thread(_connect, (ip, used)), 10)
        finally:
            await engine.close()
    finally:
        for b in blockers:
            b.close()


def _block_run(ip: str, count: int) -> list[socket.socket]:
    """Listening sockets on ``count`` consecutive ports of ``ip``."""
    for _ in range(50):
        first = socket.socket()
        first.bind((ip, 0))
        start = first.getsockname()[1]
        held = [first]
        try:
            for p in range(start + 1, start + count):
                s = socket.socket()
                held.append(s)
                s.bind((ip, p))
        except OSError:
            for s in held:
                s.close()
            continue
        for s in held:
            s.listen()
        return held
    raise AssertionError("no run of free ports")
