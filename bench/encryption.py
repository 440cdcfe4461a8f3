"""What encryption costs against qbittorrent-nox: ``btt download`` under each setting.

Three qbittorrent-nox seeders, each with its own profile and Web API, serve the same file
(``--size-mib``) over loopback; their encryption preference is set through the Web API
(``app/setPreferences``, ``encryption``):

  plain          qBittorrent with encryption disabled -> ``btt download`` (default
                 settings): the plain-text anchor, what qBittorrent serves without RC4
  default        qBittorrent at its defaults (allow encryption; it allows only RC4 inside
                 the encrypted handshake) -> ``btt download`` (default: prefer plain)
  prefer         the same qBittorrent -> ``btt download --encryption prefer`` (encrypted
                 handshake first, as ``btt`` dialled a peer given with ``--peer`` before):
                 RC4 payload
  require        qBittorrent with "Require encryption" -> ``btt download`` (default): it
                 must still connect; the payload is RC4
  lt-plain       qBittorrent with encryption disabled -> a bare libtorrent leecher
                 (bench/lt_peer.py, tuned, no encryption): the same anchor without btt

Cases run in turns, medians reported, and each run's ratio to the ``plain`` run of its
turn. CPU seconds are the leecher process's (reaped child) and the qBittorrent seeder's
(/proc) over the same run. qBittorrent's own peer list says how the connection was
made (``flags``: ``E`` RC4 payload, ``e`` encrypted handshake with plain payload).

    .venv/bin/python bench/encryption.py [--size-mib 512] [--repeat 5]
        [--cases plain,default,prefer,require,lt-plain]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from harness import (
    BTT,
    Child,
    Run,
    children,
    children_cpu,
    endpoint,
    free_disk,
    load,
    machine,
    make_torrent,
    median,
    process_cpu,
    save_json,
    say,
    sha256,
    text,
    watch_download,
    write_random_file,
)
from third_party import QBT_ALLOW, QBT_DISABLE, QBT_REQUIRE, QBittorrent, info_hash

HERE = Path(__file__).resolve().parent
LT_PEER = [sys.executable, str(HERE / "lt_peer.py")]
PAYLOAD = "payload.bin"

# case -> (qBittorrent's encryption preference, leecher, btt's --encryption)
CASES: dict[str, tuple[int, str, str]] = {
    "plain": (QBT_DISABLE, "btt", "prefer_plain"),
    "default": (QBT_ALLOW, "btt", "prefer_plain"),
    "prefer": (QBT_ALLOW, "btt", "prefer"),
    "require": (QBT_REQUIRE, "btt", "prefer_plain"),
    "lt-plain": (QBT_DISABLE, "lt", ""),
}
QBT_MODE = {QBT_ALLOW: "allow (default)", QBT_REQUIRE: "require", QBT_DISABLE: "disabled"}


@dataclass
class Case:
    name: str
    seeder: str
    leecher: str
    runs: list[Run] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)  # qBittorrent's view of the connection


def leecher_argv(case: str, torrent: Path, down: Path, seeder: tuple[str, int]) -> list[str]:
    _, kind, mode = CASES[case]
    ep = text(endpoint())
    if kind == "lt":
        return [*LT_PEER, "leech", "--torrent", str(torrent), "--dir", str(down / "data"),
                "--listen", ep, "--peer", text(seeder)]
    return [*BTT, "--profile", str(down / "profile"), "download", str(torrent), "--to",
            str(down / "data"), "--listen", ep, "--no-discovery", "--peer", text(seeder),
            "--exit-when-done", "--encryption", mode]


def peer_flags(qbt: QBittorrent, ih: str, into: set[str]) -> None:
    """Record the flags qBittorrent shows for its peers (E: RC4, e: plain in MSE)."""
    try:
        reply = httpx.get(f"{qbt.api}/sync/torrentPeers", params={"hash": ih}, timeout=2)
        peers = reply.json().get("peers", {}) if reply.status_code == 200 else {}
    except (httpx.HTTPError, ValueError):
        return
    for peer in peers.values():
        flags = str(peer.get("flags", ""))
        into.add("RC4" if "E" in flags.split() else "MSE, plain" if "e" in flags.split()
                 else "plain")


def run_cases(work: Path, torrent: Path, seed_dir: Path, size: int, names: list[str],
              repeat: int, limit: float) -> tuple[list[Case], dict[int, str]]:
    ih = info_hash(torrent)
    source = sha256(seed_dir / PAYLOAD)
    cases = [Case(n, f"qbittorrent-nox, encryption {QBT_MODE[CASES[n][0]]}",
                  "bench/lt_peer.py (no encryption)" if CASES[n][1] == "lt" else
                  f"btt download --encryption {CASES[n][2]}") for n in names]
    versions: dict[int, str] = {}
    with children() as started:
        seeders: dict[int, tuple[QBittorrent, tuple[str, int]]] = {}
        for mode in sorted({CASES[n][0] for n in names}):
            qbt = QBittorrent(started, work, f"qbittorrent-{mode}")
            qbt.set_preferences(encryption=mode)
            got = qbt.preferences().get("encryption")
            if got != mode:
                raise RuntimeError(f"qBittorrent kept encryption={got}, not {mode}")
            versions[mode] = qbt.version()
            seeders[mode] = (qbt, qbt.seed(torrent, seed_dir))
            say(f"qbittorrent-nox {versions[mode]} seeding, encryption {QBT_MODE[mode]}")
        for turn in range(repeat):
            for case in cases:
                qbt, ep = seeders[CASES[case.name][0]]
                down = work / f"down-{case.name}-{turn}"
                down.mkdir()
                cpu_before, seeder_before = children_cpu(), process_cpu(qbt.pid)
                leecher = Child(leecher_argv(case.name, torrent, down, ep), down / "leecher.log")
                started.append(leecher)
                run = watch_download(leecher, down / "data" / PAYLOAD, size, limit,
                                     probe=lambda q=qbt, c=case: peer_flags(q, ih, c.flags))
                run.cpu_s = children_cpu() - cpu_before
                run.seeder_cpu_s = process_cpu(qbt.pid) - seeder_before
                if turn == 0 and sha256(down / "data" / PAYLOAD) != source:
                    raise RuntimeError(f"{case.name}: the downloaded data differs")
                case.runs.append(run)
                mb = size / 1e6
                say(f"  {case.name} run {turn + 1}: transfer {mb / run.transfer_s:.0f} MB/s, "
                    f"wall {mb / run.wall_s:.0f} MB/s, cpu {run.cpu_s:.2f} s + seeder "
                    f"{run.seeder_cpu_s:.2f} s (load {run.load})")
                shutil.rmtree(down)
    return cases, versions


def report(cases: list[Case], size: int, args: argparse.Namespace,
           versions: dict[int, str]) -> dict[str, Any]:
    mb = size / 1e6
    anchor = next((c for c in cases if c.name == "plain"), None)
    ref_t = mb / median([r.transfer_s for r in anchor.runs]) if anchor else 0.0
    ref_w = mb / median([r.wall_s for r in anchor.runs]) if anchor else 0.0
    print(f"\n{args.size_mib} MiB from qbittorrent-nox "
          f"{next(iter(versions.values()), '?')}, median of {args.repeat} runs, "
          f"load before: {args.load_before}, after: {load()}")
    print("| case | seeder -> leecher | connection | transfer MB/s | vs plain | per-turn "
          "| wall MB/s | vs plain | leecher CPU s | seeder CPU s |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
    rows = []
    for case in cases:
        t = mb / median([r.transfer_s for r in case.runs])
        w = mb / median([r.wall_s for r in case.runs])
        turns = median([a.transfer_s / r.transfer_s for a, r in
                        zip(anchor.runs, case.runs, strict=False)]) if anchor else 0.0
        cpu = median([r.cpu_s for r in case.runs])
        seeder_cpu = median([r.seeder_cpu_s for r in case.runs])
        seen = ", ".join(sorted(case.flags)) or "?"
        print(f"| {case.name} | {case.seeder} -> {case.leecher} | {seen} | {t:.0f} | "
              f"{t / ref_t if ref_t else 0:.2f} | {turns:.2f} | {w:.0f} | "
              f"{w / ref_w if ref_w else 0:.2f} | {cpu:.2f} | {seeder_cpu:.2f} |")
        rows.append({"case": case.name, "seeder": case.seeder, "leecher": case.leecher,
                     "connection": sorted(case.flags), "transfer_mb_s": t,
                     "transfer_vs_plain": t / ref_t if ref_t else 0,
                     "transfer_vs_plain_per_turn": turns, "wall_mb_s": w,
                     "wall_vs_plain": w / ref_w if ref_w else 0, "leecher_cpu_s": cpu,
                     "seeder_cpu_s": seeder_cpu, "runs": [vars(r) for r in case.runs]})
    return {"benchmark": "encryption", "size_bytes": size, "repeat": args.repeat,
            "qbittorrent": versions, "machine": machine(), "load_before": args.load_before,
            "load_after": load(), "command": " ".join(sys.argv), "cases": rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=512)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cases", default=",".join(CASES),
                        help=f"comma-separated, from {','.join(CASES)}")
    parser.add_argument("--work", default=tempfile.gettempdir())
    parser.add_argument("--limit", type=float, default=300.0, help="seconds per download")
    args = parser.parse_args()
    names = [n.strip() for n in args.cases.split(",") if n.strip()]
    unknown = set(names) - set(CASES)
    if unknown:
        parser.error(f"unknown case(s): {', '.join(sorted(unknown))}")
    if shutil.which("qbittorrent-nox") is None:
        parser.error("qbittorrent-nox is not installed")
    size = args.size_mib * 1024 * 1024
    base = Path(args.work)
    if free_disk(base) < 3 * size:
        parser.error(f"not enough free space in {base} for {args.size_mib} MiB x 3")
    work = Path(tempfile.mkdtemp(prefix="btt-encryption-", dir=base))
    try:
        args.load_before = load()
        say(f"writing {args.size_mib} MiB of random data and its torrent in {work}")
        seed_dir = work / "seed"
        write_random_file(seed_dir / PAYLOAD, size)
        torrent = work / "payload.torrent"
        make_torrent(seed_dir / PAYLOAD, torrent)
        cases, versions = run_cases(work, torrent, seed_dir, size, names, args.repeat,
                                    args.limit)
        result = report(cases, size, args, versions)
        say(f"saved {save_json('encryption', result)}")
        print(json.dumps({"machine": result["machine"]}))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
