"""Preferences: engine settings (EngineSettings) and the window's own (AppSettings)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.engine.types import DiskIO, Encryption
from btt_desktop.errors import BttError
from btt_desktop.settings_store import AppSettings, Settings
from btt_desktop.tasks import TaskSet
from btt_desktop.ui.file_pickers import choose_directory
from btt_desktop.ui.i18n import LANGUAGES, language_label
from btt_desktop.ui.limits_dialog import KIB, rate_spinbox
from btt_desktop.ui.theme import Theme, Tone, parse_theme, set_tone, theme_label

# Kept in AppSettings.window_layout, the window's free-form part of the settings file
CONFIRM_QUIT_KEY = "confirm_quit_active"


def confirm_quit(app: AppSettings) -> bool:
    """Whether quitting with active torrents asks first (on unless turned off)."""
    value = app.window_layout.get(CONFIRM_QUIT_KEY, True)
    return value if isinstance(value, bool) else True


def with_confirm_quit(app: AppSettings, on: bool) -> AppSettings:
    layout = dict(app.window_layout)
    layout[CONFIRM_QUIT_KEY] = on
    return dataclasses.replace(app, window_layout=layout)


def _page(*groups: QWidget) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    for group in groups:
        layout.addWidget(group)
    layout.addStretch(1)
    return page


def _compact_form(box: QGroupBox) -> QFormLayout:
    """A form whose fields keep their natural width (no page-wide spin boxes)."""
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
    return form


def _rate(box: QSpinBox, original: int) -> int:
    """Bytes/s from a KiB/s box; an untouched box keeps the exact original value."""
    return original if box.value() == original // KIB else box.value() * KIB


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, *, tray_available: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settings_dialog")
        self.resize(620, 520)
        self._original = settings
        self._helpers = TaskSet("settings dialog task")
        e, a = settings.engine, settings.app

        # downloads
        self.save_path_edit = QLineEdit(a.default_save_path)
        self.save_path_edit.setObjectName("default_save_path")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.save_path_edit, 1)
        path_row.addWidget(browse)
        self.start_paused_check = QCheckBox(self.tr("Add torrents paused"))
        self.start_paused_check.setChecked(a.start_paused)
        self.sequential_check = QCheckBox(self.tr("Download in sequential order by default"))
        self.sequential_check.setChecked(a.sequential_by_default)
        self.confirm_remove_check = QCheckBox(self.tr("Confirm before removing torrents"))
        self.confirm_remove_check.setChecked(a.confirm_remove)
        downloads = QGroupBox(self.tr("Saving"))
        form = QFormLayout(downloads)
        form.addRow(self.tr("Default save path:"), path_row)
        form.addRow("", self.start_paused_check)
        form.addRow("", self.sequential_check)
        form.addRow("", self.confirm_remove_check)

        # connection
        self.port_box = QSpinBox()
        self.port_box.setObjectName("listen_port")
        self.port_box.setRange(1, 65535)
        self.port_box.setValue(e.listen_port)
        self.encryption_combo = QComboBox()
        self.encryption_combo.setObjectName("encryption")
        for value, label in (
            (Encryption.PREFER_PLAIN, self.tr("Allow encryption (fastest)")),
            (Encryption.PREFER, self.tr("Prefer encryption")),
            (Encryption.REQUIRE, self.tr("Require encryption")),
            (Encryption.DISABLE, self.tr("Disable encryption")),
        ):
            self.encryption_combo.addItem(label, value.value)
        self.encryption_combo.setCurrentIndex(
            self.encryption_combo.findData(e.encryption.value))
        self.dht_check = QCheckBox(self.tr("DHT (find peers without a tracker)"))
        self.dht_check.setChecked(e.dht)
        self.pex_check = QCheckBox(self.tr("Peer exchange (PeX)"))
        self.pex_check.setChecked(e.pex)
        self.lsd_check = QCheckBox(self.tr("Local peer discovery"))
        self.lsd_check.setChecked(e.lsd)
        self.upnp_check = QCheckBox(self.tr("Port forwarding with UPnP"))
        self.upnp_check.setChecked(e.upnp)
        self.natpmp_check = QCheckBox(self.tr("Port forwarding with NAT-PMP"))
        self.natpmp_check.setChecked(e.natpmp)
        connection = QGroupBox(self.tr("Listening and peers"))
        form = _compact_form(connection)
        form.addRow(self.tr("Listen port:"), self.port_box)
        form.addRow(self.tr("Encryption:"), self.encryption_combo)
        for check in (self.dht_check, self.pex_check, self.lsd_check, self.upnp_check,
                      self.natpmp_check):
            form.addRow("", check)

        # speed
        unlimited = self.tr("Unlimited")
        self.down_box = rate_spinbox(e.download_limit, unlimited)
        self.down_box.setObjectName("download_limit")
        self.up_box = rate_spinbox(e.upload_limit, unlimited)
        self.up_box.setObjectName("upload_limit")
        self.alt_down_box = rate_spinbox(e.alt_download_limit, unlimited)
        self.alt_down_box.setObjectName("alt_download_limit")
        self.alt_up_box = rate_spinbox(e.alt_upload_limit, unlimited)
        self.alt_up_box.setObjectName("alt_upload_limit")
        self.alt_enabled_check = QCheckBox(self.tr("Use the alternative limits now"))
        self.alt_enabled_check.setObjectName("alt_limits_enabled")
        self.alt_enabled_check.setChecked(e.alt_limits_enabled)
        normal = QGroupBox(self.tr("Global limits"))
        form = _compact_form(normal)
        form.addRow(self.tr("Download:"), self.down_box)
        form.addRow(self.tr("Upload:"), self.up_box)
        alternative = QGroupBox(self.tr("Alternative limits"))
        form = _compact_form(alternative)
        form.addRow(self.tr("Download:"), self.alt_down_box)
        form.addRow(self.tr("Upload:"), self.alt_up_box)
        form.addRow("", self.alt_enabled_check)

        # queueing and seeding
        self.max_downloads_box = self._count_box(e.max_active_downloads, "max_active_downloads")
        self.max_seeds_box = self._count_box(e.max_active_seeds, "max_active_seeds")
        self.max_torrents_box = self._count_box(e.max_active_torrents, "max_active_torrents")
        queueing = QGroupBox(self.tr("Queueing"))
        form = _compact_form(queueing)
        form.addRow(self.tr("Maximum active downloads:"), self.max_downloads_box)
        form.addRow(self.tr("Maximum active uploads:"), self.max_seeds_box)
        form.addRow(self.tr("Maximum active torrents:"), self.max_torrents_box)
        self.ratio_box = QDoubleSpinBox()
        self.ratio_box.setObjectName("seed_ratio_limit")
        self.ratio_box.setRange(0.0, 1000.0)
        self.ratio_box.setSingleStep(0.1)
        self.ratio_box.setDecimals(2)
        self.ratio_box.setSpecialValueText(self.tr("No limit"))
        self.ratio_box.setValue(e.seed_ratio_limit)
        self.time_box = QSpinBox()
        self.time_box.setObjectName("seed_time_limit")
        self.time_box.setRange(0, 525_600)
        self.time_box.setSuffix(self.tr(" min"))
        self.time_box.setSpecialValueText(self.tr("No limit"))
        self.time_box.setValue(e.seed_time_limit)
        seeding = QGroupBox(self.tr("Stop seeding when"))
        form = _compact_form(seeding)
        form.addRow(self.tr("Ratio reaches:"), self.ratio_box)
        form.addRow(self.tr("Seeding time reaches:"), self.time_box)

        # behaviour and advanced
        self.tray_check = QCheckBox(self.tr("Closing the window keeps BTT Desktop in the tray"))
        self.tray_check.setObjectName("close_to_tray")
        self.tray_check.setChecked(a.close_to_tray and tray_available)
        self.tray_check.setEnabled(tray_available)
        if not tray_available:
            self.tray_check.setToolTip(self.tr("This desktop has no system tray."))
        self.notify_check = QCheckBox(self.tr("Notify when a download finishes"))
        self.notify_check.setChecked(a.notify_on_finish)
        self.confirm_quit_check = QCheckBox(self.tr("Confirm when quitting with active "
                                                    "torrents"))
        self.confirm_quit_check.setObjectName("confirm_quit")
        self.confirm_quit_check.setChecked(confirm_quit(a))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language")
        for code in LANGUAGES:
            self.language_combo.addItem(language_label(code), code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(a.language)))
        language_note = QLabel(self.tr("Takes effect the next time BTT Desktop starts."))
        language_note.setWordWrap(True)
        self.theme_combo = QComboBox()
        self.theme_combo.setObjectName("theme")
        for theme in Theme:
            self.theme_combo.addItem(theme_label(theme), theme.value)
        self.theme_combo.setCurrentIndex(
            max(0, self.theme_combo.findData(parse_theme(a.theme).value)))
        behaviour = QGroupBox(self.tr("Window"))
        form = _compact_form(behaviour)
        form.addRow("", self.tray_check)
        form.addRow("", self.notify_check)
        form.addRow("", self.confirm_quit_check)
        form.addRow(self.tr("Language:"), self.language_combo)
        form.addRow("", language_note)
        form.addRow(self.tr("Theme:"), self.theme_combo)
        self.disk_io_combo = QComboBox()
        self.disk_io_combo.setObjectName("disk_io")
        for disk_io, label in (
            (DiskIO.POSIX, self.tr("POSIX (read/write, low memory)")),
            (DiskIO.PREAD, self.tr("pread/pwrite with worker threads")),
            (DiskIO.MMAP, self.tr("Memory-mapped files")),
            (DiskIO.DEFAULT, self.tr("libtorrent default")),
        ):
            self.disk_io_combo.addItem(label, disk_io.value)
        self.disk_io_combo.setCurrentIndex(self.disk_io_combo.findData(e.disk_io.value))
        disk_note = QLabel(self.tr("Takes effect the next time BTT Desktop starts."))
        disk_note.setWordWrap(True)
        advanced = QGroupBox(self.tr("Disk"))
        form = _compact_form(advanced)
        form.addRow(self.tr("Disk I/O:"), self.disk_io_combo)
        form.addRow("", disk_note)

        # wallet
        self.lock_box = QSpinBox()
        self.lock_box.setObjectName("wallet_lock_minutes")
        self.lock_box.setRange(0, 24 * 60)
        self.lock_box.setSuffix(self.tr(" min"))
        self.lock_box.setSpecialValueText(self.tr("Never"))
        self.lock_box.setValue(a.wallet_lock_minutes)
        self.password_send_check = QCheckBox(self.tr(
            "Ask for the wallet password for every transfer"))
        self.password_send_check.setObjectName("password_every_send")
        self.password_send_check.setChecked(a.password_every_send)
        wallet = QGroupBox(self.tr("Wallet security"))
        form = _compact_form(wallet)
        form.addRow(self.tr("Lock the wallet after no input for:"), self.lock_box)
        form.addRow("", self.password_send_check)
        wallet_note = QLabel(self.tr(
            "Without the password for every transfer, an unlocked wallet sends after the "
            "confirmation alone."))
        wallet_note.setWordWrap(True)
        form.addRow(wallet_note)

        self.tabs = QTabWidget()
        self.tabs.addTab(_page(downloads, behaviour), self.tr("Downloads"))
        self.tabs.addTab(_page(connection), self.tr("Connection"))
        self.tabs.addTab(_page(normal, alternative), self.tr("Limits"))
        self.tabs.addTab(_page(queueing, seeding), self.tr("BitTorrent"))
        self.tabs.addTab(_page(wallet), self.tr("Wallet"))
        self.tabs.addTab(_page(advanced), self.tr("Advanced"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.error_label = QLabel()
        self.error_label.setObjectName("settings_error")
        set_tone(self.error_label, Tone.ERROR)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self._checks: list[tuple[QWidget, Callable[[], object]]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def add_page(self, title: str, page: QWidget, check: Callable[[], object]) -> None:
        """Another page (e.g. Speed); ``check()`` raising BttError keeps the dialog open."""
        self.tabs.addTab(page, title)
        self._checks.append((page, check))

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

    def _count_box(self, value: int, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(-1, 10_000)
        box.setSpecialValueText(self.tr("No limit"))
        box.setValue(value)
        return box

    def _browse(self) -> None:
        async def browse() -> None:
            chosen = await choose_directory(self, self.tr("Default save path"),
                                            self.save_path_edit.text())
            if chosen:
                self.save_path_edit.setText(chosen)
        self._helpers.spawn(browse())

    def settings(self) -> Settings:
        """The settings as edited (the original ones for anything not on these pages)."""
        e, a = self._original.engine, self._original.app
        engine = dataclasses.replace(
            e,
            listen_port=self.port_box.value(),
            encryption=Encryption(self.encryption_combo.currentData()),
            dht=self.dht_check.isChecked(),
            pex=self.pex_check.isChecked(),
            lsd=self.lsd_check.isChecked(),
            upnp=self.upnp_check.isChecked(),
            natpmp=self.natpmp_check.isChecked(),
            download_limit=_rate(self.down_box, e.download_limit),
            upload_limit=_rate(self.up_box, e.upload_limit),
            alt_download_limit=_rate(self.alt_down_box, e.alt_download_limit),
            alt_upload_limit=_rate(self.alt_up_box, e.alt_upload_limit),
            alt_limits_enabled=self.alt_enabled_check.isChecked(),
            max_active_downloads=self.max_downloads_box.value(),
            max_active_seeds=self.max_seeds_box.value(),
            max_active_torrents=self.max_torrents_box.value(),
            seed_ratio_limit=round(self.ratio_box.value(), 2),
            seed_time_limit=self.time_box.value(),
            disk_io=DiskIO(self.disk_io_combo.currentData()),
        )
        app: AppSettings = dataclasses.replace(
            a,
            default_save_path=self.save_path_edit.text().strip() or a.default_save_path,
            start_paused=self.start_paused_check.isChecked(),
            sequential_by_default=self.sequential_check.isChecked(),
            confirm_remove=self.confirm_remove_check.isChecked(),
            close_to_tray=self.tray_check.isChecked(),
            notify_on_finish=self.notify_check.isChecked(),
            language=str(self.language_combo.currentData()),
            theme=str(self.theme_combo.currentData()),
            wallet_lock_minutes=self.lock_box.value(),
            password_every_send=self.password_send_check.isChecked(),
        )
        app = with_confirm_quit(app, self.confirm_quit_check.isChecked())
        return Settings(engine=engine, app=app)
