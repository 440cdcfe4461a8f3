"""The last daemon the window connected to, and its password in the OS keyring.

The address and the user name (no secret) are kept in ``PROFILE/remote-daemon.json``; the
password only in a real OS secret store (the checks of the wallet's "remember on this
computer", :mod:`btt_desktop.wallet.keyring_store`), service ``"BTT Desktop daemon"``,
account ``user@host:port``. Every call runs off the loop; the password is never logged.
No Qt here.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from keyring.backend import KeyringBackend

from btt_desktop.atomicfile import write_atomic
from btt_desktop.errors import BttError
from btt_desktop.wallet.keyring_store import (
    DEFAULT_TIMEOUT,
    KeyringStatus,
    KeyringStore,
    KeyringUnavailable,
)

log = logging.getLogger(__name__)

SERVICE_NAME = "BTT Desktop daemon"
FILE_NAME = "remote-daemon.json"
DEFAULT_USER = "admin"


@dataclass(frozen=True)
class DaemonLogin:
    """What the connect dialog asks; ``remember`` keeps the password in the keyring."""

    address: str
    username: str = DEFAULT_USER
    password: str = ""
    remember: bool = False

    def __repr__(self) -> str:
        return (f"DaemonLogin(address={self.address!r}, username={self.username!r}, "
                f"remember={self.remember})")

    @property
    def account(self) -> str:
        return f"{self.username}@{self.address}"


class DaemonLogins:
    """``last()``, ``status()``, ``save(login)``. ``backend`` is for tests."""

    def __init__(self, profile_root: str | os.PathLike[str],
                 backend: KeyringBackend | None = None, *,
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = Path(profile_root) / FILE_NAME
        self._keyring = KeyringStore(backend, timeout=timeout, service=SERVICE_NAME)

    async def status(self) -> KeyringStatus:
        return await self._keyring.status()

    async def last(self) -> DaemonLogin | None:
        """The daemon of the last connection, with its password when one is kept."""
        try:
            raw = await asyncio.to_thread(self.path.read_text, encoding="utf-8")
            data = json.loads(raw)
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or not isinstance(data.get("address"), str):
            return None
        user = data.get("username")
        login = DaemonLogin(data["address"], user if isinstance(user, str) and user
                            else DEFAULT_USER)
        if not data.get("remember"):
            return login
        try:
            password = await self._keyring.load(login.account)
        except KeyringUnavailable as exc:
            log.warning("the daemon's password could not be read from the keyring: %s", exc)
            password = None
        return DaemonLogin(login.address, login.username,
                           password if isinstance(password, str) else "",
                           remember=isinstance(password, str))

    async def save(self, login: DaemonLogin) -> str:
        """Keep ``login`` for next time; returns why the password could not be kept
        (one line), or ""."""
        data = {"address": login.address, "username": login.username,
                "remember": login.remember}
        problem = ""
        try:
            if login.remember and login.password:
                await self._keyring.store(login.account, login.password)
            else:
                await self._keyring.delete(login.account)
        except KeyringUnavailable as exc:
            data["remember"] = False
            if login.remember:
                problem = f"the password could not be kept in the OS keyring: {exc}"
        try:
            await asyncio.to_thread(write_atomic, self.path,
                                    json.dumps(data, indent=1).encode(), keep_backup=False,
                                    sync=False)
        except BttError as exc:
            log.warning("%s", exc)
        return problem
