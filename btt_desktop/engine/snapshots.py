"""libtorrent status objects -> the frozen values of engine/types.py (the engine then
puts its smoothed rates, category and tags in: core.EngineCore._snapshot)."""

from __future__ import annotations

from typing import Any

import libtorrent as lt

from btt_desktop.engine.ids import hash_hex, torrent_id
from btt_desktop.engine.types import TorrentSnapshot, TorrentState

_States = lt.torrent_status.states
_CHECKING = {_States.checking_files, _States.queued_for_checking, _States.checking_resume_data,
             _States.allocating}
_CHECKING_NOW = {_States.checking_files, _States.checking_resume_data}
_SEEDING = {_States.finished, _States.seeding}
_PAUSED = int(lt.torrent_flags.paused)
_AUTO_MANAGED = int(lt.torrent_flags.auto_managed)
_SEQUENTIAL = int(lt.torrent_flags.sequential_download)
_SUPER_SEEDING = int(lt.torrent_flags.super_seeding)


def state_of(st: Any) -> TorrentState:
    flags = int(st.flags)
    if st.errc.value() != 0:
        return TorrentState.ERROR
    if st.moving_storage:
        return TorrentState.MOVING
    if st.state in _CHECKING_NOW:
        return TorrentState.CHECKING
    if flags & _PAUSED:
        if flags & _AUTO_MANAGED:
            return TorrentState.QUEUED
        return TorrentState.PAUSED
    if st.state in _CHECKING:
        return TorrentState.CHECKING
    if st.state == _States.downloading_metadata:
        return TorrentState.METADATA
    if st.state in _SEEDING:
        return TorrentState.SEEDING
    return TorrentState.DOWNLOADING


def error_line(st: Any) -> str:
    if st.errc.value() == 0:
        return ""
    return " ".join(str(st.errc.message()).split())


def eta_of(state: TorrentState, left: int, down: int) -> int | None:
    """Seconds until a downloading torrent with ``left`` bytes to go is done at ``down``
    bytes a second; None when that cannot be said."""
    if state == TorrentState.DOWNLOADING and down > 0 and left > 0:
        return left // down
    return None


def snapshot_of(st: Any, total_size: int, *, state: TorrentState | None = None,
                rates: tuple[int, int] | None = None, category: str = "",
                tags: tuple[str, ...] = ()) -> TorrentSnapshot:
    """Copy one ``torrent_status`` into a :class:`TorrentSnapshot`.

    ``rates`` (download, upload) replace libtorrent's own and set the ETA; the engine
    passes its smoothed ones with the category and tags, so that the final snapshot is
    built once (a ``dataclasses.replace`` after it cost as much again)."""
    if state is None:
        state = state_of(st)
    wanted = int(st.total_wanted)
    done = int(st.total_wanted_done)
    if rates is None:
        stopped = state in (TorrentState.PAUSED, TorrentState.QUEUED, TorrentState.ERROR)
        # a paused torrent is not reported again, so its last rates would linger
        down = 0 if stopped else int(st.download_payload_rate)
        up = 0 if stopped else int(st.upload_payload_rate)
    else:
        down, up = rates
    eta = eta_of(state, wanted - done, down)
    up_all = int(st.all_time_upload)
    down_all = int(st.all_time_download)
    denominator = max(down_all, wanted)
    flags = int(st.flags)
    v1, v2 = hash_hex(st.info_hashes)
    return TorrentSnapshot(
        torrent_id=torrent_id(v1, v2),
        name=st.name,
        save_path=st.save_path,
        state=state,
        progress=float(st.progress),
        total_size=total_size,
        total_wanted=wanted,
        total_done=done,
        download_rate=down,
        upload_rate=up,
        eta=eta,
        ratio=up_all / denominator if denominator else 0.0,
        num_seeds=int(st.num_seeds),
        num_peers=max(0, int(st.num_peers) - int(st.num_seeds)),
        list_seeds=max(0, int(st.list_seeds)),
        list_peers=max(0, int(st.list_peers)),
        all_time_upload=up_all,
        all_time_download=down_all,
        added_time=int(st.added_time),
        completed_time=int(st.completed_time),
        queue_position=int(st.queue_position),
        sequential=bool(flags & _SEQUENTIAL),
        has_metadata=bool(st.has_metadata),
        error=error_line(st),
        download_limit=max(0, int(st.download_limit)),
        upload_limit=max(0, int(st.upload_limit)),
        info_hash_v1=v1,
        info_hash_v2=v2,
        category=category,
        tags=tags,
        super_seeding=bool(flags & _SUPER_SEEDING),
    )
