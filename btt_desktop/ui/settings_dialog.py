"""Preferences: engine settings (EngineSettings) and the window's own (AppSettings).

One page per module in ``ui/settings_pages/`` (Behaviour, Downloads, Connection, Limits,
BitTorrent, Wallet, Advanced); each page says what it changes and, for paths typed by
hand, why it cannot be saved. Sections add their own page with :meth:`add_page`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from btt_desktop.errors import BttError
from btt_desktop.settings_store import Settings
from btt_desktop.tasks import TaskSet
from btt_desktop.ui.settings_pages import (
    AdvancedPage,
    BehaviourPage,
    BitTorrentPage,
    ConnectionPage,
    DownloadsPage,
    LimitsPage,
    WalletPage,
)
from btt_desktop.ui.settings_pages.common import Changes
from btt_desktop.ui.theme import Tone, set_tone


class _Page(Protocol):
    def changes(self) -> Changes: ...


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, *, tray_available: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settings_dialog")
        self.resize(680, 560)
        self._original = settings
        self._helpers = TaskSet("settings dialog task")
        spawn = self._helpers.spawn
        self.behaviour = BehaviourPage(settings, tray_available=tray_available)
        self.downloads = DownloadsPage(settings, spawn)
        self.connection = ConnectionPage(settings, spawn)
        self.limits = LimitsPage(settings)
        self.bittorrent = BitTorrentPage(settings)
        self.wallet = WalletPage(settings)
        self.advanced = AdvancedPage(settings)
        self._pages: list[_Page] = [self.behaviour, self.downloads, self.connection,
                                    self.limits, self.bittorrent, self.wallet, self.advanced]

        # the fields the window's sections and tests reach by name
        self.save_path_edit = self.downloads.save_path_edit
        self.port_box = self.connection.port_box
        self.down_box, self.up_box = self.limits.down_box, self.limits.up_box
        self.alt_down_box, self.alt_up_box = self.limits.alt_down_box, self.limits.alt_up_box
        self.alt_enabled_check = self.limits.alt_enabled_check
        self.ratio_box, self.time_box = self.bittorrent.ratio_box, self.bittorrent.time_box
        self.confirm_quit_check = self.behaviour.confirm_quit_check
        self.tray_check = self.behaviour.tray_check
        self.language_combo = self.behaviour.language_combo
        self.theme_combo = self.behaviour.theme_combo
        self.lock_box = self.wallet.lock_box
        self.password_send_check = self.wallet.password_send_check

        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        self.tabs.addTab(self.behaviour, self.tr("Behaviour"))
        self.tabs.addTab(self.downloads, self.tr("Downloads"))
        self.tabs.addTab(self.connection, self.tr("Connection"))
        self.tabs.addTab(self.limits, self.tr("Limits"))
        self.tabs.addTab(self.bittorrent, self.tr("BitTorrent"))
        self.tabs.addTab(self.wallet, self.tr("Wallet"))
        self.tabs.addTab(self.advanced, self.tr("Advanced"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.error_label = QLabel()
        self.error_label.setObjectName("settings_error")
        set_tone(self.error_label, Tone.ERROR)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self._checks: list[tuple[QWidget, Callable[[], object]]] = [
            (self.downloads, self._check(self.downloads.problem)),
            (self.connection, self._check(self.connection.problem)),
        ]
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def add_page(self, title: str, page: QWidget, check: Callable[[], object]) -> None:
        """Another page (e.g. Speed); ``check()`` raising BttError keeps the dialog open."""
        self.tabs.addTab(page, title)
        self._checks.append((page, check))

    @staticmethod
    def _check(problem: Callable[[], str | None]) -> Callable[[], None]:
        def check() -> None:
            line = problem()
            if line:
                raise BttError(line)
        return check

    def accept(self) -> None:
        for page, check in self._checks:
            try:
                check()
            except BttError as exc:
                self.tabs.setCurrentWidget(page)
                self.error_label.setText(str(exc))
                self.error_label.show()
                return
        super().accept()

    def settings(self) -> Settings:
        """The settings as edited (the original ones for anything not on these pages)."""
        engine: dict[str, Any] = {}
        app: dict[str, Any] = {}
        for page in self._pages:
            engine_changes, app_changes = page.changes()
            engine.update(engine_changes)
            app.update(app_changes)
        return Settings(engine=dataclasses.replace(self._original.engine, **engine),
                        app=dataclasses.replace(self._original.app, **app))
