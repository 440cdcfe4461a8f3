"""The Speed handshake (version 2): hello both ways, then auth both ways.

Peers must agree on the protocol version, the network and the vault contract (``vc``);
a peer that does not is refused before any signature is exchanged, told why in one line.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from eth_hash.auto import keccak

from btt_desktop.speed.auth import (
    PeerIdentity,
    auth_digest,
    check_hello,
    handshake,
    make_auth,
    new_hello,
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
V1_REFUSAL = "peer speaks Speed version 1, not 2: it must upgrade"


def hello(n: int, *, v: int = PROTOCOL_VERSION, net: str = NET, vc: str = VC,
          nonce: bytes = bytes(32), bt: int = 1) -> Hello:
    return Hello(v=v, addr=address(n), nonce=nonce, net=net, bt=bt, vc=vc)


def test_auth_round_trip_and_digest_layout() -> None:
    a, b = signer(1), signer(2)
    ha, hb = new_hello(a, NET, 6881, VC), new_hello(b, NET, 6882, VC)
    assert ha.v == hb.v == PROTOCOL_VERSION == 2 and ha.vc == VC
    verify_auth(make_auth(a, ha, hb), hb, ha)  # b checks a's auth
    verify_auth(make_auth(b, hb, ha), ha, hb)
    assert auth_digest(hb.nonce, ha.nonce, a.address) == keccak(
        b"btt-speed-auth-v1" + hb.nonce + ha.nonce + a.address.encode())


def test_wrong_signer_and_replay_refused() -> None:
    a, b, mallory = signer(1), signer(2), signer(3)
    ha, hb = new_hello(a, NET, 1, VC), new_hello(b, NET, 2, VC)
    # mallory claims to be a
    with pytest.raises(HandshakeError):
        verify_auth(make_auth(mallory, Hello(2, a.address, ha.nonce, NET, 1, VC), hb), hb, ha)
    # a's auth from an earlier session (other nonce from b) does not verify now
    old_hb = new_hello(b, NET, 2, VC)
    with pytest.raises(HandshakeError):
        verify_auth(make_auth(a, ha, old_hb), hb, ha)


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
    (hello(2, v=3), "peer speaks Speed version 3, not 2: this client must upgrade"),
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
            result.append(await handshake(r, w, server_signer, server_net, 6881, server_vc))
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
        return await handshake(r, w, signer(2), NET, 7000, VC)

    server_view, client_view = await _pair(loopback, signer(1), NET, client)
    assert server_view == PeerIdentity(addr=address(2), net=NET, bt_port=7000)
    assert client_view == PeerIdentity(addr=address(1), net=NET, bt_port=6881)


@pytest.mark.timeout(20)
async def test_tcp_handshake_wrong_network_refused_with_reason(loopback: str) -> None:
    async def client(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> BaseException:
        with pytest.raises(HandshakeError) as info:
            await handshake(r, w, signer(2), "nile", 7000, VC)
        return info.value

    server_view, client_error = await _pair(loopback, signer(1), NET, client)
    assert isinstance(server_view, HandshakeError) and "network" in str(server_view)
    assert "network" in str(client_error)


@pytest.mark.timeout(20)
async def test_tcp_handshake_other_vault_contract_refused_with_one_line(loopback: str) -> None:
    """Both sides refuse at the hellos: neither signs an auth for a peer paying elsewhere."""
    async def client(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> BaseException:
        with pytest.raises(HandshakeError) as info:
            await handshake(r, w, signer(2), NET, 7000, OTHER_CONTRACT)
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
    assert isinstance(theirs, Hello) and theirs.v == 2 and theirs.vc == VC
    assert notice == ErrorNotice(reason=V1_REFUSAL)
    assert isinstance(server_view, HandshakeError) and str(server_view) == V1_REFUSAL


@pytest.mark.timeout(20)
async def test_tcp_handshake_forged_signature_refused(loopback: str) -> None:
    """A client claiming address 5 but holding key 6 is refused by the server."""
    claimed, actual = signer(5), signer(6)

    async def client(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> object:
        mine = new_hello(claimed, NET, 7000, VC)
        w.write(encode_frame(mine.to_frame()))
        theirs = decode_message(await read_frame(r))
        assert isinstance(theirs, Hello)
        forged = make_auth(actual, Hello(2, actual.address, mine.nonce, NET, 7000, VC), theirs)
        w.write(encode_frame(Auth(sig=forged.sig).to_frame()))
        await w.drain()
        return await r.read()  # the server closes

    server_view, _ = await _pair(loopback, signer(1), NET, client)
    assert isinstance(server_view, HandshakeError)
    assert "prove" in str(server_view)


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
    """The auth example in docs/speed-protocol.md (unchanged in version 2)."""
    from tronpy.keys import hash_message

    me = signer(1)
    digest = auth_digest(b"\x11" * 32, b"\x22" * 32, me.address)
    assert digest.hex() == "f0e6703250129fb9dd8bdcda70e3633bd49d0aa89e75156fd2a056ef1a3ece60"
    assert hash_message(digest).hex() == (
        "4105f919bd4ba006d0cc68742ebc521ecae9c49eac0a3c4476e4f0418c108bdb")
    assert me.sign_digest(digest).hex() == (
        "50b5a4e711f0436a24f9b9cdb5bf9663b2385e2e2697dd741c6e4534871df98d"
        "7ec5d9f9d4af45a4c06a5f0187915636aa0ac11bf4b1e0d637de2867333c40a11c")
