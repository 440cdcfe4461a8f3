"""The admission rules alone: caps, who makes room, and the slots kept for dialling out."""

from __future__ import annotations

from dataclasses import dataclass

from btt_desktop.speed.admission import Admission, Slot, Worth, network_of
from btt_desktop.speed.connection import Limits


@dataclass
class FakeConn:
    peer: object | None = None
    last_useful: float | None = None
    shut_with: str | None = None

    def shut(self, reason: str | None = None) -> None:
        self.shut_with = reason


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def admitted(admission: Admission, ip: str, outgoing: bool = False, *, authed: bool = False,
             useful: float | None = None) -> tuple[Slot, FakeConn]:
    slot = admission.admit(ip, outgoing)
    assert slot is not None, ip
    conn = FakeConn(peer=object() if authed else None, last_useful=useful)
    admission.attach(slot, conn)  # type: ignore[arg-type]
    return slot, conn


def test_networks() -> None:
    assert network_of("192.0.2.77") == "192.0.2.0/24"
    assert network_of("::ffff:192.0.2.77") == "192.0.2.0/24"
    assert network_of("2001:db8:1:2:3:4:5:6") == "2001:db8:1:2::/64"


def test_per_ip_cap_refuses_and_evicts_nobody() -> None:
    admission = Admission(Limits(max_per_ip=2))
    first = [admitted(admission, "10.0.0.1")[1] for _ in range(2)]
    assert admission.admit("10.0.0.1", False) is None
    assert admission.refused == 1 and all(c.shut_with is None for c in first)


def test_network_cap_makes_room_within_the_network() -> None:
    clock = Clock()
    admission = Admission(Limits(max_per_prefix=3, max_per_ip=4), clock)
    conns = []
    for n in range(3):
        clock.now += 1
        conns.append(admitted(admission, f"10.0.0.{n + 1}")[1])
    _, elsewhere = admitted(admission, "10.0.1.1")
    admitted(admission, "10.0.0.9")
    assert conns[0].shut_with is not None  # the oldest of that /24
    assert conns[1].shut_with is None and elsewhere.shut_with is None


def test_order_crowded_network_then_handshaking_then_least_recently_useful() -> None:
    clock = Clock()
    limits = Limits(max_connections=8, outgoing_reserve=0, max_per_ip=4,
                    productive_window=60)
    admission = Admission(limits, clock)
    conns = {}
    for name, ip, authed, useful in [
            ("crowd idle", "10.0.0.1", True, 1500), ("crowd waiting", "10.0.0.2", False, None),
            ("crowd busy", "10.0.0.3", True, 1990), ("crowd idle 2", "10.0.0.4", True, None),
            ("crowd idle 3", "10.0.0.5", True, 1600), ("lone waiting", "10.0.1.1", False, None),
            ("idle never", "10.0.2.3", True, None), ("idle old", "10.0.2.1", True, 1700)]:
        clock.now += 10  # opened at 1010, 1020, ... 1080
        conns[name] = admitted(admission, ip, authed=authed, useful=useful)[1]
    clock.now = 2000.0
    assert admission.worth(admission.slots[2], clock.now) is Worth.PRODUCTIVE
    shut: list[str] = []
    for n in range(4):
        admitted(admission, f"10.9.{n}.1", authed=True, useful=clock.now)
        shut += [name for name, c in conns.items() if c.shut_with and name not in shut]
    # 10.0.0/24 holds the most spare connections: its handshaking one goes first, then
    # its idle ones, least recently useful first (never useful: since it opened); with
    # 10.0.0/24 and 10.0.2/24 even, the least recently useful of both
    assert shut == ["crowd waiting", "crowd idle 2", "idle never", "crowd idle"]
    assert conns["crowd busy"].shut_with is None and conns["lone waiting"].shut_with is None


def test_incoming_connections_leave_the_reserve_to_dialling_out() -> None:
    limits = Limits(max_connections=32, outgoing_reserve=4, max_per_ip=4)
    admission = Admission(limits)
    assert admission.incoming_cap == 28
    assert Admission(Limits(max_connections=16)).incoming_cap == 14  # at most an eighth
    busy = [admitted(admission, f"10.0.{n}.1", authed=True, useful=1e12)[1]
            for n in range(28)]
    assert admission.admit("10.1.0.1", False) is None  # full of useful peers: refused
    outs = [admitted(admission, f"10.2.{n}.1", outgoing=True)[1] for n in range(4)]
    assert all(c.shut_with is None for c in busy + outs)
    assert admission.admit("10.3.0.1", True) is None  # all taken, nobody to evict
    admission.release(admission.slots[0])
    assert admission.admit("10.3.0.1", True) is not None


def test_dialling_out_evicts_an_idle_visitor_never_our_own() -> None:
    limits = Limits(max_connections=4, outgoing_reserve=0, max_per_ip=4)
    admission = Admission(limits)
    _, ours = admitted(admission, "10.0.0.1", outgoing=True, authed=True)
    _, visitors = admitted(admission, "10.0.1.1", authed=True)
    _, busy = admitted(admission, "10.0.2.1", authed=True, useful=1e12)
    _, ours2 = admitted(admission, "10.0.3.1", outgoing=True, authed=True)
    admitted(admission, "10.0.4.1", outgoing=True)
    assert visitors.shut_with is not None
    assert ours.shut_with is None and ours2.shut_with is None and busy.shut_with is None
