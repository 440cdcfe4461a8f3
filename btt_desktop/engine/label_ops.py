"""Categories and tags as engine calls; the lists and files are :mod:`labels`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from btt_desktop.engine.core import EngineCore
from btt_desktop.engine.torrent_record import TorrentRecord
from btt_desktop.engine.types import Category, TorrentSnapshot
from btt_desktop.events import TorrentsUpdated


class LabelOps(EngineCore):
    """Categories and tags (mixed into :class:`Engine`). Every change is saved at once
    and shows in the next snapshots, which are published straight away."""

    async def categories(self) -> tuple[Category, ...]:
        """The categories, by name."""
        return self._labels.categories()

    async def create_category(self, name: str, save_path: str = "") -> Category:
        """A new category (one line if the name is taken or unusable)."""
        name = self._labels.create_category(name, save_path)
        await self._labels.save_lists()
        return Category(name, save_path.strip())

    async def edit_category(self, name: str, save_path: str) -> None:
        """Change a category's save path. Torrents already in it stay where they are;
        ones still in the incomplete folder go to the new path when they finish."""
        old = self._labels.category(name)
        self._labels.edit_category(name, save_path)
        await self._labels.save_lists()
        if old is not None and old.save_path:
            changed = False
            for record in self._torrents:
                if record.category == name and record.final_path == old.save_path:
                    record.final_path = save_path.strip() or old.save_path
                    changed = True
            if changed:
                await self._save_labels()

    async def remove_category(self, name: str) -> None:
        """Delete a category; its torrents are left without one."""
        if not self._labels.remove_category(name):
            return
        await self._labels.save_lists()
        touched = [r for r in self._torrents if r.category == name]
        for record in touched:
            record.category = ""
        await self._labels_changed(touched)

    async def set_category(self, torrent_ids: Iterable[str], name: str) -> None:
        """Put torrents in a category ("" takes them out). The files are not moved;
        a torrent still in the incomplete folder finishes into the category's path."""
        name = self._labels.check_category(name)
        records = [self._record(tid) for tid in torrent_ids]
        path = self._category_path(name)
        for record in records:
            record.category = name
            if record.final_path and path:
                record.final_path = path
        await self._labels_changed(records)

    async def tags(self) -> tuple[str, ...]:
        """Every tag, sorted."""
        return self._labels.tags()

    async def create_tags(self, tags: Iterable[str]) -> None:
        self._labels.create_tags(tags)
        await self._labels.save_lists()

    async def delete_tags(self, tags: Iterable[str]) -> None:
        """Delete tags from the list and from every torrent."""
        gone = self._labels.delete_tags(tags)
        if not gone:
            return
        await self._labels.save_lists()
        touched = [r for r in self._torrents if r.tags & gone]
        for record in touched:
            record.tags -= gone
        await self._labels_changed(touched)

    async def add_tags(self, torrent_ids: Iterable[str], tags: Iterable[str]) -> None:
        """Tag torrents; tags not in the list yet are created."""
        records = [self._record(tid) for tid in torrent_ids]
        known = set(self._labels.tags())
        added = self._labels.create_tags(tags)
        if not added <= known:
            await self._labels.save_lists()
        for record in records:
            record.tags |= added
        await self._labels_changed(records)

    async def remove_tags(self, torrent_ids: Iterable[str], tags: Iterable[str]) -> None:
        records = [self._record(tid) for tid in torrent_ids]
        gone = frozenset(" ".join(str(t).split()) for t in tags)
        for record in records:
            record.tags -= gone
        await self._labels_changed(records)

    async def _labels_changed(self, records: list[TorrentRecord]) -> None:
        await self._save_labels()
        batch: list[TorrentSnapshot] = []
        for record in records:
            if record.snapshot is not None:
                record.snapshot = replace(record.snapshot, category=record.category,
                                          tags=tuple(sorted(record.tags)))
                batch.append(record.snapshot)
        if batch:
            self._bus.publish(TorrentsUpdated(tuple(batch)))
