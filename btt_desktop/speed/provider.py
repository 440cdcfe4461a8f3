"""The provider (seeder) side of Speed: bids in, auctions per round, awards out, cheques in.

It plugs into a :class:`~btt_desktop.speed.server.SpeedServer` as its protocol handler.
The engine is reached only through two injected callables, so this runs and is tested
without libtorrent: ``sent_bytes(ih, ip, bt_port)`` gives the cumulative bytes uploaded
to that BitTorrent peer for that torrent, and ``apply_winners(ih, peers)`` tells the
engine which peers ((ip, bt_port) pairs) to serve first.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import itertools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from btt_desktop.errors import ChainError
from btt_desktop.events import EventBus, SpeedChequeAccepted, SpeedRoundFinished
from btt_desktop.speed.auction import AuctionResult, Candidate, run_auction
from btt_desktop.speed.cheque import Cheque
from btt_desktop.speed.connection import SpeedConnection
from btt_desktop.speed.errors import ChequeRejected, ProtocolError
from btt_desktop.speed.ledger import MIB, ForgedCheque, ProviderLedger, VaultView
from btt_desktop.speed.messages import Award, Bid, Cancel, ChequeMsg, Demote, Message, Outbid
from btt_desktop.speed.settlement import CashPlan, CashReport, FeeRule
from btt_desktop.speed.standing import Demotion, Demotions, funded
from btt_desktop.speed.vault import CallQuote, ContractVault, TransactionSigner

log = logging.getLogger(__name__)

ByteCounter = Callable[[bytes, str, int], int]
ApplyWinners = Callable[[bytes, frozenset[tuple[str, int]]], None]
Report = Callable[[str], None]


def disk_refusal(exc: OSError) -> str:
    """What a peer is told when its cheque could not be written to our disk."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "provider could not record your cheque: its disk is full"
    return "provider could not record your cheque: its disk refused the write"


@dataclass(frozen=True)
class ProviderConfig:
    slots: int = 4
    reserve: int = 0  # base units per MiB
    round_seconds: float = 10.0
    credit_bytes: int = 8 * MIB


@dataclass
class _Standing:
    conn: SpeedConnection
    bid: Bid
    placed: int


@dataclass
class _Held:
    conn: SpeedConnection
    price: int
    until: int
    counted: int  # the byte counter's value already accounted for


class Provider:
    def __init__(self, ledger: ProviderLedger, vault: ContractVault, sent_bytes: ByteCounter,
                 apply_winners: ApplyWinners, config: ProviderConfig | None = None,
                 serves: Callable[[bytes], bool] = lambda ih: True,
                 clock: Callable[[], float] = time.time, bus: EventBus | None = None,
                 report: Report | None = None,
                 held_back: Callable[[bytes], int] = lambda ih: 0) -> None:
        """``report(text)`` tells the local user about a problem in one line ("" once it
        is over): the service shows it as its status. ``held_back(ih)``: bytes an honest
        requester may not have paid yet because their pieces are not hash-checked yet;
        they are added to the credit before demoting."""
        self.ledger = ledger
        self._bus = bus
        self._report = report
        self.vault = vault
        self.config = config or ProviderConfig()
        self._sent_bytes = sent_bytes
        self._apply_winners = apply_winners
        self._serves = serves
        self._held_back = held_back
        self._clock = clock
        self._seq = itertools.count()
        # keyed by (info-hash, bidder address): one standing bid and award per peer
        self._bids: dict[tuple[bytes, str], _Standing] = {}
        self._awards: dict[tuple[bytes, str], _Held] = {}
        # vault -> uncashed amount its balance could not cover at the last cash attempt
        self.bounced: dict[str, int] = {}
        # a bid arrived that would change the winners: run the next round early
        self.round_wanted = False
        self.demotions = Demotions()  # lasting, by address: until the peer pays
        # cheques checked offline whose write the disk refused while the node was down
        self.unsaved: dict[str, Cheque] = {}
        self.problem = ""  # the last problem reported to the user, "" if none

    # --- what the UI and tests read ------------------------------------------------

    def bids(self, ih: bytes) -> dict[str, int]:
        """Standing bids for ``ih``: address -> rate."""
        return {addr: s.bid.rate for (i, addr), s in self._bids.items() if i == ih}

    def winners(self, ih: bytes) -> dict[str, int]:
        """Current award holders for ``ih``: address -> price."""
        return {addr: h.price for (i, addr), h in self._awards.items() if i == ih}

    # --- ProtocolHandler -------------------------------------------------------------

    async def on_open(self, conn: SpeedConnection) -> None:
        return None

    async def on_message(self, conn: SpeedConnection, message: Message) -> None:
        peer = conn.peer
        if peer is None:
            return
        if isinstance(message, Bid):
            if message.vault != peer.addr:
                raise ProtocolError("a bid must be paid from the bidder's own vault")
            if self._serves(message.ih):
                self._bids[(message.ih, peer.addr)] = _Standing(conn, message,
                                                               next(self._seq))
                demotion = self._demotion(peer.addr)
                if demotion is not None:
                    await conn.send(Demote(ih=message.ih, reason=demotion.refusal()))
                elif self._could_win(message.ih, peer.addr, message.rate):
                    self.round_wanted = True
        elif isinstance(message, Cancel):
            self._bids.pop((message.ih, peer.addr), None)
            if (message.ih, peer.addr) in self._awards:
                self._account()
                del self._awards[(message.ih, peer.addr)]
                self._publish(message.ih)
        elif isinstance(message, ChequeMsg):
            await self._on_cheque(conn, message)

    async def on_close(self, conn: SpeedConnection, reason: str) -> None:
        self._account()
        for key in [k for k, s in self._bids.items() if s.conn is conn]:
            del self._bids[key]
        for key in [k for k, h in self._awards.items() if h.conn is conn]:
            del self._awards[key]
            self._publish(key[0])
        await self.flush()

    # --- cheques ---------------------------------------------------------------------

    async def _on_cheque(self, conn: SpeedConnection, message: ChequeMsg) -> None:
        """Every check that needs no node first (a forged cheque costs no request and
        closes the connection), then the vault's cover. A cheque the node cannot be asked
        about is kept as unchecked and accepted by a later round if the vault covers it."""
        assert conn.peer is not None
        addr = conn.peer.addr
        cheque = Cheque.from_message(self.ledger.domain, message)
        if cheque in (self.ledger.best_cheque(message.vault),
                      self.ledger.unchecked_cheque(message.vault)):
            return  # the requester re-sent what we hold (after a reconnect)
        try:
            self.ledger.check_offline(cheque, addr)
        except ForgedCheque as exc:
            await self._demote_everywhere(addr, f"cheque refused: {exc}")
            await conn.close(f"cheque refused: {exc}")
            return
        except ChequeRejected as exc:
            await self._demote_everywhere(addr, f"cheque refused: {exc}")
            return
        try:
            view = VaultView(balance=await self.vault.balance_of(message.vault),
                             paid_out=await self.vault.paid_out(message.vault, self.ledger.me))
        except ChainError as exc:
            log.warning("cannot check a Speed cheque's cover now, kept to check later: %s", exc)
            await self._store(conn, cheque, lambda: self.ledger.keep_unchecked(cheque, addr))
            return
        try:
            await self._store(conn, cheque,
                              lambda: self.ledger.accept_cheque(cheque, addr, view),
                              lambda: self.ledger.remember_cheque(cheque, addr, view))
        except ChequeRejected as exc:
            await self._demote_everywhere(addr, f"cheque refused: {exc}")
            return
        self._paid(cheque)

    async def _store(self, conn: SpeedConnection, cheque: Cheque,
                     write: Callable[[], object],
                     in_memory: Callable[[], object] | None = None) -> None:
        """Run the ledger ``write``; when the disk refuses it, keep the cheque in memory
        (``in_memory``) for the next flush, tell the peer and the local user, and close."""
        try:
            await asyncio.to_thread(write)
            return
        except OSError as exc:
            failure = exc
        if in_memory is not None:
            in_memory()
        else:
            self.unsaved[cheque.vault] = cheque
        self._disk_failed(failure, f"a cheque from {cheque.vault}")
        await conn.close(disk_refusal(failure))

    def _demotion(self, addr: str) -> Demotion | None:
        """``addr``'s lasting demotion, unless the ledger now holds a cheque that ends it."""
        if self.demotions.paid(addr, self.ledger.get(self.ledger.key(addr)).cum):
            return None
        return self.demotions.get(addr)

    def _paid(self, cheque: Cheque) -> None:
        """``cheque`` is now the best held from its vault: earnings grew."""
        self.demotions.paid(cheque.vault, cheque.cum)
        if self._bus is not None:
            self._bus.publish(SpeedChequeAccepted(vault=cheque.vault, cum=cheque.cum))

    async def check_unchecked(self) -> None:
        """Ask the node about cheques kept while it could not be reached; accept those
        the vault covers now, refuse (and demote the payer of) those it cannot."""
        for vault in list(self.unsaved):  # kept while the disk was full: write them now
            held = self.unsaved.pop(vault)
            with contextlib.suppress(ChequeRejected):
                try:
                    await asyncio.to_thread(self.ledger.keep_unchecked, held, vault)
                except OSError:
                    self.unsaved[vault] = held
        for vault in self.ledger.unchecked_vaults():
            try:
                view = VaultView(balance=await self.vault.balance_of(vault),
                                 paid_out=await self.vault.paid_out(vault, self.ledger.me))
            except ChainError as exc:
                log.info("Speed cheque cover still not checked: %s", exc)
                return
            try:
                account = await asyncio.to_thread(self.ledger.confirm_unchecked, vault, view)
            except ChequeRejected as exc:
                await self._demote_everywhere(vault, f"cheque refused: {exc}")
                continue
            except OSError as exc:
                self._disk_failed(exc, f"a cheque from {vault}")
                continue
            if account is not None:
                best = self.ledger.best_cheque(vault)
                if best is not None:
                    self._paid(best)

    def _disk_failed(self, exc: OSError, what: str) -> None:
        text = (f"Speed could not write {what} to disk ({exc.strerror or exc}); "
                f"it is kept in memory and written when the disk allows")
        log.error("%s", text)
        self.problem = text
        if self._report is not None:
            self._report(text)

    async def flush(self) -> None:
        """Persist the ledger; a disk that refuses is reported, never raised."""
        try:
            await asyncio.to_thread(self.ledger.flush)
        except OSError as exc:
            self._disk_failed(exc, "the earnings ledger")
            return
        if self.problem:
            self.problem = ""
            if self._report is not None:
                self._report("")

    async def _demote_everywhere(self, addr: str, reason: str) -> None:
        """Drop every award of peer ``addr``, telling it why for each, and keep it demoted
        until it pays (:mod:`.standing`); its bids stay, refused with ``demote``."""
        self._account()
        prices = [h.price for (_, a), h in self._awards.items() if a == addr]
        account = self.ledger.get(self.ledger.key(addr))
        self.demotions.demote(addr, reason, account.owed, max(prices, default=0), account.cum)
        for key in [k for k in self._awards if k[1] == addr]:
            held = self._awards.pop(key)
            self._publish(key[0])
            await held.conn.send(Demote(ih=key[0], reason=reason[:200]))

    # --- accounting and credit -------------------------------------------------------

    def _account(self) -> None:
        """Record bytes sent to award holders since the last look."""
        for (ih, _), held in self._awards.items():
            conn = held.conn
            peer = conn.peer
            if peer is None:
                continue
            now = self._sent_bytes(ih, conn.remote_ip, peer.bt_port)
            if now > held.counted:
                self.ledger.record_sent(peer.addr, now - held.counted, held.price, ih)
            held.counted = max(held.counted, now)

    async def check_credit(self) -> None:
        """Account bytes and demote any award holder beyond its credit (run often)."""
        self._account()
        for (ih, addr), held in list(self._awards.items()):
            conn = held.conn
            peer = conn.peer
            if peer is None or (ih, addr) not in self._awards:
                continue
            credit = self.config.credit_bytes + self._held_back(ih)
            if self.ledger.over_credit(peer.addr, credit, held.price):
                await self._demote_everywhere(
                    peer.addr, f"unpaid beyond the credit of {credit} bytes")

    # --- rounds ----------------------------------------------------------------------

    def _could_win(self, ih: bytes, bidder: str, rate: int) -> bool:
        """A bid from someone who does not hold an award, that a round would award now."""
        if (ih, bidder) in self._awards or rate < self.config.reserve \
                or self._demotion(bidder) is not None:
            return False
        held = [h.price for (i, _), h in self._awards.items() if i == ih]
        if len(held) < self.config.slots:
            return True
        rates = sorted((s.bid.rate for (i, a), s in self._bids.items()
                        if i == ih and (i, a) in self._awards), reverse=True)
        return bool(rates) and rate > rates[-1]

    async def run_round(self) -> dict[bytes, AuctionResult]:
        """One auction per torrent with bids; sends awards, outbids and demotes."""
        self.round_wanted = False
        await self.check_unchecked()
        await self.check_credit()
        now = int(self._clock())
        for key in [k for k, s in self._bids.items() if s.bid.exp <= now]:
            del self._bids[key]
        by_torrent: dict[bytes, list[_Standing]] = {}
        for (ih, _), standing in self._bids.items():
            by_torrent.setdefault(ih, []).append(standing)
        results: dict[bytes, AuctionResult] = {}
        balances: dict[str, tuple[int, int] | None] = {}
        for ih, standings in by_torrent.items():
            candidates: dict[int, _Standing] = {}
            bids: list[Candidate] = []
            refused: dict[int, str] = {}  # placed -> the demote reason it gets
            for s in standings:
                assert s.conn.peer is not None
                addr = s.conn.peer.addr
                demotion = self._demotion(addr)
                ok = demotion is None and await self._funded(addr, s.bid.rate, balances)
                if demotion is not None:
                    refused[s.placed] = demotion.refusal()
                elif not ok and s.bid.rate >= self.config.reserve:
                    refused[s.placed] = "vault balance too low for the credit"
                candidates[s.placed] = s
                bids.append(Candidate(bidder=addr, rate=s.bid.rate,
                                      placed=s.placed, exp=s.bid.exp, funded=ok))
            result = run_auction(bids, self.config.slots, self.config.reserve, now)
            results[ih] = result
            if self._bus is not None:
                self._bus.publish(SpeedRoundFinished(
                    info_hash=ih, winners=tuple(w.bidder for w in result.winners),
                    price=result.price))
            await self._announce(ih, result, candidates, refused, now)
        for ih in {ih for (ih, _) in self._awards} - set(by_torrent):
            for key in [k for k in self._awards if k[0] == ih]:
                del self._awards[key]
            self._publish(ih)
        await self.flush()  # byte counts survive a crash too
        return results

    async def _funded(self, owner: str, rate: int,
                      cache: dict[str, tuple[int, int] | None]) -> bool:
        """The funding rule of :mod:`.standing`, with the vault read once per round."""
        if owner not in cache:
            account = self.ledger.get(self.ledger.key(owner))
            held = max(account.cum, account.unchecked_cum)
            try:
                balance = await self.vault.balance_of(owner)
                paid = await self.vault.paid_out(owner, self.ledger.me) if held else 0
            except ChainError as exc:
                log.warning("cannot read a Speed vault now: %s", exc)
                cache[owner] = None
            else:  # owed here: uncashed cheques, and bytes sold that no cheque covers
                cache[owner] = (balance, max(0, held - paid) + max(0, account.owed - held))
        known = cache[owner]
        return known is not None and funded(known[0], known[1], rate, self.config.credit_bytes)

    async def _announce(self, ih: bytes, result: AuctionResult,
                        candidates: dict[int, _Standing], refused: dict[int, str],
                        now: int) -> None:
        until = now + int(2 * self.config.round_seconds)
        winners = {w.bidder for w in result.winners}
        self._account()
        for key in [k for k in self._awards if k[0] == ih and k[1] not in winners]:
            del self._awards[key]
        for w in result.winners:
            conn = candidates[w.placed].conn
            assert conn.peer is not None
            held = self._awards.get((ih, w.bidder))
            counted = held.counted if held and held.conn is conn else self._sent_bytes(
                ih, conn.remote_ip, conn.peer.bt_port)
            self._awards[(ih, w.bidder)] = _Held(conn, result.price, until, counted)
        self._publish(ih)
        for w in result.winners:
            await candidates[w.placed].conn.send(
                Award(ih=ih, price=result.price, until=until, credit=self.config.credit_bytes))
        full = len(result.winners) >= self.config.slots and result.winners
        to_beat = min(w.rate for w in result.winners) if full else self.config.reserve
        for s in candidates.values():
            if (s.conn.peer is not None and s.conn.peer.addr in winners) or s.placed in refused:
                continue
            await s.conn.send(Outbid(ih=ih, price=to_beat))
        for placed, reason in refused.items():
            await candidates[placed].conn.send(Demote(ih=ih, reason=reason))

    def _publish(self, ih: bytes) -> None:
        peers = frozenset((h.conn.remote_ip, h.conn.peer.bt_port)
                          for (i, _), h in self._awards.items()
                          if i == ih and h.conn.peer is not None)
        try:
            self._apply_winners(ih, peers)
        except Exception:
            log.exception("applying Speed winners failed")

    # --- settlement ------------------------------------------------------------------

    async def quote_cash_out(self) -> CashPlan:
        """What cashing every cheque the vaults would pay now costs, in one transaction.
        Each cheque is first tried as a constant call; one that would bounce is left out,
        named in the plan and noted in :attr:`bounced`, as :meth:`cash_due` does."""
        vault, me = self.vault, self.ledger.me
        plan = CashPlan()
        good: list[Cheque] = []
        for key in self.ledger.accounts():
            cheque = self.ledger.best_cheque(key.vault)
            if cheque is None:
                continue
            uncashed = cheque.cum - await vault.paid_out(cheque.vault, me)
            if uncashed <= 0:
                self.bounced.pop(cheque.vault, None)
                continue
            try:
                await vault.quote_cash(me, cheque)
            except ChainError as exc:
                self.bounced[cheque.vault] = uncashed
                plan.refused[cheque.vault] = str(exc)
                continue
            self.bounced.pop(cheque.vault, None)
            good.append(cheque)
            plan.due += uncashed
        if good:
            plan.quote = await (vault.quote_cash(me, good[0]) if len(good) == 1
                                else vault.quote_cash_batch(me, good))
        return plan

    async def cash_due(self, signer: TransactionSigner, threshold: int, *,
                       fee_rule: FeeRule | None = None,
                       notice_margin: float = 3600.0) -> CashReport:
        """Cash held cheques whose uncashed part reaches ``threshold``, or whose vault
        announced a withdrawal that becomes possible within ``notice_margin`` seconds.

        Each cheque is first tried as a constant call: one the vault would refuse (a
        bounce, a cheque already cashed by someone else) is noted and costs nothing. With
        ``fee_rule``, a cheque is cashed only when it is worth enough against the
        estimated fee. Several due cheques go in one ``cashBatch``. What counts as paid is
        what the chain says afterwards (``paidOut``), never what the client hoped.
        ``signer`` is the provider's own account, which pays the fee.
        """
        if signer.address != self.ledger.me:
            raise ValueError("cash with the provider's own account")
        report = CashReport()
        now = self._clock()
        due: list[tuple[Cheque, int, CallQuote]] = []
        for account_key in self.ledger.accounts():
            cheque = self.ledger.best_cheque(account_key.vault)
            if cheque is None:
                continue
            paid = await self.vault.paid_out(cheque.vault, self.ledger.me)
            uncashed = cheque.cum - paid
            if uncashed <= 0:
                self.bounced.pop(cheque.vault, None)
                continue
            amount, ready_at = await self.vault.withdrawal_of(cheque.vault)
            leaving = amount > 0 and ready_at - now <= notice_margin
            if uncashed < threshold and not leaving:
                continue
            try:
                quote = await self.vault.quote_cash(self.ledger.me, cheque)
            except ChainError as exc:
                self.bounced[cheque.vault] = uncashed
                report.refused[cheque.vault] = str(exc)
                continue
            if fee_rule is not None and not fee_rule.worth(uncashed, quote.max_fee_sun,
                                                           leaving=leaving):
                report.waiting[cheque.vault] = uncashed
                continue
            due.append((cheque, paid, quote))
        if not due:
            return report
        try:
            if len(due) == 1:
                sent = await self.vault.cash(signer, due[0][0], due[0][2])
            else:
                sent = await self.vault.cash_batch(signer, [c for c, _, _ in due])
            report.txids.append(sent.txid)
            report.fee_sun += sent.fee_sun
        except ChainError as exc:
            report.error = str(exc)
        for cheque, before, _ in due:  # the chain is the truth, whatever happened above
            try:
                after = await self.vault.paid_out(cheque.vault, self.ledger.me)
            except ChainError as exc:
                report.error = report.error or str(exc)
                continue
            report.paid += max(0, after - before)
            if after >= cheque.cum:
                self.bounced.pop(cheque.vault, None)
        return report

    async def run(self, check_every: float = 1.0) -> None:
        """Rounds forever (cancel to stop), with credit checks in between."""
        loop = asyncio.get_running_loop()
        next_round = loop.time()
        while True:
            if loop.time() >= next_round:
                await self.run_round()
                next_round = loop.time() + self.config.round_seconds
            else:
                await self.check_credit()
            await asyncio.sleep(min(check_every, max(0.0, next_round - loop.time())))
