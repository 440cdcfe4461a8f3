"""Atomic state files: write a temp file, fsync, rename over the target, keep one `.bak`.

Every state file of the application (resume data, session state, settings, keystore,
Speed ledgers) goes through here, so a crash or a full disk never leaves a half-written
file behind: the reader sees either the old content or the new one.

A writer killed between creating its temp file and the rename leaves that temp file
behind. Temp files are named ``.NAME.PID.RANDOM.tmp`` (PID: the writer's process id) so
that :func:`sweep_stale_temps` can remove the ones whose writer is gone without touching
a live process's write in progress. Such a leftover can hold an old copy of a secret (a
keystore that still opens with an old password), so whoever owns a folder sweeps it when
it opens.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from pathlib import Path

from btt_desktop.errors import BttError

TEMP_SUFFIX = ".tmp"
# mkstemp's random part: 8 characters of [a-z0-9_]
_TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.(?P<pid>[0-9]{1,10})\.[a-z0-9_]{8}\.tmp$")
_OLD_TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")  # before the PID was in it


class StateFileError(BttError, OSError):
    """A state file could not be written; the message is one line for the user."""

    def __str__(self) -> str:
        return str(self.strerror)


def write_atomic(path: str | os.PathLike[str], data: bytes, *, keep_backup: bool = True,
                 mode: int = 0o600, sync: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically.

    The previous content, if any, is kept as ``path.bak`` when ``keep_backup`` is true.
    With ``sync`` (the default) the data and the folder are flushed to the disk before
    returning; without it the rename is still atomic for other processes, but a power
    cut may lose the new content (for files that can be rebuilt or lost harmlessly).
    Raises :class:`StateFileError` (with the original error chained) on failure; the
    existing file is left untouched in that case.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX,
                                    dir=target.parent)
    tmp = Path(tmp_name)
    try:
        try:
            os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if sync:
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
        if sync:
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


def sweep_stale_temps(directory: str | os.PathLike[str], *, exclusive: bool = False) -> list[Path]:
    """Remove the temp files :func:`write_atomic` left in ``directory`` when its writer died.

    Only names of this module's own pattern are considered, only regular files, and only
    those whose writer process is gone. ``exclusive`` says the caller holds the folder's
    lock (no other process writes the state files there): then temp files of the older
    naming, which carry no process id, are removed too. Returns what was removed; a file
    that cannot be removed is left alone.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        if not _is_stale(entry.name, exclusive):
            continue
        try:
            if not stat.S_ISREG(entry.stat(follow_symlinks=False).st_mode):
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    if removed:
        _fsync_dir(Path(directory))
    return removed


def _is_stale(name: str, exclusive: bool) -> bool:
    match = _TEMP_NAME.match(name)
    if match is not None:
        return not _process_alive(int(match["pid"]))
    return exclusive and _OLD_TEMP_NAME.match(name) is not None


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True  # one of our own threads may be writing it right now
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # it exists, owned by someone else (or an absurd number: keep the file)
    return True
