"""Peer and tracker entries: libtorrent objects copied into engine/types.py values."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import libtorrent as lt

from btt_desktop.engine.types import PeerEntry, TrackerEntry, TrackerStatus

_PF = lt.peer_info
# peer_info::utp_socket is not exported by these bindings; its bit sits between
# i2p_socket (1 << 16) and ssl_socket in libtorrent's peer_info.hpp
_UTP_SOCKET = int(getattr(_PF, "utp_socket", 1 << 17))


def peer_flags(p: Any) -> str:
    """qBittorrent-style letters: D/d download (un)choked, U/u upload, I incoming, E encrypted,
    P uTP, S snubbed, X from PEX, H from DHT, L local discovery, K/? (not) interested."""
    f = int(p.flags)
    letters = []
    if f & int(_PF.interesting):
        letters.append("D" if not f & int(_PF.choked) else "d")
    if f & int(_PF.remote_interested):
        letters.append("U" if not f & int(_PF.remote_choked) else "u")
    if not f & int(_PF.outgoing_connection):
        letters.append("I")
    if f & (int(_PF.rc4_encrypted) | int(_PF.plaintext_encrypted)):
        letters.append("E")
    if f & int(_PF.snubbed):
        letters.append("S")
    if int(p.source) & int(_PF.pex):
        letters.append("X")
    if int(p.source) & int(_PF.dht):
        letters.append("H")
    if int(p.source) & int(_PF.lsd):
        letters.append("L")
    if is_utp(p):
        letters.append("P")
    return " ".join(letters)


def is_utp(p: Any) -> bool:
    return bool(int(p.flags) & _UTP_SOCKET)


def peer_entry(p: Any) -> PeerEntry:
    ip, port = p.ip
    client = p.client
    if isinstance(client, bytes):
        client = client.decode("utf-8", "replace")
    return PeerEntry(
        ip=str(ip), port=int(port), client=str(client), flags=peer_flags(p),
        progress=float(p.progress),
        download_rate=int(p.payload_down_speed), upload_rate=int(p.payload_up_speed),
        total_download=int(p.total_download), total_upload=int(p.total_upload),
        connection="uTP" if is_utp(p) else "BT",
        seed=bool(int(p.flags) & int(_PF.seed)),
        upload_queue=max(0, int(p.upload_queue_length)),
    )


def tracker_entry(e: Any, last_errors: Mapping[str, str] | None = None) -> TrackerEntry:
    """``e`` is an announce_entry (a dict in these bindings, an object in others).
    ``last_errors`` maps a URL to the reason its last announce failed
    (``tracker_error_alert``): the entry itself holds only an error number.

    Working when an endpoint announced and has not failed since; not working when one
    failed; "not contacted" until then (also after a restart, before the first
    announce, whatever the resume data held)."""
    get = e.get if isinstance(e, dict) else (lambda k, d=None: getattr(e, k, d))
    url = str(get("url", ""))
    updating = working = failed = False
    message = error = ""
    seeds = peers = -1
    for ep in get("endpoints", []) or []:
        infos = ep.get("info_hashes", []) if isinstance(ep, dict) else []
        for info in infos or [ep]:
            info_get = info.get if isinstance(info, dict) else (
                lambda k, d=None, _i=info: getattr(_i, k, d))
            updating = updating or bool(info_get("updating", False))
            fails = int(info_get("fails", 0) or 0)
            msg = " ".join(str(info_get("message", "") or "").split())
            if fails:
                failed = True
                error = error or msg or _error_text(info_get("last_error", None))
            elif info_get("start_sent", False) or info_get("complete_sent", False):
                working = True
                message = message or msg
            seeds = max(seeds, _count(info_get("scrape_complete", -1)))
            peers = max(peers, _count(info_get("scrape_incomplete", -1)))
    if updating:
        status = TrackerStatus.UPDATING
    elif working:
        status = TrackerStatus.WORKING
    elif failed:
        status = TrackerStatus.ERROR
        message = (last_errors or {}).get(url, "") or error
    else:
        status = TrackerStatus.NOT_CONTACTED
    return TrackerEntry(url=url, tier=int(get("tier", 0) or 0), status=status,
                        message=message, seeds=seeds, peers=peers)


def _count(value: Any) -> int:
    return -1 if value is None else int(value)


def _error_text(last_error: Any) -> str:
    """A system error number as words ("connection refused"); the bindings give the
    number and its category but not the message."""
    if not isinstance(last_error, dict):
        return ""
    value = int(last_error.get("value", 0) or 0)
    if value and last_error.get("category") == "system":
        return os.strerror(value)
    return ""
