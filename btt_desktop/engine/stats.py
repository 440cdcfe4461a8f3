"""Session-wide rates from ``session_stats_alert`` counters."""

from __future__ import annotations

from collections.abc import Mapping

from btt_desktop.engine.rates import RateWindow


class SessionCounters:
    """Turns the cumulative payload counters into bytes/s, averaged over the last few
    seconds (:mod:`rates`): a plain difference between two samples read 0, then twice the
    rate, whenever a rate limit handed out quota in bursts."""

    def __init__(self) -> None:
        self._window = RateWindow()

    def update(self, values: Mapping[str, int], now: float) -> tuple[int, int, int]:
        """``(download_rate, upload_rate, dht_nodes)`` from the alert's values (by name)."""
        recv = int(values.get("net.recv_payload_bytes", 0))
        sent = int(values.get("net.sent_payload_bytes", 0))
        nodes = int(values.get("dht.dht_nodes", 0))
        down, up = self._window.add(now, recv, sent)
        return down, up, nodes
