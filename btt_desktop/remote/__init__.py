"""The window as a remote: :class:`RemoteEngine` drives a ``btt daemon`` (or any server
of qBittorrent's Web API v2) the way the window drives its own engine. No Qt here."""

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
