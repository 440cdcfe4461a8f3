"""The message area at the top of the window: errors and notices that stay until dismissed.

A line in the status bar is gone in ten seconds, often before it is read. Here each
message is one sentence (what happened and why), in a tinted row with an icon and a
close button, like KDE's KMessageWidget or Firefox's notification bar. The newest row is
on top; the same message again counts up on its row ("3×") instead of stacking a copy;
beyond :data:`MAX_SHOWN` rows the rest are counted in a last row with "Dismiss All".
The tint follows a live theme switch (``IconRefresher.refreshed_signal``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.ui.theme import Tone, tone_color
from btt_desktop.ui.theme import controller as theme_controller

MAX_SHOWN = 3
MAX_KEPT = 50


class Level(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_TONE = {Level.ERROR: Tone.ERROR, Level.WARNING: Tone.WARNING, Level.INFO: None}
_ICON = {Level.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
         Level.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
         Level.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation}


def sentence(line: str) -> str:
    """``line`` as one sentence: single spaces, a capital first letter, a full stop.
    Core errors are lower-case fragments ("already in the list: x") meant to follow a
    prefix in a terminal; on screen they stand alone."""
    text = " ".join(line.split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    if text[-1] not in ".!?…":
        text += "."
    return text


@dataclass
class Message:
    level: Level
    text: str
    count: int = 1


class _Row(QFrame):
    closed = Signal(object)  # the row

    def __init__(self, message: Message, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = message
        self.setObjectName("message_row")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(self.style().standardIcon(_ICON[message.level]).pixmap(size, size))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(message.text)
        self.text.setObjectName("message_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.count = QLabel()
        self.count.setObjectName("message_count")
        self.close_button = QToolButton()
        self.close_button.setObjectName("message_close")
        self.close_button.setAutoRaise(True)
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss"))
        self.close_button.clicked.connect(lambda: self.closed.emit(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.count, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.update_count()
        self.recolour()

    def update_count(self) -> None:
        n = self.message.count
        self.count.setText(self.tr("{count}×").format(count=n) if n > 1 else "")
        self.count.setVisible(n > 1)

    def recolour(self) -> None:
        """A background tinted by the level, a border in its colour; the text keeps the
        palette's colour, so it reads on either theme."""
        palette = QGuiApplication.palette()
        window = palette.color(QPalette.ColorRole.Window)
        tone = _TONE[self.message.level]
        accent = tone_color(tone) if tone is not None else palette.color(
            QPalette.ColorRole.Highlight)
        tint = _mix(window, accent, 0.14)
        self.setStyleSheet(
            f"QFrame#message_row {{ background: {tint.name()}; border: 1px solid {accent.name()};"
            " border-radius: 4px; }")


def _mix(base: QColor, over: QColor, amount: float) -> QColor:
    return QColor(round(base.red() + (over.red() - base.red()) * amount),
                  round(base.green() + (over.green() - base.green()) * amount),
                  round(base.blue() + (over.blue() - base.blue()) * amount))


class MessageBar(QScrollArea):
    """Rows of messages; hidden while there is none.

    It asks for the height of every shown row but takes no more than one row from a
    small screen (1024x600): the rest then scrolls, and the window never grows past the
    screen because of a message.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_bar")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._inner = QWidget()
        self._inner.setObjectName("message_rows")
        self.setWidget(self._inner)
        self._rows: list[_Row] = []  # newest first
        self._layout = QVBoxLayout(self._inner)
        self._layout.setContentsMargins(6, 6, 6, 0)
        self._layout.setSpacing(4)
        self.more = QFrame()
        self.more.setObjectName("message_more")
        self.more_label = QLabel()
        self.more_label.setObjectName("message_more_label")
        dismiss_all = QPushButton(self.tr("Dismiss All"))
        dismiss_all.setObjectName("message_dismiss_all")
        dismiss_all.clicked.connect(self.dismiss_all)
        more_layout = QHBoxLayout(self.more)
        more_layout.setContentsMargins(8, 0, 4, 0)
        more_layout.addWidget(self.more_label, 1)
        more_layout.addWidget(dismiss_all)
        self._layout.addWidget(self.more)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._arrange()
        # after a theme switch, once the application's palette is the new one
        theme_controller().refresher.refreshed_signal.connect(self._recolour)

    def _recolour(self) -> None:
        for row in self._rows:
            row.recolour()

    def _content_height(self) -> int:
        layout = self._layout
        width = max(1, self.viewport().width())
        if layout.hasHeightForWidth():
            return layout.totalHeightForWidth(width)
        return layout.totalSizeHint().height()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._content_height())

    def minimumSizeHint(self) -> QSize:
        shown = self.shown_rows()
        if not shown:
            return QSize(0, 0)
        margins = self._layout.contentsMargins()
        first = shown[0].heightForWidth(max(1, self.viewport().width() - margins.left()
                                            - margins.right()))
        first = first if first > 0 else shown[0].sizeHint().height()
        return QSize(0, min(self._content_height(), first + margins.top() + 4))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.updateGeometry()  # the rows wrap differently at another width

    # --- reading ---------------------------------------------------------------------

    def messages(self) -> list[Message]:
        """Every message kept, newest first."""
        return [row.message for row in self._rows]

    def texts(self) -> list[str]:
        return [row.message.text for row in self._rows]

    def shown_rows(self) -> list[_Row]:
        return [row for row in self._rows if not row.isHidden()]

    # --- changing --------------------------------------------------------------------

    def show_message(self, level: Level, line: str) -> Message:
        """Show ``line`` (made a sentence) on top; the same message again is counted."""
        text = sentence(line)
        for row in self._rows:
            if row.message.level is level and row.message.text == text:
                row.message.count += 1
                row.update_count()
                self._rows.remove(row)
                self._rows.insert(0, row)
                self._arrange()
                return row.message
        row = _Row(Message(level, text), self)
        row.closed.connect(self.dismiss)
        self._rows.insert(0, row)
        for old in self._rows[MAX_KEPT:]:
            self._drop(old)
        self._arrange()
        return row.message

    def dismiss(self, row: _Row) -> None:
        self._drop(row)
        self._arrange()

    def dismiss_all(self) -> None:
        for row in list(self._rows):
            self._drop(row)
        self._arrange()

    def _drop(self, row: _Row) -> None:
        if row in self._rows:
            self._rows.remove(row)
        self._layout.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _arrange(self) -> None:
        for index, row in enumerate(self._rows):
            if self._layout.indexOf(row) != index:
                self._layout.removeWidget(row)
                self._layout.insertWidget(index, row)
            row.setVisible(index < MAX_SHOWN)
        hidden = len(self._rows) - MAX_SHOWN
        self.more.setVisible(hidden > 0)
        if hidden > 0:
            self.more_label.setText(self.tr("{count} more messages").format(count=hidden)
                                    if hidden > 1 else self.tr("1 more message"))
        self.setVisible(bool(self._rows))
        self.updateGeometry()
        self.changed.emit()

