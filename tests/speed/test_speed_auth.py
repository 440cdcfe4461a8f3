"""The Speed handshake (version 3): hello both ways, then auth, the initiator first.

Peers must agree on the protocol version, the network and the vault contract (``vc``);
a peer that does not is refused before any signature is exchanged, told why in one line.
Each auth signs the whole transcript (both hellos), the role and the endpoint its signer
sees, so a handshake relayed by a third party is refused by both honest ends.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from eth_hash.auto import keccak

from btt_desktop.speed.auth import (
    Endpoint,
    PeerIdentity,
    Role,
    check_hello,
    check_seen_me,
    handshake,
    make_auth,
    new_hello,
    transcript_digest,
    verify_auth,
)
from btt_desktop.speed.errors import HandshakeError, ProtocolError
from btt_desktop.speed.framing import Frame, encode_frame, read_frame
from btt_desktop.speed.messages import PROTOCOL_VERSION, Auth, ErrorNotice, Hello, decode_message
from btt_desktop.speed.server import SpeedServer
from tests.speed.speed_endpoint import RecordingHandler
from tests.speed.speed_keys import (
    NET,
    OTHER_CONTRACT,
    VAULT_CONTRACT,
    KeySigner,
    address,
    signer,
)

VC = VAULT_CONTRACT
V1_REFUSAL = "peer speaks Speed version 1, not 3: it must upgrade"
V2_REFUSAL = "peer speaks Speed version 2, not 3: it must upgrade"
HERE = Endpoint("127.0.0.5", 7001)
# docs/speed-protocol.md's worked example: keys 1 and 2 of speed_keys, network devnet:test
VECTOR_DIGEST = "eda8b66884166b1a73bc353b28f32765a1248781930175a6bda577352235fad5"
VECTOR_PREFIXED = "2e65ac1222ff38a621bb32613a0d1efa3ecc419f3b6673fc70f475b2f7c4f813"
VECTOR_SIGNATURE = ("4c8256aaecc323d753e945923b191b26385175b78f6369a4b02474ebc033e460"
                    "1eb1a22d3315d9ea7c0d6cf8e304b61f94511ef897b560333bfb129c541e4bbc1c")


def hello(n: int, *, v: int = PROTOCOL_VERSION, net: str = NET, vc: str = VC,
          nonce: bytes = bytes(32), bt: int = 1) -> Hello:
    return Hello(v=v, addr=address(n), nonce=nonce, net=net, bt=bt, vc=vc)


def test_auth_round_trip_and_digest_layout() -> None:
    a, b = signer(1), signer(2)
    ha, hb = new_hello(a, NET, 6881, VC), new_hello(b, NET, 6882, VC)
    assert ha.v == hb.v == PROTOCOL_VERSION == 3 and ha.vc == VC
    seen_by_a, seen_by_b = Endpoint("10.0.0.2", 7000), Endpoint("10.0.0.1", 51000)
    verify_auth(make_auth(a, Role.INITIATOR, ha, hb, seen_by_a), Role.INITIATOR, ha, hb)
    verify_auth(make_auth(b, Role.RESPONDER, ha, hb, seen_by_b), Role.RESPONDER, ha, hb)
    assert transcript_digest(Role.INITIATOR, ha, hb, seen_by_a) == keccak(
        b"btt-speed-auth-v3" + b"I" + keccak(encode_frame(ha.to_frame()))
        + keccak(encode_frame(hb.to_frame())) + b"10.0.0.2:7000")


def test_a_signature_holds_for_one_transcript_role_and_endpoint_only() -> None:
    a, b, mallory = signer(1), signer(2), signer(3)
    ha, hb = new_hello(a, NET, 1, VC), new_hello(b, NET, 2, VC)
    good = make_auth(a, Role.INITIATOR, ha, hb, HERE)
    # mallory claims to be a
    claimed = Hello(PROTOCOL_VERSION, a.address, ha.nonce, NET, 1, VC)
    with pytest.raises(HandshakeError):
        verify_auth(make_auth(mallory, Role.INITIATOR, claimed, hb, HERE), Role.INITIATOR,
                    claimed, hb)
    # a's auth from an earlier session (another hello from b) does not verify now
    with pytest.raises(HandshakeError):
        verify_auth(make_auth(a, Role.INITIATOR, ha, new_hello(b, NET, 2, VC), HERE),
                    Role.INITIATOR, ha, hb)
    # the initiator's signature is no responder's, and the endpoint seen is signed
    with pytest.raises(HandshakeError):
        verify_auth(good, Role.RESPONDER, hb, ha)
    with pytest.raises(HandshakeError):
        verify_auth(Auth(sig=good.sig, ip="127.0.0.6", port=HERE.port), Role.INITIATOR, ha, hb)
    with pytest.raises(HandshakeError):  # another port of ours is another endpoint
        verify_auth(Auth(sig=good.sig, ip=HERE.ip, port=HERE.port + 1), Role.INITIATOR, ha, hb)


def test_each_side_checks_the_other_saw_it() -> None:
    dialled = Auth(sig=bytes(65), ip="127.0.0.9", port=7001)
    with pytest.raises(HandshakeError) as info:
        check_seen_me(dialled, Role.RESPONDER, HERE, ())
    assert str(info.value) == ("peer dialled 127.0.0.9:7001, not this client (a relayed "
                               "handshake?)")
    check_seen_me(dialled, Role.RESPONDER, HERE, ("127.0.0.9",))  # our public address
    with pytest.raises(HandshakeError):  # the right address at another port
        check_seen_me(Auth(sig=bytes(65), ip=HERE.ip, port=9), Role.RESPONDER, HERE, ())
    check_seen_me(Auth(sig=bytes(65), ip=HERE.ip, port=HERE.port), Role.RESPONDER, HERE, ())
    # the initiator: only the address counts (a NAT rewrites the source port)
    check_seen_me(Auth(sig=bytes(65), ip=HERE.ip, port=1), Role.INITIATOR, HERE, ())
    check_seen_me(Auth(sig=bytes(65), ip="203.0.113.7", port=1), Role.INITIATOR, HERE,
                  ("::ffff:203.0.113.7",))
    with pytest.raises(HandshakeError) as info:
        check_seen_me(Auth(sig=bytes(65), ip="127.0.0.9", port=1), Role.INITIATOR, HERE,
                      ("not an address",))
    assert str(info.value) == ("peer sees this connection come from 127.0.0.9, not from "
                               "this client (a relayed handshake?)")


def test_check_hello() -> None:
    mine = new_hello(signer(1), NET, 1, VC)
    check_hello(mine, new_hello(signer(2), NET, 1, VC))
    with pytest.raises(HandshakeError, match="network"):
        check_hello(mine, new_hello(signer(2), "mainnet", 1, VC))
    with pytest.raises(HandshakeError, match="ourselves"):
        check_hello(mine, new_hello(signer(1), NET, 1, VC))
    with pytest.raises(HandshakeError, match="replayed our nonce"):
        check_hello(mine, hello(2, nonce=mine.nonce))


@pytest.mark.parametrize(("theirs", "reason"), [
    (hello(2, v=1, vc=""), V1_REFUSAL),           # a version 1 client: no vc at all
    (hello(2, v=1), V1_REFUSAL),                  # even one naming our contract
    (hello(2, v=2), V2_REFUSAL),                  # version 2: no transcript binding
    (hello(2, v=4), "peer speaks Speed version 4, not 3: this client must upgrade"),
    (hello(2, vc=OTHER_CONTRACT),
     f"peer pays through vault contract {OTHER_CONTRACT}, not {VAULT_CONTRACT}"),
    (hello(2, vc=""), f"peer pays through vault contract none, not {VAULT_CONTRACT}"),
])
def test_check_hello_version_and_vault_contract(theirs: Hello, reason: str) -> None:
    mine = new_hello(signer(1), NET, 1, VC)
    with pytest.raises(HandshakeError) as info:
        check_hello(mine, theirs)
    assert str(info.value) == reason


ClientSide = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[Any]]


async def _pair(loopback: str, server_signer: KeySigner, server_net: str,
                client_side: ClientSide, server_vc: str = VC
                ) -> tuple[PeerIdentity | BaseException, Any]:
    result: list[PeerIdentity | BaseException] = []
    done = asyncio.Event()

    async def serve(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        try:
            result.append(await handshake(r, w, server_signer, server_net, 6881, server_vc,
                                          outgoing=False))
        except Exception as exc:
            result.append(exc)
        finally:
            w.close()
            done.set()

    server = await asyncio.start_server(serve, loopback, 0)
    port = server.sockets[0].getsockname()[1]
    try:
        reader, writer = await asyncio.open_connection(loopback, port)
        client_result = await client_side(reader, writer)
        writer.close()
        await asyncio.wait_for(done.wait(), 10)
    finally:
        server.close()
        await server.wait_closed()
    return result[0], client_result


@pytest.mark.timeout(20)
async def test_tcp_handshake_succeeds(loopback: str) -> None:
    async def client(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> PeerIdentity:
        return await handshake(r, w, signer(2), NET, 7000, VC, outgoing=True)

    server_view, client_view = await _pair(loopback, signer(1), NET, client)
    assert server_view == PeerIdentity(addr=address(2), net=NET, bt_port=7000)
    assert client_view == PeerIdentity(addr=address(1), net=NET, bt_port=6881)


@pytest.mark.timeout(20)
async def test_tcp_handshake_wrong_network_refused_with_reason(loopback: str) -> None:
    async def client(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> BaseException:
        with pytest.raises(HandshakeError) as info:
            await handshake(r, w, signer(2), "nile", 7000, VC, outgoing=True)
        return info.value

    server_view, client_error = await _pair(loopback, signer(1), NET, client)
    assert isinstance(server_view, HandshakeError) and "network" in str(server_view)
    assert "network" in str(client_error)


@pytest.mark.timeout(20)
async def test_tcp_handshake_other_vault_contract_refused_with_one_line(loopback: str) -> None:
    """Both sides refuse at the hellos: neither signs an auth for a peer paying elsewhere."""
    async def client(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> BaseException:
        with pytest.raises(HandshakeError) as info:
            await handshake(r, w, signer(2), NET, 7000, OTHER_CONTRACT, outgoing=True)
        return info.value

    server_view, client_error = await _pair(loopback, signer(1), NET, client)
    assert isinstance(server_view, HandshakeError)
    assert str(server_view) == (f"peer pays through vault contract {OTHER_CONTRACT}, "
                                f"not {VAULT_CONTRACT}")
    assert str(client_error) == (f"peer pays through vault contract {VAULT_CONTRACT}, "
                                 f"not {OTHER_CONTRACT}")


@pytest.mark.timeout(20)
async def test_tcp_handshake_version_1_peer_told_to_upgrade(loopback: str) -> None:
    """A version 1 client (its hello has v=1 and no vc) gets an ``error`` frame saying
    why, in one line, instead of an auth; the server's handshake fails with that line."""
    old = signer(2)

    async def client(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> list[object]:
        mine: Frame = {b"t": b"hello", b"v": 1, b"addr": old.address.encode(),
                       b"nonce": b"\x05" * 32, b"net": NET.encode(), b"bt": 7000}
        w.write(encode_frame(mine))
        await w.drain()
        got: list[object] = [decode_message(await read_frame(r)),
                             decode_message(await read_frame(r))]
        assert await r.read() == b""  # then the server closes
        return got

    server_view, (theirs, notice) = await _pair(loopback, signer(1), NET, client)
    assert isinstance(theirs, Hello) and theirs.v == 3 and theirs.vc == VC
    assert notice == ErrorNotice(reason=V1_REFUSAL)
    assert isinstance(server_view, HandshakeError) and str(server_view) == V1_REFUSAL


@pytest.mark.timeout(20)
async def test_tcp_handshake_forged_signature_refused_and_nothing_signed_back(
        loopback: str) -> None:
    """A client claiming address 5 but holding key 6 is refused by the server, which
    answers with an error, never with an auth of its own (it verifies before it signs)."""
    claimed, actual = signer(5), signer(6)

    async def client(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> list[object]:
        mine = new_hello(claimed, NET, 7000, VC)
        w.write(encode_frame(mine.to_frame()))
        theirs = decode_message(await read_frame(r))
        assert isinstance(theirs, Hello)
        dialled = Endpoint.of(w.get_extra_info("peername"))
        forged = make_auth(actual, Role.INITIATOR, mine, theirs, dialled)
        w.write(encode_frame(forged.to_frame()))
        await w.drain()
        got: list[object] = []
        while frame := await _frame_or_none(r):
            got.append(decode_message(frame))
        return got

    server_view, got = await _pair(loopback, signer(1), NET, client)
    assert isinstance(server_view, HandshakeError)
    assert str(server_view) == "peer failed to prove its address"
    assert got == [ErrorNotice(reason="peer failed to prove its address")]


async def _frame_or_none(reader: asyncio.StreamReader) -> Frame | None:
    try:
        return await asyncio.wait_for(read_frame(reader), 10)
    except asyncio.IncompleteReadError:
        return None


@pytest.mark.timeout(30)
async def test_speed_server_refuses_other_vault_contract_and_version_1(loopback: str) -> None:
    """The same through SpeedServer, as the service runs it: connect() fails with the one
    line, a version 1 peer is told to upgrade, and the handler never sees either."""
    handler = RecordingHandler()
    server = SpeedServer(signer(1), NET, 6881, handler, vault_contract=VC)
    await server.start(loopback, 0)
    client = SpeedServer(signer(2), NET, 7000, RecordingHandler(), vault_contract=OTHER_CONTRACT)
    try:
        with pytest.raises(ProtocolError) as info:
            await client.connect(loopback, server.port)
        assert str(info.value) == (f"Speed handshake with {loopback} failed: peer pays through "
                                   f"vault contract {VAULT_CONTRACT}, not {OTHER_CONTRACT}")
        # a version 1 client, byte for byte as it spoke: hello without vc
        reader, writer = await asyncio.open_connection(loopback, server.port)
        writer.write(encode_frame({b"t": b"hello", b"v": 1, b"addr": address(3).encode(),
                                   b"nonce": b"\x07" * 32, b"net": NET.encode(), b"bt": 7000}))
        theirs = decode_message(await read_frame(reader))
        notice = decode_message(await read_frame(reader))
        assert await asyncio.wait_for(reader.read(), 10) == b""
        writer.close()
        assert isinstance(theirs, Hello) and theirs.vc == VC
        assert notice == ErrorNotice(reason=V1_REFUSAL)
        assert handler.opened == [] and handler.messages == []
    finally:
        await client.close()
        await server.close()


def test_worked_vector() -> None:
    """The auth example in docs/speed-protocol.md (version 3)."""
    from tronpy.keys import hash_message

    me, them = signer(1), signer(2)
    initiator = Hello(3, me.address, b"\x11" * 32, NET, 6881, VC)
    responder = Hello(3, them.address, b"\x22" * 32, NET, 6882, VC)
    digest = transcript_digest(Role.INITIATOR, initiator, responder,
                               Endpoint("192.0.2.7", 7001))
    assert digest.hex() == VECTOR_DIGEST
    assert hash_message(digest).hex() == VECTOR_PREFIXED
    assert me.sign_digest(digest).hex() == VECTOR_SIGNATURE
