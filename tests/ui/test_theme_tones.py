"""Coloured text (errors, warnings, checked values, secondary notes) stays readable when
the theme is switched while the window is open: no dark-on-dark until a restart."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget

from btt_desktop.ui.icons import icon
from btt_desktop.ui.theme import Theme, Tone, controller, set_tone
from tests.ui.ui_helpers import until


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def shown_colour(label: QLabel) -> QColor:
    label.ensurePolished()
    return label.palette().color(QPalette.ColorRole.WindowText)


@pytest.fixture
def restore_theme(qapp: QApplication):  # type: ignore[no-untyped-def]
    yield
    controller(qapp).apply(Theme.SYSTEM)


async def test_tones_follow_a_live_theme_switch(qapp: QApplication, restore_theme: None) -> None:
    themes = controller(qapp)
    themes.apply(Theme.LIGHT)
    labels = {tone: QLabel("Sample") for tone in Tone}
    for tone, label in labels.items():
        set_tone(label, tone)
        label.show()
    plain = QLabel("Sample")
    set_tone(plain, Tone.ERROR)
    set_tone(plain, None)  # back to the normal text colour
    plain.show()

    for theme in (Theme.LIGHT, Theme.DARK, Theme.LIGHT):
        themes.apply(theme)
        window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
        assert (window.lightness() < 128) == (theme is Theme.DARK)
        for tone, label in labels.items():
            minimum = 3.0 if tone is Tone.MUTED else 4.5  # secondary text: WCAG large/UI
            await until(lambda label=label, minimum=minimum, window=window:
                        contrast(shown_colour(label), window) >= minimum, 5,
                        f"{tone.name} readable on {theme.value}")
        text = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
        assert shown_colour(plain).name() == text.name()
    for label in (*labels.values(), plain):
        label.deleteLater()


def _ink(shown: QIcon) -> QColor:
    """The colour of an icon's opaque pixels (our icons are drawn in one colour)."""
    image = shown.pixmap(24, 24).toImage()
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 255:
                return pixel
    raise AssertionError("an empty icon")


async def test_tab_icons_are_redrawn_on_a_live_theme_switch(
        qapp: QApplication, restore_theme: None) -> None:
    themes = controller(qapp)
    themes.apply(Theme.DARK)
    tabs = QTabWidget()
    tabs.addTab(QLabel("a"), icon("speed-on"), "BTT Speed")
    tabs.show()
    themes.apply(Theme.LIGHT)  # the icon drawn for dark (light ink) must not stay
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    await until(lambda: contrast(_ink(tabs.tabIcon(0)), window) >= 3.0, 5,
                "the tab icon redrawn for the light theme")
    tabs.deleteLater()
