"""The requester's automatic bid (the 2019 Speed rule, with the user's caps).

    rate = spending_rate x spendable balance / remaining MiB

capped by the maximum price per GiB and by what is left of the daily budget spread
over what can be downloaded today; zero (cancel) once the torrent is complete or the
daily budget is spent. A new bid is sent only when the rate moves by more than 10 %.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

MIB = 1024 * 1024
DAY = 86_400
REBID_THRESHOLD = Fraction(1, 10)


@dataclass(frozen=True)
class BidInputs:
    spending_rate: Fraction  # 0..1: the share of the spendable balance to use on this torrent
    spendable: int  # base units in the vault, above what is already promised
    remaining_bytes: int  # still to download; 0 when complete
    max_price_per_gib: int  # base units; the user's cap
    max_spend_per_day: int  # base units
    spent_today: int  # base units promised in the current day
    download_rate: int = 0  # bytes/s observed, 0 if unknown


def auto_rate(inputs: BidInputs) -> int:
    """The bid rate in base units per MiB (0 means: do not bid)."""
    if not 0 <= inputs.spending_rate <= 1:
        raise ValueError("spending rate must be between 0 and 1")
    if inputs.remaining_bytes <= 0 or inputs.spendable <= 0:
        return 0
    day_left = inputs.max_spend_per_day - inputs.spent_today
    if day_left <= 0:
        return 0
    remaining_mib = Fraction(inputs.remaining_bytes, MIB)
    rate = inputs.spending_rate * inputs.spendable / remaining_mib
    rate = min(rate, Fraction(inputs.max_price_per_gib, 1024))
    today_mib = remaining_mib
    if inputs.download_rate > 0:
        today_mib = min(today_mib, Fraction(inputs.download_rate * DAY, MIB))
    rate = min(rate, day_left / today_mib)
    return max(0, int(rate))


def should_rebid(current: int | None, new: int) -> bool:
    """True when ``new`` differs enough from the standing bid to send it (or cancel)."""
    if current is None or current == 0:
        return new > 0
    if new == 0:
        return True
    return abs(new - current) > REBID_THRESHOLD * current
