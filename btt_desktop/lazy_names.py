"""Package names imported when first used (PEP 562), so that importing a package, or a
light module inside it, does not import its heavy modules: the window paints before
libtorrent and aiohttp are loaded."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """The ``__getattr__`` of ``package``: each name of ``homes`` comes from the
    submodule it maps to (``{"Engine": "engine"}``), imported on first use and then
    kept in the package."""
    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{home}"), name)
        setattr(sys.modules[package], name, value)
        return value
    return __getattr__
