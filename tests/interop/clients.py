"""Real third-party BitTorrent programs from Debian, run as child processes.

opentracker, qbittorrent-nox, transmission-cli and aria2c, each on its own 127.x address
and ports, with a throwaway profile and its log in the test's folder. Every process is
registered in a :class:`Processes`, which stops them all (even when a test fails) and
gives their logs for assertion messages.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import httpx
import libtorrent as lt

from tests.conftest import free_port, next_loopback

T = TypeVar("T")

LOG_TAIL = 6000  # characters of each log shown in a failure message
BTT = [sys.executable, "-m", "btt_desktop.cli"]


class Process:
    """One child process whose stdout and stderr go to a log file."""

    def __init__(self, name: str, argv: list[str], log_dir: Path, *,
                 extra_logs: tuple[Path, ...] = (), env: dict[str, str] | None = None) -> None:
        self.name = name
        self.argv = argv
        self.log = log_dir / f"{name}.log"
        self.extra_logs = extra_logs
        log_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log, "wb") as out:
            # its own process group: stop() reaches helpers it may have spawned
            self.popen = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT,
                                          stdin=subprocess.DEVNULL, start_new_session=True,
                                          env=env)

    @property
    def returncode(self) -> int | None:
        return self.popen.poll()

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def describe(self) -> str:
        parts = [f"--- {self.name} (exit {self.returncode}): {' '.join(self.argv)}",
                 _tail(self.log)]
        for extra in self.extra_logs:
            parts += [f"--- {self.name}: {extra.name}", _tail(extra)]
        return "\n".join(parts)

    def stop(self, grace: float = 10.0) -> None:
        if self.popen.poll() is None:
            self._signal(signal.SIGTERM)
            try:
                self.popen.wait(grace)
            except subprocess.TimeoutExpired:
                self._signal(signal.SIGKILL)
                self.popen.wait(5)
        # children left in the group (none expected) go too
        self._signal(signal.SIGKILL)

    def _signal(self, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.popen.pid, sig)


def _tail(path: Path) -> str:
    try:
        text = path.read_text(errors="replace")
    except FileNotFoundError:
        return "(no log)"
    text = text.replace("\r", "\n")  # transmission-cli redraws its status line with \r
    lines = [line for line in text.splitlines() if line.strip()]
    text = "\n".join(lines)
    return text if len(text) <= LOG_TAIL else "...\n" + text[-LOG_TAIL:]


class Processes:
    """Every process a test started; :meth:`stop_all` ends them in reverse order."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self.started: list[Process] = []
        self.notes: list[Callable[[], str]] = []  # more state for failure messages

    def start(self, name: str, argv: list[str], **kwargs: Any) -> Process:
        proc = Process(name, argv, self.log_dir, **kwargs)
        self.started.append(proc)
        return proc

    def logs(self) -> str:
        parts = [p.describe() for p in self.started]
        for note in self.notes:
            try:
                parts.append(note())
            except Exception as exc:  # a failure message must not fail itself
                parts.append(f"(could not collect state: {exc!r})")
        return "\n".join(parts)

    def stop_all(self) -> None:
        for proc in reversed(self.started):
            proc.stop()

    def wait_for(self, predicate: Callable[[], T], seconds: float, what: str,
                 interval: float = 0.2) -> T:
        """Poll until ``predicate()`` is truthy; on timeout fail with every log attached.

        Also fails at once if a started process died with an error.
        """
        deadline = time.monotonic() + seconds
        while True:
            value = predicate()
            if value:
                return value
            crashed = [p for p in self.started if p.returncode not in (None, 0)]
            if crashed:
                raise AssertionError(f"{crashed[0].name} exited with {crashed[0].returncode} "
                                     f"while waiting for {what}\n{self.logs()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}\n"
                                     f"{self.logs()}")
            time.sleep(interval)


# -- data -----------------------------------------------------------------------------

def write_content(root: Path) -> Path:
    """A folder of random files with uneven sizes, sub-folders included."""
    files = {"video.bin": 5_000_000 + 12_345, "docs/readme.txt": 3_001,
             "docs/deep/tail.bin": 700_001}
    for rel, size in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(size))
    return root


def content_size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def sha256_tree(root: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file under ``root``."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def info_hash(torrent: Path) -> str:
    """The v1 info-hash in hex: the torrent's id in qBittorrent's API and the tracker."""
    return str(lt.torrent_info(str(torrent)).info_hashes().v1)


def announced_hashes(torrent: Path) -> list[str]:
    """Every hash clients announce: v1 and, for a hybrid torrent, the v2 hash cut to
    20 bytes (libtorrent announces both)."""
    hashes = lt.torrent_info(str(torrent)).info_hashes()
    found = [str(hashes.v1)] if hashes.has_v1() else []
    if hashes.has_v2():
        found.append(str(hashes.v2)[:40])
    return found


# -- opentracker ----------------------------------------------------------------------

class Tracker:
    """opentracker on its own address. Debian builds it with a whitelist of info-hashes
    and the info-hash does not cover the announce URL: so the URL is known first, the
    torrents are made with it, then :meth:`start` serves exactly those."""

    def __init__(self, procs: Processes, work: Path) -> None:
        self.procs = procs
        self.home = work / "opentracker"
        self.ip = next_loopback()
        self.port = free_port(self.ip)
        self.url = f"http://{self.ip}:{self.port}/announce"

    def start(self, *info_hashes: str) -> None:
        self.home.mkdir(parents=True)
        # it chroots to -d and drops to user nobody: both must stay readable
        self.home.chmod(0o755)
        whitelist = self.home / "whitelist"
        whitelist.write_text("".join(h + "\n" for h in info_hashes))
        whitelist.chmod(0o644)
        self.procs.start("opentracker", [
            "opentracker", "-i", self.ip, "-p", str(self.port), "-P", str(self.port),
            "-d", str(self.home), "-w", whitelist.name])
        self.procs.wait_for(lambda: self._serves(info_hashes[0]), 10,
                            "opentracker to serve the torrent")

    def _get(self, path: str, hash_hex: str, **query: str) -> dict[bytes, Any] | None:
        params = "&".join(f"{k}={v}" for k, v in query.items())
        quoted = urllib.parse.quote(bytes.fromhex(hash_hex))
        try:
            reply = httpx.get(f"http://{self.ip}:{self.port}/{path}?info_hash={quoted}"
                              f"{'&' + params if params else ''}", timeout=2)
        except httpx.HTTPError:
            return None
        decoded: Any = lt.bdecode(reply.content)
        return decoded if isinstance(decoded, dict) else None

    def _serves(self, hash_hex: str) -> bool:
        # a "stopped" announce adds no peer; it fails while the whitelist is not loaded
        reply = self._get("announce", hash_hex, peer_id="-XX0000-probeprobepr", port="1",
                          left="0", event="stopped", compact="1")
        return reply is not None and b"failure reason" not in reply

    def swarm(self, hash_hex: str) -> tuple[int, int]:
        """(seeds, leechers) the tracker knows for the torrent, from a scrape."""
        reply = self._get("scrape", hash_hex)
        files = (reply or {}).get(b"files", {})
        entry = files.get(bytes.fromhex(hash_hex), {})
        return int(entry.get(b"complete", 0)), int(entry.get(b"incomplete", 0))


# -- qbittorrent-nox ------------------------------------------------------------------

QBT_SEEDING = {"uploading", "stalledUP", "forcedUP", "queuedUP", "checkingUP"}


class QBittorrent:
    """qbittorrent-nox with a throwaway profile, driven through its WebUI API v2."""

    def __init__(self, procs: Processes, work: Path) -> None:
        self.ip = next_loopback()
        self.port = free_port(self.ip)
        self.webui_port = free_port(self.ip)
        self.profile = work / "qbittorrent"
        config = self.profile / "qBittorrent" / "config"
        config.mkdir(parents=True)
        (config / "qBittorrent.conf").write_text(QBT_CONFIG.format(
            ip=self.ip, port=self.port, webui_port=self.webui_port,
            save=work / "qbittorrent-downloads"))
        app_log = self.profile / "qBittorrent" / "data" / "logs" / "qbittorrent.log"
        self.proc = procs.start("qbittorrent-nox", [
            "qbittorrent-nox", f"--profile={self.profile}"], extra_logs=(app_log,))
        self.api = f"http://{self.ip}:{self.webui_port}/api/v2"
        procs.notes.append(self._torrents_note)
        procs.wait_for(self._version, 30, "the qBittorrent WebUI")

    def _version(self) -> str:
        try:
            reply = httpx.get(f"{self.api}/app/version", timeout=2)
        except httpx.HTTPError:
            return ""
        return reply.text if reply.status_code == 200 else ""

    def add(self, torrent: Path, save_path: Path) -> None:
        reply = httpx.post(f"{self.api}/torrents/add", timeout=10,
                           files={"torrents": (torrent.name, torrent.read_bytes(),
                                               "application/x-bittorrent")},
                           data={"savepath": str(save_path), "paused": "false"})
        assert reply.status_code == 200 and reply.text == "Ok.", reply.text

    def torrent(self, hash_hex: str) -> dict[str, Any] | None:
        """The torrent with this v1 (or v2) info-hash. qBittorrent's own id for a hybrid
        torrent is its truncated v2 hash, so every torrent is matched on all three."""
        try:
            reply = httpx.get(f"{self.api}/torrents/info", timeout=5)
        except httpx.HTTPError:
            return None
        found = reply.json() if reply.status_code == 200 else []
        for info in found:
            if hash_hex in (info.get("hash"), info.get("infohash_v1"),
                            str(info.get("infohash_v2", ""))[:40]):
                return dict(info)
        return None

    def is_seeding(self, hash_hex: str) -> bool:
        info = self.torrent(hash_hex)
        return bool(info and info["progress"] == 1 and info["state"] in QBT_SEEDING)

    def _torrents_note(self) -> str:
        reply = httpx.get(f"{self.api}/torrents/info", timeout=5)
        return f"--- qbittorrent-nox torrents: {json.dumps(reply.json(), indent=1)}"


QBT_CONFIG = """\
[LegalNotice]
Accepted=true

[BitTorrent]
Session\\Port={port}
Session\\Interface=
Session\\InterfaceAddress={ip}
Session\\DHTEnabled=false
Session\\LSDEnabled=false
Session\\PeXEnabled=false
Session\\QueueingSystemEnabled=false
Session\\DefaultSavePath={save}

[Preferences]
Connection\\UPnP=false
Connection\\ResolvePeerCountries=false
General\\Locale=en
WebUI\\Enabled=true
WebUI\\Address={ip}
WebUI\\Port={webui_port}
WebUI\\LocalHostAuth=false
WebUI\\HostHeaderValidation=false
WebUI\\CSRFProtection=false
"""


# -- transmission-cli -----------------------------------------------------------------

class Transmission:
    """transmission-cli on one torrent. It never dials 127.x peers: the other side must
    connect to it. ``done`` turns true when it has the whole torrent."""

    def __init__(self, procs: Processes, work: Path, torrent: Path, download_dir: Path,
                 *, verify: bool = False) -> None:
        self.ip = next_loopback()
        self.port = free_port(self.ip)
        config = work / "transmission"
        config.mkdir(parents=True)
        (config / "settings.json").write_text(json.dumps({
            "bind-address-ipv4": self.ip, "bind-address-ipv6": "::1",
            "peer-port": self.port, "dht-enabled": False, "lpd-enabled": False,
            "pex-enabled": False, "utp-enabled": False, "port-forwarding-enabled": False,
            "rpc-enabled": False, "blocklist-enabled": False, "ratio-limit-enabled": False,
            "idle-seeding-limit-enabled": False, "message-level": 2,
        }))
        self.marker = work / "transmission.done"
        script = config / "done.sh"
        script.write_text(f"#!/bin/sh\ntouch '{self.marker}'\n")
        script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        download_dir.mkdir(parents=True, exist_ok=True)
        argv = ["transmission-cli", "-g", str(config), "-w", str(download_dir),
                "-p", str(self.port), "-M", "-B", "-f", str(script)]
        if verify:
            argv.append("-v")
        self.proc = procs.start("transmission-cli", [*argv, str(torrent)])

    @property
    def done(self) -> bool:
        return self.marker.exists()


# -- aria2c ---------------------------------------------------------------------------

class Aria2:
    """aria2c on one torrent: seeds forever (``seed=True``, after checking the data) or
    downloads and exits 0."""

    def __init__(self, procs: Processes, work: Path, torrent: Path, directory: Path,
                 *, seed: bool) -> None:
        self.ip = next_loopback()
        self.port = free_port(self.ip)
        directory.mkdir(parents=True, exist_ok=True)
        debug_log = work / "aria2-detail.log"
        argv = ["aria2c", "--no-conf=true", f"--dir={directory}", f"--interface={self.ip}",
                f"--listen-port={self.port}", "--enable-dht=false", "--enable-dht6=false",
                "--bt-enable-lpd=false", "--enable-peer-exchange=false",
                "--bt-require-crypto=false", "--file-allocation=none",
                "--summary-interval=1", "--auto-save-interval=0", "--enable-color=false",
                "--check-integrity=true",
                f"--log={debug_log}", "--log-level=info"]
        argv += ["--seed-ratio=0.0"] if seed else ["--seed-time=0"]
        self.proc = procs.start("aria2c", [*argv, str(torrent)], extra_logs=(debug_log,))


# -- our client -------------------------------------------------------------------------

class Btt:
    """The ``btt`` command as a user runs it, on its own address."""

    def __init__(self, procs: Processes, work: Path, name: str) -> None:
        self.procs = procs
        self.ip = next_loopback()
        self.port = free_port(self.ip)
        self.profile = work / f"{name}-profile"
        self.name = name

    @property
    def listen(self) -> str:
        return f"{self.ip}:{self.port}"

    def seed(self, torrent: Path, data_parent: Path) -> Process:
        proc = self.procs.start(self.name, [
            *BTT, "--profile", str(self.profile), "seed", str(torrent),
            "--data", str(data_parent), "--listen", self.listen, "--no-discovery"])
        self.procs.wait_for(lambda: "listening on" in proc.output(), 30,
                            f"{self.name} to check its data and listen")
        return proc

    def download(self, source: Path | str, to: Path) -> Process:
        """Download a .torrent file or a magnet link until complete."""
        return self.procs.start(self.name, [
            *BTT, "--profile", str(self.profile), "download", str(source), "--to", str(to),
            "--listen", self.listen, "--no-discovery", "--exit-when-done"])


def create_torrent(content: Path, out: Path, tracker_url: str, *, hybrid: bool = False) -> None:
    """``btt create``: the torrent every client is given (v1, or v1+v2 with ``hybrid``)."""
    made = subprocess.run([*BTT, "create", str(content), "-o", str(out), "--tracker",
                           tracker_url, "--piece-size", str(256 * 1024),
                           *(["--hybrid"] if hybrid else [])],
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
