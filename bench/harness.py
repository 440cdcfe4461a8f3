"""What every benchmark here needs: a work folder with a payload and its torrent, loopback
endpoints, child processes that are always stopped, a description of the machine and its
load, and the result files in bench/out/.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import platform
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
BTT = [sys.executable, "-m", "btt_desktop.cli"]

if str(REPO) not in sys.path:  # btt_desktop from the work tree
    sys.path.insert(0, str(REPO))

_hosts = iter(range(2, 254))
_subnet = 150 + os.getpid() % 50


def endpoint() -> tuple[str, int]:
    """A fresh 127.x address (never 127.0.0.1) with a free TCP port on it."""
    ip = f"127.0.{_subnet}.{next(_hosts)}"
    with socket.socket() as s:
        s.bind((ip, 0))
        return ip, int(s.getsockname()[1])


def free_port(ip: str = "127.0.0.1") -> int:
    """A port free on ``ip`` now (another server's Web API, a second listen port)."""
    with socket.socket() as s:
        s.bind((ip, 0))
        return int(s.getsockname()[1])


def write_qbt_backup(ours: Path, root: Path) -> None:
    """The torrents of btt profile ``ours`` in qBittorrent 4.5's own layout under
    ``root`` (``qBittorrent/data/BT_backup``): ``<id>.fastresume`` (the resume data
    without the info dictionary, plus its save path), ``<id>.torrent``, and the ``queue``
    file in our saved order. The configuration is the caller's."""
    import libtorrent as lt

    backup = root / "qBittorrent" / "data" / "BT_backup"
    backup.mkdir(parents=True)
    resume_dir = ours / "resume"
    ids = []
    for path in sorted(resume_dir.glob("*.resume")):
        data = lt.bdecode(path.read_bytes())
        info = data.pop(b"info")
        data[b"qBt-savePath"] = data[b"save_path"]
        torrent_id = path.name.removesuffix(".resume")
        (backup / f"{torrent_id}.fastresume").write_bytes(lt.bencode(data))
        (backup / f"{torrent_id}.torrent").write_bytes(lt.bencode({b"info": info}))
        ids.append(torrent_id)
    queue = resume_dir / "queue.json"
    order = json.loads(queue.read_text()) if queue.exists() else ids
    (backup / "queue").write_text("".join(f"{t}\n" for t in order))


def text(ep: tuple[str, int]) -> str:
    return f"{ep[0]}:{ep[1]}"


def load() -> str:
    """The load averages, as `uptime` prints them."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def machine() -> dict[str, Any]:
    cpu = ""
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as f:
        cpu = next((line.split(":", 1)[1].strip() for line in f
                    if line.startswith("model name")), "")
    mem = ""
    with contextlib.suppress(OSError), open("/proc/meminfo") as f:
        mem = f.readline().split(":", 1)[1].strip()
    import libtorrent as lt

    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem,
            "kernel": platform.release(), "python": platform.python_version(),
            "libtorrent": lt.__version__, "revision": revision()}


def revision() -> str:
    """The commit measured, and whether btt_desktop/ had uncommitted changes."""
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True,
                                  timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = git("status", "--porcelain", "--", "btt_desktop")
    return f"{commit} (btt_desktop/ modified)" if changed else commit


def free_disk(path: Path) -> int:
    return shutil.disk_usage(path).free


def write_random_file(path: Path, size: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    chunk = 1 << 20
    with open(path, "wb") as f:
        left = size
        while left:
            n = min(left, chunk)
            f.write(os.urandom(n))
            left -= n


def make_torrent(content: Path, out: Path, piece_size: int = 0) -> None:
    """``btt create``: the torrent every case in a benchmark shares."""
    argv = [*BTT, "create", str(content), "-o", str(out)]
    if piece_size:
        argv += ["--piece-size", str(piece_size)]
    made = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    if made.returncode != 0:
        raise SystemExit(f"btt create failed: {made.stderr.strip()}")


class Child:
    """A child process in its own group, output to a log file."""

    def __init__(self, argv: list[str], log: Path, env: dict[str, str] | None = None) -> None:
        self.argv = argv
        self.log = log
        self.started = time.monotonic()
        with open(log, "wb") as out:
            self.popen = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT,
                                          stdin=subprocess.DEVNULL, start_new_session=True,
                                          env=env)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_output(self, needle: str, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while needle not in self.output():
            if self.popen.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{self.argv[0]}... never printed {needle!r}:\n"
                                   f"{self.output()[-3000:]}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(5)


@contextlib.contextmanager
def children() -> Iterator[list[Child]]:
    """A list to put children in; all are stopped on the way out, whatever happens."""
    started: list[Child] = []
    try:
        yield started
    finally:
        for child in reversed(started):
            child.stop()


def wait_for(predicate: Callable[[], Any], seconds: float, what: str,
             watch: list[Child] | None = None, interval: float = 0.1) -> Any:
    """Poll until ``predicate()`` is truthy; fail after ``seconds`` or when one of
    ``watch`` has exited, with the tail of its output."""
    deadline = time.monotonic() + seconds
    while True:
        value = predicate()
        if value:
            return value
        for child in watch or ():
            if child.popen.poll() is not None:
                raise RuntimeError(f"{child.argv[0]} exited with {child.popen.returncode} "
                                   f"while waiting for {what}:\n{child.output()[-3000:]}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out after {seconds:.0f} s waiting for {what}")
        time.sleep(interval)


@dataclass
class Run:
    """One download: the data path, the leecher's life, and CPU seconds."""

    transfer_s: float
    wall_s: float
    load: str
    cpu_s: float = 0.0          # the leecher process (user + system)
    seeder_cpu_s: float = 0.0   # the seeder process over the same time, where known


def children_cpu() -> float:
    """User + system seconds of every child reaped so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def process_cpu(pid: int) -> float:
    """User + system seconds of a running process (0 if it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def watch_download(leecher: Child, path: Path, size: int, limit: float,
                   probe: Callable[[], None] | None = None) -> Run:
    """Follow the leecher's file until the process exits; fail past ``limit`` seconds.

    *transfer* is from the first to the last byte reaching the file (its allocated
    blocks, every 10 ms): the data path alone; *wall* is the process's life. ``probe``
    is called every 0.25 s while data arrives.
    """
    first = full = probed = 0.0
    deadline = leecher.started + limit
    while leecher.popen.poll() is None:
        now = time.monotonic()
        if now > deadline:
            raise RuntimeError(f"no complete download within {limit:.0f} s:\n"
                               f"{leecher.output()[-3000:]}")
        try:
            allocated = os.stat(path).st_blocks * 512
        except FileNotFoundError:
            allocated = 0
        if allocated and not first:
            first = now
        if allocated >= size and not full:
            full = now
        if probe is not None and first and not full and now - probed >= 0.25:
            probed = now
            probe()
        time.sleep(0.01)
    ended = time.monotonic()
    if leecher.popen.returncode != 0:
        raise RuntimeError(f"the leecher exited with {leecher.popen.returncode}:\n"
                           f"{leecher.output()[-3000:]}")
    if not first:
        raise RuntimeError("the leecher never wrote its file")
    # polled every 10 ms: a transfer shorter than that is not measured here
    return Run(transfer_s=max((full or ended) - first, 0.01), wall_s=ended - leecher.started,
               load=load())


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 22):
            h.update(block)
    return h.hexdigest()


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def save_json(name: str, result: dict[str, Any]) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    return path


def say(message: str) -> None:
    """Progress for the person running the benchmark (stderr; stdout holds the results)."""
    print(message, file=sys.stderr, flush=True)
