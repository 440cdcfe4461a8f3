"""``btt daemon`` against qbittorrent-nox, both holding the same 10,000 torrents: the
latency of ``torrents/info``, of ``sync/maindata`` (a full update, and an incremental
one with nothing changed) and the resident memory, in the same run.

The torrents are made once (as in bench/scale.py: small, one in three paused, no data,
no trackers) and given to each client as its own profile: btt's resume files, and
qBittorrent 4.5's ``BT_backup`` (a fastresume and a .torrent per torrent, and the
queue). Both run on loopback with discovery off, each on its own 127.x address. Once
each lists every torrent, the requests alternate between the two (btt first in odd
rounds, qBittorrent first in even ones), ``--rounds`` times; both are driven through
``qbittorrent-api`` (logged in, its request layer, the body read but not parsed, so the
client's own parsing is not counted). Medians, spreads and ratios btt / qBittorrent.

    python bench/daemon_scale.py [--count 10000] [--rounds 7]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from harness import (  # noqa: E402
    BTT,
    Child,
    children,
    endpoint,
    free_port,
    load,
    machine,
    save_json,
    say,
    wait_for,
    write_qbt_backup,
)
from scale import make_profile  # noqa: E402

PASSWORD = "bench-daemon-scale"
CASES = ("torrents/info", "sync/maindata full", "sync/maindata incremental")


# -- the profiles ------------------------------------------------------------------------

def make_qbt_profile(ours: Path, root: Path, ip: str, listen_port: int,
                     web_port: int, save: Path) -> None:
    """qBittorrent 4.5's layout of the torrents in ``ours``: ``<id>.fastresume`` (the
    resume data without the info dictionary), ``<id>.torrent`` and ``queue``."""
    config = root / "qBittorrent" / "config"
    config.mkdir(parents=True)
    (config / "qBittorrent.conf").write_text(
        "[LegalNotice]\nAccepted=true\n\n"
        "[BitTorrent]\nSession\\DHTEnabled=false\nSession\\LSDEnabled=false\n"
        "Session\\PeXEnabled=false\nSession\\QueueingSystemEnabled=true\n"
        f"Session\\Port={listen_port}\nSession\\InterfaceAddress={ip}\n"
        f"Session\\DefaultSavePath={save}\n\n"
        "[Network]\nPortForwardingEnabled=false\n\n"
        "[Preferences]\nConnection\\UPnP=false\nConnection\\ResolvePeerCountries=false\n"
        f"WebUI\\Address={ip}\nWebUI\\Port={web_port}\nWebUI\\LocalHostAuth=false\n"
        "WebUI\\CSRFProtection=false\nWebUI\\HostHeaderValidation=false\n"
        "WebUI\\UseUPnP=false\nGeneral\\Locale=en\n")
    write_qbt_backup(ours, root)


# -- the clients -------------------------------------------------------------------------

def rss(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


class Subject:
    """One Web API server and a logged-in qbittorrent-api client of it."""

    def __init__(self, name: str, child: Child, host: str, password: str | None) -> None:
        import qbittorrentapi

        self.name = name
        self.child = child
        login = {"username": "admin", "password": password} if password else {}
        self.client = qbittorrentapi.Client(host=host, REQUESTS_ARGS={"timeout": 120},
                                            **login)
        self.password = password
        self.rid = 0
        self.started = time.monotonic()
        self.listed_s = 0.0

    def get(self, namespace: str, method: str, **params: Any) -> bytes:
        """One request through qbittorrent-api's request layer; the body, read."""
        response = self.client._get(_name=namespace, _method=method, params=params)
        body: bytes = response.content
        return body

    def count(self, expected: int) -> bool:
        import qbittorrentapi

        try:
            listed = self.client.torrents_info(limit=1, offset=expected - 1)
        except qbittorrentapi.APIError:
            return False
        return bool(listed)

    def request(self, case: str) -> tuple[float, int]:
        """(seconds, body bytes) of one request of ``case``."""
        t0 = time.perf_counter()
        if case == "torrents/info":
            body = self.get("torrents", "info")
        elif case == "sync/maindata full":
            body = self.get("sync", "maindata", rid=0)
        else:
            body = self.get("sync", "maindata", rid=self.rid)
        took = time.perf_counter() - t0
        if case.startswith("sync"):
            self.rid = json.loads(body)["rid"]
        return took, len(body)


def start_btt(started: list[Child], work: Path, profile: Path, listen: str,
              web: tuple[str, int]) -> Subject:
    secret = work / "web-password"
    fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(PASSWORD + "\n")
    child = Child([*BTT, "--profile", str(profile), "daemon", "--listen", listen,
                   "--no-discovery", "--web-api", f"{web[0]}:{web[1]}",
                   "--web-password-file", str(secret)], work / "btt-daemon.log",
                  env={**os.environ, "PYTHONPATH": str(HERE.parent)})
    started.append(child)
    return Subject("btt daemon", child, f"http://{web[0]}:{web[1]}", PASSWORD)


def start_qbt(started: list[Child], work: Path, profile: Path, web: tuple[str, int]) -> Subject:
    child = Child(["qbittorrent-nox", f"--profile={profile}", f"--webui-port={web[1]}"],
                  work / "qbittorrent-nox.log")
    started.append(child)
    return Subject("qbittorrent-nox", child, f"http://{web[0]}:{web[1]}", None)


def wait_listed(subject: Subject, count: int, limit: float) -> None:
    def ready() -> bool:
        import qbittorrentapi

        try:
            if subject.password:
                subject.client.auth_log_in()
        except qbittorrentapi.APIConnectionError:   # not up yet
            return False
        return subject.count(count)

    wait_for(ready, limit, f"{subject.name} to list {count} torrents", [subject.child],
             interval=0.2)
    subject.listed_s = time.monotonic() - subject.started


# -- the run -----------------------------------------------------------------------------

def spread(values: list[float]) -> str:
    return f"{min(values) * 1000:.0f} to {max(values) * 1000:.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--work", default=tempfile.gettempdir())
    parser.add_argument("--limit", type=float, default=600.0,
                        help="seconds allowed for each client to list every torrent")
    args = parser.parse_args()
    if not shutil.which("qbittorrent-nox"):
        raise SystemExit("qbittorrent-nox is not installed")

    work = Path(tempfile.mkdtemp(prefix="btt-daemon-scale-", dir=args.work))
    result: dict[str, Any] = {"benchmark": "daemon_scale", "machine": machine(),
                              "command": " ".join(sys.argv), "count": args.count,
                              "rounds": args.rounds, "load_before": load()}
    try:
        ours_ip, ours_port = endpoint()
        ours = work / "btt"
        t0 = time.monotonic()
        make_profile(ours, args.count, ours_ip, ours_port)
        qbt_ip, qbt_port = endpoint()
        qbt_web = free_port(qbt_ip)
        make_qbt_profile(ours, work / "qbt", qbt_ip, qbt_port, qbt_web, ours / "downloads")
        say(f"{args.count} torrents in two profiles in {time.monotonic() - t0:.1f} s")
        with children() as started:
            btt = start_btt(started, work, ours, f"{ours_ip}:{ours_port}",
                            (ours_ip, free_port(ours_ip)))
            qbt = start_qbt(started, work, work / "qbt", (qbt_ip, qbt_web))
            for subject in (btt, qbt):
                wait_listed(subject, args.count, args.limit)
                say(f"{subject.name}: lists {args.count} after {subject.listed_s:.1f} s")
            time.sleep(3)   # both settle: the first status updates are out
            subjects = (btt, qbt)
            for s in subjects:   # the first full update of each session, not timed
                s.request("sync/maindata full")
            rss_before = {s.name: rss(s.child.pid) for s in subjects}
            runs: dict[str, dict[str, list[float]]] = {
                s.name: {c: [] for c in CASES} for s in subjects}
            sizes: dict[str, dict[str, int]] = {s.name: {} for s in subjects}
            for turn in range(args.rounds):
                order = subjects if turn % 2 == 0 else subjects[::-1]
                for case in CASES:
                    for s in order:
                        if case == "sync/maindata incremental":
                            s.request("sync/maindata full")   # sets the rid
                        took, size = s.request(case)
                        runs[s.name][case].append(took)
                        sizes[s.name][case] = size
                say(f"round {turn + 1}: " + ", ".join(
                    f"{s.name} {c} {runs[s.name][c][-1] * 1000:.0f} ms"
                    for c in CASES for s in subjects))
            rss_after = {s.name: rss(s.child.pid) for s in subjects}
            listed = {s.name: s.listed_s for s in subjects}
            result["btt_revision"] = result["machine"]["revision"]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result.update({"runs": runs, "sizes": sizes, "rss_before": rss_before,
                   "rss_after": rss_after, "listed_s": listed, "load_after": load()})
    report(result)
    say(f"saved {save_json('daemon_scale', result)}")
    return 0


def report(result: dict[str, Any]) -> None:
    runs = result["runs"]
    ours, theirs = "btt daemon", "qbittorrent-nox"

    def med(who: str, case: str) -> float:
        return float(statistics.median(runs[who][case]))

    print(f"\n{result['count']} torrents, {result['rounds']} rounds, load "
          f"{result['load_before']} before, {result['load_after']} after "
          f"(revision {result['machine']['revision']})\n")
    print("| request | btt daemon ms (spread) | qbittorrent-nox ms (spread) "
          "| btt / qBittorrent | body kB btt / qBt |")
    print("|---|---:|---:|---:|---|")
    for case in CASES:
        a, b = med(ours, case), med(theirs, case)
        print(f"| {case} | {a * 1000:.0f} ({spread(runs[ours][case])}) | "
              f"{b * 1000:.0f} ({spread(runs[theirs][case])}) | {a / b:.2f} | "
              f"{result['sizes'][ours][case] / 1000:.1f} / "
              f"{result['sizes'][theirs][case] / 1000:.1f} |")
    a, b = result["rss_after"][ours], result["rss_after"][theirs]
    print(f"| VmRSS after the rounds, MB | {a / 1e6:.0f} "
          f"(before {result['rss_before'][ours] / 1e6:.0f}) | {b / 1e6:.0f} "
          f"(before {result['rss_before'][theirs] / 1e6:.0f}) | {a / b:.2f} | |")
    print(f"| lists every torrent after start, s | {result['listed_s'][ours]:.1f} | "
          f"{result['listed_s'][theirs]:.1f} | "
          f"{result['listed_s'][ours] / result['listed_s'][theirs]:.2f} | |")


if __name__ == "__main__":
    sys.exit(main())
