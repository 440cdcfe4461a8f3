"""The BitTorrent engine: libtorrent behind an asyncio API. No Qt here.

``Engine`` is the session; ``create_torrent`` makes .torrent files. Values it hands out
live in :mod:`btt_desktop.engine.types`.
"""

from btt_desktop.engine.creator import TorrentCreateError, create_torrent
from btt_desktop.engine.engine import Engine
from btt_desktop.engine.peer_classes import PeerClassInfo, PeerControls

__all__ = ["Engine", "PeerClassInfo", "PeerControls", "TorrentCreateError", "create_torrent"]
