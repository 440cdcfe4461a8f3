"""The window's frame, painted before the event loop, the engine and the panels exist.

A launched window reads its settings, installs the language and theme, builds the
:class:`MainWindow` frame (title, saved geometry, menus by name, message area) and lets
Qt paint it, all before asyncio, qasync, libtorrent and the panels' modules are
imported: the user sees the window at once, and it fills in a moment later
(``build_window_app`` attaches the engine and the panels to this same window).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop

if TYPE_CHECKING:
    from btt_desktop.profile import Profile
    from btt_desktop.settings_store import Settings, SettingsStore
    from btt_desktop.ui.main_window import MainWindow

PAINT_LIMIT = 1.0  # seconds: a window that is not painted (hidden, no screen) waits no longer


@dataclass
class WindowFrame:
    """The frame as :func:`open_frame` built it, with what it was built from."""

    store: SettingsStore
    settings: Settings
    translators: object
    window: MainWindow


def install_appearance(language: str, theme: str) -> object:
    """The language (before any widget is built) and the light/dark theme; returns the
    installed translators (keep them)."""
    from btt_desktop.ui.i18n import install_translators
    from btt_desktop.ui.theme import controller, parse_theme

    translators = install_translators(language)
    controller().apply(parse_theme(theme))
    return translators


def open_frame(profile: Profile, settings: Settings | None = None, *,
               appearance: bool = True) -> WindowFrame:
    """The settings (read now, unless given), the language and theme, and the window's
    frame, not yet shown. Blocking, briefly: it runs before the event loop."""
    from btt_desktop.settings_store import SettingsStore
    from btt_desktop.ui.main_window import MainWindow

    store = SettingsStore(profile.settings_file)
    if settings is None:
        settings = store.load()
    translators = (install_appearance(settings.app.language, settings.app.theme)
                   if appearance else None)
    return WindowFrame(store, settings, translators, MainWindow(store, settings))


def paint_now(window: MainWindow, limit: float = PAINT_LIMIT) -> bool:
    """Show ``window`` and let Qt process events until it has been painted once (at most
    ``limit`` seconds: a window that is not on screen is not painted). Only before the
    event loop runs. Whether it was painted."""
    window.show()
    deadline = time.monotonic() + limit
    while not window.painted and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
        if not window.painted:
            time.sleep(0.002)
    return window.painted
