"""Building the libtorrent session: settings, disk I/O backend, saved DHT state."""

from __future__ import annotations

import logging
from typing import Any, cast

import libtorrent as lt

from btt_desktop.engine.session_settings import session_settings
from btt_desktop.engine.types import DiskIO, EngineSettings
from btt_desktop.errors import EngineError

log = logging.getLogger(__name__)

# what the session state file holds: DHT routing table only; settings come from
# EngineSettings every start, so a stale state file cannot override the user's choice
STATE_FLAGS = lt.save_state_flags_t.save_dht_state

# The Python binding (bindings/python/src/session.cpp, set_disk_io) only knows these
# full names and silently picks the default backend for any other string; reading the
# property back always says "default_disk_io_constructor", whatever was chosen.
DISK_IO_CONSTRUCTORS = {
    DiskIO.POSIX: "posix_disk_io_constructor",
    DiskIO.PREAD: "pread_disk_io_constructor",
    DiskIO.MMAP: "mmap_disk_io_constructor",
    DiskIO.DEFAULT: "default_disk_io_constructor",
}


def disk_io_constructor(name: str) -> str:
    """The binding's name for a backend; :class:`EngineError` for an unknown one."""
    try:
        return DISK_IO_CONSTRUCTORS[DiskIO(name)]
    except ValueError:
        known = ", ".join(str(d) for d in DiskIO)
        raise EngineError(f"unknown disk I/O backend {name!r} (known: {known})") from None


def open_session(settings: EngineSettings, state: bytes | None) -> lt.session:
    """A running session. Blocks for a moment: call it off the loop."""
    params = lt.session_params()
    if state:
        try:
            params = lt.read_session_params(state, STATE_FLAGS)
        except RuntimeError:
            log.warning("ignoring an unreadable session state file")
            params = lt.session_params()
    params.settings = cast(Any, session_settings(settings))
    params.disk_io_constructor = disk_io_constructor(str(settings.disk_io))
    return lt.session(params)


def session_state(session: lt.session) -> bytes:
    return bytes(lt.write_session_params_buf(session.session_state(STATE_FLAGS), STATE_FLAGS))
