"""How numbers look in the window: sizes, rates, durations, ratios, dates."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QCoreApplication

_UNITS = ("B", "KiB", "MiB", "GiB", "TiB", "PiB")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Format", text)


def format_size(n: int | float) -> str:
    """1536 -> '1.5 KiB'. Binary units, as BitTorrent clients show them."""
    value = float(n)
    if value < 0:
        return "?"
    unit = 0
    while value >= 1024 and unit < len(_UNITS) - 1:
        value /= 1024
        unit += 1
    if unit == 0:
        return f"{int(value)} B"
    return f"{value:.1f} {_UNITS[unit]}" if value < 100 else f"{value:.0f} {_UNITS[unit]}"


def format_rate(bytes_per_second: int | float, *, blank_zero: bool = False) -> str:
    if blank_zero and bytes_per_second <= 0:
        return ""
    return _tr("{size}/s").format(size=format_size(bytes_per_second))


def format_limit(bytes_per_second: int) -> str:
    """A rate limit: 0 means none; whole KiB/s (as limits are entered) show as such."""
    if bytes_per_second <= 0:
        return "∞"
    if bytes_per_second % 1024 == 0 and bytes_per_second < 10_000 * 1024:
        return _tr("{size}/s").format(size=f"{bytes_per_second // 1024} KiB")
    return format_rate(bytes_per_second)


def format_duration(seconds: int | None) -> str:
    """Seconds -> '3d 4h', '2h 5m', '4m 10s', '12s'; None or absurd -> '∞'."""
    if seconds is None or seconds < 0 or seconds >= 100 * 86400:
        return "∞"
    days, rest = divmod(int(seconds), 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return _tr("{d}d {h}h").format(d=days, h=hours)
    if hours:
        return _tr("{h}h {m}m").format(h=hours, m=minutes)
    if minutes:
        return _tr("{m}m {s}s").format(m=minutes, s=secs)
    return _tr("{s}s").format(s=secs)


def format_ratio(ratio: float) -> str:
    if ratio < 0:
        return "?"
    if ratio >= 1000:
        return "∞"
    return f"{ratio:.2f}"


def format_percent(fraction: float) -> str:
    value = max(0.0, min(1.0, fraction)) * 100
    if value >= 100:
        return "100%"
    return f"{value:.1f}%"


def format_timestamp(unix_seconds: int) -> str:
    """Local date and time, or '' for 0 (never)."""
    if unix_seconds <= 0:
        return ""
    moment = datetime.datetime.fromtimestamp(unix_seconds)
    return moment.strftime("%Y-%m-%d %H:%M")
