"""Light and dark: the window follows the system's colour scheme unless Settings says.

The system's choice is ``QStyleHints.colorScheme()`` (Qt >= 6.5), followed through
``colorSchemeChanged``. An override first asks the platform (``QStyleHints.setColorScheme``,
Qt >= 6.8); where the platform theme cannot switch (no desktop theme, X11 without a
portal), the Fusion style with our own palette does it. Going back to "System" restores
the style and palette the application started with.

Icons are pixmaps drawn in the palette's text colour (:mod:`btt_desktop.ui.icons`), so
:class:`IconRefresher` re-requests every icon it can name when the application palette
changes.
"""

from __future__ import annotations

import enum
import logging

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QListWidget,
    QStyleFactory,
    QTabBar,
    QWidget,
)

from btt_desktop.ui.icons import icon, name_of

log = logging.getLogger(__name__)


class Theme(enum.StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


def theme_label(theme: Theme) -> str:
    labels = {
        Theme.SYSTEM: QCoreApplication.translate("Theme", "System"),
        Theme.LIGHT: QCoreApplication.translate("Theme", "Light"),
        Theme.DARK: QCoreApplication.translate("Theme", "Dark"),
    }
    return labels[theme]


def parse_theme(value: str) -> Theme:
    try:
        return Theme(value)
    except ValueError:
        return Theme.SYSTEM


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (default: the application's) is dark: light text on dark."""
    palette = palette if palette is not None else QGuiApplication.palette()
    role = QPalette.ColorRole
    return palette.color(role.Window).lightness() < palette.color(role.WindowText).lightness()


ERROR_LIGHT = "#c62828"  # 4.9:1 on the light window colour
ERROR_DARK = "#ff6b6b"   # 5.1:1 on the dark one (the dark palette's BrightText)


def error_color() -> str:
    """Red for error and warning text that stays readable on the current theme."""
    return ERROR_DARK if is_dark() else ERROR_LIGHT


def error_style() -> str:
    """A style sheet for an error or warning label (see :func:`error_color`); a label
    given it keeps it across a theme switch, so prefer :func:`set_tone`."""
    return f"color: {error_color()};"


class Tone(enum.Enum):
    """What a coloured text means; its colour depends on the theme (see :func:`set_tone`)."""

    ERROR = "error"      # something failed or is refused
    GOOD = "good"        # checked and fine, received
    WARNING = "warning"  # stale, needs attention
    MUTED = "muted"      # secondary text


_TONES = {  # (on light, on dark), each at least 4.5:1 on its theme's window colour
    Tone.ERROR: (ERROR_LIGHT, ERROR_DARK),
    Tone.GOOD: ("#1e7a44", "#6fdc9a"),
    Tone.WARNING: ("#9a5b00", "#f5b041"),
}
_TONE_PROPERTY = "btt_tone"


def tone_color(tone: Tone) -> QColor:
    """The colour of ``tone`` on the current theme."""
    if tone is Tone.MUTED:
        return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    light, dark = _TONES[tone]
    return QColor(dark if is_dark() else light)


def set_tone(widget: QWidget, tone: Tone | None) -> None:
    """Colour ``widget``'s text by what it means (None: the normal text colour). Unlike a
    fixed style sheet, the colour follows a live theme switch (:class:`IconRefresher`)."""
    widget.setProperty(_TONE_PROPERTY, tone.value if tone is not None else "")
    widget.setStyleSheet("" if tone is None else f"color: {tone_color(tone).name()};")


def _refresh_tone(widget: QWidget) -> int:
    value = widget.property(_TONE_PROPERTY)
    if not value:
        return 0
    set_tone(widget, Tone(value))
    return 1


def dark_palette() -> QPalette:
    """A dark Fusion palette with enough contrast for text, links and selections."""
    palette = QPalette()
    group, role = QPalette.ColorGroup, QPalette.ColorRole
    colours = {
        role.Window: "#2b2b2b", role.WindowText: "#e6e6e6", role.Base: "#1f1f1f",
        role.AlternateBase: "#272727", role.ToolTipBase: "#3a3a3a", role.ToolTipText: "#e6e6e6",
        role.PlaceholderText: "#8c8c8c", role.Text: "#e6e6e6", role.Button: "#353535",
        role.ButtonText: "#e6e6e6", role.BrightText: "#ff6b6b", role.Light: "#4a4a4a",
        role.Midlight: "#3d3d3d", role.Mid: "#2f2f2f", role.Dark: "#1a1a1a",
        role.Shadow: "#000000", role.Highlight: "#2f6fb3", role.HighlightedText: "#ffffff",
        role.Link: "#6cb4ff", role.LinkVisited: "#b48cff",
    }
    for colour_role, name in colours.items():
        palette.setColor(colour_role, QColor(name))
    disabled = {role.WindowText: "#7a7a7a", role.Text: "#7a7a7a", role.ButtonText: "#7a7a7a",
                role.Base: "#262626", role.Highlight: "#404040",
                role.HighlightedText: "#9a9a9a"}
    for colour_role, name in disabled.items():
        palette.setColor(group.Disabled, colour_role, QColor(name))
    return palette


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    return style.standardPalette() if style is not None else QPalette()


class ThemeController(QObject):
    """Applies the theme setting to the application and keeps it across system changes."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.theme = Theme.SYSTEM
        self._start_style = app.style().name()
        self._start_palette = QPalette(app.palette())
        self._overridden = False
        self.refresher = IconRefresher(app)
        app.styleHints().colorSchemeChanged.connect(self._system_changed)

    def apply(self, theme: Theme) -> None:
        """Show ``theme`` now (icons follow through the refresher)."""
        self.theme = theme
        hints = self.app.styleHints()
        if theme is Theme.SYSTEM:
            if hasattr(hints, "unsetColorScheme"):
                hints.unsetColorScheme()
            if self._overridden:
                self.app.setStyle(self._start_style)
                self.app.setPalette(self._start_palette)
                self._overridden = False
            return
        wanted = Qt.ColorScheme.Dark if theme is Theme.DARK else Qt.ColorScheme.Light
        if hasattr(hints, "setColorScheme"):  # Qt >= 6.8
            hints.setColorScheme(wanted)
        if hints.colorScheme() == wanted and is_dark() == (theme is Theme.DARK) \
                and not self._overridden:
            return  # the platform switched
        # the platform cannot: Fusion with our palette
        log.debug("the platform ignores the %s colour scheme; using Fusion", theme.value)
        self.app.setStyle("Fusion")
        self.app.setPalette(dark_palette() if theme is Theme.DARK else light_palette())
        self._overridden = True

    def _system_changed(self, scheme: Qt.ColorScheme) -> None:
        log.info("the system colour scheme is now %s", scheme.name)
        if self.theme is not Theme.SYSTEM:
            self.apply(self.theme)  # the override holds
        else:
            self.refresher.refresh_soon()


class IconRefresher(QObject):
    """Re-requests the icons of every widget and action after the palette changes, and
    recolours the text given a :class:`Tone`; then emits ``refreshed`` for widgets that
    draw with theme colours of their own (the message area's tints)."""

    refreshed_signal = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._pending = False
        self.refreshed = 0  # how many icons the last refresh replaced
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self.refresh_soon()
        return False

    def refresh_soon(self) -> None:
        """Once per burst of palette events (every widget receives one)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        self._pending = False
        count = 0
        actions_seen: set[int] = set()
        for widget in QApplication.allWidgets():
            if not _live(widget):
                continue
            count += _refresh_widget(widget) + _refresh_tone(widget)
            for action in widget.actions():
                if id(action) not in actions_seen:
                    actions_seen.add(id(action))
                    name = name_of(action.icon())
                    if name:
                        action.setIcon(icon(name))
                        count += 1
        self.refreshed = count
        self.refreshed_signal.emit()


def _qt_class(kind: type) -> str:
    for base in kind.__mro__:
        if base.__module__.startswith("PySide6."):
            return base.__name__
    return "QWidget"


def _live(widget: QWidget) -> bool:
    """Whether ``widget``'s wrapper still matches a live Qt object of its type.

    ``allWidgets()`` also lists Qt's own inner widgets (a file dialog's parts...). A
    wrapper PySide made for one of those earlier can outlive it; if Qt later puts
    another widget at the same address, the old wrapper comes back with the wrong type,
    and calling through it can crash. Those are skipped (none of them shows our icons).
    """
    try:
        return shiboken6.isValid(widget) and widget.inherits(_qt_class(type(widget)))
    except RuntimeError:
        return False


def _refresh_widget(widget: QWidget) -> int:
    count = 0
    name = name_of(widget.windowIcon()) if widget.isWindow() else None
    if name:
        widget.setWindowIcon(icon(name))
        count += 1
    if isinstance(widget, QAbstractButton):
        name = name_of(widget.icon())
        if name:
            widget.setIcon(icon(name))
            count += 1
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            name = name_of(widget.tabIcon(index))
            if name:
                widget.setTabIcon(index, icon(name))
                count += 1
    if isinstance(widget, QListWidget):
        for row in range(widget.count()):
            item = widget.item(row)
            name = name_of(item.icon()) if item is not None else None
            if item is not None and name:
                item.setIcon(icon(name))
                count += 1
    return count


def fresh(shown: QIcon) -> QIcon:
    """``shown`` drawn again for the current palette (unchanged if it is not ours)."""
    name = name_of(shown)
    return icon(name) if name else shown


def controller(app: QApplication | None = None) -> ThemeController:
    """The application's one :class:`ThemeController` (made on first use)."""
    app = app if app is not None else QApplication.instance()  # type: ignore[assignment]
    assert isinstance(app, QApplication)
    existing = app.findChild(ThemeController)
    return existing if isinstance(existing, ThemeController) else ThemeController(app)
