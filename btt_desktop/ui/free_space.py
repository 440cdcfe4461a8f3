"""Free disk space at a (possibly not yet existing) save path, and whether a download can
be saved there; measured off the loop. No Qt."""

from __future__ import annotations

import asyncio
import enum
import os
import shutil
from pathlib import Path


def _nearest_existing(path: str) -> Path | None:
    candidate = Path(path).expanduser()
    while not candidate.exists():
        if candidate.parent == candidate:
            return None
        candidate = candidate.parent
    return candidate


def free_bytes_blocking(path: str) -> int | None:
    existing = _nearest_existing(path)
    if existing is None:
        return None
    try:
        return shutil.disk_usage(existing).free
    except OSError:
        return None


async def free_bytes(path: str) -> int | None:
    """Bytes free on the file system that would hold ``path``; None when unknown."""
    return await asyncio.to_thread(free_bytes_blocking, path)


class PathProblem(enum.Enum):
    """Why a save path cannot take a download (see :func:`save_path_problem`)."""

    EMPTY = "empty"
    NOT_ABSOLUTE = "not absolute"
    NOT_A_FOLDER = "not a folder"        # it, or a folder it would need, is a file
    NOT_WRITABLE = "not writable"
    NO_SPACE = "no space"                # less free space than the download needs


def save_path_problem_blocking(path: str, need: int = 0) -> PathProblem | None:
    """What stops ``path`` from holding ``need`` more bytes, or None when it can. The
    folder need not exist yet: the nearest existing folder above it is checked."""
    if not path.strip():
        return PathProblem.EMPTY
    wanted = Path(path).expanduser()
    if not wanted.is_absolute():
        return PathProblem.NOT_ABSOLUTE
    existing = _nearest_existing(str(wanted))
    if existing is None:
        return PathProblem.NOT_A_FOLDER
    if not existing.is_dir():
        return PathProblem.NOT_A_FOLDER
    if not os.access(existing, os.W_OK | os.X_OK):
        return PathProblem.NOT_WRITABLE
    try:
        free = shutil.disk_usage(existing).free
    except OSError:
        return None  # unknown: let the engine try
    if free <= 0 or free < need:
        return PathProblem.NO_SPACE
    return None


async def save_path_problem(path: str, need: int = 0) -> PathProblem | None:
    """:func:`save_path_problem_blocking`, off the loop (a network mount may hang)."""
    return await asyncio.to_thread(save_path_problem_blocking, path, need)
