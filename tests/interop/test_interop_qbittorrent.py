"""btt and qbittorrent-nox move a torrent both ways, finding each other via opentracker."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest

from tests.interop.clients import (
    Btt,
    Processes,
    QBittorrent,
    Tracker,
    announced_hashes,
    content_size,
    create_torrent,
    info_hash,
    sha256_tree,
    write_content,
)

pytestmark = [pytest.mark.interop, pytest.mark.timeout(120)]


def test_btt_downloads_from_qbittorrent(tmp_path: Path, procs: Processes,
                                        tracker: Tracker) -> None:
    content = write_content(tmp_path / "seed" / "album")
    torrent = tmp_path / "album.torrent"
    create_torrent(content, torrent, tracker.url)
    ih = info_hash(torrent)
    tracker.start(ih)
    qbt = QBittorrent(procs, tmp_path)
    qbt.add(torrent, tmp_path / "seed")
    procs.wait_for(lambda: qbt.is_seeding(ih), 30, "qBittorrent to check its copy and seed")
    procs.wait_for(lambda: tracker.swarm(ih)[0] == 1, 30, "qBittorrent to announce as a seed")

    # no --peer: btt learns qBittorrent's address from the tracker
    down = Btt(procs, tmp_path, "btt-download").download(torrent, tmp_path / "down")
    procs.wait_for(lambda: down.returncode is not None, 60, "btt download to finish")

    assert down.returncode == 0, procs.logs()
    assert down.output().splitlines()[-1].startswith("progress 100.0% "), procs.logs()
    assert sha256_tree(tmp_path / "down" / "album") == sha256_tree(content), procs.logs()
    # the data came from qBittorrent, the only seed (its counters lag a little)
    procs.wait_for(lambda: (qbt.torrent(ih) or {}).get("uploaded_session", 0)
                   >= content_size(content), 15, "qBittorrent to count the upload")


@pytest.mark.parametrize("hybrid", [False, True], ids=["v1", "hybrid"])
def test_qbittorrent_downloads_from_btt(tmp_path: Path, procs: Processes, tracker: Tracker,
                                        hybrid: bool) -> None:
    content = write_content(tmp_path / "seed" / "album")
    torrent = tmp_path / "album.torrent"
    create_torrent(content, torrent, tracker.url, hybrid=hybrid)
    ih = info_hash(torrent)
    tracker.start(*announced_hashes(torrent))
    Btt(procs, tmp_path, "btt-seed").seed(torrent, tmp_path / "seed")
    procs.wait_for(lambda: tracker.swarm(ih)[0] == 1, 30, "btt to announce as a seed")

    qbt = QBittorrent(procs, tmp_path)
    qbt.add(torrent, tmp_path / "qbt-down")
    procs.wait_for(lambda: qbt.is_seeding(ih), 60, "qBittorrent to complete the download")

    # a hybrid torrent's v1 view has padding files: none of them may land on disk
    assert sha256_tree(tmp_path / "qbt-down" / "album") == sha256_tree(content), procs.logs()


def test_btt_downloads_magnet_from_qbittorrent(tmp_path: Path, procs: Processes,
                                               tracker: Tracker) -> None:
    """Only a magnet link: the metadata itself comes from qBittorrent (ut_metadata)."""
    content = write_content(tmp_path / "seed" / "album")
    torrent = tmp_path / "album.torrent"
    create_torrent(content, torrent, tracker.url)
    ih = info_hash(torrent)
    tracker.start(ih)
    qbt = QBittorrent(procs, tmp_path)
    qbt.add(torrent, tmp_path / "seed")
    procs.wait_for(lambda: qbt.is_seeding(ih), 30, "qBittorrent to check its copy and seed")
    procs.wait_for(lambda: tracker.swarm(ih)[0] == 1, 30, "qBittorrent to announce as a seed")

    magnet = f"magnet:?xt=urn:btih:{ih}&tr={urllib.parse.quote(tracker.url, safe='')}"
    down = Btt(procs, tmp_path, "btt-download").download(magnet, tmp_path / "down")
    procs.wait_for(lambda: down.returncode is not None, 60, "btt download to finish")

    assert down.returncode == 0, procs.logs()
    assert sha256_tree(tmp_path / "down" / "album") == sha256_tree(content), procs.logs()
