"""Smoothed transfer rates: the mean over the last few seconds of payload byte counters.

libtorrent's own per-torrent rates and a plain difference between two session counter
samples both jump about: under a rate limit the bandwidth manager hands out quota in
bursts, so one-second samples read 0, then twice the real rate. A finished torrent keeps
a decaying download rate for about 40 s. Here a rate is (newest counter - baseline) /
time between them, the baseline being the last sample at least :data:`WINDOW` seconds
old, so a steady transfer reads steady and a stalled one falls to 0 within the window.
"""

from __future__ import annotations

from collections import deque

WINDOW = 4.0  # seconds of counters averaged


class RateWindow:
    """Download and upload rates from cumulative (monotonic) byte counters."""

    def __init__(self, window: float = WINDOW) -> None:
        self._window = window
        self._samples: deque[tuple[float, int, int]] = deque()

    def add(self, now: float, downloaded: int, uploaded: int) -> tuple[int, int]:
        """Record the counters at ``now`` (seconds, monotonic); the rates in bytes/s."""
        if self._samples:
            _, last_down, last_up = self._samples[-1]
            if downloaded < last_down or uploaded < last_up:  # counters restarted
                self._samples.clear()
        self._samples.append((now, downloaded, uploaded))
        cutoff = now - self._window
        # keep one sample older than the window as the baseline
        while len(self._samples) > 2 and self._samples[1][0] <= cutoff:
            self._samples.popleft()
        return self.rates()

    def rates(self) -> tuple[int, int]:
        if len(self._samples) < 2:
            return 0, 0
        then, down0, up0 = self._samples[0]
        now, down1, up1 = self._samples[-1]
        elapsed = now - then
        if elapsed <= 0:
            return 0, 0
        return int((down1 - down0) / elapsed), int((up1 - up0) / elapsed)

    def reset(self) -> None:
        self._samples.clear()


def shown_rates(window: RateWindow, now: float, downloaded: int, uploaded: int, *,
                stopped: bool, finished: bool) -> tuple[int, int]:
    """The rates a torrent shows: 0 at once when it is stopped (paused, queued, in
    error), no download rate once it is finished; otherwise the window's mean."""
    if stopped:
        window.reset()
        return 0, 0
    down, up = window.add(now, downloaded, uploaded)
    return (0 if finished else down), up
