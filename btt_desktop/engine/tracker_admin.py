"""Trackers by hand: add, edit, remove, reannounce; and the DHT, PeX and LSD rows.

Every function taking a handle is a blocking libtorrent call: the engine runs them in
``asyncio.to_thread`` and saves resume data after a change (the tracker list is part of
it, so edits survive a restart).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import libtorrent as lt

from btt_desktop.engine.addresses import check_tracker_url
from btt_desktop.engine.types import (
    EngineSettings,
    TrackerEntry,
    TrackerKind,
    TrackerStatus,
)
from btt_desktop.engine.views import tracker_entry
from btt_desktop.errors import EngineError

_PF = lt.peer_info


class TrackerErrors:
    """The reason of each tracker's last failed announce, by torrent id and URL, from
    ``tracker_error_alert`` (the announce entry keeps only an error number)."""

    def __init__(self) -> None:
        self._by_torrent: dict[str, dict[str, str]] = {}

    def failed(self, torrent_id: str, url: str, reason: str) -> None:
        self._by_torrent.setdefault(torrent_id, {})[url] = " ".join(reason.split())

    def succeeded(self, torrent_id: str, url: str) -> None:
        self._by_torrent.get(torrent_id, {}).pop(url, None)

    def of(self, torrent_id: str) -> Mapping[str, str]:
        return dict(self._by_torrent.get(torrent_id, {}))

    def forget(self, torrent_id: str) -> None:
        self._by_torrent.pop(torrent_id, None)


def current(handle: Any) -> list[tuple[str, int]]:
    return [(str(e["url"]), int(e["tier"])) for e in handle.trackers()]


def add_trackers(handle: Any, entries: Sequence[tuple[str, int]]) -> int:
    """Add (url, tier) pairs; URLs already there are skipped. Returns how many were new."""
    have = {url for url, _tier in current(handle)}
    added = 0
    for url, tier in entries:
        url = check_tracker_url(url)
        if url in have:
            continue
        handle.add_tracker({"url": url, "tier": max(0, int(tier))})
        have.add(url)
        added += 1
    return added


def edit_tracker(handle: Any, old_url: str, new_url: str) -> None:
    """Replace one URL, keeping its tier and its place in the list."""
    new_url = check_tracker_url(new_url)
    trackers = current(handle)
    urls = [url for url, _tier in trackers]
    if old_url not in urls:
        raise EngineError(f"no such tracker: {old_url}")
    if new_url == old_url:
        return
    if new_url in urls:
        raise EngineError(f"already in the list: {new_url}")
    handle.replace_trackers([{"url": new_url if url == old_url else url, "tier": tier}
                             for url, tier in trackers])


def remove_trackers(handle: Any, urls: Iterable[str]) -> int:
    gone = set(urls)
    trackers = current(handle)
    kept = [{"url": url, "tier": tier} for url, tier in trackers if url not in gone]
    if len(kept) != len(trackers):
        handle.replace_trackers(kept)
    return len(trackers) - len(kept)


def reannounce(handle: Any, urls: Sequence[str] | None, dht: bool) -> None:
    """Announce now, even before the tracker's minimum interval: to ``urls``, or to
    every tracker (and the DHT when ``dht``) when ``urls`` is None."""
    flags = lt.reannounce_flags_t.ignore_min_interval
    targets = [url for url, _tier in current(handle)] if urls is None else list(urls)
    for url in targets:
        handle.force_reannounce(0, url, flags)
    if urls is None and dht:
        handle.force_dht_announce()


def tracker_rows(handle: Any, last_errors: Mapping[str, str], settings: EngineSettings,
                 *, sources: bool) -> list[TrackerEntry]:
    """The URL entries; with ``sources``, the DHT, PeX and LSD rows first, as
    qBittorrent shows them: working or disabled, and the peers each one found."""
    rows = [tracker_entry(e, last_errors) for e in handle.trackers()]
    if not sources:
        return rows
    info = handle.torrent_file()
    private = bool(info.priv()) if info is not None else False
    flags = int(handle.flags())
    peers = handle.get_peer_info()
    table = (
        (TrackerKind.DHT, settings.dht, int(lt.torrent_flags.disable_dht), int(_PF.dht)),
        (TrackerKind.PEX, settings.pex, int(lt.torrent_flags.disable_pex), int(_PF.pex)),
        (TrackerKind.LSD, settings.lsd, int(lt.torrent_flags.disable_lsd), int(_PF.lsd)),
    )
    heads = []
    for kind, enabled, off_flag, source in table:
        found = [p for p in peers if int(p.source) & source]
        seeds = sum(1 for p in found if int(p.flags) & int(_PF.seed))
        on = enabled and not private and not flags & off_flag
        heads.append(TrackerEntry(
            url="", tier=-1, kind=kind,
            status=TrackerStatus.WORKING if on else TrackerStatus.DISABLED,
            message="this torrent is private" if private and enabled else "",
            seeds=seeds if on else -1, peers=len(found) - seeds if on else -1))
    return heads + rows
