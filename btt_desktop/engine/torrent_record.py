"""Everything the engine keeps about one torrent, in one record (as Deluge's ``Torrent``
and qBittorrent's ``TorrentImpl`` do), and the table of records.

Forgetting a torrent is dropping its record: there is no second dict to keep in step.
The table also indexes records by libtorrent handle, for alerts that carry only a handle.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from btt_desktop.engine.labels import TorrentLabels
from btt_desktop.engine.rates import RateWindow
from btt_desktop.engine.types import TorrentSnapshot
from btt_desktop.errors import EngineError


@dataclass(eq=False)
class TorrentRecord:
    torrent_id: str
    handle: Any                          # lt.torrent_handle
    total_size: int = 0                  # bytes, 0 until the metadata is known
    comment: str = ""                    # kept from the add parameters (the info dict
    creator: str = ""                    # of a restored torrent may lack them)
    snapshot: TorrentSnapshot | None = None   # the last one published
    category: str = ""
    tags: frozenset[str] = frozenset()
    need_save: bool = False              # libtorrent says the resume data is stale
    errored: bool = False                # TorrentErrored sent, error not cleared yet
    removing: bool = False               # remove() under way: no more snapshots
    final_path: str = ""                 # where to move the files when finished ("": stay)
    tracker_errors: dict[str, str] = field(default_factory=dict)  # url -> last failure
    # made when the torrent first moves data and dropped when it stops: a window holds
    # a deque (about 700 bytes even empty), and most of 10,000 torrents sit still
    rates: RateWindow | None = None

    @property
    def name(self) -> str:
        snap = self.snapshot
        return snap.name if snap is not None and snap.name else self.torrent_id

    def rate_window(self) -> RateWindow:
        if self.rates is None:
            self.rates = RateWindow()
        return self.rates

    def labels(self) -> TorrentLabels:
        """What :class:`~btt_desktop.engine.labels.LabelStore` keeps of this torrent."""
        return TorrentLabels(self.category, self.tags, self.final_path)


class TorrentTable:
    """``torrent_id -> TorrentRecord`` for the torrents in the list (not metadata probes)."""

    def __init__(self) -> None:
        self._records: dict[str, TorrentRecord] = {}
        self._by_handle: dict[Any, TorrentRecord] = {}

    def add(self, record: TorrentRecord) -> TorrentRecord:
        self._records[record.torrent_id] = record
        self._by_handle[record.handle] = record
        return record

    def get(self, torrent_id: str) -> TorrentRecord | None:
        return self._records.get(torrent_id)

    def require(self, torrent_id: str) -> TorrentRecord:
        record = self._records.get(torrent_id)
        if record is None:
            raise EngineError(f"no such torrent: {torrent_id}")
        return record

    def of_handle(self, handle: Any) -> TorrentRecord | None:
        return self._by_handle.get(handle)

    def pop(self, torrent_id: str) -> TorrentRecord | None:
        record = self._records.pop(torrent_id, None)
        if record is not None:
            self._by_handle.pop(record.handle, None)
        return record

    def clear(self) -> None:
        self._records.clear()
        self._by_handle.clear()

    def ids(self) -> list[str]:
        return list(self._records)

    def __contains__(self, torrent_id: object) -> bool:
        return torrent_id in self._records

    def __iter__(self) -> Iterator[TorrentRecord]:
        return iter(list(self._records.values()))

    def __len__(self) -> int:
        return len(self._records)
