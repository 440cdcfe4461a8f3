"""User-facing errors. ``str(error)`` is one line a user can act on, and never holds a secret."""

from __future__ import annotations


class BttError(Exception):
    """Base class: an error the user caused or can fix, shown as one line."""


class TorrentFileError(BttError):
    """A .torrent file or magnet link that cannot be used."""


class EngineError(BttError):
    """The BitTorrent engine refused an operation (port in use, bad path, ...)."""


class WalletError(BttError):
    """Wallet problems: wrong password, bad mnemonic, keystore unreadable, ..."""


class WrongPassword(WalletError):
    def __init__(self) -> None:
        super().__init__("wrong password")


class ChainError(BttError):
    """The TRON node refused a request or cannot be reached."""


class SpeedError(BttError):
    """A Speed protocol or payment problem."""


class DevnetError(BttError):
    """The local devnet node cannot start or run (data folder in use, damaged state, ...)."""
