"""Settings → BitTorrent (queueing, seeding limits), Wallet and Advanced."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.engine.types import DiskIO
from btt_desktop.settings_store import Settings
from btt_desktop.ui.settings_pages.common import Changes, _tr, compact_form, scrolling_page


def _count_box(value: int, name: str) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(-1, 10_000)
    box.setSpecialValueText(_tr("No limit"))
    box.setValue(value)
    return box


def _filled(page: QWidget, *groups: QWidget) -> None:
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scrolling_page(*groups))


class BitTorrentPage(QWidget):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        e = settings.engine
        self.max_downloads_box = _count_box(e.max_active_downloads, "max_active_downloads")
        self.max_seeds_box = _count_box(e.max_active_seeds, "max_active_seeds")
        self.max_torrents_box = _count_box(e.max_active_torrents, "max_active_torrents")
        queueing = QGroupBox(_tr("Queueing"))
        form = compact_form(queueing)
        form.addRow(_tr("Maximum active downloads:"), self.max_downloads_box)
        form.addRow(_tr("Maximum active uploads:"), self.max_seeds_box)
        form.addRow(_tr("Maximum active torrents:"), self.max_torrents_box)
        self.ratio_box = QDoubleSpinBox()
        self.ratio_box.setObjectName("seed_ratio_limit")
        self.ratio_box.setRange(0.0, 1000.0)
        self.ratio_box.setSingleStep(0.1)
        self.ratio_box.setDecimals(2)
        self.ratio_box.setSpecialValueText(_tr("No limit"))
        self.ratio_box.setValue(e.seed_ratio_limit)
        self.time_box = QSpinBox()
        self.time_box.setObjectName("seed_time_limit")
        self.time_box.setRange(0, 525_600)
        self.time_box.setSuffix(_tr(" min"))
        self.time_box.setSpecialValueText(_tr("No limit"))
        self.time_box.setValue(e.seed_time_limit)
        seeding = QGroupBox(_tr("Stop seeding when"))
        form = compact_form(seeding)
        form.addRow(_tr("Ratio reaches:"), self.ratio_box)
        form.addRow(_tr("Seeding time reaches:"), self.time_box)
        _filled(self, queueing, seeding)

    def changes(self) -> Changes:
        return ({
            "max_active_downloads": self.max_downloads_box.value(),
            "max_active_seeds": self.max_seeds_box.value(),
            "max_active_torrents": self.max_torrents_box.value(),
            "seed_ratio_limit": round(self.ratio_box.value(), 2),
            "seed_time_limit": self.time_box.value(),
        }, {})


class WalletPage(QWidget):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        a = settings.app
        self.lock_box = QSpinBox()
        self.lock_box.setObjectName("wallet_lock_minutes")
        self.lock_box.setRange(0, 24 * 60)
        self.lock_box.setSuffix(_tr(" min"))
        self.lock_box.setSpecialValueText(_tr("Never"))
        self.lock_box.setValue(a.wallet_lock_minutes)
        self.password_send_check = QCheckBox(_tr(
            "Ask for the wallet password for every transfer"))
        self.password_send_check.setObjectName("password_every_send")
        self.password_send_check.setChecked(a.password_every_send)
        wallet = QGroupBox(_tr("Wallet security"))
        form = compact_form(wallet)
        form.addRow(_tr("Lock the wallet after no input for:"), self.lock_box)
        form.addRow("", self.password_send_check)
        wallet_note = QLabel(_tr(
            "Without the password for every transfer, an unlocked wallet sends after the "
            "confirmation alone."))
        wallet_note.setWordWrap(True)
        form.addRow(wallet_note)
        _filled(self, wallet)

    def changes(self) -> Changes:
        return ({}, {"wallet_lock_minutes": self.lock_box.value(),
                     "password_every_send": self.password_send_check.isChecked()})


class AdvancedPage(QWidget):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.disk_io_combo = QComboBox()
        self.disk_io_combo.setObjectName("disk_io")
        for disk_io, label in (
            (DiskIO.POSIX, _tr("POSIX (read/write, low memory)")),
            (DiskIO.PREAD, _tr("pread/pwrite with worker threads")),
            (DiskIO.MMAP, _tr("Memory-mapped files")),
            (DiskIO.DEFAULT, _tr("libtorrent default")),
        ):
            self.disk_io_combo.addItem(label, disk_io.value)
        self.disk_io_combo.setCurrentIndex(
            self.disk_io_combo.findData(settings.engine.disk_io.value))
        disk_note = QLabel(_tr("Takes effect the next time BTT Desktop starts."))
        disk_note.setWordWrap(True)
        disk = QGroupBox(_tr("Disk"))
        form = compact_form(disk)
        form.addRow(_tr("Disk I/O:"), self.disk_io_combo)
        form.addRow("", disk_note)
        _filled(self, disk)

    def changes(self) -> Changes:
        return ({"disk_io": DiskIO(self.disk_io_combo.currentData())}, {})
