"""How long ``btt download --exit-when-done`` lives, against a bare libtorrent leecher.

A bare libtorrent seeder (bench/lt_peer.py, tuned) serves one file (``--size-mib``, 1 MiB
by default) on loopback. In turns:

  lt     bench/lt_peer.py leech (tuned, no encryption): the reference
  btt    ``btt download --exit-when-done --no-discovery --listen ... --peer ...``
  phases the same ``btt download``, run through this script (``--child``), which times
         its parts from inside: interpreter start, imports, engine start, listen, add,
         transfer, close and interpreter exit (the clock is CLOCK_MONOTONIC, shared with
         this process, which timestamps the launch and the exit)

Reported: the median life of each, the ratio lt / btt (wall-clock throughput of btt
against the reference), the same ratio turn by turn, and the median of each phase.

    .venv/bin/python bench/cli_lifetime.py [--size-mib 1] [--repeat 9]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def child(argv: list[str]) -> int:
    """``btt`` with its parts timed; the timings go to the file in BTT_PHASES_OUT."""
    started = time.monotonic()
    marks: dict[str, list[float]] = {"python": [0.0, started]}
    import btt_desktop.cli as cli
    import btt_desktop.cli.torrent_commands as commands
    from btt_desktop.engine import Engine

    marks["imports"] = [started, time.monotonic()]

    def timed(owner: Any, name: str, label: str) -> None:
        original = getattr(owner, name)

        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            begin = time.monotonic()
            try:
                return await original(*args, **kwargs)
            finally:
                marks[label] = [begin, time.monotonic()]

        setattr(owner, name, wrapper)

    timed(Engine, "start", "engine start")
    timed(Engine, "wait_listening", "listen")
    timed(Engine, "inspect", "inspect")
    timed(Engine, "add", "add")
    timed(commands, "_follow", "transfer")
    timed(Engine, "close", "close")
    code = cli.main(argv)
    marks["main returned"] = [time.monotonic(), time.monotonic()]
    Path(os.environ["BTT_PHASES_OUT"]).write_text(json.dumps(marks))
    return code


if __name__ == "__main__" and sys.argv[1:2] == ["--child"]:
    sys.exit(child(sys.argv[2:]))

# the parent: nothing above this line may need more than the standard library

from harness import (  # noqa: E402
    BTT,
    Child,
    children,
    endpoint,
    load,
    machine,
    make_torrent,
    median,
    save_json,
    say,
    text,
    watch_download,
    write_random_file,
)

LT_PEER = [sys.executable, str(HERE / "lt_peer.py")]
PAYLOAD = "payload.bin"
PHASES = ["python", "imports", "engine start", "listen", "inspect", "add", "transfer", "close",
          "exit"]


def btt_args(torrent: Path, down: Path, seeder: tuple[str, int]) -> list[str]:
    return ["--profile", str(down / "profile"), "download", str(torrent), "--to",
            str(down / "data"), "--listen", text(endpoint()), "--no-discovery", "--peer",
            text(seeder), "--exit-when-done"]


def phases_of(marks: dict[str, list[float]], launched: float, ended: float
              ) -> dict[str, float]:
    """Seconds per phase; ``python`` is launch to the first line of the child."""
    out = {"python": marks["python"][1] - launched}
    for name in PHASES[1:-1]:
        begin, end = marks.get(name, [0.0, 0.0])
        out[name] = end - begin
    out["exit"] = ended - marks["main returned"][0]
    out["other"] = (ended - launched) - sum(out.values())
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--no-phases", action="store_true", help="only lt and btt")
    parser.add_argument("--work", default=tempfile.gettempdir())
    parser.add_argument("--limit", type=float, default=300.0)
    args = parser.parse_args()
    size = args.size_mib * 1024 * 1024
    work = Path(tempfile.mkdtemp(prefix="btt-lifetime-", dir=args.work))
    cases = ["lt", "btt"] + ([] if args.no_phases else ["phases"])
    runs: dict[str, list[dict[str, Any]]] = {c: [] for c in cases}
    load_before = load()
    try:
        write_random_file(work / "seed" / PAYLOAD, size)
        torrent = work / "payload.torrent"
        make_torrent(work / "seed" / PAYLOAD, torrent)
        with children() as started:
            seed_ep = endpoint()
            seeder = Child([*LT_PEER, "seed", "--torrent", str(torrent), "--dir",
                            str(work / "seed"), "--listen", text(seed_ep)], work / "seed.log")
            started.append(seeder)
            seeder.wait_output("ready", 300)
            for turn in range(args.repeat):
                for case in cases:
                    down = work / f"down-{case}-{turn}"
                    down.mkdir()
                    env = None
                    if case == "lt":
                        argv = [*LT_PEER, "leech", "--torrent", str(torrent), "--dir",
                                str(down / "data"), "--listen", text(endpoint()), "--peer",
                                text(seed_ep)]
                    elif case == "btt":
                        argv = [*BTT, *btt_args(torrent, down, seed_ep)]
                    else:
                        argv = [sys.executable, str(HERE / "cli_lifetime.py"), "--child",
                                *btt_args(torrent, down, seed_ep)]
                        env = {**os.environ, "BTT_PHASES_OUT": str(down / "phases.json")}
                    leecher = Child(argv, down / "leecher.log", env=env)
                    started.append(leecher)
                    run = watch_download(leecher, down / "data" / PAYLOAD, size, args.limit)
                    ended = leecher.started + run.wall_s
                    row: dict[str, Any] = {"wall_s": run.wall_s, "transfer_s": run.transfer_s,
                                           "load": run.load}
                    if case == "phases":
                        marks = json.loads((down / "phases.json").read_text())
                        row["phases"] = phases_of(marks, leecher.started, ended)
                    runs[case].append(row)
                    say(f"  {case} run {turn + 1}: {run.wall_s:.3f} s (load {run.load})")
                    shutil.rmtree(down)
                    time.sleep(0.2)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    mb = size / 1e6
    lt_wall = median([r["wall_s"] for r in runs["lt"]])
    print(f"\n{args.size_mib} MiB, median of {args.repeat} turns, load before {load_before}, "
          f"after {load()}")
    print("| leecher | life s (median) | wall MB/s | transfer MB/s | lt / this (wall) "
          "| per turn |")
    print("|---|---:|---:|---:|---:|---:|")
    for case in cases:
        wall = median([r["wall_s"] for r in runs[case]])
        transfer = median([r["transfer_s"] for r in runs[case]])
        per_turn = median([a["wall_s"] / b["wall_s"] for a, b in zip(runs["lt"], runs[case],
                                                                      strict=False)])
        print(f"| {case} | {wall:.3f} | {mb / wall:.0f} | {mb / transfer:.0f} | "
              f"{lt_wall / wall:.2f} | {per_turn:.2f} |")
    if "phases" in runs:
        print("\n| phase of btt download | median s |\n|---|---:|")
        for name in [*PHASES, "other"]:
            print(f"| {name} | {median([r['phases'][name] for r in runs['phases']]):.3f} |")
    result = {"benchmark": "cli_lifetime", "size_bytes": size, "repeat": args.repeat,
              "machine": machine(), "load_before": load_before, "load_after": load(),
              "command": " ".join(sys.argv), "runs": runs}
    say(f"saved {save_json('cli_lifetime', result)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
