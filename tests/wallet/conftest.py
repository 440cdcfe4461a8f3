"""Fixtures for the wallet tests (see keyring_session.py for the Secret Service)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.wallet.keyring_session import (
    SecretServiceSession,
    secret_service_session,
    virtual_display,
)


@pytest.fixture
def secret_service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                   ) -> Iterator[SecretServiceSession]:
    """An unlocked Secret Service; this process's D-Bus session points at it."""
    with secret_service_session(tmp_path / "keyring", unlocked=True) as session:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.bus_address)
        monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
        monkeypatch.setenv("XDG_CONFIG_HOME", str(session.home / ".config"))
        yield session


@pytest.fixture
def locked_secret_service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                          ) -> Iterator[SecretServiceSession]:
    """A Secret Service with no unlocked keyring: using it opens an unlock/create prompt
    (gcr-prompter on a virtual display) that nobody answers."""
    with virtual_display() as display, \
            secret_service_session(tmp_path / "keyring", unlocked=False,
                                   display=display) as session:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.bus_address)
        monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
        monkeypatch.setenv("XDG_CONFIG_HOME", str(session.home / ".config"))
        yield session
