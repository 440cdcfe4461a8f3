"""The daily spending cap's memory: what had been promised when the UTC day began."""

from __future__ import annotations

import contextlib
import datetime
import json
from pathlib import Path

from btt_desktop.atomicfile import read_with_backup, write_atomic


class DayBudget:
    """What was promised since the start of the UTC day (for the daily spending cap).

    ``<profile>/speed/day-<address>.json`` holds the day and the total promised when it
    began, so a restart in the middle of a day does not reset the cap."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._day = ""
        self._base = 0
        raw = read_with_backup(self._path)
        if raw is not None:
            with contextlib.suppress(ValueError, TypeError, KeyError):
                doc = json.loads(raw)
                self._day, self._base = str(doc["day"]), int(doc["base"])

    def spent_today(self, promised: int) -> tuple[int, bool]:
        """(spent today, whether the day rolled over and the file needs saving)."""
        today = datetime.datetime.now(datetime.UTC).date().isoformat()
        if today != self._day:
            self._day, self._base = today, promised
            return 0, True
        return max(0, promised - self._base), False

    def save(self) -> None:
        """Blocking (fsync): call through ``asyncio.to_thread``."""
        write_atomic(self._path, json.dumps({"day": self._day, "base": self._base}).encode())
