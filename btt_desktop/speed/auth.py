"""The Speed handshake (version 3): ``hello`` both ways, then ``auth``, initiator first.

Each side proves it holds the key of the address in its ``hello`` by signing, with
TIP-191, the digest of the whole transcript::

    keccak256(b"btt-speed-auth-v3" || role || keccak256(initiator hello frame)
              || keccak256(responder hello frame) || seen_ip || ":" || seen_port)

``role`` is ``I`` for the side that dialled and ``R`` for the side that accepted;
``seen`` is what the signer sees at the other end of this TCP connection: the initiator
the address and port it dialled, the responder the address the connection comes from.
Each side checks that the other saw *it*: the responder that it was dialled at one of
its own addresses and its Speed port, the initiator that the connection arrived from
one of its own addresses. A third party that relays the handshake between two honest
peers (dialled by one, dialling the other) is therefore refused by both: each signed
its view of the relay, not of the other peer. The responder signs only after it has
verified the initiator, so a stranger that dials it learns no signature.

"Own addresses" are the local address of the connection and the public addresses the
BitTorrent session learnt (libtorrent's ``external_ip_alert``), so a peer behind NAT
that knows its public address still passes. See docs/speed-protocol.md, "Threat model".
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from btt_desktop.speed.errors import HandshakeError, ProtocolError
from btt_desktop.speed.framing import encode_frame, read_frame
from btt_desktop.speed.messages import (
    NONCE_SIZE,
    PROTOCOL_VERSION,
    Auth,
    ErrorNotice,
    Hello,
    Message,
    decode_message,
    normal_ip,
)
from btt_desktop.speed.signing import Signer, keccak256, recover_signer

AUTH_TAG = b"btt-speed-auth-v3"

OwnAddresses = Callable[[], Iterable[str]]


class Role(Enum):
    INITIATOR = b"I"   # dialled the connection
    RESPONDER = b"R"   # accepted it


@dataclass(frozen=True)
class Endpoint:
    ip: str     # canonical (messages.normal_ip)
    port: int

    @classmethod
    def of(cls, sockaddr: object) -> Endpoint:
        """From an asyncio ``peername``/``sockname`` tuple."""
        if not isinstance(sockaddr, tuple) or len(sockaddr) < 2:
            raise HandshakeError("the connection has no address")
        return cls(normal_ip(str(sockaddr[0])), int(sockaddr[1]))

    def __str__(self) -> str:
        return f"[{self.ip}]:{self.port}" if ":" in self.ip else f"{self.ip}:{self.port}"


def _hello_hash(hello: Hello) -> bytes:
    return keccak256(encode_frame(hello.to_frame()))


def transcript_digest(role: Role, initiator: Hello, responder: Hello,
                      seen: Endpoint) -> bytes:
    return keccak256(AUTH_TAG + role.value + _hello_hash(initiator) + _hello_hash(responder)
                     + f"{seen.ip}:{seen.port}".encode("ascii"))


def make_auth(signer: Signer, role: Role, initiator: Hello, responder: Hello,
              seen: Endpoint) -> Auth:
    digest = transcript_digest(role, initiator, responder, seen)
    return Auth(sig=signer.sign_digest(digest), ip=seen.ip, port=seen.port)


def verify_auth(auth: Auth, role: Role, initiator: Hello, responder: Hello) -> None:
    """Raise :class:`HandshakeError` unless ``auth`` is the ``role`` side's signature of
    this transcript (the signer is that side's hello address)."""
    signer_hello = initiator if role is Role.INITIATOR else responder
    digest = transcript_digest(role, initiator, responder, Endpoint(auth.ip, auth.port))
    if recover_signer(digest, auth.sig) != signer_hello.addr:
        raise HandshakeError("peer failed to prove its address")


def check_hello(mine: Hello, theirs: Hello) -> None:
    if theirs.v != PROTOCOL_VERSION:
        advice = "it must upgrade" if theirs.v < PROTOCOL_VERSION else "this client must upgrade"
        raise HandshakeError(f"peer speaks Speed version {theirs.v}, not {PROTOCOL_VERSION}: "
                             f"{advice}")
    if theirs.net != mine.net:
        raise HandshakeError(f"peer is on network {theirs.net}, not {mine.net}")
    if theirs.vc != mine.vc:
        raise HandshakeError(f"peer pays through vault contract {theirs.vc or 'none'}, "
                             f"not {mine.vc}")
    if theirs.addr == mine.addr:
        raise HandshakeError("connected to ourselves")
    if theirs.nonce == mine.nonce:
        raise HandshakeError("peer replayed our nonce")


def check_seen_me(auth: Auth, role: Role, local: Endpoint, own_ips: Iterable[str]) -> None:
    """Raise :class:`HandshakeError` unless the peer's ``auth`` names us: the responder
    must have been dialled at one of its addresses and at the port it listens on; the
    initiator must be seen at one of its addresses (its source port may be rewritten by
    a NAT, so only the address counts)."""
    mine = {local.ip}
    for ip in own_ips:
        try:
            mine.add(normal_ip(ip))
        except ValueError:
            continue
    if role is Role.RESPONDER:  # we accepted: the initiator says whom it dialled
        if auth.ip not in mine or auth.port != local.port:
            raise HandshakeError(f"peer dialled {Endpoint(auth.ip, auth.port)}, not this "
                                 f"client (a relayed handshake?)")
    elif auth.ip not in mine:
        raise HandshakeError(f"peer sees this connection come from {auth.ip}, not from this "
                             f"client (a relayed handshake?)")


@dataclass(frozen=True)
class PeerIdentity:
    """Who is at the other end of an authenticated Speed connection."""

    addr: str
    net: str
    bt_port: int


def new_hello(signer: Signer, net: str, bt_port: int, vault_contract: str) -> Hello:
    return Hello(v=PROTOCOL_VERSION, addr=signer.address, nonce=os.urandom(NONCE_SIZE), net=net,
                 bt=bt_port, vc=vault_contract)


async def _next_known(reader: asyncio.StreamReader) -> Message:
    while True:
        message = decode_message(await read_frame(reader))
        if message is not None:
            return message


async def _send(writer: asyncio.StreamWriter, message: Message) -> None:
    writer.write(encode_frame(message.to_frame()))
    await writer.drain()


async def _refuse(writer: asyncio.StreamWriter, exc: HandshakeError) -> None:
    await _send(writer, ErrorNotice(str(exc)[:200]))


async def _their_auth(reader: asyncio.StreamReader) -> Auth:
    auth = await _next_known(reader)
    if isinstance(auth, ErrorNotice):
        raise HandshakeError(f"peer refused the handshake: {auth.reason}")
    if not isinstance(auth, Auth):
        raise ProtocolError("expected auth")
    return auth


async def handshake(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, signer: Signer,
                    net: str, bt_port: int, vault_contract: str, *, outgoing: bool,
                    own_ips: OwnAddresses = tuple) -> PeerIdentity:
    """Run the handshake on an open stream; the caller applies the timeout.

    ``outgoing``: we dialled (the initiator). ``own_ips``: our public addresses as far as
    known, besides the connection's local one. Raises :class:`HandshakeError` /
    :class:`ProtocolError`; on a refusal it first sends an ``error`` frame saying why.
    """
    local = Endpoint.of(writer.get_extra_info("sockname"))
    remote = Endpoint.of(writer.get_extra_info("peername"))
    mine = new_hello(signer, net, bt_port, vault_contract)
    await _send(writer, mine)
    theirs = await _next_known(reader)
    if not isinstance(theirs, Hello):
        raise ProtocolError("expected hello")
    try:
        check_hello(mine, theirs)
    except HandshakeError as exc:
        await _refuse(writer, exc)
        raise
    initiator, responder = (mine, theirs) if outgoing else (theirs, mine)
    if outgoing:
        await _send(writer, make_auth(signer, Role.INITIATOR, initiator, responder, remote))
        auth = await _their_auth(reader)
        verify_auth(auth, Role.RESPONDER, initiator, responder)
        check_seen_me(auth, Role.INITIATOR, local, own_ips())
    else:
        auth = await _their_auth(reader)
        try:
            verify_auth(auth, Role.INITIATOR, initiator, responder)
            check_seen_me(auth, Role.RESPONDER, local, own_ips())
        except HandshakeError as exc:
            await _refuse(writer, exc)
            raise
        await _send(writer, make_auth(signer, Role.RESPONDER, initiator, responder, remote))
    return PeerIdentity(addr=theirs.addr, net=theirs.net, bt_port=theirs.bt)
