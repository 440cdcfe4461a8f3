"""A small HTTP/1.1 JSON server on asyncio streams, enough for httpx, requests and curl.

Keep-alive per HTTP/1.1 (``Connection: close`` honoured, HTTP/1.0 closes unless asked to
keep alive), ``Content-Length`` bodies only, strict limits: a bad request line or headers
answer 400, headers over 16 KiB 431, bodies over 1 MiB 413, chunked bodies 411, other
methods than GET/POST/OPTIONS 405, and every answer is a JSON object. A handler exception
answers 500 with one line and the server keeps running.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

log = logging.getLogger(__name__)

MAX_HEADER_BYTES = 16 * 1024
MAX_BODY_BYTES = 1024 * 1024
MAX_HEADERS = 100
IDLE_TIMEOUT = 60.0
BODY_TIMEOUT = 30.0
MAX_CONNECTIONS = 512
LINGER_SECONDS = 2.0

REASONS = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed",
           408: "Request Timeout", 411: "Length Required", 413: "Payload Too Large",
           431: "Request Header Fields Too Large", 500: "Internal Server Error",
           503: "Service Unavailable"}

Handler = Callable[[str, dict[str, Any]], tuple[int, Any]]


class HttpError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class JsonHttpServer:
    """Serves ``handler(path, params) -> (status, json)`` where params is the JSON body
    object (POST) merged over the query parameters.

    ``ready``, if given, is awaited before each request is handled: the node holds requests
    back with it while a block is being made durable.
    """

    def __init__(self, handler: Handler,
                 ready: Callable[[], Awaitable[object]] | None = None) -> None:
        self.handler = handler
        self.ready = ready
        self.server: asyncio.Server | None = None
        self._connections: set[asyncio.Task[None]] = set()

    async def start(self, host: str, port: int) -> tuple[str, int]:
        self.server = await asyncio.start_server(self._serve, host, port,
                                                 limit=MAX_HEADER_BYTES, reuse_address=True)
        sockname = self.server.sockets[0].getsockname()
        return str(sockname[0]), int(sockname[1])

    async def close(self) -> None:
        if self.server is not None:
            self.server.close()
        for task in list(self._connections):
            task.cancel()
        for task in list(self._connections):
            with contextlib.suppress(BaseException):
                await task
        if self.server is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.server.wait_closed(), 2)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        if len(self._connections) >= MAX_CONNECTIONS:
            with contextlib.suppress(Exception):
                await self._respond(writer, 503, {"Error": "too many connections"}, False)
                writer.close()
            return
        self._connections.add(task)
        try:
            keep_alive = True
            while keep_alive:
                keep_alive = await self._one_request(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError, TimeoutError):
            pass
        except asyncio.CancelledError:
            pass
        finally:
            self._connections.discard(task)
            with contextlib.suppress(Exception):
                writer.close()

    async def _one_request(self, reader: asyncio.StreamReader,
                           writer: asyncio.StreamWriter) -> bool:
        try:
            async with asyncio.timeout(IDLE_TIMEOUT):
                head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError as exc:
            if exc.partial.strip():
                await self._respond(writer, 400, {"Error": "incomplete HTTP request"}, False)
            return False
        except asyncio.LimitOverrunError:
            await self._refuse(reader, writer, 431, "request headers too large")
            return False
        try:
            method, target, version, headers = _parse_head(head)
            keep_alive = _wants_keep_alive(version, headers)
            length = _content_length(headers)
            body = b""
            if length:
                try:
                    async with asyncio.timeout(BODY_TIMEOUT):
                        body = await reader.readexactly(length)
                except TimeoutError:
                    raise HttpError(408, "request body did not arrive in time") from None
            if method == "OPTIONS":
                await self._respond(writer, 200, {}, keep_alive)
                return keep_alive
            if method not in ("GET", "POST"):
                raise HttpError(405, f"method {method[:20]} not allowed")
            path, params = _params(target, body)
        except HttpError as exc:
            await self._refuse(reader, writer, exc.status, exc.message)
            return False
        if self.ready is not None:
            await self.ready()
        try:
            status, payload = self.handler(path, params)
        except Exception as exc:  # the node must survive any request
            log.exception("request %s failed", path[:100])
            status, payload = 500, {"Error": f"internal error: {type(exc).__name__}"}
        await self._respond(writer, status, payload, keep_alive)
        return keep_alive

    async def _refuse(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                      status: int, message: str) -> None:
        """Answer an error, then close gently: half-close and drain what the client still
        sends, so the kernel does not reset the connection and destroy the answer."""
        await self._respond(writer, status, {"Error": message}, False)
        with contextlib.suppress(Exception):
            if writer.can_write_eof():
                writer.write_eof()
            async with asyncio.timeout(LINGER_SECONDS):
                drained = 0
                while drained < MAX_BODY_BYTES and (chunk := await reader.read(65536)):
                    drained += len(chunk)

    async def _respond(self, writer: asyncio.StreamWriter, status: int, payload: Any,
                       keep_alive: bool) -> None:
        body = json.dumps(payload, separators=(",", ":")).encode()
        head = (f"HTTP/1.1 {status} {REASONS.get(status, 'Error')}\r\n"
                "Content-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n"
                "Access-Control-Allow-Origin: *\r\n"
                f"Connection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n")
        writer.write(head.encode("latin-1") + body)
        await writer.drain()


def _parse_head(head: bytes) -> tuple[str, str, str, dict[str, str]]:
    try:
        text = head.decode("latin-1")
    except UnicodeDecodeError:  # pragma: no cover - latin-1 decodes everything
        raise HttpError(400, "bad request") from None
    lines = text.split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or not parts[0].isalpha() or not parts[0].isupper():
        raise HttpError(400, "bad request line")
    method, target, version = parts
    if version not in ("HTTP/1.1", "HTTP/1.0") or not target.startswith("/"):
        raise HttpError(400, "bad request line")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if not line:
            continue
        name, sep, value = line.partition(":")
        if not sep or not name or name != name.strip() or any(c in name for c in " \t"):
            raise HttpError(400, "bad header line")
        if len(headers) >= MAX_HEADERS:
            raise HttpError(431, "too many headers")
        headers[name.lower()] = value.strip()
    return method, target, version, headers


def _wants_keep_alive(version: str, headers: dict[str, str]) -> bool:
    connection = headers.get("connection", "").lower()
    if version == "HTTP/1.0":
        return "keep-alive" in connection
    return "close" not in connection


def _content_length(headers: dict[str, str]) -> int:
    if "transfer-encoding" in headers:
        raise HttpError(411, "send the body with Content-Length, not chunked")
    raw = headers.get("content-length")
    if raw is None:
        return 0
    if not raw.isdigit():
        raise HttpError(400, "bad Content-Length")
    length = int(raw)
    if length > MAX_BODY_BYTES:
        raise HttpError(413, f"request body over {MAX_BODY_BYTES} bytes")
    return length


def _params(target: str, body: bytes) -> tuple[str, dict[str, Any]]:
    split = urlsplit(target)
    path = unquote(split.path)
    params: dict[str, Any] = dict(parse_qsl(split.query))
    if body.strip():
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            raise HttpError(400, "request body is not valid JSON") from None
        if not isinstance(data, dict):
            raise HttpError(400, "request body must be a JSON object")
        params.update(data)
    return path, params
