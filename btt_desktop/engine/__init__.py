"""The BitTorrent engine: libtorrent behind an asyncio API. No Qt here.

``Engine`` is the session; ``create_torrent`` makes .torrent files. Values it hands out
live in :mod:`btt_desktop.engine.types`.

The names below are imported when first used, so that importing a light module of the
package (``engine.types``, which the settings need) does not load libtorrent: the
window paints its frame before the engine is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from btt_desktop.lazy_names import lazy_names

if TYPE_CHECKING:
    from btt_desktop.engine.creator import TorrentCreateError, create_torrent
    from btt_desktop.engine.engine import Engine
    from btt_desktop.engine.peer_classes import PeerClassInfo, PeerControls

__all__ = ["Engine", "PeerClassInfo", "PeerControls", "TorrentCreateError", "create_torrent"]

_HOMES = {"Engine": "engine", "PeerClassInfo": "peer_classes",
          "PeerControls": "peer_classes", "TorrentCreateError": "creator",
          "create_torrent": "creator"}


__getattr__ = lazy_names(__name__, _HOMES)
