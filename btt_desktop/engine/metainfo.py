"""Reading .torrent files and magnet links into add parameters and :class:`TorrentMeta`.

Everything here may block (file reads, parsing big torrents): call it in a thread.
Bad input raises :class:`TorrentFileError` with one line naming the input.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import libtorrent as lt

from btt_desktop.engine.ids import hash_hex
from btt_desktop.engine.types import AddParams, FileEntry, TorrentMeta
from btt_desktop.errors import TorrentFileError

MAX_TORRENT_FILE = 64 * 1024 * 1024  # libtorrent refuses bigger metadata anyway
NORMAL = 4


def read_torrent_file(path: str) -> bytes:
    p = Path(path).expanduser()
    try:
        if p.is_dir():
            raise TorrentFileError(f"is a folder, not a .torrent file: {path}")
        size = p.stat().st_size
        if size > MAX_TORRENT_FILE:
            raise TorrentFileError(f"too large for a .torrent file: {path}")
        return p.read_bytes()
    except FileNotFoundError:
        raise TorrentFileError(f"no such file: {path}") from None
    except PermissionError:
        raise TorrentFileError(f"cannot read {path}: permission denied") from None
    except OSError as exc:
        raise TorrentFileError(f"cannot read {path}: {exc.strerror or exc}") from None


def params_from_bytes(data: bytes, label: str) -> Any:
    """``lt.add_torrent_params`` with ``ti`` set, from the bytes of a .torrent file."""
    if not data:
        raise TorrentFileError(f"not a valid .torrent file (empty): {label}")
    try:
        return lt.load_torrent_buffer(bytes(data))
    except RuntimeError as exc:  # libtorrent says why: "missing or invalid 'info' section"...
        raise TorrentFileError(f"not a valid .torrent file ({exc_reason(exc)}): {label}"
                               ) from None


def params_from_magnet(uri: str) -> Any:
    shown = uri if len(uri) <= 80 else uri[:77] + "..."
    if not uri.strip().lower().startswith("magnet:?"):
        raise TorrentFileError(f"not a magnet link: {shown}")
    try:
        return lt.parse_magnet_uri(uri.strip())
    except RuntimeError as exc:
        raise TorrentFileError(f"not a valid magnet link ({exc_reason(exc)}): {shown}") from None


def check_magnet(uri: str) -> None:
    """Raise :class:`TorrentFileError` (one line, libtorrent's reason) unless ``uri`` is a
    magnet link libtorrent can add. Fast: nothing is looked up."""
    params_from_magnet(uri)


def exc_reason(exc: BaseException) -> str:
    """libtorrent's message without its "[category:code]" suffix."""
    text = " ".join(str(exc).split())
    if text.endswith("]") and " [" in text:
        text = text[: text.rindex(" [")]
    return text


def add_torrent_params(params: AddParams) -> Any:
    """The libtorrent parameters for ``params`` (ti or magnet fields filled, nothing else)."""
    given = [x is not None for x in (params.torrent_data, params.torrent_path, params.magnet)]
    if sum(given) != 1:
        raise TorrentFileError("give exactly one of a .torrent file, its data, or a magnet link")
    if params.magnet is not None:
        return params_from_magnet(params.magnet)
    if params.torrent_path is not None:
        return params_from_bytes(read_torrent_file(params.torrent_path), params.torrent_path)
    assert params.torrent_data is not None
    return params_from_bytes(params.torrent_data, "<data>")


def file_entries(ti: Any, priorities: list[int] | None = None,
                 progress: list[int] | None = None) -> tuple[FileEntry, ...]:
    """The real files of ``ti`` (pad files left out), with libtorrent's file indices."""
    fs = ti.layout()
    pad_flag = int(lt.file_storage.flag_pad_file)
    entries = []
    for i in range(fs.num_files()):
        if int(fs.file_flags(i)) & pad_flag:
            continue
        size = int(fs.file_size(i))
        path = fs.file_path(i).replace(os.sep, "/")
        prio = priorities[i] if priorities is not None and i < len(priorities) else NORMAL
        done = progress[i] if progress is not None and i < len(progress) else 0
        entries.append(FileEntry(index=i, path=path, size=size, priority=int(prio),
                                 progress=(done / size if size else 1.0)))
    return tuple(entries)


def meta_from_info(ti: Any, trackers: tuple[str, ...] = (), comment: str = "",
                   creator: str = "") -> TorrentMeta:
    v1, v2 = hash_hex(ti.info_hashes())
    return TorrentMeta(
        name=ti.name(),
        info_hash_v1=v1,
        info_hash_v2=v2,
        total_size=int(ti.total_size()),
        piece_length=int(ti.piece_length()),
        num_pieces=int(ti.num_pieces()),
        files=file_entries(ti),
        comment=comment or ti.comment(),
        creator=creator or ti.creator(),
        private=bool(ti.priv()),
        trackers=trackers,
    )


def meta_from_params(atp: Any) -> TorrentMeta:
    """Meta of a parsed torrent; for a magnet only the name, hashes and trackers are known."""
    if atp.ti is not None:
        # load_torrent_buffer moves these out of torrent_info into the params
        return meta_from_info(atp.ti, tuple(atp.trackers), atp.comment, atp.created_by)
    v1, v2 = hash_hex(atp.info_hashes)
    return TorrentMeta(name=atp.name or v1 or v2 or "", info_hash_v1=v1, info_hash_v2=v2,
                       total_size=0, piece_length=0, num_pieces=0, files=(),
                       trackers=tuple(atp.trackers))


def inspect_params(params: AddParams) -> TorrentMeta:
    return meta_from_params(add_torrent_params(params))
