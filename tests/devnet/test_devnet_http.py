"""The devnet's HTTP layer against garbage, limits, keep-alive, slow clients and
concurrency: through a real node, and the server on its own."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import json
import logging
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from btt_desktop.devnet import http as devnet_http
from btt_desktop.devnet.addresses import BTT_ADDRESS, VAULT_ADDRESS
from btt_desktop.devnet.http import Handler, JsonHttpServer

pytestmark = pytest.mark.timeout(60)


class Connection:
    """One raw TCP connection to the node, reading responses one at a time."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=10)
        self.stream = self.sock.makefile("rb")

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()
        self.sock.close()

    def send(self, raw: bytes) -> None:
        self.sock.sendall(raw)

    def response(self) -> tuple[int, dict[str, str], Any]:
        status_line = self.stream.readline()
        if not status_line:
            raise ConnectionError("closed before a response")
        status = int(status_line.split(b" ")[1])
        headers: dict[str, str] = {}
        while (line := self.stream.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.lower()] = value.strip()
        body = self.stream.read(int(headers["content-length"]))
        return status, headers, json.loads(body)

    def closed_by_server(self) -> bool:
        try:
            return bool(self.stream.read(1) == b"")
        except ConnectionResetError:
            return True


def exchange(url: str, raw: bytes) -> tuple[int, dict[str, str], Any, bool]:
    """Send raw bytes; return status, headers, JSON body, and whether the server closed."""
    with Connection(url) as conn:
        conn.send(raw)
        status, headers, body = conn.response()
        return status, headers, body, headers.get("connection") == "close" and (
            conn.closed_by_server())


H = b"Host: devnet\r\n"  # HTTP/1.1 requires it (RFC 9112): without it, 400


@pytest.mark.parametrize(("raw", "status"), [
    (b"\x00\xff\xfe garbage \x01\r\n\r\n", 400),
    (b"GET /wallet/getnowblock SPDY/9\r\n" + H + b"\r\n", 400),
    (b"GET nowhere HTTP/1.1\r\n" + H + b"\r\n", 400),
    (b"GET http://elsewhere/wallet/getnowblock HTTP/1.1\r\n" + H + b"\r\n", 400),
    (b"GET /wallet/getnowblock HTTP/1.1\r\n\r\n", 400),  # no Host
    (b"POST /wallet/getnowblock HTTP/1.1\r\n" + H + b"Bad Header\r\n\r\n", 400),
    (b"POST /wallet/getnowblock HTTP/1.1\r\n" + H + b"Content-Length: 12x\r\n\r\n", 400),
    (b"POST /wallet/getnowblock HTTP/1.1\r\n" + H + b"Content-Length: 5000000\r\n\r\n", 413),
    (b"POST /wallet/getnowblock HTTP/1.1\r\n" + H
     + b"Content-Length: 1048577\r\n\r\n{" + b" " * 1048575 + b"}", 413),
    (b"POST /wallet/getnowblock HTTP/1.1\r\n" + H
     + b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 411),
    (b"DELETE /wallet/getnowblock HTTP/1.1\r\n" + H + b"\r\n", 405),
    (b"POST /wallet/getnowblock HTTP/1.1\r\n" + H + b"X: " + b"a" * 20000 + b"\r\n\r\n", 431),
    (b"POST /wallet/getnowblock HTTP/1.1\r\n" + H
     + b"".join(b"X%d: 1\r\n" % i for i in range(200)) + b"\r\n", 431),
    (b"GET /wallet/getnowblock?" + b"a" * 20000 + b" HTTP/1.1\r\n" + H + b"\r\n", 431),
    (b"POST /wallet/getnowblock HTTP/1.1\r\n" + H + b"Content-Length: 9\r\n\r\n{not json", 400),
    (b"POST /wallet/getnowblock HTTP/1.1\r\n" + H + b"Content-Length: 7\r\n\r\n[1,2,3]", 400),
    (b"POST /wallet/getnowblock HTTP/1.1\r\n" + H + b"Content-Length: 40000\r\n\r\n"
     + b"[" * 20000 + b"]" * 20000, 400),
    # compressed bodies are not inflated: gzip bytes are no JSON
    (b"POST /wallet/getnowblock HTTP/1.1\r\n" + H + b"Content-Encoding: gzip\r\n"
     b"Content-Length: 22\r\n\r\n" + gzip.compress(b"{}", mtime=0), 400),
])
def test_bad_requests_get_a_json_4xx_and_the_node_survives(devnet_url: str, raw: bytes,
                                                           status: int) -> None:
    got, headers, body, closed = exchange(devnet_url, raw)
    assert got == status
    assert headers["content-type"] == "application/json"
    assert isinstance(body["Error"], str) and body["Error"]
    assert headers["access-control-allow-origin"] == "*"
    assert closed
    assert httpx.post(f"{devnet_url}/wallet/getnodeinfo").json()["block"].startswith("Num:")


def test_unknown_path_and_bad_parameters(devnet_url: str) -> None:
    reply = httpx.post(f"{devnet_url}/wallet/nosuchthing", json={})
    assert reply.status_code == 404 and "no such endpoint" in reply.json()["Error"]
    assert httpx.get(f"{devnet_url}/").status_code == 404
    # like java-tron: a known endpoint with a bad parameter answers {"Error": ...}
    reply = httpx.post(f"{devnet_url}/wallet/getaccount", json={"address": "Tnope"})
    assert reply.status_code == 200 and "invalid address" in reply.json()["Error"]
    reply = httpx.post(f"{devnet_url}/wallet/gettransactioninfobyid", json={"value": "zz"})
    assert "64-digit hex" in reply.json()["Error"]
    reply = httpx.post(f"{devnet_url}/wallet/broadcasttransaction", json={"raw_data": 5})
    body = reply.json()
    assert body["code"] == "OTHER_ERROR"
    assert "missing raw_data" in bytes.fromhex(body["message"]).decode()
    reply = httpx.post(f"{devnet_url}/devnet/faucet", json={"address": "Tnope", "trx": 1})
    assert "invalid address" in reply.json()["Error"]
    # the contract endpoints
    owner = "41" + "11" * 20
    for endpoint, params, error in [
        ("deploycontract", {"owner_address": owner, "bytecode": "60zz"}, "must be hex strings"),
        ("deploycontract", {"owner_address": owner, "bytecode": "6080", "abi": "[{"},
         "field abi is not JSON"),
        ("deploycontract", {"owner_address": owner, "bytecode": "6080", "fee_limit": "1"},
         "fee_limit must be an integer"),
        ("getcontract", {"value": "Tnope"}, "invalid address"),
        ("getcontractinfo", {}, "missing parameter value"),
        ("estimateenergy", {"owner_address": owner, "contract_address": owner,
                            "function_selector": "f()"}, "No contract or not a smart contract"),
        ("triggerconstantcontract", {"owner_address": owner, "contract_address": BTT_ADDRESS,
                                     "data": "zz"}, "call data is not hex"),
    ]:
        reply = httpx.post(f"{devnet_url}/wallet/{endpoint}", json=params)
        assert reply.status_code == 200 and error in reply.json()["Error"], (endpoint, params)
    for endpoint in ("getcontract", "getcontractinfo"):
        assert httpx.post(f"{devnet_url}/wallet/{endpoint}", json={"value": owner}).json() == {}
    # a call the contract refuses: estimateenergy says why
    reply = httpx.post(f"{devnet_url}/wallet/estimateenergy", json={
        "owner_address": owner, "contract_address": VAULT_ADDRESS,
        "function_selector": "withdraw()", "visible": True}).json()
    assert reply["result"]["code"] == "CONTRACT_EXE_ERROR"
    assert bytes.fromhex(reply["result"]["message"]).decode() == (
        "REVERT opcode executed: SpeedVault: no withdrawal announced")


def test_keep_alive_and_http_1_0(devnet_url: str) -> None:
    request = (b"POST /wallet/getnowblock HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")
    with Connection(devnet_url) as conn:
        conn.send(request + request)  # pipelined
        first = conn.response()
        second = conn.response()
        conn.send(b"GET /wallet/getblockbynum?num=0 HTTP/1.1\r\nHost: x\r\n\r\n")
        third = conn.response()
    assert first[0] == second[0] == third[0] == 200
    assert first[1]["connection"] == "keep-alive"
    assert "blockID" in first[2] and "blockID" in second[2]
    assert third[2]["blockID"].startswith("0" * 16)  # block 0: the number is the id's prefix

    status, _, body, closed = exchange(
        devnet_url, b"POST /wallet/getnodeinfo HTTP/1.0\r\n\r\n")
    assert status == 200 and closed and "devnet" in body


async def test_concurrent_clients(devnet_url: str) -> None:
    async def one(client: httpx.AsyncClient, i: int) -> int:
        reply = await client.post(f"{devnet_url}/wallet/getblockbynum", json={"num": 0})
        return int(reply.json()["block_header"]["raw_data"]["timestamp"] > 0)

    async with httpx.AsyncClient() as a, httpx.AsyncClient() as b:
        results = await asyncio.gather(*(one(a if i % 2 else b, i) for i in range(60)))
    assert sum(results) == 60


def test_options_and_exact_bodies(devnet_url: str) -> None:
    with Connection(devnet_url) as conn:
        conn.send(b"OPTIONS /wallet/getnowblock HTTP/1.1\r\nHost: x\r\n"
                  b"Origin: http://elsewhere\r\n\r\n")
        status, headers, body = conn.response()
        assert (status, body) == (200, {})
        assert headers["access-control-allow-origin"] == "*"
        assert headers["connection"] == "keep-alive"
        # the connection stays usable; Connection: close is honoured
        conn.send(b"POST /devnet/nosuch HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                  b"Content-Length: 2\r\n\r\n{}")
        status, headers, body = conn.response()
        assert status == 404 and headers["connection"] == "close"
        assert conn.closed_by_server()
    reply = httpx.post(f"{devnet_url}/wallet/getcontract", json={"value": "41" + "11" * 20})
    assert reply.content == b"{}"
    assert reply.headers["content-type"] == "application/json"
    reply = httpx.post(f"{devnet_url}/wallet/getaccount", json={"address": "Tnope"})
    assert reply.content.startswith(b'{"Error":"')  # compact JSON, as before


def test_a_slow_client_does_not_hold_up_others(devnet_url: str) -> None:
    parts = urlsplit(devnet_url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as slow, \
            socket.create_connection((parts.hostname, parts.port), timeout=10) as slower:
        slow.sendall(b"POST /wallet/getnowblock HTTP/1.1\r\nHost: x\r\nX-Half: ")
        slower.sendall(b"POST /wallet/getnowblock HTTP/1.1\r\nHost: x\r\n"
                       b"Content-Length: 100\r\n\r\n{")
        reply = httpx.post(f"{devnet_url}/wallet/getnowblock", timeout=5)
        assert reply.status_code == 200 and "blockID" in reply.json()


# ---- the server on its own, in this process ------------------------------------------

@contextlib.asynccontextmanager
async def served(handler: Handler = lambda path, params: (200, {"path": path, **params}),
                 ready: Callable[[], Awaitable[object]] | None = None
                 ) -> AsyncIterator[tuple[str, int]]:
    server = JsonHttpServer(handler, ready=ready)
    address = await server.start("127.0.0.1", 0)
    try:
        yield address
    finally:
        await server.close()


async def raw_exchange(address: tuple[str, int], raw: bytes) -> bytes:
    reader, writer = await asyncio.open_connection(*address)
    try:
        writer.write(raw)
        async with asyncio.timeout(5):
            return await reader.read()
    finally:
        writer.close()


async def test_path_query_and_body_parameters() -> None:
    async with served() as address, httpx.AsyncClient() as client:
        base = f"http://{address[0]}:{address[1]}"
        reply = await client.post(f"{base}/wallet/a%20b?x=1&x=2&y=%26", json={"y": 3})
        assert reply.json() == {"path": "/wallet/a b", "x": "2", "y": 3}
        assert (await client.get(f"{base}/v1/q?limit=5")).json() == {
            "path": "/v1/q", "limit": "5"}


async def test_a_failing_handler_answers_500_and_the_server_goes_on(
        caplog: pytest.LogCaptureFixture) -> None:
    def handler(path: str, params: dict[str, Any]) -> tuple[int, Any]:
        if path == "/boom":
            raise ZeroDivisionError
        return 200, {"ok": True}

    async with served(handler) as address, httpx.AsyncClient() as client:
        base = f"http://{address[0]}:{address[1]}"
        reply = await client.post(f"{base}/boom")
        assert reply.status_code == 500
        assert reply.json() == {"Error": "internal error: ZeroDivisionError"}
        assert (await client.post(f"{base}/fine")).json() == {"ok": True}
    assert sum("request /boom failed" in r.getMessage() for r in caplog.records) == 1


async def test_malformed_requests_leave_no_traceback(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    async with served() as address:
        for raw in (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 40,
                    b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
                    b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n"
                    b"Transfer-Encoding: chunked\r\n\r\n",
                    b"GET /\x7f HTTP/1.1\r\nHost: x\r\n\r\n"):
            answer = await raw_exchange(address, raw)
            assert answer.startswith((b"HTTP/1.1 400 ", b"HTTP/1.0 400 ")), answer
            assert answer.endswith(b"}") and b'{"Error":"' in answer
        # a client that goes away in the middle of its body
        _, writer = await asyncio.open_connection(*address)
        writer.write(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{")
        await writer.drain()
        await asyncio.sleep(0.1)
        writer.close()
        await asyncio.sleep(0.1)
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.WARNING]


async def test_ready_holds_requests_back() -> None:
    durable = asyncio.Event()
    served_at: list[bool] = []

    def handler(path: str, params: dict[str, Any]) -> tuple[int, Any]:
        served_at.append(durable.is_set())
        return 200, {}

    async with served(handler, ready=durable.wait) as address, httpx.AsyncClient() as client:
        request = asyncio.ensure_future(
            client.post(f"http://{address[0]}:{address[1]}/x", json={}))
        await asyncio.sleep(0.3)
        assert not request.done() and served_at == []
        durable.set()
        assert (await request).status_code == 200
    assert served_at == [True]


async def test_slow_bodies_idle_connections_and_too_many_connections(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(devnet_http, "BODY_TIMEOUT", 0.3)
    monkeypatch.setattr(devnet_http, "IDLE_TIMEOUT", 0.3)
    monkeypatch.setattr(devnet_http, "MAX_CONNECTIONS", 3)
    async with served() as address:
        answer = await raw_exchange(
            address, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{")
        assert answer.startswith(b"HTTP/1.1 408 ")
        # a connection that never completes its request is closed
        assert await raw_exchange(address, b"POST / HTTP/1.1\r\nHost:") == b""
        held = [await asyncio.open_connection(*address) for _ in range(3)]
        await asyncio.sleep(0.05)
        answer = await raw_exchange(address, b"")
        assert answer.startswith(b"HTTP/1.1 503 ") and b"too many connections" in answer
        for _, writer in held:
            writer.close()
        await asyncio.sleep(0.1)
        answer = await raw_exchange(address, b"GET /x HTTP/1.1\r\nHost: x\r\n"
                                             b"Connection: close\r\n\r\n")
        assert answer.startswith(b"HTTP/1.1 200 ")


async def test_close_waits_for_a_request_in_progress() -> None:
    release = asyncio.Event()
    server = JsonHttpServer(lambda path, params: (200, {"done": True}), ready=release.wait)
    host, port = await server.start("127.0.0.1", 0)
    async with httpx.AsyncClient() as client:
        request = asyncio.ensure_future(client.post(f"http://{host}:{port}/x"))
        await asyncio.sleep(0.2)
        closing = asyncio.ensure_future(server.close())
        await asyncio.sleep(0.1)
        release.set()
        assert (await request).json() == {"done": True}
        await closing
        with pytest.raises(httpx.ConnectError):
            await client.post(f"http://{host}:{port}/x")


async def test_close_does_not_wait_long_for_a_body(caplog: pytest.LogCaptureFixture) -> None:
    server = JsonHttpServer(lambda path, params: (200, {}))
    host, port = await server.start("127.0.0.1", 0)
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{")
    await asyncio.sleep(0.1)
    loop = asyncio.get_running_loop()
    started = loop.time()
    await server.close()
    assert loop.time() - started < devnet_http.SHUTDOWN_SECONDS + 1
    assert await reader.read() == b""
    writer.close()
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.WARNING]
