"""Finding peers through a real tracker (Debian's opentracker) on loopback."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from btt_desktop.engine import create_torrent
from btt_desktop.engine.types import AddParams, TorrentState, TrackerEntry
from btt_desktop.events import TorrentFinished
from tests.conftest import free_port, next_loopback
from tests.engine.conftest import (
    NodeFactory,
    tree_digests,
    wait_until,
    wait_until_async,
    write_random,
)

pytestmark = pytest.mark.timeout(60)


def start_tracker(ip: str, port: int, info_hashes: list[str],
                  workdir: Path) -> subprocess.Popen[bytes]:
    """Debian's opentracker only serves whitelisted torrents (-w; the file is found
    relative to its working directory and -d, so both are ``workdir``). It then runs as
    user "nobody", so ``workdir`` must be readable by everyone."""
    binary = shutil.which("opentracker")
    assert binary, "opentracker (Debian package) is required"
    whitelist = workdir / "whitelist"
    whitelist.write_text("".join(h + "\n" for h in info_hashes))
    workdir.chmod(0o755)
    whitelist.chmod(0o644)
    proc = subprocess.Popen([binary, "-i", ip, "-p", str(port), "-P", str(port),
                             "-w", whitelist.name, "-d", str(workdir)],
                            cwd=workdir, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection((ip, port), timeout=0.2).close()
            return proc
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError("opentracker did not start") from None
            time.sleep(0.05)


async def test_peers_found_through_the_tracker(tmp_path: Path,
                                               make_node: NodeFactory) -> None:
    ip = next_loopback()
    port = free_port(ip)
    tracker = f"http://{ip}:{port}/announce"
    content = tmp_path / "seed" / "content"
    write_random(content / "a.bin", 800_000)
    out = tmp_path / "t.torrent"
    meta = await create_torrent(content, out, trackers=[tracker])
    assert meta.info_hash_v1
    # pytest's temp folders are private to us; opentracker's user is not
    workdir = Path(tempfile.mkdtemp(prefix="btt-opentracker-"))
    proc = start_tracker(ip, port, [meta.info_hash_v1], workdir)
    try:
        await _swarm_via_tracker(tmp_path, make_node, tracker, out, content)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


async def _swarm_via_tracker(tmp_path: Path, make_node: NodeFactory, tracker: str, out: Path,
                             content: Path) -> None:
    seeder = await make_node()
    leecher = await make_node()
    sid = await seeder.engine.add(AddParams(save_path=str(tmp_path / "seed"),
                                            torrent_path=str(out)))
    await wait_until(lambda: (s := seeder.engine.snapshot(sid)) is not None
                     and s.state == TorrentState.SEEDING, what="seeder")

    seen: list[TrackerEntry] = []

    async def announced() -> bool:
        seen[:] = await seeder.engine.trackers(sid)
        return bool(seen) and seen[0].status == "working"

    await wait_until_async(announced, 20, "the seeder's announce")
    # no peer given: the leecher learns the seeder from the tracker
    tid = await leecher.engine.add(AddParams(save_path=str(tmp_path / "down"),
                                             torrent_path=str(out)))
    await wait_until(lambda: bool(leecher.of(TorrentFinished)), 40, "download via tracker")
    assert tree_digests(tmp_path / "down" / "content") == tree_digests(content)
    entries = await leecher.engine.trackers(tid)
    assert [(e.url, e.tier) for e in entries] == [(tracker, 0)]
    assert entries[0].status == "working" and entries[0].message == ""
