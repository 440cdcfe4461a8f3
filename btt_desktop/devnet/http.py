"""The devnet's HTTP/1.1 JSON server, on aiohttp's low-level server.

Every request goes to one ``handler(path, params) -> (status, json)`` (no routing here:
the API knows its paths). Keep-alive and pipelining per HTTP/1.1 (``Connection: close``
honoured, HTTP/1.0 closes unless asked to keep alive), idle connections closed after
60 s (a connection that never completes a request too). Strict limits: a bad request
line or header answers 400, a request or header line over 8 KiB or more than 128
headers 431, a body over 1 MiB 413, a chunked body 411, a body that does not arrive
within 30 s 408, other methods than GET/POST/OPTIONS 405; bodies are not decompressed.
Every answer is a JSON object with ``Access-Control-Allow-Origin: *``; a refused request
closes its connection. A handler exception answers 500 with one log line and the server
keeps running. At most 512 connections at once; more are answered 503 and closed.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl, unquote

from aiohttp import web
from aiohttp.http_exceptions import BadHttpMessage, BadStatusLine, InvalidHeader, LineTooLong
from aiohttp.web_protocol import RequestHandler, RequestPayloadError

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024
MAX_LINE_BYTES = 8190  # aiohttp's default, for the request line and each header line
MAX_HEADERS = 128  # aiohttp's default
IDLE_TIMEOUT = 60.0
BODY_TIMEOUT = 30.0
MAX_CONNECTIONS = 512
LINGER_SECONDS = 2.0  # after refusing a request, how long its unread body is drained
SHUTDOWN_SECONDS = 1.0  # how long close() lets requests in progress finish

Handler = Callable[[str, dict[str, Any]], tuple[int, Any]]


class HttpError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def json_response(status: int, payload: Any, *, keep_alive: bool) -> web.Response:
    response = web.Response(
        status=status, body=json.dumps(payload, separators=(",", ":")).encode(),
        content_type="application/json",
        headers={"Access-Control-Allow-Origin": "*",
                 "Connection": "keep-alive" if keep_alive else "close"})
    if not keep_alive:
        response.force_close()
    return response


class JsonHttpServer:
    """Serves ``handler(path, params) -> (status, json)`` where params is the JSON body
    object (POST) merged over the query parameters.

    ``ready``, if given, is awaited before each request is handled: the node holds requests
    back with it while a block is being made durable. The handler runs right after it,
    with nothing awaited in between.
    """

    def __init__(self, handler: Handler,
                 ready: Callable[[], Awaitable[object]] | None = None) -> None:
        self.handler = handler
        self.ready = ready
        self._web: web.Server | None = None
        self._server: asyncio.Server | None = None

    async def start(self, host: str, port: int) -> tuple[str, int]:
        loop = asyncio.get_running_loop()
        self._web = web_server = web.Server(self._serve, request_factory=self._request)
        options: dict[str, Any] = {
            "keepalive_timeout": IDLE_TIMEOUT, "lingering_time": LINGER_SECONDS,
            "max_line_size": MAX_LINE_BYTES, "max_field_size": MAX_LINE_BYTES,
            "max_headers": MAX_HEADERS, "auto_decompress": False, "access_log": None}

        def protocol() -> asyncio.Protocol:
            if len(web_server.connections) >= MAX_CONNECTIONS:
                return _TooMany()
            return _JsonErrors(web_server, loop=loop, **options)

        self._server = await loop.create_server(protocol, host, port, reuse_address=True)
        sockname = self._server.sockets[0].getsockname()
        return str(sockname[0]), int(sockname[1])

    async def close(self) -> None:
        """Stop accepting, close idle connections, let requests in progress finish for a
        moment, then drop every connection."""
        if self._server is not None:
            self._server.close()
        if self._web is not None:
            await asyncio.sleep(0)  # connections just accepted start their request first
            self._web.pre_shutdown()
            await self._web.shutdown(SHUTDOWN_SECONDS)

    def _request(self, message: Any, payload: Any, protocol: RequestHandler, writer: Any,
                 task: asyncio.Task[None]) -> web.BaseRequest:
        return web.BaseRequest(message, payload, protocol, writer, task,
                               asyncio.get_running_loop(), client_max_size=MAX_BODY_BYTES)

    async def _serve(self, request: web.BaseRequest) -> web.StreamResponse:
        try:
            path, params = await _read(request)
        except HttpError as exc:
            return json_response(exc.status, {"Error": exc.message}, keep_alive=False)
        keep_alive = request.keep_alive
        if path is None:  # OPTIONS
            return json_response(200, {}, keep_alive=keep_alive)
        if self.ready is not None:
            await self.ready()
        try:
            status, payload = self.handler(path, params)
        except Exception as exc:  # the node must survive any request
            log.exception("request %s failed", path[:100])
            status, payload = 500, {"Error": f"internal error: {type(exc).__name__}"}
        return json_response(status, payload, keep_alive=keep_alive)


async def _read(request: web.BaseRequest) -> tuple[str | None, dict[str, Any]]:
    """The request's path and parameters (``None`` for OPTIONS), or an HttpError."""
    if "Transfer-Encoding" in request.headers:
        raise HttpError(411, "send the body with Content-Length, not chunked")
    length = request.content_length or 0
    if length > MAX_BODY_BYTES:
        raise HttpError(413, f"request body over {MAX_BODY_BYTES} bytes")
    body = b""
    if length:
        try:
            async with asyncio.timeout(BODY_TIMEOUT):
                body = await request.read()
        except TimeoutError:
            raise HttpError(408, "request body did not arrive in time") from None
        except (ConnectionError, RequestPayloadError):  # the client went away, or shutdown
            raise HttpError(400, "request body incomplete") from None
        except web.HTTPRequestEntityTooLarge:  # pragma: no cover - the length was checked
            raise HttpError(413, f"request body over {MAX_BODY_BYTES} bytes") from None
    method = request.method
    if method == "OPTIONS":
        return None, {}
    if method not in ("GET", "POST"):
        raise HttpError(405, f"method {method[:20]} not allowed")
    url = request.rel_url
    if not request.raw_path.startswith("/"):
        raise HttpError(400, "bad request line")
    params: dict[str, Any] = dict(parse_qsl(url.raw_query_string))
    if body.strip():
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            raise HttpError(400, "request body is not valid JSON") from None
        if not isinstance(data, dict):
            raise HttpError(400, "request body must be a JSON object")
        params.update(data)
    return unquote(url.raw_path), params


class _JsonErrors(RequestHandler):
    """aiohttp's connection handler, answering requests it cannot parse in JSON (no
    traceback in the log: a malformed request is the client's business)."""

    def handle_error(self, request: web.BaseRequest, status: int = 500,
                     exc: BaseException | None = None,
                     message: str | None = None) -> web.StreamResponse:
        if request.writer.output_size > 0:  # an answer is on its way: the connection is lost
            raise ConnectionError("response already started")
        if isinstance(exc, LineTooLong) or (
                isinstance(exc, BadHttpMessage) and "many headers" in exc.message):
            status, text = 431, "request headers too large"
        elif isinstance(exc, BadStatusLine):
            status, text = 400, "bad request line"
        elif isinstance(exc, InvalidHeader):
            status, text = 400, "bad header line"
        elif isinstance(exc, BadHttpMessage):
            status, text = 400, f"bad request: {_first_line(exc.message)}"
        elif status == 500 and not isinstance(exc, ConnectionError):
            log.error("request failed", exc_info=exc)
            text = f"internal error: {type(exc).__name__}"
        else:
            text = message or "bad request"
        log.debug("refused a request: %s (%s)", text, exc)
        return json_response(status, {"Error": text}, keep_alive=False)


def _first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0].rstrip(" :")[:100]


class _TooMany(asyncio.Protocol):
    """Answers a connection over the limit with 503 and closes it."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.WriteTransport)
        body = b'{"Error":"too many connections"}'
        transport.write(b"HTTP/1.1 503 Service Unavailable\r\n"
                        b"Content-Type: application/json\r\n"
                        b"Content-Length: %d\r\n"
                        b"Access-Control-Allow-Origin: *\r\n"
                        b"Connection: close\r\n\r\n%s" % (len(body), body))
        transport.close()
