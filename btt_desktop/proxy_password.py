"""The proxy password in the OS keyring (never in the settings file, which is plain JSON).

One entry per profile: service ``"BTT Desktop proxy"``, account the profile's folder. Only
a real OS secret store is used (the same checks as the wallet's "remember on this
computer", :mod:`btt_desktop.wallet.keyring_store`); without one the window keeps the
password for the session only and says so. Every call runs off the loop with a timeout.
The password itself is never logged. No Qt here.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
from typing import TYPE_CHECKING

from btt_desktop.wallet.keyring_store import (
    DEFAULT_TIMEOUT,
    KeyringStatus,
    KeyringStore,
    KeyringUnavailable,
)

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

    from btt_desktop.engine.types import EngineSettings

SERVICE_NAME = "BTT Desktop proxy"

__all__ = [
    "SERVICE_NAME",
    "KeyringUnavailable",
    "ProxyPasswordStore",
    "wants_stored_password",
    "with_stored_password",
]


class ProxyPasswordStore:
    """``status()``, ``load()``, ``save(password)`` (an empty one removes the entry).

    ``backend`` is for tests (keyring's "fail" backend, say); by default the secure OS
    keyring is detected on first use.
    """

    def __init__(self, profile_root: str | os.PathLike[str],
                 backend: KeyringBackend | None = None, *,
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        self.account = os.fspath(profile_root)
        self._keyring = KeyringStore(backend, timeout=timeout, service=SERVICE_NAME)
        self._status: KeyringStatus | None = None
        self._checking: asyncio.Future[KeyringStatus] | None = None

    def __repr__(self) -> str:
        return f"<ProxyPasswordStore account={self.account!r}>"

    @property
    def known_status(self) -> KeyringStatus | None:
        """The last answer of :meth:`status`, without asking again (None: not asked)."""
        return self._status

    async def status(self) -> KeyringStatus:
        """Whether a secure keyring remembers the password (asked once; callers at the
        same time share the one question, since the keyring answers one at a time)."""
        if self._status is None:
            if self._checking is None:
                self._checking = asyncio.ensure_future(self._keyring.status())
            self._status = await asyncio.shield(self._checking)
        return self._status

    async def load(self) -> str:
        """The saved password, or "" (none saved). ``KeyringUnavailable`` says why not."""
        return await self._keyring.load(self.account) or ""

    async def save(self, password: str) -> None:
        if password:
            await self._keyring.store(self.account, password)
        else:
            await self._keyring.delete(self.account)


def wants_stored_password(settings: EngineSettings) -> bool:
    """A proxy with a user name and no password given: its password is in the keyring."""
    from btt_desktop.engine.types import ProxyType  # the engine: not at import time

    return (settings.proxy_type is not ProxyType.NONE and bool(settings.proxy_username)
            and not settings.proxy_password)


async def with_stored_password(settings: EngineSettings, store: ProxyPasswordStore
                               ) -> EngineSettings:
    """``settings`` with the proxy password read from the keyring when it wants one (the
    window and ``btt daemon`` at start); :class:`KeyringUnavailable` when it cannot be."""
    if not wants_stored_password(settings):
        return settings
    return dataclasses.replace(settings, proxy_password=await store.load())
