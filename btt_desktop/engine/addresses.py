"""Peer addresses and tracker URLs typed by a user: parsed and checked, one line each.

No libtorrent here: the window checks each line as it is typed with the same rules the
engine applies.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from btt_desktop.errors import EngineError

# libtorrent 2.1 announces to these (ws/wss: WebTorrent, built into these bindings);
# anything else it keeps in the list but never contacts
TRACKER_SCHEMES = ("http", "https", "udp", "ws", "wss")


def parse_peer(text: str) -> tuple[str, int]:
    """``"1.2.3.4:6881"`` or ``"[::1]:6881"`` -> (ip, port); :class:`EngineError` with one
    line naming the input otherwise."""
    line = text.strip()
    host, sep, port_text = line.rpartition(":")
    if not sep or not host:
        raise EngineError(f"not IP:port: {line}")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
        if ":" not in host:
            raise EngineError(f"not IP:port: {line}")
    elif ":" in host:
        raise EngineError(f"an IPv6 address goes in brackets, as in [::1]:6881: {line}")
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        raise EngineError(f"not an IP address: {line}") from None
    if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise EngineError(f"not a port (1-65535): {line}")
    return str(ip), int(port_text)


def parse_peer_lines(text: str) -> tuple[list[tuple[str, int]], list[str]]:
    """Every non-blank line as a peer: (peers, the lines that are not IP:port)."""
    peers: list[tuple[str, int]] = []
    bad: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        try:
            peer = parse_peer(line)
        except EngineError:
            bad.append(line)
            continue
        if peer not in peers:
            peers.append(peer)
    return peers, bad


def format_peer(ip: str, port: int) -> str:
    return f"[{ip}]:{port}" if ":" in ip else f"{ip}:{port}"


def check_tracker_url(text: str) -> str:
    """The URL stripped, or :class:`EngineError` with one line naming it."""
    url = text.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise EngineError(f"not a tracker URL: {url}") from None
    if parts.scheme.lower() not in TRACKER_SCHEMES:
        raise EngineError(f"not a tracker URL (http, https, udp, ws or wss): {url}")
    if not parts.hostname or any(c.isspace() for c in url):
        raise EngineError(f"not a tracker URL: {url}")
    if parts.scheme.lower() == "udp" and port is None:
        raise EngineError(f"a udp tracker needs a port: {url}")
    return url


def parse_tracker_tiers(text: str) -> tuple[list[tuple[str, int]], list[str]]:
    """One URL a line, a blank line starting the next tier (as qBittorrent reads it):
    ([(url, tier)], the lines that are not tracker URLs). Tiers count from 0; a URL
    given twice is kept once, in its first tier."""
    entries: list[tuple[str, int]] = []
    bad: list[str] = []
    tier = 0
    blank = False
    seen: set[str] = set()
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            blank = True
            continue
        if blank and entries:
            tier += 1
        blank = False
        try:
            url = check_tracker_url(line)
        except EngineError:
            bad.append(line)
            continue
        if url not in seen:
            seen.add(url)
            entries.append((url, tier))
    return entries, bad
