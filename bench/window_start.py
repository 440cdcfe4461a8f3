"""The window's start and quit against qbittorrent-nox's, alternated, each on a fresh
profile.

- **btt-desktop**: `python -m btt_desktop.app --profile NEW` offscreen
  (`QT_QPA_PLATFORM=offscreen`) with `BTT_REPORT_FIRST_PAINT=1`, which makes the window
  print `first-paint T` when it is first painted (its frame: title, menus, saved
  geometry), `filled T` when it is painted with its panels (toolbar, list, status bar)
  and `ready T` once the wallet and Speed are in place (T is CLOCK_MONOTONIC, shared
  with this script). *Start* is the launch to the first paint; *filled* and *ready* the
  launch to those; *quit* is SIGTERM (sent 0.5 s after "ready") to the process's exit.
- **qbittorrent-nox**: `qbittorrent-nox --profile=NEW`, its Web API on a free loopback
  port. *Start* is the launch to the first answer of `/api/v2/app/version` (asked every
  2 ms); *quit* is SIGTERM (0.5 s after that answer) to its exit.

Medians of ``--repeat`` turns (btt, qbittorrent, btt, qbittorrent...), as ratios
btt / qbittorrent-nox. A Markdown table on stdout, every run as JSON in bench/out/.

    .venv/bin/python bench/window_start.py --repeat 7
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from harness import OUT, REPO, endpoint, free_port, load, revision

SETTLE = 0.5  # seconds between "started" and the quit request
QBT_CONFIG = """\
[LegalNotice]
Accepted=true

[BitTorrent]
Session\\Port={port}
Session\\Interface=
Session\\InterfaceAddress={ip}
Session\\DHTEnabled=false
Session\\LSDEnabled=false
Session\\PeXEnabled=false

[Preferences]
Connection\\UPnP=false
Connection\\ResolvePeerCountries=false
General\\Locale=en
WebUI\\Enabled=true
WebUI\\Address={ip}
WebUI\\Port={webui_port}
WebUI\\LocalHostAuth=false
WebUI\\HostHeaderValidation=false
WebUI\\CSRFProtection=false
"""


def _wait_line(log: Path, word: str, popen: subprocess.Popen[bytes], limit: float) -> float:
    """The monotonic time the child printed on its line ``word T``."""
    pattern = re.compile(rf"^{word} ([0-9.]+)$", re.M)
    deadline = time.monotonic() + limit
    while True:
        found = pattern.search(log.read_text(errors="replace"))
        if found:
            return float(found.group(1))
        if popen.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"btt-desktop never printed {word!r}:\n"
                               f"{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.002)


def _quit(popen: subprocess.Popen[bytes], limit: float = 30) -> tuple[float, int]:
    asked = time.monotonic()
    popen.send_signal(signal.SIGTERM)
    code = popen.wait(limit)
    return time.monotonic() - asked, code


def run_btt(work: Path) -> dict[str, Any]:
    profile = work / "btt-profile"
    log = work / "btt.log"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BTT_REPORT_FIRST_PAINT="1",
               PYTHONPATH=str(REPO))
    with open(log, "wb") as out:
        launched = time.monotonic()
        popen = subprocess.Popen([sys.executable, "-m", "btt_desktop.app", "--profile",
                                  str(profile)], stdout=out, stderr=subprocess.STDOUT,
                                 stdin=subprocess.DEVNULL, env=env, start_new_session=True)
    try:
        painted = _wait_line(log, "first-paint", popen, 60)
        filled = _wait_line(log, "filled", popen, 60)
        ready = _wait_line(log, "ready", popen, 60)
        time.sleep(SETTLE)
        quit_s, code = _quit(popen)
    finally:
        if popen.poll() is None:
            os.killpg(popen.pid, signal.SIGKILL)
            popen.wait()
    if code != 0:
        raise RuntimeError(f"btt-desktop exited {code}:\n{log.read_text()[-3000:]}")
    return {"start_s": painted - launched, "filled_s": filled - launched,
            "ready_s": ready - launched, "quit_s": quit_s, "load": load()}


def _answers(ip: str, port: int) -> bool:
    conn = http.client.HTTPConnection(ip, port, timeout=1)
    try:
        conn.request("GET", "/api/v2/app/version")
        return conn.getresponse().status == 200
    except OSError:
        return False
    finally:
        conn.close()


def run_qbittorrent(work: Path) -> dict[str, Any]:
    ip, port = endpoint()
    webui_port = free_port(ip)
    profile = work / "qbt-profile"
    config = profile / "qBittorrent" / "config"
    config.mkdir(parents=True)
    (config / "qBittorrent.conf").write_text(QBT_CONFIG.format(ip=ip, port=port,
                                                               webui_port=webui_port))
    with open(work / "qbt.log", "wb") as out:
        launched = time.monotonic()
        popen = subprocess.Popen(["qbittorrent-nox", f"--profile={profile}"], stdout=out,
                                 stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                 start_new_session=True)
    try:
        deadline = launched + 60
        while not _answers(ip, webui_port):
            if popen.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("qbittorrent-nox never answered its Web API")
            time.sleep(0.002)
        answered = time.monotonic()
        time.sleep(SETTLE)
        quit_s, _code = _quit(popen)
    finally:
        if popen.poll() is None:
            os.killpg(popen.pid, signal.SIGKILL)
            popen.wait()
    return {"start_s": answered - launched, "quit_s": quit_s, "load": load()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-qbittorrent", action="store_true",
                        help="only the window (no anchor)")
    args = parser.parse_args()
    runs: dict[str, list[dict[str, Any]]] = {"btt": [], "qbittorrent": []}
    load_before = load()
    for turn in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="btt-window-start-") as tmp:
            btt = run_btt(Path(tmp))
            runs["btt"].append(btt)
            line = (f"turn {turn + 1}: btt start {btt['start_s']:.3f} filled "
                    f"{btt['filled_s']:.3f} ready {btt['ready_s']:.3f} "
                    f"quit {btt['quit_s']:.3f}")
            if not args.no_qbittorrent:
                qbt = run_qbittorrent(Path(tmp))
                runs["qbittorrent"].append(qbt)
                line += f"; qbittorrent start {qbt['start_s']:.3f} quit {qbt['quit_s']:.3f}"
            print(line, f"(load {load()})", file=sys.stderr)

    def median(case: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[case])

    print(f"\nMedians of {args.repeat} turns, load {load_before} before, {load()} after "
          f"(revision {revision()}):\n")
    print("| | btt-desktop s | qbittorrent-nox s | btt / qbittorrent |")
    print("|---|---:|---:|---:|")
    for key, what in (("start_s", "start (first paint / Web API answers)"),
                      ("filled_s", "filled (painted with its panels / Web API answers)"),
                      ("quit_s", "quit (SIGTERM to exit)")):
        b = median("btt", key)
        if runs["qbittorrent"]:
            q = median("qbittorrent", "start_s" if key == "filled_s" else key)
            print(f"| {what} | {b:.3f} | {q:.3f} | {b / q:.1f} |")
        else:
            print(f"| {what} | {b:.3f} | | |")
    print(f"| btt-desktop ready (wallet and Speed in place) | {median('btt', 'ready_s'):.3f}"
          " | | |")
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / f"window_start-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps({"argv": sys.argv, "revision": revision(),
                               "load_before": load_before, "runs": runs}, indent=1))
    print(f"\n{out}", file=sys.stderr)


if __name__ == "__main__":
    main()
