"""A scroll area that shows all of its page when the screen has room, and scrolls on a
small one (a 1024x600 netbook), so a dialog's buttons never leave the screen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class FittingScrollArea(QScrollArea):
    """Its minimum height is the page's height at the current width (a wrapped line takes
    as many lines as it needs, so nothing is clipped), capped by the screen's height less
    ``room`` (what the dialog needs around the page: tabs, buttons, the title bar)."""

    def __init__(self, content: QWidget, *, room: int = 200) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidgetResizable(True)
        self.setWidget(content)
        self._content = content
        self._room = room

    def _content_height(self) -> int:
        content = self._content
        width = (self.viewport().width() if self.isVisible()
                 else content.sizeHint().width())
        height = content.heightForWidth(width) if content.hasHeightForWidth() else -1
        return max(height, content.minimumSizeHint().height())

    def _fitting(self, height: int) -> int:
        screen = self.screen()
        if screen is None:
            return height
        return min(height, max(200, screen.availableGeometry().height() - self._room))

    def minimumSizeHint(self) -> QSize:
        width = (self._content.minimumSizeHint().width()
                 + self.verticalScrollBar().sizeHint().width())
        return QSize(width, self._fitting(self._content_height()))

    def sizeHint(self) -> QSize:
        width = (self._content.sizeHint().width()
                 + self.verticalScrollBar().sizeHint().width())
        return QSize(width, self._fitting(self._content_height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the wrapped lines' height follows the width
