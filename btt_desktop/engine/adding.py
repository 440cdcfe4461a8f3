"""Adding torrents: inspecting, fetching a magnet's metadata, adding, and bringing the
saved torrents back at start (with crash recovery, categories and tags)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
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
from btt_desktop.engine.labels import LabelStore, TorrentLabels
from btt_desktop.engine.peer_admin import connect_peers
from btt_desktop.engine.resume import ResumeStore
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


ADD_WINDOW = 1000      # restored torrents in libtorrent's hands and not yet answered
ANNOUNCE_BATCH = 500   # restored torrents whose status is read in one thread hop


@dataclass
class _Saved:
    """The resume folder read and parsed (in a thread), in the saved queue order."""

    torrents: list[tuple[str, Any]]        # (torrent id, add_torrent_params)
    labels: dict[str, TorrentLabels]
    damaged: list[str] = field(default_factory=list)  # one line per unreadable file


def _read_saved(resume: ResumeStore, labels: LabelStore, crashed: bool, pex: bool) -> _Saved:
    """Every saved torrent, ready to add. Blocking: run it in a thread."""
    order = {torrent_id: n for n, torrent_id in enumerate(resume.load_queue())}
    damaged: list[str] = []
    loaded: dict[str, tuple[int, int, str, Any]] = {}
    for name, data in resume.load_all():
        try:
            atp = lt.read_resume_data(data)
            if atp.ti is None and not (atp.info_hashes.has_v1() or atp.info_hashes.has_v2()):
                raise RuntimeError("no info-hash")
        except RuntimeError as exc:
            reason = str(exc).split(" [", 1)[0] or "unreadable"
            damaged.append(f"cannot restore {name}: damaged resume data ({reason})")
            continue
        torrent_id = _atp_id(atp)
        if torrent_id not in loaded:
            loaded[torrent_id] = (order.get(torrent_id, len(order)), int(atp.added_time),
                                  torrent_id, atp)
    torrents = []
    for _, _, torrent_id, atp in sorted(loaded.values(), key=lambda item: item[:3]):
        if crashed and recovery.can_recover(atp):
            found = recovery.recover_pieces(atp)
            if found:
                log.info("%s: %d pieces found on disk after a crash", atp.name, found)
        atp.flags |= lt.torrent_flags.update_subscribe
        if not pex:
            atp.flags |= lt.torrent_flags.disable_pex
        torrents.append((torrent_id, atp))
    return _Saved(torrents, labels.load(), damaged)


def _add_all(session: Any, params: list[Any]) -> None:
    """Hand torrents to libtorrent in this order (their queue order); no waiting."""
    for atp in params:
        session.async_add_torrent(atp)


def _statuses(handles: list[Any]) -> list[Any]:
    """``status()`` of each handle (None for one removed meanwhile). Blocking."""
    found = []
    for handle in handles:
        try:
            found.append(handle.status())
        except RuntimeError:
            found.append(None)
    return found


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
        """Bring every saved torrent back, in the saved queue order.

        The resume files are read, parsed (and, after a crash, checked for pieces verified
        since the last save) in one thread. Then the torrents are handed to libtorrent
        with ``async_add_torrent`` without waiting for each: at most :data:`ADD_WINDOW`
        at a time, so that their alerts fit libtorrent's alert queue. The
        ``add_torrent_alert`` answers are gathered by a :class:`~waiters.Batch` and each
        gathering is announced as ``TorrentAdded`` events, one status hop per
        :data:`ANNOUNCE_BATCH` torrents.
        """
        saved = await asyncio.to_thread(
            _read_saved, self._resume, self._labels, crashed, self._settings.pex)
        for line in saved.damaged:
            log.error("%s", line)
            self._bus.publish(EngineMessage("error", line))
        if not saved.torrents:
            return
        session = self._require_session()
        params = dict(saved.torrents)
        todo = list(saved.torrents)
        batch = self._waiters.batch(Waiting.ADDED, [])
        try:
            while todo or not batch.done:
                room = ADD_WINDOW - batch.open
                if todo and room > 0:
                    chunk, todo = todo[:room], todo[room:]
                    batch.expect_more([torrent_id for torrent_id, _ in chunk])
                    await asyncio.to_thread(_add_all, session, [atp for _, atp in chunk])
                answers = await batch.take(ADD_TIMEOUT, "the saved torrents to be added")
                await self._announce_restored(answers, params, saved.labels, crashed)
        except EngineError as exc:  # timed out, or closed meanwhile
            missing = len(batch.unanswered()) + len(todo)
            if missing:
                self._bus.publish(EngineMessage(
                    "error", f"{missing} saved torrents were not restored: {exc}"))
        finally:
            self._waiters.end_batch(Waiting.ADDED, batch)

    async def _announce_restored(self, answers: list[tuple[str, Any]],
                                 params: dict[str, Any], labels: dict[str, TorrentLabels],
                                 crashed: bool) -> None:
        records: list[TorrentRecord] = []
        for torrent_id, answer in answers:
            atp = params.pop(torrent_id, None)
            if isinstance(answer, BaseException):
                self._bus.publish(EngineMessage("error", str(answer)))
                continue
            record = self._torrents.get(torrent_id)  # the add alert made it
            if record is None or atp is None:
                continue
            if atp.ti is not None:
                record.total_size = int(atp.ti.total_size())
            record.comment, record.creator = str(atp.comment), str(atp.created_by)
            kept = labels.get(torrent_id)
            if kept is not None:
                record.category, record.tags, record.final_path = (
                    kept.category, kept.tags, kept.final_path)
            if crashed:
                record.handle.save_resume_data(RESUME_FLAGS)
            records.append(record)
        for first in range(0, len(records), ANNOUNCE_BATCH):
            chunk = records[first:first + ANNOUNCE_BATCH]
            statuses = await asyncio.to_thread(_statuses, [r.handle for r in chunk])
            for record, status in zip(chunk, statuses, strict=True):
                if status is None or self._torrents.get(record.torrent_id) is not record:
                    continue  # removed in the meantime
                record.snapshot = self._snapshot(record, status)
                self._bus.publish(TorrentAdded(record.snapshot))

    async def _drop_probe(self, torrent_id: str) -> None:
        handle = self._probes.pop(torrent_id, None)
        if handle is None or self._session is None:
            return
        removed = self._waiters.expect(Waiting.REMOVED, torrent_id)
        self._session.remove_torrent(handle)
        with contextlib.suppress(BttError):
            await wait(removed, ANSWER_TIMEOUT, "the magnet link to be dropped")
