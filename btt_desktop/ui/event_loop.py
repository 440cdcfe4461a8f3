"""The one asyncio loop of the window: qasync over the QApplication.

Blocking work (``asyncio.to_thread``) runs in a standard ``ThreadPoolExecutor`` rather
than qasync's own QThread executor: that one lets a ``BaseException`` raised in a worker
(``CancelledError`` from a cancelled torrent creation) escape ``QThread.run``, which
kills the worker thread and reports an error from inside Qt.
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor

import qasync
from PySide6.QtWidgets import QApplication


def make_event_loop(app: QApplication) -> asyncio.AbstractEventLoop:
    loop = qasync.QEventLoop(app)
    workers = min(32, (os.cpu_count() or 1) + 4)
    loop.set_default_executor(ThreadPoolExecutor(workers, thread_name_prefix="btt-worker"))
    return loop
