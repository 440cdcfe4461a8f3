"""Amounts and times as the wallet pane shows them (exact; integer part grouped)."""

from __future__ import annotations

import time

from PySide6.QtCore import QLocale

from btt_desktop.wallet.amounts import BTT_DECIMALS, TRX_DECIMALS, format_amount

DECIMALS = {"TRX": TRX_DECIMALS, "BTT": BTT_DECIMALS}


def group_digits(exact: str) -> str:
    """``"12345.5"`` -> ``"12,345.5"`` (the locale's separators); the value is unchanged."""
    locale = QLocale()
    sign = "-" if exact.startswith("-") else ""
    whole, _, frac = exact.lstrip("-").partition(".")
    separator = locale.groupSeparator() or ","
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = sign + separator.join(groups)
    return text + locale.decimalPoint() + frac if frac else text


def token_amount(base_units: int, token: str) -> str:
    """Base units of TRX or BTT as grouped display text (no symbol)."""
    decimals = DECIMALS.get(token)
    if decimals is None:
        return str(base_units)
    return group_digits(format_amount(base_units, decimals))


def clock(unix_time: float) -> str:
    """HH:MM:SS in local time."""
    return time.strftime("%H:%M:%S", time.localtime(unix_time))


def short_address(address: str) -> str:
    return address if len(address) <= 16 else address[:8] + "…" + address[-6:]
