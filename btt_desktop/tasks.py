"""Background tasks that nobody awaits: kept alive, failures logged, cancelled together.

asyncio holds only a weak reference to a task, so a task started and forgotten may be
collected before it ends, and its exception is reported (if ever) only when it is
collected. :class:`TaskSet` keeps a reference until each task ends, hands an exception to
``on_error`` (default: log it with its traceback) and cancels what is left on
:meth:`TaskSet.cancel_all`. No Qt: the window, the engine and Speed can all use it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")

_log = logging.getLogger(__name__)


class TaskSet:
    """A set of running tasks; see the module docstring.

    ``on_error(task, exc)`` is called on the loop for each task that ends with an exception
    (not for a cancelled one). Without it the exception is logged under ``what``.
    """

    def __init__(self, what: str = "background task", *,
                 on_error: Callable[[asyncio.Task[Any], BaseException], None] | None = None,
                 logger: logging.Logger | None = None) -> None:
        self._what = what
        self._on_error = on_error
        self._log = logger or _log
        self._tasks: set[asyncio.Task[Any]] = set()
        # The loop this set was made on: a Qt timer may start a task while that loop is
        # between iterations (no loop is "running" then); the task still belongs to it.
        self._loop: asyncio.AbstractEventLoop | None = None
        with contextlib.suppress(RuntimeError):
            self._loop = asyncio.get_event_loop()

    def spawn(self, coro: Coroutine[Any, Any, T], *, name: str | None = None) -> asyncio.Task[T]:
        """Start ``coro`` as a task of this set."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = self._loop if self._loop is not None else asyncio.get_event_loop()
        task = loop.create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def __len__(self) -> int:
        return len(self._tasks)

    def __contains__(self, task: object) -> bool:
        return task in self._tasks

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        if self._on_error is not None:
            self._on_error(task, exc)
        else:
            self._log.error("%s failed", self._what, exc_info=exc)

    def cancel(self) -> None:
        """Ask every task to stop; returns at once."""
        for task in list(self._tasks):
            task.cancel()

    async def cancel_all(self) -> None:
        """Cancel every task and wait until all have ended."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
