"""Many torrents in the profile: start-up time, memory, list scrolling, shut-down.

For each ``--counts`` N (1,000 and 10,000 by default) a profile is made with N small
torrents (resume files as libtorrent writes them, the info dictionary included; one in
three paused, no data on disk, no trackers) and settings that keep the session on one
127.x address with DHT, LSD, UPnP and NAT-PMP off. Then, each in a fresh process:

  engine   btt's Engine alone: ``start()`` (restores all N), resident memory once the
           status updates have flowed for a few seconds, ``close()`` (saves resume data)
  window   ``btt-desktop`` (btt_desktop.app.main, offscreen): from process start to the
           window shown and the torrent list model holding all N rows; memory; time to
           scroll the list from top to bottom a page at a time, repainting each page;
           time from the quit request to the end of the event loop

The growth from the smallest to the largest N is reported next to N's own growth.

    /tmp/venv/bin/python bench/scale.py [--counts 1000,10000] [--parts engine,window]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SETTLE_S = 3.0


# -- the profile -----------------------------------------------------------------------

def make_profile(root: Path, count: int, ip: str, port: int) -> None:
    import libtorrent as lt

    from btt_desktop.atomicfile import write_atomic
    from btt_desktop.engine.types import EngineSettings
    from btt_desktop.profile import Profile
    from btt_desktop.settings_store import AppSettings, Settings, SettingsStore

    profile = Profile.open(root)
    save = root / "downloads"
    save.mkdir()
    engine = EngineSettings(listen_interface=ip, listen_port=port, outgoing_interface=ip,
                            dht=False, lsd=False, upnp=False, natpmp=False)
    SettingsStore(profile.settings_file).save(
        Settings(engine=engine, app=AppSettings(default_save_path=str(save))))
    rng = random.Random(count)
    now = int(time.time())
    for i in range(count):
        size = rng.randrange(1, 64) * 1_000_003
        name = f"Scale item {i:05d} {rng.choice(['alpha', 'beta', 'gamma'])}.bin"
        ct = lt.create_torrent([lt.create_file_entry(name, size)], 256 * 1024,
                               lt.create_torrent.v1_only)
        for piece in range(ct.num_pieces()):
            ct.set_hash(piece, rng.randbytes(20))
        ti = lt.torrent_info(lt.bencode(ct.generate()))
        atp = lt.add_torrent_params()
        atp.ti = ti
        atp.save_path = str(save)
        atp.added_time = now - count + i
        flags = lt.torrent_flags.auto_managed
        if i % 3 == 0:
            flags = lt.torrent_flags.paused
        atp.flags = flags
        data = bytes(lt.write_resume_data_buf(atp))
        write_atomic(profile.resume_dir / f"{ti.info_hashes().v1}.resume", data,
                     keep_backup=False)


# -- measurements in the child processes -------------------------------------------------

def memory() -> dict[str, int]:
    """VmRSS, VmHWM (peak RSS) and Pss of this process, in bytes."""
    found: dict[str, int] = {}
    for path, keys in (("/proc/self/status", ("VmRSS", "VmHWM")),
                       ("/proc/self/smaps_rollup", ("Pss",))):
        with open(path) as f:
            for line in f:
                key, _, rest = line.partition(":")
                if key in keys:
                    found[key] = int(rest.split()[0]) * 1024
    return found


async def engine_child(profile_dir: Path, count: int) -> dict[str, Any]:
    from btt_desktop.engine import Engine
    from btt_desktop.events import EventBus
    from btt_desktop.profile import Profile
    from btt_desktop.settings_store import SettingsStore

    profile = Profile.open(profile_dir)
    settings = SettingsStore(profile.settings_file).load()
    engine = Engine(profile, EventBus(), settings.engine)
    started = time.monotonic()
    await engine.start()
    start_s = time.monotonic() - started
    restored = len(engine.torrent_ids())
    after_start = memory()
    await asyncio.sleep(SETTLE_S)
    settled = memory()
    closing = time.monotonic()
    await engine.close()
    close_s = time.monotonic() - closing
    saved = len([p for p in profile.resume_dir.iterdir() if p.name.endswith(".resume")])
    return {"start_s": start_s, "restored": restored, "close_s": close_s,
            "resume_files_after_close": saved, "memory_after_start": after_start,
            "memory_settled": settled}


def window_child(profile_dir: Path, count: int) -> dict[str, Any]:
    """Run the real app, watching it from a timer inside the window."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from btt_desktop import app
    from btt_desktop.ui import main_window

    marks: dict[str, Any] = {}
    original_init = main_window.MainWindow.__init__

    def scroll(window: Any) -> None:
        view = window.view
        bar = view.verticalScrollBar()
        bar.setValue(0)
        QApplication.processEvents()
        pages = 0
        t0 = time.monotonic()
        while bar.value() < bar.maximum():
            bar.setValue(bar.value() + bar.pageStep())
            view.viewport().repaint()
            QApplication.processEvents()
            pages += 1
        marks["scroll_s"] = time.monotonic() - t0
        marks["scroll_pages"] = pages
        marks["rows_per_page"] = max(1, bar.pageStep())

    def settle_and_quit(window: Any) -> None:
        marks["memory_settled"] = memory()
        marks["quit_requested"] = time.monotonic()
        window.request_quit()

    def probe(window: Any, timer: QTimer) -> None:
        now = time.monotonic()
        if "shown" not in marks and window.isVisible():
            marks["shown"] = now
        if "rows" not in marks and window.model.rowCount() >= count:
            marks["rows"] = now
            marks["memory_rows"] = memory()
            timer.stop()
            scroll(window)
            QTimer.singleShot(int(SETTLE_S * 1000), lambda: settle_and_quit(window))

    def patched_init(self: Any, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        timer = QTimer(self)
        timer.setInterval(10)
        timer.timeout.connect(lambda: probe(self, timer))
        timer.start()

    main_window.MainWindow.__init__ = patched_init  # type: ignore[method-assign]
    code = app.main(["--profile", str(profile_dir)])
    marks["loop_ended"] = time.monotonic()
    marks["exit_code"] = code
    return marks


# -- the parent ------------------------------------------------------------------------

def run_child(part: str, profile: Path, count: int, limit: float) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(HERE.parent)}
    spawned = time.monotonic()
    done = subprocess.run([sys.executable, str(HERE / "scale.py"), "--child", part,
                           "--profile", str(profile), "--count", str(count)],
                          capture_output=True, text=True, timeout=limit, env=env)
    ended = time.monotonic()
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{part} child failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    result["spawned"] = spawned
    result["process_s"] = ended - spawned
    return result


def summarize_window(r: dict[str, Any]) -> dict[str, Any]:
    if "rows" not in r:
        raise RuntimeError(f"the window never held every row: {r}")
    return {"shown_s": r["shown"] - r["spawned"], "usable_s": r["rows"] - r["spawned"],
            "scroll_s": r["scroll_s"], "scroll_pages": r["scroll_pages"],
            "quit_s": r["loop_ended"] - r["quit_requested"],
            "memory_rows": r["memory_rows"], "memory_settled": r["memory_settled"],
            "exit_code": r["exit_code"], "process_s": r["process_s"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="1000,10000")
    parser.add_argument("--parts", default="engine,window")
    parser.add_argument("--work", default=tempfile.gettempdir())
    parser.add_argument("--limit", type=float, default=900.0, help="seconds per child")
    parser.add_argument("--child", choices=["engine", "window"], help=argparse.SUPPRESS)
    parser.add_argument("--profile", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        profile = Path(args.profile)
        if args.child == "engine":
            result = asyncio.run(engine_child(profile, args.count))
        else:
            result = window_child(profile, args.count)
        print(json.dumps(result), flush=True)
        return 0

    sys.path.insert(0, str(HERE.parent))
    from harness import endpoint, load, machine, save_json, say

    counts = [int(c) for c in args.counts.split(",")]
    parts = [p.strip() for p in args.parts.split(",")]
    results: dict[str, Any] = {"benchmark": "scale", "machine": machine(),
                               "command": " ".join(sys.argv), "runs": []}
    work = Path(tempfile.mkdtemp(prefix="btt-scale-", dir=args.work))
    try:
        for count in counts:
            ip, port = endpoint()
            profile = work / f"profile-{count}"
            t0 = time.monotonic()
            make_profile(profile, count, ip, port)
            say(f"{count} torrents: profile made in {time.monotonic() - t0:.1f} s")
            for part in parts:
                before = load()
                raw = run_child(part, profile, count, args.limit)
                row = raw if part == "engine" else summarize_window(raw)
                row.update({"count": count, "part": part, "load_before": before,
                            "load_after": load()})
                results["runs"].append(row)
                say(f"  {part}: {json.dumps({k: v for k, v in row.items() if k != 'spawned'})}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(results["runs"], counts, parts)
    say(f"saved {save_json('scale', results)}")
    return 0


def report(runs: list[dict[str, Any]], counts: list[int], parts: list[str]) -> None:
    def mb(value: int) -> str:
        return f"{value / 1e6:.0f}"

    def find(part: str, count: int) -> dict[str, Any] | None:
        return next((r for r in runs if r["part"] == part and r["count"] == count), None)

    if "engine" in parts:
        print("\n| torrents | engine start s | RSS after start MB | RSS settled MB "
              "| Pss settled MB | close s | load |")
        print("|---:|---:|---:|---:|---:|---:|---|")
        for c in counts:
            r = find("engine", c)
            if r:
                print(f"| {c} | {r['start_s']:.1f} | {mb(r['memory_after_start']['VmRSS'])} | "
                      f"{mb(r['memory_settled']['VmRSS'])} | {mb(r['memory_settled']['Pss'])} | "
                      f"{r['close_s']:.1f} | {r['load_before']} |")
    if "window" in parts:
        print("\n| torrents | window shown s | all rows s | RSS with rows MB | RSS settled MB "
              "| scroll top-bottom s (pages) | quit s | load |")
        print("|---:|---:|---:|---:|---:|---:|---:|---|")
        for c in counts:
            r = find("window", c)
            if r:
                print(f"| {c} | {r['shown_s']:.1f} | {r['usable_s']:.1f} | "
                      f"{mb(r['memory_rows']['VmRSS'])} | {mb(r['memory_settled']['VmRSS'])} | "
                      f"{r['scroll_s']:.2f} ({r['scroll_pages']}) | {r['quit_s']:.1f} | "
                      f"{r['load_before']} |")
    if len(counts) >= 2:
        lo, hi = counts[0], counts[-1]
        print(f"\ngrowth from {lo} to {hi} torrents (x{hi / lo:.0f}):")
        for part, key in (("engine", "start_s"), ("engine", "close_s"), ("window", "usable_s"),
                          ("window", "scroll_s"), ("window", "quit_s")):
            a, b = find(part, lo), find(part, hi)
            if a and b and a[key] > 0:
                print(f"  {part} {key}: {a[key]:.2f} -> {b[key]:.2f} s (x{b[key] / a[key]:.1f})")
        for part, key in (("engine", "memory_settled"), ("window", "memory_settled")):
            a, b = find(part, lo), find(part, hi)
            if a and b:
                ra, rb = a[key]["VmRSS"], b[key]["VmRSS"]
                print(f"  {part} RSS settled: {ra / 1e6:.0f} -> {rb / 1e6:.0f} MB "
                      f"(+{(rb - ra) / 1e6:.0f} MB, {(rb - ra) / (hi - lo) / 1e3:.1f} kB "
                      f"per torrent)")


if __name__ == "__main__":
    sys.exit(main())
