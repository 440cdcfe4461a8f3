"""How the history cache follows a long account index: a first refresh reads only what is
shown, later ones only what is new, older pages when more is asked for, a gap too big to
read restarts the cache; token transfers of one transaction cut by a page are kept whole.

The index here is a stand-in with TronGrid's paging (``limit``, ``fingerprint``,
``max_timestamp``); the wallet's real sync and cache code run against it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from btt_desktop.wallet import history_store, networks
from btt_desktop.wallet.history_store import HistoryBook
from btt_desktop.wallet.history_sync import CATCH_UP, sync

ME = "TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH"
FRIEND = "TSeJkUh4Qv67VNFwY8LaAxERygNdy6NQZK"
BTT_INFO = {"symbol": "BTT", "address": networks.MAINNET_BTT, "decimals": 18,
            "name": "BitTorrent"}


def _hex(address: str) -> str:
    from btt_desktop.wallet import hdkeys

    return hdkeys.hex_address(address)


def transfer(n: int) -> dict[str, Any]:
    return {"txID": f"{n:064x}", "blockNumber": n, "block_timestamp": 1_000 * n,
            "ret": [{"contractRet": "SUCCESS", "fee": 0}],
            "raw_data": {"contract": [{"type": "TransferContract", "parameter": {"value": {
                "amount": n, "owner_address": _hex(FRIEND), "to_address": _hex(ME)}}}]}}


def token(n: int, value: int) -> dict[str, Any]:
    return {"transaction_id": f"{n:064x}", "block_timestamp": 1_000 * n, "from": FRIEND,
            "to": ME, "type": "Transfer", "value": str(value), "token_info": BTT_INFO}


class Index:
    """TronGrid's listings over lists kept oldest first."""

    def __init__(self) -> None:
        self.network = networks.network("mainnet")
        self.native: list[dict[str, Any]] = []
        self.tokens: list[dict[str, Any]] = []
        self.asked: list[tuple[str, dict[str, Any]]] = []

    async def account_listing(self, address: str, which: str, params: dict[str, Any]
                              ) -> dict[str, Any]:
        assert address == ME
        query = {k: v for k, v in params.items() if v is not None}
        self.asked.append((which, query))
        items = list(reversed(self.native if which == "transactions" else self.tokens))
        stamp = "block_timestamp"
        if "max_timestamp" in query:
            items = [i for i in items if i[stamp] <= int(query["max_timestamp"])]
        start = int(query.get("fingerprint", 0))
        limit = int(query["limit"])
        page = items[start:start + limit]
        meta: dict[str, Any] = {"at": 0, "page_size": len(page)}
        if start + limit < len(items):
            meta["fingerprint"] = str(start + limit)
        return {"data": page, "success": True, "meta": meta}

    async def transaction_info(self, txid: str) -> dict[str, Any]:
        return {}

    async def contract_functions(self, address: str) -> dict[str, str]:
        return {}


def pages(index: Index, which: str = "transactions") -> int:
    return sum(1 for w, _ in index.asked if w == which)


async def test_refreshes_read_what_is_new_and_older_pages_on_demand(tmp_path: Path) -> None:
    index = Index()
    index.native = [transfer(n) for n in range(1, 501)]
    book = HistoryBook(tmp_path / "h.json", ME)
    await sync(index, book, 20)  # type: ignore[arg-type]
    assert len(book.native) == 20 and pages(index) == 1
    assert not book.listing("transactions").complete
    assert max(int(t, 16) for t in book.native) == 500

    index.asked.clear()
    index.native += [transfer(n) for n in range(501, 506)]
    await sync(index, book, 20)  # type: ignore[arg-type]
    assert len(book.native) == 25 and pages(index) == 1  # one page reached the cached ones

    index.asked.clear()
    await sync(index, book, 300)  # type: ignore[arg-type]
    assert len(book.native) >= 300
    older = [q for w, q in index.asked if w == "transactions" and "max_timestamp" in q]
    assert older and older[0]["max_timestamp"] == 1_000 * 306  # after a first page of 200
    records = book.records()
    assert [r.txid for r in records] == sorted((r.txid for r in records), reverse=True)
    assert len({r.txid for r in records}) == len(records)

    index.asked.clear()
    await sync(index, book, 1_000)  # type: ignore[arg-type]
    assert len(book.native) == 505 and book.listing("transactions").complete
    index.asked.clear()
    await sync(index, book, 1_000)  # type: ignore[arg-type]
    assert pages(index) == 1 and len(book.native) == 505

    # the cache on disk and back
    history_store.save(book)
    again = history_store.load(tmp_path / "h.json", ME)
    assert again.records() == book.records()
    assert again.listing("transactions").complete


async def test_a_gap_bigger_than_one_refresh_restarts_the_cache(tmp_path: Path) -> None:
    index = Index()
    index.native = [transfer(n) for n in range(1, 31)]
    book = HistoryBook(tmp_path / "h.json", ME)
    await sync(index, book, 20)  # type: ignore[arg-type]
    assert min(int(t, 16) for t in book.native) == 11
    index.native += [transfer(n) for n in range(31, 31 + CATCH_UP + 500)]
    await sync(index, book, 20)  # type: ignore[arg-type]
    held = sorted(int(t, 16) for t in book.native)
    # what was read is contiguous from the newest; the old cached ones went
    assert held == list(range(held[0], 31 + CATCH_UP + 500)) and held[0] > 30


async def test_token_transfers_cut_by_a_page_are_kept_whole(tmp_path: Path) -> None:
    index = Index()
    # transaction 7 has two transfers to the account; the first page ends between them
    index.tokens = [token(n, 1) for n in range(1, 7)] + [token(7, 5), token(7, 2)] + \
        [token(n, 1) for n in range(8, 27)]
    book = HistoryBook(tmp_path / "h.json", ME)
    await sync(index, book, 20)  # type: ignore[arg-type]
    seven = f"{7:064x}"
    assert [m.value for m in book.moves.get(seven, [])] in ([], [2])  # cut by the page
    await sync(index, book, 25)  # type: ignore[arg-type]
    assert sorted(m.value for m in book.moves[seven]) == [2, 5]
    record = next(r for r in book.records() if r.txid == seven)
    assert (record.kind, record.amount, record.direction) == ("receive", 7, "in")


async def test_the_cache_keeps_the_newest(tmp_path: Path) -> None:
    index = Index()
    index.native = [transfer(n) for n in range(1, 13)]
    book = HistoryBook(tmp_path / "h.json", ME)
    await sync(index, book, 50)  # type: ignore[arg-type]
    assert len(book.native) == 12 and book.listing("transactions").complete
    history_store.trim(book, keep=10)
    assert sorted(int(t, 16) for t in book.native) == list(range(3, 13))
    assert not book.listing("transactions").complete
    history_store.save(book)
    assert not (tmp_path / "h.json.bak").exists()
    assert len(history_store.load(tmp_path / "h.json", ME).native) == 10
