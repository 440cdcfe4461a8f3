"""The torrent list on a small screen: at 1024x600 it shows its main columns whole,
without scrolling sideways; the less-used ones start hidden (the header menu shows them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from btt_desktop.engine.types import AddParams
from btt_desktop.ui.formatting import format_rate, format_size
from btt_desktop.ui.torrent_model import Column
from btt_desktop.ui.torrent_view import HIDDEN_BY_DEFAULT, NAME_MIN_WIDTH
from tests.ui.conftest import WindowRig
from tests.ui.ui_helpers import make_torrent, until

pytestmark = pytest.mark.timeout(60)


async def test_list_fits_a_1024_wide_window_and_follows_its_width(
        rig: WindowRig, tmp_path: Path) -> None:
    window, view = rig.window, rig.window.view
    header = view.horizontalHeader()
    window.resize(1024, 600)
    content, torrent = await make_torrent(tmp_path, {"a.bin": 1 << 20}, name="sample")
    await rig.engine.add(AddParams(save_path=str(content.parent), torrent_path=str(torrent)))
    await until(lambda: window.model.rowCount() == 1, 10, "the torrent in the list")
    await until(lambda: view.viewport().width() > 700, 5, "the window's layout")

    assert {c for c in Column if header.isSectionHidden(c)} == set(HIDDEN_BY_DEFAULT)
    assert view.horizontalScrollBar().maximum() == 0  # nothing off to the right
    assert header.length() <= view.viewport().width()
    assert header.sectionSize(Column.NAME) >= NAME_MIN_WIDTH

    metrics = view.fontMetrics()
    widest = {Column.SIZE: format_size(1023.9 * (1 << 20)),
              Column.DOWN_RATE: format_rate(888.8 * (1 << 20)),
              Column.UP_RATE: format_rate(888.8 * (1 << 20))}
    for column, text in widest.items():  # large values are shown whole, not elided
        assert metrics.horizontalAdvance(text) < header.sectionSize(column), column
    for column in Column:  # and so is every visible title
        if not header.isSectionHidden(column):
            title = str(window.model.headerData(column, Qt.Orientation.Horizontal))
            assert metrics.horizontalAdvance(title) < header.sectionSize(column), title

    window.resize(1600, 900)  # a larger window: Name takes the room, still no scrolling
    await until(lambda: view.viewport().width() > 1300, 5, "the larger layout")
    await until(lambda: header.length() >= view.viewport().width() - 2, 5, "Name to widen")
    assert view.horizontalScrollBar().maximum() == 0

    header.resizeSection(Column.NAME, 300)  # a width chosen by hand is kept
    window.resize(1400, 900)
    await until(lambda: view.viewport().width() < 1300, 5, "the smaller layout")
    assert header.sectionSize(Column.NAME) == 300
