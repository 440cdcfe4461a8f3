"""The Speed endpoint: a TCP listener plus outgoing connections, under one set of limits."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from btt_desktop.speed.admission import Admission, Slot
from btt_desktop.speed.auth import OwnAddresses
from btt_desktop.speed.connection import Limits, ProtocolHandler, SpeedConnection
from btt_desktop.speed.errors import ProtocolError
from btt_desktop.speed.intake import Intake, MeteredReader
from btt_desktop.speed.signing import Signer
from btt_desktop.tasks import TaskSet

log = logging.getLogger(__name__)


class SpeedServer:
    """Accepts Speed connections on a port and makes outgoing ones, all handled alike.

    Connections are admitted under the caps of :class:`Limits` (see admission.py): when
    one is reached, a newcomer takes the slot of an unproductive connection or, if there
    is none, is closed at once without a byte read. Some slots are kept for connections
    we dial, so incoming ones can never stop us dialling out.
    """

    def __init__(self, signer: Signer, net: str, bt_port: int, handler: ProtocolHandler,
                 limits: Limits | None = None, bind_host: str | None = None, *,
                 vault_contract: str, own_ips: OwnAddresses = tuple) -> None:
        """``bind_host``: the local address outgoing connections come from (by default the
        address :meth:`start` listens on), so peers see the same IP as our BitTorrent
        connections. ``vault_contract``: the SpeedVault we pay and are paid through; a
        peer naming another one is refused in the handshake. ``own_ips``: our public
        addresses as far as known (the handshake's relay check, see auth.py)."""
        self.own_ips = own_ips
        self.signer = signer
        self.bind_host = bind_host
        self.net = net
        self.vault_contract = vault_contract
        self.bt_port = bt_port
        self.handler = handler
        self.limits = limits or Limits()
        self._server: asyncio.Server | None = None
        self._tasks: dict[SpeedConnection, asyncio.Task[None]] = {}
        self.admission = Admission(self.limits)
        self.intake = Intake(self.limits)
        self._spawned = TaskSet("a Speed connection")

    @property
    def refused(self) -> int:
        """Connections turned away by the caps."""
        return self.admission.refused

    @property
    def connections(self) -> list[SpeedConnection]:
        return list(self._tasks)

    @property
    def port(self) -> int:
        if self._server is None or not self._server.sockets:
            raise ProtocolError("Speed server is not listening")
        return int(self._server.sockets[0].getsockname()[1])

    async def start(self, host: str, port: int) -> int:
        """Listen on ``host:port`` (0 picks a free port); returns the port."""
        def protocol() -> asyncio.StreamReaderProtocol:
            return asyncio.StreamReaderProtocol(self.intake.reader(), self._accept)

        try:
            self._server = await asyncio.get_running_loop().create_server(protocol, host, port)
        except OSError as exc:
            raise ProtocolError(
                f"cannot listen for Speed on {host}:{port}: {exc.strerror or exc}") from None
        if self.bind_host is None and host not in ("", "0.0.0.0", "::"):
            self.bind_host = host
        return self.port

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = writer.get_extra_info("peername") or ("?", 0)
        slot = self.admission.admit(str(peer[0]), outgoing=False)
        if slot is None:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()
            return
        conn = SpeedConnection(reader, writer, self.signer, self.net, self.bt_port,
                               self.limits, self.handler, outgoing=False,
                               vault_contract=self.vault_contract, own_ips=self.own_ips)
        # this task belongs to asyncio's stream server, whose done-callback logs a cancelled
        # task as an error: when close() cancels it, end it quietly instead
        with contextlib.suppress(asyncio.CancelledError):
            await self._run(conn, slot)

    async def connect(self, host: str, port: int) -> SpeedConnection:
        """Open and authenticate a connection; :class:`ProtocolError` if that fails."""
        slot = self.admission.admit(host, outgoing=True)
        if slot is None:
            raise ProtocolError(f"too many Speed connections to {host}")
        try:
            reader, writer = await asyncio.wait_for(self._open(host, port),
                                                    self.limits.handshake_timeout)
        except (OSError, TimeoutError) as exc:
            self.admission.release(slot)
            raise ProtocolError(f"cannot reach Speed peer {host}:{port}: {exc}") from None
        except BaseException:
            self.admission.release(slot)
            raise
        conn = SpeedConnection(reader, writer, self.signer, self.net, self.bt_port,
                               self.limits, self.handler, outgoing=True,
                               vault_contract=self.vault_contract, own_ips=self.own_ips)
        self._spawned.spawn(self._run(conn, slot))
        await conn.wait_open()
        return conn

    async def _open(self, host: str, port: int
                    ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        """``asyncio.open_connection`` with a metered reader."""
        loop = asyncio.get_running_loop()
        reader = self.intake.reader()
        protocol = asyncio.StreamReaderProtocol(reader)
        transport, _ = await loop.create_connection(
            lambda: protocol, host, port,
            local_addr=(self.bind_host, 0) if self.bind_host else None)
        return reader, asyncio.StreamWriter(transport, protocol, reader, loop)

    async def _run(self, conn: SpeedConnection, slot: Slot) -> None:
        task = asyncio.current_task()
        if task is None:
            raise RuntimeError("Speed connections run as tasks")
        self._tasks[conn] = task
        self.admission.attach(slot, conn)
        reader = conn.reader
        shared = self.intake.acquire(conn.remote_ip)
        if isinstance(reader, MeteredReader):
            reader.share(shared)
        try:
            await conn.run()
        finally:
            self._tasks.pop(conn, None)
            self.admission.release(slot)
            self.intake.release(shared)

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._server is not None:
            # wait_closed also waits for accepted connections (Python >= 3.11.5); a socket
            # the kernel still holds must not stall shutdown
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 5)
            self._server = None
