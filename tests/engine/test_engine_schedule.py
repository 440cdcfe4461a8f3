"""The alternative-limits schedule: which times are in it, and the engine switching the
limits at its boundaries (with a clock the test moves), telling the window."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import datetime

import pytest

from btt_desktop.engine.schedule import in_period
from btt_desktop.engine.types import ScheduleDays
from btt_desktop.events import AltLimitsChanged
from tests.engine.conftest import NodeFactory, loopback_settings, wait_until

pytestmark = pytest.mark.timeout(30)

FRIDAY = datetime(2024, 5, 17)   # a Friday
H = 60


def at(day: datetime, hour: int, minute: int = 0) -> datetime:
    return day.replace(hour=hour, minute=minute)


def test_periods_and_days() -> None:
    saturday = FRIDAY.replace(day=18)
    sunday = FRIDAY.replace(day=19)
    monday = FRIDAY.replace(day=20)
    assert in_period(at(FRIDAY, 9), 8 * H, 20 * H, ScheduleDays.EVERY_DAY)
    assert not in_period(at(FRIDAY, 20), 8 * H, 20 * H, ScheduleDays.EVERY_DAY)  # end excluded
    assert in_period(at(FRIDAY, 8), 8 * H, 20 * H, ScheduleDays.WEEKDAYS)
    assert not in_period(at(saturday, 9), 8 * H, 20 * H, ScheduleDays.WEEKDAYS)
    assert in_period(at(sunday, 9), 8 * H, 20 * H, ScheduleDays.WEEKENDS)
    assert in_period(at(monday, 9), 8 * H, 20 * H, ScheduleDays.MONDAY)
    assert not in_period(at(monday, 9), 8 * H, 20 * H, ScheduleDays.TUESDAY)
    # over midnight: the night belongs to the day it starts on
    assert in_period(at(saturday, 3), 22 * H, 6 * H, ScheduleDays.WEEKDAYS)   # Friday night
    assert not in_period(at(monday, 3), 22 * H, 6 * H, ScheduleDays.WEEKDAYS)  # Sunday night
    assert in_period(at(FRIDAY, 23), 22 * H, 6 * H, ScheduleDays.FRIDAY)
    assert not in_period(at(FRIDAY, 12), 22 * H, 6 * H, ScheduleDays.EVERY_DAY)
    assert not in_period(at(FRIDAY, 12), 12 * H, 12 * H, ScheduleDays.EVERY_DAY)  # empty


async def test_engine_switches_alt_limits_at_the_boundaries(make_node: NodeFactory) -> None:
    clock = [at(FRIDAY, 7, 59)]
    settings = loopback_settings(download_limit=0, alt_download_limit=50_000,
                                 alt_schedule_enabled=True, alt_schedule_from=8 * H,
                                 alt_schedule_to=9 * H,
                                 alt_schedule_days=ScheduleDays.WEEKDAYS)
    node = await make_node(settings=settings, now=lambda: clock[0], schedule_interval=0.05)
    engine = node.engine
    await asyncio.sleep(0.2)
    assert not engine.settings.alt_limits_enabled

    clock[0] = at(FRIDAY, 8, 0)
    await wait_until(lambda: engine.settings.alt_limits_enabled, what="alt limits on")
    assert engine._session.get_settings()["download_rate_limit"] == 50_000
    assert [e.enabled for e in node.of(AltLimitsChanged)] == [True]

    # switched off by hand: that holds until the next boundary
    await engine.set_alt_limits(False)
    await asyncio.sleep(0.3)
    assert not engine.settings.alt_limits_enabled

    clock[0] = at(FRIDAY, 9, 0)
    await asyncio.sleep(0.3)
    assert not engine.settings.alt_limits_enabled  # already off: nothing to switch
    await engine.set_alt_limits(True)
    clock[0] = at(FRIDAY.replace(day=18), 8, 30)   # Saturday: not a weekday
    await asyncio.sleep(0.3)
    assert engine.settings.alt_limits_enabled  # no boundary crossed since the hand switch
    clock[0] = at(FRIDAY.replace(day=20), 8, 30)   # Monday, in the period
    await asyncio.sleep(0.3)
    clock[0] = at(FRIDAY.replace(day=20), 9, 1)
    await wait_until(lambda: not engine.settings.alt_limits_enabled, what="alt limits off")
    assert engine._session.get_settings()["download_rate_limit"] == 0
    assert [e.enabled for e in node.of(AltLimitsChanged)] == [True, False, True, False]

    # switching the schedule off leaves the limits as they are
    await engine.apply_settings(replace(engine.settings, alt_schedule_enabled=False))
    clock[0] = at(FRIDAY.replace(day=21), 8, 30)
    await asyncio.sleep(0.3)
    assert not engine.settings.alt_limits_enabled
