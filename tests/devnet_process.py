"""Run a real devnet node (``python -m btt_desktop.cli devnet``) as a subprocess in tests.

    from tests.devnet_process import devnet_process, faucet

    with devnet_process(tmp_path / "devnet") as url:
        faucet(url, address, trx=100, btt=50)
        client = AsyncTron(AsyncHTTPProvider(url))

The node listens on a fresh loopback address (127.77.x.y, a range of its own so it needs
nothing from any conftest) and a port the kernel picks; the URL comes from its
``devnet listening on ...`` line. On exit it gets SIGTERM (it saves its state) and is
killed if it does not stop in time.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

READY_PREFIX = "devnet listening on "
START_TIMEOUT = 30.0
STOP_TIMEOUT = 15.0

_hosts = itertools.count(1)


def next_devnet_host() -> str:
    n = next(_hosts)
    return f"127.77.{(os.getpid() + n // 250) % 250 + 1}.{n % 250 + 1}"


class DevnetStartError(RuntimeError):
    pass


def devnet_command(data_dir: Path | str, *, listen: str, block_time: float,
                   withdraw_notice: int) -> list[str]:
    return [sys.executable, "-m", "btt_desktop.cli", "devnet", "--listen", listen,
            "--data", str(data_dir), "--block-time", str(block_time),
            "--withdraw-notice", str(withdraw_notice)]


@contextlib.contextmanager
def devnet_process(data_dir: Path | str, *, host: str | None = None, port: int = 0,
                   block_time: float = 0.1, withdraw_notice: int = 86400,
                   result: dict[str, Any] | None = None) -> Iterator[str]:
    """Start a devnet, yield its base URL, stop it.

    ``result``, if given, receives ``returncode`` and ``stderr`` after the node stopped.
    """
    host = host or next_devnet_host()
    cmd = devnet_command(data_dir, listen=f"{host}:{port}", block_time=block_time,
                         withdraw_notice=withdraw_notice)
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    try:
        url = _wait_ready(proc, lines)
        yield url
    finally:
        stderr = _stop(proc)
        if result is not None:
            result["returncode"] = proc.returncode
            result["stderr"] = stderr


def _wait_ready(proc: subprocess.Popen[str], lines: queue.Queue[str | None]) -> str:
    try:
        line = lines.get(timeout=START_TIMEOUT)
    except queue.Empty:
        raise DevnetStartError("devnet did not start in time") from None
    if line is None or not line.startswith(READY_PREFIX):
        proc.wait(timeout=STOP_TIMEOUT)
        stderr = proc.stderr.read() if proc.stderr else ""
        raise DevnetStartError(f"devnet failed to start: {line!r} {stderr.strip()}")
    return line[len(READY_PREFIX):].strip()


def _stop(proc: subprocess.Popen[str]) -> str:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.stderr.read() if proc.stderr else ""


def faucet(url: str, address: str, *, trx: float | str = 0, btt: float | str = 0) -> dict[str, Any]:
    """Give ``trx`` TRX and ``btt`` BTT (display units) to ``address``."""
    reply = httpx.post(f"{url}/devnet/faucet",
                       json={"address": address, "trx": str(trx), "btt": str(btt)}, timeout=10)
    reply.raise_for_status()
    data: dict[str, Any] = reply.json()
    if "Error" in data:
        raise RuntimeError(data["Error"])
    return data


def devnet_info(url: str) -> dict[str, Any]:
    """``genesisId``, ``networkId``, ``btt``, ``vault`` and ``withdrawNotice`` of a devnet."""
    data: dict[str, Any] = httpx.post(f"{url}/devnet/info", timeout=10).json()
    return data
