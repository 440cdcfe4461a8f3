"""Request parameters and the short answers qBittorrent gives for bad input."""

from __future__ import annotations

import enum
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiohttp import web
from multidict import MultiDict, MultiMapping

if TYPE_CHECKING:
    from btt_desktop.webapi.auth import Session
    from btt_desktop.webapi.context import ApiContext

MAX_HASHES = 10_000      # hashes in one request
MAX_ITEMS = 1_000        # urls, peers, trackers, tags ... in one request


class Verb(enum.Enum):
    """READ answers GET and POST; ACTION changes state and answers POST only (as
    qBittorrent since 4.4)."""

    READ = "read"
    ACTION = "action"


class Params:
    """The query string and the form (urlencoded or multipart) of one request."""

    def __init__(self, query: MultiMapping[str], form: MultiMapping[Any] | None,
                 remote: str = "") -> None:
        merged: MultiDict[Any] = MultiDict(query)
        if form is not None:
            merged.extend(form)
        self._values = merged
        self.remote = remote
        self.session: Session | None = None   # None only on auth/login
        self.secure = False                    # served over HTTPS

    def has(self, name: str) -> bool:
        return name in self._values

    def text(self, name: str, default: str | None = None) -> str:
        value = self._values.get(name)
        if value is None or not isinstance(value, str):
            if default is None:
                raise bad_request(f"missing parameter: {name}")
            return default
        return value

    def all(self, name: str) -> list[Any]:
        return list(self._values.getall(name, []))

    def uploads(self) -> list[Any]:
        """Every uploaded file part, whatever its field name (as qBittorrent reads them)."""
        return [v for v in self._values.values() if hasattr(v, "file")]

    def flag(self, name: str, default: bool = False) -> bool:
        value = self._values.get(name)
        if not isinstance(value, str) or value == "":
            return default
        lowered = value.strip().lower()
        if lowered in ("true", "1", "yes", "on"):
            return True
        if lowered in ("false", "0", "no", "off"):
            return False
        raise bad_request(f"not a boolean: {name}")

    def integer(self, name: str, default: int | None = None, *, low: int | None = None,
                high: int | None = None) -> int:
        raw = self._values.get(name)
        if not isinstance(raw, str) or raw.strip() == "":
            if default is None:
                raise bad_request(f"missing parameter: {name}")
            return default
        try:
            value = int(raw.strip())
        except ValueError:
            raise bad_request(f"not an integer: {name}") from None
        if (low is not None and value < low) or (high is not None and value > high):
            raise bad_request(f"out of range: {name}")
        return value

    def number(self, name: str, default: float) -> float:
        raw = self._values.get(name)
        if not isinstance(raw, str) or raw.strip() == "":
            return default
        try:
            value = float(raw)
        except ValueError:
            raise bad_request(f"not a number: {name}") from None
        if not math.isfinite(value):
            raise bad_request(f"not a number: {name}")
        return value

    def hashes(self, name: str = "hashes") -> list[str] | None:
        """``a|b|c`` as lower-case hashes; None for ``all``."""
        text = self.text(name)
        if text.strip().lower() == "all":
            return None
        items = [h.strip().lower() for h in text.split("|") if h.strip()]
        if len(items) > MAX_HASHES:
            raise bad_request("too many hashes")
        return items

    def split(self, name: str, sep: str, default: str | None = None) -> list[str]:
        items = [x.strip() for x in self.text(name, default).split(sep) if x.strip()]
        if len(items) > MAX_ITEMS:
            raise bad_request(f"too many values: {name}")
        return items


def bad_request(text: str) -> web.HTTPBadRequest:
    return web.HTTPBadRequest(text=text)


def conflict(text: str) -> web.HTTPConflict:
    return web.HTTPConflict(text=text)


def not_found(text: str = "Not Found") -> web.HTTPNotFound:
    return web.HTTPNotFound(text=text)


Answer = web.StreamResponse | dict[str, Any] | list[Any] | str | None
Handler = Callable[["ApiContext", Params], Awaitable[Answer]]


@dataclass(frozen=True)
class Route:
    handler: Handler
    verb: Verb = Verb.ACTION


def read(handler: Handler) -> Route:
    return Route(handler, Verb.READ)


def action(handler: Handler) -> Route:
    return Route(handler, Verb.ACTION)
