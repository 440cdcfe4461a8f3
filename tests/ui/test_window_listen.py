"""A listen port held by another process: the window takes another free port and shows
which, for as long as it uses it."""

from __future__ import annotations

import asyncio
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
from btt_desktop.ui.message_bar import Level
from tests.ui.conftest import loopback_settings

pytestmark = pytest.mark.timeout(60)


async def test_port_held_by_another_process_falls_back_and_shows_it(
        qtbot: Any, tmp_path: Path) -> None:
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
        window = MainWindow(store, settings)
        window.attach(engine, EventBridge(bus))
        window.show()
        await engine.start()
        try:
            await engine.wait_listening(within=10)
            used = engine.listen_fallback_port
            assert used is not None and used != port
            label = window.status.port_label
            qtbot.waitUntil(label.isVisible, timeout=10_000)
            assert label.text() == f"⚠ Port {used}"
            assert f"Port {port} is in use" in label.toolTip()
            line = f"port {port} is in use; listening on port {used} instead"
            assert window.errors == []
            qtbot.waitUntil(lambda: window.status.currentMessage() == line, timeout=5_000)
            # and it stays in the message area, as a warning, until dismissed
            assert window.messages.texts() == [
                f"Port {port} is in use; listening on port {used} instead."]
            assert window.messages.messages()[0].level is Level.WARNING
            # the message goes after 10 s; the indicator stays
            window.status.clearMessage()
            await asyncio.sleep(1.5)  # a few more session stats
            assert label.isVisible()
        finally:
            await window.shutdown()
            await engine.close()
            window.close()
            window.deleteLater()
