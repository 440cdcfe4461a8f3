from __future__ import annotations

import asyncio

import pytest

from btt_desktop.speed.auth import (
    PeerIdentity,
    auth_digest,
    check_hello,
    handshake,
    make_auth,
    new_hello,
    verify_auth,
)
from btt_desktop.speed.errors import HandshakeError
from btt_desktop.speed.framing import encode_frame, read_frame
from btt_desktop.speed.messages import Auth, Hello, decode_message
from tests.speed.speed_keys import KeySigner
from tests.speed.speed_keys import NET, address, signer


def test_auth_round_trip_and_digest_layout() -> None:
    a, b = signer(1), signer(2)
    ha, hb = new_hello(a, NET, 6881), new_hello(b, NET, 6882)
    verify_auth(make_auth(a, ha, hb), hb, ha)  # b checks a's auth
    verify_auth(make_auth(b, hb, ha), ha, hb)
    from tronpy.keys import keccak256
    assert auth_digest(hb.nonce, ha.nonce, a.address) == keccak256(
        b"btt-speed-auth-v1" + hb.nonce + ha.nonce + a.address.encode())


def test_wrong_signer_and_replay_refused() -> None:
    a, b, mallory = signer(1), signer(2), signer(3)
    ha, hb = new_hello(a, NET, 1), new_hello(b, NET, 2)
    # mallory claims to be a
    with pytest.raises(HandshakeError):
        verify_auth(make_auth(mallory, Hello(1, a.address, ha.nonce, NET, 1), hb), hb, ha)
    # a's auth from an earlier session (other nonce from b) does not verify now
    old_hb = new_hello(b, NET, 2)
    with pytest.raises(HandshakeError):
        verify_auth(make_auth(a, ha, old_hb), hb, ha)


def test_check_hello() -> None:
    mine = new_hello(signer(1), NET, 1)
    with pytest.raises(HandshakeError, match="network"):
        check_hello(mine, new_hello(signer(2), "mainnet", 1))
    with pytest.raises(HandshakeError, match="version"):
        check_hello(mine, Hello(2, address(2), bytes(32), NET, 1))
    with pytest.raises(HandshakeError, match="ourselves"):
        check_hello(mine, new_hello(signer(1), NET, 1))


async def _pair(loopback: str, server_signer: KeySigner, server_net: str,
                client_side: object) -> tuple[PeerIdentity | BaseException, object]:
    result: list[PeerIdentity | BaseException] = []
    done = asyncio.Event()

    async def serve(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        try:
            result.append(await handshake(r, w, server_signer, server_net, 6881))
        except Exception as exc:
            result.append(exc)
        finally:
            w.close()
            done.set()

    server = await asyncio.start_server(serve, loopback, 0)
    port = server.sockets[0].getsockname()[1]
    try:
        reader, writer = await asyncio.open_connection(loopback, port)
        client_result = await client_side(reader, writer)  # type: ignore[operator]
        writer.close()
        await asyncio.wait_for(done.wait(), 10)
    finally:
        server.close()
        await server.wait_closed()
    return result[0], client_result


@pytest.mark.timeout(20)
async def test_tcp_handshake_succeeds(loopback: str) -> None:
    async def client(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> PeerIdentity:
        return await handshake(r, w, signer(2), NET, 7000)

    server_view, client_view = await _pair(loopback, signer(1), NET, client)
    assert server_view == PeerIdentity(addr=address(2), net=NET, bt_port=7000)
    assert client_view == PeerIdentity(addr=address(1), net=NET, bt_port=6881)


@pytest.mark.timeout(20)
async def test_tcp_handshake_wrong_network_refused_with_reason(loopback: str) -> None:
    async def client(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> BaseException:
        with pytest.raises(HandshakeError) as info:
            await handshake(r, w, signer(2), "nile", 7000)
        return info.value

    server_view, client_error = await _pair(loopback, signer(1), NET, client)
    assert isinstance(server_view, HandshakeError) and "network" in str(server_view)
    assert "network" in str(client_error)


@pytest.mark.timeout(20)
async def test_tcp_handshake_forged_signature_refused(loopback: str) -> None:
    """A client claiming address 5 but holding key 6 is refused by the server."""
    claimed, actual = signer(5), signer(6)

    async def client(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> object:
        mine = new_hello(claimed, NET, 7000)
        w.write(encode_frame(mine.to_frame()))
        theirs = decode_message(await read_frame(r))
        assert isinstance(theirs, Hello)
        forged = make_auth(actual, Hello(1, actual.address, mine.nonce, NET, 7000), theirs)
        w.write(encode_frame(Auth(sig=forged.sig).to_frame()))
        await w.drain()
        return await r.read()  # the server closes

    server_view, _ = await _pair(loopback, signer(1), NET, client)
    assert isinstance(server_view, HandshakeError)
    assert "prove" in str(server_view)


def test_worked_vector() -> None:
    """The auth example in docs/speed-protocol.md."""
    from tronpy.keys import hash_message

    me = signer(1)
    digest = auth_digest(b"\x11" * 32, b"\x22" * 32, me.address)
    assert digest.hex() == "f0e6703250129fb9dd8bdcda70e3633bd49d0aa89e75156fd2a056ef1a3ece60"
    assert hash_message(digest).hex() == (
        "4105f919bd4ba006d0cc68742ebc521ecae9c49eac0a3c4476e4f0418c108bdb")
    assert me.sign_digest(digest).hex() == (
        "50b5a4e711f0436a24f9b9cdb5bf9663b2385e2e2697dd741c6e4534871df98d"
        "7ec5d9f9d4af45a4c06a5f0187915636aa0ac11bf4b1e0d637de2867333c40a11c")
