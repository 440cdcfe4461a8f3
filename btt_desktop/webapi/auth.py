"""Logins for the Web API: the password hash (qBittorrent's PBKDF2 format), sessions,
bans after failed logins, and the Host and cross-site checks every request passes.

The password is kept only as ``WebUI\\Password_PBKDF2="@ByteArray(salt:hash)"``
(PBKDF2-HMAC-SHA512, 100,000 iterations, a 16-byte salt, both base64), as qBittorrent
keeps it, in ``PROFILE/web_api.conf``. Nothing here logs a password or a session id.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import ipaddress
import re
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from btt_desktop.atomicfile import write_atomic
from btt_desktop.errors import BttError

USERNAME = "admin"
CONFIG_FILE = "web_api.conf"
ITERATIONS = 100_000
SALT_BYTES = 16
MAX_PASSWORD_FILE = 4096

MAX_FAILURES = 5             # failed logins from one IP before it is banned
BAN_SECONDS = 3600
BANNED_TEXT = "Your IP address has been banned after too many failed authentication attempts."
MAX_TRACKED_IPS = 10_000     # IPs remembered for failures and bans (oldest dropped)
SESSION_TIMEOUT = 3600.0     # seconds without a request
MAX_SESSIONS = 64            # the least recently used goes first
SID_COOKIE = "SID"

_LINE = re.compile(r'^WebUI\\Password_PBKDF2="?@ByteArray\(([^:)]+):([^)]+)\)"?\s*$')


@dataclass(frozen=True)
class PasswordHash:
    salt: bytes
    digest: bytes

    @classmethod
    def make(cls, password: str, salt: bytes | None = None) -> PasswordHash:
        salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
        return cls(salt, _pbkdf2(password, salt))

    def matches(self, password: str) -> bool:
        return hmac.compare_digest(_pbkdf2(password, self.salt), self.digest)

    def qbittorrent_value(self) -> str:
        """``@ByteArray(salt:hash)``, base64 each, as in qBittorrent.conf."""
        salt = base64.b64encode(self.salt).decode()
        digest = base64.b64encode(self.digest).decode()
        return f"@ByteArray({salt}:{digest})"

    @classmethod
    def parse(cls, line: str) -> PasswordHash | None:
        match = _LINE.match(line.strip())
        if match is None:
            return None
        try:
            return cls(base64.b64decode(match.group(1), validate=True),
                       base64.b64decode(match.group(2), validate=True))
        except (binascii.Error, ValueError):
            return None

    def __repr__(self) -> str:
        return "<PasswordHash>"


def _pbkdf2(password: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha512", password.encode("utf-8"), salt, ITERATIONS)


def config_path(profile_root: Path) -> Path:
    return profile_root / CONFIG_FILE


def load_hash(profile_root: Path) -> PasswordHash | None:
    """The stored hash, or None when there is none (or it cannot be read)."""
    try:
        text = config_path(profile_root).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for line in text.splitlines():
        found = PasswordHash.parse(line)
        if found is not None:
            return found
    return None


def save_hash(profile_root: Path, value: PasswordHash) -> None:
    text = ("[Preferences]\n"
            f"WebUI\\Username={USERNAME}\n"
            f'WebUI\\Password_PBKDF2="{value.qbittorrent_value()}"\n')
    write_atomic(config_path(profile_root), text.encode(), mode=0o600)


def read_password_file(path: str) -> str:
    """The first line of ``path`` (a systemd credential, a file only the user reads)."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_PASSWORD_FILE + 1)
    except OSError as exc:
        raise BttError(f"cannot read the password file {path}: "
                       f"{exc.strerror or exc}") from None
    if len(data) > MAX_PASSWORD_FILE:
        raise BttError(f"the password file {path} is too long")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BttError(f"the password file {path} is not UTF-8 text") from None
    lines = text.splitlines()
    password = lines[0] if lines else ""
    if not password:
        raise BttError(f"the password file {path} is empty")
    return password


def stored_hash_for(profile_root: Path, password: str) -> PasswordHash:
    """The hash to use for ``password``: the stored one if it matches (no new salt at
    every start), else a new one, saved in the profile."""
    old = load_hash(profile_root)
    if old is not None and old.matches(password):
        return old
    new = PasswordHash.make(password)
    save_hash(profile_root, new)
    return new


# --- sessions and bans ------------------------------------------------------------------

@dataclass
class Session:
    sid: str
    ip: str
    last_seen: float
    data: dict[str, Any] = field(default_factory=dict)   # per session: sync/maindata state

    def __repr__(self) -> str:
        return f"<Session from {self.ip}>"


class Sessions:
    """Session ids handed out at login: bounded, dropped after an hour unused."""

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 limit: int = MAX_SESSIONS) -> None:
        self._clock = clock
        self._limit = limit
        self._by_sid: OrderedDict[str, Session] = OrderedDict()

    def __len__(self) -> int:
        return len(self._by_sid)

    def new(self, ip: str) -> Session:
        self._expire()
        sid = secrets.token_urlsafe(24)
        session = Session(sid, ip, self._clock())
        self._by_sid[sid] = session
        while len(self._by_sid) > self._limit:
            self._by_sid.popitem(last=False)
        return session

    def get(self, sid: str | None) -> Session | None:
        if not sid:
            return None
        session = self._by_sid.get(sid)
        if session is None:
            return None
        now = self._clock()
        if now - session.last_seen > SESSION_TIMEOUT:
            del self._by_sid[sid]
            return None
        session.last_seen = now
        self._by_sid.move_to_end(sid)
        return session

    def drop(self, sid: str | None) -> None:
        if sid:
            self._by_sid.pop(sid, None)

    def _expire(self) -> None:
        now = self._clock()
        for sid in [s for s, v in self._by_sid.items() if now - v.last_seen > SESSION_TIMEOUT]:
            del self._by_sid[sid]


class LoginGuard:
    """Failed logins per IP; the fifth bans the IP for an hour."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._failures: OrderedDict[str, int] = OrderedDict()
        self._banned: OrderedDict[str, float] = OrderedDict()   # ip -> until

    def banned(self, ip: str) -> bool:
        until = self._banned.get(ip)
        if until is None:
            return False
        if self._clock() >= until:
            del self._banned[ip]
            return False
        return True

    def failed(self, ip: str) -> None:
        count = self._failures.pop(ip, 0) + 1
        if count >= MAX_FAILURES:
            self._banned.pop(ip, None)
            self._banned[ip] = self._clock() + BAN_SECONDS
            _bound(self._banned)
        else:
            self._failures[ip] = count
            _bound(self._failures)

    def succeeded(self, ip: str) -> None:
        self._failures.pop(ip, None)


def _bound(table: OrderedDict[str, Any]) -> None:
    while len(table) > MAX_TRACKED_IPS:
        table.popitem(last=False)


class Authenticator:
    """Checks a user name and password against the hash; at most two checks hash at a
    time (PBKDF2 costs about 0.1 s of CPU), off the event loop."""

    def __init__(self, password_hash: PasswordHash) -> None:
        self._hash = password_hash
        self._slots = asyncio.Semaphore(2)

    async def check(self, username: str, password: str) -> bool:
        async with self._slots:
            ok = await asyncio.to_thread(self._hash.matches, password)
        return ok and hmac.compare_digest(username.encode(), USERNAME.encode())


# --- Host header and cross-site checks --------------------------------------------------

def host_allowed(host_header: str | None, domains: Iterable[str]) -> bool:
    """The Host header names an IP address, ``localhost``, or one of ``domains``
    (``*`` allows any): a DNS-rebinding page cannot talk to the API under its own name."""
    if not host_header:
        return False
    host = _host_of(host_header)
    if host is None:
        return False
    if host == "localhost" or _is_ip(host):
        return True
    allowed = [d.strip().lower() for d in domains]
    return "*" in allowed or host in allowed


def cross_site(origin: str | None, referer: str | None, host_header: str | None) -> bool:
    """True when Origin (else Referer) names another host:port than Host."""
    target = _netloc(host_header or "")
    for value in (origin, referer):
        if value is None:
            continue
        parts = urlsplit(value)
        if not parts.scheme or not parts.netloc:
            return True
        return _netloc(parts.netloc, parts.scheme) != target
    return False


def _host_of(host_header: str) -> str | None:
    parts = urlsplit("//" + host_header.strip())
    try:
        host = parts.hostname
        _ = parts.port
    except ValueError:
        return None
    return host.lower() if host else None


def _netloc(text: str, scheme: str = "") -> str:
    parts = urlsplit("//" + text.strip().lower().rsplit("@", 1)[-1])
    try:
        port = parts.port
    except ValueError:
        return "?"
    host = parts.hostname or ""
    if port is None or (scheme == "http" and port == 80) or (scheme == "https" and port == 443):
        return host
    return f"{host}:{port}"


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
