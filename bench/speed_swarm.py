"""Speed in a swarm: do bidders finish sooner, and are seeders paid?

Seeders (``btt seed --speed``, their upload capped), bidders (``btt download --speed``,
their upload capped like home lines, each with its own maximum price) and free leechers
(plain libtorrent, bench/swarm_peer.py, upload capped the same way) on one torrent over
loopback, every peer on its own 127.x address, with a devnet for the money. Each run
holds two cases, Speed off (the bidders download without --speed) and on, in alternating
order. For each case it prints every leecher's completion time, each seeder's upload
split between auction winners and everyone else (from the seeder's own per-peer byte
counters, ``--peer-stats``), and, with Speed on, each seeder's earnings and each bidder's
spending (``btt speed earnings/status --json``).

    python bench/speed_swarm.py                       # 1 seeder at 2 MB/s, 1 bidder, 3 free,
                                                      # leechers at 200 kB/s, 64 MiB
    python bench/speed_swarm.py --seeders 2 --bidders 3 --free 2 --slots 2 \\
        --max-prices 60000,40000,20000 --runs 2

The ratio reported is the bidders' median completion time without Speed over with it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.conftest import free_port, next_loopback  # noqa: E402
from tests.devnet_process import devnet_process, faucet  # noqa: E402

BTT = 10**18
MIB = 1024 * 1024
PASSWORD = "speed-swarm-bench"
BTT_CMD = [sys.executable, "-m", "btt_desktop.cli"]
PEER_CMD = [sys.executable, str(REPO / "bench" / "swarm_peer.py")]


def btt(*args: str, stdin: str = "", timeout: float = 120) -> str:
    done = subprocess.run([*BTT_CMD, *args], input=stdin, capture_output=True, text=True,
                          timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"btt {' '.join(args[:3])} failed: {done.stderr.strip()}")
    return done.stdout


class Proc:
    """A child whose stdout lines are kept with their time."""

    def __init__(self, cmd: list[str], stdin: str = "", log: Path | None = None) -> None:
        self.log = log or Path(tempfile.mktemp(suffix=".log"))
        with open(self.log, "w") as err:  # a file: a full stderr pipe would block the child
            self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=err, text=True)
        assert self.proc.stdin is not None
        if stdin:
            self.proc.stdin.write(stdin)
            self.proc.stdin.flush()
        self.lines: list[tuple[float, str]] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._lock:
                self.lines.append((time.monotonic(), line.rstrip("\n")))

    def first(self, prefix: str) -> tuple[float, str] | None:
        with self._lock:
            return next(((t, x) for t, x in self.lines if x.startswith(prefix)), None)

    def last(self, prefix: str) -> str | None:
        with self._lock:
            found = [x for _, x in self.lines if x.startswith(prefix)]
        return found[-1] if found else None

    def stderr(self) -> str:
        return self.log.read_text(errors="replace")[-800:]

    def stop(self, timeout: float = 30) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@dataclass
class Peer:
    name: str
    ip: str
    port: int
    kind: str  # seeder, bidder, free
    profile: Path
    max_price: int = 0  # BTT per GiB (bidders)
    proc: Proc | None = None
    started: float = 0.0
    finished: float | None = None

    @property
    def endpoint(self) -> str:
        return f"{self.ip}:{self.port}"


@dataclass
class Case:
    speed: bool
    peers: list[Peer]
    seconds: dict[str, float | None] = field(default_factory=dict)
    split: dict[str, dict[str, int]] = field(default_factory=dict)   # seeder -> kind -> bytes
    earned: dict[str, Decimal] = field(default_factory=dict)
    spent: dict[str, Decimal] = field(default_factory=dict)


def make_torrent(work: Path, size: int) -> tuple[Path, Path]:
    data = work / "data"
    data.mkdir()
    (data / "payload.bin").write_bytes(os.urandom(size))
    torrent = work / "payload.torrent"
    btt("create", str(data / "payload.bin"), "-o", str(torrent))
    return torrent, data


def wallet(url: str, profile: Path, key: str, *, trx: int, bt: int) -> str:
    net = ["--network", "devnet", "--node", url]
    address = btt("wallet", "restore", "--private-key-stdin", "--password-stdin",
                  "--profile", str(profile), *net, stdin=f"{PASSWORD}\n{key}\n").strip()
    faucet(url, address, trx=trx, btt=bt)
    return address


def run_case(args: argparse.Namespace, url: str, torrent: Path, data: Path, work: Path,
             speed: bool, index: int) -> Case:
    net = ["--network", "devnet", "--node", url]
    peers: list[Peer] = []
    prices = [int(p) for p in args.max_prices.split(",")] if args.max_prices else []
    for kind, count in (("seeder", args.seeders), ("bidder", args.bidders),
                        ("free", args.free)):
        for i in range(count):
            ip = next_loopback()
            peer = Peer(f"{kind}{i + 1}", ip, free_port(ip), kind,
                        work / f"case{index}-{kind}{i + 1}")
            if kind == "bidder":
                peer.max_price = prices[i] if i < len(prices) else args.max_price
            peers.append(peer)
    seeders = [p for p in peers if p.kind == "seeder"]
    leechers = [p for p in peers if p.kind != "seeder"]
    key_of = {p.name: f"{(index * 16 + n + 1):064x}" for n, p in enumerate(peers)}
    for p in peers:
        if p.kind == "free":
            continue
        if p.kind == "seeder" or speed:
            wallet(url, p.profile, key_of[p.name], trx=5000,
                   bt=args.deposit * 2 if p.kind == "bidder" else 0)
        if p.kind == "bidder" and speed:
            btt("vault", "deposit", str(args.deposit), "--yes", "--password-stdin",
                "--profile", str(p.profile), *net, stdin=PASSWORD + "\n")
    for s in seeders:
        cmd = [*BTT_CMD, "seed", str(torrent), "--data", str(data), "--listen", s.endpoint,
               "--profile", str(s.profile), "--no-discovery", "--peer-stats",
               "--upload-limit", str(args.seeder_upload)]
        if speed:
            cmd += ["--speed", "--password-stdin", *net, "--speed-slots", str(args.slots),
                    "--speed-round", str(args.round)]
            if args.reserve is not None:
                cmd += ["--reserve-price-per-gib", str(args.reserve)]
            if args.debug:
                cmd.append("--debug")
        s.proc = Proc(cmd, stdin=PASSWORD + "\n" if speed else "",
                      log=work / f"case{index}-{s.name}.log")
    for s in seeders:
        wait_for(lambda s=s: s.proc.first("listening on"), 60, f"{s.name} to listen", s)
    start = time.monotonic()
    for p in leechers:
        others = [q.endpoint for q in peers if q is not p]
        p.profile.mkdir(parents=True, exist_ok=True)
        target = p.profile / "download"
        if p.kind == "free":
            p.proc = Proc([*PEER_CMD, "--torrent", str(torrent), "--to", str(target),
                           "--listen", p.endpoint, "--upload-limit", str(args.leecher_upload),
                           *[arg for o in others for arg in ("--peer", o)]])
        else:
            cmd = [*BTT_CMD, "download", str(torrent), "--to", str(target),
                   "--listen", p.endpoint, "--profile", str(p.profile), "--no-discovery",
                   "--upload-limit", str(args.leecher_upload), "--exit-when-done",
                   "--peer-stats", *[arg for o in others for arg in ("--peer", o)]]
            if speed:
                cmd += ["--speed", "--password-stdin", *net,
                        "--max-price-per-gib", str(p.max_price),
                        "--max-spend-per-day", str(args.deposit)]
            p.proc = Proc(cmd, stdin=PASSWORD + "\n" if speed else "")
        p.started = start
    deadline = start + args.timeout
    while time.monotonic() < deadline and any(p.finished is None for p in leechers):
        for p in leechers:
            assert p.proc is not None
            if p.finished is not None:
                continue
            done = p.proc.first("done ") if p.kind == "free" else p.proc.first(
                "progress 100.0%")
            if done is not None:
                p.finished = done[0] - start
            elif p.kind != "free" and p.proc.proc.poll() not in (None, 0):
                raise RuntimeError(f"{p.name} exited: {p.proc.stderr()}")
        time.sleep(0.2)
    case = Case(speed, peers)
    for p in leechers:
        case.seconds[p.name] = p.finished
    bidder_ips = {p.ip for p in peers if p.kind == "bidder"}
    free_ips = {p.ip for p in peers if p.kind == "free"}
    time.sleep(1.5)  # a last peer-stats line at the seeders
    for p in leechers:
        if p.kind == "free":
            p.proc.proc.stdin.close()  # type: ignore[union-attr]
    for s in seeders:
        s.proc.stop()  # type: ignore[union-attr]
        line = s.proc.last("peers ")  # type: ignore[union-attr]
        totals: dict[str, list[int]] = json.loads(line[6:]) if line else {}
        case.split[s.name] = {
            "bidders": sum(u for ip, (_, u) in totals.items() if ip in bidder_ips),
            "free": sum(u for ip, (_, u) in totals.items() if ip in free_ips),
        }
        if speed:
            doc = json.loads(btt("speed", "earnings", "--json", "--profile", str(s.profile),
                                 *net))
            case.earned[s.name] = Decimal(doc["earned"])
    for p in peers:
        assert p.proc is not None
        (work / f"case{index}-{p.name}.out").write_text(
            "".join(f"{t - start:8.2f} {line}\n" for t, line in p.proc.lines))
    for p in leechers:
        p.proc.stop()  # type: ignore[union-attr]
        if speed and p.kind == "bidder":
            doc = json.loads(btt("speed", "status", "--json", "--profile", str(p.profile),
                                 *net))
            case.spent[p.name] = Decimal(doc["spent"])
    return case


def wait_for(check: Any, within: float, what: str, peer: Peer) -> None:
    deadline = time.monotonic() + within
    while not check():
        if time.monotonic() > deadline or (peer.proc and peer.proc.proc.poll() is not None):
            err = peer.proc.stderr() if peer.proc else ""
            raise RuntimeError(f"timed out waiting for {what}: {err}")
        time.sleep(0.1)


def report(case: Case) -> None:
    label = "Speed on " if case.speed else "Speed off"
    times = ", ".join(f"{name} {'—' if t is None else f'{t:.1f} s'}"
                      for name, t in case.seconds.items())
    print(f"{label}: {times}")
    for name, split in case.split.items():
        total = sum(split.values()) or 1
        print(f"  {name} uploaded {split['bidders'] / MIB:.1f} MiB to bidders "
              f"({split['bidders'] / total:.0%}), {split['free'] / MIB:.1f} MiB to free leechers"
              + (f"; earned {case.earned[name]} BTT" if name in case.earned else ""))
    for name, spent in case.spent.items():
        print(f"  {name} spent {spent} BTT")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeders", type=int, default=1)
    parser.add_argument("--bidders", type=int, default=1)
    parser.add_argument("--free", type=int, default=3)
    parser.add_argument("--seeder-upload", type=int, default=2_000_000, help="bytes/s")
    parser.add_argument("--leecher-upload", type=int, default=200_000, help="bytes/s")
    parser.add_argument("--size-mib", type=int, default=64)
    parser.add_argument("--slots", type=int, default=4)
    parser.add_argument("--round", type=float, default=5.0, help="auction round, seconds")
    parser.add_argument("--reserve", default=None, help="BTT per GiB (default: the setting)")
    parser.add_argument("--max-price", default="100000", help="BTT per GiB, every bidder")
    parser.add_argument("--max-prices", default="", help="per bidder, comma separated")
    parser.add_argument("--deposit", type=int, default=50_000, help="BTT each bidder deposits")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=400)
    parser.add_argument("--json", metavar="FILE", help="write the cases as JSON here")
    parser.add_argument("--debug", action="store_true",
                        help="seeders log details (their logs stay in the work folder)")
    parser.add_argument("--only", choices=("off", "on"), help="run one case only")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="speed-swarm-"))
    print(f"work folder {work}", flush=True)
    cases: list[Case] = []
    with devnet_process(work / "devnet", block_time=0.2) as url:
        torrent, data = make_torrent(work, args.size_mib * MIB)
        index = 0
        for run in range(args.runs):
            order = (False, True) if run % 2 == 0 else (True, False)
            if args.only:
                order = (args.only == "on",)
            for speed in order:
                index += 1
                case = run_case(args, url, torrent, data, work, speed, index)
                report(case)
                cases.append(case)
    off = [t for c in cases if not c.speed for n, t in c.seconds.items()
           if n.startswith("bidder") and t is not None]
    on = [t for c in cases if c.speed for n, t in c.seconds.items()
          if n.startswith("bidder") and t is not None]
    if off and on:
        slow, fast = statistics.median(off), statistics.median(on)
        print(f"bidders' median completion: {slow:.1f} s without Speed, {fast:.1f} s with "
              f"it: {slow / fast:.2f}x sooner")
    if args.json:
        Path(args.json).write_text(json.dumps([{
            "speed": c.speed, "seconds": c.seconds, "split": c.split,
            "earned": {k: str(v) for k, v in c.earned.items()},
            "spent": {k: str(v) for k, v in c.spent.items()}} for c in cases], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
