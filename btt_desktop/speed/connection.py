"""One Speed connection: handshake, then a bounded message loop.

A :class:`SpeedConnection` owns one TCP stream. It runs the handshake under a
deadline, then reads frames until the peer leaves, breaks the protocol, goes quiet
past the idle timeout or sends too fast; every message after the handshake goes to
the :class:`ProtocolHandler` (the provider and requester logic).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from typing import Protocol

from btt_desktop.errors import BttError
from btt_desktop.speed.auth import OwnAddresses, PeerIdentity, handshake
from btt_desktop.speed.errors import ProtocolError
from btt_desktop.speed.framing import encode_frame, read_frame
from btt_desktop.speed.messages import Auth, ErrorNotice, Hello, Message, Ping, decode_message
from btt_desktop.speed.signing import Signer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limits:
    """The Speed endpoint's defences; the defaults suit a desktop client."""

    max_per_ip: int = 4
    max_connections: int = 256
    handshake_timeout: float = 10.0
    idle_timeout: float = 120.0
    ping_interval: float = 40.0
    messages_per_second: float = 50.0
    burst: int = 400  # a client with many torrents bids on all of them at connect
    write_timeout: float = 30.0


class ProtocolHandler(Protocol):
    """What the provider/requester logic implements to ride on Speed connections."""

    async def on_open(self, conn: SpeedConnection) -> None: ...

    async def on_message(self, conn: SpeedConnection, message: Message) -> None: ...

    async def on_close(self, conn: SpeedConnection, reason: str) -> None: ...


class _TokenBucket:
    def __init__(self, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = float(burst)
        self.tokens = float(burst)
        self.stamp = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


class SpeedConnection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                 signer: Signer, net: str, bt_port: int, limits: Limits,
                 handler: ProtocolHandler, outgoing: bool, vault_contract: str,
                 own_ips: OwnAddresses = tuple) -> None:
        self._own_ips = own_ips
        self._reader = reader
        self._writer = writer
        self._signer = signer
        self._net = net
        self._vault_contract = vault_contract
        self._bt_port = bt_port
        self._limits = limits
        self._handler = handler
        self.outgoing = outgoing
        peer = writer.get_extra_info("peername") or ("?", 0)
        self.remote_ip: str = str(peer[0])
        self.remote_port: int = int(peer[1])
        self.peer: PeerIdentity | None = None
        self.close_reason: str | None = None
        self._write_lock = asyncio.Lock()
        self._opened = asyncio.Event()
        self._closed = asyncio.Event()

    def __repr__(self) -> str:
        who = self.peer.addr if self.peer else "?"
        return f"SpeedConnection({self.remote_ip}:{self.remote_port} {who})"

    @property
    def is_open(self) -> bool:
        return self.peer is not None and not self._closed.is_set()

    async def wait_open(self) -> PeerIdentity:
        """Wait until the handshake succeeded; ProtocolError if the connection closed first.

        The handshake itself is bounded by ``Limits.handshake_timeout``.
        """
        opened = asyncio.ensure_future(self._opened.wait())
        closed = asyncio.ensure_future(self._closed.wait())
        try:
            await asyncio.wait({opened, closed}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            opened.cancel()
            closed.cancel()
        if self.peer is None or self._closed.is_set():
            raise ProtocolError(f"Speed handshake with {self.remote_ip} failed: "
                                f"{self.close_reason or 'timed out'}")
        return self.peer

    async def wait_closed(self) -> None:
        await self._closed.wait()

    async def send(self, message: Message) -> None:
        """Send one message; a dead or stuck peer closes the connection (no exception)."""
        if self._closed.is_set():
            return
        data = encode_frame(message.to_frame())
        try:
            async with self._write_lock, asyncio.timeout(self._limits.write_timeout):
                self._writer.write(data)
                await self._writer.drain()
        except (ConnectionError, TimeoutError, OSError):
            self._abort("write failed")

    async def close(self, reason: str | None = None) -> None:
        """Close, telling the peer ``reason`` first when given."""
        if reason and not self._closed.is_set() and self.peer is not None:
            with contextlib.suppress(ProtocolError, ValueError):
                await self.send(ErrorNotice(reason=reason.encode()[:200].decode("utf-8",
                                                                                "ignore")))
        self._abort(reason or "closed")

    def _abort(self, reason: str) -> None:
        if self.close_reason is None:
            self.close_reason = reason
        if not self._writer.is_closing():
            self._writer.close()
        self._closed.set()

    async def run(self) -> None:
        """Handshake, then dispatch messages until the connection ends. Never raises."""
        try:
            try:
                # asyncio.timeout, not wait_for: on 3.11 wait_for can swallow a cancellation
                async with asyncio.timeout(self._limits.handshake_timeout):
                    self.peer = await handshake(self._reader, self._writer, self._signer,
                                                self._net, self._bt_port, self._vault_contract,
                                                outgoing=self.outgoing, own_ips=self._own_ips)
            except TimeoutError:
                raise ProtocolError("handshake timed out") from None
            self._opened.set()
            await self._handler.on_open(self)
            pinger = asyncio.create_task(self._keepalive())
            try:
                await self._loop()
            finally:
                pinger.cancel()
        except ProtocolError as exc:
            if self.peer is not None:
                await self.close(str(exc))
            self._abort(str(exc))
        except asyncio.IncompleteReadError as exc:
            self._abort("connection lost" if exc.partial else "peer closed the connection")
        except (ConnectionError, OSError):
            self._abort("connection lost")
        except BttError as exc:  # e.g. the wallet locked: its signer refuses to sign
            self._abort(str(exc))
        except asyncio.CancelledError:
            self._abort("shut down")
            raise
        except Exception:
            log.exception("Speed connection %r failed", self)
            self._abort("internal error")
        finally:
            self._abort(self.close_reason or "closed")
            try:
                async with asyncio.timeout(2):
                    await self._writer.wait_closed()
            except Exception:
                self._writer.transport.abort()  # a peer that stopped reading
            if self.peer is not None:
                try:
                    await self._handler.on_close(self, self.close_reason or "closed")
                except Exception:
                    log.exception("Speed handler failed on close of %r", self)

    async def _loop(self) -> None:
        bucket = _TokenBucket(self._limits.messages_per_second, self._limits.burst)
        while not self._closed.is_set():
            try:
                async with asyncio.timeout(self._limits.idle_timeout):
                    frame = await read_frame(self._reader)
            except TimeoutError:
                raise ProtocolError("idle timeout") from None
            if not bucket.take():
                raise ProtocolError("too many messages")
            message = decode_message(frame)
            if message is None or isinstance(message, Ping):
                continue
            if isinstance(message, ErrorNotice):
                self._abort(f"peer closed: {message.reason}")
                return
            if isinstance(message, (Hello, Auth)):
                raise ProtocolError("handshake message after the handshake")
            await self._handler.on_message(self, message)

    async def _keepalive(self) -> None:
        while not self._closed.is_set():
            await asyncio.sleep(self._limits.ping_interval)
            await self.send(Ping())
