"""Adding torrents: inspecting, fetching a magnet's metadata, adding, and bringing the
saved torrents back at start (with crash recovery, categories and tags)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path
from typing import Any

import libtorrent as lt

from btt_desktop.engine import metainfo, recovery
from btt_desktop.engine.alerts import AlertHandlers
from btt_desktop.engine.core import (
    ADD_TIMEOUT,
    ANSWER_TIMEOUT,
    RESUME_FLAGS,
    clamp_priority,
    ensure_folder,
)
from btt_desktop.engine.ids import id_of_hashes
from btt_desktop.engine.labels import TorrentLabels
from btt_desktop.engine.peer_admin import connect_peers
from btt_desktop.engine.session_settings import dial_flags
from btt_desktop.engine.torrent_record import TorrentRecord
from btt_desktop.engine.types import AddParams, TorrentMeta
from btt_desktop.engine.waiters import Waiting, wait
from btt_desktop.errors import BttError, EngineError
from btt_desktop.events import EngineMessage, TorrentAdded

log = logging.getLogger(__name__)


def _atp_id(atp: Any) -> str:
    return id_of_hashes(atp.ti.info_hashes() if atp.ti is not None else atp.info_hashes)


def _has_data(info: Any, folder: str) -> bool:
    """True when a file of the torrent is already in ``folder`` (seeding what is there:
    the incomplete folder would hide it). Blocking."""
    if info is None:
        return False
    root = Path(folder).expanduser()
    for entry in metainfo.file_entries(info):
        try:
            if (root / entry.path).stat().st_size > 0:
                return True
        except OSError:
            continue
    return False


class AddFlow(AlertHandlers):
    """Adding and restoring (mixed into :class:`Engine`)."""

    async def inspect(self, params: AddParams) -> TorrentMeta:
        """What a .torrent (or magnet) holds, without adding it."""
        return await asyncio.to_thread(metainfo.inspect_params, params)

    async def fetch_metadata(self, magnet: str, save_path: str) -> TorrentMeta:
        """Download a magnet's metadata without writing any data; cancel to give up
        (or wrap it in ``asyncio.timeout``).

        The torrent is added in upload mode (it requests no pieces), never saved nor
        announced as added, and removed again once the metadata is in.
        """
        atp = await asyncio.to_thread(metainfo.params_from_magnet, magnet)
        torrent_id = id_of_hashes(atp.info_hashes)
        if torrent_id in self._fetched:
            return metainfo.meta_from_info(self._fetched[torrent_id])
        record = self._torrents.get(torrent_id)
        if record is not None:
            if not record.handle.has_metadata():
                await self._waiters.expect(Waiting.METADATA, torrent_id)
            info = await asyncio.to_thread(record.handle.torrent_file)
            return metainfo.meta_from_info(info)
        if torrent_id in self._probes:
            raise EngineError("already fetching the metadata of this magnet link")
        session = self._require_session()
        atp.save_path = save_path
        atp.flags = (atp.flags | lt.torrent_flags.upload_mode) & ~(
            lt.torrent_flags.paused | lt.torrent_flags.auto_managed
            | lt.torrent_flags.update_subscribe)
        added = self._waiters.expect(Waiting.ADDED, torrent_id)
        metadata = self._waiters.expect(Waiting.METADATA, torrent_id)
        self._probes[torrent_id] = None
        try:
            session.async_add_torrent(atp)
            handle = await wait(added, ADD_TIMEOUT, "the magnet link to be added")
            self._probes[torrent_id] = handle
            await metadata
            info = await asyncio.to_thread(handle.torrent_file)
            self._fetched[torrent_id] = info
            return metainfo.meta_from_info(info)
        finally:
            if not metadata.done():
                metadata.cancel()
            await asyncio.shield(self._drop_probe(torrent_id))

    async def add(self, params: AddParams) -> str:
        """Add a torrent; returns its id once libtorrent holds it."""
        self._require_session()
        atp = await asyncio.to_thread(metainfo.add_torrent_params, params)
        torrent_id = _atp_id(atp)
        if torrent_id in self._torrents:
            raise EngineError(f"already in the list: {self._name_of(torrent_id)}")
        category = self._labels.check_category(params.category)
        save_path = params.save_path.strip() or self._category_path(category)
        fetched = self._fetched.pop(torrent_id, None)
        if atp.ti is None and fetched is not None:
            atp.ti = fetched
        await ensure_folder(save_path)
        atp.save_path = save_path
        final_path = ""
        incomplete = self._settings.incomplete_path.strip()
        if incomplete and not await asyncio.to_thread(_has_data, atp.ti, save_path):
            await ensure_folder(incomplete)
            atp.save_path, final_path = incomplete, save_path
        flags = atp.flags | lt.torrent_flags.duplicate_is_error | lt.torrent_flags.update_subscribe
        if params.paused:
            flags = (flags | lt.torrent_flags.paused) & ~lt.torrent_flags.auto_managed
        else:
            flags = (flags | lt.torrent_flags.auto_managed) & ~lt.torrent_flags.paused
        if params.sequential:
            flags |= lt.torrent_flags.sequential_download
        if not self._settings.pex:
            flags |= lt.torrent_flags.disable_pex
        atp.flags = flags
        if params.file_priorities is not None:
            atp.file_priorities = self._priorities_for(atp, params.file_priorities)
        tags: frozenset[str] = frozenset()
        if params.tags:
            known = set(self._labels.tags())
            tags = self._labels.create_tags(params.tags)
            if not tags <= known:
                await self._labels.save_lists()
        record = await self._add_params(atp, torrent_id)
        record.category, record.tags, record.final_path = category, tags, final_path
        if record.labels() != TorrentLabels():
            await self._save_labels()
        connect_peers(record.handle, params.peers, dial_flags(self._settings.encryption))
        record.handle.save_resume_data(RESUME_FLAGS)
        await self._announce_added(record)
        return torrent_id

    def _priorities_for(self, atp: Any, wanted: tuple[int, ...]) -> list[int]:
        """Priorities given in the order of ``TorrentMeta.files`` -> one per libtorrent file."""
        if atp.ti is None:
            return [int(p) for p in wanted]
        entries = metainfo.file_entries(atp.ti)
        if len(wanted) != len(entries):
            raise EngineError(
                f"{len(wanted)} file priorities given for a torrent of {len(entries)} files")
        full = [0] * atp.ti.num_files()
        for entry, prio in zip(entries, wanted, strict=True):
            full[entry.index] = clamp_priority(prio)
        return full

    async def _add_params(self, atp: Any, torrent_id: str) -> TorrentRecord:
        added = self._waiters.expect(Waiting.ADDED, torrent_id)
        self._require_session().async_add_torrent(atp)
        await wait(added, ADD_TIMEOUT, "the torrent to be added")
        record = self._torrents.require(torrent_id)  # the add alert made it
        if atp.ti is not None:
            record.total_size = int(atp.ti.total_size())
        record.comment, record.creator = str(atp.comment), str(atp.created_by)
        record.need_save = False
        return record

    async def _announce_added(self, record: TorrentRecord) -> None:
        status = await asyncio.to_thread(record.handle.status)
        record.snapshot = self._snapshot(record, status)
        self._bus.publish(TorrentAdded(record.snapshot))

    async def _restore(self, crashed: bool) -> None:
        saved = await asyncio.to_thread(self._resume.load_all)
        order = {torrent_id: n for n, torrent_id in enumerate(
            await asyncio.to_thread(self._resume.load_queue))}
        labels = await asyncio.to_thread(self._labels.load)
        loaded = []
        for name, data in saved:
            try:
                atp = await asyncio.to_thread(lt.read_resume_data, data)
            except RuntimeError:
                log.error("ignoring unreadable resume data %s", name)
                continue
            torrent_id = _atp_id(atp)
            loaded.append((order.get(torrent_id, len(order)), int(atp.added_time), torrent_id, atp))
        loaded.sort(key=lambda item: item[:3])  # back in the queue order they had
        for _, _, torrent_id, atp in loaded:
            if crashed and recovery.can_recover(atp):
                found = await asyncio.to_thread(recovery.recover_pieces, atp)
                if found:
                    log.info("%s: %d pieces found on disk after a crash", atp.name, found)
            atp.flags |= lt.torrent_flags.update_subscribe
            if not self._settings.pex:
                atp.flags |= lt.torrent_flags.disable_pex
            try:
                record = await self._add_params(atp, torrent_id)
            except BttError as exc:
                self._bus.publish(EngineMessage("error", str(exc)))
                continue
            kept = labels.get(torrent_id, TorrentLabels())
            record.category, record.tags, record.final_path = (
                kept.category, kept.tags, kept.final_path)
            if crashed:
                record.handle.save_resume_data(RESUME_FLAGS)
            await self._announce_added(record)

    async def _drop_probe(self, torrent_id: str) -> None:
        handle = self._probes.pop(torrent_id, None)
        if handle is None or self._session is None:
            return
        removed = self._waiters.expect(Waiting.REMOVED, torrent_id)
        self._session.remove_torrent(handle)
        with contextlib.suppress(BttError):
            await wait(removed, ANSWER_TIMEOUT, "the magnet link to be dropped")
