"""One writer per profile: an exclusive ``flock`` on ``PROFILE/lock``.

Every process that writes a profile's state (the window, ``btt seed``, ``btt download``,
the ``btt`` commands that change the wallet or the Speed ledgers) takes this lock first
and keeps it until it exits. Without it, two processes each rewrite the same ledgers from
their own memory, and the last one to save silently drops what the other recorded (a
cheque accepted by a seeder could vanish). Commands that only read do not take it.

The kernel releases a ``flock`` when its holder dies, even on ``kill -9``, so a crash never
leaves the profile locked. The holder writes its process id into the file, for the
message the next process shows.
"""

from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path

from btt_desktop.errors import BttError

LOCK_FILE = "lock"

_held: dict[Path, int] = {}  # profile root -> the open lock file (this process holds it)
_guard = threading.Lock()


class ProfileInUse(BttError):
    """Another process holds the profile; the message is one line saying what to do."""


def acquire(root: Path) -> None:
    """Take the lock of the profile at ``root`` for the rest of this process's life.

    Taking it again in the same process does nothing. Raises :class:`ProfileInUse`
    when another process holds it, :class:`BttError` when the file cannot be opened.
    """
    root = Path(root)
    with _guard:
        if root in _held:
            return
        path = root / LOCK_FILE
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError as exc:
            raise BttError(f"cannot use the profile folder {root}: "
                           f"{exc.strerror or exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            pid = _read_pid(fd)
            os.close(fd)
            holder = f" (pid {pid})" if pid else ""
            raise ProfileInUse(f"profile {root} is in use by another BTT Desktop process"
                               f"{holder}; close it or use --profile DIR") from None
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except OSError:
            pass  # the lock holds without the pid; only the message would lack it
        _held[root] = fd


def release(root: Path) -> None:
    """Give the lock back (a process that exits need not: the kernel does it)."""
    with _guard:
        fd = _held.pop(Path(root), None)
    if fd is not None:
        os.close(fd)


def holds(root: Path) -> bool:
    """True if this process holds the lock of the profile at ``root``."""
    with _guard:
        return Path(root) in _held


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() and 0 < int(text) < 2**31 else None
