"""Memory of the downloading process through a large download, per disk I/O backend.

A bare libtorrent seeder (bench/lt_peer.py, pread disk I/O) serves one file (``--size-mib``,
4 GiB by default) on loopback; the leecher is, in turn:

  btt             ``btt download --exit-when-done``: btt's defaults, as users run it
  engine:<io>     btt's Engine with EngineSettings.disk_io = ``posix``, ``pread``, ``mmap``
                  or ``default`` (bench/engine_download.py)
  lt:<io>         a bare libtorrent leecher (bench/lt_peer.py) with that backend: what
                  each backend costs by itself

Every 0.2 s the leecher's /proc/PID/status (VmRSS, RssAnon, RssFile) and
/proc/PID/smaps_rollup (Pss, Pss_Anon, Pss_File: Pss counts file pages mapped into the
process, which is where memory-mapped I/O shows) are read. Peaks are reported; the goal
for btt's default is under 300 MB. The download is deleted after each run.

    /tmp/venv/bin/python bench/memory.py [--size-mib 4096] [--cases btt,posix,pread,mmap,default]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from harness import (
    BTT,
    Child,
    children,
    endpoint,
    free_disk,
    load,
    machine,
    make_torrent,
    save_json,
    say,
    text,
    write_random_file,
)

HERE = Path(__file__).resolve().parent
ENGINE_DOWNLOAD = [sys.executable, str(HERE / "engine_download.py")]
LT_PEER = [sys.executable, str(HERE / "lt_peer.py")]
PAYLOAD = "payload.bin"
BACKENDS = ["posix", "pread", "mmap", "default"]
ALL_CASES = ["btt", *(f"engine:{b}" for b in BACKENDS), *(f"lt:{b}" for b in BACKENDS)]
DEFAULT_CASES = ["btt", "engine:posix", "engine:mmap", *(f"lt:{b}" for b in BACKENDS)]
GOAL_MB = 300


@dataclass
class Sample:
    t: float
    vm_rss: int      # bytes
    rss_anon: int
    rss_file: int
    pss: int
    pss_anon: int
    pss_file: int


@dataclass
class Result:
    case: str
    leecher: str
    seconds: float = 0.0
    load: str = ""
    samples: list[Sample] = field(default_factory=list)

    def peak(self, key: str) -> int:
        return max((getattr(s, key) for s in self.samples), default=0)


def _fields(path: str, wanted: set[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    with open(path) as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in wanted:
                found[key] = int(rest.split()[0]) * 1024  # kB
    return found


def sample(pid: int, t: float) -> Sample | None:
    try:
        status = _fields(f"/proc/{pid}/status", {"VmRSS", "RssAnon", "RssFile"})
        rollup = _fields(f"/proc/{pid}/smaps_rollup", {"Pss", "Pss_Anon", "Pss_File"})
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    if "VmRSS" not in status:  # a zombie
        return None
    return Sample(t, status.get("VmRSS", 0), status.get("RssAnon", 0),
                  status.get("RssFile", 0), rollup.get("Pss", 0), rollup.get("Pss_Anon", 0),
                  rollup.get("Pss_File", 0))


def leecher_argv(case: str, torrent: Path, to: Path, seeder: tuple[str, int]) -> list[str]:
    ep = text(endpoint())
    if case == "btt":
        return [*BTT, "--profile", str(to.parent / "profile"), "download", str(torrent),
                "--to", str(to), "--listen", ep, "--no-discovery", "--peer", text(seeder),
                "--exit-when-done"]
    kind, _, backend = case.partition(":")
    if kind == "lt":
        return [*LT_PEER, "leech", "--torrent", str(torrent), "--dir", str(to), "--listen",
                ep, "--peer", text(seeder), "--disk-io", backend]
    return [*ENGINE_DOWNLOAD, "--torrent", str(torrent), "--to", str(to), "--listen", ep,
            "--peer", text(seeder), "--disk-io", backend]


def measure(case: str, torrent: Path, work: Path, seeder: tuple[str, int], size: int,
            limit: float) -> Result:
    down = work / f"down-{case.replace(':', '-')}"
    down.mkdir()
    argv = leecher_argv(case, torrent, down / "data", seeder)
    kind, _, backend = case.partition(":")
    label = {"btt": "btt download --exit-when-done",
               "engine": f"Engine, disk_io={backend} (bench/engine_download.py)",
               "lt": f"bare libtorrent, {backend} (bench/lt_peer.py)"}[kind]
    result = Result(case, label)
    try:
        with children() as started:
            leecher = Child(argv, work / f"leech-{case.replace(':', '-')}.log")
            started.append(leecher)
            last_note = 0.0
            while leecher.popen.poll() is None:
                now = time.monotonic() - leecher.started
                if now > limit:
                    raise RuntimeError(f"{case}: no complete download within {limit:.0f} s")
                s = sample(leecher.pid, now)
                if s is not None:
                    result.samples.append(s)
                    if now - last_note >= 5:
                        last_note = now
                        say(f"    {now:5.0f} s  VmRSS {s.vm_rss / 1e6:6.0f} MB  "
                            f"Pss {s.pss / 1e6:6.0f} MB (file {s.pss_file / 1e6:.0f} MB)")
                time.sleep(0.2)
            if leecher.popen.returncode != 0:
                raise RuntimeError(f"{case}: leecher exited with {leecher.popen.returncode}:\n"
                                   f"{leecher.output()[-3000:]}")
            result.seconds = time.monotonic() - leecher.started
            result.load = load()
            got = (down / "data" / PAYLOAD).stat().st_size
            if got != size:
                raise RuntimeError(f"{case}: downloaded {got} bytes of {size}")
    finally:
        shutil.rmtree(down, ignore_errors=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=4096)
    parser.add_argument("--cases", default=",".join(DEFAULT_CASES),
                        help=f"comma-separated, from {','.join(ALL_CASES)}")
    parser.add_argument("--work", default=tempfile.gettempdir())
    parser.add_argument("--limit", type=float, default=900.0, help="seconds per download")
    args = parser.parse_args()
    cases = [c.strip() for c in args.cases.split(",") if c.strip()]
    bad = set(cases) - set(ALL_CASES)
    if bad:
        parser.error(f"unknown case(s): {', '.join(sorted(bad))}")
    size = args.size_mib * 1024 * 1024
    base = Path(args.work)
    if free_disk(base) < 2 * size + (1 << 30):
        parser.error(f"{base} has {free_disk(base) / 2**30:.1f} GiB free; "
                     f"{2 * args.size_mib / 1024 + 1:.1f} GiB needed")
    work = Path(tempfile.mkdtemp(prefix="btt-memory-", dir=base))
    load_before = load()
    results: list[Result] = []
    try:
        say(f"writing {args.size_mib} MiB of random data and its torrent in {work}")
        write_random_file(work / "seed" / PAYLOAD, size)
        torrent = work / "payload.torrent"
        make_torrent(work / "seed" / PAYLOAD, torrent)
        with children() as started:
            seed_ep = endpoint()
            seeder = Child([*LT_PEER, "seed", "--torrent", str(torrent), "--dir",
                            str(work / "seed"), "--listen", text(seed_ep), "--disk-io", "pread"],
                           work / "seed.log")
            started.append(seeder)
            seeder.wait_output("ready", 900)
            for case in cases:
                say(f"  {case}:")
                results.append(measure(case, torrent, work, seed_ep, size, args.limit))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\n{args.size_mib} MiB download, sampled every 0.2 s, load before: {load_before}")
    print("| leecher | peak VmRSS MB | peak RssAnon MB | peak RssFile MB | peak Pss MB "
          "| peak Pss_File MB | MB/s | load after |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    rows: list[dict[str, Any]] = []
    for r in results:
        print(f"| {r.leecher} | {r.peak('vm_rss') / 1e6:.0f} | {r.peak('rss_anon') / 1e6:.0f} | "
              f"{r.peak('rss_file') / 1e6:.0f} | {r.peak('pss') / 1e6:.0f} | "
              f"{r.peak('pss_file') / 1e6:.0f} | {size / 1e6 / r.seconds:.0f} | {r.load} |")
        rows.append({"case": r.case, "leecher": r.leecher, "seconds": r.seconds,
                     "load_after": r.load,
                     **{f"peak_{k}": r.peak(k) for k in ("vm_rss", "rss_anon", "rss_file",
                                                          "pss", "pss_anon", "pss_file")},
                     "samples": [asdict(s) for s in r.samples]})
    default = next((r for r in results if r.case == "btt"), None)
    if default is not None:
        peak = max(default.peak("vm_rss"), default.peak("pss")) / 1e6
        verdict = "met" if peak < GOAL_MB else f"missed by {peak - GOAL_MB:.0f} MB"
        print(f"\nbtt download peak {peak:.0f} MB (max of VmRSS and Pss): goal < {GOAL_MB} MB "
              f"{verdict}")
    result = {"benchmark": "memory", "size_bytes": size, "machine": machine(),
              "load_before": load_before, "command": " ".join(sys.argv), "cases": rows}
    say(f"saved {save_json('memory', result)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
