"""What the window asks about torrents: snapshots (no libtorrent call), and files,
peers, trackers, details and the .torrent file (libtorrent calls, run in a thread)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, cast

import libtorrent as lt

from btt_desktop.atomicfile import write_atomic
from btt_desktop.engine import metainfo, tracker_admin
from btt_desktop.engine.core import ANSWER_TIMEOUT, RESUME_FLAGS, EngineCore
from btt_desktop.engine.ids import hash_hex
from btt_desktop.engine.snapshots import snapshot_of
from btt_desktop.engine.types import (
    FileEntry,
    PeerCounter,
    PeerCounters,
    PeerEntry,
    TorrentDetails,
    TorrentSnapshot,
    TrackerEntry,
)
from btt_desktop.engine.views import peer_entry
from btt_desktop.engine.waiters import Waiting, wait
from btt_desktop.errors import BttError, EngineError


def _seconds(duration: Any, fallback: Any) -> int:
    return int(duration.total_seconds() if hasattr(duration, "total_seconds") else fallback)


def torrent_file_bytes(resume_data: bytes) -> bytes:
    """The .torrent file held in resume data saved with ``save_info_dict`` (the info
    dictionary, v2 piece layers, trackers and web seeds). Blocking."""
    atp = lt.read_resume_data(resume_data)
    return bytes(lt.bencode(cast(Any, lt.write_torrent_file(atp, 0))))


# libtorrent's block states in a download queue entry: requested, writing, finished
_REQUESTED, _WRITING, _FINISHED = 1, 2, 3


def peer_counters_of(before: Any, queue: Any, after: Any, piece_length: int) -> PeerCounters:
    """``before``/``after``: get_peer_info() read around ``queue``, get_download_queue().
    Bytes from ``before`` (no block counted there arrived after the queue was read),
    fail counts from ``after`` (a piece that failed while the queue was read is counted);
    a connection missing from ``after`` is left out (it is gone)."""
    fails = {_endpoint(p): int(p.num_hashfails) for p in after}
    peers = {key: PeerCounter(int(p.total_download), int(p.total_upload), fails[key])
             for p in before if (key := _endpoint(p)) in fails}
    unverified: dict[str, int] = {}
    for piece in queue:
        for block in piece["blocks"]:
            state = int(block["state"])
            if state in (_WRITING, _FINISHED):
                size = int(block["block_size"])
            elif state == _REQUESTED:
                size = int(block["bytes_progress"])
            else:
                continue
            if size:
                ip = str(block["peer"][0])
                unverified[ip] = unverified.get(ip, 0) + size
    return PeerCounters(peers, unverified, piece_length)


def _endpoint(p: Any) -> str:
    ip, port = p.ip
    return f"{ip}:{port}"


def _write_torrent(path: str, data: bytes) -> None:
    target = Path(path).expanduser()
    if target.is_dir():
        raise EngineError(f"is a folder: {path}")
    try:
        write_atomic(target, data, keep_backup=False, mode=0o644)
    except BttError as exc:
        raise EngineError(str(exc)) from None


class Queries(EngineCore):
    """Read-only calls (mixed into :class:`Engine`)."""

    def snapshot(self, torrent_id: str) -> TorrentSnapshot | None:
        record = self._torrents.get(torrent_id)
        return record.snapshot if record is not None else None

    def snapshots(self) -> list[TorrentSnapshot]:
        return [r.snapshot for r in self._torrents if r.snapshot is not None]

    def torrent_ids(self) -> list[str]:
        return self._torrents.ids()

    async def files(self, torrent_id: str) -> list[FileEntry]:
        handle = self._handle(torrent_id)

        def query() -> list[FileEntry]:
            info = handle.torrent_file()
            if info is None:
                return []
            prios = list(handle.get_file_priorities())
            progress = list(handle.file_progress(lt.torrent_handle.piece_granularity))
            return list(metainfo.file_entries(info, prios, progress))

        return await asyncio.to_thread(query)

    async def peers(self, torrent_id: str) -> list[PeerEntry]:
        handle = self._handle(torrent_id)
        infos = await asyncio.to_thread(handle.get_peer_info)
        return [peer_entry(p) for p in infos]

    async def peer_counters(self, torrent_id: str) -> PeerCounters:
        """Bytes downloaded from and uploaded to each connected peer, by "ip:port", its
        failed pieces, and per IP the bytes still waiting for a hash check."""
        handle = self._handle(torrent_id)

        def query() -> tuple[Any, Any, Any, Any]:
            # this order makes every byte counted as downloaded either still queued
            # (unverified), verified, or in a failed piece already counted as failed
            before = handle.get_peer_info()
            queue = handle.get_download_queue()
            after = handle.get_peer_info()
            return before, queue, after, handle.torrent_file()

        before, queue, after, info = await asyncio.to_thread(query)
        return peer_counters_of(before, queue, after,
                                int(info.piece_length()) if info is not None else 0)

    async def trackers(self, torrent_id: str, *, sources: bool = False) -> list[TrackerEntry]:
        """The torrent's trackers; with ``sources``, DHT, PeX and LSD rows first."""
        record = self._record(torrent_id)
        return await asyncio.to_thread(
            tracker_admin.tracker_rows, record.handle, dict(record.tracker_errors),
            self._settings, sources=sources)

    async def details(self, torrent_id: str) -> TorrentDetails:
        """The General tab. ``active_time`` and ``seeding_time`` are cumulative over
        restarts (libtorrent keeps them in the resume data). Without metadata,
        ``has_metadata`` is False and sizes and piece counts are unknown (0)."""
        record = self._record(torrent_id)
        handle = record.handle

        def query() -> tuple[Any, Any]:
            return handle.status(), handle.torrent_file()

        st, info = await asyncio.to_thread(query)
        v1, v2 = hash_hex(st.info_hashes)
        snap = snapshot_of(st, int(info.total_size()) if info is not None else 0)
        return TorrentDetails(
            torrent_id=torrent_id, info_hash_v1=v1, info_hash_v2=v2, name=st.name,
            save_path=st.save_path,
            comment=record.comment or (info.comment() if info else ""),
            creator=record.creator or (info.creator() if info else ""),
            piece_length=int(info.piece_length()) if info is not None else 0,
            num_pieces=int(info.num_pieces()) if info is not None else 0,
            pieces_have=int(st.num_pieces),
            availability=float(st.distributed_copies),
            total_size=snap.total_size, ratio=snap.ratio,
            added_time=int(st.added_time), completed_time=int(st.completed_time),
            active_time=_seconds(st.active_duration, st.active_time),
            seeding_time=_seconds(st.seeding_duration, st.seeding_time),
            magnet_uri=lt.make_magnet_uri(handle),
            private=bool(info.priv()) if info is not None else False,
            has_metadata=info is not None,
        )

    def magnet_uri(self, torrent_id: str) -> str:
        return str(lt.make_magnet_uri(self._handle(torrent_id)))

    async def export_torrent(self, torrent_id: str, path: str) -> None:
        """Write the torrent's .torrent file to ``path`` (atomically), with its current
        trackers. Built from fresh resume data: v2 and hybrid torrents need their piece
        layers, which ``torrent_file()`` leaves out."""
        record = self._record(torrent_id)
        if await asyncio.to_thread(record.handle.torrent_file) is None:
            raise EngineError(f"{record.name} has no metadata yet: nothing to export")
        data = None
        for _ in range(3):  # a save of another caller that found nothing to save answers None
            answer = self._waiters.expect(Waiting.RESUME, torrent_id)
            record.handle.save_resume_data(RESUME_FLAGS)
            data = await wait(answer, ANSWER_TIMEOUT, f"the metadata of {record.name}")
            if data:
                break
        if not data:
            raise EngineError(f"cannot export {record.name}: libtorrent gave no metadata")
        try:
            torrent = await asyncio.to_thread(torrent_file_bytes, data)
        except RuntimeError as exc:
            raise EngineError(f"cannot export {record.name}: {' '.join(str(exc).split())}"
                              ) from None
        await asyncio.to_thread(_write_torrent, path, torrent)
