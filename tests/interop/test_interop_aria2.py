"""btt and aria2c move a torrent both ways, finding each other via opentracker."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.interop.clients import (
    Aria2,
    Btt,
    Processes,
    Tracker,
    create_torrent,
    info_hash,
    sha256_tree,
    write_content,
)

pytestmark = [pytest.mark.interop, pytest.mark.timeout(120)]


def test_btt_downloads_from_aria2(tmp_path: Path, procs: Processes, tracker: Tracker) -> None:
    content = write_content(tmp_path / "seed" / "album")
    torrent = tmp_path / "album.torrent"
    create_torrent(content, torrent, tracker.url)
    ih = info_hash(torrent)
    tracker.start(ih)
    Aria2(procs, tmp_path, torrent, tmp_path / "seed", seed=True)
    procs.wait_for(lambda: tracker.swarm(ih)[0] == 1, 30, "aria2 to check its copy and seed")

    down = Btt(procs, tmp_path, "btt-download").download(torrent, tmp_path / "down")
    procs.wait_for(lambda: down.returncode is not None, 60, "btt download to finish")

    assert down.returncode == 0, procs.logs()
    assert sha256_tree(tmp_path / "down" / "album") == sha256_tree(content), procs.logs()


def test_aria2_downloads_from_btt(tmp_path: Path, procs: Processes, tracker: Tracker) -> None:
    content = write_content(tmp_path / "seed" / "album")
    torrent = tmp_path / "album.torrent"
    create_torrent(content, torrent, tracker.url)
    ih = info_hash(torrent)
    tracker.start(ih)
    Btt(procs, tmp_path, "btt-seed").seed(torrent, tmp_path / "seed")
    procs.wait_for(lambda: tracker.swarm(ih)[0] == 1, 30, "btt to announce as a seed")

    aria2 = Aria2(procs, tmp_path, torrent, tmp_path / "aria2-down", seed=False)
    # --seed-time=0: aria2 exits 0 once it has every piece verified
    procs.wait_for(lambda: aria2.proc.returncode is not None, 60, "aria2 to finish")

    assert aria2.proc.returncode == 0, procs.logs()
    assert sha256_tree(tmp_path / "aria2-down" / "album") == sha256_tree(content), procs.logs()
