"""The alert pump stops on request: its thread is gone when stop() returns, alerts still
pending are dispatched, and nothing arrives after."""

from __future__ import annotations

import asyncio
from typing import Any

import libtorrent as lt

from btt_desktop.engine.alert_pump import AlertPump
from tests.conftest import next_loopback


def _session() -> Any:
    return lt.session({"listen_interfaces": f"{next_loopback()}:0", "enable_dht": False,
                       "enable_lsd": False, "enable_upnp": False, "enable_natpmp": False,
                       "alert_mask": 0})


async def test_stop_ends_the_thread_and_drains_what_is_pending() -> None:
    session = _session()
    pump = AlertPump(session, asyncio.get_running_loop())
    seen: list[str] = []
    pump.on(lt.session_stats_alert, lambda alert: seen.append("stats"))
    pump.start()
    thread = pump._thread
    assert thread is not None and thread.is_alive()
    session.post_session_stats()
    for _ in range(200):
        if seen:
            break
        await asyncio.sleep(0.01)
    assert seen == ["stats"]
    await pump.stop()
    assert not thread.is_alive()
    session.post_session_stats()
    await asyncio.sleep(0.05)
    pump.drain()  # after stop: the session is let go, nothing is dispatched
    assert seen == ["stats"]


async def test_stop_while_idle_and_twice() -> None:
    session = _session()
    pump = AlertPump(session, asyncio.get_running_loop())
    pump.start()
    thread = pump._thread
    assert thread is not None
    await asyncio.sleep(0.05)  # the thread is now blocked in wait_for_alert
    await pump.stop()
    assert not thread.is_alive()
    await pump.stop()
