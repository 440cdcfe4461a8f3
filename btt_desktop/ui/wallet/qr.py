"""A QR code of a text (an address), drawn by Qt from segno's module matrix.

Dark modules on white with the standard four-module quiet zone, whatever the palette:
scanners expect dark on light. Each module is a whole number of pixels so phone cameras
read it at any size.
"""

from __future__ import annotations

import segno
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR modules of ``text`` (error correction M), True for dark, no quiet zone."""
    code = segno.make(text, error="m", micro=False, boost_error=False)
    return [[bool(cell) for cell in row] for row in code.matrix]


class QrCodeWidget(QWidget):
    """Shows ``text`` as a QR code, as large as the widget allows (``side`` when idle)."""

    def __init__(self, side: int = 160, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qr_code")
        self._side = side
        self._text = ""
        self._matrix: list[list[bool]] = []
        self.setMinimumSize(QSize(side, side))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def matrix(self) -> list[list[bool]]:
        return self._matrix

    def set_text(self, text: str) -> None:
        self._text = text
        self._matrix = qr_matrix(text) if text else []
        self.setToolTip(text)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height())
        if not self._matrix:
            painter.fillRect(QRect(0, 0, side, side), self.palette().window())
            return
        modules = len(self._matrix) + 2 * QUIET_ZONE
        cell = max(1, side // modules)
        drawn = cell * modules
        left = (self.width() - drawn) // 2
        top = (self.height() - drawn) // 2
        painter.fillRect(QRect(left, top, drawn, drawn), QColor("white"))
        dark = QColor("black")
        for y, row in enumerate(self._matrix):
            for x, on in enumerate(row):
                if on:
                    painter.fillRect(left + (x + QUIET_ZONE) * cell, top + (y + QUIET_ZONE) * cell,
                                     cell, cell, dark)
        painter.end()
