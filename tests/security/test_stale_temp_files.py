"""Temp files a killed writer leaves beside the state files are removed.

A state file is written as a temp file renamed over it; ``kill -9`` in between left the
temp file for good. In the wallet folder that is an old copy of the keystore, which
still opens with the old password. Now opening a profile, or a devnet folder, removes
the leftovers of writers that are gone, and leaves alone the real files, files of other
names, and a temp file another live process is writing right now.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.devnet_process import devnet_info, devnet_process

pytestmark = pytest.mark.timeout(90)

BTT = [sys.executable, "-m", "btt_desktop.cli"]
WATCHED = "TA25SJ2Uo4NQk2SozYKmZ4wQnpq5T7FNBZ"
OTHER = "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8"

# a writer of the wallet file, stopped by kill -9 while it writes
WRITER = """
import sys
from btt_desktop.atomicfile import write_atomic
write_atomic(sys.argv[1], b'{"old keystore": "' + b"k" * 100_000_000 + b'"}')
"""


def btt(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BTT, *args], capture_output=True, text=True, timeout=30,
                          stdin=subprocess.DEVNULL)


def temps(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.name.endswith(".tmp")}


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def kill_writer_mid_write(target: Path) -> str:
    """Run a real writer of ``target`` and kill -9 it while its temp file exists."""
    before = temps(target.parent)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(target)])
    try:
        deadline = time.monotonic() + 20
        while not (temps(target.parent) - before):
            assert writer.poll() is None and time.monotonic() < deadline, "no temp file seen"
            time.sleep(0.001)
        writer.send_signal(signal.SIGKILL)
    finally:
        writer.kill()
        writer.wait()
    left = temps(target.parent) - before
    assert len(left) == 1, left
    return left.pop()


def test_opening_a_profile_removes_what_killed_writers_left(tmp_path: Path) -> None:
    profile = (tmp_path / "p").resolve()
    assert btt("--profile", str(profile), "wallet", "restore", "--watch",
               WATCHED).returncode == 0
    wallet_file = profile / "wallet" / "wallet.json"
    keystore = wallet_file.read_bytes()
    speed = profile / "speed"
    speed.mkdir(exist_ok=True)
    ledger = speed / "provider-devnet-T1-T2.json"
    ledger.write_text('{"accounts": {}}')

    killed = kill_writer_mid_write(wallet_file)
    gone = dead_pid()
    crafted = {
        speed: f".{ledger.name}.{gone}.a1b2c3d4.tmp",
        profile: f".settings.json.{gone}.zz_9k2lm.tmp",
    }
    for folder, name in crafted.items():
        (folder / name).write_text("an old copy")
    # a temp file of the older naming, without the writer's pid: only the profile's
    # holder may remove it
    old_style = f".{ledger.name}.q8w7e6r5.tmp"
    (speed / old_style).write_text("an old copy")
    # a write in progress in another live process, and files that only look alike
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        in_flight = f".requester-devnet-T1-T2.json.{live.pid}.m4n5b6v7.tmp"
        (speed / in_flight).write_text("being written")
        for name in ("notes.tmp", ".notes.tmp", f".wallet.json.{gone}.tmp"):
            (profile / "wallet" / name).write_text("not ours")

        # a command that only reads opens the profile
        shown = btt("--profile", str(profile), "wallet", "address")
        assert shown.returncode == 0 and shown.stdout.strip() == WATCHED, shown

        assert killed not in temps(profile / "wallet")
        assert temps(profile / "wallet") == {"notes.tmp", ".notes.tmp",
                                             f".wallet.json.{gone}.tmp"}
        assert temps(speed) == {in_flight, old_style}
        assert temps(profile) == set()
        assert wallet_file.read_bytes() == keystore
        assert ledger.read_text() == '{"accounts": {}}'

        # the profile's one writer removes the older kind too; the live write stays
        changed = btt("--profile", str(profile), "wallet", "restore", "--watch", OTHER,
                      "--replace")
        assert changed.returncode == 0, changed.stderr
        assert temps(speed) == {in_flight}
        assert ledger.read_text() == '{"accounts": {}}'
    finally:
        live.kill()
        live.wait()


def test_opening_a_devnet_removes_what_killed_writers_left(tmp_path: Path) -> None:
    data = tmp_path / "chain"
    with devnet_process(data) as url:
        before = devnet_info(url)
    state = (data / "state.json").read_bytes()
    leftovers = {f".state.json.{dead_pid()}.x1y2z3w4.tmp", ".state.json.p0o9i8u7.tmp"}
    for name in leftovers:
        (data / name).write_text(json.dumps({"an": "old state"}))
    with devnet_process(data) as url:
        assert temps(data) == set()
        assert devnet_info(url) == before
    assert json.loads((data / "state.json").read_bytes())["genesis_id"] == \
        json.loads(state)["genesis_id"]
    assert not os.path.exists(data / ".state.json.p0o9i8u7.tmp")
