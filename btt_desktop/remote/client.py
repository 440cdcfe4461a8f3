"""A small client of qBittorrent's Web API v2 (as ``btt daemon`` serves it), on aiohttp.

Every failure is a :class:`RemoteError` of one line: :class:`LoginRefused` for a wrong
user name or password (or a ban), :class:`Unreachable` when no answer came. The session
cookie (``SID``) is kept here, not in a cookie jar (aiohttp's refuses cookies of IP
addresses); a session that expired is renewed once, transparently. The password stays in
this object only for that renewal and is never logged.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from btt_desktop.errors import BttError, one_line

log = logging.getLogger(__name__)

DEFAULT_PORT = 8080
TIMEOUT = 30.0
SID = "SID"


class RemoteError(BttError):
    """The daemon refused a request, or cannot do what was asked."""


class LoginRefused(RemoteError):
    """A wrong user name or password, or this address is banned for a while."""


class Unreachable(RemoteError):
    """No answer from the daemon (not running, wrong address, network down)."""


@dataclass(frozen=True)
class DaemonAddress:
    """Where a daemon listens: ``http://host:port`` (``https`` with a certificate)."""

    scheme: str
    host: str
    port: int

    @classmethod
    def parse(cls, text: str) -> DaemonAddress:
        """``http://host:port``, ``https://host``, or ``host:port`` (http)."""
        raw = text.strip()
        if not raw:
            raise RemoteError("give the address of the daemon, as http://host:port")
        if "://" not in raw:
            raw = "http://" + raw
        try:
            parts = urlsplit(raw)
            port = parts.port
        except ValueError:
            raise RemoteError(f"not an address: {text.strip()}") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise RemoteError(f"not an http(s) address: {text.strip()}")
        if parts.path not in ("", "/") or parts.query or parts.username:
            raise RemoteError(f"give only the scheme, host and port: {text.strip()}")
        if port is None:
            port = DEFAULT_PORT if parts.scheme == "http" else 443
        return cls(parts.scheme, parts.hostname, port)

    @property
    def label(self) -> str:
        """``host:port``, as the title bar shows it."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.label}"

    def __str__(self) -> str:
        return self.url


class WebApiClient:
    """``await login()``, then ``get``/``post`` on ``/api/v2/NAME``; ``close()`` at the
    end. Answers are JSON values or text."""

    def __init__(self, address: DaemonAddress, username: str, password: str, *,
                 timeout: float = TIMEOUT) -> None:
        self.address = address
        self.username = username
        self._password = password
        self._timeout = aiohttp.ClientTimeout(total=timeout, connect=min(timeout, 10.0))
        self._session: aiohttp.ClientSession | None = None
        self._sid = ""
        self._closed = False

    def __repr__(self) -> str:
        return f"<WebApiClient {self.address} user={self.username!r}>"

    def _http(self) -> aiohttp.ClientSession:
        if self._closed:
            raise RemoteError(f"disconnected from the daemon at {self.address.label}")
        if self._session is None or self._session.closed:
            # a Referer/Origin is never sent, so the daemon's cross-site check passes
            self._session = aiohttp.ClientSession(
                cookie_jar=aiohttp.DummyCookieJar(), timeout=self._timeout,
                headers={"User-Agent": "BTT Desktop"})
        return self._session

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            if self._sid:
                with contextlib.suppress(RemoteError):
                    await self._raw("POST", "auth/logout", None)
            await self._session.close()
        self._session = None
        self._sid = ""
        self._closed = True

    async def login(self) -> None:
        """Open a session; :class:`LoginRefused` for a wrong password or a ban."""
        self._sid = ""
        form = {"username": self.username, "password": self._password}
        status, body, sid = await self._raw("POST", "auth/login", form)
        text = body.decode("utf-8", "replace")
        if status == 403:
            raise LoginRefused(f"the daemon at {self.address.label} refused the login: "
                               f"{one_line(text) or 'Forbidden'}")
        if status != 200 or text.strip() != "Ok." or not sid:
            raise LoginRefused(f"wrong user name or password for {self.address.label}")
        self._sid = sid

    async def get(self, name: str, **params: Any) -> Any:
        return _decode((await self._call("GET", name, _form(params))).decode(
            "utf-8", "replace"))

    async def get_bytes(self, name: str, **params: Any) -> bytes:
        return await self._call("GET", name, _form(params))

    async def post(self, name: str, data: dict[str, Any] | aiohttp.FormData | None = None
                   ) -> Any:
        body = await self._call("POST", name, data if isinstance(data, aiohttp.FormData)
                                else _form(data or {}))
        return _decode(body.decode("utf-8", "replace"))

    async def _call(self, method: str, name: str,
                    data: dict[str, str] | aiohttp.FormData) -> bytes:
        if not self._sid:
            await self.login()
        status, body, _sid = await self._raw(method, name, data)
        if status == 403:   # the session expired (an hour idle, or the daemon restarted)
            await self.login()
            status, body, _sid = await self._raw(method, name, data)
        if status == 200:
            return body
        raise RemoteError(_refusal(self.address, name, status,
                                   body.decode("utf-8", "replace")))

    async def _raw(self, method: str, name: str, data: Any) -> tuple[int, bytes, str]:
        url = f"{self.address.url}/api/v2/{name}"
        headers = {"Cookie": f"{SID}={self._sid}"} if self._sid and not name.startswith(
            "auth/login") else {}
        kwargs: dict[str, Any] = {"headers": headers}
        if method == "GET":
            kwargs["params"] = data
        else:
            kwargs["data"] = data
        try:
            async with self._http().request(method, url, **kwargs) as response:
                body = await response.read()
                morsel = response.cookies.get(SID)
                return response.status, body, morsel.value if morsel is not None else ""
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise Unreachable(f"cannot reach the daemon at {self.address.label}: "
                              f"{_reason(exc)}") from None


def _reason(exc: BaseException) -> str:
    """Why no answer came, in a few words ("connection refused", "no answer in time")."""
    if isinstance(exc, TimeoutError):
        return "no answer in time"
    if isinstance(exc, aiohttp.ClientConnectorError):
        errno = exc.os_error.errno
        if errno and errno > 0:
            return os.strerror(errno).lower()
        if exc.os_error.strerror:   # a name that does not resolve
            return one_line(exc.os_error.strerror).lower()
        return one_line(exc.os_error, typed=False) or "no connection"
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return "the connection was closed"
    if isinstance(exc, OSError) and exc.errno and exc.errno > 0:
        return os.strerror(exc.errno).lower()
    return one_line(exc, typed=False)


def _form(params: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, bool):
            out[key] = "true" if value else "false"
        else:
            out[key] = str(value)
    return out


def _decode(text: str) -> Any:
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        try:
            return json.loads(text)
        except ValueError:
            return text
    return text


def _refusal(address: DaemonAddress, name: str, status: int, text: str) -> str:
    line = one_line(text, 200)
    if status == 404 and line == "Not Found":
        return f"the daemon at {address.label} knows no such torrent or call ({name})"
    if status == 401:
        return (f"the daemon at {address.label} refused this address (a host name needs "
                "--web-domain on the daemon)")
    return f"the daemon refused it: {line or status}"
