"""Bringing an account's history up to date from the node, into its cache.

Every network is asked the same way: TronGrid's account index, which mainnet and nile
serve and the devnet serves too (``btt_desktop/devnet/grid.py``):

- ``GET /v1/accounts/{address}/transactions?only_confirmed=true&limit=N`` (paged with
  ``fingerprint``, older pages with ``max_timestamp``): the account's transactions;
- ``GET /v1/accounts/{address}/transactions/trc20?contract_address=<BTT>``: the BTT
  transfers naming it, also those made inside contract calls.

Newest pages are read until they reach what the cache already holds; older ones only
while the cache holds fewer than asked for. A failed transaction's reason and the names
of functions of contracts the wallet does not know are asked once
(``gettransactioninfobyid``, ``getcontract``) and kept.

A node without the index (a plain java-tron node: ``custom``) answers 404; its recent
blocks are searched instead, and the history says in one line that it is partial.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from btt_desktop.atomicfile import StateFileError
from btt_desktop.errors import ChainError
from btt_desktop.wallet import history_store
from btt_desktop.wallet.history import (
    SELECTORS,
    NativeTx,
    TokenMove,
    TxRecord,
    call_arguments,
    moves_from_logs,
    parse_transaction,
    parse_transfer,
    with_info,
)
from btt_desktop.wallet.history_store import HistoryBook
from btt_desktop.wallet.networks import Network

if TYPE_CHECKING:
    from btt_desktop.wallet.chain import ChainClient

log = logging.getLogger(__name__)

PAGE = 200              # TronGrid's largest page
FIRST_PAGE = 20         # the first page of a refresh: usually all that is new
CATCH_UP = 1_000        # newest entries read to reach the cached ones, at most
OLDER_PAGES = 10        # older pages read in one refresh, at most
MAX_INFO = 20           # failure reasons asked in one refresh
MAX_ABIS = 5            # contracts whose ABI is asked in one refresh
SCAN_BLOCKS = 20_000    # how far back a node without the index is searched
BLOCKS_PER_REQUEST = 100  # java-tron's getblockbylimitnext maximum
NO_INDEX = ("this node has no account index (/v1/accounts): only its last {blocks} blocks "
            "were searched, and BTT paid to this account by others' contract calls is "
            "missing")
TRANSFERS = ("transfer", "transferFrom")


class _NoIndex(Exception):
    """The node answered 404 to the account index."""


@dataclass(frozen=True)
class HistoryView:
    """What the window and ``btt wallet history`` show."""

    records: tuple[TxRecord, ...]
    refreshed: bool = False           # the node answered just now
    partial: str | None = None        # one line: what this node cannot tell
    stale_reason: str | None = None   # the node did not answer: the cached list, and why
    updated_at: int | None = None     # ms of the node's last answer behind the list

    def checked(self) -> list[TxRecord]:
        """The records; ChainError when the node did not answer."""
        if self.stale_reason is not None:
            raise ChainError(self.stale_reason)
        return list(self.records)


def _view(book: HistoryBook, network: Network, limit: int, **extra: Any) -> HistoryView:
    records = book.records(history_store.network_tokens(network))[:max(0, limit)]
    return HistoryView(tuple(records), updated_at=book.updated_at, **extra)


async def account_history(wallet_dir: Path, network: Network, address: str, limit: int,
                          chain: Callable[[], Awaitable[ChainClient]] | None) -> HistoryView:
    """What ``WalletService.history`` answers: the cached list when ``chain`` is None,
    else the list refreshed through the client ``chain()`` gives (which may resolve the
    network first: a devnet's BTT contract)."""
    if chain is None:
        return await cached_history(wallet_dir, network, address, limit)
    try:
        client = await chain()
    except ChainError as exc:
        return await cached_history(wallet_dir, network, address, limit,
                                    stale_reason=str(exc))
    return await refreshed_history(client, wallet_dir, address, limit)


async def cached_history(wallet_dir: Path, network: Network, address: str, limit: int, *,
                 stale_reason: str | None = None) -> HistoryView:
    """The cached list, without asking the node."""
    book = await asyncio.to_thread(history_store.load,
                                   history_store.cache_path(wallet_dir, network, address),
                                   address)
    return _view(book, network, limit, stale_reason=stale_reason)


async def refreshed_history(client: ChainClient, wallet_dir: Path, address: str,
                    limit: int) -> HistoryView:
    """The cached list brought up to date from the node, and saved. Never raises
    ChainError: when the node fails, the cached list comes with the reason."""
    network = client.network
    path = history_store.cache_path(wallet_dir, network, address)
    book = await asyncio.to_thread(history_store.load, path, address)
    if network.network_id and book.network_id not in (None, network.network_id):
        book.reset(network.network_id)
    book.network_id = network.network_id or book.network_id
    stale = partial = None
    try:
        partial = await sync(client, book, limit)
    except ChainError as exc:
        stale = str(exc)
    try:
        await asyncio.to_thread(history_store.save, book)
    except StateFileError as exc:
        log.warning("the history cache was not saved: %s", exc)
    return _view(book, network, limit, refreshed=stale is None, partial=partial,
                 stale_reason=stale)


async def fetch(client: ChainClient, address: str, limit: int) -> HistoryView:
    """The history asked afresh, kept nowhere (ChainError when the node fails)."""
    book = HistoryBook(Path("/nonexistent"), address)
    partial = await sync(client, book, limit)
    return _view(book, client.network, limit, refreshed=True, partial=partial)


async def sync(client: ChainClient, book: HistoryBook, want: int) -> str | None:
    """Bring ``book`` up to date (at least ``want`` entries when the node has them);
    the one line saying what is missing when the node has no account index."""
    partial = None
    try:
        await _sync_listing(client, book, "transactions", want)
        btt = client.network.btt
        if btt is not None:
            await _sync_listing(client, book, "trc20", want, contract=btt.contract)
    except _NoIndex:
        await _scan_blocks(client, book, want)
        partial = NO_INDEX.format(blocks=f"{SCAN_BLOCKS:,}")
    await _complete(client, book)
    book.updated_at = int(time.time() * 1000)
    return partial


# --- the account index ------------------------------------------------------------------

async def _page(client: ChainClient, book: HistoryBook, which: str, params: dict[str, Any]
                ) -> tuple[list[Any], str | None]:
    reply = await client.account_listing(book.address, which, params)
    if reply is None:
        raise _NoIndex()
    if reply.get("success") is False:
        raise ChainError(f"node error: {str(reply.get('error', 'the account index failed'))[:150]}")
    data = reply.get("data") or []
    parse = parse_transaction if which == "transactions" else parse_transfer
    items = [item for item in map(parse, data if isinstance(data, list) else [])
             if item is not None]
    meta = reply.get("meta") or {}
    fingerprint = meta.get("fingerprint") if isinstance(meta, dict) else None
    return items, (str(fingerprint) if fingerprint else None)


def _held(book: HistoryBook, which: str) -> dict[str, int]:
    """txid -> timestamp of what the cache holds from listing ``which``."""
    if which == "transactions":
        return {txid: tx.timestamp_ms for txid, tx in book.native.items()}
    return {txid: min(m.timestamp_ms for m in moves) for txid, moves in book.moves.items()
            if moves}


def _merge(book: HistoryBook, which: str, items: Iterable[Any], *,
           partial: Iterable[str] = ()) -> None:
    """The node is the truth: what it reported replaces the cached entries. A transaction
    whose token transfers a page may have cut (``partial``: the last one of a page read
    no further) keeps the cached ones too."""
    if which == "transactions":
        for tx in items:
            old = book.native.get(tx.txid)
            if old is not None and old.reason is not None and old.result == tx.result:
                tx = NativeTx(**{**tx.to_json(), "reason": old.reason})
            book.native[tx.txid] = tx
        return
    grouped: dict[str, list[TokenMove]] = {}
    for move in items:
        grouped.setdefault(move.txid, []).append(move)
    cut = set(partial)
    for txid, moves in grouped.items():
        if txid in cut and txid in book.moves:
            seen = {(m.token, m.sender, m.receiver, m.value) for m in moves}
            moves = moves + [m for m in book.moves[txid]
                             if (m.token, m.sender, m.receiver, m.value) not in seen]
        book.moves[txid] = moves


def _drop_older(book: HistoryBook, which: str, before: int) -> None:
    if which == "transactions":
        for txid in [t for t, tx in book.native.items() if tx.timestamp_ms < before]:
            del book.native[txid]
    else:
        for txid in [t for t, ms in book.moves.items()
                     if ms and min(m.timestamp_ms for m in ms) < before]:
            del book.moves[txid]


async def _sync_listing(client: ChainClient, book: HistoryBook, which: str, want: int, *,
                        contract: str | None = None) -> None:
    state = book.listing(which)
    held = _held(book, which)
    base: dict[str, Any] = {"only_confirmed": "true", "contract_address": contract}
    got: list[Any] = []
    fingerprint: str | None = None
    size = min(PAGE, max(want, FIRST_PAGE))
    reached = ended = False
    for _ in range(CATCH_UP // PAGE + 2):
        items, fingerprint = await _page(client, book, which, {
            **base, "limit": size, "fingerprint": fingerprint})
        got.extend(items)
        if any(item.txid in held for item in items):
            reached = True
            break
        if not fingerprint:
            ended = True
            break
        if len(got) >= (CATCH_UP if held else want):
            break
        size = PAGE
    if ended:
        state.complete = True
    elif not reached and got:
        # more is new than one refresh reads: the cached entries are no longer next to
        # these, so the cache restarts from them (older ones come back when asked for)
        _drop_older(book, which, min(item.timestamp_ms for item in got))
        state.complete = False
    _merge(book, which, got, partial=[] if ended or not got else [got[-1].txid])
    await _older(client, book, which, want, base)


async def _older(client: ChainClient, book: HistoryBook, which: str, want: int,
                 base: dict[str, Any]) -> None:
    """Older pages while the cache holds fewer than ``want`` entries of ``which``."""
    state = book.listing(which)
    held = _held(book, which)
    if state.complete or len(held) >= want or not held:
        return
    params = {**base, "limit": PAGE, "max_timestamp": min(held.values())}
    got: list[Any] = []
    for _ in range(OLDER_PAGES):
        items, fingerprint = await _page(client, book, which, params)
        got.extend(items)
        if not fingerprint:
            state.complete = True
            break
        if len(held.keys() | {item.txid for item in got}) >= want:
            break
        params = {**params, "fingerprint": fingerprint}
    # the first entries may be the cached oldest ones again (max_timestamp is inclusive)
    _merge(book, which, got, partial={item.txid for item in got if item.txid in held}
           | (set() if state.complete or not got else {got[-1].txid}))


# --- what the listings leave out ----------------------------------------------------------

async def _complete(client: ChainClient, book: HistoryBook) -> None:
    """Failure reasons and the function names of unknown contracts, asked once each."""
    failed = [tx for tx in book.native.values() if tx.result != "SUCCESS" and tx.reason is None]
    for tx in sorted(failed, key=lambda t: t.timestamp_ms, reverse=True)[:MAX_INFO]:
        info = await client.transaction_info(tx.txid)
        if info:
            completed = with_info(tx, info)
            book.native[tx.txid] = NativeTx(**{**completed.to_json(),
                                               "reason": completed.reason or tx.result})
    unknown = {tx.contract for tx in book.native.values()
               if tx.type == "TriggerSmartContract" and tx.contract
               and tx.data[:8] not in SELECTORS and tx.contract not in book.functions}
    for contract in sorted(unknown)[:MAX_ABIS]:
        try:
            book.functions[contract] = await client.contract_functions(contract)
        except ChainError as exc:
            log.info("no ABI for %s: %s", contract, exc)


# --- a node without the index: its recent blocks ----------------------------------------------

async def _scan_blocks(client: ChainClient, book: HistoryBook, want: int) -> None:
    """Search the blocks since the last search (back to ``SCAN_BLOCKS``), then older ones
    while fewer than ``want`` transactions are known."""
    state = book.listing("blocks")
    head = await client.latest_block_number()
    floor = max(0, head - SCAN_BLOCKS + 1)
    low, high = state.scanned or (head + 1, head)
    start = max(floor, high + 1)
    if start <= head:
        await _scan_range(client, book, start, head)
        low = min(low, start)
    while low > floor and len(book.native) + len(book.moves) < want:
        start = max(floor, low - BLOCKS_PER_REQUEST * 10)
        await _scan_range(client, book, start, low - 1)
        low = start
    state.scanned = (min(low, head), head)


async def _scan_range(client: ChainClient, book: HistoryBook, first: int, last: int) -> None:
    end = last + 1
    while end > first:
        start = max(first, end - BLOCKS_PER_REQUEST)
        for block in await client.blocks(start, end):
            await _scan_block(client, book, block)
        end = start


async def _scan_block(client: ChainClient, book: HistoryBook, block: dict[str, Any]) -> None:
    me = book.address
    tokens = history_store.network_tokens(client.network)
    try:
        header = block["block_header"]["raw_data"]
        stamp, number = int(header["timestamp"]), int(header.get("number", 0))
    except (KeyError, TypeError, ValueError):
        return
    for item in block.get("transactions") or []:
        tx = parse_transaction(item, timestamp_ms=stamp, block=number)
        if tx is None:
            continue
        named = me in (tx.owner, tx.to)
        if not named and tx.contract in tokens and len(tx.data) >= 8:
            who, _ = call_arguments(tx.data)
            function = SELECTORS.get(tx.data[:8])
            words = [call_arguments(tx.data[64:])[0]] if function == "transferFrom" else []
            named = function in TRANSFERS and me in (who, *words)
        if not named:
            continue
        info = await client.transaction_info(tx.txid)
        if info:
            tx = with_info(tx, info)
            moves = moves_from_logs(tx, info.get("log") or [], tokens)
            if moves:
                book.moves[tx.txid] = moves
        if me in (tx.owner, tx.to):
            book.native[tx.txid] = tx
