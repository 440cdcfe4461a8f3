"""Helpers for tests that run real Speed endpoints over loopback TCP."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from btt_desktop.speed.connection import SpeedConnection
from btt_desktop.speed.messages import Message


class RecordingHandler:
    """A protocol handler that records what arrives (the tests' stand-in for provider logic)."""

    def __init__(self) -> None:
        self.opened: list[SpeedConnection] = []
        self.messages: list[tuple[SpeedConnection, Message]] = []
        self.closed: list[tuple[SpeedConnection, str]] = []

    async def on_open(self, conn: SpeedConnection) -> None:
        self.opened.append(conn)

    async def on_message(self, conn: SpeedConnection, message: Message) -> None:
        self.messages.append((conn, message))

    async def on_close(self, conn: SpeedConnection, reason: str) -> None:
        self.closed.append((conn, reason))


async def wait_for(condition: Callable[[], bool], within: float = 10.0) -> None:
    """Poll ``condition`` until true; AssertionError after ``within`` seconds."""
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


async def read_until_closed(reader: asyncio.StreamReader, within: float) -> bytes:
    """Everything the server sends until it closes; AssertionError if it stays open."""
    data = b""
    deadline = time.monotonic() + within
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError("server kept the connection open")
        try:
            chunk = await asyncio.wait_for(reader.read(65536), left)
        except TimeoutError:
            raise AssertionError("server kept the connection open") from None
        except ConnectionError:
            return data
        if not chunk:
            return data
        data += chunk
