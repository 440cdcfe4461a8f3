"""Running engine coroutines from slots, and awaiting dialogs without nested event loops.

A slot must return at once. ``TaskRunner.run`` starts the coroutine as an asyncio task
(on the qasync loop, the GUI thread), keeps a reference until it ends
(:class:`btt_desktop.tasks.TaskSet`), and turns a :class:`BttError` into one line shown
to the user. Anything else is logged in full and shown as one line too: no traceback
reaches the user. ``run(coro, failing=...)`` puts what was being done in front of the
reason ("Cannot pause the torrents: ...").

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

from btt_desktop.errors import BttError, one_line
from btt_desktop.tasks import TaskSet

log = logging.getLogger(__name__)

T = TypeVar("T")


class TaskRunner:
    """Starts coroutines as tasks and reports their errors through ``report(line)``."""

    def __init__(self, report: Callable[[str], None]) -> None:
        self._report = report
        self._failing: dict[asyncio.Task[Any], str] = {}
        self._tasks = TaskSet("window task", on_error=self._failed, logger=log)

    def run(self, coro: Coroutine[Any, Any, T], *, failing: str = "") -> asyncio.Task[T]:
        """Start ``coro``; a failure is reported as ``"{failing}: {reason}"`` (or the
        reason alone)."""
        task = self._tasks.spawn(coro)
        if failing:
            self._failing[task] = failing
            task.add_done_callback(lambda t: self._failing.pop(t, None))
        return task

    @property
    def pending(self) -> int:
        return len(self._tasks)

    def _failed(self, task: asyncio.Task[Any], exc: BaseException) -> None:
        if not isinstance(exc, BttError):
            log.error("unexpected error in %s", task.get_coro(), exc_info=exc)
        failing = self._failing.get(task, "")
        line = one_line(exc)
        self._report(f"{failing}: {line}" if failing else line)

    async def cancel_all(self) -> None:
        await self._tasks.cancel_all()


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
