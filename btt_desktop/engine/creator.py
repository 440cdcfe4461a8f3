"""Making .torrent files: ``lt.create_torrent`` + ``lt.set_piece_hashes`` in a thread.

Progress is handed back to the loop thread with ``call_soon_threadsafe``; cancelling the
awaiting task stops the hashing at the next piece and writes nothing.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

import libtorrent as lt

import btt_desktop
from btt_desktop.atomicfile import write_atomic
from btt_desktop.engine.metainfo import meta_from_info
from btt_desktop.engine.types import TorrentMeta
from btt_desktop.errors import BttError

Version = Literal["v1", "v2", "hybrid"]
_FLAGS = {"v1": lt.create_torrent.v1_only, "v2": lt.create_torrent.v2_only, "hybrid": 0}
MIN_PIECE = 16 * 1024


class TorrentCreateError(BttError):
    """A torrent could not be created (bad path, bad piece size, unwritable output)."""


class _Cancelled(Exception):
    pass


async def create_torrent(
    path: str | Path,
    out: str | Path,
    *,
    trackers: Sequence[str] = (),
    piece_size: int = 0,
    private: bool = False,
    version: Version = "v1",
    progress: Callable[[float], None] | None = None,
    comment: str = "",
) -> TorrentMeta:
    """Hash ``path`` (a file or a folder) and write a .torrent to ``out``.

    ``piece_size`` 0 picks one from the total size. Returns what was written.
    """
    loop = asyncio.get_running_loop()
    cancel = threading.Event()

    def report(fraction: float) -> None:
        if progress is not None and not cancel.is_set():
            progress(fraction)

    def from_thread(fraction: float) -> None:
        loop.call_soon_threadsafe(report, fraction)

    def work() -> TorrentMeta:
        return _create(Path(path), Path(out), list(trackers), piece_size, private, version,
                       from_thread, cancel, comment)

    try:
        return await asyncio.to_thread(work)
    except asyncio.CancelledError:
        cancel.set()
        raise


def _create(path: Path, out: Path, trackers: list[str], piece_size: int, private: bool,
            version: str, report: Callable[[float], None], cancel: threading.Event,
            comment: str) -> TorrentMeta:
    if version not in _FLAGS:
        raise TorrentCreateError(f"unknown torrent version: {version} (v1, v2 or hybrid)")
    if piece_size and (piece_size < MIN_PIECE or piece_size & (piece_size - 1)):
        raise TorrentCreateError(
            f"piece size must be a power of two of at least 16 KiB: {piece_size}")
    path = path.expanduser()
    if not path.exists():
        raise TorrentCreateError(f"no such file or folder: {path}")
    if not out.parent.expanduser().is_dir():
        raise TorrentCreateError(f"no such folder for the output: {out.parent}")
    resolved = path.resolve()
    try:
        files = lt.list_files(str(resolved))
    except RuntimeError as exc:
        raise TorrentCreateError(f"cannot read {path}: {exc}") from None
    if not files or sum(f.size for f in files) == 0:
        raise TorrentCreateError(f"nothing to share in {path}: no data")
    ct = lt.create_torrent(files, piece_size, _FLAGS[version])
    for tier, url in enumerate(trackers):
        ct.add_tracker(url, tier)
    ct.set_priv(private)
    ct.set_creator(f"BTT Desktop {btt_desktop.__version__}")
    if comment:
        ct.set_comment(comment)
    total = max(1, ct.num_pieces())
    step = max(1, total // 100)

    def on_piece(index: int) -> None:
        if cancel.is_set():
            raise _Cancelled()
        done = index + 1
        if done % step == 0 or done == total:
            report(done / total)

    try:
        lt.set_piece_hashes(ct, str(resolved.parent), on_piece)
    except _Cancelled:
        raise asyncio.CancelledError() from None
    except RuntimeError as exc:
        raise TorrentCreateError(f"cannot read {path}: {exc}") from None
    data = lt.bencode(ct.generate())
    try:
        write_atomic(out, data, keep_backup=False, mode=0o644)
    except BttError as exc:
        raise TorrentCreateError(str(exc)) from None
    return meta_from_info(lt.torrent_info(data))
