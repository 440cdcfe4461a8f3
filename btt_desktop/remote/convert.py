"""qBittorrent's Web API dictionaries -> the engine's values (``engine/types.py``).

The inverse of ``webapi/translate.py``: the same field names and units (bytes, bytes/s,
unix seconds, ``8640000`` for an unknown ETA, -1 for "none"), read defensively, since
any qBittorrent-compatible server may answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from btt_desktop.engine.types import (
    Category,
    FileEntry,
    PeerEntry,
    SessionTotals,
    TorrentDetails,
    TorrentSnapshot,
    TorrentState,
    TrackerEntry,
    TrackerKind,
    TrackerStatus,
)

MAX_ETA = 8_640_000

_STATES: dict[str, TorrentState] = {
    "error": TorrentState.ERROR,
    "missingFiles": TorrentState.ERROR,
    "uploading": TorrentState.SEEDING,
    "stalledUP": TorrentState.SEEDING,
    "forcedUP": TorrentState.SEEDING,
    "stoppedUP": TorrentState.PAUSED,
    "pausedUP": TorrentState.PAUSED,
    "stoppedDL": TorrentState.PAUSED,
    "pausedDL": TorrentState.PAUSED,
    "queuedUP": TorrentState.QUEUED,
    "queuedDL": TorrentState.QUEUED,
    "checkingUP": TorrentState.CHECKING,
    "checkingDL": TorrentState.CHECKING,
    "checkingResumeData": TorrentState.CHECKING,
    "allocating": TorrentState.CHECKING,
    "downloading": TorrentState.DOWNLOADING,
    "stalledDL": TorrentState.DOWNLOADING,
    "forcedDL": TorrentState.DOWNLOADING,
    "metaDL": TorrentState.METADATA,
    "forcedMetaDL": TorrentState.METADATA,
    "moving": TorrentState.MOVING,
}

_SOURCES = {"** [DHT] **": TrackerKind.DHT, "** [PeX] **": TrackerKind.PEX,
            "** [LSD] **": TrackerKind.LSD}
_TRACKER_STATUS = {0: TrackerStatus.DISABLED, 1: TrackerStatus.NOT_CONTACTED,
                   2: TrackerStatus.WORKING, 3: TrackerStatus.UPDATING,
                   4: TrackerStatus.ERROR}


def _int(item: Mapping[str, Any], key: str, default: int = 0) -> int:
    value = item.get(key, default)
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _float(item: Mapping[str, Any], key: str, default: float = 0.0) -> float:
    value = item.get(key, default)
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def _str(item: Mapping[str, Any], key: str) -> str:
    value = item.get(key, "")
    return value if isinstance(value, str) else ""


def _positive(value: int) -> int:
    """-1 (qBittorrent's "none" or "no limit") as the engine's 0."""
    return max(0, value)


def state_of(qb_state: str) -> TorrentState:
    return _STATES.get(qb_state, TorrentState.DOWNLOADING)


def snapshot(torrent_id: str, item: Mapping[str, Any]) -> TorrentSnapshot:
    """One row of ``torrents/info`` (or of ``sync/maindata``, merged) as a snapshot."""
    state = state_of(_str(item, "state"))
    eta = _int(item, "eta", MAX_ETA)
    queue = _int(item, "priority")
    tags = tuple(sorted(t.strip() for t in _str(item, "tags").split(",") if t.strip()))
    total_size = _positive(_int(item, "total_size"))
    return TorrentSnapshot(
        torrent_id=torrent_id,
        name=_str(item, "name") or torrent_id,
        save_path=_str(item, "save_path"),
        state=state,
        progress=min(1.0, max(0.0, _float(item, "progress"))),
        total_size=total_size,
        total_wanted=_positive(_int(item, "size")),
        total_done=_positive(_int(item, "completed")),
        download_rate=_positive(_int(item, "dlspeed")),
        upload_rate=_positive(_int(item, "upspeed")),
        eta=eta if 0 <= eta < MAX_ETA and state is TorrentState.DOWNLOADING else None,
        ratio=max(0.0, _float(item, "ratio")),
        num_seeds=_positive(_int(item, "num_seeds")),
        num_peers=_positive(_int(item, "num_leechs")),
        list_seeds=_positive(_int(item, "num_complete")),
        list_peers=_positive(_int(item, "num_incomplete")),
        all_time_upload=_positive(_int(item, "uploaded")),
        all_time_download=_positive(_int(item, "downloaded")),
        added_time=_positive(_int(item, "added_on")),
        completed_time=_positive(_int(item, "completion_on")),
        queue_position=queue - 1 if queue > 0 else -1,
        sequential=bool(item.get("seq_dl", False)),
        has_metadata=bool(item.get("has_metadata", total_size > 0)),
        error="stopped with an error on the daemon" if state is TorrentState.ERROR else "",
        download_limit=_positive(_int(item, "dl_limit")),
        upload_limit=_positive(_int(item, "up_limit")),
        info_hash_v1=_str(item, "infohash_v1") or None,
        info_hash_v2=_str(item, "infohash_v2") or None,
        category=_str(item, "category"),
        tags=tags,
        super_seeding=bool(item.get("super_seeding", False)),
    )


def totals(state: Mapping[str, Any]) -> SessionTotals:
    return SessionTotals(download_rate=_positive(_int(state, "dl_info_speed")),
                         upload_rate=_positive(_int(state, "up_info_speed")),
                         dht_nodes=_positive(_int(state, "dht_nodes")))


def categories(answer: Any) -> tuple[Category, ...]:
    if not isinstance(answer, dict):
        return ()
    out = []
    for name, item in answer.items():
        path = item.get("savePath", "") if isinstance(item, dict) else ""
        out.append(Category(str(name), path if isinstance(path, str) else ""))
    return tuple(sorted(out, key=lambda c: c.name.lower()))


def tags(answer: Any) -> tuple[str, ...]:
    if not isinstance(answer, list):
        return ()
    return tuple(sorted((t for t in answer if isinstance(t, str)), key=str.lower))


# qBittorrent's file priorities: 0 skip, 1 normal, 6 high, 7 maximum; the engine's are
# libtorrent's (0 skip, 1 low, 4 normal, 7 high)
def engine_priority(qb: int) -> int:
    return {0: 0, 1: 4, 6: 6, 7: 7}.get(qb, 4)


def qb_priority(engine: int) -> int:
    if engine <= 0:
        return 0
    if engine <= 4:
        return 1
    return 6 if engine < 7 else 7


def files(answer: Any) -> list[FileEntry]:
    if not isinstance(answer, list):
        return []
    return [FileEntry(index=_int(f, "index", i), path=_str(f, "name"),
                      size=_positive(_int(f, "size")),
                      priority=engine_priority(_int(f, "priority", 1)),
                      progress=min(1.0, max(0.0, _float(f, "progress"))))
            for i, f in enumerate(answer) if isinstance(f, dict)]


def peers(answer: Any) -> list[PeerEntry]:
    table = answer.get("peers") if isinstance(answer, dict) else None
    if not isinstance(table, dict):
        return []
    out = []
    for key, p in table.items():
        if not isinstance(p, dict):
            continue
        host, _, port = str(key).rpartition(":")
        progress = min(1.0, max(0.0, _float(p, "progress")))
        out.append(PeerEntry(
            ip=_str(p, "ip") or host.strip("[]"), port=_int(p, "port", int(port or 0)),
            client=_str(p, "client"), flags=_str(p, "flags"), progress=progress,
            download_rate=_positive(_int(p, "dl_speed")),
            upload_rate=_positive(_int(p, "up_speed")),
            total_download=_positive(_int(p, "downloaded")),
            total_upload=_positive(_int(p, "uploaded")),
            connection=_str(p, "connection") or "BT", seed=progress >= 1.0))
    return out


def trackers(answer: Any, *, sources: bool) -> list[TrackerEntry]:
    if not isinstance(answer, list):
        return []
    out = []
    for t in answer:
        if not isinstance(t, dict):
            continue
        url = _str(t, "url")
        kind = _SOURCES.get(url, TrackerKind.URL)
        if kind is not TrackerKind.URL and not sources:
            continue
        out.append(TrackerEntry(
            url="" if kind is not TrackerKind.URL else url,
            tier=_int(t, "tier", -1) if kind is TrackerKind.URL else -1,
            status=_TRACKER_STATUS.get(_int(t, "status", 1), TrackerStatus.NOT_CONTACTED),
            message=_str(t, "msg"), seeds=_int(t, "num_seeds", -1),
            peers=_int(t, "num_peers", -1), kind=kind))
    return out


def details(snap: TorrentSnapshot, props: Mapping[str, Any], magnet: str) -> TorrentDetails:
    has_metadata = bool(props.get("has_metadata", snap.has_metadata))
    return TorrentDetails(
        torrent_id=snap.torrent_id,
        info_hash_v1=_str(props, "infohash_v1") or snap.info_hash_v1,
        info_hash_v2=_str(props, "infohash_v2") or snap.info_hash_v2,
        name=_str(props, "name") or snap.name,
        save_path=_str(props, "save_path") or snap.save_path,
        comment=_str(props, "comment"),
        creator=_str(props, "created_by"),
        piece_length=_positive(_int(props, "piece_size")),
        num_pieces=_positive(_int(props, "pieces_num")),
        pieces_have=_positive(_int(props, "pieces_have")),
        availability=-1.0,
        total_size=_positive(_int(props, "total_size")),
        ratio=max(0.0, _float(props, "share_ratio")),
        added_time=_positive(_int(props, "addition_date")),
        completed_time=_positive(_int(props, "completion_date")),
        active_time=_positive(_int(props, "time_elapsed")),
        seeding_time=_positive(_int(props, "seeding_time")),
        magnet_uri=magnet,
        private=bool(props.get("is_private", props.get("private", False))),
        has_metadata=has_metadata,
    )
