"""Free disk space at a (possibly not yet existing) save path, measured off the loop."""

from __future__ import annotations

import asyncio
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
