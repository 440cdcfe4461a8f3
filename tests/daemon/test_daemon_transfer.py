"""A download between two ``btt daemon`` processes, each listening on its own 127.0.0.x:
the seeder's address given through ``torrents/addPeers``; then the leecher restarts and
restores the torrent from its profile."""

from __future__ import annotations

import hashlib
import signal
from pathlib import Path

import pytest

from tests.daemon.conftest import Daemon, create_torrent, make_content, wait_for

pytestmark = pytest.mark.timeout(120)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_download_between_two_daemons(tmp_path: Path) -> None:
    content = make_content(tmp_path / "share" / "movie", {"movie.bin": 3_000_000,
                                                          "extra/notes.txt": 5_000})
    torrent = create_torrent(content, tmp_path / "movie.torrent", piece_size=65536)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    seeder = Daemon(tmp_path / "a")
    leecher = Daemon(tmp_path / "b")
    try:
        sc, lc = seeder.client(), leecher.client()
        sc.torrents_add(torrent_files=str(torrent), save_path=str(tmp_path / "share"))
        tid = wait_for(lambda: next((t.hash for t in sc.torrents_info()
                                     if t.state in ("stalledUP", "uploading")), None))
        lc.torrents_add(torrent_files=str(torrent), save_path=str(tmp_path / "down"))
        wait_for(lambda: lc.torrents_info(torrent_hashes=tid))
        lc.torrents_add_peers(peers=[seeder.listen], torrent_hashes=tid)
        done = wait_for(lambda: next((t for t in lc.torrents_info(torrent_hashes=tid)
                                      if t.progress == 1 and t.amount_left == 0), None),
                        within=60)
        assert done.state in ("stalledUP", "uploading")
        assert wait_for(lambda: lc.torrents_info(torrent_hashes=tid)[0].downloaded
                        >= 3_005_000)
        for name in ("movie.bin", "extra/notes.txt"):
            assert _digest(tmp_path / "down" / "movie" / name) == _digest(content / name)
        assert wait_for(lambda: sc.torrents_info(torrent_hashes=tid)[0].uploaded >= 3_000_000)
        answer = lc.sync_torrent_peers(tid, rid=0)   # two seeds part once both are done
        assert answer.full_update is True and "peers" in answer
    finally:
        assert seeder.stop() == 0
        assert leecher.stop(signal.SIGINT) == 0

    again = Daemon(tmp_path / "b")   # the same profile: the torrent comes back
    try:
        restored = again.client().torrents_info()
        assert [(t.hash, t.progress) for t in restored] == [(tid, 1)]
        assert restored[0].save_path == str(tmp_path / "down")
    finally:
        assert again.stop() == 0
