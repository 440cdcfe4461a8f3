"""Settings → Limits: the global rate limits, the alternative ones, and the schedule
that switches to the alternative limits (qBittorrent's Speed page)."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.engine.types import ScheduleDays
from btt_desktop.settings_store import Settings
from btt_desktop.ui.limits_dialog import rate_spinbox
from btt_desktop.ui.settings_pages.common import (
    Changes,
    _tr,
    compact_form,
    rate,
    scrolling_page,
)


def _time_edit(minutes: int, name: str) -> QTimeEdit:
    edit = QTimeEdit(QTime(minutes // 60 % 24, minutes % 60))
    edit.setObjectName(name)
    edit.setDisplayFormat("HH:mm")
    return edit


def _minutes(edit: QTimeEdit) -> int:
    time = edit.time()
    return time.hour() * 60 + time.minute()


def day_labels() -> list[tuple[ScheduleDays, str]]:
    return [
        (ScheduleDays.EVERY_DAY, _tr("Every day")),
        (ScheduleDays.WEEKDAYS, _tr("Weekdays")),
        (ScheduleDays.WEEKENDS, _tr("Weekends")),
        (ScheduleDays.MONDAY, _tr("Monday")),
        (ScheduleDays.TUESDAY, _tr("Tuesday")),
        (ScheduleDays.WEDNESDAY, _tr("Wednesday")),
        (ScheduleDays.THURSDAY, _tr("Thursday")),
        (ScheduleDays.FRIDAY, _tr("Friday")),
        (ScheduleDays.SATURDAY, _tr("Saturday")),
        (ScheduleDays.SUNDAY, _tr("Sunday")),
    ]


class LimitsPage(QWidget):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        e = settings.engine
        self._original = settings
        unlimited = _tr("Unlimited")
        self.down_box = rate_spinbox(e.download_limit, unlimited)
        self.down_box.setObjectName("download_limit")
        self.up_box = rate_spinbox(e.upload_limit, unlimited)
        self.up_box.setObjectName("upload_limit")
        self.alt_down_box = rate_spinbox(e.alt_download_limit, unlimited)
        self.alt_down_box.setObjectName("alt_download_limit")
        self.alt_up_box = rate_spinbox(e.alt_upload_limit, unlimited)
        self.alt_up_box.setObjectName("alt_upload_limit")
        self.alt_enabled_check = QCheckBox(_tr("Use the alternative limits now"))
        self.alt_enabled_check.setObjectName("alt_limits_enabled")
        self.alt_enabled_check.setChecked(e.alt_limits_enabled)
        normal = QGroupBox(_tr("Global limits"))
        form = compact_form(normal)
        form.addRow(_tr("Download:"), self.down_box)
        form.addRow(_tr("Upload:"), self.up_box)
        alternative = QGroupBox(_tr("Alternative limits"))
        form = compact_form(alternative)
        form.addRow(_tr("Download:"), self.alt_down_box)
        form.addRow(_tr("Upload:"), self.alt_up_box)
        form.addRow("", self.alt_enabled_check)

        self.schedule_check = QCheckBox(_tr("Schedule the use of the alternative limits"))
        self.schedule_check.setObjectName("alt_schedule_enabled")
        self.schedule_check.setChecked(e.alt_schedule_enabled)
        self.from_edit = _time_edit(e.alt_schedule_from, "alt_schedule_from")
        self.to_edit = _time_edit(e.alt_schedule_to, "alt_schedule_to")
        times = QHBoxLayout()
        times.addWidget(self.from_edit)
        times.addWidget(QLabel(_tr("To:")))
        times.addWidget(self.to_edit)
        times.addStretch(1)
        self.days_combo = QComboBox()
        self.days_combo.setObjectName("alt_schedule_days")
        for days, label in day_labels():
            self.days_combo.addItem(label, days.value)
        self.days_combo.setCurrentIndex(
            max(0, self.days_combo.findData(e.alt_schedule_days.value)))
        schedule_note = QLabel(_tr(
            "The alternative limits switch on at the first time and off at the second; "
            "a period past midnight belongs to the day it starts on. Switching by hand "
            "holds until the next change of the schedule."))
        schedule_note.setWordWrap(True)
        schedule = QGroupBox(_tr("Schedule"))
        form = compact_form(schedule)
        form.addRow("", self.schedule_check)
        form.addRow(_tr("From:"), times)
        form.addRow(_tr("When:"), self.days_combo)
        form.addRow(schedule_note)

        def follow(on: bool) -> None:
            for widget in (self.from_edit, self.to_edit, self.days_combo):
                widget.setEnabled(on)
        self.schedule_check.toggled.connect(follow)
        follow(self.schedule_check.isChecked())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling_page(normal, alternative, schedule))

    def changes(self) -> Changes:
        e = self._original.engine
        return ({
            "download_limit": rate(self.down_box, e.download_limit),
            "upload_limit": rate(self.up_box, e.upload_limit),
            "alt_download_limit": rate(self.alt_down_box, e.alt_download_limit),
            "alt_upload_limit": rate(self.alt_up_box, e.alt_upload_limit),
            "alt_limits_enabled": self.alt_enabled_check.isChecked(),
            "alt_schedule_enabled": self.schedule_check.isChecked(),
            "alt_schedule_from": _minutes(self.from_edit),
            "alt_schedule_to": _minutes(self.to_edit),
            "alt_schedule_days": ScheduleDays(self.days_combo.currentData()),
        }, {})
