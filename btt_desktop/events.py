"""The catalogue of events that core services publish.

Core modules (engine, wallet, speed) never import Qt. They publish these frozen
dataclasses on an :class:`EventBus`; the GUI's bridge (``btt_desktop.ui.bridge``) is
the one place that turns them into Qt signals, and the CLI subscribes directly.

Callbacks run on the asyncio loop's thread, synchronously, in subscription order.
A callback must not block; it may schedule work on the loop.
"""

from __future__ import annotations

import enum
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from btt_desktop.engine.types import SessionTotals, TorrentSnapshot
    from btt_desktop.wallet.types import BalanceSnapshot, TransferUpdate, WalletInfo

log = logging.getLogger(__name__)


# --- torrents (engine) -------------------------------------------------------------

@dataclass(frozen=True)
class TorrentAdded:
    snapshot: TorrentSnapshot


@dataclass(frozen=True)
class TorrentRemoved:
    torrent_id: str


@dataclass(frozen=True)
class TorrentsUpdated:
    """A batch of snapshots of the torrents whose status changed since the last batch."""

    snapshots: tuple[TorrentSnapshot, ...]


@dataclass(frozen=True)
class MetadataReceived:
    torrent_id: str
    name: str


@dataclass(frozen=True)
class TorrentFinished:
    torrent_id: str
    name: str


@dataclass(frozen=True)
class TorrentErrored:
    torrent_id: str
    message: str


@dataclass(frozen=True)
class SessionStatsUpdated:
    totals: SessionTotals


@dataclass(frozen=True)
class AltLimitsChanged:
    """The alternative rate limits were switched on or off (by hand or by the schedule)."""

    enabled: bool


@dataclass(frozen=True)
class EngineMessage:
    """A one-line, user-facing notice from the engine (e.g. 'listen port in use')."""

    level: str  # "info" | "warning" | "error"
    text: str


class WatchOutcome(enum.Enum):
    ADDED = "added"
    ALREADY_THERE = "already there"   # the torrent was in the list already
    REFUSED = "refused"               # not a torrent or magnet link libtorrent accepts


@dataclass(frozen=True)
class WatchedFileHandled:
    """A file from the watched folder was taken (btt_desktop.watched_folder)."""

    path: str
    outcome: WatchOutcome
    text: str  # one line: what happened, or why it was refused


# --- wallet ------------------------------------------------------------------------
# (wallet events are declared in this section)

@dataclass(frozen=True)
class WalletChanged:
    """The wallet's public picture changed: created, restored, account added/renamed/switched,
    network switched, "remember" toggled. Carries the new snapshot."""

    info: WalletInfo


@dataclass(frozen=True)
class WalletLocked:
    wallet_id: str


@dataclass(frozen=True)
class WalletUnlocked:
    wallet_id: str
    address: str


@dataclass(frozen=True)
class BalancesUpdated:
    """New balances, or the old ones marked stale with the reason (``balances.stale_reason``)."""

    balances: BalanceSnapshot


@dataclass(frozen=True)
class TransactionStatus:
    """Progress of a send started through the wallet service."""

    update: TransferUpdate


# --- speed -------------------------------------------------------------------------
# (speed events are declared in this section)

@dataclass(frozen=True)
class SpeedRoundFinished:
    """Provider side: one torrent's auction ran; ``winners`` are addresses."""

    info_hash: bytes
    winners: tuple[str, ...]
    price: int  # base units per MiB


@dataclass(frozen=True)
class SpeedChequeAccepted:
    """Provider side: a cheque from ``vault`` was validated and stored (earnings)."""

    vault: str
    cum: int


@dataclass(frozen=True)
class SpeedStandingChanged:
    """Requester side: our standing for a torrent at a provider changed."""

    info_hash: bytes
    provider: str
    awarded: bool
    price: int  # the award's price, or the price to beat when outbid
    reason: str  # why we were demoted; "" otherwise


@dataclass(frozen=True)
class SpeedChequeSigned:
    """Requester side: a cheque was signed (and stored) for ``beneficiary``."""

    beneficiary: str
    cum: int


@dataclass(frozen=True)
class SpeedStatusChanged:
    """The Speed service started (``running``, on ``port``) or stopped, or hit a problem
    worth a line in the status bar (``message``)."""

    running: bool
    port: int
    message: str


@dataclass(frozen=True)
class SpeedCashedOut:
    """Provider side: cheques were cashed into our wallet (``amount`` base units)."""

    amount: int


E = TypeVar("E")
Handler = Callable[[Any], None]


class EventBus:
    """Synchronous publish/subscribe by event type."""

    def __init__(self) -> None:
        self._handlers: defaultdict[type, list[Handler]] = defaultdict(list)

    def subscribe(self, event_type: type[E], handler: Callable[[E], None]) -> Callable[[], None]:
        """Register ``handler`` for ``event_type``; returns a function that unsubscribes."""
        self._handlers[event_type].append(handler)

        def unsubscribe() -> None:
            handlers = self._handlers.get(event_type)
            if handlers and handler in handlers:
                handlers.remove(handler)

        return unsubscribe

    def publish(self, event: object) -> None:
        for handler in list(self._handlers.get(type(event), ())):
            try:
                handler(event)
            except Exception:  # a broken subscriber must not break the publisher
                log.exception("event handler failed for %s", type(event).__name__)
