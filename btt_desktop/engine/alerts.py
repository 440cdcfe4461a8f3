"""The alert handlers: they run on the loop thread while the alert is valid, copy what
they need at once, resolve the Futures engine calls await (:mod:`waiters`) and publish
events. Follow-up work that must await is spawned as a task.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Iterator
from typing import Any

import libtorrent as lt

from btt_desktop.engine.alert_pump import AlertPump
from btt_desktop.engine.core import RESUME_FLAGS, EngineCore, ensure_folder
from btt_desktop.engine.ids import id_of_hashes
from btt_desktop.engine.stats import SessionCounters
from btt_desktop.engine.torrent_record import TorrentRecord
from btt_desktop.engine.types import SessionTotals, TorrentSnapshot, TorrentState
from btt_desktop.engine.waiters import Waiting, wait
from btt_desktop.errors import BttError, EngineError
from btt_desktop.events import (
    EngineMessage,
    MetadataReceived,
    SessionStatsUpdated,
    TorrentFinished,
    TorrentsUpdated,
)

log = logging.getLogger(__name__)

MOVE_TIMEOUT = 24 * 3600.0
# torrent statuses turned into snapshots per loop turn: libtorrent's first batch after a
# restore names every torrent, and 10,000 snapshots (about 11 us each) in one handler
# would stall the loop for over 100 ms
STATUS_CHUNK = 500


def _reason(error: Any) -> str:
    return " ".join(str(error.message()).split())


def _params_id(params: Any) -> str:
    return id_of_hashes(params.ti.info_hashes() if params.ti is not None else params.info_hashes)


class AlertHandlers(EngineCore):
    """Alert handlers of the engine (mixed into :class:`Engine`)."""

    _counters: SessionCounters
    _statuses: deque[tuple[float, list[Any]]]  # (when it came, torrent_status list)
    _statuses_done: int                    # statuses of the first batch handled
    _reported: set[str]                    # torrents in the batches handled so far
    _status_turn: asyncio.Handle | None    # the next chunk, when statuses wait

    def _register_handlers(self, pump: AlertPump) -> None:
        self._counters = SessionCounters()
        self._statuses = deque()
        self._statuses_done = 0
        self._reported = set()
        self._status_turn = None
        pump.on(lt.add_torrent_alert, self._on_added)
        pump.on(lt.state_update_alert, self._on_state_update)
        pump.on(lt.session_stats_alert, self._on_session_stats)
        pump.on(lt.save_resume_data_alert, self._on_resume_data)
        pump.on(lt.save_resume_data_failed_alert, self._on_resume_failed)
        pump.on(lt.metadata_received_alert, self._on_metadata)
        pump.on(lt.torrent_finished_alert, self._on_finished)
        pump.on(lt.torrent_error_alert, self._on_error)
        pump.on(lt.file_error_alert, self._on_file_error)
        pump.on(lt.torrent_removed_alert, self._on_removed)
        pump.on(lt.torrent_deleted_alert, self._on_deleted)
        pump.on(lt.torrent_delete_failed_alert, self._on_delete_failed)
        pump.on(lt.storage_moved_alert, self._on_moved)
        pump.on(lt.storage_moved_failed_alert, self._on_move_failed)
        pump.on(lt.listen_succeeded_alert, self._listener.on_succeeded)
        pump.on(lt.listen_failed_alert, self._listener.on_failed)
        pump.on(lt.tracker_error_alert, self._on_tracker_error)
        pump.on(lt.external_ip_alert, self._on_external_ip)

    def _on_added(self, alert: Any) -> None:
        params = alert.params
        torrent_id = _params_id(params)
        if alert.error.value() != 0:
            name = params.name or (params.ti.name() if params.ti is not None else torrent_id)
            self._waiters.fail(Waiting.ADDED, torrent_id,
                               EngineError(f"cannot add {name}: {_reason(alert.error)}"))
        else:
            # registered here, not by the awaiting caller: alerts about the new torrent
            # (a file error found by the first check, say) may come in this same batch
            handle = alert.handle
            if torrent_id in self._probes:
                self._probes[torrent_id] = handle
            elif torrent_id not in self._torrents:
                self._torrents.add(TorrentRecord(torrent_id, handle))
            self._waiters.resolve(Waiting.ADDED, torrent_id, handle)

    def _on_state_update(self, alert: Any) -> None:
        # the statuses are copies: they outlive the alert, and wait their turn
        self._statuses.append((self._clock(), alert.status))
        if self._status_turn is None:
            self._status_chunk()

    def _next_statuses(self) -> Iterator[tuple[float, Any]]:
        """The next :data:`STATUS_CHUNK` waiting statuses, each with its batch's time."""
        room = STATUS_CHUNK
        while room and self._statuses:
            now, statuses = self._statuses[0]
            part = statuses[self._statuses_done:self._statuses_done + room]
            self._statuses_done += len(part)
            room -= len(part)
            if self._statuses_done >= len(statuses):
                self._statuses.popleft()
                self._statuses_done = 0
            for st in part:
                yield now, st

    def _status_chunk(self) -> None:
        """Turn at most :data:`STATUS_CHUNK` waiting statuses into snapshots and publish
        them; the rest on the loop's next turn. Once none waits, the rates of torrents
        libtorrent did not report are brought down (in the last batch)."""
        self._status_turn = None
        batch: list[TorrentSnapshot] = []
        for now, st in self._next_statuses():
            record = self._torrents.get(id_of_hashes(st.info_hashes))
            if record is None or record.removing:
                continue
            if st.need_save_resume:
                record.need_save = True
            record.snapshot = self._snapshot(record, st, now)
            batch.append(record.snapshot)
            self._reported.add(record.torrent_id)
        if self._statuses:
            self._status_turn = asyncio.get_running_loop().call_soon(self._status_chunk)
        else:
            batch.extend(self._rates_brought_down(self._reported))
            self._reported = set()
        if batch:
            self._bus.publish(TorrentsUpdated(tuple(batch)))
        for snap in batch:
            current = self._torrents.get(snap.torrent_id)
            if current is None:
                continue
            if snap.state == TorrentState.ERROR:
                self._report_error(current, f"{snap.name}: {snap.error}")
            else:
                current.errored = False

    def _rates_brought_down(self, reported: set[str]) -> list[TorrentSnapshot]:
        """libtorrent reports only torrents whose status changed: one that stopped moving
        data is not reported again, so its smoothed rates are brought down here."""
        fresh_ones: list[TorrentSnapshot] = []
        for record in self._torrents:
            snap = record.snapshot
            if (record.torrent_id in reported or record.removing or snap is None
                    or not (snap.download_rate or snap.upload_rate)):
                continue
            fresh = self._restamp(record)
            if fresh is not None and fresh != snap:
                record.snapshot = fresh
                fresh_ones.append(fresh)
        return fresh_ones

    def _drop_statuses(self) -> None:
        """Forget the statuses still waiting (the engine is closing)."""
        if self._status_turn is not None:
            self._status_turn.cancel()
            self._status_turn = None
        self._statuses.clear()
        self._statuses_done = 0
        self._reported = set()

    def _on_session_stats(self, alert: Any) -> None:
        down, up, nodes = self._counters.update(alert.values, self._clock())
        self._bus.publish(SessionStatsUpdated(SessionTotals(
            download_rate=down, upload_rate=up, dht_nodes=nodes,
            listen_endpoints=self._listener.endpoints)))

    def _on_resume_data(self, alert: Any) -> None:
        params = alert.params
        torrent_id = _params_id(params)
        record = self._torrents.get(torrent_id)
        data = bytes(lt.write_resume_data_buf(params))
        if record is not None and not record.removing:
            self._resume.save_soon(torrent_id, data)
        self._waiters.resolve(Waiting.RESUME, torrent_id, data)

    def _on_resume_failed(self, alert: Any) -> None:
        record = self._torrents.of_handle(alert.handle)
        if record is not None:
            self._waiters.resolve(Waiting.RESUME, record.torrent_id)

    def _on_metadata(self, alert: Any) -> None:
        record = self._torrents.of_handle(alert.handle)
        torrent_id = record.torrent_id if record else id_of_hashes(alert.handle.info_hashes())
        self._waiters.resolve(Waiting.METADATA, torrent_id)
        if record is not None:
            alert.handle.save_resume_data(RESUME_FLAGS)
            self._spawn(self._metadata_arrived(record, alert.torrent_name))

    async def _metadata_arrived(self, record: TorrentRecord, name: str) -> None:
        info = await asyncio.to_thread(record.handle.torrent_file)
        if info is not None:
            record.total_size = int(info.total_size())
        if self._torrents.get(record.torrent_id) is record:
            self._bus.publish(MetadataReceived(record.torrent_id, name))
            self._poke()

    def _on_finished(self, alert: Any) -> None:
        record = self._torrents.of_handle(alert.handle)
        if record is None:
            return
        self._spawn(self._finished(record, alert.torrent_name))
        self._poke()

    async def _finished(self, record: TorrentRecord, name: str) -> None:
        status = await asyncio.to_thread(record.handle.status, 0)
        if self._torrents.get(record.torrent_id) is not record:
            return
        if record.final_path:
            await self._move_when_done(record)
        # a torrent restored complete, or found complete by a check, downloaded nothing:
        # its resume data is saved when libtorrent flags it modified (timer, close)
        if status.total_payload_download > 0 and self._torrents.get(record.torrent_id):
            record.handle.save_resume_data(RESUME_FLAGS)
            self._bus.publish(TorrentFinished(record.torrent_id, name))

    async def _move_when_done(self, record: TorrentRecord) -> None:
        """A finished download leaves the incomplete folder for its save path."""
        target = record.final_path
        try:
            await self._move(record, target)
        except BttError as exc:
            self._bus.publish(EngineMessage("error", str(exc)))
            return
        record.final_path = ""
        await self._save_labels()

    async def _move(self, record: TorrentRecord, path: str) -> None:
        await ensure_folder(path)
        moved = self._waiters.expect(Waiting.MOVED, record.torrent_id)
        record.handle.move_storage(path, lt.move_flags_t.fail_if_exist)
        self._poke()
        await wait(moved, MOVE_TIMEOUT, "the files to move")
        record.handle.save_resume_data(RESUME_FLAGS)
        self._poke()

    def _on_error(self, alert: Any) -> None:
        record = self._torrents.of_handle(alert.handle)
        if record is not None:
            self._report_error(record, f"{alert.torrent_name}: {_reason(alert.error)}")

    def _on_file_error(self, alert: Any) -> None:
        record = self._torrents.of_handle(alert.handle)
        if record is not None:
            self._report_error(record, f"{alert.filename()}: {_reason(alert.error)}")

    def _on_removed(self, alert: Any) -> None:
        self._waiters.resolve(Waiting.REMOVED, id_of_hashes(alert.info_hashes))

    def _on_deleted(self, alert: Any) -> None:
        self._waiters.resolve(Waiting.DELETED, id_of_hashes(alert.info_hashes))

    def _on_delete_failed(self, alert: Any) -> None:
        torrent_id = id_of_hashes(alert.info_hashes)
        if alert.error.value() == 0:  # a torrent with no storage yet (magnet): nothing to do
            self._waiters.resolve(Waiting.DELETED, torrent_id)
            return
        self._waiters.fail(Waiting.DELETED, torrent_id, EngineError(
            f"removed {alert.torrent_name}, but could not delete its files: "
            f"{_reason(alert.error)}"))

    def _on_moved(self, alert: Any) -> None:
        record = self._torrents.of_handle(alert.handle)
        if record is not None:
            self._waiters.resolve(Waiting.MOVED, record.torrent_id, alert.storage_path)

    def _on_move_failed(self, alert: Any) -> None:
        record = self._torrents.of_handle(alert.handle)
        if record is None:
            return
        where = f" ({alert.file_path})" if alert.file_path else ""
        self._waiters.fail(Waiting.MOVED, record.torrent_id, EngineError(
            f"cannot move {alert.torrent_name}: {_reason(alert.error)}{where}"))

    def _on_external_ip(self, alert: Any) -> None:
        address = str(alert.external_address)
        if address in self._external:
            self._external.remove(address)
        self._external = [*self._external, address][-4:]

    def _on_tracker_error(self, alert: Any) -> None:
        record = self._torrents.of_handle(alert.handle)
        if record is not None:
            reason = str(alert.error_message() or alert.error.message())
            record.tracker_errors[str(alert.tracker_url())] = " ".join(reason.split())
