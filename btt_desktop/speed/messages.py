"""Typed Speed messages and their strict frame encoding.

Every message is a frozen dataclass with a ``T`` (the frame's ``t`` value).
:func:`decode_message` turns a frame into a message, raising :class:`ProtocolError`
for a known type with a missing or mistyped field, and returning ``None`` for an
unknown type (which the protocol ignores). Extra keys in a known message are ignored
so later versions can add optional fields.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, fields
from typing import ClassVar, TypeAlias

import base58

from btt_desktop.speed.errors import ProtocolError
from btt_desktop.speed.framing import Frame

# 2: cheques are TIP-712 typed data; hello names the vault contract. 3: the auth binds
# the whole transcript, the role and the endpoint each side sees (no relaying)
PROTOCOL_VERSION = 3
MAX_AMOUNT = 2**128 - 1  # BTT base units: far above all BTT that exists (~1e30)
MAX_TIME = 2**40  # unix seconds
MAX_REASON = 200
NONCE_SIZE = 32
SIGNATURE_SIZE = 65
INFO_HASH_SIZES = (20, 32)
_NET_RE = re.compile(r"^(mainnet|nile|devnet:[0-9A-Za-z_-]{1,64})$")


def is_tron_address(text: str) -> bool:
    """True for a base58check TRON address (34 characters, 0x41 prefix, good checksum)."""
    if not isinstance(text, str) or len(text) != 34 or not text.startswith("T"):
        return False
    try:
        raw = base58.b58decode_check(text)
    except ValueError:
        return False
    return len(raw) == 21 and raw[0] == 0x41


def is_network_id(text: str) -> bool:
    return isinstance(text, str) and _NET_RE.match(text) is not None


def _need(frame: Frame, key: str) -> object:
    value = frame.get(key.encode())
    if value is None:
        raise ProtocolError(f"{_kind(frame)}: missing field {key!r}")
    return value


def _kind(frame: Frame) -> str:
    kind = frame.get(b"t")
    return kind.decode("ascii", "replace") if isinstance(kind, bytes) else "?"


def _int(frame: Frame, key: str, lo: int, hi: int) -> int:
    value = _need(frame, key)
    if not isinstance(value, int) or not lo <= value <= hi:
        raise ProtocolError(f"{_kind(frame)}: field {key!r} must be an integer in [{lo}, {hi}]")
    return value


def _bytes(frame: Frame, key: str, sizes: tuple[int, ...]) -> bytes:
    value = _need(frame, key)
    if not isinstance(value, bytes) or len(value) not in sizes:
        wanted = " or ".join(str(s) for s in sizes)
        raise ProtocolError(f"{_kind(frame)}: field {key!r} must be {wanted} bytes")
    return value


def _text(frame: Frame, key: str, max_len: int) -> str:
    value = _need(frame, key)
    if not isinstance(value, bytes) or len(value) > max_len:
        raise ProtocolError(f"{_kind(frame)}: field {key!r} must be text of at most {max_len}")
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(f"{_kind(frame)}: field {key!r} is not UTF-8") from None


def _addr(frame: Frame, key: str) -> str:
    value = _need(frame, key)
    text = value.decode("ascii", "replace") if isinstance(value, bytes) else ""
    if not is_tron_address(text):
        raise ProtocolError(f"{_kind(frame)}: field {key!r} is not a TRON address")
    return text


def _net(frame: Frame, key: str) -> str:
    text = _text(frame, key, 80)
    if not is_network_id(text):
        raise ProtocolError(f"{_kind(frame)}: field {key!r} is not a network id")
    return text


def _check_ih(ih: bytes) -> None:
    if len(ih) not in INFO_HASH_SIZES:
        raise ValueError("info-hash must be 20 or 32 bytes")


def _check_amount(name: str, value: int) -> None:
    if isinstance(value, bool) or not 0 <= value <= MAX_AMOUNT:
        raise ValueError(f"{name} out of range")


def _check_time(name: str, value: int) -> None:
    if isinstance(value, bool) or not 0 <= value <= MAX_TIME:
        raise ValueError(f"{name} out of range")


def _check_addr(name: str, value: str) -> None:
    if not is_tron_address(value):
        raise ValueError(f"{name} is not a TRON address")


@dataclass(frozen=True)
class Hello:
    """``vc`` is the vault contract the sender pays and is paid through (version 2; a
    version 1 peer sends none, which decodes as "" so it can be told to upgrade)."""

    T: ClassVar[bytes] = b"hello"
    v: int
    addr: str
    nonce: bytes
    net: str
    bt: int
    vc: str = ""

    def __post_init__(self) -> None:
        _check_addr("addr", self.addr)
        if self.vc:
            _check_addr("vc", self.vc)
        if len(self.nonce) != NONCE_SIZE:
            raise ValueError("nonce must be 32 bytes")
        if not is_network_id(self.net):
            raise ValueError("bad network id")
        if not 0 <= self.v <= 0xFFFF or not 1 <= self.bt <= 0xFFFF:
            raise ValueError("version or port out of range")

    def to_frame(self) -> Frame:
        frame: Frame = {b"t": self.T, b"v": self.v, b"addr": self.addr.encode(),
                        b"nonce": self.nonce, b"net": self.net.encode(), b"bt": self.bt}
        if self.vc:
            frame[b"vc"] = self.vc.encode()
        return frame

    @classmethod
    def from_frame(cls, f: Frame) -> Hello:
        return cls(v=_int(f, "v", 0, 0xFFFF), addr=_addr(f, "addr"),
                   nonce=_bytes(f, "nonce", (NONCE_SIZE,)), net=_net(f, "net"),
                   bt=_int(f, "bt", 1, 0xFFFF), vc=_addr(f, "vc") if b"vc" in f else "")


def normal_ip(text: str) -> str:
    """``text`` as one canonical IP string (an IPv4-mapped IPv6 address as IPv4);
    ValueError if it is not an IP address."""
    ip = ipaddress.ip_address(text)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return str(ip)


@dataclass(frozen=True)
class Auth:
    """The signature over the handshake transcript, and the endpoint the signer sees at
    the other end (``ip``, ``port``): for the initiator the address it dialled, for the
    responder the address the connection comes from (version 3)."""

    T: ClassVar[bytes] = b"auth"
    sig: bytes
    ip: str
    port: int

    def __post_init__(self) -> None:
        if len(self.sig) != SIGNATURE_SIZE:
            raise ValueError("signature must be 65 bytes")
        if normal_ip(self.ip) != self.ip or not 0 <= self.port <= 0xFFFF:
            raise ValueError("the endpoint seen must be a canonical IP address and a port")

    def to_frame(self) -> Frame:
        return {b"t": self.T, b"sig": self.sig, b"ip": self.ip.encode(), b"port": self.port}

    @classmethod
    def from_frame(cls, f: Frame) -> Auth:
        ip = _text(f, "ip", 45)
        try:
            canonical = normal_ip(ip)
        except ValueError:
            raise ProtocolError("auth: field 'ip' is not an IP address") from None
        if canonical != ip:
            raise ProtocolError("auth: field 'ip' is not written canonically")
        return cls(sig=_bytes(f, "sig", (SIGNATURE_SIZE,)), ip=ip,
                   port=_int(f, "port", 0, 0xFFFF))


@dataclass(frozen=True)
class Bid:
    """An offer of ``rate`` BTT base units per MiB for torrent ``ih``, paid from ``vault``."""

    T: ClassVar[bytes] = b"bid"
    ih: bytes
    rate: int
    vault: str
    exp: int

    def __post_init__(self) -> None:
        _check_ih(self.ih)
        _check_amount("rate", self.rate)
        _check_addr("vault", self.vault)
        _check_time("exp", self.exp)

    def to_frame(self) -> Frame:
        return {b"t": self.T, b"ih": self.ih, b"rate": self.rate, b"vault": self.vault.encode(),
                b"exp": self.exp}

    @classmethod
    def from_frame(cls, f: Frame) -> Bid:
        return cls(ih=_bytes(f, "ih", INFO_HASH_SIZES), rate=_int(f, "rate", 0, MAX_AMOUNT),
                   vault=_addr(f, "vault"), exp=_int(f, "exp", 0, MAX_TIME))


@dataclass(frozen=True)
class Cancel:
    T: ClassVar[bytes] = b"cancel"
    ih: bytes

    def __post_init__(self) -> None:
        _check_ih(self.ih)

    def to_frame(self) -> Frame:
        return {b"t": self.T, b"ih": self.ih}

    @classmethod
    def from_frame(cls, f: Frame) -> Cancel:
        return cls(ih=_bytes(f, "ih", INFO_HASH_SIZES))


@dataclass(frozen=True)
class Award:
    """The bidder won a slot for ``ih`` at ``price`` per MiB until ``until``."""

    T: ClassVar[bytes] = b"award"
    ih: bytes
    price: int
    until: int
    credit: int

    def __post_init__(self) -> None:
        _check_ih(self.ih)
        _check_amount("price", self.price)
        _check_time("until", self.until)
        _check_amount("credit", self.credit)

    def to_frame(self) -> Frame:
        return {b"t": self.T, b"ih": self.ih, b"price": self.price, b"until": self.until,
                b"credit": self.credit}

    @classmethod
    def from_frame(cls, f: Frame) -> Award:
        return cls(ih=_bytes(f, "ih", INFO_HASH_SIZES), price=_int(f, "price", 0, MAX_AMOUNT),
                   until=_int(f, "until", 0, MAX_TIME), credit=_int(f, "credit", 0, MAX_AMOUNT))


@dataclass(frozen=True)
class Outbid:
    T: ClassVar[bytes] = b"outbid"
    ih: bytes
    price: int

    def __post_init__(self) -> None:
        _check_ih(self.ih)
        _check_amount("price", self.price)

    def to_frame(self) -> Frame:
        return {b"t": self.T, b"ih": self.ih, b"price": self.price}

    @classmethod
    def from_frame(cls, f: Frame) -> Outbid:
        return cls(ih=_bytes(f, "ih", INFO_HASH_SIZES), price=_int(f, "price", 0, MAX_AMOUNT))


@dataclass(frozen=True)
class ChequeMsg:
    """A cumulative promise: ``vault`` owes ``to`` a total of ``cum`` base units."""

    T: ClassVar[bytes] = b"cheque"
    vault: str
    to: str
    cum: int
    sig: bytes

    def __post_init__(self) -> None:
        _check_addr("vault", self.vault)
        _check_addr("to", self.to)
        _check_amount("cum", self.cum)
        if len(self.sig) != SIGNATURE_SIZE:
            raise ValueError("signature must be 65 bytes")

    def to_frame(self) -> Frame:
        return {b"t": self.T, b"vault": self.vault.encode(), b"to": self.to.encode(),
                b"cum": self.cum, b"sig": self.sig}

    @classmethod
    def from_frame(cls, f: Frame) -> ChequeMsg:
        return cls(vault=_addr(f, "vault"), to=_addr(f, "to"), cum=_int(f, "cum", 0, MAX_AMOUNT),
                   sig=_bytes(f, "sig", (SIGNATURE_SIZE,)))


@dataclass(frozen=True)
class Demote:
    """The provider stopped serving ``ih`` first for this peer, and says why."""

    T: ClassVar[bytes] = b"demote"
    ih: bytes
    reason: str

    def __post_init__(self) -> None:
        _check_ih(self.ih)
        if len(self.reason.encode()) > MAX_REASON:
            raise ValueError("reason too long")

    def to_frame(self) -> Frame:
        return {b"t": self.T, b"ih": self.ih, b"reason": self.reason.encode()}

    @classmethod
    def from_frame(cls, f: Frame) -> Demote:
        return cls(ih=_bytes(f, "ih", INFO_HASH_SIZES), reason=_text(f, "reason", MAX_REASON))


@dataclass(frozen=True)
class ErrorNotice:
    """Sent just before closing a connection on purpose."""

    T: ClassVar[bytes] = b"error"
    reason: str

    def __post_init__(self) -> None:
        if len(self.reason.encode()) > MAX_REASON:
            raise ValueError("reason too long")

    def to_frame(self) -> Frame:
        return {b"t": self.T, b"reason": self.reason.encode()}

    @classmethod
    def from_frame(cls, f: Frame) -> ErrorNotice:
        return cls(reason=_text(f, "reason", MAX_REASON))


@dataclass(frozen=True)
class Ping:
    """Keeps an idle connection open."""

    T: ClassVar[bytes] = b"ping"

    def to_frame(self) -> Frame:
        return {b"t": self.T}

    @classmethod
    def from_frame(cls, f: Frame) -> Ping:
        return cls()


Message: TypeAlias = (
    Hello | Auth | Bid | Cancel | Award | Outbid | ChequeMsg | Demote | ErrorNotice | Ping)
MESSAGE_TYPES: tuple[type[Message], ...] = (
    Hello, Auth, Bid, Cancel, Award, Outbid, ChequeMsg, Demote, ErrorNotice, Ping)
_BY_TYPE: dict[bytes, type[Message]] = {cls.T: cls for cls in MESSAGE_TYPES}


def decode_message(frame: Frame) -> Message | None:
    """The typed message in ``frame``; ``None`` when its ``t`` is unknown."""
    kind = frame.get(b"t")
    cls = _BY_TYPE.get(kind) if isinstance(kind, bytes) else None
    if cls is None:
        return None
    return cls.from_frame(frame)


def field_names(cls: type[Message]) -> list[str]:
    return [f.name for f in fields(cls)]
