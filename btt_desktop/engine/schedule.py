"""The alternative-limits schedule: on at ``alt_schedule_from``, off at
``alt_schedule_to`` (minutes after midnight, local time) on the chosen days.

A period that spans midnight (from 22:00 to 06:00) belongs to the day it starts on: on
"weekdays", Friday 22:00 to Saturday 06:00 is in it, Sunday 22:00 to Monday 06:00 is not.
Equal times make an empty period. The engine switches only when the schedule's answer
changes (at a boundary, or when the schedule is switched on or edited), so a switch by
hand in between holds until the next boundary.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from btt_desktop.engine.types import EngineSettings, ScheduleDays

_DAY = {ScheduleDays.MONDAY: 0, ScheduleDays.TUESDAY: 1, ScheduleDays.WEDNESDAY: 2,
        ScheduleDays.THURSDAY: 3, ScheduleDays.FRIDAY: 4, ScheduleDays.SATURDAY: 5,
        ScheduleDays.SUNDAY: 6}


def day_matches(days: ScheduleDays, weekday: int) -> bool:
    """``weekday`` as ``datetime.weekday()``: Monday 0 .. Sunday 6."""
    if days == ScheduleDays.EVERY_DAY:
        return True
    if days == ScheduleDays.WEEKDAYS:
        return weekday < 5
    if days == ScheduleDays.WEEKENDS:
        return weekday >= 5
    return _DAY[days] == weekday


def in_period(now: datetime, start: int, end: int, days: ScheduleDays) -> bool:
    """True when ``now`` falls in the scheduled period."""
    start, end = start % 1440, end % 1440
    minute = now.hour * 60 + now.minute
    if start == end:
        return False
    if start < end:
        return start <= minute < end and day_matches(days, now.weekday())
    if minute >= start:
        return day_matches(days, now.weekday())
    if minute < end:
        return day_matches(days, (now - timedelta(days=1)).weekday())
    return False


class AltSchedule:
    """Says when the alternative limits should be switched, and to what."""

    def __init__(self, now: Callable[[], datetime]) -> None:
        self._now = now
        self._last: bool | None = None

    def reset(self, settings: EngineSettings) -> None:
        """Forget the last answer: the next :meth:`crossed` applies the schedule."""
        self._last = None

    def crossed(self, settings: EngineSettings) -> bool | None:
        """The state to switch to when the schedule's answer changed; else None."""
        if not settings.alt_schedule_enabled:
            self._last = None
            return None
        due = in_period(self._now(), settings.alt_schedule_from, settings.alt_schedule_to,
                        settings.alt_schedule_days)
        if due == self._last:
            return None
        self._last = due
        return due
