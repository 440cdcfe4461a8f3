"""One Speed connection: handshake, then a bounded message loop.

A :class:`SpeedConnection` owns one TCP stream. It runs the handshake under a
deadline, then reads frames until the peer leaves, breaks the protocol, goes quiet
past the idle timeout or sends too fast; every message after the handshake goes to
the :class:`ProtocolHandler` (the provider and requester logic).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import time
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from btt_desktop.errors import BttError
from btt_desktop.speed.auth import OwnAddresses, PeerIdentity, handshake
from btt_desktop.speed.errors import ProtocolError
from btt_desktop.speed.framing import encode_frame, read_frame
from btt_desktop.speed.intake import MeteredReader
from btt_desktop.speed.messages import Auth, ErrorNotice, Hello, Message, Ping, decode_message
from btt_desktop.speed.signing import Signer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limits:
    """The Speed endpoint's defences; the defaults suit a desktop client."""

    max_per_ip: int = 4
    max_per_prefix: int = 16  # incoming, per IPv4 /24 or IPv6 /64
    max_connections: int = 256
    outgoing_reserve: int = 32  # slots incoming connections cannot take (admission.py)
    productive_window: float = 60.0  # a peer useful this recently is never evicted
    handshake_timeout: float = 10.0
    idle_timeout: float = 120.0
    ping_interval: float = 40.0
    messages_per_second: float = 50.0
    burst: int = 400  # a client with many torrents bids on all of them at connect
    # bytes read (decoding costs about its length), see intake.py
    bytes_per_second: int = 16 * 1024      # per connection ...
    byte_burst: int = 64 * 1024            # ... 400 bids at connect are about 40 kB
    address_bytes_per_second: int = 32 * 1024  # shared by an IPv4 address's / IPv6 /64's
    address_byte_burst: int = 128 * 1024       # connections
    handshake_frame: int = 1024  # longest frame before the handshake (a hello: ~250 bytes)
    handshake_bytes: int = 8 * 1024  # all bytes before the handshake completes
    write_timeout: float = 30.0  # for the socket to take more of a peer's queued frames
    send_queue_bytes: int = 512 * 1024  # frames waiting for a slow reader, in bytes ...
    send_queue_frames: int = 4096       # ... and in number
    close_flush: float = 2.0  # how long a closing connection tries to deliver its last frames


class CloseReason(Enum):
    """Why the endpoint itself ended a connection (beside protocol errors, which say so)."""

    TOO_SLOW = "peer reads too slowly: its send queue is full"
    WRITE_TIMEOUT = "peer reads too slowly: a write timed out"
    WRITE_FAILED = "write failed"


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
        # monotonic time of the last message other than ping/error either way, after the
        # handshake: what makes a connection worth keeping when the endpoint is full
        self.last_useful: float | None = None
        # frames waiting for the writer task: send() never waits for the peer
        self._queue: collections.deque[bytes] = collections.deque()
        self._queued_bytes = 0
        self._wake = asyncio.Event()
        self._writer_task: asyncio.Task[None] | None = None
        self._opened = asyncio.Event()
        self._closed = asyncio.Event()

    @property
    def reader(self) -> asyncio.StreamReader:
        return self._reader

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
        """Queue one message; returns at once (see :meth:`send_nowait`). ``async`` so that
        callers may await it like any other network operation."""
        self.send_nowait(message)

    def send_nowait(self, message: Message) -> None:
        """Queue one message for the connection's writer task; never waits for the peer.

        A peer that lets more than ``Limits.send_queue_bytes`` / ``send_queue_frames``
        pile up reads too slowly to be worth serving: it is closed at once, so one slow
        reader can hold neither a caller (an auction round) nor unbounded memory.
        """
        if self._closed.is_set():
            return
        data = encode_frame(message.to_frame())
        if not isinstance(message, (Ping, ErrorNotice)):
            self.last_useful = time.monotonic()
        if (len(self._queue) >= self._limits.send_queue_frames
                or self._queued_bytes + len(data) > self._limits.send_queue_bytes):
            self._queue.clear()
            self._queued_bytes = 0
            self._abort(CloseReason.TOO_SLOW.value, hard=True)
            return
        self._queue.append(data)
        self._queued_bytes += len(data)
        self._wake.set()

    def _take_queued(self) -> bytes:
        data = b"".join(self._queue)
        self._queue.clear()
        self._queued_bytes = 0
        return data

    async def _write_loop(self) -> None:
        """Hand queued frames to the socket, waiting at most ``write_timeout`` each time
        the socket will take no more."""
        try:
            while not self._closed.is_set():
                await self._wake.wait()
                self._wake.clear()
                while self._queue and not self._closed.is_set():
                    self._writer.write(self._take_queued())
                    async with asyncio.timeout(self._limits.write_timeout):
                        await self._writer.drain()
        except TimeoutError:
            self._abort(CloseReason.WRITE_TIMEOUT.value, hard=True)
        except (ConnectionError, OSError):
            self._abort(CloseReason.WRITE_FAILED.value, hard=True)

    async def close(self, reason: str | None = None) -> None:
        """Close, telling the peer ``reason`` first when given (see :meth:`shut`)."""
        self.shut(reason)

    def shut(self, reason: str | None = None) -> None:
        """Close, telling the peer ``reason`` first when given.

        Frames still queued, then the ``error`` frame, go to the socket; the socket closes
        once they are delivered, or after ``Limits.close_flush`` at the latest."""
        if reason and not self._closed.is_set() and self.peer is not None:
            with contextlib.suppress(ProtocolError, ValueError):
                notice = ErrorNotice(reason=reason.encode()[:200].decode("utf-8", "ignore"))
                self.send_nowait(notice)
        if not self._closed.is_set() and self._queue:
            with contextlib.suppress(ConnectionError, OSError, RuntimeError):
                self._writer.write(self._take_queued())
        self._abort(reason or "closed")

    def _abort(self, reason: str, hard: bool = False) -> None:
        """Mark the connection closed and close the socket: gracefully (what the socket
        holds is still delivered, for at most ``Limits.close_flush``) or, ``hard``, at once."""
        if self.close_reason is None:
            self.close_reason = reason
        self._wake.set()  # lets the writer task end
        transport = self._writer.transport
        if hard:
            transport.abort()
        elif not self._writer.is_closing():
            self._writer.close()
            if transport.get_write_buffer_size():
                asyncio.get_running_loop().call_later(self._limits.close_flush,
                                                      self._abort_if_stuck)
        self._closed.set()

    def _abort_if_stuck(self) -> None:
        transport = self._writer.transport
        if transport.get_write_buffer_size():  # still undelivered: the peer is not reading
            transport.abort()

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
            if isinstance(self._reader, MeteredReader):
                self._reader.handshake_done()
            self._writer_task = asyncio.create_task(self._write_loop())
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
            if self._writer_task is not None:
                self._writer_task.cancel()
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
            self.last_useful = time.monotonic()
            await self._handler.on_message(self, message)

    async def _keepalive(self) -> None:
        while not self._closed.is_set():
            await asyncio.sleep(self._limits.ping_interval)
            await self.send(Ping())
