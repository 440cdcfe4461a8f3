"""Speed end to end, as a user runs it: real ``btt`` processes and a devnet.

A seeder with a capped upload sells Speed slots (``btt seed --speed``); one leecher bids
(``btt download --speed``), another does not. While both download, the bidder gets at
least twice the other's rate; the seeder's earnings are the bytes it sold x the
clearing price (its reserve: there is one bidder) within one increment; cashing them
raises its on-chain BTT balance by exactly what it earned.
"""

from __future__ import annotations

import asyncio
import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from btt_desktop.engine import create_torrent
from tests.conftest import free_port, next_loopback
from tests.devnet_process import devnet_process, faucet

pytestmark = pytest.mark.timeout(150)

BTT = 10**18
MIB = 1024 * 1024
SIZE = 24 * MIB
UPLOAD_CAP = 2_000_000  # bytes/s at the seeder
RESERVE_PER_GIB = 512  # BTT: 0.5 BTT per MiB, the clearing price with a single bidder
PRICE_PER_MIB = RESERVE_PER_GIB * BTT // 1024
PASSWORD = "speed-e2e-password"
SEEDER_KEY = "11" * 32
BIDDER_KEY = "22" * 32
BTT_CMD = [sys.executable, "-m", "btt_desktop.cli"]
PROGRESS = re.compile(r"^progress ([0-9.]+)%")


def btt(*args: str, stdin: str = "", timeout: float = 60) -> str:
    """Run one ``btt`` command to completion; its stdout (AssertionError on failure)."""
    done = subprocess.run([*BTT_CMD, *args], input=stdin, capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"btt {' '.join(args)} failed: {done.stderr.strip()}"
    return done.stdout


class Running:
    """A long-running ``btt`` process whose stdout lines are collected with timestamps."""

    def __init__(self, args: list[str], stdin: str = "") -> None:
        self.proc = subprocess.Popen([*BTT_CMD, *args], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self.proc.stdin is not None
        self.proc.stdin.write(stdin)
        self.proc.stdin.close()
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.seen: list[tuple[float, str]] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put((time.monotonic(), line.strip()))

    def drain(self) -> list[tuple[float, str]]:
        while True:
            try:
                self.seen.append(self.lines.get_nowait())
            except queue.Empty:
                return self.seen

    def wait_line(self, prefix: str, within: float) -> str:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            for _, line in self.drain():
                if line.startswith(prefix):
                    return line
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        stderr = self.proc.stderr.read() if self.proc.poll() is not None and self.proc.stderr \
            else ""
        raise AssertionError(f"no {prefix!r} line; stderr: {stderr.strip()}")

    def progress(self) -> list[tuple[float, float]]:
        """(time, percent) of every progress line so far."""
        out = []
        for stamp, line in self.drain():
            match = PROGRESS.match(line)
            if match:
                out.append((stamp, float(match.group(1))))
        return out

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def _at(series: list[tuple[float, float]], when: float) -> float:
    """The last percent reported at or before ``when`` (0 before the first)."""
    value = 0.0
    for stamp, percent in series:
        if stamp > when:
            break
        value = percent
    return value


def _base_units(text: str) -> int:
    return int(Decimal(text) * BTT)


@pytest.fixture
def devnet(tmp_path: Path) -> Iterator[str]:
    with devnet_process(tmp_path / "devnet") as url:
        yield url


def test_bidder_is_served_first_and_the_seeder_is_paid_for_what_it_sold(
        tmp_path: Path, devnet: str) -> None:
    url = devnet
    net = ["--network", "devnet", "--node", url]
    seeder_dir, bidder_dir, plain_dir = (str(tmp_path / n) for n in ("seeder", "bidder", "plain"))
    for profile, key in ((seeder_dir, SEEDER_KEY), (bidder_dir, BIDDER_KEY)):
        address = btt("wallet", "restore", "--private-key-stdin", "--password-stdin",
                      "--profile", profile, *net, stdin=f"{PASSWORD}\n{key}\n").strip()
        faucet(url, address, trx=1000, btt=1000 if profile == bidder_dir else 0)
    deposited = btt("vault", "deposit", "100", "--yes", "--password-stdin", "--profile",
                    bidder_dir, *net, stdin=f"{PASSWORD}\n")
    assert deposited.startswith("vault balance 100 BTT (fee "), deposited

    data = tmp_path / "data"
    data.mkdir()
    (data / "film.bin").write_bytes(os.urandom(SIZE))
    torrent = tmp_path / "film.torrent"
    # private: the two leechers only meet the seeder (no PEX), so what each gets is
    # what the seeder gave it
    asyncio.run(create_torrent(str(data / "film.bin"), str(torrent), piece_size=65536,
                               private=True))
    seeder_ip = next_loopback()
    seeder_listen = f"{seeder_ip}:{free_port(seeder_ip)}"
    processes: list[Running] = []
    try:
        seeder = Running(["seed", str(torrent), "--data", str(data), "--listen", seeder_listen,
                          "--no-discovery", "--upload-limit", str(UPLOAD_CAP), "--speed",
                          "--reserve-price-per-gib", str(RESERVE_PER_GIB), "--speed-round", "2",
                          "--password-stdin", "--profile", seeder_dir, *net],
                         stdin=f"{PASSWORD}\n")
        processes.append(seeder)
        seeder.wait_line("listening on", 30)

        def leecher(profile: str, speed: list[str], stdin: str = "") -> Running:
            ip = next_loopback()
            proc = Running(["download", str(torrent), "--to", str(tmp_path / f"{ip}-down"),
                            "--listen", f"{ip}:{free_port(ip)}", "--no-discovery",
                            "--peer", seeder_listen, "--exit-when-done", "--profile", profile,
                            *speed], stdin=stdin)
            processes.append(proc)
            return proc

        bidder = leecher(bidder_dir, ["--speed", "--max-price-per-gib", "1024",
                                      "--password-stdin", *net], stdin=f"{PASSWORD}\n")
        bidder.wait_line("speed on port", 30)  # unlocked; it adds the torrent right away
        plain = leecher(plain_dir, [])

        deadline = time.monotonic() + 60
        while bidder.proc.poll() is None:
            assert time.monotonic() < deadline, "the bidder did not finish in time"
            time.sleep(0.2)
        assert bidder.proc.returncode == 0, bidder.proc.stderr.read() if bidder.proc.stderr \
            else ""
        b, p = bidder.progress(), plain.progress()
        finished = next(stamp for stamp, percent in b if percent >= 100.0)
        # the window in which both were downloading: from the plain leecher's first byte
        start = next(stamp for stamp, percent in p if percent > 0)
        b_rate = (100.0 - _at(b, start)) / (finished - start)
        p_rate = (_at(p, finished) - _at(p, start)) / (finished - start)
        assert p_rate > 0, "a client without Speed must still be served"
        assert b_rate >= 2 * p_rate, (b_rate, p_rate)
        assert _at(p, finished) <= 50.0, _at(p, finished)
        plain.stop()

        # the bidder paid its last bytes as it left; the seeder holds that cheque
        def earnings() -> dict[str, object]:
            doc: dict[str, object] = json.loads(btt("speed", "earnings", "--json",
                                                    "--profile", seeder_dir, *net))
            return doc

        deadline = time.monotonic() + 20
        while True:
            doc = earnings()
            sold = int(str(doc["bytes_sold"]))
            earned = _base_units(str(doc["earned"]))
            expected = sold * PRICE_PER_MIB // MIB
            if abs(earned - expected) <= PRICE_PER_MIB or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert sold >= SIZE // 2, sold  # most of the file was sold, not given away
        assert abs(earned - expected) <= PRICE_PER_MIB, (earned, expected)
        assert _base_units(str(doc["cashed"])) == 0

        def balance() -> int:
            doc = json.loads(btt("wallet", "balance", "--json", "--profile", seeder_dir, *net))
            return int(doc["btt_base_units"])

        before = balance()
        cashed = json.loads(btt("speed", "cash", "--json", "--yes", "--password-stdin",
                                "--profile", seeder_dir, *net, stdin=f"{PASSWORD}\n"))
        assert _base_units(cashed["cashed"]) == earned
        assert len(cashed["transactions"]) == 1 and Decimal(cashed["fee_trx"]) > 0
        assert cashed["refused"] == {} and cashed["error"] is None
        assert cashed["result"] == "cashed"
        assert balance() - before == earned
        after = earnings()
        assert _base_units(str(after["cashed"])) == earned
        assert _base_units(str(after["pending"])) == 0
    finally:
        for proc in processes:
            proc.stop()
