"""The window as a remote: :class:`RemoteEngine` drives a ``btt daemon`` (or any server
of qBittorrent's Web API v2) the way the window drives its own engine. No Qt here.

The names below are imported on first use: the client needs aiohttp (about 110 ms),
which the window's start does without (it needs only :mod:`btt_desktop.remote.switch`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from btt_desktop.lazy_names import lazy_names

if TYPE_CHECKING:
    from btt_desktop.remote.client import (
        DaemonAddress,
        LoginRefused,
        RemoteError,
        Unreachable,
        WebApiClient,
    )
    from btt_desktop.remote.engine import RemoteEngine
    from btt_desktop.remote.switch import EngineSwitch, WindowBus

__all__ = ["DaemonAddress", "EngineSwitch", "LoginRefused", "RemoteEngine", "RemoteError",
           "Unreachable", "WebApiClient", "WindowBus"]

_WHERE = {"DaemonAddress": "client", "LoginRefused": "client", "RemoteError": "client",
          "Unreachable": "client", "WebApiClient": "client", "RemoteEngine": "engine",
          "EngineSwitch": "switch", "WindowBus": "switch"}


__getattr__ = lazy_names(__name__, _WHERE)
