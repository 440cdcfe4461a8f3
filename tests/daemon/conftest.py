"""``btt daemon`` as a user runs it: real processes on loopback, each with its own
profile, driven through ``qbittorrent-api`` (a client written elsewhere)."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import qbittorrentapi

from tests.conftest import free_port, next_loopback

BTT = [sys.executable, "-m", "btt_desktop.cli"]
PASSWORD = "correct horse battery"


class Daemon:
    """One ``btt daemon`` process; ``url`` is what it printed (``web api on URL``)."""

    def __init__(self, root: Path, *extra: str, password: str | None = PASSWORD,
                 web: str = "127.0.0.1:0") -> None:
        self.root = root
        self.profile = root / "profile"
        self.ip = next_loopback()
        self.listen = f"{self.ip}:{free_port(self.ip)}"
        args = [*BTT, "--profile", str(self.profile), "daemon", "--listen", self.listen,
                "--no-discovery", "--web-api", web, *extra]
        if password is not None:
            secret = root / "web-password"
            secret.write_text(password + "\n")
            secret.chmod(0o600)
            args += ["--web-password-file", str(secret)]
        self.args = args
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.stderr: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_err, daemon=True).start()
        self.url = self._wait_url()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def _read_err(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr.append(line.rstrip("\n"))

    def _wait_url(self, within: float = 30.0) -> str:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.proc.poll() is not None:
                    time.sleep(0.2)
                    raise AssertionError(f"btt daemon exited: {self.stderr}") from None
                continue
            if line.startswith("web api on "):
                return line.removeprefix("web api on ")
        raise AssertionError(f"no 'web api on' line: {self.stderr}")

    def client(self, password: str = PASSWORD, **kwargs: object) -> qbittorrentapi.Client:
        client = qbittorrentapi.Client(host=self.url, username="admin", password=password,
                                       REQUESTS_ARGS={"timeout": 30}, **kwargs)
        client.auth_log_in()
        return client

    def stop(self, sig: int = signal.SIGTERM) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout=40)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise


@pytest.fixture(scope="module")
def module_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("daemon")


def make_content(folder: Path, files: dict[str, int]) -> Path:
    for name, size in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(size))
    return folder


def create_torrent(content: Path, out: Path, piece_size: int = 16384) -> Path:
    made = subprocess.run([*BTT, "create", str(content), "-o", str(out), "--piece-size",
                           str(piece_size)], capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    return out


def wait_for(check, within: float = 20.0, every: float = 0.2):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + within
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(every)


@pytest.fixture(scope="module")
def daemon(module_dir: Path) -> Iterator[Daemon]:
    running = Daemon(module_dir)
    yield running
    assert running.stop() == 0, running.stderr
