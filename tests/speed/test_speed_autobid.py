from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from btt_desktop.speed.autobid import MIB, BidInputs, auto_rate, should_rebid

GIB = 1024 * MIB


def inputs(**kw: object) -> BidInputs:
    base: dict[str, object] = dict(spending_rate=Fraction(1, 2), spendable=1000 * 10**6,
                                   remaining_bytes=100 * MIB, max_price_per_gib=10**12,
                                   max_spend_per_day=10**12, spent_today=0)
    base.update(kw)
    return BidInputs(**base)  # type: ignore[arg-type]


def test_rule_without_caps() -> None:
    # half of 1000e6 over 100 MiB = 5e6 per MiB
    assert auto_rate(inputs()) == 5 * 10**6


def test_caps() -> None:
    assert auto_rate(inputs(max_price_per_gib=1024 * 1000)) == 1000
    # 100 MiB left, day budget 300e6 of which 100e6 spent -> 2e6 per MiB
    assert auto_rate(inputs(max_spend_per_day=300 * 10**6, spent_today=100 * 10**6)) == 2 * 10**6
    # at 1 MiB/s only 86400 MiB fit in a day; with 1 TiB left that is what the budget covers
    rate = auto_rate(inputs(remaining_bytes=1024 * GIB, spendable=10**30,
                            max_spend_per_day=86400 * 7, download_rate=MIB))
    assert rate == 7


def test_stops_when_complete_or_budget_spent() -> None:
    assert auto_rate(inputs(remaining_bytes=0)) == 0
    assert auto_rate(inputs(spent_today=10**12)) == 0
    assert auto_rate(inputs(spendable=0)) == 0


def test_rebid_threshold() -> None:
    assert should_rebid(None, 100)
    assert not should_rebid(None, 0)
    assert not should_rebid(100, 110)
    assert not should_rebid(100, 90)
    assert should_rebid(100, 111)
    assert should_rebid(100, 89)
    assert should_rebid(100, 0)  # stop: cancel


@settings(max_examples=300, deadline=None)
@given(rate=st.fractions(0, 1), spendable=st.integers(0, 10**24),
       remaining=st.integers(0, 10 * GIB), max_gib=st.integers(0, 10**21),
       max_day=st.integers(0, 10**22), spent=st.integers(0, 10**22),
       speed=st.integers(0, 10**9))
def test_autobid_properties(rate: Fraction, spendable: int, remaining: int, max_gib: int,
                            max_day: int, spent: int, speed: int) -> None:
    args = BidInputs(rate, spendable, remaining, max_gib, max_day, spent, speed)
    bid = auto_rate(args)
    assert bid >= 0
    assert bid * 1024 <= max_gib
    if remaining == 0 or spent >= max_day:
        assert bid == 0
    # buying the rest at this rate never spends more than the share of the balance
    assert bid * Fraction(remaining, MIB) <= rate * spendable
    # nor more than the day's budget for what fits in a day
    assert bid * Fraction(remaining, MIB) <= max(0, max_day - spent) or (
        speed > 0 and bid * Fraction(speed * 86400, MIB) <= max_day - spent)
