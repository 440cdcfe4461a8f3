"""Many seeders, many bidders: real ``btt`` processes and a devnet.

Two seeders (``btt seed --speed``, two Speed slots each, a reserve of 0.5 BTT per MiB)
and three bidders (``btt download --speed``) whose maximum prices are 3, 2 and 1 BTT per
MiB. At each seeder the two highest win and pay one clearing price, the third one's bid,
while all three bid; nobody ever pays above its own bid; the lowest bidder only buys once a
higher one has left, at the reserve; and every seeder's earnings from each vault equal
what that bidder's ledger says it paid the seeder.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from decimal import Decimal
from pathlib import Path

import pytest

from btt_desktop.engine import create_torrent
from tests.conftest import free_port, next_loopback
from tests.devnet_process import devnet_process, faucet
from tests.speed.test_speed_e2e import Running, btt

pytestmark = pytest.mark.timeout(240)

BTT = 10**18
MIB = 1024 * 1024
SIZE = 16 * MIB
PASSWORD = "speed-market-e2e"
RESERVE_PER_GIB = 512                # BTT: 0.5 BTT per MiB
PRICES_PER_GIB = (3072, 2048, 1024)  # BTT: 3, 2 and 1 BTT per MiB
RESERVE = RESERVE_PER_GIB * BTT // 1024
RATES = tuple(p * BTT // 1024 for p in PRICES_PER_GIB)


def _units(text: object) -> int:
    return int(Decimal(str(text)) * BTT)


def test_two_seeders_sell_to_the_two_highest_of_three_bidders(tmp_path: Path) -> None:
    with devnet_process(tmp_path / "devnet") as url:
        net = ["--network", "devnet", "--node", url]
        seeders = [str(tmp_path / f"seeder{i}") for i in (1, 2)]
        bidders = [str(tmp_path / f"bidder{i}") for i in (1, 2, 3)]
        address: dict[str, str] = {}
        for n, profile in enumerate(seeders + bidders):
            address[profile] = btt("wallet", "restore", "--private-key-stdin",
                                   "--password-stdin", "--profile", profile, *net,
                                   stdin=f"{PASSWORD}\n{n + 0x31:064x}\n").strip()
            faucet(url, address[profile], trx=2000, btt=0 if profile in seeders else 2000)
        for profile in bidders:
            btt("vault", "deposit", "1000", "--yes", "--password-stdin", "--profile", profile,
                *net, stdin=f"{PASSWORD}\n")

        data = tmp_path / "data"
        data.mkdir()
        (data / "set.bin").write_bytes(os.urandom(SIZE))
        torrent = tmp_path / "set.torrent"
        asyncio.run(create_torrent(str(data / "set.bin"), str(torrent), piece_size=65536,
                                   private=True))
        endpoints = {p: f"{ip}:{free_port(ip)}" for p in seeders + bidders
                     for ip in [next_loopback()]}
        processes: list[Running] = []
        try:
            for profile in seeders:
                proc = Running(["seed", str(torrent), "--data", str(data), "--listen",
                                endpoints[profile], "--no-discovery", "--upload-limit",
                                "1000000", "--speed", "--speed-slots", "2", "--speed-round",
                                "1", "--reserve-price-per-gib", str(RESERVE_PER_GIB),
                                "--password-stdin", "--profile", profile, *net],
                               stdin=f"{PASSWORD}\n")
                processes.append(proc)
                proc.wait_line("listening on", 30)
            running = []
            for profile, price in zip(bidders, PRICES_PER_GIB, strict=True):
                peers = [a for p in seeders + bidders if p != profile
                         for a in ("--peer", endpoints[p])]
                proc = Running(["download", str(torrent), "--to", profile + "-down",
                                "--listen", endpoints[profile], "--no-discovery",
                                "--upload-limit", "100000", "--exit-when-done", "--speed",
                                "--max-price-per-gib", str(price), "--password-stdin",
                                "--profile", profile, *peers, *net], stdin=f"{PASSWORD}\n")
                processes.append(proc)
                running.append(proc)
            deadline = time.monotonic() + 180
            while any(p.proc.poll() is None for p in running):
                assert time.monotonic() < deadline, "the bidders did not finish in time"
                time.sleep(0.5)
            assert all(p.proc.returncode == 0 for p in running)

            def bought(profile: str) -> dict[str, dict[str, object]]:
                doc = json.loads(btt("speed", "status", "--json", "--profile", profile, *net))
                return {p["address"]: p for p in doc["providers"]}

            def sold(profile: str) -> dict[str, dict[str, object]]:
                doc = json.loads(btt("speed", "earnings", "--json", "--profile", profile,
                                     *net))
                return {p["vault"]: p for p in doc["peers"]}

            # each bidder paid its last bytes as it left; the seeders hold those cheques
            deadline = time.monotonic() + 20
            while True:
                sales = {s: sold(s) for s in seeders}
                purchases = {b: bought(b) for b in bidders}
                agree = all(
                    _units(sales[s].get(address[b], {}).get("earned", "0"))
                    == _units(purchases[b].get(address[s], {}).get("paid", "0"))
                    for s in seeders for b in bidders)
                if agree or time.monotonic() > deadline:
                    break
                time.sleep(0.5)
            for s in seeders:
                for b in bidders:
                    earned = _units(sales[s].get(address[b], {}).get("earned", "0"))
                    paid = _units(purchases[b].get(address[s], {}).get("paid", "0"))
                    assert earned == paid, (s, b, earned, paid)
            top, middle, low = bidders
            for s in seeders:
                for b, own_rate in zip(bidders, RATES, strict=True):
                    record = sales[s].get(address[b])
                    if record is None or not int(str(record["bytes"])):
                        continue
                    price = _units(record["value"]) * MIB // int(str(record["bytes"]))
                    assert price <= own_rate, (s, b, price)  # never above its own bid
                    assert price >= RESERVE - 1, (s, b, price)
                # the two highest bought at the third one's bid (the clearing price) while
                # all three bid, and at most that
                for b in (top, middle):
                    record = sales[s][address[b]]
                    price = _units(record["value"]) * MIB // int(str(record["bytes"]))
                    assert price <= RATES[2], (s, b, price)
                assert any(
                    _units(sales[s][address[b]]["value"]) * MIB
                    // int(str(sales[s][address[b]]["bytes"])) > RESERVE for b in (top, middle)
                ), f"{s} never sold at the third bid"
                # the lowest bidder only ever won after a higher one had left: the reserve
                low_record = sales[s].get(address[low])
                if low_record is not None and int(str(low_record["bytes"])):
                    assert _units(low_record["value"]) * MIB // int(str(
                        low_record["bytes"])) <= RESERVE + 1, (s, low_record)
        finally:
            for proc in processes:
                proc.stop()
