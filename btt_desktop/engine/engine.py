"""The BitTorrent engine: one libtorrent session behind an asyncio API.

Every libtorrent answer arrives as an alert; the :class:`AlertPump` dispatches it to the
handlers below, which copy what they need at once and resolve the Futures that engine
calls await (:mod:`waiters`). Status reaches subscribers as batched snapshots.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Coroutine, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import libtorrent as lt

from btt_desktop.atomicfile import read_with_backup, write_atomic
from btt_desktop.engine import metainfo, recovery, tracker_admin
from btt_desktop.engine.alert_pump import AlertPump
from btt_desktop.engine.listening import Listener
from btt_desktop.engine.peer_admin import PeerAdmin, connect_peers, normalise_ip
from btt_desktop.engine.peer_classes import PeerControls
from btt_desktop.engine.resume import ResumeStore
from btt_desktop.engine.session import open_session, session_state
from btt_desktop.engine.session_settings import session_settings
from btt_desktop.engine.snapshots import hash_hex, snapshot_of
from btt_desktop.engine.snapshots import torrent_id as id_of
from btt_desktop.engine.stats import SessionCounters
from btt_desktop.engine.types import (
    AddParams,
    EngineSettings,
    FileEntry,
    PeerEntry,
    SessionTotals,
    TorrentDetails,
    TorrentMeta,
    TorrentSnapshot,
    TorrentState,
    TrackerEntry,
)
from btt_desktop.engine.views import peer_entry
from btt_desktop.engine.waiters import Waiters, wait
from btt_desktop.errors import BttError, EngineError
from btt_desktop.events import (
    EngineMessage,
    EventBus,
    MetadataReceived,
    SessionStatsUpdated,
    TorrentAdded,
    TorrentErrored,
    TorrentFinished,
    TorrentRemoved,
    TorrentsUpdated,
)
from btt_desktop.profile import Profile

log = logging.getLogger(__name__)

RESUME_FLAGS = lt.torrent_handle.save_info_dict | lt.torrent_handle.flush_disk_cache
RUNNING_MARKER = "engine.running"  # present while an engine runs: left behind by a crash
ADD_TIMEOUT = 60.0
ANSWER_TIMEOUT = 30.0


def close_timeout(torrents: int) -> float:
    """How long close() waits for resume data: 15 s, plus 10 ms a torrent (about
    20 times what a save of an unchanged torrent was measured to cost)."""
    return 15.0 + 0.01 * torrents


class Engine:
    """See docs/architecture.md for the API and docs/engine.md for how it works."""

    def __init__(self, profile: Profile, bus: EventBus, settings: EngineSettings | None = None,
                 *, status_interval: float = 1.0, resume_interval: float = 60.0) -> None:
        self._profile = profile
        self._bus = bus
        self._settings = settings or EngineSettings()
        self._status_interval = status_interval
        self._resume_interval = resume_interval
        self._session: Any = None
        self._pump: AlertPump | None = None
        self._waiters = Waiters()
        self._resume = ResumeStore(profile.resume_dir)
        self._handles: dict[str, Any] = {}
        self._ids: dict[Any, str] = {}          # handle -> torrent id
        self._probes: dict[str, Any] = {}       # fetch_metadata torrents: no state, no events
        self._fetched: dict[str, Any] = {}      # torrent_info fetched for a magnet, by id
        self._snapshots: dict[str, TorrentSnapshot] = {}
        self._sizes: dict[str, int] = {}
        self._about: dict[str, tuple[str, str]] = {}  # comment, creator (kept in the params)
        self._need_save: set[str] = set()
        self._errored: set[str] = set()         # TorrentErrored sent, state not cleared yet
        self._removing: set[str] = set()
        self._tasks: list[asyncio.Task[None]] = []
        self._background: set[asyncio.Task[None]] = set()
        self._counters = SessionCounters()
        self._listener = Listener(bus, self._settings, self._set_listen_interfaces)
        self._external: list[str] = []  # public addresses libtorrent learnt, newest last
        self._peer_controls: PeerControls | None = None
        self._peer_admin = PeerAdmin(profile.root)
        self._tracker_errors = tracker_admin.TrackerErrors()
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
        self._pump = AlertPump(self._session, loop)
        self._register_handlers(self._pump)
        self._pump.start()
        self._started = True
        await asyncio.to_thread(write_atomic, marker, b"running\n", keep_backup=False)
        await self._restore(crashed)
        self._tasks = [loop.create_task(self._status_timer(), name="engine-status"),
                       loop.create_task(self._resume_timer(), name="engine-resume")]

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
        waits = []
        # only what changed since its last save: libtorrent answers the others with
        # save_resume_data_failed_alert (resume_data_not_modified), and the file stays
        for torrent_id, handle in self._handles.items():
            waits.append(self._waiters.expect("resume", torrent_id))
            handle.save_resume_data(RESUME_FLAGS | lt.torrent_handle.only_if_modified)
        if waits:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.gather(*waits, return_exceptions=True),
                                       close_timeout(len(waits)))
        await self._resume.flush()
        queued = sorted((s.queue_position, torrent_id) for torrent_id, s in self._snapshots.items()
                        if s.queue_position >= 0)
        await self._resume.save_queue([torrent_id for _, torrent_id in queued])
        try:
            data = session_state(session)
            await asyncio.to_thread(write_atomic, self._profile.session_state_file, data)
        except BttError as exc:
            log.error("%s", exc)
        assert self._pump is not None
        await self._pump.stop()
        self._waiters.fail_all(EngineError("the engine was closed"))
        self._handles.clear()
        self._ids.clear()
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

    def _set_listen_interfaces(self, interfaces: str) -> None:
        if self._session is not None:
            self._session.apply_settings({"listen_interfaces": interfaces})

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
            for handle in self._handles.values():
                if settings.pex:
                    handle.unset_flags(lt.torrent_flags.disable_pex)
                else:
                    handle.set_flags(lt.torrent_flags.disable_pex)

    async def set_alt_limits(self, enabled: bool) -> None:
        """Switch between the normal and the alternative global rate limits."""
        await self.apply_settings(replace(self._settings, alt_limits_enabled=enabled))

    @property
    def peer_controls(self) -> PeerControls:
        """Peer classes, IP blocking and the client-version string (for Speed)."""
        if self._peer_controls is None:
            raise EngineError("the engine is not running")
        return self._peer_controls

    # -- adding and inspecting ------------------------------------------------------

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
        torrent_id = id_of(atp.info_hashes)
        if torrent_id in self._fetched:
            return metainfo.meta_from_info(self._fetched[torrent_id])
        if torrent_id in self._handles:
            handle = self._handles[torrent_id]
            if handle.has_metadata():
                info = await asyncio.to_thread(handle.torrent_file)
                return metainfo.meta_from_info(info)
            await self._waiters.expect("metadata", torrent_id)
            info = await asyncio.to_thread(handle.torrent_file)
            return metainfo.meta_from_info(info)
        if torrent_id in self._probes:
            raise EngineError("already fetching the metadata of this magnet link")
        session = self._require_session()
        atp.save_path = save_path
        atp.flags = (atp.flags | lt.torrent_flags.upload_mode) & ~(
            lt.torrent_flags.paused | lt.torrent_flags.auto_managed
            | lt.torrent_flags.update_subscribe)
        added = self._waiters.expect("added", torrent_id)
        metadata = self._waiters.expect("metadata", torrent_id)
        self._probes[torrent_id] = None
        try:
            session.async_add_torrent(atp)
            handle = await wait(added, ADD_TIMEOUT, "the magnet link to be added")
            self._probes[torrent_id] = handle
            self._ids[handle] = torrent_id
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
        torrent_id = id_of(atp.ti.info_hashes() if atp.ti is not None else atp.info_hashes)
        if torrent_id in self._handles:
            raise EngineError(f"already in the list: {self._name_of(torrent_id)}")
        fetched = self._fetched.pop(torrent_id, None)
        if atp.ti is None and fetched is not None:
            atp.ti = fetched
        await _ensure_folder(params.save_path)
        atp.save_path = params.save_path
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
        handle = await self._add_params(atp, torrent_id)
        for ip, port in params.peers:
            handle.connect_peer((ip, int(port)))
        handle.save_resume_data(RESUME_FLAGS)
        await self._announce_added(torrent_id, handle)
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
            full[entry.index] = _clamp_priority(prio)
        return full

    async def _add_params(self, atp: Any, torrent_id: str) -> Any:
        added = self._waiters.expect("added", torrent_id)
        self._require_session().async_add_torrent(atp)
        handle = await wait(added, ADD_TIMEOUT, "the torrent to be added")
        self._handles[torrent_id] = handle
        self._ids[handle] = torrent_id
        if atp.ti is not None:
            self._sizes[torrent_id] = int(atp.ti.total_size())
        self._about[torrent_id] = (str(atp.comment), str(atp.created_by))
        self._need_save.discard(torrent_id)
        return handle

    async def _announce_added(self, torrent_id: str, handle: Any) -> None:
        status = await asyncio.to_thread(handle.status)
        snap = snapshot_of(status, self._sizes.get(torrent_id, 0))
        self._snapshots[torrent_id] = snap
        self._bus.publish(TorrentAdded(snap))

    async def _restore(self, crashed: bool) -> None:
        saved = await asyncio.to_thread(self._resume.load_all)
        order = {torrent_id: n for n, torrent_id in enumerate(
            await asyncio.to_thread(self._resume.load_queue))}
        loaded = []
        for name, data in saved:
            try:
                atp = await asyncio.to_thread(lt.read_resume_data, data)
            except RuntimeError:
                log.error("ignoring unreadable resume data %s", name)
                continue
            torrent_id = id_of(atp.ti.info_hashes() if atp.ti is not None else atp.info_hashes)
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
                handle = await self._add_params(atp, torrent_id)
            except BttError as exc:
                self._bus.publish(EngineMessage("error", str(exc)))
                continue
            if crashed:
                handle.save_resume_data(RESUME_FLAGS)
            await self._announce_added(torrent_id, handle)

    # -- operations -----------------------------------------------------------------

    async def remove(self, torrent_ids: Iterable[str], delete_files: bool = False) -> None:
        """Remove torrents (and their data if ``delete_files``); waits until done."""
        session = self._require_session()
        problems: list[str] = []
        for torrent_id in list(torrent_ids):
            handle = self._handles.get(torrent_id)
            if handle is None:
                continue
            name = self._name_of(torrent_id)
            self._removing.add(torrent_id)
            removed = self._waiters.expect("removed", torrent_id)
            deleted = self._waiters.expect("deleted", torrent_id) if delete_files else None
            session.remove_torrent(handle, lt.session.delete_files if delete_files else 0)
            try:
                await wait(removed, ANSWER_TIMEOUT, f"{name} to be removed")
                if deleted is not None:
                    try:
                        await wait(deleted, ANSWER_TIMEOUT, f"the files of {name} to be deleted")
                    except BttError as exc:
                        problems.append(str(exc))
            finally:
                self._forget(torrent_id)
                await self._resume.delete(torrent_id)
                self._removing.discard(torrent_id)
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
        handle = self._handle(torrent_id)
        await _ensure_folder(new_path)
        moved = self._waiters.expect("moved", torrent_id)
        handle.move_storage(new_path, lt.move_flags_t.fail_if_exist)
        self._poke()
        await wait(moved, 24 * 3600, "the files to move")
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
        connect_peers(handle, peers)

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
            current[index] = _clamp_priority(prio)
        handle.prioritize_files(current)
        handle.save_resume_data(RESUME_FLAGS)
        self._poke()

    # -- queries --------------------------------------------------------------------

    def snapshot(self, torrent_id: str) -> TorrentSnapshot | None:
        return self._snapshots.get(torrent_id)

    def snapshots(self) -> list[TorrentSnapshot]:
        return list(self._snapshots.values())

    def torrent_ids(self) -> list[str]:
        return list(self._handles)

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

    async def peer_counters(self, torrent_id: str) -> dict[str, tuple[int, int]]:
        """Bytes downloaded from and uploaded to each connected peer, by "ip:port"."""
        return {f"{p.ip}:{p.port}": (p.total_download, p.total_upload)
                for p in await self.peers(torrent_id)}

    async def trackers(self, torrent_id: str, *, sources: bool = False) -> list[TrackerEntry]:
        """The torrent's trackers; with ``sources``, DHT, PeX and LSD rows first."""
        handle = self._handle(torrent_id)
        return await asyncio.to_thread(
            tracker_admin.tracker_rows, handle, self._tracker_errors.of(torrent_id),
            self._settings, sources=sources)

    async def details(self, torrent_id: str) -> TorrentDetails:
        handle = self._handle(torrent_id)

        def query() -> tuple[Any, Any]:
            return handle.status(), handle.torrent_file()

        st, info = await asyncio.to_thread(query)
        v1, v2 = hash_hex(st.info_hashes)
        snap = snapshot_of(st, int(info.total_size()) if info is not None else 0)
        return TorrentDetails(
            torrent_id=torrent_id, info_hash_v1=v1, info_hash_v2=v2, name=st.name,
            save_path=st.save_path,
            comment=self._about.get(torrent_id, ("", ""))[0] or (info.comment() if info else ""),
            creator=self._about.get(torrent_id, ("", ""))[1] or (info.creator() if info else ""),
            piece_length=int(info.piece_length()) if info is not None else 0,
            num_pieces=int(info.num_pieces()) if info is not None else 0,
            pieces_have=int(st.num_pieces),
            availability=float(st.distributed_copies),
            total_size=snap.total_size, ratio=snap.ratio,
            added_time=int(st.added_time), completed_time=int(st.completed_time),
            active_time=int(st.active_duration.total_seconds()
                            if hasattr(st.active_duration, "total_seconds")
                            else st.active_time),
            seeding_time=int(st.seeding_duration.total_seconds()
                             if hasattr(st.seeding_duration, "total_seconds")
                             else st.seeding_time),
            magnet_uri=lt.make_magnet_uri(handle),
            private=bool(info.priv()) if info is not None else False,
        )

    def magnet_uri(self, torrent_id: str) -> str:
        return str(lt.make_magnet_uri(self._handle(torrent_id)))

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

    def save_changed_resume_data(self) -> None:
        """Ask for resume data of every torrent that changed since its last save."""
        dirty, self._need_save = self._need_save, set()
        for torrent_id in dirty:
            handle = self._handles.get(torrent_id)
            if handle is not None:
                handle.save_resume_data(RESUME_FLAGS | lt.torrent_handle.only_if_modified)

    def _poke(self) -> None:
        if self._session is not None:
            self._session.post_torrent_updates()

    # -- alert handlers (run on the loop thread, alert valid only during the call) ---

    def _register_handlers(self, pump: AlertPump) -> None:
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
        hashes = params.ti.info_hashes() if params.ti is not None else params.info_hashes
        torrent_id = id_of(hashes)
        if alert.error.value() != 0:
            reason = " ".join(str(alert.error.message()).split())
            name = params.name or (params.ti.name() if params.ti is not None else torrent_id)
            self._waiters.fail("added", torrent_id, EngineError(f"cannot add {name}: {reason}"))
        else:
            # registered here, not by the awaiting caller: alerts about the new torrent
            # (a file error found by the first check, say) may come in this same batch
            handle = alert.handle
            if torrent_id in self._probes:
                self._probes[torrent_id] = handle
            else:
                self._handles[torrent_id] = handle
            self._ids[handle] = torrent_id
            self._waiters.resolve("added", torrent_id, handle)

    def _on_state_update(self, alert: Any) -> None:
        batch = []
        for st in alert.status:
            torrent_id = id_of(st.info_hashes)
            if torrent_id not in self._handles or torrent_id in self._removing:
                continue
            if st.need_save_resume:
                self._need_save.add(torrent_id)
            snap = snapshot_of(st, self._sizes.get(torrent_id, 0))
            self._snapshots[torrent_id] = snap
            batch.append(snap)
        if batch:
            self._bus.publish(TorrentsUpdated(tuple(batch)))
        for snap in batch:
            if snap.state == TorrentState.ERROR:
                self._report_error(snap.torrent_id, f"{snap.name}: {snap.error}")
            else:
                self._errored.discard(snap.torrent_id)

    def _on_session_stats(self, alert: Any) -> None:
        down, up, nodes = self._counters.update(alert.values, time.monotonic())
        self._bus.publish(SessionStatsUpdated(SessionTotals(
            download_rate=down, upload_rate=up, dht_nodes=nodes,
            listen_endpoints=self._listener.endpoints)))

    def _on_resume_data(self, alert: Any) -> None:
        params = alert.params
        hashes = params.ti.info_hashes() if params.ti is not None else params.info_hashes
        torrent_id = id_of(hashes)
        if torrent_id in self._handles and torrent_id not in self._removing:
            self._resume.save_soon(torrent_id, bytes(lt.write_resume_data_buf(params)))
        self._waiters.resolve("resume", torrent_id)

    def _on_resume_failed(self, alert: Any) -> None:
        torrent_id = self._ids.get(alert.handle)
        if torrent_id is not None:
            self._waiters.resolve("resume", torrent_id)

    def _on_metadata(self, alert: Any) -> None:
        torrent_id = self._ids.get(alert.handle)
        if torrent_id is None:
            torrent_id = id_of(alert.handle.info_hashes())
        self._waiters.resolve("metadata", torrent_id)
        if torrent_id in self._handles:
            alert.handle.save_resume_data(RESUME_FLAGS)
            self._spawn(self._metadata_arrived(torrent_id, alert.handle, alert.torrent_name))

    async def _metadata_arrived(self, torrent_id: str, handle: Any, name: str) -> None:
        info = await asyncio.to_thread(handle.torrent_file)
        if info is not None:
            self._sizes[torrent_id] = int(info.total_size())
        if torrent_id in self._handles:
            self._bus.publish(MetadataReceived(torrent_id, name))
            self._poke()

    def _on_finished(self, alert: Any) -> None:
        torrent_id = self._ids.get(alert.handle)
        if torrent_id is None or torrent_id not in self._handles:
            return
        self._spawn(self._finished(torrent_id, alert.handle, alert.torrent_name))
        self._poke()

    async def _finished(self, torrent_id: str, handle: Any, name: str) -> None:
        status = await asyncio.to_thread(handle.status, 0)
        # a torrent restored complete, or found complete by a check, downloaded nothing:
        # its resume data is saved when libtorrent flags it modified (timer, close)
        if status.total_payload_download > 0 and torrent_id in self._handles:
            handle.save_resume_data(RESUME_FLAGS)
            self._bus.publish(TorrentFinished(torrent_id, name))

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        """Run follow-up work of an alert handler (it may not block the pump)."""
        task = asyncio.get_running_loop().create_task(work)
        self._background.add(task)
        task.add_done_callback(self._background_done)

    def _background_done(self, task: asyncio.Task[None]) -> None:
        self._background.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("engine task failed: %s", task.exception())

    def _on_error(self, alert: Any) -> None:
        torrent_id = self._ids.get(alert.handle)
        if torrent_id is None or torrent_id not in self._handles:
            return
        reason = " ".join(str(alert.error.message()).split())
        self._report_error(torrent_id, f"{alert.torrent_name}: {reason}")

    def _on_file_error(self, alert: Any) -> None:
        torrent_id = self._ids.get(alert.handle)
        if torrent_id is None or torrent_id not in self._handles:
            return
        reason = " ".join(str(alert.error.message()).split())
        self._report_error(torrent_id, f"{alert.filename()}: {reason}")

    def _report_error(self, torrent_id: str, line: str) -> None:
        if torrent_id not in self._errored:
            self._errored.add(torrent_id)
            self._bus.publish(TorrentErrored(torrent_id, line))

    def _on_removed(self, alert: Any) -> None:
        self._waiters.resolve("removed", id_of(alert.info_hashes))

    def _on_deleted(self, alert: Any) -> None:
        self._waiters.resolve("deleted", id_of(alert.info_hashes))

    def _on_delete_failed(self, alert: Any) -> None:
        torrent_id = id_of(alert.info_hashes)
        if alert.error.value() == 0:  # a torrent with no storage yet (magnet): nothing to do
            self._waiters.resolve("deleted", torrent_id)
            return
        reason = " ".join(str(alert.error.message()).split())
        self._waiters.fail("deleted", torrent_id, EngineError(
            f"removed {alert.torrent_name}, but could not delete its files: {reason}"))

    def _on_moved(self, alert: Any) -> None:
        torrent_id = self._ids.get(alert.handle)
        if torrent_id is not None:
            self._waiters.resolve("moved", torrent_id, alert.storage_path)

    def _on_move_failed(self, alert: Any) -> None:
        torrent_id = self._ids.get(alert.handle)
        if torrent_id is None:
            return
        reason = " ".join(str(alert.error.message()).split())
        where = f" ({alert.file_path})" if alert.file_path else ""
        self._waiters.fail("moved", torrent_id, EngineError(
            f"cannot move {alert.torrent_name}: {reason}{where}"))

    def _on_external_ip(self, alert: Any) -> None:
        address = str(alert.external_address)
        if address in self._external:
            self._external.remove(address)
        self._external = [*self._external, address][-4:]

    def _on_tracker_error(self, alert: Any) -> None:
        torrent_id = self._ids.get(alert.handle)
        if torrent_id is not None:
            reason = str(alert.error_message() or alert.error.message())
            self._tracker_errors.failed(torrent_id, str(alert.tracker_url()), reason)

    # -- helpers --------------------------------------------------------------------

    def _require_session(self) -> Any:
        if self._session is None:
            raise EngineError("the engine is not running")
        return self._session

    def _handle(self, torrent_id: str) -> Any:
        handle = self._handles.get(torrent_id)
        if handle is None:
            raise EngineError(f"no such torrent: {torrent_id}")
        return handle

    def _handles_of(self, torrent_ids: Iterable[str]) -> list[Any]:
        return [self._handle(torrent_id) for torrent_id in torrent_ids]

    def _name_of(self, torrent_id: str) -> str:
        snap = self._snapshots.get(torrent_id)
        return snap.name if snap is not None and snap.name else torrent_id

    def _forget(self, torrent_id: str) -> None:
        handle = self._handles.pop(torrent_id, None)
        if handle is not None:
            self._ids.pop(handle, None)
        self._snapshots.pop(torrent_id, None)
        self._sizes.pop(torrent_id, None)
        self._about.pop(torrent_id, None)
        self._need_save.discard(torrent_id)
        self._errored.discard(torrent_id)
        self._tracker_errors.forget(torrent_id)

    async def _drop_probe(self, torrent_id: str) -> None:
        handle = self._probes.pop(torrent_id, None)
        if handle is None or self._session is None:
            return
        removed = self._waiters.expect("removed", torrent_id)
        self._session.remove_torrent(handle)
        self._ids.pop(handle, None)
        with contextlib.suppress(BttError):
            await wait(removed, ANSWER_TIMEOUT, "the magnet link to be dropped")


def _clamp_priority(prio: int) -> int:
    return max(0, min(7, int(prio)))


async def _ensure_folder(path: str) -> None:
    if not path.strip():
        raise EngineError("no folder given to save into")
    def make() -> None:
        Path(path).expanduser().mkdir(parents=True, exist_ok=True)

    try:
        await asyncio.to_thread(make)
    except FileExistsError:
        raise EngineError(f"not a folder: {path}") from None
    except OSError as exc:
        raise EngineError(f"cannot use the folder {path}: {exc.strerror or exc}") from None


def _release(objects: list[Any]) -> None:
    """Drop the last reference to the session here, in a worker thread: its destructor
    waits for trackers and disk threads."""
    objects.clear()

