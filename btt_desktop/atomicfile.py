"""Atomic state files: write a temp file, fsync, rename over the target, keep one `.bak`.

Every state file of the application (resume data, session state, settings, keystore,
Speed ledgers) goes through here, so a crash or a full disk never leaves a half-written
file behind: the reader sees either the old content or the new one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from btt_desktop.errors import BttError


class StateFileError(BttError, OSError):
    """A state file could not be written; the message is one line for the user."""

    def __str__(self) -> str:
        return str(self.strerror)


def write_atomic(path: str | os.PathLike[str], data: bytes, *, keep_backup: bool = True,
                 mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` atomically.

    The previous content, if any, is kept as ``path.bak`` when ``keep_backup`` is true.
    Raises :class:`StateFileError` (with the original error chained) on failure; the
    existing file is left untouched in that case.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        try:
            os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if keep_backup and target.exists():
            backup = target.with_name(target.name + ".bak")
            with contextlib.suppress(FileNotFoundError):
                os.replace(target, backup)
            # a hard link would be nicer, but replace keeps the semantics simple: if the
            # rename below fails, the .bak still holds the last good content
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StateFileError(exc.errno, f"cannot write {target}: {exc.strerror or exc}") from exc


def read_with_backup(path: str | os.PathLike[str]) -> bytes | None:
    """Read ``path``, falling back to ``path.bak`` when the main file is missing.

    Returns ``None`` when neither exists.
    """
    target = Path(path)
    for candidate in (target, target.with_name(target.name + ".bak")):
        try:
            return candidate.read_bytes()
        except FileNotFoundError:
            continue
    return None


def _fsync_dir(directory: Path) -> None:
    try:
        dfd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)
