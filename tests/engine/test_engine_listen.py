"""Listening: a port in use is reported in one line, never silently swapped for another."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import pytest

from btt_desktop.engine import Engine
from btt_desktop.errors import EngineError
from btt_desktop.events import EngineMessage, EventBus, SessionStatsUpdated
from btt_desktop.profile import Profile
from tests.engine.conftest import NodeFactory, loopback_settings, wait_until

pytestmark = pytest.mark.timeout(60)


async def test_port_in_use_gives_one_line(tmp_path: Path) -> None:
    settings = loopback_settings()
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
            listen_interface="0.0.0.0", listen_port=port, outgoing_interface=""))
        await engine.start()
        try:
            line = f"cannot listen on 0.0.0.0:{port}: address already in use"
            with pytest.raises(EngineError, match=f"^{line}$"):
                await engine.wait_listening(within=10)
            assert [m.text for m in messages if m.level == "error"] == [line]
        finally:
            await engine.close()
