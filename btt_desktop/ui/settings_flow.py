"""The settings the window runs with: the Settings dialog, applying a change to the engine
and the theme, and saving it (off the loop). The proxy password goes to the OS keyring
(:mod:`btt_desktop.proxy_password`), never to the settings file; without a keyring it is
kept for this session only, and the Connection page says so next to the field.

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

from btt_desktop.proxy_password import KeyringUnavailable, ProxyPasswordStore
from btt_desktop.settings_store import Settings, SettingsStore
from btt_desktop.tasks import TaskSet
from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.settings_dialog import SettingsDialog
from btt_desktop.ui.tasks import TaskRunner, run_dialog
from btt_desktop.ui.theme import controller as theme_controller
from btt_desktop.ui.theme import parse_theme

SettingsHook = Callable[[SettingsDialog], Callable[[], Awaitable[None]]]


class SettingsFlow(QObject):
    """Holds the current :class:`Settings`; ``engine_changed`` and ``app_changed`` are
    emitted after a change has been applied."""

    engine_changed = Signal(object)  # EngineSettings
    app_changed = Signal(object)     # AppSettings
    warning = Signal(str)            # one line for the message area (a keyring failure)

    def __init__(self, engine: EngineApi, store: SettingsStore, settings: Settings,
                 tasks: TaskRunner, *, tray_available: Callable[[], bool],
                 parent: QWidget, proxy_passwords: ProxyPasswordStore | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.store = store
        self.settings = settings
        self.tasks = tasks
        self.hooks: list[SettingsHook] = []
        self.proxy_passwords = proxy_passwords
        self._tray_available = tray_available
        self._parent = parent

    async def update(self, settings: Settings) -> None:
        """Apply what changed, then persist ``settings`` (off the loop)."""
        old = self.settings
        self.settings = settings
        if settings.engine != old.engine:
            await self.engine.apply_settings(settings.engine)
        if settings.engine.proxy_password != old.engine.proxy_password:
            await self._remember_proxy_password(settings.engine.proxy_password)
        if settings.app.theme != old.app.theme:
            theme_controller().apply(parse_theme(settings.app.theme))
        # the latest settings: applying these may have switched the alternative limits
        # (the schedule), which follow_alt_limits has put in self.settings meanwhile
        self.engine_changed.emit(self.settings.engine)
        await asyncio.to_thread(self.store.save, self.settings)
        if settings.app != old.app:
            self.app_changed.emit(settings.app)

    async def update_app(self, **changes: Any) -> None:
        await self.update(dataclasses.replace(
            self.settings, app=dataclasses.replace(self.settings.app, **changes)))

    def toggle_alt_speed(self, enabled: bool) -> None:
        engine = dataclasses.replace(self.settings.engine, alt_limits_enabled=enabled)
        self.tasks.run(self.update(dataclasses.replace(self.settings, engine=engine)),
                       failing=self.tr("Cannot switch the speed limits"))

    def follow_alt_limits(self, enabled: bool) -> None:
        """The engine switched the alternative limits (the schedule, or by hand): keep
        the same in the settings, and in the file so a restart keeps it."""
        if self.settings.engine.alt_limits_enabled == enabled:
            return
        engine = dataclasses.replace(self.settings.engine, alt_limits_enabled=enabled)
        self.settings = dataclasses.replace(self.settings, engine=engine)
        self.engine_changed.emit(engine)
        self.tasks.run(asyncio.to_thread(self.store.save, self.settings),
                       failing=self.tr("Cannot save the settings"))

    def open(self) -> None:
        self.tasks.run(self.edit(), failing=self.tr("Cannot apply the settings"))

    async def edit(self) -> bool:
        """The Settings dialog; True once its settings are applied."""
        dialog = SettingsDialog(self.settings, tray_available=self._tray_available(),
                                parent=self._parent)
        appliers = [hook(dialog) for hook in self.hooks]
        helpers = TaskSet("settings keyring check")
        helpers.spawn(self._show_keyring_status(dialog))
        opened_with = self.settings.engine.alt_limits_enabled
        try:
            if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return False
            chosen = dialog.settings()
            if chosen.engine.alt_limits_enabled == opened_with:
                # untouched: the schedule may have switched them while the dialog was open
                chosen = dataclasses.replace(chosen, engine=dataclasses.replace(
                    chosen.engine, alt_limits_enabled=self.settings.engine.alt_limits_enabled))
            await self.update(chosen)
            for apply in appliers:
                await apply()
            return True
        finally:
            await helpers.cancel_all()
            dialog.deleteLater()

    async def _show_keyring_status(self, dialog: SettingsDialog) -> None:
        if self.proxy_passwords is None:
            return
        status = await self.proxy_passwords.status()
        if not status.available:
            dialog.connection.set_password_note(self.tr("not remembered: no keyring"),
                                                status.reason or "")

    async def _remember_proxy_password(self, password: str) -> None:
        """Into the OS keyring; without one it stays for this session only (the dialog
        says so), and a keyring that fails is named in the message area."""
        if self.proxy_passwords is None:
            return
        status = await self.proxy_passwords.status()
        if not status.available:
            return
        try:
            await self.proxy_passwords.save(password)
        except KeyringUnavailable as exc:
            self.warning.emit(self.tr(
                "The proxy password is kept for this session only: {reason}").format(
                    reason=str(exc)))

    def keep_layout(self, layout: dict[str, int | bool | str]) -> Settings:
        """The settings with the window's layout replaced."""
        self.settings = dataclasses.replace(self.settings, app=dataclasses.replace(
            self.settings.app, window_layout=dict(layout)))
        return self.settings
