"""UI test fixtures.

Async tests here run on a qasync loop over pytest-qt's one QApplication, so awaiting an
engine call keeps Qt's event loop turning (widgets repaint, timers fire, signals flow),
exactly as in the window.
"""

from __future__ import annotations

import asyncio

import pytest
import qasync
from PySide6.QtWidgets import QApplication


def _qasync_loop() -> asyncio.AbstractEventLoop:
    app = QApplication.instance() or QApplication([])
    return qasync.QEventLoop(app)


def pytest_asyncio_loop_factories(config: pytest.Config, item: pytest.Item) -> dict[str, object]:
    return {"qasync": _qasync_loop}
