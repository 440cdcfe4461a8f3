"""The proxy settings reach libtorrent, and a download goes through a SOCKS5 proxy.

No SOCKS5 server is packaged here (dante, microsocks and 3proxy are not installed), so
the proxy is a stand-in written below: a minimal RFC 1928 CONNECT relay (with RFC 1929
user/password login) on asyncio. It records every CONNECT it relays.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket
import struct
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import libtorrent as lt
import pytest

from btt_desktop.engine.types import AddParams, ProxyType, TorrentState
from btt_desktop.events import TorrentFinished
from tests.conftest import free_port, next_loopback
from tests.engine.conftest import (
    NodeFactory,
    loopback_settings,
    make_torrent,
    tree_digests,
    wait_until,
)

pytestmark = pytest.mark.timeout(60)


class Socks5Relay:
    """A stand-in SOCKS5 proxy: CONNECT only, optional user/password."""

    def __init__(self, login: tuple[str, str] | None = None) -> None:
        self.login = login
        self.connects: list[tuple[str, int]] = []
        self.refused_logins = 0
        self._tasks: set[asyncio.Task[None]] = set()

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            await self._session(reader, writer)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()
            self._tasks.discard(task)

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        version, count = await reader.readexactly(2)
        methods = await reader.readexactly(count)
        wanted = 2 if self.login else 0
        if version != 5 or wanted not in methods:
            writer.write(b"\x05\xff")
            return
        writer.write(bytes([5, wanted]))
        if self.login:
            _v, ulen = await reader.readexactly(2)
            user = (await reader.readexactly(ulen)).decode()
            plen = (await reader.readexactly(1))[0]
            password = (await reader.readexactly(plen)).decode()
            ok = (user, password) == self.login
            writer.write(b"\x01\x00" if ok else b"\x01\x01")
            if not ok:
                self.refused_logins += 1
                return
        _v, command, _r, kind = await reader.readexactly(4)
        if kind == 1:
            host = str(ipaddress.IPv4Address(await reader.readexactly(4)))
        elif kind == 4:
            host = str(ipaddress.IPv6Address(await reader.readexactly(16)))
        else:
            host = (await reader.readexactly((await reader.readexactly(1))[0])).decode()
        (port,) = struct.unpack("!H", await reader.readexactly(2))
        if command != 1:  # only CONNECT (libtorrent also asks for UDP ASSOCIATE)
            writer.write(b"\x05\x07\x00\x01" + bytes(6))
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(host, port)
        except OSError:
            writer.write(b"\x05\x05\x00\x01" + bytes(6))
            return
        self.connects.append((host, port))
        writer.write(b"\x05\x00\x00\x01" + socket.inet_aton("0.0.0.0") + b"\x00\x00")
        await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        with contextlib.suppress(Exception):
            writer.close()


@pytest.fixture
async def relay() -> AsyncIterator[tuple[Socks5Relay, str, int]]:
    proxy = Socks5Relay(login=("alice", "s3cret"))
    host = next_loopback()
    port = free_port(host)
    server = await asyncio.start_server(proxy.serve, host, port)
    yield proxy, host, port
    server.close()
    await proxy.close()
    await server.wait_closed()


async def test_proxy_settings_reach_the_session(make_node: NodeFactory) -> None:
    node = await make_node(settings=loopback_settings(
        proxy_type=ProxyType.HTTP, proxy_host="proxy.example", proxy_port=3128,
        proxy_peers=False))
    pack = node.engine._session.get_settings()
    assert pack["proxy_type"] == int(lt.proxy_type_t.http)
    assert (pack["proxy_hostname"], pack["proxy_port"]) == ("proxy.example", 3128)
    assert not pack["proxy_peer_connections"] and pack["proxy_tracker_connections"]

    await node.engine.apply_settings(replace(
        node.engine.settings, proxy_type=ProxyType.SOCKS5, proxy_username="bob",
        proxy_password="pw", proxy_peers=True))
    pack = node.engine._session.get_settings()
    assert pack["proxy_type"] == int(lt.proxy_type_t.socks5_pw)
    assert (pack["proxy_username"], pack["proxy_password"]) == ("bob", "pw")
    assert pack["proxy_peer_connections"] and pack["proxy_hostnames"]
    assert "pw" not in repr(node.engine.settings)

    await node.engine.apply_settings(replace(node.engine.settings, proxy_type=ProxyType.NONE))
    assert node.engine._session.get_settings()["proxy_type"] == int(lt.proxy_type_t.none)


async def test_download_through_a_socks5_proxy(tmp_path: Path, make_node: NodeFactory,
                                               relay: tuple[Socks5Relay, str, int]) -> None:
    proxy, host, port = relay
    content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 1_500_000})
    seeder = await make_node()
    seed_id = await seeder.engine.add(AddParams(save_path=str(content.parent),
                                                torrent_data=torrent))
    await wait_until(lambda: seeder.engine.snapshot(seed_id).state  # type: ignore[union-attr]
                     == TorrentState.SEEDING, what="seeder")
    leecher = await make_node(settings=loopback_settings(
        proxy_type=ProxyType.SOCKS5, proxy_host=host, proxy_port=port,
        proxy_username="alice", proxy_password="s3cret"))
    dest = tmp_path / "down"
    await leecher.engine.add(AddParams(save_path=str(dest), torrent_data=torrent,
                                       peers=(seeder.endpoint,)))
    await wait_until(lambda: bool(leecher.of(TorrentFinished)), what="download via the proxy")
    assert tree_digests(dest / "content") == tree_digests(content)
    assert seeder.endpoint in proxy.connects
    assert proxy.refused_logins == 0
