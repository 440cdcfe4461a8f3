"""Draw every icon on light and dark backgrounds into one PNG, to look at them.

    python packaging/icon_contact_sheet.py [OUT.png]

Rows: the application icon at 16, 24, 32, 48, 64, 128 and 256 px; then each action icon
at 16, 24 and 32 px on a light palette and on a dark palette, through the same code the
window uses (``btt_desktop.ui.icons``), bundled icons only (no desktop theme).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QImage,
    QPainter,
    QPalette,
)

from btt_desktop.ui import icons

LIGHT = ("#fafafa", "#1f2328")
DARK = ("#1e1f22", "#e6e6e6")
SIZES = (16, 24, 32)
CELL_W = 150
APP_SIZES = (16, 24, 32, 48, 64, 128)
ROW_H = 40


def palette(background: str, text: str) -> QPalette:
    pal = QPalette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        pal.setColor(role, QColor(background))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        pal.setColor(role, QColor(text))
    disabled = QColor(text)
    disabled.setAlphaF(0.4)
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, disabled)
    return pal


def draw(out: Path) -> None:
    names = icons.ICON_NAMES
    columns = 2
    rows = (len(names) + columns - 1) // columns
    top = 290
    width = columns * 2 * CELL_W + 40
    height = top + rows * ROW_H + 20
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32)
    image.fill(QColor("#808080"))
    p = QPainter(image)
    font = QFont()
    font.setPixelSize(11)
    p.setFont(font)

    # the application icon from 16 to 128 px on a light and a dark band, and at 256 px
    app = icons.app_icon()
    for band, (bg, _fg) in enumerate((LIGHT, DARK)):
        p.fillRect(QRect(0, band * 140, width, 140), QColor(bg))
        x = 10
        for size in APP_SIZES:
            p.drawPixmap(x, band * 140 + (140 - size) // 2, app.pixmap(QSize(size, size)))
            x += size + 12
    p.drawPixmap(width - 266, 12, app.pixmap(QSize(256, 256)))

    for half, (bg, fg) in enumerate((LIGHT, DARK)):
        pal = palette(bg, fg)
        x0 = half * (columns * CELL_W + 20)
        p.fillRect(QRect(x0, top - 10, columns * CELL_W + 20, height - top + 10), QColor(bg))
        for i, name in enumerate(names):
            col, row = i % columns, i // columns
            x = x0 + 8 + col * CELL_W
            y = top + row * ROW_H
            ic = icons.icon(name, pal, prefer_theme=False)
            cx = x
            for size in SIZES:
                p.drawPixmap(cx, y + (32 - size) // 2, ic.pixmap(QSize(size, size)))
                cx += size + 4
            disabled = ic.pixmap(QSize(16, 16), QIcon.Mode.Disabled)
            p.drawPixmap(cx, y + 8, disabled)
            p.setPen(QColor(fg))
            p.drawText(QRect(x, y + 30, CELL_W, 12), Qt.AlignmentFlag.AlignLeft, name)
    p.end()
    image.save(str(out))


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "icon-contact-sheet.png")
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    draw(out)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
