"""BTT Desktop: a BitTorrent client with a built-in TRON wallet and Speed."""

from typing import Any

APP_NAME = "BTT Desktop"
APP_ID = "io.github.bttdesktop.BTTDesktop"


def __getattr__(name: str) -> Any:
    """``__version__`` is read from the installed metadata on first use:
    importlib.metadata costs about 40 ms, which every ``btt`` command and the window's
    start would otherwise pay."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("btt-desktop")
        except PackageNotFoundError:  # a source tree that was never installed
            found = "0.0.0+source"
        globals()["__version__"] = found
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
