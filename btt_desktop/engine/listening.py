"""The listen socket: which port the session really uses, and what to do when it is taken.

libtorrent is told never to change the port by itself (``max_retry_port_bind = 0``,
``listen_system_port_fallback = false``), so each failure arrives as
``listen_failed_alert``. With ``EngineSettings.listen_port_strict`` that is the end: one
line, and ``wait_listening`` raises it. Otherwise, when the port is in use (another
client, a second instance), the engine tries the next :data:`NEXT_PORTS` ports and then
one the OS picks, as qBittorrent and Transmission do, and says which port it took.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
from collections.abc import Callable
from typing import Any

from btt_desktop.engine.session_settings import listen_endpoint
from btt_desktop.engine.types import EngineSettings
from btt_desktop.errors import EngineError
from btt_desktop.events import EngineMessage, EventBus

NEXT_PORTS = 4  # port + 1 .. port + 4, then a port the OS picks
# libtorrent reports a TCP and a UDP socket for each address, within a millisecond of
# each other: wait() returns once both are in, or after this many seconds at most
SETTLE = 0.05
_TAKEN = {errno.EADDRINUSE, errno.EACCES}


class Listener:
    """Follows listen_succeeded / listen_failed alerts for one session."""

    def __init__(self, bus: EventBus, settings: EngineSettings,
                 apply: Callable[[str], None]) -> None:
        self._bus = bus
        self._apply = apply           # sets libtorrent's listen_interfaces
        self._endpoints: list[str] = []
        self._errors: list[str] = []
        self._event = asyncio.Event()
        self._reported = asyncio.Event()  # any socket reported (see wait)
        self.reset(settings)

    def reset(self, settings: EngineSettings) -> None:
        """A new wanted endpoint (start, or the user changed it)."""
        self._settings = settings
        self._trying = settings.listen_port
        self._left = [] if settings.listen_port_strict or settings.listen_port == 0 else [
            p for p in range(settings.listen_port + 1,
                             settings.listen_port + 1 + NEXT_PORTS) if p <= 65535] + [0]
        self._endpoints.clear()
        self._errors.clear()
        self._event.clear()
        self._told = False
        self._reports = {"tcp": 0, "udp": 0}  # sockets reported for the port tried

    @property
    def interfaces(self) -> str:
        """libtorrent's ``listen_interfaces`` for the port being used or tried."""
        return listen_endpoint(self._settings.listen_interface, self._trying)

    @property
    def endpoints(self) -> tuple[str, ...]:
        return tuple(self._endpoints)

    @property
    def fallback_port(self) -> int | None:
        """The port used instead of the chosen one, or None."""
        ports = {int(e.rsplit(":", 1)[1]) for e in self._endpoints}
        if ports and self._settings.listen_port not in ports:
            return min(ports)
        return None

    async def wait(self, within: float) -> tuple[str, ...]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._event.wait(), max(0.0, deadline - loop.time()))
            # TCP and UDP (uTP) answer close together: wait for the second, briefly
            settle = loop.time() + SETTLE
            while not self._paired() and loop.time() < settle:
                self._reported.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._reported.wait(), settle - loop.time())
            if self._event.is_set() or loop.time() >= deadline:
                break  # (a retry on another port clears the event)
        if self._errors:
            raise EngineError(self._errors[0])
        if not self._endpoints:
            raise EngineError("the listen socket did not open")
        return tuple(self._endpoints)

    def _paired(self) -> bool:
        return 0 < self._reports["tcp"] <= self._reports["udp"]

    def _count(self, alert: Any) -> None:
        kind = str(alert.socket_type).rsplit(".", 1)[-1]
        if kind in self._reports:
            self._reports[kind] += 1
        self._reported.set()

    def on_succeeded(self, alert: Any) -> None:
        port = int(alert.port)
        if self._trying and port != self._trying:
            return  # a socket of an earlier attempt
        self._count(alert)
        endpoint = _endpoint(alert.address, port)
        if endpoint not in self._endpoints:
            self._endpoints.append(endpoint)
        self._event.set()
        if port != self._settings.listen_port and not self._told:
            self._told = True
            self._bus.publish(EngineMessage("warning", (
                f"port {self._settings.listen_port} is in use; "
                f"listening on port {port} instead")))

    def on_failed(self, alert: Any) -> None:
        port = int(alert.port)
        if port != self._trying and self._trying:
            return  # an earlier attempt
        if int(alert.error.value()) in _TAKEN and self._left:
            self._trying = self._left.pop(0)
            self._endpoints.clear()
            self._event.clear()
            self._reports = {"tcp": 0, "udp": 0}
            self._apply(self.interfaces)
            return
        interface = self._settings.listen_interface
        moved = self._trying != self._settings.listen_port
        if _unspecified(interface) or moved:
            # libtorrent opens 0.0.0.0 as one socket per local address: one line for
            # what the user asked for, not one per address
            endpoint = listen_endpoint(interface, self._settings.listen_port)
        else:
            endpoint = _endpoint(alert.address, port)
        self._count(alert)
        reason = str(alert.error.message()).lower()
        line = f"cannot listen on {endpoint}: {reason}"
        if moved:
            line = f"cannot listen on {endpoint} nor on another port: {reason}"
        if line not in self._errors:
            self._errors.append(line)
            self._bus.publish(EngineMessage("error", line))
        self._event.set()


def _endpoint(address: Any, port: int) -> str:
    return f"[{address}]:{port}" if ":" in str(address) else f"{address}:{port}"


def _unspecified(interface: str) -> bool:
    """True for "", 0.0.0.0 and :: (a device name such as eth0 is not)."""
    try:
        return not interface or ipaddress.ip_address(interface.strip("[]")).is_unspecified
    except ValueError:
        return False
