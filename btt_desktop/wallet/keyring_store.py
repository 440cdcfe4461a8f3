""""Remember on this computer": the wallet password in the OS keyring, only where that is safe.

Used only with a real OS secret store (Secret Service, KWallet, macOS Keychain, Windows
Credential Locker). keyring's fail/null backends, ``keyrings.alt`` (plain or weakly
encrypted files, terminal prompts) and a chainer with nothing secure behind it are
refused, with a one-line reason the GUI can show next to the checkbox.

Every keyring call runs in a daemon thread with a timeout: a locked Secret Service
may pop up an unlock dialog and wait for the user indefinitely, and neither the asyncio
loop nor the process exit may wait with it.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from btt_desktop.errors import WalletError, one_line

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

SERVICE_NAME = "BTT Desktop wallet"
DEFAULT_TIMEOUT = 5.0

# (module, class): backends that keep secrets in an OS store protected by the user's login.
SECURE_BACKENDS = (
    ("keyring.backends.SecretService", "Keyring"),
    ("keyring.backends.libsecret", "Keyring"),
    ("keyring.backends.kwallet", "DBusKeyring"),
    ("keyring.backends.kwallet", "DBusKeyringKWallet4"),
    ("keyring.backends.macOS", "Keyring"),
    ("keyring.backends.Windows", "WinVaultKeyring"),
)

T = TypeVar("T")


class KeyringUnavailable(WalletError):
    """The OS keyring cannot be used now; ``str()`` says why."""


@dataclass(frozen=True)
class KeyringStatus:
    available: bool
    backend: str | None = None   # e.g. "SecretService Keyring"
    reason: str | None = None    # why it is unavailable (None when available)


def _qualified(backend: KeyringBackend) -> tuple[str, str]:
    cls = type(backend)
    return cls.__module__, cls.__name__


def backend_name(backend: KeyringBackend) -> str:
    module, name = _qualified(backend)
    return f"{module.rsplit('.', 1)[-1]} {name}"


def is_secure(backend: KeyringBackend) -> bool:
    return _qualified(backend) in SECURE_BACKENDS


def unsafe_reason(backend: KeyringBackend) -> str | None:
    """None if ``backend`` is a secure OS store, else why it must not hold a password."""
    module, name = _qualified(backend)
    if is_secure(backend):
        return None
    if module == "keyring.backends.fail":
        return ("no OS keyring found (Secret Service, KWallet, macOS Keychain or Windows "
                "Credential Locker)")
    if module == "keyring.backends.null":
        return "the keyring is disabled (null backend)"
    if module == "keyring.backends.chainer":
        chained = [b for b in getattr(backend, "backends", []) if is_secure(b)]
        if chained:
            return None
        found = ", ".join(backend_name(b) for b in getattr(backend, "backends", [])) or "none"
        return f"no secure OS keyring behind keyring's chainer (found: {found})"
    if module.startswith("keyrings.alt") or "plaintext" in name.lower():
        return (f"{backend_name(backend)} (keyrings.alt) keeps secrets in a file or asks on "
                f"the terminal; not used")
    return f"{backend_name(backend)} is not a known secure OS keyring; not used"


def _secure_member(backend: KeyringBackend) -> KeyringBackend:
    """For a chainer, its best secure member; otherwise the backend itself."""
    if _qualified(backend)[0] == "keyring.backends.chainer":
        for member in getattr(backend, "backends", []):
            if is_secure(member):
                return member  # type: ignore[no-any-return]
    return backend


def detect_backend() -> tuple[KeyringBackend | None, str | None]:
    """(backend, None) for a usable secure store, else (None, reason). Blocking (D-Bus)."""
    import keyring.core

    try:
        configured = keyring.core.load_env() or keyring.core.load_config()
    except Exception as exc:  # a broken keyringrc.cfg or PYTHON_KEYRING_BACKEND
        return None, f"keyring configuration is broken: {one_line(exc, 200)}"
    if configured is not None:
        reason = unsafe_reason(configured)
        if reason:
            return None, f"the configured keyring is not safe: {reason}"
        return _secure_member(configured), None

    candidates: list[KeyringBackend] = []
    for module_name, class_name in SECURE_BACKENDS:
        try:
            cls = getattr(importlib.import_module(module_name), class_name)
            if cls.viable:
                candidates.append(cls())
        except Exception:  # not on this platform, or not running
            continue
    if candidates:
        return max(candidates, key=lambda b: float(b.priority)), None

    try:
        default = keyring.core.get_keyring()
    except Exception as exc:
        return None, f"no OS keyring: {one_line(exc, 200)}"
    return None, unsafe_reason(default) or "no secure OS keyring is running"


class KeyringStore:
    """Async, never-blocking access to one secret per id (a wallet id, by default) in
    the OS keyring, under ``service`` (the wallet's, by default; the proxy password and
    the daemon's login use their own).

    ``backend`` is for tests and for callers that already chose one; by default the
    secure backend is detected on first use.
    """

    def __init__(self, backend: KeyringBackend | None = None, *,
                 timeout: float = DEFAULT_TIMEOUT, service: str = SERVICE_NAME) -> None:
        self._service = service
        self._explicit = backend
        self._backend: KeyringBackend | None = None
        self._reason: str | None = None
        self._timeout = timeout
        self._pending: threading.Event | None = None  # set when the last call returned

    def __repr__(self) -> str:
        return f"<KeyringStore backend={self._backend and backend_name(self._backend)}>"

    async def status(self) -> KeyringStatus:
        """Whether "remember on this computer" can be offered, and if not, why."""
        try:
            backend = await self._ensure_backend()
        except KeyringUnavailable as exc:
            return KeyringStatus(False, None, str(exc))
        return KeyringStatus(True, backend_name(backend), None)

    async def store(self, wallet_id: str, secret: str) -> None:
        backend = await self._ensure_backend()
        await self._run(backend.set_password, self._service, wallet_id, secret)

    async def load(self, wallet_id: str) -> str | None:
        backend = await self._ensure_backend()
        value = await self._run(backend.get_password, self._service, wallet_id)
        return value if isinstance(value, str) else None

    async def delete(self, wallet_id: str) -> None:
        """Remove the entry; a missing entry is not an error."""
        backend = await self._ensure_backend()

        def delete() -> None:
            import keyring.errors

            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                backend.delete_password(self._service, wallet_id)

        await self._run(delete)

    # --- internals ------------------------------------------------------------------

    async def _ensure_backend(self) -> KeyringBackend:
        if self._backend is not None:
            return self._backend
        if self._explicit is not None:
            reason = unsafe_reason(self._explicit)
            if reason:
                raise KeyringUnavailable(reason)
            self._backend = _secure_member(self._explicit)
            return self._backend
        backend, reason = await self._run(detect_backend)
        if backend is None:
            self._reason = reason
            raise KeyringUnavailable(reason or "no secure OS keyring")
        self._backend = backend
        return backend

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        if self._pending is not None and not self._pending.is_set():
            raise KeyringUnavailable(
                "the OS keyring is still busy with an earlier request (waiting to be unlocked?)"
            )
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()

        def deliver(setter: Callable[[Any], None], value: Any) -> None:
            if not future.done():
                setter(value)

        returned = threading.Event()

        def work() -> None:
            try:
                result = fn(*args)
            except BaseException as exc:  # handed to the awaiting coroutine
                outcome: tuple[Callable[[Any], None], Any] = (future.set_exception, exc)
            else:
                outcome = (future.set_result, result)
            finally:
                returned.set()
            with contextlib.suppress(RuntimeError):  # the loop may have closed meanwhile
                loop.call_soon_threadsafe(deliver, *outcome)

        self._pending = returned
        threading.Thread(target=work, name="keyring", daemon=True).start()
        try:
            return await asyncio.wait_for(asyncio.shield(future), self._timeout)
        except TimeoutError:
            raise KeyringUnavailable(
                f"the OS keyring did not answer within {self._timeout:g} s "
                f"(it may be locked and waiting for its password)"
            ) from None
        except KeyringUnavailable:
            raise
        except Exception as exc:
            log.debug("keyring call failed: %s", type(exc).__name__)
            raise KeyringUnavailable(f"the OS keyring failed: {one_line(exc, 200)}") from None
