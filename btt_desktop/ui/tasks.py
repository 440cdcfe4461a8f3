"""Running engine coroutines from slots, and awaiting dialogs without nested event loops.

A slot must return at once. ``TaskRunner.run`` starts the coroutine as an asyncio task
(on the qasync loop, the GUI thread), keeps a reference until it ends, and turns a
:class:`BttError` into one line shown to the user. Anything else is logged in full and
shown as one line too: no traceback reaches the user.

Dialogs are opened with ``open()`` and awaited (``await run_dialog(d)``); ``exec()``
would start a nested event loop inside a task, which asyncio does not allow.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtWidgets import QDialog

from btt_desktop.errors import BttError

log = logging.getLogger(__name__)

T = TypeVar("T")


def one_line(exc: BaseException) -> str:
    """The user-facing line for an exception."""
    if isinstance(exc, BttError):
        text = str(exc)
    else:
        text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return " ".join(text.split())[:300]


class TaskRunner:
    """Starts coroutines as tasks and reports their errors through ``report(line)``."""

    def __init__(self, report: Callable[[str], None]) -> None:
        self._report = report
        self._tasks: set[asyncio.Task[Any]] = set()
        # The loop the window was built on: a Qt timer may call run() while that loop is
        # between iterations (no loop is "running" then); its tasks still belong to it.
        self._loop: asyncio.AbstractEventLoop | None = None
        with contextlib.suppress(RuntimeError):
            self._loop = asyncio.get_event_loop()

    def run(self, coro: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = self._loop if self._loop is not None else asyncio.get_event_loop()
        task = loop.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    @property
    def pending(self) -> int:
        return len(self._tasks)

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        if not isinstance(exc, BttError):
            log.error("unexpected error in %s", task.get_coro(), exc_info=exc)
        self._report(one_line(exc))

    async def cancel_all(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)


async def run_dialog(dialog: QDialog) -> int:
    """Open ``dialog`` window-modally and wait for its result, without a nested loop."""
    future: asyncio.Future[int] = asyncio.get_event_loop().create_future()

    def finished(result: int) -> None:
        if not future.done():
            future.set_result(result)

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await future
    finally:
        with contextlib.suppress(RuntimeError):  # the dialog may already be deleted
            dialog.finished.disconnect(finished)
