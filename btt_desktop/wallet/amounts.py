"""Token amounts: integers in base units everywhere, decimal strings only at the edges.

TRX has 6 decimals (1 TRX = 1,000,000 sun); BTT (TRC-20) has 18.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from btt_desktop.errors import WalletError

TRX_DECIMALS = 6
BTT_DECIMALS = 18


@dataclass(frozen=True)
class Token:
    """A token the wallet can hold: TRX (native, ``contract`` is None) or a TRC-20."""

    symbol: str
    decimals: int
    contract: str | None = None

    @property
    def is_native(self) -> bool:
        return self.contract is None


TRX = Token("TRX", TRX_DECIMALS)


class InvalidAmount(WalletError):
    """An amount the user typed that is not a positive number in the token's precision."""


def parse_amount(text: str, decimals: int, symbol: str = "") -> int:
    """``"1.5"`` with 6 decimals -> ``1500000``. Rejects zero, negatives and excess precision."""
    cleaned = text.strip().replace("_", "")
    unit = f" {symbol}" if symbol else ""
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        shown = text.strip()
        raise InvalidAmount(f"not an amount: {shown!r} (use digits and a decimal point)") from None
    if not value.is_finite():
        raise InvalidAmount(f"not an amount: {text.strip()!r}")
    if value <= 0:
        raise InvalidAmount(f"the amount must be more than 0{unit}")
    scaled = value.scaleb(decimals)
    if scaled != scaled.to_integral_value():
        raise InvalidAmount(f"too many decimals in {cleaned}: {symbol or 'this token'} has "
                            f"{decimals}")
    return int(scaled)


def format_amount(base_units: int, decimals: int) -> str:
    """``1500000`` with 6 decimals -> ``"1.5"``; exact, no exponent, no trailing zeros."""
    sign = "-" if base_units < 0 else ""
    whole, frac = divmod(abs(base_units), 10**decimals)
    if decimals == 0 or frac == 0:
        return f"{sign}{whole}"
    digits = str(frac).rjust(decimals, "0").rstrip("0")
    return f"{sign}{whole}.{digits}"
