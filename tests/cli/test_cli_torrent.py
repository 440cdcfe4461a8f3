"""``btt create | seed | download`` as a user runs them: real processes on loopback."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import free_port, next_loopback

pytestmark = pytest.mark.timeout(120)

BTT = [sys.executable, "-m", "btt_desktop.cli"]
PROGRESS = re.compile(
    r"^progress \d+\.\d% down \d+(\.\d)? [kMG]?B/s up \d+(\.\d)? [kMG]?B/s peers \d+$")


def btt(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BTT, *args], capture_output=True, text=True, timeout=timeout)


def endpoint() -> str:
    ip = next_loopback()
    return f"{ip}:{free_port(ip)}"


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("btt: error: ")
    return lines[0].removeprefix("btt: error: ")


def sha256_tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_create_seed_download_end_to_end(tmp_path: Path) -> None:
    data = tmp_path / "share" / "holiday"
    (data / "pics").mkdir(parents=True)
    (data / "pics" / "a.jpg").write_bytes(os.urandom(3_000_000))
    (data / "notes.txt").write_bytes(os.urandom(1000))
    torrent = tmp_path / "holiday.torrent"

    made = btt("create", str(data), "-o", str(torrent), "--tracker", "http://t.invalid/a",
               "--piece-size", "65536", "--hybrid")
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"created {torrent}: holiday, 2 files")
    assert torrent.stat().st_size > 0

    listen = endpoint()
    seeder = subprocess.Popen(
        [*BTT, "--profile", str(tmp_path / "seeder"), "seed", str(torrent),
         "--data", str(tmp_path / "share"), "--listen", listen, "--no-discovery",
         "--upload-limit", "2000000"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert seeder.stdout is not None
        assert seeder.stdout.readline() == f"listening on {listen}\n"

        down = btt("--profile", str(tmp_path / "leecher"), "download", str(torrent),
                   "--to", str(tmp_path / "down"), "--listen", endpoint(), "--no-discovery",
                   "--peer", listen, "--exit-when-done")
        assert down.returncode == 0, down.stderr
        lines = down.stdout.splitlines()
        assert lines and all(PROGRESS.match(line) for line in lines), lines
        assert lines[-1].startswith("progress 100.0% ")
        assert len(lines) >= 2  # 3 MB at 2 MB/s: more than one second of progress lines
        assert sha256_tree(tmp_path / "down" / "holiday") == sha256_tree(data)

        # a magnet link works too (metadata from the seeder)
        magnet_hash = re.search(r"\b([0-9a-f]{40})\b", made.stdout)
        assert magnet_hash
        by_magnet = btt("--profile", str(tmp_path / "magnet"), "download",
                        f"magnet:?xt=urn:btih:{magnet_hash.group(1)}", "--to",
                        str(tmp_path / "down2"), "--listen", endpoint(), "--no-discovery",
                        "--peer", listen, "--exit-when-done")
        assert by_magnet.returncode == 0, by_magnet.stderr
        assert sha256_tree(tmp_path / "down2" / "holiday") == sha256_tree(data)
    finally:
        seeder.send_signal(signal.SIGTERM)
        _, err = seeder.communicate(timeout=30)
    assert seeder.returncode == 0, err
    assert "Traceback" not in err
    # the seeder kept its state in its profile
    assert list((tmp_path / "seeder" / "resume").glob("*.resume"))


def test_seed_stops_cleanly_on_sigint(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "f.bin").write_bytes(os.urandom(50_000))
    torrent = tmp_path / "f.torrent"
    assert btt("create", str(tmp_path / "d" / "f.bin"), "-o", str(torrent)).returncode == 0
    listen = endpoint()
    seeder = subprocess.Popen(
        [*BTT, "--profile", str(tmp_path / "p"), "seed", str(torrent), "--data",
         str(tmp_path / "d"), "--listen", listen, "--no-discovery"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert seeder.stdout is not None
    assert seeder.stdout.readline() == f"listening on {listen}\n"
    ip, port = listen.rsplit(":", 1)
    socket.create_connection((ip, int(port)), timeout=5).close()
    seeder.send_signal(signal.SIGINT)
    _, err = seeder.communicate(timeout=30)
    assert seeder.returncode == 0 and "Traceback" not in err


@pytest.fixture
def good_torrent(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "x.bin").write_bytes(os.urandom(40_000))
    torrent = tmp_path / "x.torrent"
    assert btt("create", str(tmp_path / "data" / "x.bin"), "-o", str(torrent)).returncode == 0
    return torrent


def test_bad_input_gives_one_line_and_exit_1(tmp_path: Path, good_torrent: Path) -> None:
    truncated = tmp_path / "truncated.torrent"
    truncated.write_bytes(good_torrent.read_bytes()[:100])
    garbage = tmp_path / "garbage.torrent"
    garbage.write_text("hello")
    to = str(tmp_path / "out")
    (tmp_path / "empty-dir").mkdir()
    common = ["--no-discovery"]
    cases = [
        (["download", str(truncated), "--to", to, "--listen", endpoint(), *common],
         f"not a valid .torrent file (unexpected end of file in bencoded string): "
         f"{truncated}"),
        (["download", str(garbage), "--to", to, "--listen", endpoint(), *common],
         f"not a valid .torrent file (expected value (list, dict, int or string) in "
         f"bencoded string): {garbage}"),
        (["download", "magnet:?xt=urn:btih:1234", "--to", to, "--listen", endpoint(), *common],
         "not a valid magnet link (invalid info-hash): magnet:?xt=urn:btih:1234"),
        (["download", str(tmp_path / "missing.torrent"), "--to", to, "--listen", endpoint(),
          *common], f"no such file: {tmp_path / 'missing.torrent'}"),
        (["seed", str(good_torrent), "--data", str(tmp_path / "no-such-dir"),
          "--listen", endpoint(), *common], f"no such folder: {tmp_path / 'no-such-dir'}"),
        (["seed", str(tmp_path), "--data", str(tmp_path), "--listen", endpoint(), *common],
         f"is a folder, not a .torrent file: {tmp_path}"),
        (["download", str(good_torrent), "--to", to, "--listen", "nonsense", *common],
         "bad --listen value (IP:PORT expected): nonsense"),
        (["download", str(good_torrent), "--to", to, "--peer", "1.2.3.4", *common],
         "bad --peer value (IP:PORT expected): 1.2.3.4"),
        (["seed", str(good_torrent), "--data", str(tmp_path / "empty-dir"), "--listen",
          endpoint(), *common], f"none of the data of x.bin is in {tmp_path / 'empty-dir'}"),
        (["create", str(tmp_path / "nothing-here"), "-o", str(tmp_path / "n.torrent")],
         f"no such file or folder: {tmp_path / 'nothing-here'}"),
    ]
    # all at once: each is a fresh process that imports libtorrent
    procs = [subprocess.Popen([*BTT, "--profile", str(tmp_path / f"p{i}"), *args],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i, (args, _) in enumerate(cases)]
    for proc, (args, line) in zip(procs, cases, strict=True):
        out, err = proc.communicate(timeout=60)
        result = subprocess.CompletedProcess(args, proc.returncode, out, err)
        assert one_line_error(result) == line


def test_port_in_use_gives_one_line_and_exit_1(tmp_path: Path, good_torrent: Path) -> None:
    ip = next_loopback()
    with socket.socket() as blocker:
        blocker.bind((ip, 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        started = time.monotonic()
        result = btt("--profile", str(tmp_path / "p"), "seed", str(good_torrent), "--data",
                     str(tmp_path / "data"), "--listen", f"{ip}:{port}", "--no-discovery")
        assert one_line_error(result) == f"cannot listen on {ip}:{port}: address already in use"
        assert time.monotonic() - started < 20
        result = btt("--profile", str(tmp_path / "p"), "download", str(good_torrent), "--to",
                     str(tmp_path / "o"), "--listen", f"{ip}:{port}", "--no-discovery")
        assert one_line_error(result) == f"cannot listen on {ip}:{port}: address already in use"


async def test_exit_when_done_returns_as_soon_as_the_download_finishes(tmp_path: Path) -> None:
    """``--exit-when-done`` wakes on TorrentFinished instead of the next 1 s check."""
    import argparse
    import asyncio

    from btt_desktop.cli.torrent_commands import _follow, _Run
    from btt_desktop.engine import Engine, create_torrent
    from btt_desktop.engine.types import AddParams, EngineSettings
    from btt_desktop.events import EventBus, TorrentFinished
    from btt_desktop.profile import Profile

    content = tmp_path / "share" / "file.bin"
    content.parent.mkdir()
    content.write_bytes(os.urandom(2_000_000))
    torrent = tmp_path / "file.torrent"
    await create_torrent(content, torrent, piece_size=65536)
    ip = next_loopback()
    seeder = Engine(Profile.open(tmp_path / "seeder"), EventBus(), EngineSettings(
        listen_interface=ip, listen_port=free_port(ip), outgoing_interface=ip, dht=False,
        lsd=False, upnp=False, natpmp=False, upload_limit=2_000_000))
    await seeder.start()
    try:
        await seeder.add(AddParams(save_path=str(tmp_path / "share"),
                                   torrent_path=str(torrent)))
        run = _Run(argparse.Namespace(profile=str(tmp_path / "leecher"), listen=endpoint(),
                                      no_discovery=True))
        loop = asyncio.get_running_loop()
        finished_at: list[float] = []
        run.bus.subscribe(TorrentFinished, lambda _e: finished_at.append(loop.time()))
        async with run:
            await run.wait_listening()
            params = AddParams(save_path=str(tmp_path / "down"), torrent_path=str(torrent),
                               peers=((ip, seeder.settings.listen_port),))
            tid = await run.add(params, await run.engine.inspect(params))
            await asyncio.wait_for(_follow(run, tid, exit_when_done=True), 60)
            returned_at = loop.time()
        assert finished_at, "the download never finished"
        # the old loop checked once a second: on average 0.5 s late, up to 1 s
        assert returned_at - finished_at[0] < 0.4
        assert (tmp_path / "down" / "file.bin").read_bytes() == content.read_bytes()
    finally:
        await seeder.close()
