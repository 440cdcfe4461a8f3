"""The one place where the window subscribes to the EventBus.

Each event becomes a Qt signal. The bus calls its handlers on the asyncio loop's thread;
with qasync that loop runs on the GUI thread, so the signals are emitted there and every
connected slot may touch widgets. The bridge refuses to be used from another thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

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


class EventBridge(QObject):
    torrent_added = Signal(object)          # TorrentSnapshot
    torrent_removed = Signal(str)           # torrent id
    torrents_updated = Signal(object)       # tuple[TorrentSnapshot, ...]
    metadata_received = Signal(str, str)    # torrent id, name
    torrent_finished = Signal(str, str)     # torrent id, name
    torrent_errored = Signal(str, str)      # torrent id, message
    session_stats = Signal(object)          # SessionTotals
    engine_message = Signal(str, str)       # level, text

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = threading.get_ident()
        self._unsubscribe: list[Callable[[], None]] = [
            bus.subscribe(TorrentAdded, self._on_added),
            bus.subscribe(TorrentRemoved, self._on_removed),
            bus.subscribe(TorrentsUpdated, self._on_updated),
            bus.subscribe(MetadataReceived, self._on_metadata),
            bus.subscribe(TorrentFinished, self._on_finished),
            bus.subscribe(TorrentErrored, self._on_errored),
            bus.subscribe(SessionStatsUpdated, self._on_stats),
            bus.subscribe(EngineMessage, self._on_message),
        ]

    def detach(self) -> None:
        """Stop listening to the bus (before the window goes away)."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()

    def _check_thread(self) -> None:
        if threading.get_ident() != self._thread:
            raise RuntimeError("engine events must be published on the GUI thread's loop")

    def _on_added(self, event: TorrentAdded) -> None:
        self._check_thread()
        self.torrent_added.emit(event.snapshot)

    def _on_removed(self, event: TorrentRemoved) -> None:
        self._check_thread()
        self.torrent_removed.emit(event.torrent_id)

    def _on_updated(self, event: TorrentsUpdated) -> None:
        self._check_thread()
        self.torrents_updated.emit(event.snapshots)

    def _on_metadata(self, event: MetadataReceived) -> None:
        self._check_thread()
        self.metadata_received.emit(event.torrent_id, event.name)

    def _on_finished(self, event: TorrentFinished) -> None:
        self._check_thread()
        self.torrent_finished.emit(event.torrent_id, event.name)

    def _on_errored(self, event: TorrentErrored) -> None:
        self._check_thread()
        self.torrent_errored.emit(event.torrent_id, event.message)

    def _on_stats(self, event: SessionStatsUpdated) -> None:
        self._check_thread()
        self.session_stats.emit(event.totals)

    def _on_message(self, event: EngineMessage) -> None:
        self._check_thread()
        self.engine_message.emit(event.level, event.text)
