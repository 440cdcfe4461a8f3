"""SpeedService: Speed wired to the engine, the wallet's signer and a vault.

One object per running client (the window or a ``btt seed/download --speed``). It runs
the Speed server, advertises ``BTTDesktop/<version> speed/<port>`` in the BitTorrent
handshake, dials the Speed port of peers that advertise one on torrents we download
(:mod:`.discovery`), and drives both sides:

- provider (torrents we have data for): an auction per torrent every round; the
  winners are served first and everyone else shares what they leave
  (:mod:`.grouping`: peer classes and the others' upload cap);
- requester (torrents we download): an automatic bid per torrent within the user's
  caps (:mod:`.budget` keeps the daily one), and cheques for the bytes received from a
  provider while it awarded us a slot, counted from the engine's per-peer counters.

All Speed state is in the two ledgers. The settings are the caller's: the window's
Speed controller or the command line own and save them; the service only applies them.
See docs/speed.md for the API a window drives.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from btt_desktop import __version__
from btt_desktop.engine.ids import id_of_info_hash
from btt_desktop.engine.types import TorrentSnapshot, TorrentState
from btt_desktop.errors import BttError, ChainError, SpeedError
from btt_desktop.events import EventBus, SpeedCashedOut, SpeedStatusChanged
from btt_desktop.profile import Profile
from btt_desktop.speed import accounts
from btt_desktop.speed.advert import client_version
from btt_desktop.speed.autobid import BidInputs
from btt_desktop.speed.budget import DayBudget
from btt_desktop.speed.chainlink import VaultLink
from btt_desktop.speed.connection import Limits, SpeedConnection
from btt_desktop.speed.discovery import Discovery
from btt_desktop.speed.errors import ProtocolError
from btt_desktop.speed.grouping import WinnerGroups
from btt_desktop.speed.ledger import MIB, RequesterLedger
from btt_desktop.speed.messages import Award, Bid, Cancel, ChequeMsg, Demote, Message, Outbid
from btt_desktop.speed.provider import Provider, ProviderConfig
from btt_desktop.speed.requester import Requester, RequesterConfig
from btt_desktop.speed.schedule import Job, Schedule
from btt_desktop.speed.seeding import SeedToEarn
from btt_desktop.speed.server import SpeedServer
from btt_desktop.speed.settings import SpeedSettings
from btt_desktop.speed.settlement import CashPlan, CashReport
from btt_desktop.speed.signing import AccountSigner
from btt_desktop.speed.tally import ByteTally
from btt_desktop.speed.vault import CallQuote, DepositStep
from btt_desktop.tasks import TaskSet

if TYPE_CHECKING:
    from btt_desktop.engine import Engine
    from btt_desktop.wallet.service import WalletService

log = logging.getLogger(__name__)

DISCOVER_EVERY = 1.0
VAULT_EVERY = 5.0
CASH_EVERY = 60.0
FLUSH_EVERY = 5.0
SEED_RULE_EVERY = 60.0
EARLY_ROUND_GAP = 1.0  # seconds: a round run early for a new bid follows the last by this


@dataclass(frozen=True)
class ProviderStanding:
    """Requester side: where we stand for one torrent at one provider."""

    provider: str
    awarded: bool
    price: int      # per MiB, while awarded
    to_beat: int    # per MiB, when outbid
    demoted: str    # the provider's reason, "" if not demoted


@dataclass(frozen=True)
class SpeedTorrentState:
    """What a Speed tab shows for one torrent."""

    torrent_id: str
    info_hash: str
    enabled: bool
    bid_rate: int                              # our standing bid per MiB, 0 = none
    standings: tuple[ProviderStanding, ...]    # as requester
    bids: tuple[tuple[str, int], ...]          # as provider: bidder -> rate per MiB
    winners: tuple[tuple[str, int], ...]       # as provider: winner -> price per MiB
    earned: int = 0                            # as provider: what was sold here is worth


@dataclass(frozen=True)
class VaultStatus:
    owner: str
    balance: int
    announced: int      # withdrawal announced, 0 if none
    ready_at: int       # unix time it can be withdrawn
    outstanding: int    # signed cheques not cashed yet (what providers may still take)
    notice: int = 0     # seconds between announcing a withdrawal and making it


@dataclass(frozen=True)
class SpeedStatus:
    running: bool
    port: int
    address: str
    net: str
    peers: tuple[tuple[str, str], ...]        # open Speed connections: (address, ip)
    earnings: accounts.Earnings
    spending: accounts.Spending
    spent_today: int
    vault_balance: int | None                 # last known, None before the first read
    problem: str = ""                         # one line the user should see, "" if none


class _Dispatch:
    """One Speed connection carries both roles: route each message to its side."""

    def __init__(self, service: SpeedService) -> None:
        self._service = service

    async def on_open(self, conn: SpeedConnection) -> None:
        await self._service.provider.on_open(conn)
        await self._service.requester.on_open(conn)

    async def on_message(self, conn: SpeedConnection, message: Message) -> None:
        service = self._service
        # count the bytes up to the moment a standing changes, on either side
        if isinstance(message, (Bid, Cancel, ChequeMsg)):
            if isinstance(message, Cancel):
                await service.refresh_counters(message.ih)
            await service.provider.on_message(conn, message)
        elif isinstance(message, (Award, Outbid, Demote)):
            await service.refresh_counters(message.ih)
            await service.requester.on_message(conn, message)

    async def on_close(self, conn: SpeedConnection, reason: str) -> None:
        with contextlib.suppress(Exception):
            await self._service.refresh_all()
        await self._service.provider.on_close(conn, reason)
        await self._service.requester.on_close(conn, reason)


class SpeedService:
    """See docs/speed.md. Create, ``await start()``, ``await close()``."""

    def __init__(self, engine: Engine, bus: EventBus, profile: Profile, *,
                 signer: AccountSigner, link: VaultLink, settings: SpeedSettings | None = None,
                 version: str = __version__, limits: Limits | None = None,
                 tick: float = 0.25) -> None:
        self._engine = engine
        self._bus = bus
        self._profile = profile
        self._link = link
        self.settings = settings or SpeedSettings()
        self._version = version
        self._limits = limits
        self._tick = tick
        self.signer = signer
        self.address = signer.address
        self.net = link.net
        self._tally = ByteTally(engine.peer_counters)
        self._ih: dict[str, bytes] = {}     # torrent id -> Speed info-hash
        self._tid: dict[bytes, str] = {}
        self._tasks = TaskSet("BTT Speed background work")
        self.groups = WinnerGroups(engine, self._tally,
                                   winner_priority=self.settings.winner_priority,
                                   spawn=self._spawn)
        self._discovery = Discovery(engine, self._spawn)
        self.seed_rule = SeedToEarn(engine)
        self._loop_task: asyncio.Task[None] | None = None
        self._server: SpeedServer | None = None
        self._vault_balance: int | None = None
        self._paid_out: dict[str, int] = {}   # provider -> what it cashed from our vault
        self._cashed: dict[str, int] = {}     # vault -> what we cashed from it
        self._spent_today = 0
        self.port = 0
        speed_dir = profile.speed_dir
        self._budget = DayBudget(speed_dir / f"day-{self.address}.json")
        self.provider = Provider(
            accounts.provider_ledger(speed_dir, self.net, link.domain, self.address),
            link.vault, self._sent_bytes, self._apply_winners, self._provider_config(),
            serves=self._serves, bus=bus, report=self._report_problem,
            held_back=self._held_back)
        self.requester = Requester(
            accounts.requester_ledger(speed_dir, self.net, link.domain, self.address),
            self.signer, self._received_bytes, RequesterConfig(), bus=bus)

    @classmethod
    async def from_wallet(cls, engine: Engine, bus: EventBus, profile: Profile,
                          wallet: WalletService, link: VaultLink,
                          settings: SpeedSettings | None = None,
                          kept: bool = False) -> SpeedService:
        """A service signing with the unlocked wallet's current account. Its signer stops
        working when the wallet locks, unless ``kept`` (a kept signer: see
        ``WalletService.kept_signer``, which the caller releases after :meth:`close`)."""
        signer = await (wallet.kept_signer() if kept else wallet.signer())
        return await asyncio.to_thread(
            lambda: cls(engine, bus, profile, signer=signer, link=link, settings=settings))

    def _provider_config(self) -> ProviderConfig:
        s = self.settings
        return ProviderConfig(slots=s.slots, reserve=s.reserve_per_mib,
                              round_seconds=s.round_seconds, credit_bytes=s.credit_bytes)

    # --- life cycle ---------------------------------------------------------------------

    async def start(self) -> int:
        """Listen, advertise, start the rounds; returns the Speed port."""
        engine = self._engine
        controls = engine.peer_controls
        settings = engine.settings
        host = settings.listen_interface or "0.0.0.0"
        server = SpeedServer(self.signer, self.net, self._bt_port(), _Dispatch(self),
                             self._limits, bind_host=settings.outgoing_interface or None,
                             vault_contract=self._link.vault.address,
                             own_ips=lambda: engine.external_addresses)
        try:
            self.port = await server.start(host, self.settings.port)
        except ProtocolError as exc:
            raise SpeedError(str(exc)) from None
        self._server = server
        self.groups.start()
        controls.set_client_version(client_version(self._version, self.port))
        self._loop_task = asyncio.create_task(self._run(), name="speed")
        self._bus.publish(SpeedStatusChanged(running=True, port=self.port, message=""))
        return self.port

    async def close(self) -> None:
        """Pay what we owe, stop serving Speed, persist the ledgers."""
        if self._loop_task is not None:
            self._loop_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop_task
            self._loop_task = None
        self._tasks.cancel()
        with contextlib.suppress(Exception):
            await self.refresh_all()
            await self.requester.settle()
        if self._server is not None:
            await self._server.close()
            self._server = None
        with contextlib.suppress(BttError):
            controls = self._engine.peer_controls
            controls.set_client_version(self._engine.settings.client_version)
        self.groups.close()
        await self.seed_rule.release_all()
        await self.provider.flush()  # a full disk is reported, not raised
        await asyncio.to_thread(self.requester.ledger.flush)
        self._bus.publish(SpeedStatusChanged(running=False, port=self.port, message=""))

    def _report_problem(self, text: str) -> None:
        """A problem the user should see (a full disk), as the status line; "" ends it."""
        self._bus.publish(SpeedStatusChanged(running=self._server is not None, port=self.port,
                                             message=text))

    def _bt_port(self) -> int:
        for endpoint in self._engine.listen_endpoints:
            with contextlib.suppress(ValueError):
                return int(endpoint.rpartition(":")[2])
        return self._engine.settings.listen_port or 6881

    # --- settings -----------------------------------------------------------------------

    def apply_settings(self, settings: SpeedSettings) -> None:
        """Use ``settings`` from now on (the next round). Saving them is the caller's."""
        self.settings = settings
        self.provider.config = self._provider_config()
        self.groups.set_priority(settings.winner_priority)

    # --- what a window reads ------------------------------------------------------------

    def status(self) -> SpeedStatus:
        server = self._server
        peers = tuple(sorted((c.peer.addr, c.remote_ip) for c in
                             (server.connections if server else []) if c.peer is not None))
        return SpeedStatus(
            running=server is not None, port=self.port, address=self.address, net=self.net,
            peers=peers,
            earnings=accounts.earnings(self.provider.ledger, self._cashed,
                                       self.provider.bounced),
            spending=accounts.spending(self.requester.ledger, self._paid_out),
            spent_today=self._spent_today, vault_balance=self._vault_balance,
            problem=self.provider.problem)

    def torrent_state(self, torrent_id: str) -> SpeedTorrentState | None:
        ih = self._ih.get(torrent_id)
        if ih is None:
            return None
        standings = tuple(
            ProviderStanding(provider=addr, awarded=st.awarded, price=st.price,
                             to_beat=st.to_beat, demoted=st.demoted)
            for (addr, i), st in sorted(self.requester.status.items()) if i == ih)
        return SpeedTorrentState(
            torrent_id=torrent_id, info_hash=ih.hex(),
            enabled=self.settings.torrent_enabled(torrent_id),
            bid_rate=self.requester.bid_rate(ih), standings=standings,
            bids=tuple(sorted(self.provider.bids(ih).items())),
            winners=tuple(sorted(self.provider.winners(ih).items())),
            earned=self.provider.ledger.torrent_earnings().get(ih.hex(), 0))

    def torrent_earnings(self) -> dict[str, int]:
        """What the bytes sold on each torrent are worth (base units), by torrent id."""
        by_hash = self.provider.ledger.torrent_earnings()
        return {tid: by_hash[ih.hex()] for tid, ih in self._ih.items() if ih.hex() in by_hash}

    @property
    def preferred_ips(self) -> frozenset[str]:
        """IPs whose new connections join the winners' peer class right now."""
        return self.groups.preferred_ips

    # --- vault and cash -----------------------------------------------------------------

    async def vault_status(self) -> VaultStatus:
        return await vault_status(self._link, self.address, self.requester.ledger)

    # quotes: what an action would cost, checked first (ChainError in one line if doomed)

    async def quote_deposit(self, amount: int) -> list[tuple[DepositStep, CallQuote]]:
        return await self._link.vault.quote_deposit(self.address, amount)

    async def quote_announce(self, amount: int) -> CallQuote:
        vault = self._link.vault
        return await vault.quote(self.address, vault.contract(), "announceWithdrawal", amount)

    async def quote_withdraw(self) -> CallQuote:
        vault = self._link.vault
        return await vault.quote(self.address, vault.contract(), "withdraw")

    async def quote_cash_out(self) -> CashPlan:
        """See :meth:`Provider.quote_cash_out`."""
        return await self.provider.quote_cash_out()

    async def deposit(self, amount: int) -> None:
        await self._link.vault.deposit(self.signer, amount)
        await self._refresh_vault()

    async def announce_withdrawal(self, amount: int) -> None:
        await self._link.vault.announce_withdrawal(self.signer, amount)

    async def withdraw(self) -> int:
        sent = await self._link.vault.withdraw(self.signer)
        await self._refresh_vault()
        return int(sent.result)

    async def cash_out(self) -> CashReport:
        """Cash every cheque we hold now, whatever the thresholds (the user asked)."""
        report = await self.provider.cash_due(self.signer, threshold=1)
        await self._refresh_cashed()
        if report.paid:
            self._bus.publish(SpeedCashedOut(report.paid))
        return report

    # --- the engine seen through Speed ---------------------------------------------------

    def _sent_bytes(self, ih: bytes, ip: str, bt_port: int) -> int:
        tid = self._tid.get(ih)
        return self._tally.uploaded(tid, ip) if tid else 0

    def _received_bytes(self, ih: bytes, ip: str, bt_port: int) -> int:
        """What we pay for: bytes whose pieces passed the hash check (speed/tally.py)."""
        tid = self._tid.get(ih)
        return self._tally.billable(tid, ip) if tid else 0

    def _held_back(self, ih: bytes) -> int:
        """A requester pays for a piece once it passed the hash check: it may hold back
        the piece in progress and part of the next one (two piece lengths)."""
        tid = self._tid.get(ih)
        return 2 * self._tally.piece_length(tid) if tid else 0

    def _serves(self, ih: bytes) -> bool:
        tid = self._tid.get(ih)
        if tid is None:
            # a torrent's id is its v1 info-hash, or the first 40 hex digits of a v2-only one
            candidate = id_of_info_hash(ih)
            if candidate in self._engine.torrent_ids():
                self._map(candidate, ih)
                tid = candidate
        if tid is None or not self.settings.earn or not self.settings.torrent_enabled(tid):
            return False
        snap = self._engine.snapshot(tid)
        return snap is not None and snap.total_done > 0 and snap.state not in (
            TorrentState.PAUSED, TorrentState.ERROR)

    async def refresh_counters(self, ih: bytes) -> None:
        tid = self._tid.get(ih)
        if tid is not None:
            await self._tally.refresh([tid])

    async def refresh_all(self) -> None:
        await self._tally.refresh(list(self._ih))

    def _apply_winners(self, ih: bytes, peers: frozenset[tuple[str, int]]) -> None:
        self.groups.apply(self._tid.get(ih), ih.hex(), peers)

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        self._tasks.spawn(work)

    # --- the loop -----------------------------------------------------------------------

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        schedule = Schedule(loop.time(), {Job.ROUND: 1.0, Job.CASH: CASH_EVERY,
                                          Job.FLUSH: FLUSH_EVERY})
        while True:
            try:
                await self._step(schedule)
            except asyncio.CancelledError:
                raise
            except BttError as exc:
                log.warning("Speed: %s", exc)
            except Exception:
                log.exception("Speed step failed")
            await asyncio.sleep(self._tick)

    async def _step(self, schedule: Schedule) -> None:
        now = asyncio.get_running_loop().time
        self._map_torrents()
        await self._tally.refresh(self._counted_torrents())
        await self.groups.tick()
        if schedule.due(Job.VAULT, now(), VAULT_EVERY):
            await self._refresh_vault()
        if schedule.due(Job.DISCOVER, now(), DISCOVER_EVERY) and self._server is not None \
                and self.settings.auto_bid:
            await self._discovery.run(self._server, [t for t, _ in self._downloading()])
        await self._update_bids()
        await self.requester.tick()
        if self.provider.round_wanted:  # a bid that would win: award it without waiting
            schedule.bring_forward(Job.ROUND, now(), not_before=EARLY_ROUND_GAP)
        if schedule.due(Job.ROUND, now(), self.settings.round_seconds):
            await self.provider.run_round()
        else:
            await self.provider.check_credit()
        if schedule.due(Job.CASH, now(), CASH_EVERY) and self.settings.cash_threshold > 0:
            await self._cash_automatically()
        if schedule.due(Job.FLUSH, now(), FLUSH_EVERY):
            await asyncio.to_thread(self.requester.ledger.flush)
        if schedule.due(Job.SEED_RULE, now(), SEED_RULE_EVERY):
            await self.seed_rule.apply(self.torrent_earnings(),
                                       self.settings.keep_seeding_per_hour)

    async def _cash_automatically(self) -> None:
        try:
            report = await self.provider.cash_due(self.signer, self.settings.cash_threshold,
                                                  fee_rule=self.settings.fee_rule)
        except ChainError as exc:
            log.warning("Speed cash-out deferred: %s", exc)
            return
        if report.error:
            log.warning("Speed cash-out: %s", report.error)
        if report.paid:
            self._bus.publish(SpeedCashedOut(report.paid))

    def _map_torrents(self) -> None:
        """Know the Speed info-hash of each torrent (the snapshots carry them)."""
        tids = set(self._engine.torrent_ids())
        for tid in [t for t in self._ih if t not in tids]:
            self._tid.pop(self._ih.pop(tid), None)
        for snap in self._engine.snapshots():
            if snap.torrent_id not in self._ih:
                text = snap.info_hash_v1 or snap.info_hash_v2
                if text:
                    self._map(snap.torrent_id, bytes.fromhex(text))

    def _map(self, tid: str, ih: bytes) -> None:
        self._ih[tid], self._tid[ih] = ih, tid

    def _counted_torrents(self) -> list[str]:
        """Torrents whose per-peer bytes matter now: bids or awards on either side (polling
        every torrent's peers several times a second would cost far too much)."""
        requester = {ih for (_, ih), st in self.requester.status.items() if st.awarded}
        return [tid for tid, ih in self._ih.items()
                if ih in requester or self.requester.bid_rate(ih) or self.provider.bids(ih)
                or self.provider.winners(ih)]

    def _downloading(self) -> list[tuple[str, TorrentSnapshot]]:
        return [(snap.torrent_id, snap) for snap in self._engine.snapshots()
                if snap.state == TorrentState.DOWNLOADING and snap.torrent_id in self._ih
                and self.settings.torrent_enabled(snap.torrent_id)]

    async def _update_bids(self) -> None:
        settings = self.settings
        promised = self.requester.ledger.promised()
        spent, rolled = self._budget.spent_today(promised)
        self._spent_today = spent
        if rolled:
            await asyncio.to_thread(self._budget.save)
        outstanding = sum(max(0, p.cheques - self._paid_out.get(p.address, 0))
                          for p in accounts.spending(self.requester.ledger).peers)
        spendable = max(0, (self._vault_balance or 0) - outstanding)
        wanted = {tid: snap for tid, snap in self._downloading()} if settings.auto_bid else {}
        for tid, ih in self._ih.items():
            snap = wanted.get(tid)
            remaining = 0 if snap is None else max(0, snap.total_wanted - snap.total_done)
            if remaining <= MIB:
                # stop buying for the last MiB: the seeder drops a finished peer at once,
                # and a cancel sent while connected lets both sides count the same bytes
                if self.requester.bid_rate(ih):
                    await self.refresh_counters(ih)
                    await self.requester.set_bid(ih, 0)
                continue
            assert snap is not None
            await self.requester.update_auto_bid(ih, BidInputs(
                spending_rate=settings.spending_fraction, spendable=spendable,
                remaining_bytes=remaining,
                max_price_per_gib=settings.max_price_per_gib,
                max_spend_per_day=settings.max_spend_per_day, spent_today=spent,
                download_rate=snap.download_rate))

    async def _refresh_vault(self) -> None:
        vault = self._link.vault
        try:
            self._vault_balance = await vault.balance_of(self.address)
            for peer in accounts.spending(self.requester.ledger).peers:
                if peer.cheques > self._paid_out.get(peer.address, 0):
                    self._paid_out[peer.address] = await vault.paid_out(self.address,
                                                                        peer.address)
        except ChainError as exc:
            log.info("Speed vault not read: %s", exc)
        await self._refresh_cashed()

    async def _refresh_cashed(self) -> None:
        with contextlib.suppress(ChainError):
            for peer in accounts.earnings(self.provider.ledger).peers:
                self._cashed[peer.address] = await self._link.vault.paid_out(
                    peer.address, self.address)


async def vault_status(link: VaultLink, owner: str,
                       ledger: RequesterLedger | None = None) -> VaultStatus:
    """The vault of ``owner`` (and its outstanding cheques, from ``ledger`` if given)."""
    vault = link.vault
    balance = await vault.balance_of(owner)
    announced, ready_at = await vault.withdrawal_of(owner)
    outstanding = 0
    if ledger is not None:
        for peer in accounts.spending(ledger).peers:
            if peer.cheques:
                outstanding += max(0, peer.cheques - await vault.paid_out(owner, peer.address))
    return VaultStatus(owner=owner, balance=balance, announced=announced, ready_at=ready_at,
                       outstanding=outstanding, notice=await vault.notice_period())
