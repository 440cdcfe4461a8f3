"""The progress cell is a horizontal bar filled from the left to the fraction."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from btt_desktop.ui.torrent_filter import TorrentFilterProxy
from btt_desktop.ui.torrent_model import Column, TorrentTableModel
from btt_desktop.ui.torrent_view import make_torrent_view
from tests.ui.ui_helpers import snapshot


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_bar_fills_from_the_left(qapp: object) -> None:
    model = TorrentTableModel()
    proxy = TorrentFilterProxy(model)
    view = make_torrent_view(proxy)
    view.resize(900, 200)
    view.setColumnWidth(Column.PROGRESS, 200)
    model.apply([snapshot("a" * 40, progress=0.25)])
    view.show()
    qapp.processEvents()  # type: ignore[attr-defined]
    rect = view.visualRect(proxy.index(0, Column.PROGRESS))
    image = view.viewport().grab().toImage()
    fill = view.palette().color(QPalette.ColorRole.Highlight)
    # sample just above and below the text, at a quarter and at three quarters across
    for y in (rect.top() + 4, rect.bottom() - 4):
        left = image.pixelColor(rect.left() + rect.width() // 10, y)
        right = image.pixelColor(rect.left() + rect.width() * 8 // 10, y)
        assert _distance(left, fill) < _distance(right, fill), (y, left.name(), right.name())
        assert _distance(left, fill) < 120
    view.close()
