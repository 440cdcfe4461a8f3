"""The requester (downloader) side of Speed: bids out, awards in, cheques out.

It plugs into a :class:`~btt_desktop.speed.server.SpeedServer` as its protocol handler.
The engine is reached only through ``received_bytes(ih, ip, bt_port)``: the cumulative
bytes downloaded from that BitTorrent peer for that torrent. Bytes count only while an
award from that provider for that torrent is in force, at the award's price.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from btt_desktop.events import EventBus, SpeedChequeSigned, SpeedStandingChanged
from btt_desktop.speed.autobid import BidInputs, auto_rate, should_rebid
from btt_desktop.speed.connection import SpeedConnection
from btt_desktop.speed.ledger import RequesterLedger
from btt_desktop.speed.messages import Award, Bid, Cancel, Demote, Message, Outbid
from btt_desktop.speed.signing import Signer

log = logging.getLogger(__name__)

ByteCounter = Callable[[bytes, str, int], int]


@dataclass(frozen=True)
class RequesterConfig:
    increment_mib: int = 1  # send a cheque whenever this many MiB worth is owed
    bid_seconds: int = 120  # a bid's lifetime; it is renewed at half of it


@dataclass
class _Award:
    price: int
    until: int
    credit: int
    counted: int


@dataclass
class TorrentStatus:
    """What the requester knows about one torrent at one provider (for the UI)."""

    awarded: bool = False
    price: int = 0
    to_beat: int = 0
    demoted: str = ""


@dataclass
class _Bid:
    rate: int
    sent_at: dict[SpeedConnection, float] = field(default_factory=dict)


class Requester:
    def __init__(self, ledger: RequesterLedger, signer: Signer, received_bytes: ByteCounter,
                 config: RequesterConfig | None = None,
                 clock: Callable[[], float] = time.time, bus: EventBus | None = None) -> None:
        if signer.address != ledger.me:
            raise ValueError("the signer must own the ledger")
        self.ledger = ledger
        self._bus = bus
        self.signer = signer
        self.config = config or RequesterConfig()
        self._received = received_bytes
        self._clock = clock
        self._conns: dict[str, SpeedConnection] = {}
        self._bids: dict[bytes, _Bid] = {}
        self._awards: dict[tuple[str, bytes], _Award] = {}
        self.status: dict[tuple[str, bytes], TorrentStatus] = {}

    # --- bidding ----------------------------------------------------------------------

    def bid_rate(self, ih: bytes) -> int:
        bid = self._bids.get(ih)
        return bid.rate if bid else 0

    async def set_bid(self, ih: bytes, rate: int) -> None:
        """Bid ``rate`` per MiB for ``ih`` at every connected provider (0 cancels)."""
        if rate <= 0:
            self._bids.pop(ih, None)
            for conn in list(self._conns.values()):
                # bytes count up to the cancel, and not after it: the provider stops too
                self._account(conn)
                peer = conn.peer
                if peer is not None and self._awards.pop((peer.addr, ih), None) is not None:
                    self.status.setdefault((peer.addr, ih), TorrentStatus()).awarded = False
                await conn.send(Cancel(ih=ih))
            return
        self._bids[ih] = _Bid(rate)
        for conn in list(self._conns.values()):
            await self._send_bid(conn, ih)

    async def update_auto_bid(self, ih: bytes, inputs: BidInputs) -> int:
        """Apply the auto-bid rule; re-bids only on a move of more than 10 %."""
        rate = auto_rate(inputs)
        if should_rebid(self.bid_rate(ih) or None, rate):
            await self.set_bid(ih, rate)
        return self.bid_rate(ih)

    async def _send_bid(self, conn: SpeedConnection, ih: bytes) -> None:
        bid = self._bids[ih]
        now = self._clock()
        bid.sent_at[conn] = now
        await conn.send(Bid(ih=ih, rate=bid.rate, vault=self.signer.address,
                            exp=int(now) + self.config.bid_seconds))

    # --- ProtocolHandler -------------------------------------------------------------

    async def on_open(self, conn: SpeedConnection) -> None:
        assert conn.peer is not None
        self._conns[conn.peer.addr] = conn
        last = self.ledger.last_cheque(conn.peer.addr)
        if last is not None:
            await conn.send(last.to_message())
        for ih in list(self._bids):
            await self._send_bid(conn, ih)

    async def on_message(self, conn: SpeedConnection, message: Message) -> None:
        peer = conn.peer
        if peer is None:
            return
        key_ih = getattr(message, "ih", None)
        if not isinstance(key_ih, bytes):
            return
        key = (peer.addr, key_ih)
        status = self.status.setdefault(key, TorrentStatus())
        if isinstance(message, Award):
            bid = self._bids.get(key_ih)
            if bid is None or message.price > bid.rate:
                # never pay more than we bid, nor for what we did not bid on
                if key not in self._awards:
                    await conn.send(Cancel(ih=key_ih))
                    return
                self._account(conn)
                del self._awards[key]
                status.awarded = False
                await conn.send(Cancel(ih=key_ih))
                await self._pay(conn)
                return
            self._account(conn)
            held = self._awards.get(key)
            counted = held.counted if held else self._received(key_ih, conn.remote_ip,
                                                               peer.bt_port)
            self._awards[key] = _Award(message.price, message.until, message.credit, counted)
            status.awarded, status.price, status.demoted = True, message.price, ""
        elif isinstance(message, (Outbid, Demote)):
            self._account(conn)
            self._awards.pop(key, None)
            status.awarded = False
            if isinstance(message, Outbid):
                status.to_beat = message.price
            else:
                status.demoted = message.reason
        if isinstance(message, (Award, Outbid, Demote)) and self._bus is not None:
            self._bus.publish(SpeedStandingChanged(
                info_hash=key_ih, provider=peer.addr, awarded=status.awarded,
                price=status.price if status.awarded else status.to_beat,
                reason=status.demoted))
        await self._pay(conn)

    async def on_close(self, conn: SpeedConnection, reason: str) -> None:
        peer = conn.peer
        if peer is None:
            return
        self._account(conn)
        for key in [k for k in self._awards if k[0] == peer.addr]:
            del self._awards[key]
            self.status.setdefault(key, TorrentStatus()).awarded = False
        if self._conns.get(peer.addr) is conn:
            del self._conns[peer.addr]
        for bid in self._bids.values():
            bid.sent_at.pop(conn, None)

    # --- accounting and paying -------------------------------------------------------

    def _account(self, conn: SpeedConnection) -> None:
        peer = conn.peer
        if peer is None:
            return
        now = int(self._clock())
        for (addr, ih), award in list(self._awards.items()):
            if addr != peer.addr:
                continue
            current = self._received(ih, conn.remote_ip, peer.bt_port)
            if current > award.counted:
                self.ledger.record_received(addr, current - award.counted, award.price)
            award.counted = max(award.counted, current)
            if award.until <= now:
                del self._awards[(addr, ih)]
                self.status.setdefault((addr, ih), TorrentStatus()).awarded = False

    async def _pay(self, conn: SpeedConnection) -> None:
        peer = conn.peer
        if peer is None:
            return
        prices = [a.price for (addr, _), a in self._awards.items() if addr == peer.addr]
        # while awarded: every increment; once no award is left: settle whatever is owed
        increment = max(prices) * self.config.increment_mib if prices else 1
        cheque = await asyncio.to_thread(self.ledger.draw_cheque, self.signer, peer.addr,
                                         increment)
        if cheque is not None:
            if self._bus is not None:
                self._bus.publish(SpeedChequeSigned(beneficiary=cheque.to, cum=cheque.cum))
            await conn.send(cheque.to_message())

    async def settle(self) -> None:
        """Account what arrived and pay everything owed now, not only whole increments
        (before shutting down, so a provider is paid for the last bytes it sent)."""
        for conn in list(self._conns.values()):
            peer = conn.peer
            if peer is None:
                continue
            self._account(conn)
            cheque = await asyncio.to_thread(self.ledger.draw_cheque, self.signer, peer.addr, 1)
            if cheque is not None:
                if self._bus is not None:
                    self._bus.publish(SpeedChequeSigned(beneficiary=cheque.to, cum=cheque.cum))
                await conn.send(cheque.to_message())

    def providers(self) -> list[str]:
        """Addresses of the providers we hold an open connection with."""
        return list(self._conns)

    async def tick(self) -> None:
        """Account bytes, pay what is owed, renew bids that are half-way to expiring."""
        now = self._clock()
        for conn in list(self._conns.values()):
            self._account(conn)
            await self._pay(conn)
            for ih, bid in list(self._bids.items()):
                sent = bid.sent_at.get(conn)
                if sent is None or now - sent >= self.config.bid_seconds / 2:
                    await self._send_bid(conn, ih)

    async def run(self, every: float = 1.0, flush_every: int = 10) -> None:
        """Tick forever (cancel to stop); persist the byte counts every few ticks."""
        for n in itertools.count(1):
            await self.tick()
            if n % flush_every == 0:
                await asyncio.to_thread(self.ledger.flush)
            await asyncio.sleep(every)
