"""btt's default encryption ("prefer plain") against qbittorrent-nox that requires
encryption, set through its Web API: btt dials it, is dropped on the plain handshake, and
connects again with the encrypted one."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from tests.conftest import free_port, next_loopback
from tests.interop.clients import (
    BTT,
    Processes,
    QBittorrent,
    info_hash,
    sha256_tree,
    write_content,
)

pytestmark = [pytest.mark.interop, pytest.mark.timeout(120)]


def test_btt_downloads_from_qbittorrent_that_requires_encryption(tmp_path: Path,
                                                                  procs: Processes) -> None:
    content = write_content(tmp_path / "seed" / "album")
    torrent = tmp_path / "album.torrent"
    made = procs.start("btt-create", [*BTT, "create", str(content), "-o", str(torrent)])
    procs.wait_for(lambda: made.returncode is not None, 60, "btt create")
    assert made.returncode == 0, procs.logs()
    qbt = QBittorrent(procs, tmp_path)
    reply = httpx.post(f"{qbt.api}/app/setPreferences", timeout=10,
                       data={"json": json.dumps({"encryption": 1})})
    assert reply.status_code == 200, reply.text
    assert httpx.get(f"{qbt.api}/app/preferences", timeout=10).json()["encryption"] == 1
    ih = info_hash(torrent)
    qbt.add(torrent, tmp_path / "seed")
    procs.wait_for(lambda: qbt.is_seeding(ih), 30, "qBittorrent to check its copy and seed")

    ip = next_loopback()
    down = procs.start("btt-download", [
        *BTT, "--profile", str(tmp_path / "btt-profile"), "download", str(torrent), "--to",
        str(tmp_path / "down"), "--listen", f"{ip}:{free_port(ip)}", "--no-discovery",
        "--peer", f"{qbt.ip}:{qbt.port}", "--exit-when-done"])
    procs.wait_for(lambda: down.returncode is not None, 60, "btt download to finish")

    assert down.returncode == 0, procs.logs()
    assert sha256_tree(tmp_path / "down" / "album") == sha256_tree(content), procs.logs()
