"""The BitTorrent engine: one libtorrent session behind an asyncio API.

Every libtorrent answer arrives as an alert; the :class:`AlertPump` dispatches it to the
handlers of :mod:`alerts`, which copy what they need at once and resolve the Futures
that engine calls await (:mod:`waiters`). Status reaches subscribers as batched
snapshots. Each torrent is one :class:`~btt_desktop.engine.torrent_record.TorrentRecord`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

import libtorrent as lt

from btt_desktop.atomicfile import read_with_backup, write_atomic
from btt_desktop.engine import tracker_admin
from btt_desktop.engine.adding import ADD_WINDOW, AddFlow
from btt_desktop.engine.alert_pump import AlertPump
from btt_desktop.engine.core import ANSWER_TIMEOUT, RESUME_FLAGS, clamp_priority
from btt_desktop.engine.ip_blocklist import load_blocklist
from btt_desktop.engine.label_ops import LabelOps
from btt_desktop.engine.labels import TorrentLabels
from btt_desktop.engine.peer_admin import connect_peers, normalise_ip
from btt_desktop.engine.peer_classes import PeerControls
from btt_desktop.engine.queries import Queries
from btt_desktop.engine.schedule import AltSchedule
from btt_desktop.engine.session import open_session, session_state
from btt_desktop.engine.session_settings import dial_flags, session_settings
from btt_desktop.engine.types import EngineSettings
from btt_desktop.engine.waiters import Waiting, wait
from btt_desktop.errors import BttError, EngineError
from btt_desktop.events import AltLimitsChanged, EventBus, TorrentRemoved
from btt_desktop.profile import Profile

log = logging.getLogger(__name__)

RUNNING_MARKER = "engine.running"  # present while an engine runs: left behind by a crash


def close_timeout(torrents: int) -> float:
    """How long close() waits for resume data: 15 s, plus 10 ms a torrent (about
    20 times what a save of an unchanged torrent was measured to cost)."""
    return 15.0 + 0.01 * torrents


class Engine(AddFlow, LabelOps, Queries):
    """See docs/architecture.md for the API and docs/engine.md for how it works.

    ``now`` (local wall-clock time) and ``schedule_interval`` drive the
    alternative-limits schedule; tests pass their own clock.
    """

    def __init__(self, profile: Profile, bus: EventBus, settings: EngineSettings | None = None,
                 *, status_interval: float = 1.0, resume_interval: float = 60.0,
                 now: Callable[[], datetime] = datetime.now,
                 schedule_interval: float = 15.0) -> None:
        super().__init__(profile, bus, settings, status_interval=status_interval,
                         resume_interval=resume_interval)
        self._pump: AlertPump | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._schedule = AltSchedule(now)
        self._schedule_interval = schedule_interval
        self._started = False

    # -- life cycle -----------------------------------------------------------------

    async def start(self) -> None:
        """Start the session and the alert pump, then bring back every saved torrent."""
        if self._started:
            return
        loop = asyncio.get_running_loop()
        marker = self._profile.root / RUNNING_MARKER
        state, crashed = await asyncio.to_thread(
            lambda: (read_with_backup(self._profile.session_state_file), marker.exists()))
        self._listener.reset(self._settings)
        self._session = await asyncio.to_thread(open_session, self._settings, state)
        self._peer_controls = PeerControls(self._session)
        await self._peer_admin.attach(self._peer_controls)
        await self._load_blocklist()
        self._pump = AlertPump(self._session, loop)
        self._register_handlers(self._pump)
        self._pump.start()
        self._started = True
        # no fsync for the marker, nor for session.state (DHT nodes) in close(): losing
        # either to a power cut costs nothing worth two disk flushes at every start and exit
        await asyncio.to_thread(write_atomic, marker, b"running\n", keep_backup=False,
                                sync=False)
        await self._restore(crashed)
        self._schedule.reset(self._settings)
        self._tasks = [loop.create_task(self._status_timer(), name="engine-status"),
                       loop.create_task(self._resume_timer(), name="engine-resume"),
                       loop.create_task(self._schedule_timer(), name="engine-schedule")]

    async def close(self) -> None:
        """Save resume data and session state, then stop the session."""
        if not self._started:
            return
        self._started = False
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []
        if self._background:
            await asyncio.gather(*list(self._background), return_exceptions=True)
        for torrent_id in list(self._probes):
            await self._drop_probe(torrent_id)
        session = self._session
        session.pause()
        await self._save_all_resume_data()
        await self._resume.flush()
        queued = sorted((r.snapshot.queue_position, r.torrent_id) for r in self._torrents
                        if r.snapshot is not None and r.snapshot.queue_position >= 0)
        await self._resume.save_queue([torrent_id for _, torrent_id in queued])
        try:
            data = session_state(session)
            await asyncio.to_thread(write_atomic, self._profile.session_state_file, data,
                                    sync=False)
        except BttError as exc:
            log.error("%s", exc)
        assert self._pump is not None
        await self._pump.stop()
        self._waiters.fail_all(EngineError("the engine was closed"))
        self._drop_statuses()
        self._torrents.clear()
        self._probes.clear()
        holder = [session]
        del session
        self._session = None
        self._pump = None
        self._peer_controls = None
        self._peer_admin.detach()
        await asyncio.to_thread(_release, holder)
        with contextlib.suppress(FileNotFoundError):
            (self._profile.root / RUNNING_MARKER).unlink()

    async def _save_all_resume_data(self) -> None:
        """Ask each torrent for its resume data, at most ``ADD_WINDOW`` unanswered at a
        time: libtorrent's alert queue drops what does not fit, and a dropped answer would
        be waited for until the deadline. Only what changed since its last save is
        written: libtorrent answers the others with resume_data_not_modified."""
        loop = asyncio.get_running_loop()
        records = list(self._torrents)
        deadline = loop.time() + close_timeout(len(records))
        asked: list[asyncio.Future[object]] = []
        pending: set[asyncio.Future[object]] = set()
        try:
            for record in records:
                while len(pending) >= ADD_WINDOW:
                    left = deadline - loop.time()
                    if left <= 0:
                        return
                    _, pending = await asyncio.wait(pending, timeout=left,
                                                    return_when=asyncio.FIRST_COMPLETED)
                future = self._waiters.expect(Waiting.RESUME, record.torrent_id)
                asked.append(future)
                pending.add(future)
                record.handle.save_resume_data(RESUME_FLAGS
                                               | lt.torrent_handle.only_if_modified)
            if pending:
                await asyncio.wait(pending, timeout=max(0.0, deadline - loop.time()))
        finally:
            for future in asked:  # answers are taken; what never came is given up
                if future.done():
                    if not future.cancelled():
                        future.exception()
                else:
                    future.cancel()

    async def wait_listening(self, within: float = 10.0) -> tuple[str, ...]:
        """Wait for the listen sockets (on another port if the chosen one is taken and
        the port is not strict); raise :class:`EngineError` if none could open."""
        return await self._listener.wait(within)

    @property
    def listen_endpoints(self) -> tuple[str, ...]:
        return self._listener.endpoints

    @property
    def listen_port_strict(self) -> bool:
        """True: the chosen port or an error (``btt --listen``); False: another free
        port when it is taken (the window). From ``EngineSettings.listen_port_strict``."""
        return self._settings.listen_port_strict

    @property
    def listen_fallback_port(self) -> int | None:
        """The port used because the chosen one was taken, or None."""
        return self._listener.fallback_port

    @property
    def external_addresses(self) -> tuple[str, ...]:
        """This machine's public addresses as libtorrent learnt them (peers, DHT,
        trackers, NAT-PMP/UPnP), at most the last four; empty until one is known."""
        return tuple(self._external)

    @property
    def settings(self) -> EngineSettings:
        return self._settings

    async def apply_settings(self, settings: EngineSettings) -> None:
        """Apply new settings (the disk I/O backend takes effect at the next start)."""
        old, self._settings = self._settings, settings
        session = self._require_session()
        if (old.listen_interface, old.listen_port, old.listen_port_strict) != (
                settings.listen_interface, settings.listen_port, settings.listen_port_strict):
            self._listener.reset(settings)
        pack = session_settings(settings)
        pack["listen_interfaces"] = self._listener.interfaces  # keep a fallback port
        session.apply_settings(pack)
        if old.pex != settings.pex:
            for record in self._torrents:
                if settings.pex:
                    record.handle.unset_flags(lt.torrent_flags.disable_pex)
                else:
                    record.handle.set_flags(lt.torrent_flags.disable_pex)
        if old.ip_filter_path != settings.ip_filter_path:
            await self._load_blocklist()
        if (old.alt_schedule_enabled, old.alt_schedule_from, old.alt_schedule_to,
                old.alt_schedule_days) != (
                settings.alt_schedule_enabled, settings.alt_schedule_from,
                settings.alt_schedule_to, settings.alt_schedule_days):
            self._schedule.reset(settings)
            await self._follow_schedule()
        if old.alt_limits_enabled != settings.alt_limits_enabled:
            self._bus.publish(AltLimitsChanged(settings.alt_limits_enabled))

    async def set_alt_limits(self, enabled: bool) -> None:
        """Switch between the normal and the alternative global rate limits."""
        await self.apply_settings(replace(self._settings, alt_limits_enabled=enabled))

    @property
    def peer_controls(self) -> PeerControls:
        """Peer classes, IP blocking and the client-version string (for Speed)."""
        if self._peer_controls is None:
            raise EngineError("the engine is not running")
        return self._peer_controls

    async def _load_blocklist(self) -> None:
        assert self._peer_controls is not None
        path = self._settings.ip_filter_path.strip()
        message = await load_blocklist(self._peer_controls, path)
        if message is not None:
            self._bus.publish(message)

    # -- operations -----------------------------------------------------------------

    async def remove(self, torrent_ids: Iterable[str], delete_files: bool = False) -> None:
        """Remove torrents (and their data if ``delete_files``); waits until done."""
        session = self._require_session()
        problems: list[str] = []
        for torrent_id in list(torrent_ids):
            record = self._torrents.get(torrent_id)
            if record is None:
                continue
            name = record.name
            record.removing = True
            removed = self._waiters.expect(Waiting.REMOVED, torrent_id)
            deleted = self._waiters.expect(Waiting.DELETED, torrent_id) if delete_files else None
            session.remove_torrent(record.handle,
                                   lt.session.delete_files if delete_files else 0)
            try:
                await wait(removed, ANSWER_TIMEOUT, f"{name} to be removed")
                if deleted is not None:
                    try:
                        await wait(deleted, ANSWER_TIMEOUT, f"the files of {name} to be deleted")
                    except BttError as exc:
                        problems.append(str(exc))
            finally:
                self._torrents.pop(torrent_id)
                await self._resume.delete(torrent_id)
                if record.labels() != TorrentLabels():
                    await self._save_labels()
            self._bus.publish(TorrentRemoved(torrent_id))
        if problems:
            raise EngineError(problems[0])

    async def pause(self, torrent_ids: Iterable[str]) -> None:
        for handle in self._handles_of(torrent_ids):
            handle.unset_flags(lt.torrent_flags.auto_managed)
            handle.pause()
            handle.save_resume_data(RESUME_FLAGS)
        self._poke()

    async def resume(self, torrent_ids: Iterable[str]) -> None:
        for handle in self._handles_of(torrent_ids):
            handle.set_flags(lt.torrent_flags.auto_managed)
            handle.resume()
            handle.save_resume_data(RESUME_FLAGS)
        self._poke()

    async def keep_active(self, torrent_ids: Iterable[str], on: bool) -> None:
        """Keep these torrents running whatever the queue says (``on``: not auto-managed,
        resumed; a "force start"), or hand them back to the queue (``off``). Paused
        torrents are left alone when turning it off."""
        for handle in self._handles_of(torrent_ids):
            if on:
                handle.unset_flags(lt.torrent_flags.auto_managed)
                handle.resume()
            elif not int(handle.flags()) & int(lt.torrent_flags.paused):
                handle.set_flags(lt.torrent_flags.auto_managed)
            handle.save_resume_data(RESUME_FLAGS)
        self._poke()

    async def force_recheck(self, torrent_ids: Iterable[str]) -> None:
        """Start a full re-check of the data on disk (progress shows in snapshots)."""
        for handle in self._handles_of(torrent_ids):
            handle.force_recheck()
        self._poke()

    async def move_storage(self, torrent_id: str, new_path: str) -> None:
        """Move the torrent's files to ``new_path``; waits until they are there."""
        record = self._record(torrent_id)
        await self._move(record, new_path)
        if record.final_path:  # moved by hand: no second move when it finishes
            record.final_path = ""
            await self._save_labels()

    async def set_super_seeding(self, torrent_ids: Iterable[str], on: bool) -> None:
        """Super seeding (BEP 16): offer each peer pieces nobody else has, to spread a
        new torrent with little upload. libtorrent ignores it while downloading."""
        for handle in self._handles_of(torrent_ids):
            if on:
                handle.set_flags(lt.torrent_flags.super_seeding)
            else:
                handle.unset_flags(lt.torrent_flags.super_seeding)
            handle.save_resume_data(RESUME_FLAGS)
        self._poke()

    async def connect_peer(self, torrent_id: str, ip: str, port: int) -> None:
        """Dial this peer for the torrent now (no tracker or DHT needed)."""
        await self.add_peers(torrent_id, [(ip, port)])

    # -- peers and trackers by hand (peer_admin.py, tracker_admin.py) ---------------

    async def add_peers(self, torrent_id: str, peers: Sequence[tuple[str, int]]) -> None:
        """Dial these peers for the torrent now; a banned IP is refused in one line."""
        handle = self._handle(torrent_id)
        peers = [(normalise_ip(ip), int(port)) for ip, port in peers]
        self._peer_admin.check_not_banned(peers)
        connect_peers(handle, peers, dial_flags(self._settings.encryption))

    async def ban_peers(self, ips: Iterable[str]) -> None:
        """Ban these IPs permanently (kept in the profile): connected ones drop now."""
        self._require_session()
        await self._peer_admin.ban(ips)

    async def unban_peers(self, ips: Iterable[str]) -> None:
        await self._peer_admin.unban(ips)

    def banned_peers(self) -> tuple[str, ...]:
        """The banned IPs, sorted."""
        return self._peer_admin.banned

    async def add_trackers(self, torrent_id: str, entries: Sequence[tuple[str, int]]) -> int:
        """Add (url, tier) pairs (tiers from 0); returns how many were new."""
        handle = self._handle(torrent_id)
        added = await asyncio.to_thread(tracker_admin.add_trackers, handle, entries)
        if added:
            handle.save_resume_data(RESUME_FLAGS)
        return added

    async def edit_tracker(self, torrent_id: str, old_url: str, new_url: str) -> None:
        handle = self._handle(torrent_id)
        await asyncio.to_thread(tracker_admin.edit_tracker, handle, old_url, new_url)
        handle.save_resume_data(RESUME_FLAGS)

    async def remove_trackers(self, torrent_id: str, urls: Iterable[str]) -> None:
        handle = self._handle(torrent_id)
        if await asyncio.to_thread(tracker_admin.remove_trackers, handle, list(urls)):
            handle.save_resume_data(RESUME_FLAGS)

    async def force_reannounce(self, torrent_ids: Iterable[str],
                               urls: Sequence[str] | None = None) -> None:
        """Announce now to ``urls`` (all trackers, and the DHT, when None)."""
        for handle in self._handles_of(torrent_ids):
            await asyncio.to_thread(tracker_admin.reannounce, handle, urls,
                                    self._settings.dht)

    async def queue_up(self, torrent_ids: Iterable[str]) -> None:
        for handle in self._handles_of(torrent_ids):
            handle.queue_position_up()
        self._poke()

    async def queue_down(self, torrent_ids: Iterable[str]) -> None:
        for handle in reversed(self._handles_of(torrent_ids)):
            handle.queue_position_down()
        self._poke()

    async def set_limits(self, torrent_id: str, download: int | None = None,
                         upload: int | None = None) -> None:
        """Per-torrent rate limits in bytes/s; 0 = unlimited, None = leave as is."""
        handle = self._handle(torrent_id)
        if download is not None:
            handle.set_download_limit(download if download > 0 else -1)
        if upload is not None:
            handle.set_upload_limit(upload if upload > 0 else -1)
        handle.save_resume_data(RESUME_FLAGS)
        self._poke()

    async def set_sequential(self, torrent_id: str, on: bool) -> None:
        handle = self._handle(torrent_id)
        if on:
            handle.set_flags(lt.torrent_flags.sequential_download)
        else:
            handle.unset_flags(lt.torrent_flags.sequential_download)
        handle.save_resume_data(RESUME_FLAGS)
        self._poke()

    async def set_file_priorities(self, torrent_id: str, priorities: Mapping[int, int]) -> None:
        """Set priorities by file index (0 skip, 1 low, 4 normal, 7 high)."""
        handle = self._handle(torrent_id)
        current = list(await asyncio.to_thread(handle.get_file_priorities))
        for index, prio in priorities.items():
            if not 0 <= index < len(current):
                raise EngineError(f"no file number {index} in {self._name_of(torrent_id)}")
            current[index] = clamp_priority(prio)
        handle.prioritize_files(current)
        handle.save_resume_data(RESUME_FLAGS)
        self._poke()

    # -- timers ---------------------------------------------------------------------

    async def _status_timer(self) -> None:
        while True:
            self._poke()
            self._session.post_session_stats()
            await asyncio.sleep(self._status_interval)

    async def _resume_timer(self) -> None:
        while True:
            await asyncio.sleep(self._resume_interval)
            self.save_changed_resume_data()

    async def _schedule_timer(self) -> None:
        while True:
            await self._follow_schedule()
            await asyncio.sleep(self._schedule_interval)

    async def _follow_schedule(self) -> None:
        """At a boundary of the schedule, switch the alternative limits (a switch by
        hand in between holds until the next boundary, as in qBittorrent)."""
        wanted = self._schedule.crossed(self._settings)
        if wanted is not None and wanted != self._settings.alt_limits_enabled:
            await self.set_alt_limits(wanted)

    def save_changed_resume_data(self) -> None:
        """Ask for resume data of every torrent that changed since its last save."""
        for record in self._torrents:
            if record.need_save:
                record.need_save = False
                record.handle.save_resume_data(
                    RESUME_FLAGS | lt.torrent_handle.only_if_modified)


def _release(objects: list[Any]) -> None:
    """Drop the last reference to the session here, in a worker thread: its destructor
    waits for trackers and disk threads."""
    objects.clear()
