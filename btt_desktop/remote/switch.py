"""What lets one window drive either the local engine or a daemon.

:class:`EngineSwitch` is the engine the window's widgets hold: every call goes to the
current engine (the local one, or a :class:`RemoteEngine`). :class:`WindowBus` is the bus
the window's bridge listens to: it forwards every event of the profile's bus, except
the torrent events of the local engine while a remote one is current; those come from
the remote engine's bus instead. Wallet, Speed and watched-folder events always come
from the profile's bus. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from btt_desktop.engine.types import (
    AddParams,
    Category,
    EngineSettings,
    FileEntry,
    PeerEntry,
    TorrentDetails,
    TorrentMeta,
    TorrentSnapshot,
    TrackerEntry,
)
from btt_desktop.events import (
    AltLimitsChanged,
    EventBus,
    MetadataReceived,
    SessionStatsUpdated,
    TorrentAdded,
    TorrentErrored,
    TorrentFinished,
    TorrentRemoved,
    TorrentsUpdated,
)

if TYPE_CHECKING:
    from btt_desktop.ui.engine_api import EngineApi

# the events of whichever engine the window drives
ENGINE_EVENTS: frozenset[type] = frozenset({
    TorrentAdded, TorrentRemoved, TorrentsUpdated, MetadataReceived, TorrentFinished,
    TorrentErrored, SessionStatsUpdated, AltLimitsChanged})


class WindowBus(EventBus):
    """The bus the window subscribes to (see the module's text)."""

    def __init__(self, local: EventBus) -> None:
        super().__init__()
        self._local = local
        self._remote: EventBus | None = None
        self._types: set[type] = set()
        self._unsubscribe: list[Callable[[], None]] = []
        self._remote_unsubscribe: list[Callable[[], None]] = []

    def subscribe(self, event_type: type[Any], handler: Callable[[Any], None]
                  ) -> Callable[[], None]:
        if event_type not in self._types:
            self._types.add(event_type)
            self._unsubscribe.append(self._local.subscribe(event_type, self._from_local))
            if self._remote is not None:
                self._remote_unsubscribe.append(
                    self._remote.subscribe(event_type, self._from_remote))
        return super().subscribe(event_type, handler)

    def follow(self, remote: EventBus | None) -> None:
        """Take the engine events from ``remote`` (None: from the local engine again)."""
        for unsubscribe in self._remote_unsubscribe:
            unsubscribe()
        self._remote_unsubscribe.clear()
        self._remote = remote
        if remote is not None:
            self._remote_unsubscribe = [remote.subscribe(t, self._from_remote)
                                        for t in self._types]

    def close(self) -> None:
        self.follow(None)
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()

    def _from_local(self, event: object) -> None:
        if self._remote is None or type(event) not in ENGINE_EVENTS:
            self.publish(event)

    def _from_remote(self, event: object) -> None:
        self.publish(event)


class EngineSwitch:
    """The engine protocol of ``ui/engine_api.py``, passed on to ``current``."""

    def __init__(self, local: EngineApi) -> None:
        self.local = local
        self.current: EngineApi = local

    @property
    def remote(self) -> bool:
        return self.current is not self.local

    @property
    def settings(self) -> EngineSettings:
        return self.current.settings

    async def inspect(self, params: AddParams) -> TorrentMeta:
        return await self.current.inspect(params)

    async def fetch_metadata(self, magnet: str, save_path: str) -> TorrentMeta:
        return await self.current.fetch_metadata(magnet, save_path)

    async def add(self, params: AddParams) -> str:
        return await self.current.add(params)

    async def remove(self, torrent_ids: Sequence[str],
                     delete_files: bool = False) -> None:
        return await self.current.remove(torrent_ids, delete_files)

    async def pause(self, torrent_ids: Sequence[str]) -> None:
        return await self.current.pause(torrent_ids)

    async def resume(self, torrent_ids: Sequence[str]) -> None:
        return await self.current.resume(torrent_ids)

    async def force_recheck(self, torrent_ids: Sequence[str]) -> None:
        return await self.current.force_recheck(torrent_ids)

    async def move_storage(self, torrent_id: str, new_path: str) -> None:
        return await self.current.move_storage(torrent_id, new_path)

    async def queue_up(self, torrent_ids: Sequence[str]) -> None:
        return await self.current.queue_up(torrent_ids)

    async def queue_down(self, torrent_ids: Sequence[str]) -> None:
        return await self.current.queue_down(torrent_ids)

    async def set_limits(self, torrent_id: str, *, download: int | None = None,
                         upload: int | None = None) -> None:
        return await self.current.set_limits(torrent_id, download=download, upload=upload)

    async def set_sequential(self, torrent_id: str, on: bool) -> None:
        return await self.current.set_sequential(torrent_id, on)

    async def set_file_priorities(self, torrent_id: str, priorities: Mapping[int, int]) -> None:
        return await self.current.set_file_priorities(torrent_id, priorities)

    async def apply_settings(self, settings: EngineSettings) -> None:
        return await self.current.apply_settings(settings)

    async def set_alt_limits(self, enabled: bool) -> None:
        return await self.current.set_alt_limits(enabled)

    def snapshot(self, torrent_id: str) -> TorrentSnapshot | None:
        return self.current.snapshot(torrent_id)

    def snapshots(self) -> Iterable[TorrentSnapshot]:
        return self.current.snapshots()

    async def files(self, torrent_id: str) -> list[FileEntry]:
        return await self.current.files(torrent_id)

    async def peers(self, torrent_id: str) -> list[PeerEntry]:
        return await self.current.peers(torrent_id)

    async def trackers(self, torrent_id: str, *, sources: bool = False) -> list[TrackerEntry]:
        return await self.current.trackers(torrent_id, sources=sources)

    async def details(self, torrent_id: str) -> TorrentDetails:
        return await self.current.details(torrent_id)

    def magnet_uri(self, torrent_id: str) -> str:
        return self.current.magnet_uri(torrent_id)

    async def add_peers(self, torrent_id: str, peers: Sequence[tuple[str, int]]) -> None:
        return await self.current.add_peers(torrent_id, peers)

    async def ban_peers(self, ips: Iterable[str]) -> None:
        return await self.current.ban_peers(ips)

    async def unban_peers(self, ips: Iterable[str]) -> None:
        return await self.current.unban_peers(ips)

    def banned_peers(self) -> tuple[str, ...]:
        return self.current.banned_peers()

    async def add_trackers(self, torrent_id: str, entries: Sequence[tuple[str, int]]) -> int:
        return await self.current.add_trackers(torrent_id, entries)

    async def edit_tracker(self, torrent_id: str, old_url: str, new_url: str) -> None:
        return await self.current.edit_tracker(torrent_id, old_url, new_url)

    async def remove_trackers(self, torrent_id: str, urls: Iterable[str]) -> None:
        return await self.current.remove_trackers(torrent_id, urls)

    async def force_reannounce(self, torrent_ids: Iterable[str],
                               urls: Sequence[str] | None = None) -> None:
        return await self.current.force_reannounce(torrent_ids, urls)

    async def categories(self) -> tuple[Category, ...]:
        return await self.current.categories()

    async def create_category(self, name: str, save_path: str = "") -> Category:
        return await self.current.create_category(name, save_path)

    async def edit_category(self, name: str, save_path: str) -> None:
        return await self.current.edit_category(name, save_path)

    async def remove_category(self, name: str) -> None:
        return await self.current.remove_category(name)

    async def set_category(self, torrent_ids: Iterable[str], name: str) -> None:
        return await self.current.set_category(torrent_ids, name)

    async def tags(self) -> tuple[str, ...]:
        return await self.current.tags()

    async def create_tags(self, tags: Iterable[str]) -> None:
        return await self.current.create_tags(tags)

    async def delete_tags(self, tags: Iterable[str]) -> None:
        return await self.current.delete_tags(tags)

    async def add_tags(self, torrent_ids: Iterable[str], tags: Iterable[str]) -> None:
        return await self.current.add_tags(torrent_ids, tags)

    async def remove_tags(self, torrent_ids: Iterable[str], tags: Iterable[str]) -> None:
        return await self.current.remove_tags(torrent_ids, tags)

    async def export_torrent(self, torrent_id: str, path: str) -> None:
        return await self.current.export_torrent(torrent_id, path)

    async def set_super_seeding(self, torrent_ids: Iterable[str], on: bool) -> None:
        return await self.current.set_super_seeding(torrent_ids, on)
