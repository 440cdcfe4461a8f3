"""What the user hands the window to add: .torrent paths, magnet links, http(s) URLs.

They arrive from the command line, from a second instance, from drag and drop and from
the "Add links" dialog; all are sorted here into one of three kinds.
"""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from PySide6.QtCore import QMimeData

from btt_desktop.errors import TorrentFileError

_INFO_HASH = re.compile(r"^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$")


class SourceKind(enum.Enum):
    FILE = "file"
    MAGNET = "magnet"
    URL = "url"


@dataclass(frozen=True)
class TorrentSource:
    kind: SourceKind
    value: str          # absolute path, magnet URI or URL

    @property
    def label(self) -> str:
        if self.kind is SourceKind.FILE:
            return Path(self.value).name
        return self.value if len(self.value) <= 80 else self.value[:77] + "…"


def magnet_name_and_hash(magnet: str) -> tuple[str, str]:
    """The display name (``dn``) and info hash (``xt``) a magnet link carries, or ''."""
    query = parse_qs(magnet.partition("?")[2])
    name = (query.get("dn") or [""])[0]
    info_hash = ""
    for xt in query.get("xt", []):
        for prefix in ("urn:btih:", "urn:btmh:1220"):
            if xt.lower().startswith(prefix):
                info_hash = xt[len(prefix):].lower()
                break
        if info_hash:
            break
    return name, info_hash


def classify(text: str, base_dir: str | None = None) -> TorrentSource:
    """One argument or line -> a source; ``TorrentFileError`` when it is none of them."""
    item = text.strip()
    if not item:
        raise TorrentFileError("empty link")
    lower = item.lower()
    if lower.startswith("magnet:?"):
        from btt_desktop.engine.metainfo import check_magnet  # libtorrent: not at start-up

        check_magnet(item)  # a bad info-hash is refused here, not after the add dialog
        return TorrentSource(SourceKind.MAGNET, item)
    if _INFO_HASH.match(item):
        prefix = "urn:btih:" if len(item) == 40 else "urn:btmh:1220"
        return TorrentSource(SourceKind.MAGNET, f"magnet:?xt={prefix}{item.lower()}")
    if lower.startswith(("http://", "https://")):
        return TorrentSource(SourceKind.URL, item)
    if lower.startswith("file://"):
        item = unquote(urlparse(item).path)
    path = Path(item).expanduser()
    if not path.is_absolute():
        path = Path(base_dir or os.getcwd()) / path
    if not path.is_file():
        raise TorrentFileError(f"not a torrent file, magnet link or URL: {text.strip()[:200]}")
    return TorrentSource(SourceKind.FILE, str(path))


def classify_all(items: Iterable[str], base_dir: str | None = None
                 ) -> tuple[list[TorrentSource], list[str]]:
    """(sources, one error line per item that is not usable)."""
    sources: list[TorrentSource] = []
    errors: list[str] = []
    for item in items:
        if not item.strip():
            continue
        try:
            sources.append(classify(item, base_dir))
        except TorrentFileError as exc:
            errors.append(str(exc))
    return sources, errors


def sources_from_mime(mime: QMimeData) -> list[TorrentSource]:
    """Dropped .torrent files and dropped magnet / URL text."""
    sources: list[TorrentSource] = []
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile():
                local = url.toLocalFile()
                if local.lower().endswith(".torrent") and Path(local).is_file():
                    sources.append(TorrentSource(SourceKind.FILE, local))
            elif url.scheme() in ("magnet", "http", "https"):
                sources.append(classify(url.toString()))
    if not sources and mime.hasText():
        found, _errors = classify_all(line for line in mime.text().splitlines()
                                      if _looks_like_link(line))
        sources.extend(found)
    return sources


def mime_has_sources(mime: QMimeData) -> bool:
    if mime.hasUrls():
        return any(
            (u.isLocalFile() and u.toLocalFile().lower().endswith(".torrent"))
            or u.scheme() in ("magnet", "http", "https")
            for u in mime.urls()
        )
    return mime.hasText() and any(_looks_like_link(line) for line in mime.text().splitlines())


def _looks_like_link(line: str) -> bool:
    lower = line.strip().lower()
    return lower.startswith(("magnet:?", "http://", "https://")) or bool(
        _INFO_HASH.match(line.strip()))
