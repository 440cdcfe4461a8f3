"""The state an :class:`~btt_desktop.engine.engine.Engine` holds, and the helpers its
parts share: the alert handlers (:mod:`alerts`), adding and restoring (:mod:`adding`)
and the public calls (:mod:`engine`) all work on one :class:`EngineCore`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Coroutine, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import libtorrent as lt

from btt_desktop.engine.labels import LabelStore
from btt_desktop.engine.listening import Listener
from btt_desktop.engine.peer_admin import PeerAdmin
from btt_desktop.engine.peer_classes import PeerControls
from btt_desktop.engine.rates import shown_rates
from btt_desktop.engine.resume import ResumeStore
from btt_desktop.engine.snapshots import eta_of, snapshot_of, state_of
from btt_desktop.engine.torrent_record import TorrentRecord, TorrentTable
from btt_desktop.engine.types import EngineSettings, TorrentSnapshot, TorrentState
from btt_desktop.engine.waiters import Waiters
from btt_desktop.errors import EngineError
from btt_desktop.events import EventBus, TorrentErrored
from btt_desktop.profile import Profile

log = logging.getLogger(__name__)

RESUME_FLAGS = lt.torrent_handle.save_info_dict | lt.torrent_handle.flush_disk_cache
ADD_TIMEOUT = 60.0
ANSWER_TIMEOUT = 30.0
_STOPPED = (TorrentState.PAUSED, TorrentState.QUEUED, TorrentState.ERROR)


class EngineCore:
    """Session, torrents and helpers; no public API of its own."""

    def __init__(self, profile: Profile, bus: EventBus, settings: EngineSettings | None = None,
                 *, status_interval: float = 1.0, resume_interval: float = 60.0) -> None:
        self._profile = profile
        self._bus = bus
        self._settings = settings or EngineSettings()
        self._status_interval = status_interval
        self._resume_interval = resume_interval
        self._session: Any = None
        self._waiters = Waiters()
        self._resume = ResumeStore(profile.resume_dir)
        self._labels = LabelStore(profile.root, profile.resume_dir)
        self._torrents = TorrentTable()
        self._probes: dict[str, Any] = {}       # fetch_metadata torrents: no state, no events
        self._fetched: dict[str, Any] = {}      # torrent_info fetched for a magnet, by id
        self._background: set[asyncio.Task[None]] = set()
        self._listener = Listener(bus, self._settings, self._set_listen_interfaces)
        self._external: list[str] = []  # public addresses libtorrent learnt, newest last
        self._peer_controls: PeerControls | None = None
        self._peer_admin = PeerAdmin(profile.root)
        self._clock = time.monotonic               # rates; tests may replace it

    def _set_listen_interfaces(self, interfaces: str) -> None:
        if self._session is not None:
            self._session.apply_settings({"listen_interfaces": interfaces})

    # -- looking torrents up --------------------------------------------------------

    def _require_session(self) -> Any:
        if self._session is None:
            raise EngineError("the engine is not running")
        return self._session

    def _record(self, torrent_id: str) -> TorrentRecord:
        return self._torrents.require(torrent_id)

    def _handle(self, torrent_id: str) -> Any:
        return self._torrents.require(torrent_id).handle

    def _handles_of(self, torrent_ids: Iterable[str]) -> list[Any]:
        return [self._handle(torrent_id) for torrent_id in torrent_ids]

    def _name_of(self, torrent_id: str) -> str:
        record = self._torrents.get(torrent_id)
        return record.name if record is not None else torrent_id

    def _category_path(self, name: str) -> str:
        """The save path of category ``name`` ("" for none, or no such category)."""
        category = self._labels.category(name) if name else None
        return category.save_path if category is not None else ""

    # -- snapshots ------------------------------------------------------------------

    def _snapshot(self, record: TorrentRecord, st: Any,
                  now: float | None = None) -> TorrentSnapshot:
        """A snapshot with the engine's own fields: smoothed rates (sampled at ``now``,
        by default the clock's time), category and tags."""
        state = state_of(st)
        if state in _STOPPED:  # 0 at once, and the window starts again later
            record.rates = None
            rates = (0, 0)
        else:
            rates = shown_rates(
                record.rate_window(), self._clock() if now is None else now,
                int(st.all_time_download), int(st.all_time_upload), stopped=False,
                finished=bool(st.is_finished))
        return snapshot_of(st, record.total_size, state=state, rates=rates,
                           category=record.category, tags=tuple(sorted(record.tags)))

    def _with_rates(self, record: TorrentRecord, snap: TorrentSnapshot, down: int,
                    up: int) -> TorrentSnapshot:
        eta = eta_of(snap.state, snap.total_wanted - snap.total_done, down)
        return replace(snap, download_rate=down, upload_rate=up, eta=eta,
                       category=record.category, tags=tuple(sorted(record.tags)))

    def _restamp(self, record: TorrentRecord) -> TorrentSnapshot | None:
        """The last snapshot again with the current category, tags and a rate sample
        taken now (libtorrent reports a torrent only when its status changed)."""
        snap = record.snapshot
        if snap is None:
            return None
        if snap.state in _STOPPED:
            down = up = 0
        else:
            down, up = record.rate_window().add(self._clock(), snap.all_time_download,
                                                snap.all_time_upload)
            if snap.state == TorrentState.SEEDING:
                down = 0
        return self._with_rates(record, snap, down, up)

    # -- follow-up work -------------------------------------------------------------

    def _poke(self) -> None:
        if self._session is not None:
            self._session.post_torrent_updates()

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        """Run follow-up work of an alert handler (it may not block the pump)."""
        task = asyncio.get_running_loop().create_task(work)
        self._background.add(task)
        task.add_done_callback(self._background_done)

    def _background_done(self, task: asyncio.Task[None]) -> None:
        self._background.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("engine task failed: %s", task.exception())

    def _report_error(self, record: TorrentRecord, line: str) -> None:
        if not record.errored:
            record.errored = True
            self._bus.publish(TorrentErrored(record.torrent_id, line))

    async def _save_labels(self) -> None:
        """Write every torrent's category, tags and final folder (labels.json)."""
        await self._labels.save_torrents(
            {r.torrent_id: r.labels() for r in self._torrents})


def clamp_priority(prio: int) -> int:
    return max(0, min(7, int(prio)))


async def ensure_folder(path: str) -> None:
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
