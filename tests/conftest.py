"""Shared fixtures.

One QApplication for the whole run (pytest-qt's session-scoped ``qapp``), offscreen.
Every peer in a test gets its own loopback address from :func:`loopback`.
"""

from __future__ import annotations

import itertools
import os
import socket

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_addresses = itertools.count(2)


def next_loopback() -> str:
    """A fresh 127.0.x.y address, unique in this test run (127.0.0.1 is left alone)."""
    n = next(_addresses) + (os.getpid() % 50) * 1000
    return f"127.{(n >> 16) & 0xFF}.{(n >> 8) & 0xFF}.{n & 0xFF or 1}"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


@pytest.fixture
def loopback() -> str:
    return next_loopback()
