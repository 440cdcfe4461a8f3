"""A listen port held by another process is told to the user, not silently skipped."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from btt_desktop.engine import Engine
from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.settings_store import Settings, SettingsStore
from btt_desktop.ui.bridge import EventBridge
from btt_desktop.ui.main_window import MainWindow
from tests.ui.conftest import loopback_settings

pytestmark = pytest.mark.timeout(60)


async def test_port_held_by_another_process_is_shown(qtbot: Any, tmp_path: Path) -> None:
    with socket.socket() as blocker:  # "another process": a plain listening socket
        blocker.bind(("0.0.0.0", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        profile = Profile.open(tmp_path / "profile")
        store = SettingsStore(profile.settings_file)
        settings = Settings(engine=loopback_settings(listen_interface="0.0.0.0",
                                                     listen_port=port, outgoing_interface=""))
        store.save(settings)
        bus = EventBus()
        engine = Engine(profile, bus, settings.engine, status_interval=0.2)
        window = MainWindow(engine, EventBridge(bus), store, settings)
        window.show()
        await engine.start()
        try:
            line = f"cannot listen on 0.0.0.0:{port}: address already in use"
            qtbot.waitUntil(lambda: line in window.errors, timeout=10_000)
            assert window.errors.count(line) == 1
            assert window.status.currentMessage() == line
        finally:
            await window.shutdown()
            await engine.close()
            window.close()
            window.deleteLater()
