"""``RemoteEngine``: the window's engine protocol (``ui/engine_api.py``) over the Web API
of a ``btt daemon``.

It polls ``sync/maindata`` about once a second (incremental ``rid``) and publishes what
changed as the local engine's events (``TorrentAdded``, ``TorrentsUpdated``,
``TorrentRemoved``, ``TorrentFinished``, ``TorrentErrored``, ``SessionStatsUpdated``)
on its own :class:`EventBus`, so the window's bridge and widgets see no difference. Each
call maps onto an endpoint; what the API cannot do is a one-line :class:`RemoteError`.
When the daemon goes away, one warning says so and polling goes on (every two seconds)
until it answers again. No Qt here.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import aiohttp

from btt_desktop.engine.ids import torrent_id as id_of
from btt_desktop.engine.types import (
    AddParams,
    Category,
    EngineSettings,
    FileEntry,
    PeerEntry,
    TorrentDetails,
    TorrentMeta,
    TorrentSnapshot,
    TorrentState,
    TrackerEntry,
)
from btt_desktop.events import (
    EngineMessage,
    EventBus,
    SessionStatsUpdated,
    TorrentAdded,
    TorrentErrored,
    TorrentFinished,
    TorrentRemoved,
    TorrentsUpdated,
)
from btt_desktop.remote import convert
from btt_desktop.remote.client import LoginRefused, RemoteError, Unreachable, WebApiClient

log = logging.getLogger(__name__)

POLL_INTERVAL = 1.0
RETRY_INTERVAL = 2.0
APPEAR_TIMEOUT = 10.0   # how long add() waits for the new torrent to reach the list


class RemoteEngine:
    """``await start()`` (logs in and reads the list; :class:`LoginRefused` or
    :class:`Unreachable` when it cannot), then use it as the engine; ``close()``."""

    def __init__(self, client: WebApiClient, bus: EventBus, *,
                 interval: float = POLL_INTERVAL, retry: float = RETRY_INTERVAL) -> None:
        self.client = client
        self.bus = bus
        self._interval = interval
        self._retry = retry
        self._items: dict[str, dict[str, Any]] = {}
        self._snaps: dict[str, TorrentSnapshot] = {}
        self._categories: dict[str, Category] = {}
        self._tags: list[str] = []
        self._server: dict[str, Any] = {}
        self._rid = 0
        self._poller: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._changed = asyncio.Event()
        self._lost = ""          # why the daemon cannot be reached now ("": it can)

    @property
    def label(self) -> str:
        """``host:port`` of the daemon."""
        return self.client.address.label

    @property
    def reachable(self) -> bool:
        return not self._lost

    # --- life -----------------------------------------------------------------------

    async def start(self) -> None:
        await self.client.login()
        self._apply(await self.client.get("sync/maindata", rid=0), publish=False)
        self._poller = asyncio.create_task(self._poll(), name="remote-engine-poll")

    async def close(self) -> None:
        if self._poller is not None:
            self._poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poller
            self._poller = None
        await self.client.close()

    def refresh_soon(self) -> None:
        """Poll now rather than at the next tick (after an action)."""
        self._wake.set()

    async def _poll(self) -> None:
        while True:
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(),
                                       self._retry if self._lost else self._interval)
            try:
                answer = await self.client.get("sync/maindata", rid=self._rid)
            except RemoteError as exc:
                self._went_away(exc)
                continue
            except Exception:   # a malformed answer must not stop the polling
                log.exception("reading sync/maindata")
                self._rid = 0
                continue
            if self._lost:
                self._lost = ""
                self.bus.publish(EngineMessage(
                    "info", f"connected to the daemon at {self.label} again"))
            self._apply(answer, publish=True)

    def _went_away(self, exc: RemoteError) -> None:
        self._rid = 0   # a full update once it answers again
        line = str(exc)
        if line != self._lost:
            self._lost = line
            level = "error" if isinstance(exc, LoginRefused) else "warning"
            if isinstance(exc, Unreachable):
                line = f"{line}; retrying"
            self.bus.publish(EngineMessage(level, line))

    # --- sync/maindata --------------------------------------------------------------

    def _apply(self, answer: Any, *, publish: bool) -> None:
        if not isinstance(answer, dict):
            raise RemoteError("the daemon gave an answer that is not a list of torrents")
        full = bool(answer.get("full_update"))
        rid = answer.get("rid")
        self._rid = rid if isinstance(rid, int) else 0
        incoming = answer.get("torrents") or {}
        removed = [str(t) for t in answer.get("torrents_removed") or ()]
        if full:
            removed += [tid for tid in self._items if tid not in incoming]
            self._categories.clear()
            self._tags.clear()
            self._server.clear()
        added: list[TorrentSnapshot] = []
        updated: list[TorrentSnapshot] = []
        for tid, fields in incoming.items():
            if not isinstance(fields, dict):
                continue
            before = self._snaps.get(tid)
            item = fields if full or before is None else {**self._items[tid], **fields}
            self._items[tid] = item
            snap = convert.snapshot(tid, item)
            self._snaps[tid] = snap
            if before is None:
                added.append(snap)
            elif snap != before:
                updated.append(snap)
                if publish:
                    self._transitions(before, snap)
        for tid in removed:
            self._items.pop(tid, None)
            self._snaps.pop(tid, None)
        for name, item in (answer.get("categories") or {}).items():
            if isinstance(item, dict):
                self._categories[name] = Category(name, str(item.get("savePath") or ""))
        for name in answer.get("categories_removed") or ():
            self._categories.pop(name, None)
        self._tags = [t for t in self._tags if t not in set(answer.get("tags_removed") or ())]
        self._tags += [t for t in answer.get("tags") or () if t not in self._tags]
        self._server.update(answer.get("server_state") or {})
        if added or updated or removed:
            self._changed.set()
        if not publish:
            return
        for tid in removed:
            self.bus.publish(TorrentRemoved(tid))
        for snap in added:
            self.bus.publish(TorrentAdded(snap))
        if updated:
            self.bus.publish(TorrentsUpdated(tuple(updated)))
        self.bus.publish(SessionStatsUpdated(convert.totals(self._server)))

    def _transitions(self, before: TorrentSnapshot, after: TorrentSnapshot) -> None:
        if after.state is TorrentState.ERROR and before.state is not TorrentState.ERROR:
            self.bus.publish(TorrentErrored(after.torrent_id, after.error))
        if (after.has_metadata and after.progress >= 1.0 and before.progress < 1.0
                and before.has_metadata):
            self.bus.publish(TorrentFinished(after.torrent_id, after.name))

    async def _appeared(self, tid: str) -> bool:
        """Wait until ``tid`` is in the list (the next polls), at most a few seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + APPEAR_TIMEOUT
        while tid not in self._snaps:
            left = deadline - loop.time()
            if left <= 0:
                return False
            self._changed.clear()
            self.refresh_soon()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(left, self._interval))
        return True

    # --- reading --------------------------------------------------------------------

    @property
    def settings(self) -> EngineSettings:
        """The daemon's settings are its own; only whether its alternative limits are on
        is known here."""
        return EngineSettings(alt_limits_enabled=bool(self._server.get(
            "use_alt_speed_limits", False)))

    def snapshot(self, torrent_id: str) -> TorrentSnapshot | None:
        return self._snaps.get(torrent_id)

    def snapshots(self) -> list[TorrentSnapshot]:
        return list(self._snaps.values())

    def _known(self, torrent_id: str) -> TorrentSnapshot:
        snap = self._snaps.get(torrent_id)
        if snap is None:
            raise RemoteError(f"the daemon at {self.label} has no such torrent")
        return snap

    async def files(self, torrent_id: str) -> list[FileEntry]:
        return convert.files(await self.client.get("torrents/files", hash=torrent_id))

    async def peers(self, torrent_id: str) -> list[PeerEntry]:
        return convert.peers(await self.client.get("sync/torrentPeers", hash=torrent_id))

    async def trackers(self, torrent_id: str, *, sources: bool = False) -> list[TrackerEntry]:
        return convert.trackers(await self.client.get("torrents/trackers", hash=torrent_id),
                                sources=sources)

    async def details(self, torrent_id: str) -> TorrentDetails:
        snap = self._known(torrent_id)
        props = await self.client.get("torrents/properties", hash=torrent_id)
        if not isinstance(props, dict):
            raise RemoteError("the daemon gave no properties for this torrent")
        return convert.details(snap, props, self._magnet(torrent_id))

    def _magnet(self, torrent_id: str) -> str:
        value = self._items.get(torrent_id, {}).get("magnet_uri", "")
        return value if isinstance(value, str) else ""

    def magnet_uri(self, torrent_id: str) -> str:
        self._known(torrent_id)
        magnet = self._magnet(torrent_id)
        if not magnet:
            raise RemoteError("the daemon gave no magnet link for this torrent")
        return magnet

    def banned_peers(self) -> tuple[str, ...]:
        return ()   # the Web API has no list of banned addresses

    async def categories(self) -> tuple[Category, ...]:
        found = convert.categories(await self.client.get("torrents/categories"))
        self._categories = {c.name: c for c in found}
        return found

    async def tags(self) -> tuple[str, ...]:
        found = convert.tags(await self.client.get("torrents/tags"))
        self._tags = list(found)
        return found

    # --- adding ---------------------------------------------------------------------

    async def inspect(self, params: AddParams) -> TorrentMeta:
        """Read here: a .torrent or a magnet link is parsed without the daemon."""
        from btt_desktop.engine import metainfo

        return await asyncio.to_thread(metainfo.inspect_params, params)

    async def fetch_metadata(self, magnet: str, save_path: str) -> TorrentMeta:
        raise RemoteError("the daemon fetches the file list once the magnet link is added "
                          "(then choose files in the Files tab)")

    async def add(self, params: AddParams) -> str:
        meta = await self.inspect(params)
        tid = id_of(meta.info_hash_v1, meta.info_hash_v2)
        if tid in self._snaps:
            raise RemoteError(f"the daemon at {self.label} has this torrent already")
        form = aiohttp.FormData()
        if params.magnet is not None:
            form.add_field("urls", params.magnet)
        else:
            data = params.torrent_data
            if data is None and params.torrent_path is not None:
                data = await asyncio.to_thread(Path(params.torrent_path).read_bytes)
            name = Path(params.torrent_path).name if params.torrent_path else "added.torrent"
            form.add_field("torrents", data or b"", filename=name,
                           content_type="application/x-bittorrent")
        for key, value in (("savepath", params.save_path), ("category", params.category),
                           ("tags", ",".join(params.tags))):
            if value:
                form.add_field(key, value)
        form.add_field("stopped", "true" if params.paused else "false")
        form.add_field("sequentialDownload", "true" if params.sequential else "false")
        answer = await self.client.post("torrents/add", form)
        if str(answer).strip() != "Ok.":
            raise RemoteError(f"the daemon at {self.label} did not add the torrent")
        if not await self._appeared(tid):
            return tid
        if params.file_priorities and any(p != 4 for p in params.file_priorities):
            await self.set_file_priorities(tid, dict(enumerate(params.file_priorities)))
        if params.peers:
            await self.add_peers(tid, params.peers)
        return tid

    async def export_torrent(self, torrent_id: str, path: str) -> None:
        data = await self.client.get_bytes("torrents/export", hash=torrent_id)
        await asyncio.to_thread(Path(path).write_bytes, data)

    # --- actions --------------------------------------------------------------------

    async def _act(self, name: str, ids: Iterable[str] | None = None,
                   **fields: Any) -> Any:
        if ids is not None:
            hashes = "|".join(dict.fromkeys(ids))
            if not hashes:
                return None
            fields["hashes"] = hashes
        answer = await self.client.post(name, fields)
        self.refresh_soon()
        return answer

    async def remove(self, torrent_ids: Sequence[str], delete_files: bool = False) -> None:
        await self._act("torrents/delete", torrent_ids, deleteFiles=delete_files)

    async def pause(self, torrent_ids: Sequence[str]) -> None:
        await self._act("torrents/stop", torrent_ids)

    async def resume(self, torrent_ids: Sequence[str]) -> None:
        await self._act("torrents/start", torrent_ids)

    async def force_recheck(self, torrent_ids: Sequence[str]) -> None:
        await self._act("torrents/recheck", torrent_ids)

    async def force_reannounce(self, torrent_ids: Iterable[str],
                               urls: Sequence[str] | None = None) -> None:
        await self._act("torrents/reannounce", torrent_ids)

    async def move_storage(self, torrent_id: str, new_path: str) -> None:
        await self._act("torrents/setLocation", [torrent_id], location=new_path)

    async def queue_up(self, torrent_ids: Sequence[str]) -> None:
        await self._act("torrents/increasePrio", torrent_ids)

    async def queue_down(self, torrent_ids: Sequence[str]) -> None:
        await self._act("torrents/decreasePrio", torrent_ids)

    async def set_limits(self, torrent_id: str, *, download: int | None = None,
                         upload: int | None = None) -> None:
        if download is not None:
            await self._act("torrents/setDownloadLimit", [torrent_id], limit=download)
        if upload is not None:
            await self._act("torrents/setUploadLimit", [torrent_id], limit=upload)

    async def set_sequential(self, torrent_id: str, on: bool) -> None:
        if self._known(torrent_id).sequential != on:
            await self._act("torrents/toggleSequentialDownload", [torrent_id])

    async def set_super_seeding(self, torrent_ids: Iterable[str], on: bool) -> None:
        await self._act("torrents/setSuperSeeding", torrent_ids, value=on)

    async def set_file_priorities(self, torrent_id: str,
                                  priorities: Mapping[int, int]) -> None:
        by_priority: dict[int, list[int]] = {}
        for index, priority in priorities.items():
            by_priority.setdefault(convert.qb_priority(priority), []).append(index)
        for qb, indexes in sorted(by_priority.items()):
            await self._act("torrents/filePrio", hash=torrent_id, priority=qb,
                            id="|".join(str(i) for i in sorted(indexes)))

    async def add_peers(self, torrent_id: str, peers: Sequence[tuple[str, int]]) -> None:
        text = "|".join(f"[{ip}]:{port}" if ":" in ip else f"{ip}:{port}"
                        for ip, port in peers)
        if text:
            await self._act("torrents/addPeers", [torrent_id], peers=text)

    async def ban_peers(self, ips: Iterable[str]) -> None:
        text = "|".join(ips)
        if text:
            await self._act("transfer/banPeers", peers=text)

    async def unban_peers(self, ips: Iterable[str]) -> None:
        raise RemoteError("the Web API cannot lift a ban; restart the daemon to clear them")

    async def add_trackers(self, torrent_id: str, entries: Sequence[tuple[str, int]]) -> int:
        urls = [url for url, _tier in entries]
        if urls:
            await self._act("torrents/addTrackers", hash=torrent_id, urls="\n".join(urls))
        return len(urls)

    async def edit_tracker(self, torrent_id: str, old_url: str, new_url: str) -> None:
        await self._act("torrents/editTracker", hash=torrent_id, origUrl=old_url,
                        newUrl=new_url)

    async def remove_trackers(self, torrent_id: str, urls: Iterable[str]) -> None:
        text = "|".join(urls)
        if text:
            await self._act("torrents/removeTrackers", hash=torrent_id, urls=text)

    async def create_category(self, name: str, save_path: str = "") -> Category:
        await self._act("torrents/createCategory", category=name, savePath=save_path)
        category = Category(name, save_path)
        self._categories[name] = category
        return category

    async def edit_category(self, name: str, save_path: str) -> None:
        await self._act("torrents/editCategory", category=name, savePath=save_path)

    async def remove_category(self, name: str) -> None:
        await self._act("torrents/removeCategories", categories=name)

    async def set_category(self, torrent_ids: Iterable[str], name: str) -> None:
        await self._act("torrents/setCategory", torrent_ids, category=name)

    async def create_tags(self, tags: Iterable[str]) -> None:
        text = ",".join(tags)
        if text:
            await self._act("torrents/createTags", tags=text)

    async def delete_tags(self, tags: Iterable[str]) -> None:
        text = ",".join(tags)
        if text:
            await self._act("torrents/deleteTags", tags=text)

    async def add_tags(self, torrent_ids: Iterable[str], tags: Iterable[str]) -> None:
        text = ",".join(tags)
        if text:
            await self._act("torrents/addTags", torrent_ids, tags=text)

    async def remove_tags(self, torrent_ids: Iterable[str], tags: Iterable[str]) -> None:
        text = ",".join(tags)
        if text:   # none given would remove every tag (qBittorrent's meaning)
            await self._act("torrents/removeTags", torrent_ids, tags=text)

    # --- the daemon's settings -------------------------------------------------------

    async def set_alt_limits(self, enabled: bool) -> None:
        await self._act("transfer/setSpeedLimitsMode", mode=1 if enabled else 0)

    async def apply_settings(self, settings: EngineSettings) -> None:
        raise RemoteError("the daemon's settings are changed on the daemon")
