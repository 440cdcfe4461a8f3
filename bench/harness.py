"""What every benchmark here needs: a work folder with a payload and its torrent, loopback
endpoints, child processes that are always stopped, a description of the machine and its
load, and the result files in bench/out/.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
BTT = [sys.executable, "-m", "btt_desktop.cli"]

if str(REPO) not in sys.path:  # the third-party client drivers of the interop tests
    sys.path.insert(0, str(REPO))

_hosts = iter(range(2, 254))
_subnet = 150 + os.getpid() % 50


def endpoint() -> tuple[str, int]:
    """A fresh 127.x address (never 127.0.0.1) with a free TCP port on it."""
    ip = f"127.0.{_subnet}.{next(_hosts)}"
    with socket.socket() as s:
        s.bind((ip, 0))
        return ip, int(s.getsockname()[1])


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
