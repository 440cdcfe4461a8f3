"""The settings the window runs with: the Settings dialog, applying a change to the engine
and the theme, and saving it (off the loop).

Sections add their own page to the dialog through :attr:`SettingsFlow.hooks`: each hook
adds its page and returns what applies it once the dialog is accepted.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from btt_desktop.settings_store import Settings, SettingsStore
from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.settings_dialog import CONFIRM_QUIT_KEY, SettingsDialog, confirm_quit
from btt_desktop.ui.tasks import TaskRunner, run_dialog
from btt_desktop.ui.theme import controller as theme_controller
from btt_desktop.ui.theme import parse_theme

SettingsHook = Callable[[SettingsDialog], Callable[[], Awaitable[None]]]

class SettingsFlow(QObject):
    """Holds the current :class:`Settings`; ``engine_changed`` and ``app_changed`` are
    emitted after a change has been applied."""

    engine_changed = Signal(object)  # EngineSettings
    app_changed = Signal(object)     # AppSettings

    def __init__(self, engine: EngineApi, store: SettingsStore, settings: Settings,
                 tasks: TaskRunner, *, tray_available: Callable[[], bool],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.engine = engine
        self.store = store
        self.settings = settings
        self.tasks = tasks
        self.hooks: list[SettingsHook] = []
        self._tray_available = tray_available
        self._parent = parent

    async def update(self, settings: Settings) -> None:
        """Apply what changed, then persist ``settings`` (off the loop)."""
        old = self.settings
        self.settings = settings
        if settings.engine != old.engine:
            await self.engine.apply_settings(settings.engine)
        if settings.app.theme != old.app.theme:
            theme_controller().apply(parse_theme(settings.app.theme))
        self.engine_changed.emit(settings.engine)
        await asyncio.to_thread(self.store.save, settings)
        if settings.app != old.app:
            self.app_changed.emit(settings.app)

    async def update_app(self, **changes: Any) -> None:
        await self.update(dataclasses.replace(
            self.settings, app=dataclasses.replace(self.settings.app, **changes)))

    def toggle_alt_speed(self, enabled: bool) -> None:
        engine = dataclasses.replace(self.settings.engine, alt_limits_enabled=enabled)
        self.tasks.run(self.update(dataclasses.replace(self.settings, engine=engine)),
                       failing=self.tr("Cannot switch the speed limits"))

    def open(self) -> None:
        self.tasks.run(self.edit(), failing=self.tr("Cannot apply the settings"))

    async def edit(self) -> bool:
        """The Settings dialog; True once its settings are applied."""
        dialog = SettingsDialog(self.settings, tray_available=self._tray_available(),
                                parent=self._parent)
        appliers = [hook(dialog) for hook in self.hooks]
        try:
            if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return False
            await self.update(dialog.settings())
            for apply in appliers:
                await apply()
            return True
        finally:
            dialog.deleteLater()

    def keep_layout(self, layout: dict[str, int | bool | str]) -> Settings:
        """The settings with the window's layout replaced (the quit confirmation kept)."""
        app = self.settings.app
        kept = {CONFIRM_QUIT_KEY: confirm_quit(app)}
        self.settings = dataclasses.replace(self.settings, app=dataclasses.replace(
            app, window_layout={**layout, **kept}))
        return self.settings
