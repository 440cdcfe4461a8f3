"""Each torrent's ``torrents/info`` dictionary, made once per change of the torrent.

The engine replaces a torrent's snapshot when something about it changes and keeps the
same object otherwise, so a dictionary made from a snapshot stays right while that
snapshot, the torrent's force-start flag and its magnet link do. ``torrents/info`` and
``sync/maindata`` then cost what changed, not the whole list: a dictionary is shared by
every answer and every session's ``sync/maindata`` state (never changed once made), and
an unchanged torrent is one identity check in ``sync/maindata``'s diff.

The magnet link (``lt.make_magnet_uri``: a call into libtorrent's thread) is kept per
torrent until its name or metadata change, or its trackers are edited through the API
(:meth:`TorrentInfos.forget`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from btt_desktop.engine.types import TorrentSnapshot
from btt_desktop.webapi import translate

Magnet = Callable[[str], str]


class TorrentInfos:
    def __init__(self) -> None:
        # torrent id -> (snapshot, forced, magnet, its dictionary)
        self._items: dict[str, tuple[TorrentSnapshot, bool, str, dict[str, Any]]] = {}
        # torrent id -> ((name, has metadata), magnet link)
        self._magnets: dict[str, tuple[tuple[str, bool], str]] = {}

    def forget(self, torrent_id: str) -> None:
        """The torrent's trackers (hence its magnet link) changed."""
        self._items.pop(torrent_id, None)
        self._magnets.pop(torrent_id, None)

    def magnet(self, snap: TorrentSnapshot, make: Magnet) -> str:
        key = (snap.name, snap.has_metadata)
        kept = self._magnets.get(snap.torrent_id)
        if kept is not None and kept[0] == key:
            return kept[1]
        link = make(snap.torrent_id)
        self._magnets[snap.torrent_id] = (key, link)
        return link

    def info(self, snap: TorrentSnapshot, forced: bool, make: Magnet) -> dict[str, Any]:
        kept = self._items.get(snap.torrent_id)
        magnet = self.magnet(snap, make)
        if kept is not None and kept[0] is snap and kept[1] == forced and kept[2] == magnet:
            return kept[3]
        item = translate.torrent_info(snap, forced, magnet)
        self._items[snap.torrent_id] = (snap, forced, magnet, item)
        return item

    def prune(self, present: Iterable[str]) -> None:
        """Drop what is kept for torrents no longer in the engine."""
        ids = set(present)
        for tid in [t for t in self._items if t not in ids]:
            del self._items[tid]
        for tid in [t for t in self._magnets if t not in ids]:
            del self._magnets[tid]
