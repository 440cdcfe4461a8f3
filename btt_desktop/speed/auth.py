"""The Speed handshake: ``hello`` both ways, then ``auth`` both ways.

Each side proves it holds the key of the address in its ``hello`` by signing
``keccak256(b"btt-speed-auth-v1" || their_nonce || my_nonce || my_addr)`` (``my_addr``
as its 34 ASCII characters) with TIP-191. The peers must be on the same network.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass

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
)
from btt_desktop.speed.signing import Signer, keccak256, recover_signer

AUTH_TAG = b"btt-speed-auth-v1"


def auth_digest(their_nonce: bytes, my_nonce: bytes, my_addr: str) -> bytes:
    if len(their_nonce) != NONCE_SIZE or len(my_nonce) != NONCE_SIZE:
        raise ValueError("nonces must be 32 bytes")
    return keccak256(AUTH_TAG + their_nonce + my_nonce + my_addr.encode("ascii"))


def make_auth(signer: Signer, mine: Hello, theirs: Hello) -> Auth:
    return Auth(sig=signer.sign_digest(auth_digest(theirs.nonce, mine.nonce, signer.address)))


def verify_auth(auth: Auth, mine: Hello, theirs: Hello) -> None:
    """Raise :class:`HandshakeError` unless ``auth`` proves ``theirs.addr``."""
    digest = auth_digest(mine.nonce, theirs.nonce, theirs.addr)
    if recover_signer(digest, auth.sig) != theirs.addr:
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


async def handshake(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, signer: Signer,
                    net: str, bt_port: int, vault_contract: str) -> PeerIdentity:
    """Run the handshake on an open stream; the caller applies the timeout.

    Raises :class:`HandshakeError` / :class:`ProtocolError`; on a handshake refusal it
    first sends an ``error`` frame saying why.
    """
    mine = new_hello(signer, net, bt_port, vault_contract)
    writer.write(encode_frame(mine.to_frame()))
    await writer.drain()
    theirs = await _next_known(reader)
    if not isinstance(theirs, Hello):
        raise ProtocolError("expected hello")
    try:
        check_hello(mine, theirs)
    except HandshakeError as exc:
        writer.write(encode_frame(ErrorNotice(str(exc)[:200]).to_frame()))
        await writer.drain()
        raise
    writer.write(encode_frame(make_auth(signer, mine, theirs).to_frame()))
    await writer.drain()
    auth = await _next_known(reader)
    if isinstance(auth, ErrorNotice):
        raise HandshakeError(f"peer refused the handshake: {auth.reason}")
    if not isinstance(auth, Auth):
        raise ProtocolError("expected auth")
    verify_auth(auth, mine, theirs)
    return PeerIdentity(addr=theirs.addr, net=theirs.net, bt_port=theirs.bt)
