"""Key derivation off the event loop, in a daemon thread.

``asyncio.to_thread`` runs work in the loop's default executor, whose threads the
interpreter joins at exit: Ctrl-C during a keystore's scrypt would wait for it to finish.
Here each derivation gets a daemon thread instead, so cancelling the awaiting task (as
Ctrl-C does) lets the process exit at once; the abandoned derivation's result, secret or
not, is dropped with its thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


async def run(function: Callable[..., T], /, *args: object) -> T:
    """``await function(*args)`` run in a new daemon thread; cancellable at any time."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if future.done():  # cancelled meanwhile
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def work() -> None:
        result: T | None = None
        error: BaseException | None = None
        try:
            result = function(*args)
        except BaseException as exc:  # handed to the awaiting task as it is
            error = exc
        with contextlib.suppress(RuntimeError):  # the loop is already closed
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=work, name=f"kdf-{getattr(function, '__name__', 'call')}",
                     daemon=True).start()
    return await future
