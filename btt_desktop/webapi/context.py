"""What every request handler may use: the engine, the settings, the session totals,
and Speed when the daemon runs it."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from btt_desktop.engine.types import EngineSettings, SessionTotals
from btt_desktop.events import EventBus, SessionStatsUpdated, TorrentRemoved, TorrentsUpdated
from btt_desktop.settings_store import AppSettings, Settings, SettingsStore
from btt_desktop.webapi.auth import Authenticator, LoginGuard, Sessions
from btt_desktop.webapi.infos import TorrentInfos

if TYPE_CHECKING:
    from btt_desktop.engine import Engine
    from btt_desktop.speed.service import SpeedService


class SettingsKeeper:
    """The profile's settings file and the engine's running settings.

    The daemon may run with values given on its command line (``--listen``) that are
    not saved; a preference set through the API is applied to the engine and saved,
    the command line's values staying as they were unless the same preference changed.
    """

    def __init__(self, store: SettingsStore, saved: Settings) -> None:
        self._store = store
        self.saved = saved

    @property
    def app(self) -> AppSettings:
        return self.saved.app

    async def change(self, engine: Engine, engine_changes: dict[str, Any],
                     app_changes: dict[str, Any]) -> None:
        if engine_changes:
            running: EngineSettings = dataclasses.replace(engine.settings, **engine_changes)
            await engine.apply_settings(running)
        self.saved = Settings(
            engine=dataclasses.replace(self.saved.engine, **{
                k: v for k, v in engine_changes.items() if k != "proxy_password"}),
            app=dataclasses.replace(self.saved.app, **app_changes))
        await asyncio.to_thread(self._store.save, self.saved)


class Totals:
    """Session-wide rates (from ``SessionStatsUpdated``) and the bytes moved since start."""

    def __init__(self, bus: EventBus) -> None:
        self.last = SessionTotals(0, 0, 0)
        self._base: dict[str, tuple[int, int]] = {}   # torrent -> all-time (down, up) at start
        self._now: dict[str, tuple[int, int]] = {}
        self._gone = [0, 0]                            # session bytes of removed torrents
        self._off = [bus.subscribe(SessionStatsUpdated, self._stats),
                     bus.subscribe(TorrentsUpdated, self._updated),
                     bus.subscribe(TorrentRemoved, self._removed)]

    def close(self) -> None:
        for off in self._off:
            off()

    def _stats(self, event: SessionStatsUpdated) -> None:
        self.last = event.totals

    def _updated(self, event: TorrentsUpdated) -> None:
        for snap in event.snapshots:
            now = (snap.all_time_download, snap.all_time_upload)
            self._base.setdefault(snap.torrent_id, now)
            self._now[snap.torrent_id] = now

    def _removed(self, event: TorrentRemoved) -> None:
        base = self._base.pop(event.torrent_id, None)
        now = self._now.pop(event.torrent_id, None)
        if base is not None and now is not None:
            self._gone[0] += max(0, now[0] - base[0])
            self._gone[1] += max(0, now[1] - base[1])

    def session_bytes(self) -> tuple[int, int]:
        down, up = self._gone
        for tid, now in self._now.items():
            base = self._base.get(tid, now)
            down += max(0, now[0] - base[0])
            up += max(0, now[1] - base[1])
        return down, up


@dataclass
class ApiContext:
    engine: Engine
    bus: EventBus
    settings: SettingsKeeper
    authenticator: Authenticator
    profile_root: Any
    shutdown: Callable[[], None]
    speed: SpeedService | None = None
    sessions: Sessions = field(default_factory=Sessions)
    guard: LoginGuard = field(default_factory=LoginGuard)
    totals: Totals | None = None
    forced: set[str] = field(default_factory=set)     # torrents force-started through the API
    infos: TorrentInfos = field(default_factory=TorrentInfos)
    started: float = field(default_factory=time.time)
    background: set[asyncio.Task[Any]] = field(default_factory=set)

    def spawn(self, work: Awaitable[Any]) -> None:
        task: asyncio.Task[Any] = asyncio.ensure_future(work)
        self.background.add(task)
        task.add_done_callback(self.background.discard)
