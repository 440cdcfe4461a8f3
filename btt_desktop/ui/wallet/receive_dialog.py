"""Receive: the current address, large, with its QR code and a copy button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.ui.icons import icon
from btt_desktop.ui.wallet.clipboard import copy_text
from btt_desktop.ui.wallet.qr import QrCodeWidget


class ReceiveDialog(QDialog):
    def __init__(self, address: str, label: str, network: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receive_dialog")
        self.setWindowTitle(self.tr("Receive"))
        self.setWindowIcon(icon("receive"))
        self.address = address
        heading = QLabel(self.tr("Send TRX or BTT to {label}").format(label=label))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        self.qr = QrCodeWidget(320)
        self.qr.set_text(address)
        self.address_label = QLabel(address)
        self.address_label.setObjectName("receive_address")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.4)
        self.address_label.setFont(mono)
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note = QLabel(self.tr("Only TRX and TRON tokens (BTT TRC-20) on the {network} network. "
                              "Tokens sent from another chain are lost.").format(network=network))
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.copy_button = QPushButton(icon("copy"), self.tr("Copy address"))
        self.copy_button.setObjectName("receive_copy")
        self.copy_button.clicked.connect(self._copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        qr_row = QHBoxLayout()
        qr_row.addStretch(1)
        qr_row.addWidget(self.qr)
        qr_row.addStretch(1)
        copy_row = QHBoxLayout()
        copy_row.addStretch(1)
        copy_row.addWidget(self.copy_button)
        copy_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addLayout(qr_row)
        layout.addWidget(self.address_label)
        layout.addLayout(copy_row)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _copy(self) -> None:
        copy_text(self.address)
        self.copy_button.setText(self.tr("Copied"))
