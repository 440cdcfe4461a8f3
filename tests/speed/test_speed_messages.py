from __future__ import annotations

import pytest

from btt_desktop.speed.errors import ProtocolError
from btt_desktop.speed.framing import Frame, FrameBuffer, encode_frame
from btt_desktop.speed.messages import (
    MAX_AMOUNT,
    Auth,
    Award,
    Bid,
    Cancel,
    ChequeMsg,
    Demote,
    ErrorNotice,
    Hello,
    Outbid,
    Ping,
    decode_message,
    is_tron_address,
)
from tests.speed.speed_keys import NET, VAULT, VAULT_CONTRACT, address

IH1 = bytes(range(20))
IH2 = bytes(range(32))
SAMPLES = [
    Hello(v=2, addr=address(1), nonce=b"\x07" * 32, net=NET, bt=6881, vc=VAULT_CONTRACT),
    Hello(v=2, addr=address(2), nonce=b"\x00" * 32, net="mainnet", bt=65535, vc=address(3)),
    Hello(v=1, addr=address(2), nonce=b"\x00" * 32, net="nile", bt=1),  # a v1 peer: no vc
    Auth(sig=b"\x01" * 65, ip="192.0.2.7", port=7001),
    Auth(sig=b"\x01" * 65, ip="2001:db8::7", port=0),
    Bid(ih=IH1, rate=10**18, vault=VAULT, exp=1_900_000_000),
    Bid(ih=IH2, rate=0, vault=VAULT, exp=0),
    Cancel(ih=IH2),
    Award(ih=IH1, price=MAX_AMOUNT, until=1_900_000_010, credit=4 * 10**18),
    Outbid(ih=IH1, price=5),
    ChequeMsg(vault=VAULT, to=address(3), cum=123456789, sig=b"\x02" * 65),
    Demote(ih=IH1, reason="credit exceeded: 2 MiB unpaid"),
    ErrorNotice(reason="wrong network ☂"),
    Ping(),
]


@pytest.mark.parametrize("message", SAMPLES, ids=lambda m: type(m).__name__)
def test_round_trip_through_the_wire(message: object) -> None:
    wire = encode_frame(message.to_frame())  # type: ignore[attr-defined]
    [frame] = FrameBuffer().feed(wire)
    assert decode_message(frame) == message


def test_unknown_type_is_ignored_and_extra_keys_allowed() -> None:
    assert decode_message({b"t": b"future-thing", b"x": 1}) is None
    frame = Cancel(ih=IH1).to_frame() | {b"zz-new-optional": b"ok"}
    assert decode_message(frame) == Cancel(ih=IH1)


def _bid(**changes: object) -> dict[bytes, object]:
    frame: dict[bytes, object] = dict(Bid(ih=IH1, rate=5, vault=VAULT, exp=10).to_frame())
    for key, value in changes.items():
        if value is None:
            del frame[key.encode()]
        else:
            frame[key.encode()] = value
    return frame


@pytest.mark.parametrize("changes", [
    {"ih": bytes(19)}, {"ih": bytes(21)}, {"ih": bytes(33)}, {"ih": 5}, {"ih": None},
    {"rate": -1}, {"rate": MAX_AMOUNT + 1}, {"rate": b"5"}, {"rate": None},
    {"vault": b"T" + b"1" * 33}, {"vault": VAULT[:-1].encode() + b"x"},  # checksum
    {"vault": VAULT.encode().lower()}, {"vault": 7}, {"vault": None},
    {"exp": -5}, {"exp": 2**41}, {"exp": [1]},
], ids=str)
def test_bid_wrong_fields_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ProtocolError):
        decode_message(_bid(**changes))  # type: ignore[arg-type]


@pytest.mark.parametrize("frame", [
    {b"t": b"hello", b"v": 1, b"addr": address(1).encode(), b"nonce": b"x" * 31, b"net": b"nile",
     b"bt": 1},
    {b"t": b"hello", b"v": 1, b"addr": address(1).encode(), b"nonce": b"x" * 32,
     b"net": b"otherchain", b"bt": 1},
    {b"t": b"hello", b"v": 1, b"addr": address(1).encode(), b"nonce": b"x" * 32, b"net": b"nile",
     b"bt": 0},
    {b"t": b"hello", b"v": 2, b"addr": address(1).encode(), b"nonce": b"x" * 32, b"net": b"nile",
     b"bt": 1, b"vc": b"not-an-address"},
    {b"t": b"hello", b"v": 2, b"addr": address(1).encode(), b"nonce": b"x" * 32, b"net": b"nile",
     b"bt": 1, b"vc": 5},
    {b"t": b"auth", b"sig": b"x" * 64, b"ip": b"192.0.2.7", b"port": 1},
    {b"t": b"auth", b"sig": b"x" * 65},                                  # version 2: no ip
    {b"t": b"auth", b"sig": b"x" * 65, b"ip": b"example.org", b"port": 1},
    {b"t": b"auth", b"sig": b"x" * 65, b"ip": b"::ffff:192.0.2.7", b"port": 1},  # not canonical
    {b"t": b"auth", b"sig": b"x" * 65, b"ip": b"192.0.2.7", b"port": 65536},
    {b"t": b"cheque", b"vault": VAULT.encode(), b"to": address(2).encode(), b"cum": -1,
     b"sig": b"x" * 65},
    {b"t": b"demote", b"ih": IH1, b"reason": b"\xff\xfe"},
    {b"t": b"error", b"reason": b"x" * 201},
])
def test_other_wrong_fields_refused(frame: dict[bytes, object]) -> None:
    with pytest.raises(ProtocolError):
        decode_message(frame)  # type: ignore[arg-type]


def test_address_check() -> None:
    assert is_tron_address("TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH")
    assert not is_tron_address("TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdJ")  # checksum
    assert not is_tron_address("1BoatSLRHtKNngkdXEeobR76b53LETtpyT")  # bitcoin
    assert not is_tron_address("")


def test_constructors_refuse_bad_values() -> None:
    with pytest.raises(ValueError):
        Bid(ih=IH1, rate=-1, vault=VAULT, exp=1)
    with pytest.raises(ValueError):
        Auth(sig=bytes(65), ip="::ffff:192.0.2.7", port=1)
    with pytest.raises(ValueError):
        ChequeMsg(vault="nope", to=address(1), cum=1, sig=bytes(65))


def test_hello_carries_the_vault_contract_only_when_set() -> None:
    v2 = Hello(v=2, addr=address(1), nonce=bytes(32), net=NET, bt=1, vc=VAULT_CONTRACT)
    assert v2.to_frame()[b"vc"] == VAULT_CONTRACT.encode()
    v1_frame: Frame = {b"t": b"hello", b"v": 1, b"addr": address(1).encode(), b"nonce": bytes(32),
                       b"net": NET.encode(), b"bt": 1}
    old = decode_message(v1_frame)  # what a version 1 peer sends decodes, to be refused
    assert isinstance(old, Hello) and old.v == 1 and old.vc == ""
    assert b"vc" not in old.to_frame()
    with pytest.raises(ValueError):
        Hello(v=2, addr=address(1), nonce=bytes(32), net=NET, bt=1, vc="Tnope")
