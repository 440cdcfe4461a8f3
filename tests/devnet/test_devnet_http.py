"""The devnet's HTTP layer against garbage, limits, keep-alive and concurrency."""

from __future__ import annotations

import asyncio
import json
import socket
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from btt_desktop.devnet.addresses import BTT_ADDRESS, VAULT_ADDRESS

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


@pytest.mark.parametrize(("raw", "status"), [
    (b"\x00\xff\xfe garbage \x01\r\n\r\n", 400),
    (b"GET /wallet/getnowblock SPDY/9\r\n\r\n", 400),
    (b"GET nowhere HTTP/1.1\r\n\r\n", 400),
    (b"POST /wallet/getnowblock HTTP/1.1\r\nBad Header\r\n\r\n", 400),
    (b"POST /wallet/getnowblock HTTP/1.1\r\nContent-Length: 12x\r\n\r\n", 400),
    (b"POST /wallet/getnowblock HTTP/1.1\r\nContent-Length: 5000000\r\n\r\n", 413),
    (b"POST /wallet/getnowblock HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 411),
    (b"DELETE /wallet/getnowblock HTTP/1.1\r\n\r\n", 405),
    (b"POST /wallet/getnowblock HTTP/1.1\r\nX: " + b"a" * 20000 + b"\r\n\r\n", 431),
    (b"POST /wallet/getnowblock HTTP/1.1\r\nContent-Length: 9\r\n\r\n{not json", 400),
    (b"POST /wallet/getnowblock HTTP/1.1\r\nContent-Length: 7\r\n\r\n[1,2,3]", 400),
    (b"POST /wallet/getnowblock HTTP/1.1\r\nContent-Length: 40000\r\n\r\n"
     + b"[" * 20000 + b"]" * 20000, 400),
])
def test_bad_requests_get_a_json_4xx_and_the_node_survives(devnet_url: str, raw: bytes,
                                                           status: int) -> None:
    got, headers, body, closed = exchange(devnet_url, raw)
    assert got == status
    assert headers["content-type"] == "application/json"
    assert isinstance(body["Error"], str) and body["Error"]
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
        conn.send(b"GET /wallet/getblockbynum?num=0 HTTP/1.1\r\n\r\n")
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
