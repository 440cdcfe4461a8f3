"""Amounts and times as the wallet pane shows them: grouped per locale; exact where an
amount is confirmed or typed, to at most six decimals at a glance (balances, lists),
with the exact value in the tooltip."""

from __future__ import annotations

import time

from PySide6.QtCore import QLocale

from btt_desktop.wallet.amounts import BTT_DECIMALS, TRX_DECIMALS, format_amount

DECIMALS = {"TRX": TRX_DECIMALS, "BTT": BTT_DECIMALS}
GLANCE_PLACES = 6  # a millionth of a BTT is far below any fee; TRX has 6 anyway


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


def glance_amount(base_units: int, decimals: int) -> str:
    """At most six decimals, cut toward zero (a balance is never shown larger than it
    is); an amount too small for that shows as ``<0.000001``."""
    if decimals <= GLANCE_PLACES:
        return group_digits(format_amount(base_units, decimals))
    step = 10 ** (decimals - GLANCE_PLACES)
    sign = -1 if base_units < 0 else 1
    shown = sign * (abs(base_units) // step * step)
    if shown == 0 and base_units != 0:
        return ("-<" if sign < 0 else "<") + group_digits(format_amount(step, decimals))
    return group_digits(format_amount(shown, decimals))


def glance_token(base_units: int, token: str) -> str:
    """:func:`glance_amount` for TRX or BTT (no symbol)."""
    decimals = DECIMALS.get(token)
    return str(base_units) if decimals is None else glance_amount(base_units, decimals)


def clock(unix_time: float) -> str:
    """HH:MM:SS in local time."""
    return time.strftime("%H:%M:%S", time.localtime(unix_time))


def short_address(address: str) -> str:
    return address if len(address) <= 16 else address[:8] + "…" + address[-6:]
