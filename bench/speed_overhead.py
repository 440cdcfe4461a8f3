"""What Speed costs a download with no rate cap: Speed-on against Speed-off, same script.

    python bench/speed_overhead.py [--size-mib 512] [--runs 3]

One seeder and one leecher, each its own libtorrent session on a loopback address, and a
devnet for the vault. A Speed-off run is two plain engines; a Speed-on run gives both a
SpeedService (the seeder sells with a reserve price, the leecher bids from a funded vault
and pays cheques as the bytes arrive, its connection re-made into the winners' class).
Runs alternate off/on; the figure is the ratio of the median throughputs (on / off).
Prints one JSON document and writes it to bench/out/.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tronpy.keys import PrivateKey  # noqa: E402

from bench.harness import endpoint, load, machine  # noqa: E402
from btt_desktop.engine import Engine, create_torrent  # noqa: E402
from btt_desktop.engine.types import AddParams, EngineSettings, TorrentState  # noqa: E402
from btt_desktop.events import (  # noqa: E402
    EventBus,
    SpeedChequeAccepted,
    SpeedStandingChanged,
)
from btt_desktop.profile import Profile  # noqa: E402
from btt_desktop.speed.chainlink import open_vault  # noqa: E402
from btt_desktop.speed.service import SpeedService  # noqa: E402
from btt_desktop.speed.settings import BTT, SpeedSettings  # noqa: E402
from btt_desktop.wallet.networks import network  # noqa: E402
from tests.devnet_process import devnet_process, faucet  # noqa: E402
from tests.speed.speed_keys import KeySigner  # noqa: E402

OUT = REPO / "bench" / "out"
SELLER = PrivateKey(bytes([51]) * 32)
BUYER = PrivateKey(bytes([52]) * 32)


def _settings() -> EngineSettings:
    ip, port = endpoint()
    return EngineSettings(listen_interface=ip, listen_port=port, outgoing_interface=ip,
                          dht=False, lsd=False, upnp=False, natpmp=False)


async def _engine(root: Path, bus: EventBus) -> Engine:
    engine = Engine(Profile.open(root), bus, _settings(), status_interval=0.1)
    await engine.start()
    await engine.wait_listening()
    return engine


def _payload(path: Path, size_mib: int) -> None:
    with open(path, "wb") as f:
        for _ in range(size_mib):
            f.write(os.urandom(1024 * 1024))


async def _poll(condition: Callable[[], bool], within: float = 300.0) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the transfer did not finish")
        await asyncio.sleep(0.02)


async def one_run(work: Path, torrent: Path, data: Path, url: str | None,
                  size: int) -> dict[str, Any]:
    """Seed and download once; with ``url``, both sides run Speed on that devnet."""
    run_dir = Path(tempfile.mkdtemp(dir=work))
    seed_bus, leech_bus = EventBus(), EventBus()
    cheques: list[int] = []
    awards: list[SpeedStandingChanged] = []
    seed_bus.subscribe(SpeedChequeAccepted, lambda e: cheques.append(e.cum))
    leech_bus.subscribe(SpeedStandingChanged, lambda e: awards.append(e) if e.awarded else None)
    seeder = await _engine(run_dir / "seeder", seed_bus)
    leecher = await _engine(run_dir / "leecher", leech_bus)
    services: list[SpeedService] = []
    links = []
    try:
        if url is not None:
            for engine, bus, key, settings in (
                    (seeder, seed_bus, SELLER, SpeedSettings(
                        earn=True, auto_bid=False, reserve_price_per_gib=1 * BTT,
                        round_seconds=1.0, cash_threshold=0)),
                    (leecher, leech_bus, BUYER, SpeedSettings(
                        earn=False, max_price_per_gib=2 * BTT))):
                link = await open_vault(network("devnet", node_url=url))
                links.append(link)
                service = SpeedService(engine, bus, Profile.open(run_dir / key.hex()[:8]),
                                       signer=KeySigner(key), link=link, settings=settings)
                await service.start()
                services.append(service)
        sid = await seeder.add(AddParams(save_path=str(data), torrent_path=str(torrent)))
        await _poll(lambda: (s := seeder.snapshot(sid)) is not None
                    and s.state == TorrentState.SEEDING)
        listen = seeder.settings.listen_interface, seeder.settings.listen_port
        t0 = time.monotonic()
        tid = await leecher.add(AddParams(save_path=str(run_dir / "down"),
                                          torrent_path=str(torrent), peers=(listen,)))
        await _poll(lambda: (s := leecher.snapshot(tid)) is not None and s.total_done >= size)
        elapsed = time.monotonic() - t0
        return {"speed": url is not None, "seconds": round(elapsed, 3),
                "mb_per_s": round(size / elapsed / 1e6, 1), "awards": len(awards),
                "cheques": len(cheques), "paid_btt": str(max(cheques, default=0) / BTT)}
    finally:
        for service in services:
            await service.close()
        await leecher.close()
        await seeder.close()
        for link in links:
            await link.close()
        shutil.rmtree(run_dir, ignore_errors=True)


async def main_async(size_mib: int, runs: int) -> dict[str, Any]:
    size = size_mib * 1024 * 1024
    work = Path(tempfile.mkdtemp(prefix="speed-overhead-"))
    try:
        data = work / "data"
        data.mkdir()
        await asyncio.to_thread(_payload, data / "payload.bin", size_mib)
        torrent = work / "payload.torrent"
        await create_torrent(str(data / "payload.bin"), str(torrent), private=True)
        with devnet_process(work / "devnet") as url:
            faucet(url, SELLER.public_key.to_base58check_address(), trx=1000)
            faucet(url, BUYER.public_key.to_base58check_address(), trx=1000, btt=100_000)
            link = await open_vault(network("devnet", node_url=url))
            await link.vault.deposit(KeySigner(BUYER), 10_000 * BTT)
            await link.close()
            results = []
            for _ in range(runs):
                results.append(await one_run(work, torrent, data, None, size))
                results.append(await one_run(work, torrent, data, url, size))
        off = statistics.median(r["mb_per_s"] for r in results if not r["speed"])
        on = statistics.median(r["mb_per_s"] for r in results if r["speed"])
        return {"bench": "speed_overhead", "size_mib": size_mib, "runs": results,
                "median_mb_per_s_off": off, "median_mb_per_s_on": on,
                "ratio_on_off": round(on / off, 3), "load": load(), "machine": machine()}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mib", type=int, default=512)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    result = asyncio.run(main_async(args.size_mib, args.runs))
    OUT.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (OUT / f"speed-overhead-{stamp}.json").write_text(json.dumps(result, indent=1))
    print(json.dumps({k: v for k, v in result.items() if k != "machine"}, indent=1))


if __name__ == "__main__":
    main()
