"""Adding torrents: from what the user hands over to a torrent in the list.

Sources (File > Add, links, drag and drop, the command line, a second launch) are sorted
by :mod:`torrent_sources`; each then goes through :meth:`AddFlow.add_source`:

1. read it: download a URL, parse a .torrent or a magnet link with the engine's
   ``inspect`` (a malformed one is refused here, in libtorrent's words);
2. a torrent already in the list (same info-hash) does not open the add dialog: the user
   is offered to merge the new source's trackers into it, as qBittorrent does;
3. the add dialog; its Add button runs ``engine.add``, and a refusal (an unusable save
   path, a full disk) keeps the dialog open with the reason;
4. a new category typed in the dialog is created; a changed save path (other than the
   category's) becomes the new default.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from btt_desktop.engine.types import AddParams, TorrentMeta, TrackerKind
from btt_desktop.errors import TorrentFileError
from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.file_pickers import choose_files
from btt_desktop.ui.message_bar import Level
from btt_desktop.ui.settings_flow import SettingsFlow
from btt_desktop.ui.tasks import TaskRunner, run_dialog
from btt_desktop.ui.torrent_sources import SourceKind, TorrentSource, classify_all

if TYPE_CHECKING:
    # the dialogs and the download are imported when first used: the window's start
    # does without them
    from btt_desktop.ui.add_dialog import AddTorrentDialog


@dataclass(frozen=True)
class ReadSource:
    """A source once read: what the engine made of it, and the .torrent bytes of a URL."""

    source: TorrentSource
    meta: TorrentMeta
    data: bytes | None = None

    @property
    def torrent_id(self) -> str:
        """The id the engine gives this torrent (v1 info-hash, else the v2 one cut)."""
        return self.meta.info_hash_v1 or (self.meta.info_hash_v2 or "")[:40]


class AddFlow(QObject):
    """``tell(level, line)`` shows a message; ``note(line, ms)`` a passing status line;
    ``select(torrent_id)`` shows a torrent in the list."""

    def __init__(self, engine: EngineApi, settings: SettingsFlow, tasks: TaskRunner, *,
                 tell: Callable[[Level, str], None], note: Callable[[str, int], None],
                 select: Callable[[str], bool], parent: QWidget) -> None:
        super().__init__(parent)
        self.engine = engine
        self.settings = settings
        self.tasks = tasks
        self._tell = tell
        self._note = note
        self._select = select
        self._parent = parent

    # --- entry points ----------------------------------------------------------------

    def add_items(self, items: Sequence[str], base_dir: str | None = None) -> None:
        """Paths, magnets and URLs from the command line or another launch."""
        sources, errors = classify_all(items, base_dir)
        for line in errors:
            self._tell(Level.ERROR, line)
        self.add_sources(sources)

    def add_sources(self, sources: Sequence[TorrentSource]) -> None:
        for source in sources:
            # the engine's refusal names the file or link and says why, in one line
            self.tasks.run(self.add_source(source))

    def add_file(self) -> None:
        async def pick() -> None:
            paths = await choose_files(self._parent, self.tr("Add Torrent Files"),
                                       self.settings.settings.app.default_save_path,
                                       self.tr("Torrent files (*.torrent);;All files (*)"))
            self.add_items(paths)
        self.tasks.run(pick())

    def add_links(self) -> None:
        async def ask() -> None:
            from btt_desktop.ui.links_dialog import AddLinksDialog

            dialog = AddLinksDialog(self._parent)
            try:
                if await run_dialog(dialog) == QDialog.DialogCode.Accepted:
                    self.add_items(dialog.links())
            finally:
                dialog.deleteLater()
        self.tasks.run(ask())

    # --- one source ------------------------------------------------------------------

    async def add_source(self, source: TorrentSource) -> str | None:
        """Read ``source``, then merge it into a torrent already in the list or show the
        add dialog; returns the new torrent's id, or None."""
        read = await self.read(source)
        if self.engine.snapshot(read.torrent_id) is not None:
            await self.offer_merge(read)
            return None
        dialog = self.dialog_for(read)
        try:
            if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return None
            return dialog.added_id
        finally:
            dialog.deleteLater()

    async def read(self, source: TorrentSource) -> ReadSource:
        """Download a URL and parse the torrent or magnet (BttError when it is bad)."""
        save_path = self.settings.settings.app.default_save_path
        data: bytes | None = None
        if source.kind is SourceKind.URL:
            self._note(self.tr("Downloading {url}…").format(url=source.label), 0)
            try:
                from btt_desktop.ui.torrent_download import download_torrent

                fetched = await download_torrent(source.value)
            finally:
                self._note("", 0)
            if isinstance(fetched, str):
                source = TorrentSource(SourceKind.MAGNET, fetched)
            else:
                data = fetched
        if data is not None:
            params = AddParams(save_path=save_path, torrent_data=data)
        elif source.kind is SourceKind.FILE:
            params = AddParams(save_path=save_path, torrent_path=source.value)
        else:
            params = AddParams(save_path=save_path, magnet=source.value)
        try:
            meta = await self.engine.inspect(params)
        except TorrentFileError as exc:
            if data is None:
                raise
            # the engine names downloaded data "<data>": name the URL instead
            raise TorrentFileError("{}: {}".format(
                str(exc).removesuffix(": <data>"), source.label)) from None
        return ReadSource(source, meta, data)

    def dialog_for(self, read: ReadSource) -> AddTorrentDialog:
        """The add dialog for ``read``; its Add button adds the torrent."""
        from btt_desktop.ui.add_dialog import AddTorrentDialog

        app = self.settings.settings.app
        meta = read.meta if read.source.kind is not SourceKind.MAGNET else None
        dialog = AddTorrentDialog(
            self.engine, read.source, save_path=app.default_save_path,
            start_paused=app.start_paused, sequential=app.sequential_by_default,
            meta=meta, torrent_data=read.data, parent=self._parent)
        dialog.submit = self._add
        return dialog

    async def _add(self, params: AddParams) -> str:
        category_path = ""
        if params.category:  # a new name typed in the dialog becomes a category
            known = {c.name: c for c in await self.engine.categories()}
            if params.category in known:
                category_path = known[params.category].save_path
            else:
                await self.engine.create_category(params.category)
        torrent_id = await self.engine.add(params)
        default = self.settings.settings.app.default_save_path
        if params.save_path not in (default, category_path):
            await self.settings.update_app(default_save_path=params.save_path)
        return torrent_id

    # --- duplicates ------------------------------------------------------------------

    async def new_trackers(self, read: ReadSource) -> list[str]:
        """The source's tracker URLs the torrent in the list does not have yet."""
        have = {t.url for t in await self.engine.trackers(read.torrent_id)
                if t.kind is TrackerKind.URL}
        return [url for url in dict.fromkeys(read.meta.trackers) if url not in have]

    async def offer_merge(self, read: ReadSource) -> int:
        """The torrent is in the list already: select it and offer to merge the new
        source's trackers. Returns how many trackers were added."""
        torrent_id = read.torrent_id
        snapshot = self.engine.snapshot(torrent_id)
        name = _quoted(snapshot.name if snapshot is not None and snapshot.name
                       else read.meta.name)
        self._select(torrent_id)
        fresh = await self.new_trackers(read)
        if not fresh:
            self._tell(Level.INFO, self.tr(
                "{name} is already in the list, with all the trackers of the new "
                "source.").format(name=name))
            return 0
        if read.meta.private or (await self.engine.details(torrent_id)).private:
            self._tell(Level.INFO, self.tr(
                "{name} is already in the list; trackers are not merged into a private "
                "torrent.").format(name=name))
            return 0
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Torrent Already in the List"),
                          self.tr("{name} is already in the list. Merge trackers from the "
                                  "new source?").format(name=name),
                          QMessageBox.StandardButton.NoButton, self._parent)
        box.setObjectName("merge_trackers")
        box.setInformativeText(self.tr("New trackers: {urls}").format(
            urls=", ".join(fresh[:5]) + (" …" if len(fresh) > 5 else "")))
        merge = box.addButton(self.tr("Merge Trackers"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Don't Merge"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(merge)
        try:
            await run_dialog(box)
            if box.clickedButton() is not merge:
                return 0
        finally:
            box.deleteLater()
        tiers = [t.tier for t in await self.engine.trackers(torrent_id)
                 if t.kind is TrackerKind.URL]
        next_tier = max(tiers, default=-1) + 1
        added = await self.engine.add_trackers(
            torrent_id, [(url, next_tier + i) for i, url in enumerate(fresh)])
        self._note(self.tr("{count} trackers merged into {name}").format(
            count=added, name=name), 10_000)
        return added


def _quoted(name: str) -> str:
    return f"“{name}”"
