"""The one place where the window subscribes to the EventBus.

Each event (torrents, the alternative limits, the watched folder, the wallet, Speed)
becomes a Qt signal; the window builds one bridge and every section connects to it
(``window.bridge``). The bus calls its handlers on the asyncio loop's thread; with qasync
that loop runs on the GUI thread, so the signals are emitted there and every connected
slot may touch widgets. The bridge refuses to be used from another thread.

``TorrentAdded`` events become ``torrents_added`` tuples: the first after a quiet spell
at once, the ones that follow gathered and handed on at most ``ADD_BATCH_ROWS`` per
loop turn. Restoring 10,000 torrents publishes 10,000 of them within a second or two:
one row insert each made the sorted list re-sort, lay out and repaint 10,000 times,
and one insert of thousands stalls the loop; a bounded batch per turn does neither.
A status batch that names torrents still waiting hands those on first (with their
newer snapshots); a removal drops a waiting torrent; any other torrent event first
emits everything waiting, so slots see events in the order the engine published them.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from btt_desktop.engine.types import TorrentSnapshot
from btt_desktop.events import (
    AltLimitsChanged,
    BalancesUpdated,
    EngineMessage,
    EventBus,
    MetadataReceived,
    SessionStatsUpdated,
    SpeedCashedOut,
    SpeedChequeAccepted,
    SpeedChequeSigned,
    SpeedRoundFinished,
    SpeedStandingChanged,
    SpeedStatusChanged,
    TorrentAdded,
    TorrentErrored,
    TorrentFinished,
    TorrentRemoved,
    TorrentsUpdated,
    TransactionStatus,
    WalletChanged,
    WalletLocked,
    WalletUnlocked,
    WatchedFileHandled,
)

ADD_BATCH_MS = 0        # gather added torrents until the loop's next turn
ADD_BATCH_ROWS = 250    # rows handed to the list per loop turn (bounds each insert)


class EventBridge(QObject):
    torrents_added = Signal(object)         # tuple[TorrentSnapshot, ...]
    torrent_removed = Signal(str)           # torrent id
    torrents_updated = Signal(object)       # tuple[TorrentSnapshot, ...]
    metadata_received = Signal(str, str)    # torrent id, name
    torrent_finished = Signal(str, str)     # torrent id, name
    torrent_errored = Signal(str, str)      # torrent id, message
    session_stats = Signal(object)          # SessionTotals
    engine_message = Signal(str, str)       # level, text
    alt_limits_changed = Signal(bool)       # the alternative limits on or off
    watched_file = Signal(str, object, str)  # path, WatchOutcome, one line
    # the wallet
    wallet_changed = Signal(object)         # WalletInfo
    wallet_locked = Signal(str)             # wallet id
    wallet_unlocked = Signal(str, str)      # wallet id, address
    balances_updated = Signal(object)       # BalanceSnapshot
    transaction_status = Signal(object)     # TransferUpdate
    # Speed
    status_changed = Signal(bool, int, str)  # running, port, message
    activity = Signal()                     # a round, cheque or standing: state moved
    cashed_out = Signal(object)             # amount (base units; may exceed 32 bits)

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = threading.get_ident()
        self._added: dict[str, TorrentSnapshot] = {}  # waiting, in the order published
        self._add_timer = QTimer(self)
        self._add_timer.setSingleShot(True)
        self._add_timer.setInterval(ADD_BATCH_MS)
        self._add_timer.timeout.connect(self._add_batch_due)
        self._unsubscribe: list[Callable[[], None]] = [
            bus.subscribe(TorrentAdded, self._on_added),
            bus.subscribe(TorrentRemoved, self._on_removed),
            bus.subscribe(TorrentsUpdated, self._on_updated),
            bus.subscribe(MetadataReceived, self._on_metadata),
            bus.subscribe(TorrentFinished, self._on_finished),
            bus.subscribe(TorrentErrored, self._on_errored),
            bus.subscribe(SessionStatsUpdated, self._on_stats),
            bus.subscribe(EngineMessage, self._on_message),
            bus.subscribe(AltLimitsChanged, self._on_alt_limits),
            bus.subscribe(WatchedFileHandled, self._on_watched_file),
            bus.subscribe(WalletChanged, self._on_wallet_changed),
            bus.subscribe(WalletLocked, self._on_wallet_locked),
            bus.subscribe(WalletUnlocked, self._on_wallet_unlocked),
            bus.subscribe(BalancesUpdated, self._on_balances),
            bus.subscribe(TransactionStatus, self._on_transaction),
            bus.subscribe(SpeedStatusChanged, self._on_speed_status),
            bus.subscribe(SpeedRoundFinished, self._on_speed_activity),
            bus.subscribe(SpeedChequeAccepted, self._on_speed_activity),
            bus.subscribe(SpeedChequeSigned, self._on_speed_activity),
            bus.subscribe(SpeedStandingChanged, self._on_speed_activity),
            bus.subscribe(SpeedCashedOut, self._on_cashed_out),
        ]

    def detach(self) -> None:
        """Stop listening to the bus (before the window goes away; sections only
        disconnect their own slots)."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        self._add_timer.stop()
        self._added.clear()

    def flush_added(self) -> None:
        """Emit every torrent added since the last batch, if any."""
        self._add_timer.stop()
        if self._added:
            batch, self._added = tuple(self._added.values()), {}
            self.torrents_added.emit(batch)

    def _emit_added(self, limit: int) -> None:
        ids = list(itertools.islice(self._added, limit))
        self.torrents_added.emit(tuple(self._added.pop(t) for t in ids))

    def _add_batch_due(self) -> None:
        if self._added:  # still coming: the next bounded batch, and again next turn
            self._emit_added(ADD_BATCH_ROWS)
            self._add_timer.start()

    def _check_thread(self) -> None:
        if threading.get_ident() != self._thread:
            raise RuntimeError("engine events must be published on the GUI thread's loop")

    def _on_added(self, event: TorrentAdded) -> None:
        self._check_thread()
        self._added[event.snapshot.torrent_id] = event.snapshot
        if not self._add_timer.isActive():  # the first after a quiet spell: at once
            self._emit_added(ADD_BATCH_ROWS)
            self._add_timer.start()

    def _on_removed(self, event: TorrentRemoved) -> None:
        self._check_thread()
        self._added.pop(event.torrent_id, None)  # a waiting torrent never shows
        self.torrent_removed.emit(event.torrent_id)

    def _on_updated(self, event: TorrentsUpdated) -> None:
        self._check_thread()
        waiting = {s.torrent_id for s in event.snapshots if s.torrent_id in self._added}
        if waiting:  # added and changed since: their rows come now, as they are now
            for torrent_id in waiting:
                del self._added[torrent_id]
            self.torrents_added.emit(tuple(s for s in event.snapshots
                                           if s.torrent_id in waiting))
            rest = tuple(s for s in event.snapshots if s.torrent_id not in waiting)
            if rest:
                self.torrents_updated.emit(rest)
            return
        self.torrents_updated.emit(event.snapshots)

    def _on_metadata(self, event: MetadataReceived) -> None:
        self._check_thread()
        self.flush_added()
        self.metadata_received.emit(event.torrent_id, event.name)

    def _on_finished(self, event: TorrentFinished) -> None:
        self._check_thread()
        self.flush_added()
        self.torrent_finished.emit(event.torrent_id, event.name)

    def _on_errored(self, event: TorrentErrored) -> None:
        self._check_thread()
        self.flush_added()
        self.torrent_errored.emit(event.torrent_id, event.message)

    def _on_stats(self, event: SessionStatsUpdated) -> None:
        self._check_thread()
        self.session_stats.emit(event.totals)

    def _on_message(self, event: EngineMessage) -> None:
        self._check_thread()
        self.engine_message.emit(event.level, event.text)

    def _on_alt_limits(self, event: AltLimitsChanged) -> None:
        self._check_thread()
        self.alt_limits_changed.emit(event.enabled)

    def _on_watched_file(self, event: WatchedFileHandled) -> None:
        self._check_thread()
        self.flush_added()  # the torrent's row first, then what the folder says of it
        self.watched_file.emit(event.path, event.outcome, event.text)

    # --- the wallet -----------------------------------------------------------------

    def _on_wallet_changed(self, event: WalletChanged) -> None:
        self._check_thread()
        self.wallet_changed.emit(event.info)

    def _on_wallet_locked(self, event: WalletLocked) -> None:
        self._check_thread()
        self.wallet_locked.emit(event.wallet_id)

    def _on_wallet_unlocked(self, event: WalletUnlocked) -> None:
        self._check_thread()
        self.wallet_unlocked.emit(event.wallet_id, event.address)

    def _on_balances(self, event: BalancesUpdated) -> None:
        self._check_thread()
        self.balances_updated.emit(event.balances)

    def _on_transaction(self, event: TransactionStatus) -> None:
        self._check_thread()
        self.transaction_status.emit(event.update)

    # --- Speed ----------------------------------------------------------------------

    def _on_speed_status(self, event: SpeedStatusChanged) -> None:
        self._check_thread()
        self.status_changed.emit(event.running, event.port, event.message)

    def _on_speed_activity(self, _event: object) -> None:
        self._check_thread()
        self.activity.emit()

    def _on_cashed_out(self, event: SpeedCashedOut) -> None:
        self._check_thread()
        self.cashed_out.emit(event.amount)
