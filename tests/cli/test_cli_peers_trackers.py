"""Peers, trackers and the listen port by hand, as a user of ``btt`` does it: real
processes on loopback, a real tracker (Debian's opentracker)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.cli.test_cli_torrent import BTT, btt, endpoint, one_line_error, sha256_tree
from tests.conftest import free_port, next_loopback
from tests.engine.test_engine_tracker import start_tracker

pytestmark = pytest.mark.timeout(120)


def test_bans_are_kept_in_the_profile_and_refuse_the_peer(tmp_path: Path) -> None:
    profile = ["--profile", str(tmp_path / "p")]
    banned = btt(*profile, "peers", "ban", "203.0.113.9", "[2001:db8::1]", "198.51.100.7")
    assert banned.returncode == 0, banned.stderr
    assert banned.stdout == "banned 3 IPs; 3 in the list\n"
    listed = btt(*profile, "peers", "banned", "--json")
    assert json.loads(listed.stdout) == ["198.51.100.7", "203.0.113.9", "2001:db8::1"]

    assert one_line_error(btt(*profile, "peers", "ban", "10.0.0.1", "not-an-ip")) == (
        "not an IP address: not-an-ip")  # nothing saved when one IP is bad
    assert btt(*profile, "peers", "banned").stdout.split() == [
        "198.51.100.7", "203.0.113.9", "2001:db8::1"]

    lifted = btt(*profile, "peers", "unban", "198.51.100.7", "192.0.2.1")
    assert lifted.stdout == "unbanned 1 IP; 2 in the list\n"

    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "f.bin").write_bytes(os.urandom(40_000))
    torrent = tmp_path / "f.torrent"
    assert btt("create", str(tmp_path / "d" / "f.bin"), "-o", str(torrent)).returncode == 0
    refused = btt(*profile, "download", str(torrent), "--to", str(tmp_path / "o"),
                  "--listen", endpoint(), "--no-discovery", "--peer", "203.0.113.9:6881")
    assert one_line_error(refused) == "203.0.113.9 is banned (unban it first)"
    bad = btt(*profile, "download", str(torrent), "--to", str(tmp_path / "o"),
              "--listen", endpoint(), "--no-discovery", "--peer", "2001:db8::2:6881")
    assert one_line_error(bad) == (
        "bad --peer value (an IPv6 address goes in brackets, as in [::1]:6881): "
        "2001:db8::2:6881")
    bad = btt(*profile, "download", str(torrent), "--to", str(tmp_path / "o"),
              "--listen", endpoint(), "--no-discovery", "--tracker", "ftp://t.example/a")
    assert "ftp://t.example/a" in one_line_error(bad)


def test_a_tracker_added_by_hand_finds_the_seeder(tmp_path: Path) -> None:
    """The torrent names a dead tracker; --tracker adds a working one on both sides."""
    ip = next_loopback()
    port = free_port(ip)
    tracker = f"http://{ip}:{port}/announce"
    data = tmp_path / "share" / "album"
    data.mkdir(parents=True)
    (data / "a.bin").write_bytes(os.urandom(600_000))
    torrent = tmp_path / "album.torrent"
    made = btt("create", str(data), "-o", str(torrent), "--tracker",
               f"http://{ip}:{free_port(ip)}/dead")
    assert made.returncode == 0, made.stderr
    info_hash = made.stdout.split()[-1]
    workdir = Path(tempfile.mkdtemp(prefix="btt-opentracker-"))
    proc = start_tracker(ip, port, [info_hash], workdir)
    listen = endpoint()
    seeder = subprocess.Popen(
        [*BTT, "--profile", str(tmp_path / "seeder"), "seed", str(torrent), "--data",
         str(tmp_path / "share"), "--listen", listen, "--no-discovery", "--tracker", tracker],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert seeder.stdout is not None
        assert seeder.stdout.readline() == f"listening on {listen}\n"
        down = btt("--profile", str(tmp_path / "leecher"), "download", str(torrent), "--to",
                   str(tmp_path / "down"), "--listen", endpoint(), "--no-discovery",
                   "--tracker", tracker, "--exit-when-done", timeout=90)
        assert down.returncode == 0, down.stderr
        assert sha256_tree(tmp_path / "down" / "album") == sha256_tree(data)
    finally:
        seeder.send_signal(signal.SIGTERM)
        seeder.communicate(timeout=30)
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


def test_a_taken_default_port_falls_back_and_says_which(tmp_path: Path) -> None:
    """Without --listen a taken 6881 is not fatal (as in qBittorrent and Transmission);
    with --listen it is (see test_cli_torrent)."""
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "f.bin").write_bytes(os.urandom(20_000))
    torrent = tmp_path / "f.torrent"
    assert btt("create", str(tmp_path / "d" / "f.bin"), "-o", str(torrent)).returncode == 0
    blocker = socket.socket()
    try:
        blocker.bind(("0.0.0.0", 6881))
        blocker.listen()
    except OSError:
        blocker.close()  # something else holds it already: the same situation
        blocker = None  # type: ignore[assignment]
    try:
        seeder = subprocess.Popen(
            [*BTT, "--profile", str(tmp_path / "p"), "seed", str(torrent), "--data",
             str(tmp_path / "d"), "--no-discovery"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert seeder.stdout is not None
        line = seeder.stdout.readline()
        seeder.send_signal(signal.SIGTERM)
        _, err = seeder.communicate(timeout=30)
    finally:
        if blocker is not None:
            blocker.close()
    assert line.startswith("listening on ") and not line.endswith(":6881\n"), line
    assert "port 6881 is in use; listening on port" in err
    assert seeder.returncode == 0 and "Traceback" not in err
