"""Building the libtorrent session: settings, disk I/O backend, saved DHT state."""

from __future__ import annotations

import logging
from typing import Any, cast

import libtorrent as lt

from btt_desktop.engine.session_settings import session_settings
from btt_desktop.engine.types import EngineSettings

log = logging.getLogger(__name__)

# what the session state file holds: DHT routing table only; settings come from
# EngineSettings every start, so a stale state file cannot override the user's choice
STATE_FLAGS = lt.save_state_flags_t.save_dht_state


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
    params.disk_io_constructor = str(settings.disk_io)
    return lt.session(params)


def session_state(session: lt.session) -> bytes:
    return bytes(lt.write_session_params_buf(session.session_state(STATE_FLAGS), STATE_FLAGS))
