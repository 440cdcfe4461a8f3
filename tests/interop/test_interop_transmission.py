"""btt and transmission-cli move a torrent both ways through opentracker.

Transmission never dials 127.x peers, so btt always makes the connection: as a
downloader from the tracker's peer list, and as a seeder from the peer list it gets
when it announces after Transmission did.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.interop.clients import (
    Btt,
    Processes,
    Tracker,
    Transmission,
    create_torrent,
    info_hash,
    sha256_tree,
    write_content,
)

pytestmark = [pytest.mark.interop, pytest.mark.timeout(120)]


def test_btt_downloads_from_transmission(tmp_path: Path, procs: Processes,
                                         tracker: Tracker) -> None:
    content = write_content(tmp_path / "seed" / "album")
    torrent = tmp_path / "album.torrent"
    # a torrent made by Transmission's own tool: btt reads another client's metainfo
    made = subprocess.run(["transmission-create", "-o", str(torrent), "-t", tracker.url,
                           "-s", "256", str(content)], capture_output=True, text=True,
                          timeout=60)
    assert made.returncode == 0, made.stdout + made.stderr
    ih = info_hash(torrent)
    tracker.start(ih)
    Transmission(procs, tmp_path, torrent, tmp_path / "seed", verify=True)
    procs.wait_for(lambda: tracker.swarm(ih)[0] == 1, 30, "Transmission to announce as a seed")

    down = Btt(procs, tmp_path, "btt-download").download(torrent, tmp_path / "down")
    procs.wait_for(lambda: down.returncode is not None, 60, "btt download to finish")

    assert down.returncode == 0, procs.logs()
    assert sha256_tree(tmp_path / "down" / "album") == sha256_tree(content), procs.logs()


def test_transmission_downloads_from_btt(tmp_path: Path, procs: Processes,
                                         tracker: Tracker) -> None:
    content = write_content(tmp_path / "seed" / "album")
    torrent = tmp_path / "album.torrent"
    create_torrent(content, torrent, tracker.url)
    ih = info_hash(torrent)
    tracker.start(ih)
    transmission = Transmission(procs, tmp_path, torrent, tmp_path / "tr-down")
    procs.wait_for(lambda: tracker.swarm(ih)[1] == 1, 30, "Transmission to announce")

    # btt's first announce returns Transmission's address, and btt dials it
    Btt(procs, tmp_path, "btt-seed").seed(torrent, tmp_path / "seed")
    procs.wait_for(lambda: transmission.done, 60, "Transmission to complete the download")

    assert sha256_tree(tmp_path / "tr-down" / "album") == sha256_tree(content), procs.logs()
