"""The one owner of ``session.pop_alerts()``.

A daemon thread blocks in ``session.wait_for_alert()``; when an alert is pending it asks
the asyncio loop (``call_soon_threadsafe``) to drain the queue, then waits until the
loop has done so. ``set_alert_notify`` is not used: from Python it can deadlock on the GIL.

Handlers run on the loop thread, synchronously, while the alert is still valid. They
must copy what they need out of the alert at once (the alert object dies at the next
pop) and must not block.

Stopping takes no fixed wait: :meth:`AlertPump.stop` sets the stop flag, releases a
thread waiting for a drain, and posts an alert (``post_dht_stats``, which no handler
uses and which is posted whatever the alert mask) so that ``wait_for_alert`` returns at
once.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from typing import Any

import libtorrent as lt

log = logging.getLogger(__name__)

AlertHandler = Callable[[Any], None]

# How long wait_for_alert blocks before the thread looks at its stop flag again. Only a
# safety net: stop() wakes the thread with an alert.
WAIT_MS = 1000


class AlertPump:
    def __init__(self, session: lt.session, loop: asyncio.AbstractEventLoop) -> None:
        self._session: lt.session | None = session
        self._loop = loop
        self._handlers: dict[type, list[AlertHandler]] = {}
        self._stopping = threading.Event()
        self._drained = threading.Event()
        self._thread: threading.Thread | None = None

    def on(self, alert_type: type, handler: AlertHandler) -> None:
        """Call ``handler(alert)`` for every alert of exactly ``alert_type``."""
        self._handlers.setdefault(alert_type, []).append(handler)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._wait_loop, name="lt-alert-wait", daemon=True)
        self._thread.start()

    async def stop(self) -> None:
        """Stop the waiting thread (woken at once), then drain what is left."""
        self._stopping.set()
        self._drained.set()
        thread = self._thread
        if thread is not None:
            if self._session is not None:
                self._session.post_dht_stats()  # wake wait_for_alert now
            await asyncio.to_thread(thread.join, 5.0)
        self._thread = None
        self.drain()
        self._session = None  # a late wake-up must not keep the session alive

    def drain(self) -> None:
        """Pop every pending alert and dispatch it. Runs on the loop thread."""
        if self._session is None:
            return
        try:
            alerts = self._session.pop_alerts()
        finally:
            self._drained.set()
        for alert in alerts:
            for handler in self._handlers.get(type(alert), ()):
                try:
                    handler(alert)
                except Exception:
                    log.exception("alert handler failed for %s", type(alert).__name__)

    def _wait_loop(self) -> None:
        session = self._session
        assert session is not None
        while not self._stopping.is_set():
            if session.wait_for_alert(WAIT_MS) is None:
                continue
            self._drained.clear()
            # stop() sets the flag before releasing _drained: checked after the clear, a
            # stop can never leave this thread waiting for a drain that will not come
            if self._stopping.is_set():
                return
            try:
                self._loop.call_soon_threadsafe(self.drain)
            except RuntimeError:  # the loop is closed: nobody left to serve
                return
            while not self._drained.wait(WAIT_MS / 1000):
                if self._stopping.is_set():
                    return
