"""The window in another language, Qt's own dialogs translated, and light/dark themes."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox, QPushButton

from btt_desktop.engine import Engine
from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.settings_store import Settings, SettingsStore
from btt_desktop.ui.bridge import EventBridge
from btt_desktop.ui.event_loop import make_event_loop
from btt_desktop.ui.i18n import (
    ENGLISH,
    LANGUAGES,
    SYSTEM,
    Translators,
    catalogue_file,
    install_translators,
    language_label,
    resolve,
)
from btt_desktop.ui.icons import icon, name_of
from btt_desktop.ui.main_window import MainWindow
from btt_desktop.ui.theme import (
    Theme,
    ThemeController,
    controller,
    error_color,
    error_style,
    is_dark,
)
from btt_desktop.ui.torrent_model import Column, column_title

pytestmark = pytest.mark.timeout(60)


@pytest.fixture(autouse=True)
def _no_loop_left_current() -> Iterator[None]:
    """Windows made here are destroyed at the end of their test (their timers with them),
    and no loop is left current for the tests that follow."""
    yield
    while _WINDOWS:
        window = _WINDOWS.pop()
        if shiboken6.isValid(window):
            window.hide()
            shiboken6.delete(window)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.set_event_loop(None)


@pytest.fixture
def translators(qapp: QApplication) -> Iterator[list[Translators]]:
    """Installed translators are removed again, so other tests see English."""
    installed: list[Translators] = []
    yield installed
    for t in installed:
        t.remove()
    QLocale.setDefault(QLocale("en_US"))


def test_catalogues_in_the_package_are_current(tmp_path: Path) -> None:
    """What the window loads was compiled from the .ts files as they are now (an
    editable install compiles once; after editing a .ts, run update.py --release)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "btt_update", Path(__file__).resolve().parents[2] / "translations/update.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    for fresh in tool.run_lrelease(tmp_path):
        packaged = catalogue_file(fresh.stem.removeprefix("btt_desktop_"))
        assert packaged.is_file(), f"{fresh.name}: run translations/update.py --release"
        assert packaged.read_bytes() == fresh.read_bytes(), (
            f"{fresh.name} is older than its .ts: run translations/update.py --release")


@pytest.mark.parametrize(("system", "expected"), [
    ("ru_RU", "ru"), ("es_MX", "es"), ("zh_CN", "zh_CN"), ("zh_SG", "zh_CN"),
    ("zh_TW", ENGLISH), ("zh_HK", ENGLISH), ("de_DE", ENGLISH), ("en_GB", ENGLISH),
])
def test_the_system_locale_picks_the_language(system: str, expected: str) -> None:
    assert resolve(SYSTEM, QLocale(system)) == expected


def test_an_explicit_setting_wins_over_the_system() -> None:
    assert resolve("es", QLocale("ru_RU")) == "es"
    assert resolve(ENGLISH, QLocale("ru_RU")) == ENGLISH
    assert resolve("xx", QLocale("ru_RU")) == ENGLISH   # an unknown value: the source text


def test_the_language_list_shows_native_names(translators: list[Translators]) -> None:
    translators.append(install_translators("ru"))
    assert [language_label(c) for c in LANGUAGES] == [
        "Как в системе", "English", "简体中文", "Español", "Русский"]


_LOOPS: list[asyncio.AbstractEventLoop] = []
_WINDOWS: list[MainWindow] = []


def _window(tmp_path: Path) -> MainWindow:
    """The real window over an engine that is built but not started (no session).

    The window schedules work on the current asyncio loop from its constructor on, as it
    does in the application; a synchronous test gets a qasync loop made current (kept
    alive for the run, as tests/ui does, so no Qt timer outlives its loop).
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        loop = make_event_loop(app)
        _LOOPS.append(loop)
        asyncio.set_event_loop(loop)
    profile = Profile.open(tmp_path / "profile")
    store = SettingsStore(profile.settings_file)
    bus = EventBus()
    engine = Engine(profile, bus, Settings().engine)
    window = MainWindow(store, Settings())
    window.attach(engine, EventBridge(bus))
    _WINDOWS.append(window)
    return window


def test_the_window_shows_chinese(qtbot: Any, tmp_path: Path,
                                  translators: list[Translators]) -> None:
    translators.append(install_translators("zh_CN"))
    assert translators[0].language == "zh_CN"
    window = _window(tmp_path)
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:2] == ["文件(&F)", "种子(&T)"], menus
    texts = {a.text() for a in window.actions()}
    assert "设置…" in texts                       # an action shared by menu and toolbar
    assert column_title(Column.NAME) == "名称"    # the list's header (a _tr() helper)
    assert QLocale().name() == "zh_CN"           # numbers and dates follow the language


def test_english_shows_the_source_text(qtbot: Any, tmp_path: Path,
                                       translators: list[Translators]) -> None:
    translators.append(install_translators(ENGLISH, QLocale("ru_RU")))
    assert translators[0].installed == []
    window = _window(tmp_path)
    qtbot.addWidget(window)
    assert window.menuBar().actions()[0].text() == "&File"


def test_qt_stock_buttons_are_translated(qtbot: Any, translators: list[Translators]) -> None:
    # the PySide6 wheels ship Qt's own catalogues
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_ru.qm").is_file()
    translators.append(install_translators("ru"))
    assert translators[0].has_qt_catalogue
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Save)
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Отмена", "Сохранить"}, texts
    message = QMessageBox(QMessageBox.Icon.Question, "t", "q",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(message)
    assert {b.text().replace("&", "") for b in message.buttons()} == {"Да", "Нет"}


def test_a_missing_catalogue_leaves_english(monkeypatch: pytest.MonkeyPatch,
                                            translators: list[Translators],
                                            tmp_path: Path) -> None:
    import btt_desktop.ui.i18n as i18n

    monkeypatch.setattr(i18n, "catalogue_file", lambda code: tmp_path / f"none_{code}.qm")
    translators.append(install_translators("es"))
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    # Qt's own catalogue still loads
    assert translators[0].has_qt_catalogue


@pytest.fixture
def themes(qapp: QApplication) -> Iterator[ThemeController]:
    """The application's controller; the theme is "System" again afterwards."""
    themes = controller(qapp)
    assert controller(qapp) is themes  # one per application
    yield themes
    themes.apply(Theme.SYSTEM)
    themes.refresher.refresh()


def _ink(button: QPushButton) -> QColor:
    """The colour of the most opaque pixel of the button's icon."""
    image = button.icon().pixmap(32, 32).toImage()
    best = QColor(0, 0, 0, 0)
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.alpha() > best.alpha():
                best = colour
    return best


def test_dark_override_switches_palette_and_icons(qtbot: Any, qapp: QApplication,
                                                  themes: ThemeController) -> None:
    button = QPushButton()
    button.setIcon(icon("recheck", prefer_theme=False))
    qtbot.addWidget(button)
    assert name_of(button.icon()) == "recheck"
    light_window = qapp.palette().color(QPalette.ColorRole.Window)
    assert not is_dark()
    assert _ink(button).lightness() < 128            # dark ink on a light palette

    themes.apply(Theme.DARK)
    assert is_dark()
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 80
    qtbot.waitUntil(lambda: _ink(button).lightness() > 180, timeout=5000)
    text = qapp.palette().color(QPalette.ColorRole.Text)
    assert _ink(button).name() == text.name()      # drawn in the dark palette's text colour

    themes.apply(Theme.SYSTEM)                       # back to what the application had
    assert qapp.palette().color(QPalette.ColorRole.Window) == light_window
    qtbot.waitUntil(lambda: _ink(button).lightness() < 128, timeout=5000)


def test_light_override_after_dark(qtbot: Any, qapp: QApplication,
                                   themes: ThemeController) -> None:
    themes.apply(Theme.DARK)
    assert is_dark()
    themes.apply(Theme.LIGHT)
    assert not is_dark()
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 180


def _contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return (0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
                + 0.0722 * channel(c.blueF()))
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_error_text_is_readable_in_both_themes(qapp: QApplication, themes: ThemeController,
                                               theme: Theme) -> None:
    """Warnings (a fee larger than what it cashes) and errors are red text: at least 4.5:1
    against the window in either theme."""
    themes.apply(theme)
    window = qapp.palette().color(QPalette.ColorRole.Window)
    assert _contrast(QColor(error_color()), window) >= 4.5
    label = QLabel("x")
    label.setStyleSheet(error_style())
    assert error_color() in label.styleSheet()
    themes.apply(Theme.SYSTEM)


def test_the_override_holds_when_the_system_changes(qapp: QApplication,
                                                    themes: ThemeController) -> None:
    from PySide6.QtCore import Qt

    themes.apply(Theme.DARK)
    # the desktop switching to light (Qt's own signal, as the platform theme sends it)
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert is_dark()
    themes.apply(Theme.SYSTEM)
    assert not is_dark()


def test_settings_offer_languages_and_themes(qtbot: Any, tmp_path: Path) -> None:
    from btt_desktop.settings_store import settings_from_json, settings_to_json
    from btt_desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(), tray_available=False)
    qtbot.addWidget(dialog)
    languages = dialog.language_combo
    assert [languages.itemText(i) for i in range(languages.count())] == [
        "System default", "English", "简体中文", "Español", "Русский"]
    assert languages.currentData() == SYSTEM        # the default follows the system
    themes = dialog.theme_combo
    assert [themes.itemText(i) for i in range(themes.count())] == ["System", "Light", "Dark"]
    languages.setCurrentIndex(languages.findData("ru"))
    themes.setCurrentIndex(themes.findData("dark"))
    chosen = dialog.settings()
    assert (chosen.app.language, chosen.app.theme) == ("ru", "dark")
    again = settings_from_json(settings_to_json(chosen))
    assert (again.app.language, again.app.theme) == ("ru", "dark")
    reopened = SettingsDialog(again, tray_available=False)
    qtbot.addWidget(reopened)
    assert reopened.language_combo.currentText() == "Русский"
    assert reopened.theme_combo.currentData() == "dark"


def test_startup_applies_the_saved_language_and_theme(
        qtbot: Any, tmp_path: Path, translators: list[Translators],
        themes: ThemeController) -> None:
    from btt_desktop.ui.window_frame import install_appearance

    installed = install_appearance("es", "dark")
    assert isinstance(installed, Translators)
    translators.append(installed)
    assert is_dark()
    window = _window(tmp_path)
    qtbot.addWidget(window)
    assert window.menuBar().actions()[0].text() == "&Archivo"


async def test_choosing_a_theme_in_settings_applies_at_once(
        qtbot: Any, tmp_path: Path, themes: ThemeController) -> None:
    import dataclasses

    window = _window(tmp_path)
    qtbot.addWidget(window)
    assert not is_dark()
    dark = dataclasses.replace(window.settings,
                               app=dataclasses.replace(window.settings.app, theme="dark"))
    await window.update_settings(dark)
    assert is_dark()
    assert window.store.load().app.theme == "dark"   # and kept for the next start
    light = dataclasses.replace(dark, app=dataclasses.replace(dark.app, theme="system"))
    await window.update_settings(light)
    assert not is_dark()
