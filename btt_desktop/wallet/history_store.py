"""The history cache: ``<profile>/wallet/history-<network>-<address>.json``.

It keeps what the node reported about one account on one network (its transactions and
the token transfers naming it, see ``history.py``), so the list shows at once when the
wallet starts and grows as the node reports more. The node is the truth: whatever it
reports replaces the cached entry of the same transaction (``history_sync.py``). Written
with ``atomicfile.write_atomic``; a damaged file is ignored (the node fills it again).

``<network>`` is ``mainnet`` or ``nile``; a devnet or custom node is named by its URL
(``devnet-<8 hex digits>``), and the network id a devnet reports is kept in the file, so
a new devnet at the same URL starts a new list.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from btt_desktop.atomicfile import read_with_backup, write_atomic
from btt_desktop.wallet.amounts import Token
from btt_desktop.wallet.history import NativeTx, TokenMove, TxRecord, build_records
from btt_desktop.wallet.networks import Network

log = logging.getLogger(__name__)

FORMAT = "btt-desktop-history"
VERSION = 1
MAX_KEPT = 5_000  # transactions (and as many token transfers) kept, the newest
_write_lock = threading.Lock()  # one read-merge-write at a time (threads of this process)


def network_key(network: Network) -> str:
    if network.name in ("mainnet", "nile"):
        return network.name
    digest = hashlib.sha256(network.node_url.encode()).hexdigest()[:8]
    return f"{network.name}-{digest}"


def cache_path(wallet_dir: Path, network: Network, address: str) -> Path:
    return wallet_dir / f"history-{network_key(network)}-{address}.json"


def network_tokens(network: Network) -> dict[str, Token]:
    btt = network.btt
    return {btt.contract: btt} if btt is not None and btt.contract else {}


@dataclass
class Listing:
    """How much of one of the node's listings the cache holds: ``complete`` once its
    oldest entry was seen (the cache then holds all of it); ``scanned`` is the block range
    searched on a node without the listings."""

    complete: bool = False
    scanned: tuple[int, int] | None = None

    def to_json(self) -> dict[str, Any]:
        return {"complete": self.complete,
                "scanned": list(self.scanned) if self.scanned else None}

    @classmethod
    def from_json(cls, data: Any) -> Listing:
        if not isinstance(data, dict):
            return cls()
        scanned = data.get("scanned")
        span = (int(scanned[0]), int(scanned[1])) if isinstance(scanned, list) \
            and len(scanned) == 2 else None
        return cls(bool(data.get("complete")), span)


@dataclass
class HistoryBook:
    """The cached history of ``address`` on one network (in memory)."""

    path: Path
    address: str
    network_id: str | None = None
    native: dict[str, NativeTx] = field(default_factory=dict)
    moves: dict[str, list[TokenMove]] = field(default_factory=dict)
    functions: dict[str, dict[str, str]] = field(default_factory=dict)
    listings: dict[str, Listing] = field(default_factory=dict)
    updated_at: int | None = None  # ms of the last answer from the node

    def listing(self, name: str) -> Listing:
        return self.listings.setdefault(name, Listing())

    def records(self, tokens: dict[str, Token] | None = None) -> list[TxRecord]:
        return build_records(self.native, self.moves, self.address, tokens=tokens,
                             functions=self.functions)

    def reset(self, network_id: str | None) -> None:
        """Forget everything: another chain answers at this URL (a new devnet)."""
        self.native.clear()
        self.moves.clear()
        self.functions.clear()
        self.listings.clear()
        self.network_id = network_id

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "version": VERSION, "address": self.address,
            "network_id": self.network_id, "updated_at": self.updated_at,
            "listings": {k: v.to_json() for k, v in self.listings.items()},
            "functions": self.functions,
            "transactions": [tx.to_json() for tx in self.native.values()],
            "transfers": [m.to_json() for ms in self.moves.values() for m in ms],
        }


def load(path: Path, address: str) -> HistoryBook:
    """The cached history, or an empty one (no file, another format, a damaged file).
    Blocking: call through ``asyncio.to_thread``."""
    book = HistoryBook(path, address)
    try:
        raw = read_with_backup(path)
    except OSError as exc:
        log.warning("cannot read %s: %s", path, exc)
        return book
    if raw is None:
        return book
    try:
        data = json.loads(raw)
        if data.get("format") != FORMAT or data.get("version") != VERSION \
                or data.get("address") != address:
            return book
        book.network_id = data.get("network_id")
        book.updated_at = data.get("updated_at")
        book.listings = {str(k): Listing.from_json(v)
                         for k, v in (data.get("listings") or {}).items()}
        book.functions = {str(c): {str(s): str(n) for s, n in names.items()}
                          for c, names in (data.get("functions") or {}).items()}
        for item in data.get("transactions") or []:
            tx = NativeTx.from_json(item)
            book.native[tx.txid] = tx
        for item in data.get("transfers") or []:
            move = TokenMove.from_json(item)
            book.moves.setdefault(move.txid, []).append(move)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        log.warning("ignoring the damaged history cache %s (%s)", path, type(exc).__name__)
        return HistoryBook(path, address)
    return book


def trim(book: HistoryBook, keep: int = MAX_KEPT) -> None:
    """Forget all but the newest ``keep`` transactions and token transfers (the node
    still has the older ones: they come back when asked for)."""
    if len(book.native) > keep:
        newest = sorted(book.native.values(), key=lambda t: t.timestamp_ms, reverse=True)
        book.native = {tx.txid: tx for tx in newest[:keep]}
        book.listing("transactions").complete = False
    if len(book.moves) > keep:
        order = sorted(book.moves, key=lambda t: min(m.timestamp_ms for m in book.moves[t]),
                       reverse=True)
        book.moves = {txid: book.moves[txid] for txid in order[:keep]}
        book.listing("trc20").complete = False


def save(book: HistoryBook) -> None:
    """Write ``book`` (trimmed to :data:`MAX_KEPT`) atomically; a cache needs no backup.
    Blocking: call through ``asyncio.to_thread``."""
    trim(book)
    data = (json.dumps(book.to_json(), separators=(",", ":")) + "\n").encode()
    with _write_lock:
        write_atomic(book.path, data, keep_backup=False)
