"""Encryption against bare libtorrent peers set up as other clients are.

The default ("prefer plain") must move the payload in plain text with a peer that allows
RC4 only inside the encrypted handshake (qBittorrent's default: it would pick RC4 if we
opened with that handshake), and still reach a peer that requires encryption and one
that refuses it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import libtorrent as lt
import pytest

from btt_desktop.engine.session_settings import PEX_ENCRYPTION, dial_flags
from btt_desktop.engine.types import AddParams, Encryption
from btt_desktop.events import TorrentFinished
from tests.conftest import free_port, next_loopback
from tests.engine.conftest import NodeFactory, make_torrent, tree_digests, wait_until

pytestmark = pytest.mark.timeout(90)

_POLICY = lt.enc_policy
_LEVEL = lt.enc_level
# qBittorrent 4.5 sets allowed_enc_level = rc4 and prefer_rc4 for every mode, and the
# policies from its Encryption mode: 0 allow, 1 require, 2 disable
PEERS: dict[str, dict[str, Any]] = {
    "qbittorrent-allow": {"in_enc_policy": int(_POLICY.pe_enabled),
                          "out_enc_policy": int(_POLICY.pe_enabled),
                          "allowed_enc_level": int(_LEVEL.pe_rc4), "prefer_rc4": True},
    "qbittorrent-require": {"in_enc_policy": int(_POLICY.pe_forced),
                            "out_enc_policy": int(_POLICY.pe_forced),
                            "allowed_enc_level": int(_LEVEL.pe_rc4), "prefer_rc4": True},
    "disabled": {"in_enc_policy": int(_POLICY.pe_disabled),
                 "out_enc_policy": int(_POLICY.pe_disabled),
                 "allowed_enc_level": int(_LEVEL.pe_plaintext), "prefer_rc4": False},
}


class BareSeeder:
    """A libtorrent session seeding one torrent with the given encryption settings."""

    def __init__(self, torrent: bytes, folder: Path, encryption: dict[str, Any]) -> None:
        self.ip = next_loopback()
        self.port = free_port(self.ip)
        self.session = lt.session({
            "listen_interfaces": f"{self.ip}:{self.port}", "outgoing_interfaces": self.ip,
            "enable_dht": False, "enable_lsd": False, "enable_upnp": False,
            "enable_natpmp": False, "enable_outgoing_utp": False, **encryption})
        atp = lt.add_torrent_params()
        atp.ti = lt.torrent_info(lt.bdecode(torrent))
        atp.save_path = str(folder)
        self.handle = self.session.add_torrent(atp)
        self.payload: set[str] = set()  # "rc4" / "plain" seen on connected peers

    @property
    def endpoint(self) -> tuple[str, int]:
        return self.ip, self.port

    def seeding(self) -> bool:
        return bool(self.handle.status().is_seeding)

    def watch(self) -> None:
        """Note how each peer past its handshake carries the payload."""
        for peer in self.handle.get_peer_info():
            if peer.flags & (lt.peer_info.handshake | lt.peer_info.connecting):
                continue
            self.payload.add("rc4" if peer.flags & lt.peer_info.rc4_encrypted else "plain")


@pytest.fixture
def bare_seeders() -> Iterator[list[BareSeeder]]:
    made: list[BareSeeder] = []
    yield made
    for seeder in made:
        seeder.session.pause()
    made.clear()


def test_dial_flags_plain_first_only_for_prefer_plain() -> None:
    assert not dial_flags(Encryption.PREFER_PLAIN) & PEX_ENCRYPTION
    for mode in (Encryption.PREFER, Encryption.REQUIRE, Encryption.DISABLE):
        assert dial_flags(mode) & PEX_ENCRYPTION


@pytest.mark.parametrize("peer", list(PEERS))
@pytest.mark.parametrize("how", ["add", "add_peers"])
async def test_default_reaches_each_peer_and_keeps_the_payload_plain_where_allowed(
        tmp_path: Path, make_node: NodeFactory, bare_seeders: list[BareSeeder],
        peer: str, how: str) -> None:
    content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 4 * 1024 * 1024})
    seeder = BareSeeder(torrent, content.parent, PEERS[peer])
    bare_seeders.append(seeder)
    # slow enough that the connection can be looked at mid-transfer
    seeder.handle.set_upload_limit(1_500_000)
    await wait_until(seeder.seeding, what="the bare seeder to check its data")
    leecher = await make_node()  # the default: prefer plain
    params = AddParams(save_path=str(tmp_path / "down"), torrent_data=torrent,
                       peers=(seeder.endpoint,) if how == "add" else ())
    tid = await leecher.engine.add(params)
    if how == "add_peers":
        await leecher.engine.add_peers(tid, [seeder.endpoint])
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 40
    while not leecher.of(TorrentFinished):
        assert loop.time() < deadline, f"no download from the {peer} peer"
        seeder.watch()
        await asyncio.sleep(0.05)
    assert tree_digests(tmp_path / "down" / "content") == tree_digests(content)
    if peer == "qbittorrent-require":
        assert seeder.payload == {"rc4"}
    else:
        assert seeder.payload == {"plain"}


async def test_prefer_mode_still_opens_encrypted(tmp_path: Path, make_node: NodeFactory,
                                                 bare_seeders: list[BareSeeder]) -> None:
    """"Prefer encryption" keeps RC4 for a peer that allows it."""
    from tests.engine.conftest import loopback_settings

    content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 4 * 1024 * 1024})
    seeder = BareSeeder(torrent, content.parent, PEERS["qbittorrent-allow"])
    bare_seeders.append(seeder)
    seeder.handle.set_upload_limit(1_500_000)
    await wait_until(seeder.seeding, what="the bare seeder to check its data")
    leecher = await make_node(settings=loopback_settings(encryption=Encryption.PREFER))
    await leecher.engine.add(AddParams(save_path=str(tmp_path / "down"), torrent_data=torrent,
                                       peers=(seeder.endpoint,)))
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 40
    while not leecher.of(TorrentFinished):
        assert loop.time() < deadline, "no download"
        seeder.watch()
        await asyncio.sleep(0.05)
    assert seeder.payload == {"rc4"}
