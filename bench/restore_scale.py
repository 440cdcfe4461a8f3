"""Restoring 10,000 torrents at start: btt's engine, btt's window and qbittorrent-nox.

A profile is made with ``--count`` small torrents (resume files as libtorrent writes
them, as in bench/scale.py: one in three paused, no data, no trackers), and the same
torrents are given to qbittorrent-nox as its own profile (``BT_backup``: a fastresume
and a .torrent per torrent, and the queue). Then, each case in a fresh process, cases
alternated run by run:

  engine   btt's Engine alone: ``start()`` until every ``TorrentAdded`` is out
  window   btt_desktop.app.main offscreen: until the list model holds every row; the
           longest stall of the event loop (a 10 ms timer's longest gap) and the
           longest list update, from the window's making (and from the first row) to
           the last row, and in the 3 s after (the first status batches); then
           scrolling the list a page at a time, each page
           repainted and timed; then the window quits as a user's would (the engine
           closes and saves: the next case finds no crashed profile to recover)
  qbt      qbittorrent-nox (``--profile``): until its Web API lists every torrent
           (``/api/v2/torrents/info``, polled through qbittorrent-api)

and the resident memory of each (VmRSS once every torrent is in and 3 s have passed),
for ``--count`` torrents and for none. ``--big 100000`` also starts the engine and the
window once on that many torrents (time and memory).

    python bench/restore_scale.py [--count 10000] [--runs 3] [--big 0]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))

from harness import free_port, write_qbt_backup  # noqa: E402
from scale import make_profile, memory  # noqa: E402

SETTLE_S = 3.0
STALL_TICK_MS = 10
QBT = "qbittorrent-nox"


# -- qbittorrent-nox's profile -----------------------------------------------------------

def make_qbt_profile(ours: Path, root: Path, web_port: int, listen_port: int) -> None:
    """qBittorrent 4.5's own layout of the same torrents: ``<id>.fastresume`` (the
    resume data without the info dictionary, plus its save path) and ``<id>.torrent``,
    and the ``queue`` file in our saved order."""
    config = root / "qBittorrent" / "config"
    config.mkdir(parents=True)
    (config / "qBittorrent.conf").write_text(
        "[LegalNotice]\nAccepted=true\n\n"
        "[BitTorrent]\nSession\\DHTEnabled=false\nSession\\LSDEnabled=false\n"
        "Session\\PeXEnabled=false\nSession\\QueueingSystemEnabled=true\n"
        f"Session\\Port={listen_port}\n\n"
        "[Network]\nPortForwardingEnabled=false\n\n"
        "[Preferences]\nWebUI\\Address=127.0.0.1\n"
        f"WebUI\\Port={web_port}\nWebUI\\LocalHostAuth=false\n"
        "WebUI\\CSRFProtection=false\nWebUI\\HostHeaderValidation=false\n"
        "WebUI\\UseUPnP=false\nGeneral\\Locale=en\n")
    write_qbt_backup(ours, root)


def run_qbt(root: Path, web_port: int, count: int, limit: float) -> dict[str, Any]:
    import qbittorrentapi

    spawned = time.monotonic()
    proc = subprocess.Popen([QBT, f"--profile={root}", f"--webui-port={web_port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    client = qbittorrentapi.Client(host="127.0.0.1", port=web_port,
                                   REQUESTS_ARGS={"timeout": 30})
    result: dict[str, Any] = {"pid": proc.pid}
    try:
        deadline = spawned + limit
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"qbittorrent-nox exited with {proc.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError("qbittorrent-nox never listed every torrent")
            try:
                # the last one listed means all are: a cheap question, asked often
                if count == 0 and client.app_version():
                    break
                if count and client.torrents_info(limit=1, offset=count - 1):
                    break
            except qbittorrentapi.APIConnectionError:
                pass
            time.sleep(0.05)
        result["all_listed_s"] = time.monotonic() - spawned
        result["listed"] = len(client.torrents_info()) if count else 0
        time.sleep(SETTLE_S)
        result["memory_settled"] = proc_memory(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
    return result


def proc_memory(pid: int) -> dict[str, int]:
    found: dict[str, int] = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(rest.split()[0]) * 1024
    return found


# -- btt in the child processes ------------------------------------------------------------

async def engine_child(profile_dir: Path, count: int) -> dict[str, Any]:
    from btt_desktop.engine import Engine
    from btt_desktop.events import EventBus, TorrentAdded
    from btt_desktop.profile import Profile
    from btt_desktop.settings_store import SettingsStore

    profile = Profile.open(profile_dir)
    settings = SettingsStore(profile.settings_file).load()
    bus = EventBus()
    added: list[float] = []
    bus.subscribe(TorrentAdded, lambda _e: added.append(time.monotonic()))
    engine = Engine(profile, bus, settings.engine)
    started = time.monotonic()
    await engine.start()
    result = {"start_s": time.monotonic() - started, "added": len(added),
              "all_added": (added[-1] if added else time.monotonic()),
              "first_added_s": (added[0] - started) if added else 0.0}
    await asyncio.sleep(SETTLE_S)
    result["memory_settled"] = memory()
    await engine.close()
    return result


def window_child(profile_dir: Path, count: int) -> dict[str, Any]:
    """The real app; a timer inside the window watches it. The window quits as a user's
    would (the engine closes and saves), so the next case does not find a crashed
    profile to recover."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from btt_desktop import app
    from btt_desktop.ui import main_window, torrent_model

    # stall_ms, apply_ms: from the window's making until every row is in (stall_rows_ms:
    # from the first row on); *_after_ms: the SETTLE_S seconds after (the first status
    # batches), before scrolling
    marks: dict[str, Any] = {"stall_ms": 0.0, "apply_ms": 0.0, "stall_after_ms": 0.0,
                             "stall_rows_ms": 0.0, "apply_after_ms": 0.0,
                             "apply_max_rows": 0}
    original_init = main_window.MainWindow.__init__
    original_apply = torrent_model.TorrentTableModel.apply

    def timed_apply(self: Any, snapshots: Any) -> None:
        """The list's own share of a stall: its longest update (an insert, sorted)."""
        t0 = time.perf_counter()
        original_apply(self, snapshots)
        took = (time.perf_counter() - t0) * 1000
        if "scrolled" in marks:
            return
        key = "apply_after_ms" if "rows" in marks else "apply_ms"
        marks[key] = max(marks[key], took)
        if isinstance(snapshots, (list, tuple)):
            marks["apply_max_rows"] = max(marks["apply_max_rows"], len(snapshots))

    torrent_model.TorrentTableModel.apply = timed_apply  # type: ignore[method-assign]

    def scroll(window: Any) -> None:
        view = window.view
        bar = view.verticalScrollBar()
        bar.setValue(0)
        QApplication.processEvents()
        pages: list[float] = []
        while bar.value() < bar.maximum():
            t0 = time.perf_counter()
            bar.setValue(bar.value() + bar.pageStep())
            view.viewport().repaint()
            QApplication.processEvents()
            pages.append((time.perf_counter() - t0) * 1000)
        marks["page_ms"] = pages

    last = [time.monotonic()]

    def probe(window: Any, timer: QTimer) -> None:
        now = time.monotonic()
        gap = (now - last[0]) * 1000 - STALL_TICK_MS
        key = "stall_after_ms" if "rows" in marks else "stall_ms"
        marks[key] = max(marks[key], gap)
        if "first_row" in marks and "rows" not in marks:  # the rows only, not the build
            marks["stall_rows_ms"] = max(marks["stall_rows_ms"], gap)
        last[0] = now
        if "shown" not in marks and window.isVisible():
            marks["shown"] = now
        model = getattr(window, "model", None)  # a window may be built in steps
        if "first_row" not in marks and model is not None and model.rowCount():
            marks["first_row"] = now
        if ("rows" not in marks and model is not None and model.rowCount() >= count
                and "shown" in marks):
            marks["rows"] = now
            print(f"all {count} rows in", file=sys.stderr, flush=True)
            QTimer.singleShot(int(SETTLE_S * 1000), lambda: scroll_then_quit(window, timer))

    def scroll_then_quit(window: Any, timer: QTimer) -> None:
        timer.stop()
        marks["scrolled"] = True
        settle = memory()
        scroll(window)
        marks["memory_settled"] = settle
        marks["quit_at"] = time.monotonic()
        window.quit_now()  # the engine closes and saves; app.main returns

    def patched_init(self: Any, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        timer = QTimer(self)
        timer.setInterval(STALL_TICK_MS)
        timer.timeout.connect(lambda: probe(self, timer))
        last[0] = time.monotonic()
        timer.start()

    main_window.MainWindow.__init__ = patched_init  # type: ignore[method-assign]
    marks["exit_code"] = app.main(["--profile", str(profile_dir)])
    if "quit_at" in marks:
        marks["quit_s"] = time.monotonic() - marks.pop("quit_at")
    marks.pop("scrolled", None)
    return marks


def run_child(part: str, profile: Path, count: int, limit: float) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(HERE.parent)}
    spawned = time.monotonic()
    done = subprocess.run([sys.executable, str(HERE / "restore_scale.py"), "--child", part,
                           "--profile", str(profile), "--count", str(count)],
                          capture_output=True, text=True, timeout=limit, env=env)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{part} child failed ({done.returncode}):\n{done.stderr[-3000:]}")
    r: dict[str, Any] = json.loads(lines[-1])
    if part == "engine":
        return {"all_listed_s": r["all_added"] - spawned, "start_s": r["start_s"],
                "first_added_s": r["first_added_s"], "listed": r["added"],
                "memory_settled": r["memory_settled"]}
    if "rows" not in r:
        raise RuntimeError(f"the window never held every row: {r}")
    pages = r.get("page_ms") or [0.0]
    return {"all_listed_s": r["rows"] - spawned, "shown_s": r["shown"] - spawned,
            "stall_ms": r["stall_ms"], "apply_ms": r["apply_ms"],
            "stall_after_ms": r["stall_after_ms"], "apply_after_ms": r["apply_after_ms"],
            "stall_rows_ms": r["stall_rows_ms"],
            "first_row_s": r.get("first_row", r["rows"]) - spawned,
            "apply_max_rows": r["apply_max_rows"], "quit_s": r.get("quit_s", 0.0),
            "pages": len(r.get("page_ms", [])),
            "page_max_ms": max(pages), "page_median_ms": statistics.median(pages),
            "scroll_s": sum(pages) / 1000, "memory_settled": r["memory_settled"]}


# -- the parent ------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cases", default="engine,window,qbt")
    parser.add_argument("--big", type=int, default=0, help="also start once with this many")
    parser.add_argument("--work", default=tempfile.gettempdir())
    parser.add_argument("--limit", type=float, default=900.0, help="seconds per case")
    parser.add_argument("--child", choices=["engine", "window"], help=argparse.SUPPRESS)
    parser.add_argument("--profile", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        profile = Path(args.profile)
        result = (asyncio.run(engine_child(profile, args.count)) if args.child == "engine"
                  else window_child(profile, args.count))
        print(json.dumps(result), flush=True)
        if args.child == "window":  # closed and saved: skip finalizing Qt's objects
            sys.stderr.flush()
            os._exit(0)
        return 0

    from harness import load, machine, save_json, say

    cases = [c.strip() for c in args.cases.split(",")]
    results: dict[str, Any] = {"benchmark": "restore_scale", "machine": machine(),
                               "command": " ".join(sys.argv), "runs": []}
    work = Path(tempfile.mkdtemp(prefix="btt-restore-", dir=args.work))
    try:
        profiles: dict[int, tuple[Path, Path]] = {}
        for count in sorted({0, args.count} | ({args.big} if args.big else set())):
            t0 = time.monotonic()
            ours = work / f"btt-{count}"
            make_profile(ours, count, "127.0.0.1", free_port())
            qbt = work / f"qbt-{count}"
            make_qbt_profile(ours, qbt, 0, 0)
            profiles[count] = (ours, qbt)
            say(f"{count} torrents: profiles made in {time.monotonic() - t0:.1f} s")
        plan = [(n, count) for n in range(args.runs) for count in (args.count, 0)]
        for n, count in plan:
            turn = cases[n % len(cases):] + cases[:n % len(cases)]  # alternate the order
            for case in turn:
                results["runs"].append(run_case(case, count, profiles[count], args.limit,
                                                load, say, n))
        if args.big:
            for case in ("engine", "window"):
                results["runs"].append(run_case(case, args.big, profiles[args.big],
                                                args.limit, load, say, 0))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(results["runs"], args.count, args.big)
    say(f"saved {save_json('restore-scale', results)}")
    return 0


def run_case(case: str, count: int, profiles: tuple[Path, Path], limit: float,
             load: Any, say: Any, run: int) -> dict[str, Any]:
    ours, qbt = profiles
    before = load()
    if case == "qbt":
        web = free_port()
        conf = qbt / "qBittorrent" / "config" / "qBittorrent.conf"
        text = conf.read_text()
        for key in ("WebUI\\Port=", "Session\\Port="):
            head, _, rest = text.partition(key)
            text = f"{head}{key}{web if key.startswith('WebUI') else free_port()}" \
                   f"{rest[rest.index(chr(10)):]}"
        conf.write_text(text)
        row = run_qbt(qbt, web, count, limit)
        row.pop("pid", None)
    else:
        row = run_child(case, ours, count, limit)
    row.update({"case": case, "count": count, "run": run, "load_before": before})
    say(f"  run {run} {case} {count}: {json.dumps(row)}")
    return row


def report(runs: list[dict[str, Any]], count: int, big: int) -> None:
    def rows(case: str, n: int) -> list[dict[str, Any]]:
        return [r for r in runs if r["case"] == case and r["count"] == n]

    def spread(values: list[float], fmt: str = "{:.1f}") -> str:
        if not values:
            return "-"
        med = statistics.median(values)
        return f"{fmt.format(med)} ({fmt.format(min(values))}-{fmt.format(max(values))})"

    def rss(r: dict[str, Any]) -> float:
        return float(r["memory_settled"]["VmRSS"]) / 1e6

    qbt = [r["all_listed_s"] for r in rows("qbt", count)]
    print(f"\n{count} torrents, median (min-max) of {len(qbt) or len(rows('engine', count))} runs")
    print("| case | all listed s | / qbittorrent-nox | RSS MB | RSS empty MB | kB per torrent |")
    print("|---|---:|---:|---:|---:|---:|")
    for case in ("engine", "window", "qbt"):
        done = rows(case, count)
        if not done:
            continue
        times = [r["all_listed_s"] for r in done]
        ratio = (f"{statistics.median(times) / statistics.median(qbt):.2f}" if qbt else "-")
        full = [rss(r) for r in done]
        empty = [rss(r) for r in rows(case, 0)]
        per = ((statistics.median(full) - statistics.median(empty)) * 1e3 / count
               if empty and count else 0.0)
        print(f"| {case} | {spread(times)} | {ratio} | {spread(full, '{:.0f}')} | "
              f"{spread(empty, '{:.0f}')} | {per:.1f} |")
    done = rows("window", count)
    if done:
        print("\n| window | value |\n|---|---:|")
        def ms(key: str) -> str:
            return spread([r[key] for r in done], '{:.0f}')

        print(f"| longest loop stall from the window's making to the last row ms | "
              f"{ms('stall_ms')} |")
        print(f"| longest loop stall from the first row to the last ms | {ms('stall_rows_ms')} |")
        firsts = spread([r["first_row_s"] for r in done], "{:.2f}")
        print(f"| first row in the list s | {firsts} |")
        print(f"| longest loop stall in the {SETTLE_S:.0f} s after ms | {ms('stall_after_ms')} |")
        print(f"| longest list update until the last row ms | {ms('apply_ms')} |")
        print(f"| longest list update in the {SETTLE_S:.0f} s after ms | {ms('apply_after_ms')} |")
        print(f"| most rows in one list update | {ms('apply_max_rows')} |")
        print(f"| worst page ms | {spread([r['page_max_ms'] for r in done], '{:.1f}')} |")
        print(f"| median page ms | {spread([r['page_median_ms'] for r in done], '{:.1f}')} |")
        print(f"| whole scroll s (pages) | {spread([r['scroll_s'] for r in done], '{:.2f}')} "
              f"({done[0]['pages']}) |")
        quits = spread([r["quit_s"] for r in done], "{:.2f}")
        print(f"| quit s (engine closed, saved) | {quits} |")
    for case in ("engine", "window"):
        for r in rows(case, big) if big else []:
            print(f"\n{big} torrents, {case}: all listed after {r['all_listed_s']:.1f} s, "
                  f"RSS {rss(r):.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
