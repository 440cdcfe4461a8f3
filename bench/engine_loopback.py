"""Loopback throughput of the engine under different settings.

Two engines (seeder and leecher) on their own 127.x addresses move one torrent; each
setting is reported in MB/s and as a ratio to the engine's defaults, measured in the same
run (this machine is shared: compare ratios, not absolute figures).

    /tmp/venv/bin/python bench/engine_loopback.py [--size-mb 200] [--repeat 2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from btt_desktop.engine import Engine, create_torrent
from btt_desktop.engine.types import AddParams, DiskIO, Encryption, EngineSettings
from btt_desktop.events import EventBus, TorrentFinished, TorrentsUpdated
from btt_desktop.profile import Profile

NO_UTP = {"enable_outgoing_utp": False, "enable_incoming_utp": False}
NO_TCP = {"enable_outgoing_tcp": False, "enable_incoming_tcp": False,
          "enable_outgoing_utp": True}
OS_BUFFERS = {"send_socket_buffer_size": 0, "recv_socket_buffer_size": 0}

CASES: list[tuple[str, dict[str, Any]]] = [
    ("defaults (reference)", {}),
    ("TCP only", {"extra": NO_UTP}),
    ("TCP and uTP, dialling out over uTP (libtorrent's choice)",
     {"extra": {"enable_outgoing_utp": True}}),
    ("uTP only", {"extra": NO_TCP}),
    ("uTP only, OS socket buffers", {"extra": {**NO_TCP, **OS_BUFFERS}}),
    ("TCP only, OS socket buffers", {"extra": {**NO_UTP, **OS_BUFFERS}}),
    ("TCP only, no encryption at all", {"extra": NO_UTP, "encryption": Encryption.DISABLE}),
    ("TCP only, RC4 preferred", {"extra": NO_UTP, "encryption": Encryption.PREFER}),
    ("TCP only, RC4 required", {"extra": NO_UTP, "encryption": Encryption.REQUIRE}),
    ("TCP only, disk I/O mmap", {"extra": NO_UTP, "disk_io": DiskIO.MMAP}),
    ("TCP only, disk I/O pread", {"extra": NO_UTP, "disk_io": DiskIO.PREAD}),
    ("TCP only, disk I/O default", {"extra": NO_UTP, "disk_io": DiskIO.DEFAULT}),
]

_next = iter(range(2, 250))


def loopback() -> EngineSettings:
    ip = f"127.0.201.{next(_next)}"
    with socket.socket() as s:
        s.bind((ip, 0))
        port = s.getsockname()[1]
    return EngineSettings(listen_interface=ip, listen_port=port, outgoing_interface=ip,
                          dht=False, lsd=False, upnp=False, natpmp=False)


async def one_run(work: Path, torrent: bytes, content_parent: Path, size: int,
                  overrides: dict[str, Any], limit: float) -> float:
    seed_settings = replace(loopback(), **overrides)
    leech_settings = replace(loopback(), **overrides)
    shutil.rmtree(work / "down", ignore_errors=True)
    shutil.rmtree(work / "profiles", ignore_errors=True)
    seed_bus = EventBus()
    seeding = asyncio.Event()
    seed_bus.subscribe(TorrentsUpdated, lambda e: any(s.progress == 1.0 for s in e.snapshots)
                       and seeding.set())
    seeder = Engine(Profile.open(work / "profiles" / "s"), seed_bus, seed_settings,
                    status_interval=0.1)
    bus = EventBus()
    done = asyncio.Event()
    bus.subscribe(TorrentFinished, lambda _: done.set())
    leecher = Engine(Profile.open(work / "profiles" / "l"), bus, leech_settings,
                     status_interval=0.2)
    await seeder.start()
    await leecher.start()
    try:
        await seeder.add(AddParams(save_path=str(content_parent), torrent_data=torrent))
        await asyncio.wait_for(seeding.wait(), 120)
        started = time.monotonic()
        tid = await leecher.add(AddParams(
            save_path=str(work / "down"), torrent_data=torrent,
            peers=((seed_settings.listen_interface, seed_settings.listen_port),)))
        try:
            await asyncio.wait_for(done.wait(), limit)
            got = size
        except TimeoutError:
            details = await leecher.details(tid)
            got = details.pieces_have * (size // max(1, details.num_pieces))
        return got / (time.monotonic() - started) / 1e6
    finally:
        await leecher.close()
        await seeder.close()


def write_random(path: Path, size: int) -> None:
    with open(path, "wb") as f:
        for _ in range(size // 1_000_000):
            f.write(os.urandom(1_000_000))


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--limit", type=float, default=20.0, help="seconds per run at most")
    args = parser.parse_args()
    size = args.size_mb * 1_000_000
    work = Path(tempfile.mkdtemp(prefix="btt-bench-"))
    try:
        content = work / "seed" / "payload"
        content.mkdir(parents=True)
        write_random(content / "data.bin", size)
        await create_torrent(content, work / "t.torrent", piece_size=1 << 20)
        torrent = (work / "t.torrent").read_bytes()
        best = {name: 0.0 for name, _ in CASES}
        for round_ in range(args.repeat):  # rounds over all cases: load spikes hit all alike
            for name, overrides in CASES:
                rate = await one_run(work, torrent, work / "seed", size, overrides, args.limit)
                best[name] = max(best[name], rate)
                print(f"  round {round_ + 1}, {name}: {rate:.0f} MB/s", file=sys.stderr,
                      flush=True)
        results = [(name, best[name]) for name, _ in CASES]
        reference = results[0][1] or 1.0
        print(f"| setting ({args.size_mb} MB, best of {args.repeat}) | MB/s | vs defaults |")
        print("|---|---:|---:|")
        for name, rate in results:
            print(f"| {name} | {rate:.0f} | {rate / reference:.2f} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
