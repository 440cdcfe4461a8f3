"""The one place where the window subscribes to the EventBus.

Each event (torrents, the alternative limits, the watched folder, the wallet, Speed)
becomes a Qt signal; the window builds one bridge and every section connects to it
(``window.bridge``). The bus calls its handlers on the asyncio loop's thread; with qasync
that loop runs on the GUI thread, so the signals are emitted there and every connected
slot may touch widgets. The bridge refuses to be used from another thread.

Rows reach the list in bounded batches, at most one batch of each kind per loop turn:
``TorrentAdded`` events (and restored snapshots handed over by :meth:`queue_added`)
become ``torrents_added`` tuples of at most ``ADD_BATCH_ROWS``, ``TorrentsUpdated``
batches become ``torrents_updated`` tuples of at most ``UPDATE_BATCH_ROWS``. The first
batch after a quiet spell goes at once (``queue_added``: the first ``LOAD_BATCHES``),
what follows in the same turn waits for the next. Restoring 10,000 torrents publishes
10,000 ``TorrentAdded`` within a second or two and then a status batch naming all
10,000: one row insert each made the sorted list re-sort, lay out and repaint 10,000
times, and one insert or update of thousands stalls the loop; a bounded batch per turn
does neither.

Waiting rows are kept per torrent: a newer snapshot replaces a waiting one, and a status
batch naming a torrent still waiting to be added goes into its waiting row (the row
comes once, as it is now). A removal drops whatever waits for that torrent. Metadata,
finished, errored and watched-file events are held until every row waiting when they
came has gone (and a removal while events are held waits behind them), so slots see
rows and events in the order the engine published them.
"""

from __future__ import annotations

import itertools
import threading
from collections import deque
from collections.abc import Callable, Iterable

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

ADD_BATCH_MS = 0         # gather rows until the loop's next turn
ADD_BATCH_ROWS = 250     # rows inserted into the list per loop turn (bounds each insert)
UPDATE_BATCH_ROWS = 500  # rows updated per loop turn (an update costs less than an insert)
LOAD_BATCHES = 2         # add batches EventBridge.queue_added hands on at once

_Waiting = dict[str, tuple[int, TorrentSnapshot]]  # torrent id -> (order, newest snapshot)


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
        self._order = itertools.count()     # rows and held events, in the order they came
        self._added: _Waiting = {}          # rows to insert, in that order
        self._updated: _Waiting = {}        # rows to update (never also in _added)
        self._held: deque[tuple[int, Callable[[], None]]] = deque()  # events behind rows
        self._sent_added = False            # a batch went this turn: the next one waits
        self._sent_updated = False
        self._detached = False
        self._timer = QTimer(self)          # the loop's next turn
        self._timer.setSingleShot(True)
        self._timer.setInterval(ADD_BATCH_MS)
        self._timer.timeout.connect(self._next_turn)
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
        """Stop listening to the bus and drop whatever waits (before the window goes
        away; sections only disconnect their own slots). Nothing is emitted after."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        self._detached = True
        self._timer.stop()
        self._added.clear()
        self._updated.clear()
        self._held.clear()

    def waiting(self) -> bool:
        """Rows or events wait for a later turn."""
        return bool(self._added or self._updated or self._held)

    def queue_added(self, snapshots: Iterable[TorrentSnapshot]) -> None:
        """Show torrents that are already there (restored before the window, or a
        daemon's) as if each had just been added: ``LOAD_BATCHES`` batches at once (what
        an engine holds when its start returns is what the bridge has not handed on yet,
        at most about one announce batch, wanted now), then ``ADD_BATCH_ROWS`` per turn."""
        self._check_thread()
        if self._detached:
            return
        for snapshot in snapshots:
            self._wait_added(snapshot)
        for _ in range(LOAD_BATCHES):
            self._sent_added = False
            self._release()
        self._hand_on()

    def flush_added(self) -> None:
        """Emit every row and event still waiting, now and in order (rows in batches of
        the usual size)."""
        while self.waiting():
            self._sent_added = self._sent_updated = False
            self._release()
        self._sent_added = self._sent_updated = False
        self._timer.stop()

    # --- rows in bounded batches ----------------------------------------------------

    def _wait_added(self, snapshot: TorrentSnapshot) -> None:
        torrent_id = snapshot.torrent_id
        self._updated.pop(torrent_id, None)  # the added snapshot is the newer
        waiting = self._added.get(torrent_id)
        order = waiting[0] if waiting is not None else next(self._order)
        self._added[torrent_id] = (order, snapshot)

    def _wait_updated(self, snapshot: TorrentSnapshot) -> None:
        torrent_id = snapshot.torrent_id
        waiting = self._added.get(torrent_id)
        if waiting is not None:  # not shown yet: its row comes as it is now
            self._added[torrent_id] = (waiting[0], snapshot)
            return
        waiting = self._updated.get(torrent_id)
        order = waiting[0] if waiting is not None else next(self._order)
        self._updated[torrent_id] = (order, snapshot)

    @staticmethod
    def _take(rows: _Waiting, limit: int, before: int | None) -> tuple[TorrentSnapshot, ...]:
        """Up to ``limit`` of the oldest rows, none that came after order ``before``."""
        ids: list[str] = []
        for torrent_id, (order, _snapshot) in rows.items():
            if len(ids) >= limit or (before is not None and order > before):
                break
            ids.append(torrent_id)
        return tuple(rows.pop(torrent_id)[1] for torrent_id in ids)

    @staticmethod
    def _due(rows: _Waiting, before: int | None) -> bool:
        return bool(rows) and (before is None or next(iter(rows.values()))[0] < before)

    def _release(self) -> None:
        """Emit what may go this turn: each kind's next batch unless one went already,
        and each held event once no row that came before it waits."""
        while True:
            before = self._held[0][0] if self._held else None
            if not self._sent_added and self._due(self._added, before):
                self._sent_added = True
                self.torrents_added.emit(self._take(self._added, ADD_BATCH_ROWS, before))
            if not self._sent_updated and self._due(self._updated, before):
                self._sent_updated = True
                self.torrents_updated.emit(
                    self._take(self._updated, UPDATE_BATCH_ROWS, before))
            if (before is None or self._due(self._added, before)
                    or self._due(self._updated, before)):
                return
            self._held.popleft()[1]()

    def _hand_on(self) -> None:
        self._release()
        if (not self._detached and not self._timer.isActive()
                and (self._sent_added or self._sent_updated or self.waiting())):
            self._timer.start()  # the next turn: the next batches, or a quiet spell

    def _next_turn(self) -> None:
        self._sent_added = self._sent_updated = False
        if self.waiting():
            self._hand_on()

    def _after_rows(self, emit: Callable[[], None]) -> None:
        """``emit`` now, or once the rows and events waiting now have gone."""
        if self.waiting():
            self._held.append((next(self._order), emit))
            self._hand_on()
        else:
            emit()

    def _check_thread(self) -> None:
        if threading.get_ident() != self._thread:
            raise RuntimeError("engine events must be published on the GUI thread's loop")

    def _on_added(self, event: TorrentAdded) -> None:
        self._check_thread()
        self._wait_added(event.snapshot)
        self._hand_on()

    def _on_removed(self, event: TorrentRemoved) -> None:
        self._check_thread()
        torrent_id = event.torrent_id
        self._added.pop(torrent_id, None)  # a waiting torrent never shows
        self._updated.pop(torrent_id, None)
        self._release()  # events held behind rows that just went
        if self._held:  # the order of events is kept
            self._held.append((next(self._order),
                               lambda: self.torrent_removed.emit(torrent_id)))
            self._hand_on()
        else:
            self.torrent_removed.emit(torrent_id)

    def _on_updated(self, event: TorrentsUpdated) -> None:
        self._check_thread()
        for snapshot in event.snapshots:
            self._wait_updated(snapshot)
        self._hand_on()

    def _on_metadata(self, event: MetadataReceived) -> None:
        self._check_thread()
        self._after_rows(lambda: self.metadata_received.emit(event.torrent_id, event.name))

    def _on_finished(self, event: TorrentFinished) -> None:
        self._check_thread()
        self._after_rows(lambda: self.torrent_finished.emit(event.torrent_id, event.name))

    def _on_errored(self, event: TorrentErrored) -> None:
        self._check_thread()
        self._after_rows(lambda: self.torrent_errored.emit(event.torrent_id, event.message))

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
        # the torrent's row first, then what the folder says of it
        self._after_rows(lambda: self.watched_file.emit(event.path, event.outcome,
                                                        event.text))

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
