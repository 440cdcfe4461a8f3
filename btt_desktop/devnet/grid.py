"""TronGrid's account index (``/v1/accounts/...``) computed from the devnet's own blocks.

Two routes, answered in TronGrid's shapes so that the wallet asks every network the same
way (docs/devnet.md, "The account index"):

- ``GET /v1/accounts/{address}/transactions``: every transaction the address sent, the
  TRX transfers it received, and the calls of a contract address (newest first), each as
  TronGrid lists it: ``ret`` (``contractRet``, ``fee``), ``txID``, ``raw_data`` (hex
  addresses), ``raw_data_hex``, ``signature``, ``blockNumber``, ``block_timestamp``,
  ``energy_fee``, ``energy_usage``, ``energy_usage_total``, ``net_fee``, ``net_usage``,
  ``internal_transactions``.
- ``GET /v1/accounts/{address}/transactions/trc20``: every TRC-20 ``Transfer`` log naming
  the address as sender or receiver, whichever transaction emitted it (a vault paying a
  cheque, a deposit's ``transferFrom``): ``transaction_id``, ``token_info`` (``symbol``,
  ``address``, ``decimals``, ``name``), ``block_timestamp``, ``from``, ``to``, ``type``
  (``Transfer``), ``value`` (a decimal string).

Both take ``limit`` (default 20, at most 200), ``fingerprint`` (from the previous page's
``meta``), ``order_by`` (``block_timestamp,desc`` or ``,asc``), ``min_timestamp`` /
``max_timestamp`` (inclusive, ms), ``only_confirmed`` / ``only_unconfirmed`` (every
transaction in a devnet block is final), ``only_to`` / ``only_from``; the trc20 route also
``contract_address``. Answers are ``{"data": [...], "success": true, "meta": {"at",
"page_size", "fingerprint", "links": {"next"}}}`` (the last two only when there is more),
and a bad parameter ``400 {"success": false, "error", "statusCode": 400}``.

The index grows with the chain: each request first indexes the blocks sealed since the
previous one (blocks with transactions are kept for good, so nothing is ever lost).
"""

from __future__ import annotations

import base64
import binascii
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from tronpy.keys import keccak256

from btt_desktop.devnet import abi
from btt_desktop.devnet.addresses import BadAddress, parse_address, to_base58
from btt_desktop.tron.txcodec import new_contract_address

if TYPE_CHECKING:
    from btt_desktop.devnet.chain import Chain, TxEntry

Params = dict[str, Any]
Response = tuple[int, Any]

DEFAULT_LIMIT = 20
MAX_LIMIT = 200
TRANSFER_TOPIC = keccak256(b"Transfer(address,address,uint256)").hex()
_TOKEN_VIEWS = ("symbol()", "name()", "decimals()")


class GridError(Exception):
    """A bad parameter: answered 400 in TronGrid's error shape."""


@dataclass(frozen=True)
class Listed:
    """One transaction in an address's list: its place in the chain and its id."""

    block: int
    position: int
    txid: str

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.block, self.position, -1)


@dataclass(frozen=True)
class Move:
    """One TRC-20 ``Transfer`` log: where it is, the token and who paid whom."""

    block: int
    position: int
    log_index: int
    txid: str
    token: bytes   # 21-byte raw addresses
    sender: bytes
    receiver: bytes
    value: int

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.block, self.position, self.log_index)


class GridIndex:
    """The ``/v1`` routes over one :class:`~btt_desktop.devnet.chain.Chain`."""

    def __init__(self, chain: Chain, *, clock: Callable[[], float] = time.time) -> None:
        self.chain = chain
        self.clock = clock
        self._indexed = -1  # the highest block number already indexed
        self._txs: dict[bytes, list[Listed]] = {}
        self._moves: dict[bytes, list[Move]] = {}
        self._tokens: dict[bytes, dict[str, Any] | None] = {}

    # ---- routing ----------------------------------------------------------------------

    def handle(self, parts: list[str], params: Params) -> Response:
        """``parts`` is the path after ``/v1``."""
        if len(parts) not in (3, 4) or parts[0] != "accounts" or parts[2] != "transactions" \
                or (len(parts) == 4 and parts[3] != "trc20"):
            return 404, {"success": False, "error": "no such endpoint: /v1/" + "/".join(parts)[:80],
                         "statusCode": 404}
        try:
            address = _account(parts[1])
            self._catch_up()
            if len(parts) == 3:
                return 200, self.transactions(address, parts, params)
            return 200, self.trc20(address, parts, params)
        except GridError as exc:
            return 400, {"success": False, "error": str(exc), "statusCode": 400}

    # ---- indexing ---------------------------------------------------------------------

    def _catch_up(self) -> None:
        head = self.chain.head.number
        if head <= self._indexed:
            return
        kept = self.chain.kept
        if self._indexed < 0:
            numbers: Iterable[int] = sorted(n for n in kept if n <= head)
        else:
            numbers = (n for n in range(self._indexed + 1, head + 1) if n in kept)
        for number in numbers:
            for position, txid in enumerate(kept[number].txids):
                self._index(number, position, self.chain.txs[txid])
        self._indexed = head

    def _index(self, block: int, position: int, entry: TxEntry) -> None:
        tx = entry.tx
        listed = Listed(block, position, tx.txid)
        related = {tx.owner}
        if tx.contract_type == "TransferContract":
            related.add(tx.value["to_address"])
        elif tx.contract_type == "TriggerSmartContract":
            related.add(tx.value["contract_address"])
        elif tx.contract_type == "CreateSmartContract" and entry.receipt.get("status") == \
                "SUCCESS":
            related.add(new_contract_address(tx.txid, tx.owner))
        for raw in related:
            self._txs.setdefault(raw, []).append(listed)
        for log_index, log in enumerate(entry.receipt.get("logs") or []):
            move = self._move(block, position, log_index, tx.txid, log)
            if move is None:
                continue
            for raw in {move.sender, move.receiver}:
                self._moves.setdefault(raw, []).append(move)

    def _move(self, block: int, position: int, log_index: int, txid: str,
              log: dict[str, Any]) -> Move | None:
        topics = log.get("topics") or []
        data = str(log.get("data", ""))
        # TRC-20's Transfer: three topics (the event, from, to) and the value as data;
        # TRC-721's has the token id as a fourth topic and is no TRC-20 transfer
        if len(topics) != 3 or topics[0] != TRANSFER_TOPIC or len(data) != 64:
            return None
        try:
            token = b"\x41" + bytes.fromhex(str(log["address"]))[-20:]
            sender = b"\x41" + bytes.fromhex(topics[1])[-20:]
            receiver = b"\x41" + bytes.fromhex(topics[2])[-20:]
            value = int(data, 16)
        except (KeyError, ValueError, TypeError):
            return None
        if self.token_info(token) is None:
            return None
        return Move(block, position, log_index, txid, token, sender, receiver, value)

    def token_info(self, token: bytes) -> dict[str, Any] | None:
        """TronGrid's ``token_info`` of a TRC-20 (its ``symbol()``, ``name()`` and
        ``decimals()`` asked once); None for a contract that is no TRC-20."""
        if token not in self._tokens:
            answers = []
            for view in _TOKEN_VIEWS:
                result = self.chain.run_call(token, token, abi.selector_of(view),
                                             energy_limit=None, commit=False)
                answers.append(result.output if result.ok else None)
            info: dict[str, Any] | None = None
            symbol, name, decimals = answers
            if symbol is not None and name is not None and decimals is not None:
                try:
                    info = {"symbol": str(abi.decode(["string"], symbol)[0]),
                            "address": to_base58(token),
                            "decimals": int(abi.decode(["uint8"], decimals)[0]),
                            "name": str(abi.decode(["string"], name)[0])}
                except Exception:
                    info = None
            self._tokens[token] = info
        return self._tokens[token]

    # ---- the routes --------------------------------------------------------------------

    def transactions(self, address: bytes, parts: list[str], params: Params) -> dict[str, Any]:
        query = _Query(params)
        listed = self._txs.get(address, [])
        if query.only_to != query.only_from:  # both (or neither) mean everything
            listed = [item for item in listed
                      if self._is_to(item, address) == query.only_to]
        page, more = query.page(listed, self._timestamp)
        data = [self._tx_item(item) for item in page]
        return self._answer(data, page, more, parts, params)

    def trc20(self, address: bytes, parts: list[str], params: Params) -> dict[str, Any]:
        query = _Query(params)
        moves = self._moves.get(address, [])
        contract = params.get("contract_address")
        if contract not in (None, ""):
            token = _account(str(contract))
            moves = [move for move in moves if move.token == token]
        if query.only_to != query.only_from:
            moves = [move for move in moves if (move.receiver == address) == query.only_to]
        page, more = query.page(moves, self._timestamp)
        data = [self._trc20_item(move) for move in page]
        return self._answer(data, page, more, parts, params)

    def _answer(self, data: list[dict[str, Any]], page: list[Any], more: bool,
                parts: list[str], params: Params) -> dict[str, Any]:
        meta: dict[str, Any] = {"at": int(self.clock() * 1000), "page_size": len(data)}
        if more and page:
            fingerprint = _fingerprint(page[-1].key)
            meta["fingerprint"] = fingerprint
            query = {k: v for k, v in params.items()
                     if k != "fingerprint" and isinstance(v, (str, int))}
            query["fingerprint"] = fingerprint
            meta["links"] = {"next": "/v1/" + "/".join(parts) + "?" + urlencode(query)}
        return {"data": data, "success": True, "meta": meta}

    def _timestamp(self, item: Listed | Move) -> int:
        entry = self.chain.txs[item.txid]
        return int(entry.receipt["blockTimeStamp"])

    def _is_to(self, item: Listed, address: bytes) -> bool:
        tx = self.chain.txs[item.txid].tx
        return tx.owner != address

    def _tx_item(self, item: Listed) -> dict[str, Any]:
        entry = self.chain.txs[item.txid]
        receipt = entry.receipt
        tx = entry.tx
        return {
            "ret": [{"contractRet": receipt.get("status", "SUCCESS"),
                     "fee": int(receipt.get("fee", 0))}],
            "signature": [s.hex() for s in tx.signatures],
            "txID": tx.txid,
            "net_usage": int(receipt.get("net_usage", 0)),
            "raw_data_hex": tx.raw_bytes.hex(),
            "net_fee": int(receipt.get("net_fee", 0)),
            "energy_usage": 0,  # energy from staked TRX: none on a devnet, all is burnt
            "blockNumber": item.block,
            "block_timestamp": int(receipt["blockTimeStamp"]),
            "energy_fee": int(receipt.get("energy_fee", 0)),
            "energy_usage_total": int(receipt.get("energy_usage_total", 0)),
            "raw_data": tx.raw_data_json(False),
            "internal_transactions": [],
        }

    def _trc20_item(self, move: Move) -> dict[str, Any]:
        info = self.token_info(move.token)
        assert info is not None
        return {
            "transaction_id": move.txid,
            "token_info": dict(info),
            "block_timestamp": self._timestamp(move),
            "from": to_base58(move.sender),
            "to": to_base58(move.receiver),
            "type": "Transfer",
            "value": str(move.value),
        }


class _Query:
    """The paging and filter parameters both routes share."""

    def __init__(self, params: Params) -> None:
        self.limit = _number(params, ("limit",), DEFAULT_LIMIT)
        if self.limit < 1:
            raise GridError("limit must be a positive integer")
        self.limit = min(self.limit, MAX_LIMIT)
        self.only_to = _flag(params, "only_to")
        self.only_from = _flag(params, "only_from")
        if _flag(params, "only_confirmed") and _flag(params, "only_unconfirmed"):
            raise GridError("only_confirmed and only_unconfirmed cannot be used together")
        self.unconfirmed = _flag(params, "only_unconfirmed")
        self.low = _number(params, ("min_timestamp", "min_block_timestamp"), 0)
        self.high = _number(params, ("max_timestamp", "max_block_timestamp"), 2**63 - 1)
        order = str(params.get("order_by", "block_timestamp,desc")).replace(" ", "")
        if order not in ("block_timestamp,desc", "block_timestamp,asc"):
            raise GridError("order_by must be block_timestamp,desc or block_timestamp,asc")
        self.ascending = order.endswith(",asc")
        raw = params.get("fingerprint")
        self.after = _position(str(raw)) if raw not in (None, "") else None

    def page(self, items: list[Any], timestamp: Callable[[Any], int]) -> tuple[list[Any], bool]:
        """The ``limit`` items after the fingerprint, and whether more follow."""
        if self.unconfirmed:  # a devnet block is final at once: nothing is unconfirmed
            return [], False
        ordered = items if self.ascending else list(reversed(items))
        chosen: list[Any] = []
        for item in ordered:
            if self.after is not None and (item.key <= self.after if self.ascending
                                           else item.key >= self.after):
                continue
            if not self.low <= timestamp(item) <= self.high:
                continue
            if len(chosen) == self.limit:
                return chosen, True
            chosen.append(item)
        return chosen, False


def _account(text: str) -> bytes:
    value = text.strip()
    if value[:2].lower() == "0x" and len(value) == 42:
        value = "41" + value[2:]
    try:
        return parse_address(value)
    except BadAddress as exc:
        raise GridError(str(exc)) from None


def _flag(params: Params, key: str) -> bool:
    value = params.get(key, False)
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1"):
        return True
    if text in ("false", "0", ""):
        return False
    raise GridError(f"{key} must be true or false")


def _number(params: Params, keys: tuple[str, ...], default: int) -> int:
    """The first of ``keys`` given (a parameter and its aliases), a whole number >= 0."""
    for key in keys:
        value = params.get(key)
        if value in (None, ""):
            continue
        text = str(value).strip()
        if isinstance(value, bool) or not text.isdigit():
            raise GridError(f"{key} must be a whole number")
        return int(text)
    return default


def _fingerprint(key: tuple[int, int, int]) -> str:
    text = ":".join(str(n) for n in key).encode()
    return base64.urlsafe_b64encode(text).decode().rstrip("=")


def _position(fingerprint: str) -> tuple[int, int, int]:
    try:
        padded = fingerprint + "=" * (-len(fingerprint) % 4)
        block, position, log_index = base64.urlsafe_b64decode(padded).decode().split(":")
        return int(block), int(position), int(log_index)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise GridError("invalid fingerprint") from None
