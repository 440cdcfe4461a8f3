"""After a hard kill: find the pieces that were verified after the last resume save.

Resume data is saved now and then, not after every piece, so after a crash it may list
fewer pieces than are really on disk. Rather than re-check the whole torrent (slow) or
download those pieces again (wasteful), this hashes only the pieces the resume data
does not claim, straight from the files, and marks the good ones as present before the
torrent is added. v2-only torrents have no per-piece SHA-1 and are left as they are
(libtorrent 2.1.1 does not keep their pieces across restarts anyway: docs/engine.md).
"""

from __future__ import annotations

import hashlib
import logging
import os
from typing import Any

import libtorrent as lt

log = logging.getLogger(__name__)


def can_recover(atp: Any) -> bool:
    return atp.ti is not None and atp.ti.info_hashes().has_v1()


def recover_pieces(atp: Any) -> int:
    """Mark in ``atp.have_pieces`` every missing piece whose data on disk is intact.

    Returns how many pieces were recovered. Blocking: run it in a thread.
    """
    ti = atp.ti
    n = ti.num_pieces()
    have = list(atp.have_pieces)
    have.extend([False] * (n - len(have)))
    if all(have):
        return 0
    fs = ti.layout()
    pad_flag = int(lt.file_storage.flag_pad_file)
    handles: dict[int, Any] = {}
    recovered = 0
    try:
        for piece in range(n):
            if have[piece]:
                continue
            digest = hashlib.sha1()
            ok = True
            for part in ti.map_block(piece, 0, ti.piece_size(piece)):
                index = part.file_index
                if int(fs.file_flags(index)) & pad_flag:
                    digest.update(bytes(part.size))
                    continue
                f = _open(handles, index, fs.file_path(index, atp.save_path))
                if f is None or _has_hole(f, part.offset, part.size):
                    ok = False
                    break
                f.seek(part.offset)
                chunk = f.read(part.size)
                if len(chunk) != part.size:
                    ok = False
                    break
                digest.update(chunk)
            if ok and digest.digest() == ti.hash_for_piece(piece):
                have[piece] = True
                recovered += 1
    finally:
        for f in handles.values():
            if f is not None:
                f.close()
    atp.have_pieces = have
    return recovered


def _has_hole(f: Any, offset: int, size: int) -> bool:
    """True when the range was never fully written (a hole in a sparse file): skip the
    hashing, the piece cannot be complete. Files are sparse until written, so this keeps
    recovery cheap for a big, barely started torrent."""
    try:
        return os.lseek(f.fileno(), offset, os.SEEK_HOLE) < offset + size
    except OSError:  # ENXIO: offset beyond the end; or no SEEK_HOLE support
        return False


def _open(handles: dict[int, Any], index: int, path: str) -> Any:
    if index not in handles:
        try:
            handles[index] = open(path, "rb")  # noqa: SIM115 - closed by recover_pieces
        except OSError:
            handles[index] = None
    return handles[index]

