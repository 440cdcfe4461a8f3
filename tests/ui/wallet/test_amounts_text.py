"""Amounts at a glance: six decimals at most, cut toward zero (a balance never shows more
than it is), grouped with the locale's separators; the exact text is for tooltips."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from btt_desktop.ui.wallet.amounts_text import glance_amount, glance_token, token_amount

BTT = 10**18


@pytest.fixture
def locale() -> Iterator[Any]:
    before = QLocale()
    yield QLocale.setDefault
    QLocale.setDefault(before)


def test_glance_cuts_to_six_decimals(locale: Any) -> None:
    locale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    raw = 490 * BTT + 28_853_565_454_483_032
    assert token_amount(raw, "BTT") == "490.028853565454483032"  # exact
    assert glance_token(raw, "BTT") == "490.028853"
    assert glance_token(999_999_999_999_999_999, "BTT") == "0.999999"  # never rounded up
    assert glance_token(1234567 * BTT, "BTT") == "1,234,567"
    assert glance_token(5, "BTT") == "<0.000001"  # a dust amount is not shown as 0
    assert glance_amount(-5, 18) == "-<0.000001"
    assert glance_token(0, "BTT") == "0"
    assert glance_token(1_234_567_891, "TRX") == "1,234.567891"  # TRX has six: exact


def test_glance_uses_the_locale_separators(locale: Any) -> None:
    locale(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert glance_token(1234 * BTT + BTT // 2, "BTT") == "1.234,5"
    locale(QLocale(QLocale.Language.French, QLocale.Country.France))
    text = glance_token(1234 * BTT + BTT // 2, "BTT")
    assert text.replace("\u202f", " ").replace("\xa0", " ") == "1 234,5"
