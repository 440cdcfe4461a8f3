"""A provider that serves corrupt pieces is not paid for them.

A real libtorrent seeder serves a file whose every other piece was overwritten on disk
after its hash check (so it believes it has them and sends them). A real requester
(the product's engine and Speed service) downloads it over loopback, each on its own
127.x address, while it holds an award from that seeder's Speed identity, and bills as
the service does. libtorrent rejects the first corrupt piece and bans the seeder; what
the requester records in its ledger (what it pays) must not exceed the bytes of the
pieces that passed the hash check. Before the fix it billed every byte that arrived.

(libtorrent 2.1's ``seed_mode`` checks each piece the first time it is asked for, and
then refuses to serve a corrupt one; so the seeder checks its file first and the file
is damaged afterwards.)
"""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import libtorrent as lt
import pytest

from btt_desktop.engine import Engine, create_torrent
from btt_desktop.engine.session_settings import encryption_settings
from btt_desktop.engine.types import AddParams, EngineSettings
from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.speed.ledger import MIB
from btt_desktop.speed.messages import Award
from btt_desktop.speed.server import SpeedServer
from btt_desktop.speed.service import SpeedService
from tests.engine.conftest import loopback_settings
from tests.speed.speed_endpoint import RecordingHandler, wait_for
from tests.speed.speed_keys import DOMAIN, NET, VAULT_CONTRACT, signer

pytestmark = pytest.mark.timeout(60)

PIECE = 1024 * 1024
PIECES = 8
CORRUPT = range(1, PIECES, 2)
RATE = 10**18  # per MiB: the price does not matter, the bytes do


def _seeder(ip: str, port: int) -> Any:
    return lt.session({
        "listen_interfaces": f"{ip}:{port}", "outgoing_interfaces": ip,
        "enable_dht": False, "enable_lsd": False, "enable_upnp": False,
        "enable_natpmp": False, "alert_mask": 0,
        # as the engine's default: plain text wherever the peer allows
        **encryption_settings(EngineSettings().encryption)})


def _seed(session: Any, torrent: bytes, save_path: Path) -> Any:
    """Add, let libtorrent check the good file, then damage every other piece."""
    params = lt.add_torrent_params()
    params.ti = lt.torrent_info(lt.bdecode(torrent))
    params.save_path = str(save_path)
    handle = session.add_torrent(params)
    deadline = time.monotonic() + 20
    while not handle.status().is_seeding:
        assert time.monotonic() < deadline, "the seeder did not check its file"
        time.sleep(0.05)
    handle.set_upload_limit(400_000)  # many polls per piece
    with open(save_path / "set.bin", "r+b") as f:
        for piece in CORRUPT:
            f.seek(piece * PIECE + 1000)
            f.write(os.urandom(4096))
    return handle


async def test_bytes_of_failed_pieces_are_not_billed(tmp_path: Path) -> None:
    data = tmp_path / "seed"
    data.mkdir()
    (data / "set.bin").write_bytes(os.urandom(PIECE * PIECES))
    await create_torrent(data / "set.bin", tmp_path / "set.torrent", piece_size=PIECE)
    torrent = (tmp_path / "set.torrent").read_bytes()

    seed_settings = loopback_settings()
    seed_ip, seed_port = seed_settings.listen_interface, seed_settings.listen_port
    seeder = await asyncio.to_thread(_seeder, seed_ip, seed_port)
    await asyncio.to_thread(_seed, seeder, torrent, data)

    settings = loopback_settings()
    bus = EventBus()
    profile = Profile.open(tmp_path / "buyer")
    engine = Engine(profile, bus, settings, status_interval=0.2)
    await engine.start()
    await engine.wait_listening()
    buyer, provider = signer(61), signer(62)
    link: Any = SimpleNamespace(vault=None, net=NET, domain=DOMAIN)
    service = SpeedService(engine, bus, profile, signer=buyer, link=link)
    requester = service.requester
    server = SpeedServer(buyer, NET, settings.listen_port, requester,
                         bind_host=settings.listen_interface, vault_contract=VAULT_CONTRACT)
    await server.start(settings.listen_interface, 0)
    # the seeder's Speed identity, on the seeder's address, awarding the requester a slot
    rogue = SpeedServer(provider, NET, seed_port, RecordingHandler(), bind_host=seed_ip,
                        vault_contract=VAULT_CONTRACT)
    try:
        tid = await engine.add(AddParams(save_path=str(tmp_path / "down"),
                                         torrent_data=torrent,
                                         peers=((seed_ip, seed_port),)))
        ih = bytes.fromhex(tid)
        service._map(tid, ih)
        await requester.set_bid(ih, RATE)
        conn = await rogue.connect(settings.listen_interface, server.port)
        await conn.send(Award(ih=ih, price=RATE, until=2**40, credit=1024 * MIB))
        await wait_for(lambda: requester.status.get((provider.address, ih)) is not None
                       and requester.status[(provider.address, ih)].awarded)

        # bill as the service does, often, until libtorrent has dropped the seeder
        received = 0
        deadline = time.monotonic() + 25
        while time.monotonic() < deadline:
            await service.refresh_counters(ih)
            await requester.tick()
            received = service._tally.downloaded(tid, seed_ip)
            if received and not await engine.peers(tid):
                break
            await asyncio.sleep(0.05)
        await service.refresh_counters(ih)
        await requester.settle()

        details = await engine.details(tid)
        valid = details.pieces_have * PIECE
        billed = requester.ledger.get(requester.ledger.key(provider.address)).bytes
        print(f"received {received} bytes from the seeder, {valid} in pieces that passed, "
              f"billed {billed}")
        assert not await engine.peers(tid), "libtorrent kept the corrupt seeder"
        assert details.pieces_have < PIECES
        assert received > valid, "no corrupt bytes arrived: nothing was tested"
        assert billed <= valid, f"billed {billed - valid} bytes of failed pieces"
    finally:
        await rogue.close()
        await server.close()
        await engine.close()
        await asyncio.to_thread(seeder.pause)
        del seeder

