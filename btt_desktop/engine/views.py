"""Peer and tracker entries: libtorrent objects copied into engine/types.py values."""

from __future__ import annotations

from typing import Any

import libtorrent as lt

from btt_desktop.engine.types import PeerEntry, TrackerEntry

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


def tracker_entry(e: Any) -> TrackerEntry:
    """``e`` is an announce_entry (a dict in these bindings, an object in others)."""
    get = e.get if isinstance(e, dict) else (lambda k, d=None: getattr(e, k, d))
    endpoints = get("endpoints", []) or []
    status = "not contacted"
    message = ""
    seeds = peers = -1
    for ep in endpoints:
        infos = ep.get("info_hashes", []) if isinstance(ep, dict) else []
        for info in infos or [ep]:
            info_get = info.get if isinstance(info, dict) else (
                lambda k, d=None, _i=info: getattr(_i, k, d))
            if info_get("updating", False):
                status = "updating"
            fails = int(info_get("fails", 0) or 0)
            msg = str(info_get("message", "") or "")
            last_error = info_get("last_error", None)
            err_value = last_error.get("value", 0) if isinstance(last_error, dict) else 0
            if fails or err_value:
                status = "error" if status != "updating" else status
                message = msg or (str(last_error.get("message", ""))
                                  if isinstance(last_error, dict) else "")
            elif status == "not contacted" and (info_get("start_sent", False)
                                                 or info_get("complete_sent", False)):
                status = "working"
                message = msg
            seeds = max(seeds, int(info_get("scrape_complete", -1) or -1))
            peers = max(peers, int(info_get("scrape_incomplete", -1) or -1))
    return TrackerEntry(url=str(get("url", "")), tier=int(get("tier", 0) or 0), status=status,
                        message=message, seeds=seeds, peers=peers)
