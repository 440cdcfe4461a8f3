"""The system tray icon: rates in the tooltip, a small menu, finished-download notices."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from btt_desktop import APP_NAME
from btt_desktop.engine.types import SessionTotals
from btt_desktop.ui.formatting import format_rate
from btt_desktop.ui.icons import app_icon


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class TrayIcon(QSystemTrayIcon):
    def __init__(self, window: QWidget, actions: list[QAction | None]) -> None:
        super().__init__(app_icon(), window)
        self._window = window
        menu = QMenu(window)
        self.toggle_action = menu.addAction(self.tr("Show / Hide Window"))
        self.toggle_action.triggered.connect(self.toggle_window)
        menu.addSeparator()
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        self.setContextMenu(menu)
        self.activated.connect(self._activated)
        self.update_totals(SessionTotals(0, 0, 0))

    def update_totals(self, totals: SessionTotals) -> None:
        self.setToolTip(self.tr("{app}\nDown: {down}\nUp: {up}").format(
            app=APP_NAME, down=format_rate(totals.download_rate),
            up=format_rate(totals.upload_rate)))

    def notify(self, title: str, text: str) -> None:
        self.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)

    def toggle_window(self) -> None:
        if self._window.isVisible() and not self._window.isMinimized():
            self._window.hide()
        else:
            self._window.showNormal()
            self._window.raise_()
            self._window.activateWindow()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.toggle_window()
