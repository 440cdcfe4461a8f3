"""Icons by name: the application's own set when present, else the desktop theme's."""

from __future__ import annotations

import logging

from PySide6.QtGui import QIcon

log = logging.getLogger(__name__)

# freedesktop icon names used when the application's own icon set is not available
_THEME_NAMES = {
    "add": "list-add",
    "magnet": "insert-link",
    "remove": "list-remove",
    "pause": "media-playback-pause",
    "resume": "media-playback-start",
    "recheck": "view-refresh",
    "move": "folder-move",
    "folder": "folder-open",
    "copy": "edit-copy",
    "queue-up": "go-up",
    "queue-down": "go-down",
    "limits": "preferences-system-network",
    "sequential": "media-seek-forward",
    "create": "document-new",
    "settings": "preferences-system",
    "alt-speed": "network-wired",
    "quit": "application-exit",
    "about": "help-about",
    "search": "edit-find",
    "torrents": "folder-download",
    "app": "folder-download",
}


def get_icon(name: str) -> QIcon:
    """``btt_desktop.ui.icons.icon(name)``, falling back to the theme icon for ``name``."""
    try:
        from btt_desktop.ui.icons import icon  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return QIcon.fromTheme(_THEME_NAMES.get(name, name))
    try:
        result = icon(name)
    except Exception:  # an unknown name must not break a menu
        log.debug("no icon named %s", name)
        return QIcon.fromTheme(_THEME_NAMES.get(name, name))
    return result if isinstance(result, QIcon) else QIcon()
