"""Session-wide rates from ``session_stats_alert`` counters."""

from __future__ import annotations

from collections.abc import Mapping


class SessionCounters:
    """Turns cumulative payload counters into bytes/s between two stats alerts."""

    def __init__(self) -> None:
        self._last: tuple[float, int, int] | None = None

    def update(self, values: Mapping[str, int], now: float) -> tuple[int, int, int]:
        """``(download_rate, upload_rate, dht_nodes)`` from the alert's values (by name)."""
        recv = int(values.get("net.recv_payload_bytes", 0))
        sent = int(values.get("net.sent_payload_bytes", 0))
        nodes = int(values.get("dht.dht_nodes", 0))
        down = up = 0
        if self._last is not None:
            then, last_recv, last_sent = self._last
            elapsed = now - then
            if elapsed > 0:
                down = max(0, int((recv - last_recv) / elapsed))
                up = max(0, int((sent - last_sent) / elapsed))
        self._last = (now, recv, sent)
        return down, up, nodes
