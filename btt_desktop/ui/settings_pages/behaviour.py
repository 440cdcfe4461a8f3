"""Settings → Behaviour: the window (tray, notifications, confirmations), the language
and the theme."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from btt_desktop.settings_store import Settings
from btt_desktop.ui.i18n import LANGUAGES, language_label
from btt_desktop.ui.settings_pages.common import Changes, _tr, compact_form, scrolling_page
from btt_desktop.ui.theme import Theme, parse_theme, theme_label


class BehaviourPage(QWidget):
    def __init__(self, settings: Settings, *, tray_available: bool) -> None:
        super().__init__()
        a = settings.app
        self.tray_check = QCheckBox(_tr("Closing the window keeps BTT Desktop in the tray"))
        self.tray_check.setObjectName("close_to_tray")
        self.tray_check.setChecked(a.close_to_tray and tray_available)
        self.tray_check.setEnabled(tray_available)
        if not tray_available:
            self.tray_check.setToolTip(_tr("This desktop has no system tray."))
        self.notify_check = QCheckBox(_tr("Notify when a download finishes"))
        self.notify_check.setChecked(a.notify_on_finish)
        self.confirm_quit_check = QCheckBox(_tr("Confirm when quitting with active torrents"))
        self.confirm_quit_check.setObjectName("confirm_quit")
        self.confirm_quit_check.setChecked(a.confirm_quit_active)
        self.confirm_remove_check = QCheckBox(_tr("Confirm before removing torrents"))
        self.confirm_remove_check.setObjectName("confirm_remove")
        self.confirm_remove_check.setChecked(a.confirm_remove)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language")
        for code in LANGUAGES:
            self.language_combo.addItem(language_label(code), code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(a.language)))
        language_note = QLabel(_tr("Takes effect the next time BTT Desktop starts."))
        language_note.setWordWrap(True)
        self.theme_combo = QComboBox()
        self.theme_combo.setObjectName("theme")
        for theme in Theme:
            self.theme_combo.addItem(theme_label(theme), theme.value)
        self.theme_combo.setCurrentIndex(
            max(0, self.theme_combo.findData(parse_theme(a.theme).value)))
        window = QGroupBox(_tr("Window"))
        form = compact_form(window)
        form.addRow("", self.tray_check)
        form.addRow("", self.notify_check)
        form.addRow("", self.confirm_quit_check)
        form.addRow("", self.confirm_remove_check)
        form.addRow(_tr("Language:"), self.language_combo)
        form.addRow("", language_note)
        form.addRow(_tr("Theme:"), self.theme_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling_page(window))

    def changes(self) -> Changes:
        return ({}, {
            "close_to_tray": self.tray_check.isChecked(),
            "notify_on_finish": self.notify_check.isChecked(),
            "confirm_quit_active": self.confirm_quit_check.isChecked(),
            "confirm_remove": self.confirm_remove_check.isChecked(),
            "language": str(self.language_combo.currentData()),
            "theme": str(self.theme_combo.currentData()),
        })
