"""Engine values -> qBittorrent's dictionaries (field names and units as in its
Web API v2: bytes, bytes/s, unix seconds, ``8640000`` for an unknown ETA)."""

from __future__ import annotations

import enum
import os
from collections.abc import Iterable, Sequence
from typing import Any

from btt_desktop.engine.types import (
    Category,
    FileEntry,
    PeerEntry,
    TorrentDetails,
    TorrentSnapshot,
    TorrentState,
    TrackerEntry,
    TrackerKind,
    TrackerStatus,
)

MAX_ETA = 8_640_000  # qBittorrent's "infinity" (100 days)


class QbState(enum.StrEnum):
    """qBittorrent 5's torrent states (Web API 2.11: "stopped" for "paused")."""

    ERROR = "error"
    MISSING_FILES = "missingFiles"
    UPLOADING = "uploading"
    STOPPED_UP = "stoppedUP"
    QUEUED_UP = "queuedUP"
    STALLED_UP = "stalledUP"
    CHECKING_UP = "checkingUP"
    FORCED_UP = "forcedUP"
    ALLOCATING = "allocating"
    DOWNLOADING = "downloading"
    META_DL = "metaDL"
    STOPPED_DL = "stoppedDL"
    QUEUED_DL = "queuedDL"
    STALLED_DL = "stalledDL"
    CHECKING_DL = "checkingDL"
    FORCED_DL = "forcedDL"
    CHECKING_RESUME = "checkingResumeData"
    MOVING = "moving"
    UNKNOWN = "unknown"


_DOWNLOADING = {QbState.DOWNLOADING, QbState.META_DL, QbState.STOPPED_DL, QbState.QUEUED_DL,
                QbState.STALLED_DL, QbState.CHECKING_DL, QbState.FORCED_DL}
_UPLOADING = {QbState.UPLOADING, QbState.STOPPED_UP, QbState.QUEUED_UP, QbState.STALLED_UP,
              QbState.CHECKING_UP, QbState.FORCED_UP}
_STOPPED = {QbState.STOPPED_DL, QbState.STOPPED_UP}
_CHECKING = {QbState.CHECKING_DL, QbState.CHECKING_UP, QbState.CHECKING_RESUME}
_STALLED_UP = {QbState.STALLED_UP}
_STALLED_DL = {QbState.STALLED_DL}
_ERRORED = {QbState.ERROR, QbState.MISSING_FILES}


def _done(snap: TorrentSnapshot) -> bool:
    return snap.has_metadata and snap.total_done >= snap.total_wanted


def state_of(snap: TorrentSnapshot, forced: bool = False) -> QbState:
    done = _done(snap)
    match snap.state:
        case TorrentState.ERROR:
            return QbState.ERROR
        case TorrentState.PAUSED:
            return QbState.STOPPED_UP if done else QbState.STOPPED_DL
        case TorrentState.QUEUED:
            return QbState.QUEUED_UP if done else QbState.QUEUED_DL
        case TorrentState.CHECKING:
            return QbState.CHECKING_UP if done else QbState.CHECKING_DL
        case TorrentState.METADATA:
            return QbState.META_DL
        case TorrentState.MOVING:
            return QbState.MOVING
        case TorrentState.DOWNLOADING:
            if forced:
                return QbState.FORCED_DL
            return QbState.DOWNLOADING if snap.download_rate > 0 else QbState.STALLED_DL
        case TorrentState.SEEDING:
            if forced:
                return QbState.FORCED_UP
            return QbState.UPLOADING if snap.upload_rate > 0 else QbState.STALLED_UP
    return QbState.UNKNOWN


def matches_filter(name: str, state: QbState, snap: TorrentSnapshot) -> bool:
    """qBittorrent's status filters (``paused``/``resumed`` are the old names)."""
    active = snap.download_rate > 0 or snap.upload_rate > 0
    match name:
        case "" | "all":
            return True
        case "downloading":
            return state in _DOWNLOADING
        case "seeding":
            return state in _UPLOADING
        case "completed":
            return _done(snap)
        case "stopped" | "paused":
            return state in _STOPPED
        case "running" | "resumed":
            return state not in _STOPPED
        case "active":
            return active
        case "inactive":
            return not active
        case "stalled":
            return state in _STALLED_UP | _STALLED_DL
        case "stalled_uploading":
            return state in _STALLED_UP
        case "stalled_downloading":
            return state in _STALLED_DL
        case "checking":
            return state in _CHECKING
        case "moving":
            return state is QbState.MOVING
        case "errored":
            return state in _ERRORED
    return False


FILTERS = frozenset({"all", "downloading", "seeding", "completed", "stopped", "paused",
                     "running", "resumed", "active", "inactive", "stalled",
                     "stalled_uploading", "stalled_downloading", "checking", "moving",
                     "errored"})


def torrent_info(snap: TorrentSnapshot, forced: bool, magnet: str = "") -> dict[str, Any]:
    state = state_of(snap, forced)
    left = max(0, snap.total_wanted - snap.total_done)
    eta = snap.eta if snap.eta is not None and snap.eta >= 0 else MAX_ETA
    return {
        "hash": snap.torrent_id,
        "infohash_v1": snap.info_hash_v1 or "",
        "infohash_v2": snap.info_hash_v2 or "",
        "name": snap.name,
        "size": snap.total_wanted,
        "total_size": snap.total_size,
        "progress": round(snap.progress, 6),
        "dlspeed": snap.download_rate,
        "upspeed": snap.upload_rate,
        "priority": snap.queue_position + 1 if snap.queue_position >= 0 else 0,
        "num_seeds": snap.num_seeds,
        "num_complete": snap.list_seeds,
        "num_leechs": snap.num_peers,
        "num_incomplete": snap.list_peers,
        "ratio": round(snap.ratio, 4),
        "eta": min(eta, MAX_ETA),
        "state": state.value,
        "seq_dl": snap.sequential,
        "f_l_piece_prio": False,
        "category": snap.category,
        "tags": ", ".join(snap.tags),
        "super_seeding": snap.super_seeding,
        "force_start": forced,
        "save_path": snap.save_path,
        "download_path": "",
        "content_path": os.path.join(snap.save_path, snap.name) if snap.name else snap.save_path,
        "root_path": "",
        "added_on": snap.added_time,
        "completion_on": snap.completed_time if snap.completed_time else -1,
        "amount_left": left,
        "completed": snap.total_done,
        "downloaded": snap.all_time_download,
        "uploaded": snap.all_time_upload,
        "downloaded_session": 0,
        "uploaded_session": 0,
        "dl_limit": snap.download_limit or -1,
        "up_limit": snap.upload_limit or -1,
        "max_ratio": -1,
        "max_seeding_time": -1,
        "max_inactive_seeding_time": -1,
        "ratio_limit": -2,
        "seeding_time_limit": -2,
        "inactive_seeding_time_limit": -2,
        "seen_complete": snap.completed_time,
        "last_activity": 0,
        "time_active": 0,
        "seeding_time": 0,
        "availability": -1,
        "auto_tmm": False,
        "tracker": "",
        "trackers_count": 0,
        "magnet_uri": magnet,
        "isPrivate": False,
        "private": False,
        "has_metadata": snap.has_metadata,
        "popularity": 0,
        "reannounce": 0,
        "comment": "",
    }


def sort_key(field: str) -> Any:
    def key(item: dict[str, Any]) -> tuple[int, Any]:
        value = item.get(field)
        if isinstance(value, str):
            return (1, value.lower())
        if isinstance(value, bool | int | float):
            return (0, value)
        return (2, "")
    return key


def category_info(category: Category) -> dict[str, Any]:
    return {"name": category.name, "savePath": category.save_path}


def categories_info(categories: Iterable[Category]) -> dict[str, dict[str, Any]]:
    return {c.name: category_info(c) for c in categories}


def properties(snap: TorrentSnapshot, details: TorrentDetails) -> dict[str, Any]:
    return {
        "hash": snap.torrent_id,
        "infohash_v1": details.info_hash_v1 or "",
        "infohash_v2": details.info_hash_v2 or "",
        "name": snap.name,
        "save_path": details.save_path,
        "download_path": "",
        "creation_date": -1,
        "piece_size": details.piece_length if details.has_metadata else -1,
        "comment": details.comment,
        "created_by": details.creator,
        "total_wasted": 0,
        "total_uploaded": snap.all_time_upload,
        "total_uploaded_session": 0,
        "total_downloaded": snap.all_time_download,
        "total_downloaded_session": 0,
        "up_limit": snap.upload_limit or -1,
        "dl_limit": snap.download_limit or -1,
        "time_elapsed": details.active_time,
        "seeding_time": details.seeding_time,
        "nb_connections": snap.num_seeds + snap.num_peers,
        "nb_connections_limit": -1,
        "share_ratio": round(details.ratio, 4),
        "addition_date": details.added_time,
        "completion_date": details.completed_time or -1,
        "last_seen": -1,
        "reannounce": 0,
        "total_size": details.total_size if details.has_metadata else -1,
        "pieces_num": details.num_pieces if details.has_metadata else -1,
        "pieces_have": details.pieces_have,
        "dl_speed": snap.download_rate,
        "up_speed": snap.upload_rate,
        "dl_speed_avg": 0,
        "up_speed_avg": 0,
        "eta": snap.eta if snap.eta is not None else MAX_ETA,
        "seeds": snap.num_seeds,
        "seeds_total": snap.list_seeds,
        "peers": snap.num_peers,
        "peers_total": snap.list_peers,
        "isPrivate": details.private,
        "private": details.private,
        "has_metadata": details.has_metadata,
        "is_private": details.private,
    }


# qBittorrent's file priorities: 0 skip, 1 normal, 6 high, 7 maximum; the engine's are
# libtorrent's (0 skip, 1 low, 4 normal, 7 high)
QB_PRIORITIES = frozenset({0, 1, 6, 7})


def qb_priority(engine_priority: int) -> int:
    if engine_priority <= 0:
        return 0
    if engine_priority <= 4:
        return 1
    return 6 if engine_priority < 7 else 7


def engine_priority(qb: int) -> int:
    return {0: 0, 1: 4, 6: 6, 7: 7}[qb]


def file_infos(files: Sequence[FileEntry], piece_length: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    offset = 0
    for f in files:
        if piece_length > 0:
            first = offset // piece_length
            last = max(first, (offset + max(f.size, 1) - 1) // piece_length)
            pieces = [first, last]
        else:
            pieces = [0, 0]
        out.append({"index": f.index, "name": f.path, "size": f.size,
                    "progress": round(f.progress, 6), "priority": qb_priority(f.priority),
                    "is_seed": f.progress >= 1.0, "piece_range": pieces,
                    "availability": -1})
        offset += f.size
    return out


_TRACKER_STATUS = {TrackerStatus.DISABLED: 0, TrackerStatus.NOT_CONTACTED: 1,
                   TrackerStatus.WORKING: 2, TrackerStatus.UPDATING: 3,
                   TrackerStatus.ERROR: 4}
_SOURCE_URL = {TrackerKind.DHT: "** [DHT] **", TrackerKind.PEX: "** [PeX] **",
               TrackerKind.LSD: "** [LSD] **"}


def tracker_info(entry: TrackerEntry) -> dict[str, Any]:
    return {"url": _SOURCE_URL.get(entry.kind, entry.url), "status": _TRACKER_STATUS.get(
                entry.status, 1),
            "tier": entry.tier, "num_peers": entry.peers, "num_seeds": entry.seeds,
            "num_leeches": entry.peers, "num_downloaded": -1, "msg": entry.message}


def peer_info(peer: PeerEntry) -> dict[str, Any]:
    return {"ip": peer.ip, "port": peer.port, "client": peer.client, "flags": peer.flags,
            "flags_desc": "", "progress": round(peer.progress, 4),
            "dl_speed": peer.download_rate, "up_speed": peer.upload_rate,
            "downloaded": peer.total_download, "uploaded": peer.total_upload,
            "connection": peer.connection, "country": "", "country_code": "",
            "files": "", "relevance": 0}
