"""The application icon and the toolbar/sidebar icons, drawn for the current palette.

Action icons are single-colour SVGs (``resources/icons/actions/NAME.svg``) drawn with
``currentColor``. :func:`icon` substitutes the palette's text colours (normal, disabled,
selected) and renders the pixmaps, so the same file serves light and dark palettes. Where
the desktop's icon theme has the matching freedesktop icon (``QIcon.fromTheme``), that one
is used instead, so the toolbar looks native.

The pixmaps are made when :func:`icon` is called: after the application palette changes
(``QEvent.ApplicationPaletteChange``), call :func:`icon` again for the new colours.

The resources ship inside the package (``btt_desktop/resources`` is the repository's
top-level ``resources/``), found with :mod:`importlib.resources`, so this works from a
source tree, an installed wheel and a PyInstaller bundle alike.
"""

from __future__ import annotations

import logging
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import NamedTuple

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from btt_desktop import APP_ID

log = logging.getLogger(__name__)

#: Every action icon, with the freedesktop theme name preferred for it (None: ours only).
THEME_NAMES: dict[str, str | None] = {
    "add-file": "document-open",
    "add-magnet": "insert-link",
    "create-torrent": "document-new",
    "pause": "media-playback-pause",
    "resume": "media-playback-start",
    "remove": "edit-delete",
    "recheck": None,
    "move": None,
    "open-folder": "folder-open",
    "copy-magnet": None,
    "queue-up": "go-up",
    "queue-down": "go-down",
    "settings": "preferences-system",
    "speed-on": None,
    "speed-off": None,
    "wallet": None,
    "send": None,
    "receive": None,
    "copy": "edit-copy",
    "refresh": "view-refresh",
    "lock": None,
    "unlock": None,
    "filter-all": None,
    "filter-downloading": None,
    "filter-seeding": None,
    "filter-paused": None,
    "filter-checking": None,
    "filter-error": None,
    "tag": None,
    "limits": None,
    "alt-speed": None,
    "sequential": None,
    "search": "edit-find",
    "about": "help-about",
    "quit": "application-exit",
}

#: Other names the window may use for the same pictures.
ALIASES: dict[str, str] = {
    "add": "add-file",
    "magnet": "add-magnet",
    "create": "create-torrent",
    "folder": "open-folder",
}

ICON_NAMES: tuple[str, ...] = tuple(THEME_NAMES)

#: Logical sizes rendered into each action icon (Qt picks the nearest, then scales).
ACTION_SIZES = (16, 20, 22, 24, 32, 48, 64)
#: Sizes rendered into the application icon.
APP_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

_ICON_DIR = ("resources", "icons")


def icons_dir() -> Traversable:
    """The packaged ``resources/icons`` folder."""
    return files("btt_desktop").joinpath(*_ICON_DIR)


def action_svg_path(name: str) -> Traversable:
    return icons_dir().joinpath("actions", f"{name}.svg")


def app_svg_path() -> Traversable:
    return icons_dir().joinpath(f"{APP_ID}.svg")


def icon(name: str, palette: QPalette | None = None, *, prefer_theme: bool = True) -> QIcon:
    """See :func:`_icon`; also remembers the name, for :func:`name_of`."""
    result = _icon(name, palette, prefer_theme=prefer_theme)
    if not result.isNull():
        _NAMES[result.cacheKey()] = name
    return result


def name_of(shown: QIcon) -> str | None:
    """The name an icon was made from by :func:`icon` (None: not one of ours).

    Widgets keep a copy of the icon they were given; after a palette change the theme
    re-requests every icon it can name, so nothing has to remember which it showed.
    """
    return _NAMES.get(shown.cacheKey()) if not shown.isNull() else None


#: cacheKey of an icon made by :func:`icon` -> its name
_NAMES: dict[int, str] = {}


def _icon(name: str, palette: QPalette | None = None, *, prefer_theme: bool = True) -> QIcon:
    """The icon called ``name`` (one of :data:`ICON_NAMES` or :data:`ALIASES`).

    ``palette`` defaults to the application's. With ``prefer_theme`` the desktop theme's
    icon wins where it has one. A name we do not draw is looked up in the desktop theme
    as it is (it may be a freedesktop name); failing that the icon is empty: a missing
    picture must not stop the window.
    """
    name = ALIASES.get(name, name)
    if name not in THEME_NAMES:
        log.debug("no bundled icon called %r; asking the desktop theme", name)
        return QIcon.fromTheme(name)
    theme_name = THEME_NAMES[name]
    if prefer_theme and theme_name and QIcon.hasThemeIcon(theme_name):
        return QIcon.fromTheme(theme_name)
    if _svg_text(name) is None:
        return QIcon.fromTheme(theme_name) if theme_name else QIcon()
    if palette is None:
        palette = QGuiApplication.palette()
    return _tinted_icon(name, _Colours.of(palette), _device_pixel_ratio())


def app_icon() -> QIcon:
    """The application icon, rendered from its SVG at the usual sizes."""
    return _app_icon(_device_pixel_ratio())


class _Colours(NamedTuple):
    """The colours an action icon is drawn in: (#rrggbb, opacity) for each mode.

    QtSvg reads no ``rgba()``, so a translucent colour (disabled text often is) is drawn
    opaque through a translucent painter.
    """

    normal: tuple[str, float]
    disabled: tuple[str, float]
    selected: tuple[str, float]

    @classmethod
    def of(cls, palette: QPalette) -> _Colours:
        group = QPalette.ColorGroup
        role = QPalette.ColorRole
        return cls(
            normal=_split(palette.color(group.Active, role.Text)),
            disabled=_split(palette.color(group.Disabled, role.Text)),
            selected=_split(palette.color(group.Active, role.HighlightedText)),
        )


def _split(colour: QColor) -> tuple[str, float]:
    return colour.name(QColor.NameFormat.HexRgb), round(colour.alphaF(), 3)


@cache
def _svg_text(name: str) -> str | None:
    try:
        return action_svg_path(name).read_text(encoding="utf-8")
    except OSError as exc:
        log.warning("icon %r is missing from the installation: %s", name, exc)
        return None


@cache
def _tinted_icon(name: str, colours: _Colours, ratio: float) -> QIcon:
    svg = _svg_text(name) or ""
    result = QIcon()
    modes = (QIcon.Mode.Normal, QIcon.Mode.Disabled, QIcon.Mode.Selected)
    for mode, (colour, opacity) in zip(modes, colours, strict=True):
        renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour).encode()))
        for size in ACTION_SIZES:
            result.addPixmap(render(renderer, size, ratio, opacity), mode)
    return result


@cache
def _app_icon(ratio: float) -> QIcon:
    result = QIcon()
    try:
        data = app_svg_path().read_bytes()
    except OSError as exc:
        log.warning("the application icon is missing from the installation: %s", exc)
        return result
    renderer = QSvgRenderer(QByteArray(data))
    for size in APP_SIZES:
        result.addPixmap(render(renderer, size, ratio))
    return result


def render(
    renderer: QSvgRenderer, size: int, ratio: float = 1.0, opacity: float = 1.0
) -> QPixmap:
    """A ``size`` x ``size`` (logical) transparent pixmap of the SVG, for ``ratio`` screens."""
    pixels = max(1, round(size * ratio))
    pixmap = _blank(pixels)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    if opacity < 1.0:
        # as a whole: where a stroke overlaps a fill the result stays at ``opacity``
        faded = _blank(pixels)
        painter = QPainter(faded)
        painter.setOpacity(opacity)
        painter.drawPixmap(0, 0, pixmap)
        painter.end()
        pixmap = faded
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def _blank(pixels: int) -> QPixmap:
    pixmap = QPixmap(QSize(pixels, pixels))
    pixmap.fill(Qt.GlobalColor.transparent)
    return pixmap


def _device_pixel_ratio() -> float:
    screen = QGuiApplication.primaryScreen()
    return float(screen.devicePixelRatio()) if screen is not None else 1.0
