"""Reading under a byte budget, from the first byte of a connection.

Decoding is what a peer can make us spend CPU on, and its cost grows with the frame's
length (a worst-case 16 KiB frame takes several milliseconds), so every connection reads
under two token buckets in bytes: its own, and one shared by all connections from its
address (an IPv4 address, an IPv6 /64), so that one address's connections cannot starve
the others however many it opens. A read that exceeds a budget waits until the budget
covers it; meanwhile the socket is not read, so the peer is slowed down by TCP itself.

Before the handshake, frames are tiny (a ``hello`` is at most about 250 bytes, an
``auth`` about 150): a longer frame, or more bytes in all than a handshake needs, closes
the connection at once.
"""

from __future__ import annotations

import asyncio
import ipaddress
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from btt_desktop.speed.errors import ProtocolError
from btt_desktop.speed.messages import normal_ip

if TYPE_CHECKING:
    from btt_desktop.speed.connection import Limits

READ_LIMIT = 64 * 1024  # the StreamReader's buffer: it stops reading the socket beyond 2x


class ByteBucket:
    """A token bucket in bytes that lends: a reservation beyond the tokens makes a debt,
    and the caller waits until the refill has paid it. Readers sharing a bucket are thus
    served in the order they asked."""

    def __init__(self, rate: float, burst: int,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = float(rate)
        self.burst = float(burst)
        self.tokens = float(burst)
        self._clock = clock
        self._stamp = clock()

    def reserve(self, n: int) -> float:
        """Take ``n`` bytes; how many seconds to wait before using them."""
        now = self._clock()
        self.tokens = min(self.burst, self.tokens + (now - self._stamp) * self.rate)
        self._stamp = now
        self.tokens -= n
        return 0.0 if self.tokens >= 0 else -self.tokens / self.rate


def address_key(ip: str) -> str:
    """What shares a budget: the IPv4 address itself, or the IPv6 address's /64."""
    try:
        addr = ipaddress.ip_address(normal_ip(ip))
    except ValueError:
        return ip
    if addr.version == 4:
        return str(addr)
    return str(ipaddress.ip_network(f"{addr}/64", strict=False))


class Intake:
    """The per-address buckets of one endpoint.

    A bucket outlives its address's connections until it has refilled, so reconnecting
    does not buy an address a fresh burst."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._shared: dict[str, tuple[ByteBucket, int]] = {}

    def acquire(self, ip: str) -> ByteBucket:
        key = address_key(ip)
        if key not in self._shared:
            self._prune()
        bucket, users = self._shared.get(key) or (
            ByteBucket(self.limits.address_bytes_per_second, self.limits.address_byte_burst), 0)
        self._shared[key] = (bucket, users + 1)
        return bucket

    def release(self, bucket: ByteBucket) -> None:
        for key, (held, users) in self._shared.items():
            if held is bucket:
                self._shared[key] = (held, max(0, users - 1))
                return

    def _prune(self) -> None:
        for key, (bucket, users) in list(self._shared.items()):
            if users == 0 and bucket.reserve(0) == 0 and bucket.tokens >= bucket.burst:
                del self._shared[key]

    def reader(self) -> MeteredReader:
        return MeteredReader(self.limits)


class MeteredReader(asyncio.StreamReader):
    """A StreamReader whose ``readexactly`` (what frames are read with) is metered.

    Frames are read as a 4-byte header then the body, each by one ``readexactly``; so
    any read longer than the header is a frame body, and before :meth:`handshake_done`
    one longer than ``Limits.handshake_frame`` is refused.
    """

    def __init__(self, limits: Limits) -> None:
        super().__init__(limit=READ_LIMIT)
        self._limits = limits
        self._own = ByteBucket(limits.bytes_per_second, limits.byte_burst)
        self._shared: ByteBucket | None = None
        self._handshaking = True
        self._handshake_bytes = 0

    def share(self, bucket: ByteBucket) -> None:
        """Also charge reads to ``bucket`` (the address's)."""
        self._shared = bucket

    def handshake_done(self) -> None:
        self._handshaking = False

    async def readexactly(self, n: int) -> bytes:
        if self._handshaking:
            self._handshake_bytes += n
            if n > self._limits.handshake_frame:
                raise ProtocolError(f"frame of {n} bytes before the handshake "
                                    f"(at most {self._limits.handshake_frame})")
            if self._handshake_bytes > self._limits.handshake_bytes:
                raise ProtocolError(f"more than {self._limits.handshake_bytes} bytes "
                                    f"before the handshake completed")
        wait = self._own.reserve(n)
        if self._shared is not None:
            wait = max(wait, self._shared.reserve(n))
        if wait > 0:
            await asyncio.sleep(wait)
        return await super().readexactly(n)
