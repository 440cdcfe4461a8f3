"""btt and qbittorrent-nox move a torrent both ways, finding each other via opentracker."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.interop.clients import (
    Btt,
    Processes,
    QBittorrent,
    Tracker,
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
    uploaded = qbt.torrent(ih)
    assert uploaded is not None and uploaded["uploaded"] >= uploaded["size"], procs.logs()


def test_qbittorrent_downloads_from_btt(tmp_path: Path, procs: Processes,
                                        tracker: Tracker) -> None:
    content = write_content(tmp_path / "seed" / "album")
    torrent = tmp_path / "album.torrent"
    create_torrent(content, torrent, tracker.url)
    ih = info_hash(torrent)
    tracker.start(ih)
    Btt(procs, tmp_path, "btt-seed").seed(torrent, tmp_path / "seed")
    procs.wait_for(lambda: tracker.swarm(ih)[0] == 1, 30, "btt to announce as a seed")

    qbt = QBittorrent(procs, tmp_path)
    qbt.add(torrent, tmp_path / "qbt-down")
    procs.wait_for(lambda: qbt.is_seeding(ih), 60, "qBittorrent to complete the download")

    assert sha256_tree(tmp_path / "qbt-down" / "album") == sha256_tree(content), procs.logs()
