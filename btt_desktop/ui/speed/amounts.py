"""BTT amounts as the Speed widgets show and read them (Decimal text <-> base units)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication

from btt_desktop.errors import SpeedError
from btt_desktop.ui.wallet.amounts_text import glance_amount, token_amount
from btt_desktop.wallet.amounts import BTT_DECIMALS, format_amount


def btt_text(base_units: int) -> str:
    """``1500000000000000000`` -> ``"1.5"`` (exact, digits grouped)."""
    return token_amount(base_units, "BTT")


def plain_btt(base_units: int) -> str:
    """Exact and ungrouped, for an editable field."""
    return format_amount(base_units, BTT_DECIMALS)


def parse_btt(text: str, what: str, *, allow_zero: bool = True) -> int:
    """Decimal BTT text -> base units; SpeedError with one line naming ``what``."""
    cleaned = text.strip().replace(",", "").replace("_", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise SpeedError(_tr("{what}: not an amount: {text}").format(
            what=what, text=repr(text.strip()))) from None
    if not value.is_finite() or value < 0 or (value == 0 and not allow_zero):
        line = _tr("{what}: must not be negative") if allow_zero else \
            _tr("{what}: must be more than 0")
        raise SpeedError(line.format(what=what))
    scaled = value.scaleb(BTT_DECIMALS)
    if scaled != scaled.to_integral_value():
        raise SpeedError(_tr("{what}: BTT has at most {decimals} decimals").format(
            what=what, decimals=BTT_DECIMALS))
    return int(scaled)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SpeedAmounts", text)


def rounded_btt(base_units: int, places: int = 4) -> str:
    """Rounded for a glance (a status readout): ``"0.0123"``; exact amounts elsewhere."""
    value = (Decimal(base_units) / (Decimal(10) ** BTT_DECIMALS)).quantize(
        Decimal(1).scaleb(-places))
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def glance_btt(base_units: int) -> str:
    """For table cells and balances: six decimals at most (a millionth of a BTT), cut
    toward zero, digits grouped (see ``glance_amount``)."""
    return glance_amount(base_units, BTT_DECIMALS)
