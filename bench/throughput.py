"""Loopback throughput: btt against a tuned bare libtorrent pair and third-party seeders.

One file (``--size-mib``) is moved between two processes on their own 127.x addresses:

  libtorrent      bench/lt_peer.py seed -> lt_peer.py leech, the best settings found
                  (TCP only, no encryption, large buffers, pread disk I/O): the reference
  btt             ``btt seed`` -> ``btt download --exit-when-done`` with btt's defaults
  qbittorrent     qbittorrent-nox (its defaults) -> ``btt download``
  transmission    transmission-cli -> ``btt download`` (optional: Transmission waits about
                  10 s before it serves a new peer, which only the wall time shows)
  aria2           aria2c -> ``btt download`` (optional)

Cases run in turns (a, b, c, a, b, c ...) so that load from other users of the machine
falls on all of them; the median of ``--repeat`` runs is reported. Two figures per run:

  transfer  size / (time from the first to the last byte reaching the leecher's file,
            watched from outside by its allocated blocks): the data path alone
  wall      size / (leecher process start to exit): what a user waits for, start-up and
            shut-down included

    /tmp/venv/bin/python bench/throughput.py [--size-mib 1024] [--repeat 3]
        [--cases libtorrent,btt,qbittorrent] [--work /tmp]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness import (
    BTT,
    Child,
    Run,
    children,
    endpoint,
    free_disk,
    load,
    machine,
    make_torrent,
    median,
    save_json,
    say,
    sha256,
    text,
    watch_download,
    write_random_file,
)
from third_party import Aria2, QBittorrent, Transmission

HERE = Path(__file__).resolve().parent
LT_PEER = [sys.executable, str(HERE / "lt_peer.py")]
ALL_CASES = ["libtorrent", "btt", "qbittorrent", "transmission", "aria2"]
PAYLOAD = "payload.bin"


@dataclass
class Case:
    name: str
    seeder: str
    leecher: str
    runs: list[Run] = field(default_factory=list)
    verified: bool = False


@dataclass
class Setup:
    work: Path
    torrent: Path
    seed_dir: Path
    size: int
    limit: float


def btt_leecher(setup: Setup, seeder: tuple[str, int], down: Path) -> Child:
    ep = endpoint()
    return Child([*BTT, "--profile", str(down / "profile"), "download", str(setup.torrent),
                  "--to", str(down / "data"), "--listen", text(ep), "--no-discovery",
                  "--peer", text(seeder), "--exit-when-done"], down / "leecher.log")


def lt_leecher(setup: Setup, seeder: tuple[str, int], down: Path) -> Child:
    ep = endpoint()
    return Child([*LT_PEER, "leech", "--torrent", str(setup.torrent), "--dir",
                  str(down / "data"), "--listen", text(ep), "--peer", text(seeder)],
                 down / "leecher.log")


def start_seeder(name: str, setup: Setup, started: list[Child]) -> tuple[str, int]:
    """Start the seeder of a case; return its endpoint once it serves the data."""
    if name == "libtorrent":
        ep = endpoint()
        child = Child([*LT_PEER, "seed", "--torrent", str(setup.torrent), "--dir",
                       str(setup.seed_dir), "--listen", text(ep)], setup.work / "lt-seed.log")
        started.append(child)
        child.wait_output("ready", 300)
        return ep
    if name == "btt":
        ep = endpoint()
        child = Child([*BTT, "--profile", str(setup.work / "btt-seed-profile"), "seed",
                       str(setup.torrent), "--data", str(setup.seed_dir), "--listen", text(ep),
                       "--no-discovery"], setup.work / "btt-seed.log")
        started.append(child)
        child.wait_output("listening on", 300)
        return ep
    if name == "qbittorrent":
        return QBittorrent(started, setup.work).seed(setup.torrent, setup.seed_dir)
    if name == "transmission":
        return Transmission(started, setup.work, setup.torrent, setup.seed_dir).seed()
    if name == "aria2":
        return Aria2(started, setup.work, setup.torrent, setup.seed_dir).seed()
    raise ValueError(name)


def run_cases(setup: Setup, names: list[str], repeat: int, verify: bool) -> list[Case]:
    cases = [Case(n, "bench/lt_peer.py (tuned)" if n == "libtorrent" else
                  "btt seed" if n == "btt" else n,
                  "bench/lt_peer.py (tuned)" if n == "libtorrent" else
                  "btt download --exit-when-done") for n in names]
    source_hash = sha256(setup.seed_dir / PAYLOAD) if verify else ""
    with children() as started:
        seeders = {c.name: start_seeder(c.name, setup, started) for c in cases}
        for turn in range(repeat):
            for case in cases:
                down = setup.work / f"down-{case.name}-{turn}"
                down.mkdir()
                make: Callable[..., Child] = (lt_leecher if case.name == "libtorrent"
                                              else btt_leecher)
                leecher = make(setup, seeders[case.name], down)
                started.append(leecher)
                run = watch_download(leecher, down / "data" / PAYLOAD, setup.size,
                                     setup.limit)
                if verify and not case.verified:
                    if sha256(down / "data" / PAYLOAD) != source_hash:
                        raise RuntimeError(f"{case.name}: the downloaded data differs")
                    case.verified = True
                case.runs.append(run)
                mb = setup.size / 1e6
                say(f"  {case.name} run {turn + 1}: transfer {mb / run.transfer_s:.0f} MB/s,"
                    f" wall {mb / run.wall_s:.0f} MB/s (load {run.load})")
                shutil.rmtree(down)
    return cases


def report(cases: list[Case], size: int, args: argparse.Namespace) -> dict[str, Any]:
    mb = size / 1e6
    rows = []
    ref = next((c for c in cases if c.name == "libtorrent"), None)
    ref_t = mb / median([r.transfer_s for r in ref.runs]) if ref else 0.0
    ref_w = mb / median([r.wall_s for r in ref.runs]) if ref else 0.0
    print(f"\n{args.size_mib} MiB, median of {args.repeat} runs, load before: {args.load_before}")
    print("| case | seeder -> leecher | transfer MB/s | vs libtorrent | per-turn ratio "
          "| wall MB/s | vs libtorrent |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for case in cases:
        t = mb / median([r.transfer_s for r in case.runs])
        w = mb / median([r.wall_s for r in case.runs])
        rt = t / ref_t if ref_t else 0.0
        rw = w / ref_w if ref_w else 0.0
        # each run against the reference run of the same turn (the closest in time)
        turns = median([r.transfer_s / c.transfer_s for r, c in zip(ref.runs, case.runs,
                                                                     strict=False)]
                       ) if ref else 0.0
        print(f"| {case.name} | {case.seeder} -> {case.leecher} | {t:.0f} | {rt:.2f} | "
              f"{turns:.2f} | {w:.0f} | {rw:.2f} |")
        rows.append({"case": case.name, "seeder": case.seeder, "leecher": case.leecher,
                     "transfer_mb_s": t, "transfer_ratio": rt,
                     "transfer_ratio_per_turn": turns, "wall_mb_s": w,
                     "wall_ratio": rw, "verified_sha256": case.verified,
                     "runs": [vars(r) for r in case.runs]})
    return {"benchmark": "throughput", "size_bytes": size, "repeat": args.repeat,
            "machine": machine(), "load_before": args.load_before, "load_after": load(),
            "command": " ".join(sys.argv), "cases": rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cases", default="libtorrent,btt,qbittorrent",
                        help=f"comma-separated, from {','.join(ALL_CASES)}")
    parser.add_argument("--work", default=tempfile.gettempdir(),
                        help="where the payload and downloads go (deleted afterwards)")
    parser.add_argument("--piece-size", type=int, default=0,
                        help="bytes (default: what btt create picks)")
    parser.add_argument("--limit", type=float, default=300.0,
                        help="seconds one download may take at most")
    parser.add_argument("--no-verify", action="store_true",
                        help="skip the SHA-256 check of each case's first download")
    args = parser.parse_args()
    names = [n.strip() for n in args.cases.split(",") if n.strip()]
    unknown = set(names) - set(ALL_CASES)
    if unknown:
        parser.error(f"unknown case(s): {', '.join(sorted(unknown))}")
    size = args.size_mib * 1024 * 1024
    base = Path(args.work)
    if free_disk(base) < 3 * size:
        parser.error(f"not enough free space in {base} for {args.size_mib} MiB x 3")
    work = Path(tempfile.mkdtemp(prefix="btt-throughput-", dir=base))
    try:
        args.load_before = load()
        say(f"writing {args.size_mib} MiB of random data and its torrent in {work}")
        seed_dir = work / "seed"
        write_random_file(seed_dir / PAYLOAD, size)
        torrent = work / "payload.torrent"
        make_torrent(seed_dir / PAYLOAD, torrent, args.piece_size)
        setup = Setup(work, torrent, seed_dir, size, args.limit)
        cases = run_cases(setup, names, args.repeat, not args.no_verify)
        result = report(cases, size, args)
        say(f"saved {save_json('throughput', result)}")
        print(json.dumps({"machine": result["machine"]}))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
