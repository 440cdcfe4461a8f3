"""BTT Desktop: a BitTorrent client with a built-in TRON wallet and Speed."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("btt-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "BTT Desktop"
APP_ID = "io.github.bttdesktop.BTTDesktop"
