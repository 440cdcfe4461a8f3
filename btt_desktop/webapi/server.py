"""The HTTP server: one aiohttp application on the engine's loop, routing
``/api/v2/NAMESPACE/METHOD`` after the Host, cross-site and session checks.

Every answer to bad input is a short text with a 4xx status, as qBittorrent gives;
an unexpected failure is logged and answered ``500`` with one line, never a traceback.
"""

from __future__ import annotations

import json
import logging
import ssl
from collections.abc import Iterable, Mapping
from typing import Any

from aiohttp import web

from btt_desktop.errors import BttError, one_line
from btt_desktop.webapi import (
    app_api,
    auth_api,
    speed_api,
    sync_api,
    torrents_api,
    torrents_edit_api,
    transfer_api,
)
from btt_desktop.webapi.auth import SID_COOKIE, cross_site, host_allowed
from btt_desktop.webapi.context import ApiContext
from btt_desktop.webapi.http import Answer, Params, Route, Verb

log = logging.getLogger(__name__)

# a request body (a form, or .torrent files uploaded at once); libtorrent refuses
# metadata above 64 MiB anyway
MAX_BODY = 72 * 1024 * 1024
PUBLIC = frozenset({"auth/login"})   # answered without a session


def routes() -> dict[str, Route]:
    table: dict[str, Route] = {}
    for module in (auth_api, app_api, transfer_api, torrents_api, torrents_edit_api,
                   sync_api, speed_api):
        spaces: Mapping[str, Route] = module.ROUTES
        for name, route in spaces.items():
            assert name not in table, name
            table[name] = route
    return table


class WebApi:
    """Serve the API at ``host:port`` (``ssl_context`` for HTTPS) until :meth:`close`."""

    def __init__(self, ctx: ApiContext, host: str, port: int, *,
                 ssl_context: ssl.SSLContext | None = None,
                 domains: Iterable[str] = ()) -> None:
        self.ctx = ctx
        self._host = host
        self._port = port
        self._ssl = ssl_context
        self._domains = tuple(domains)
        self._routes = routes()
        self._runner: web.AppRunner | None = None
        self.url = ""

    def application(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_route("*", "/api/v2/{scope}/{method}", self._dispatch)
        app.router.add_route("*", "/{tail:.*}", self._other)
        return app

    async def start(self) -> str:
        """Listen; returns the URL served on (with the port the OS chose for port 0)."""
        runner = web.AppRunner(self.application(), access_log=None, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, self._host, self._port, ssl_context=self._ssl,
                           reuse_address=True)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            raise BttError(f"cannot serve the web api on {_join(self._host, self._port)}: "
                           f"{exc.strerror or exc}") from None
        self._runner = runner
        port = self._port
        sockets = getattr(site._server, "sockets", None)  # the bound socket, for port 0
        if sockets:
            port = int(sockets[0].getsockname()[1])
        scheme = "https" if self._ssl is not None else "http"
        self.url = f"{scheme}://{_join(self._host, port)}"
        return self.url

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _other(self, request: web.Request) -> web.StreamResponse:
        if not host_allowed(request.headers.get("Host"), self._domains):
            return _text("Unauthorized", 401)
        if request.path in ("", "/"):
            return _text("BTT Desktop Web API (qBittorrent Web API v2): /api/v2/\n")
        return _text("Not Found", 404)

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        headers = request.headers
        if not host_allowed(headers.get("Host"), self._domains):
            return _text("Unauthorized", 401)
        if cross_site(headers.get("Origin"), headers.get("Referer"), headers.get("Host")):
            return _text("Unauthorized", 401)
        name = f"{request.match_info['scope']}/{request.match_info['method']}"
        route = self._routes.get(name)
        if route is None:
            return _text("Not Found", 404)
        if request.method not in ("GET", "POST", "HEAD"):
            return _text("Method Not Allowed", 405)
        if route.verb is Verb.ACTION and request.method != "POST":
            return _text("Method Not Allowed", 405)
        ctx = self.ctx
        session = ctx.sessions.get(request.cookies.get(SID_COOKIE))
        if session is None and name not in PUBLIC:
            return _text("Forbidden", 403)
        try:
            form = await request.post() if request.method == "POST" else None
            params = Params(request.query, form, request.remote or "")
            params.session = session
            params.secure = self._ssl is not None
            answer = await route.handler(ctx, params)
        except web.HTTPException as exc:
            if exc.status >= 500:
                raise
            return _text(exc.text or exc.reason, exc.status)
        except (ValueError, UnicodeDecodeError) as exc:
            return _text(f"Bad Request: {one_line(exc)}", 400)
        except BttError as exc:
            return _text(str(exc), 409)
        except Exception:
            log.exception("web api %s failed", name)
            return _text("Internal Server Error", 500)
        return _response(answer)


def _response(answer: Answer) -> web.StreamResponse:
    if isinstance(answer, web.StreamResponse):
        return answer
    if answer is None:
        return _text("")
    if isinstance(answer, str):
        return _text(answer)
    return web.Response(text=json.dumps(answer, separators=(",", ":")),
                        content_type="application/json")


def _text(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/plain")


def _join(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def json_answer(data: Any, status: int = 200) -> web.Response:
    return web.Response(text=json.dumps(data, separators=(",", ":")), status=status,
                        content_type="application/json")
