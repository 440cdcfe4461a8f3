"""Per-torrent download and upload limits (KiB/s, 0 = unlimited)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

KIB = 1024


def rate_spinbox(bytes_per_second: int, unlimited_text: str) -> QSpinBox:
    """A KiB/s spin box whose 0 reads as ``unlimited_text``."""
    box = QSpinBox()
    box.setRange(0, 10_000_000)
    box.setSuffix(" KiB/s")
    box.setSpecialValueText(unlimited_text)
    box.setSingleStep(10)
    box.setValue(bytes_per_second // KIB)
    return box


class LimitsDialog(QDialog):
    def __init__(self, names: list[str], download: int, upload: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Torrent Speed Limits"))
        self.setObjectName("limits_dialog")
        heading = names[0] if len(names) == 1 else self.tr("{count} torrents").format(
            count=len(names))
        title = QLabel(heading)
        title.setWordWrap(True)
        self.download_box = rate_spinbox(download, self.tr("Unlimited"))
        self.download_box.setObjectName("download_limit")
        self.upload_box = rate_spinbox(upload, self.tr("Unlimited"))
        self.upload_box.setObjectName("upload_limit")
        form = QFormLayout()
        form.addRow(self.tr("Download limit:"), self.download_box)
        form.addRow(self.tr("Upload limit:"), self.upload_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def download_limit(self) -> int:
        return self.download_box.value() * KIB

    def upload_limit(self) -> int:
        return self.upload_box.value() * KIB
