"""Other BitTorrent programs as seeders for the benchmarks: qbittorrent-nox (driven through
its Web API), transmission-cli and aria2c, each on its own 127.x address with a throwaway
profile in the work folder. Only the project's runtime dependencies are used (httpx,
libtorrent). Every process is a :class:`harness.Child`: put it in a ``children()`` list
so it is stopped whatever happens.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import libtorrent as lt
from harness import Child, endpoint, free_port, wait_for

QBT_SEEDING = {"uploading", "stalledUP", "forcedUP", "queuedUP", "checkingUP"}

# qBittorrent's "encryption" preference (Web API and Session\\Encryption)
QBT_ALLOW, QBT_REQUIRE, QBT_DISABLE = 0, 1, 2


def info_hash(torrent: Path) -> str:
    """The v1 info-hash in hex (qBittorrent's id for a v1 torrent)."""
    return str(lt.torrent_info(str(torrent)).info_hashes().v1)


class QBittorrent:
    """qbittorrent-nox with its own profile; its defaults apart from discovery (off), the
    listen address and the Web API (on a free port, no login from loopback)."""

    def __init__(self, started: list[Child], work: Path, name: str = "qbittorrent") -> None:
        self.ip, self.port = endpoint()
        self.webui_port = free_port(self.ip)
        self.profile = work / name
        config = self.profile / "qBittorrent" / "config"
        config.mkdir(parents=True)
        (config / "qBittorrent.conf").write_text(QBT_CONFIG.format(
            ip=self.ip, port=self.port, webui_port=self.webui_port,
            save=work / f"{name}-downloads"))
        self.child = Child(["qbittorrent-nox", f"--profile={self.profile}"],
                           work / f"{name}.log")
        started.append(self.child)
        self.api = f"http://{self.ip}:{self.webui_port}/api/v2"
        wait_for(self.version, 30, "the qBittorrent Web API", [self.child])

    @property
    def pid(self) -> int:
        return self.child.pid

    def version(self) -> str:
        try:
            reply = httpx.get(f"{self.api}/app/version", timeout=2)
        except httpx.HTTPError:
            return ""
        return reply.text if reply.status_code == 200 else ""

    def set_preferences(self, **prefs: Any) -> None:
        reply = httpx.post(f"{self.api}/app/setPreferences", timeout=10,
                           data={"json": json.dumps(prefs)})
        if reply.status_code != 200:
            raise RuntimeError(f"setPreferences {prefs}: {reply.status_code} {reply.text}")

    def preferences(self) -> dict[str, Any]:
        reply = httpx.get(f"{self.api}/app/preferences", timeout=10)
        found: dict[str, Any] = reply.json()
        return found

    def add(self, torrent: Path, save_path: Path) -> None:
        reply = httpx.post(f"{self.api}/torrents/add", timeout=10,
                           files={"torrents": (torrent.name, torrent.read_bytes(),
                                               "application/x-bittorrent")},
                           data={"savepath": str(save_path), "paused": "false"})
        if reply.status_code != 200 or reply.text != "Ok.":
            raise RuntimeError(f"qBittorrent refused the torrent: {reply.text}")

    def torrent(self, hash_hex: str) -> dict[str, Any] | None:
        try:
            reply = httpx.get(f"{self.api}/torrents/info", timeout=5)
        except httpx.HTTPError:
            return None
        for info in reply.json() if reply.status_code == 200 else []:
            if hash_hex in (info.get("hash"), info.get("infohash_v1")):
                return dict(info)
        return None

    def is_seeding(self, hash_hex: str) -> bool:
        info = self.torrent(hash_hex)
        return bool(info and info["progress"] == 1 and info["state"] in QBT_SEEDING)

    def seed(self, torrent: Path, data_parent: Path, limit: float = 300) -> tuple[str, int]:
        """Add and check the torrent; its endpoint once it seeds."""
        self.add(torrent, data_parent)
        ih = info_hash(torrent)
        wait_for(lambda: self.is_seeding(ih), limit, "qBittorrent to check and seed",
                 [self.child], interval=0.2)
        return self.ip, self.port


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


class Transmission:
    """transmission-cli seeding one torrent (it never dials 127.x peers itself)."""

    def __init__(self, started: list[Child], work: Path, torrent: Path,
                 data_parent: Path) -> None:
        self.ip, self.port = endpoint()
        config = work / "transmission"
        config.mkdir(parents=True)
        (config / "settings.json").write_text(json.dumps({
            "bind-address-ipv4": self.ip, "bind-address-ipv6": "::1",
            "peer-port": self.port, "dht-enabled": False, "lpd-enabled": False,
            "pex-enabled": False, "utp-enabled": False, "port-forwarding-enabled": False,
            "rpc-enabled": False, "blocklist-enabled": False, "ratio-limit-enabled": False,
            "idle-seeding-limit-enabled": False, "message-level": 2,
        }))
        self.child = Child(["transmission-cli", "-g", str(config), "-w", str(data_parent),
                            "-p", str(self.port), "-M", "-v", str(torrent)],
                           work / "transmission.log")
        started.append(self.child)

    def seed(self, limit: float = 300) -> tuple[str, int]:
        wait_for(lambda: "Seeding" in self.child.output(), limit, "Transmission to seed",
                 [self.child], interval=0.2)
        return self.ip, self.port


class Aria2:
    """aria2c seeding one torrent forever, after checking the data."""

    def __init__(self, started: list[Child], work: Path, torrent: Path,
                 data_parent: Path) -> None:
        self.ip, self.port = endpoint()
        self.child = Child([
            "aria2c", "--no-conf=true", f"--dir={data_parent}", f"--interface={self.ip}",
            f"--listen-port={self.port}", "--enable-dht=false", "--enable-dht6=false",
            "--bt-enable-lpd=false", "--enable-peer-exchange=false",
            "--bt-require-crypto=false", "--file-allocation=none", "--summary-interval=1",
            "--auto-save-interval=0", "--enable-color=false", "--check-integrity=true",
            "--seed-ratio=0.0", str(torrent)], work / "aria2.log")
        started.append(self.child)

    def seed(self, limit: float = 300) -> tuple[str, int]:
        wait_for(lambda: "SEED(" in self.child.output(), limit, "aria2 to seed",
                 [self.child], interval=0.2)
        return self.ip, self.port
