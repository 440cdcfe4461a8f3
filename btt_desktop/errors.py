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


def one_line(what: object, limit: int = 300, *, typed: bool = True) -> str:
    """The one line a user (or a log reader) sees for an exception or a piece of text.

    Whitespace and line breaks collapse to single spaces and the line is cut at ``limit``
    characters. A :class:`BttError` is its own line. Another exception is prefixed with its
    type (``KeyError: 'x'``), because its text alone rarely says what broke; pass
    ``typed=False`` to keep only its text (its type when it has none). Anything else is
    taken as text.
    """
    if isinstance(what, BaseException):
        text = " ".join(str(what).split())
        if not isinstance(what, BttError):
            name = type(what).__name__
            if not text:
                text = name
            elif typed:
                text = f"{name}: {text}"
    else:
        text = " ".join(str(what).split())
    return text[:limit]
