"""Who gets a Speed connection slot, and who makes room when there is none.

Caps (all in :class:`~btt_desktop.speed.connection.Limits`): connections per remote IP
(both directions), incoming connections per network (an IPv4 /24, an IPv6 /64: one
party rarely holds more), incoming connections in total (``max_connections`` less the
slots kept for connections we dial), and connections in total.

A newcomer that finds a cap reached takes the slot of an *unproductive* connection that
counts toward that cap, if there is one: first from the network holding the most such
connections, there a connection still handshaking before an idle authenticated one, and
the oldest (least recently useful) first. A peer that exchanged a bid, award, cheque or
other non-ping message within ``Limits.productive_window`` is never evicted. So a crowd of
silent or merely pinging connections cannot keep honest peers out, and floods from
other networks, not the newcomer's, are the ones thinned out. The per-IP cap evicts
nobody: a peer cannot crowd out another on its own address.
"""

from __future__ import annotations

import ipaddress
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from btt_desktop.speed.messages import normal_ip

if TYPE_CHECKING:
    from btt_desktop.speed.connection import Limits, SpeedConnection


class Worth(Enum):
    """What a connection is worth to us, in the order connections make room."""

    HANDSHAKING = 0   # not authenticated yet
    IDLE = 1          # authenticated, nothing but pings within the productive window
    PRODUCTIVE = 2    # bids, awards, cheques lately: never evicted


def network_of(ip: str) -> str:
    """The network an address is capped with: its /24 (IPv4) or /64 (IPv6)."""
    try:
        addr = ipaddress.ip_address(normal_ip(ip))
    except ValueError:
        return ip
    bits = 24 if addr.version == 4 else 64
    return str(ipaddress.ip_network(f"{addr}/{bits}", strict=False))


def _canonical(ip: str) -> str:
    try:
        return normal_ip(ip)
    except ValueError:
        return ip


@dataclass(eq=False)
class Slot:
    """One admitted connection (or an outgoing one being dialled)."""

    ip: str
    network: str
    outgoing: bool
    since: float
    conn: SpeedConnection | None = None
    released: bool = False


class Admission:
    def __init__(self, limits: Limits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._slots: dict[Slot, None] = {}  # insertion order: oldest first
        self._per_ip: Counter[str] = Counter()
        self.refused = 0   # newcomers turned away
        self.evicted = 0   # connections closed to make room

    @property
    def incoming_cap(self) -> int:
        """Incoming connections may hold all slots but those kept for dialling out (at
        most an eighth of them, so a small configured total still takes visitors)."""
        reserve = min(self.limits.outgoing_reserve, self.limits.max_connections // 8)
        return self.limits.max_connections - reserve

    def worth(self, slot: Slot, now: float) -> Worth:
        conn = slot.conn
        if conn is None or conn.peer is None:
            return Worth.HANDSHAKING
        useful = conn.last_useful
        if useful is not None and now - useful <= self.limits.productive_window:
            return Worth.PRODUCTIVE
        return Worth.IDLE

    def admit(self, ip: str, outgoing: bool) -> Slot | None:
        """A slot for a new connection with ``ip``, evicting unproductive connections if
        a cap requires it; None (counted in :attr:`refused`) if no room can be made."""
        ip = _canonical(ip)
        limits = self.limits
        if self._per_ip[ip] >= limits.max_per_ip:
            self.refused += 1
            return None
        network = network_of(ip)
        now = self._clock()
        victims: list[Slot] = []

        def incoming(s: Slot) -> bool:
            return not s.outgoing

        def anyone(s: Slot) -> bool:
            return True

        def neighbour(s: Slot) -> bool:
            return not s.outgoing and s.network == network

        # (what counts toward the cap, the cap, who may make room for it); dialling out
        # makes room among incoming connections only: ours were chosen
        checks: list[tuple[Callable[[Slot], bool], int, Callable[[Slot], bool]]] = [
            (anyone, limits.max_connections, incoming if outgoing else anyone)]
        if not outgoing:
            checks[:0] = [(neighbour, limits.max_per_prefix, neighbour),
                          (incoming, self.incoming_cap, incoming)]
        for counts, cap, evictable in checks:
            if sum(1 for s in self._slots if counts(s) and s not in victims) < cap:
                continue
            victim = self._choose(evictable, victims, now)
            if victim is None:
                self.refused += 1
                return None
            victims.append(victim)
        for victim in victims:
            self._evict(victim)
        slot = Slot(ip=ip, network=network, outgoing=outgoing, since=now)
        self._slots[slot] = None
        self._per_ip[ip] += 1
        return slot

    def _choose(self, evictable: Callable[[Slot], bool], taken: list[Slot],
                now: float) -> Slot | None:
        pool = [s for s in self._slots
                if evictable(s) and s not in taken and s.conn is not None]
        worth = {s: self.worth(s, now) for s in pool}
        spare = [s for s in pool if worth[s] is not Worth.PRODUCTIVE]
        if not spare:
            return None
        crowd = Counter(s.network for s in spare)

        def order(s: Slot) -> tuple[int, int, float]:
            useful = s.conn.last_useful if s.conn is not None else None
            return (-crowd[s.network], worth[s].value, s.since if useful is None else useful)

        return min(spare, key=order)

    def _evict(self, slot: Slot) -> None:
        self.release(slot)
        self.evicted += 1
        if slot.conn is not None:
            slot.conn.shut("the Speed endpoint is full: making room for another peer")

    def attach(self, slot: Slot, conn: SpeedConnection) -> None:
        slot.conn = conn

    @property
    def slots(self) -> list[Slot]:
        return list(self._slots)

    def release(self, slot: Slot) -> None:
        """Free ``slot`` (once; later calls do nothing)."""
        if slot.released:
            return
        slot.released = True
        self._slots.pop(slot, None)
        self._per_ip[slot.ip] -= 1
        if self._per_ip[slot.ip] <= 0:
            del self._per_ip[slot.ip]
