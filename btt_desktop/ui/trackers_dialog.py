"""Adding trackers (one URL per line, a blank line starts the next tier) and editing one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.engine.addresses import check_tracker_url, parse_tracker_tiers
from btt_desktop.errors import BttError
from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.lines_dialog import CheckedLinesDialog
from btt_desktop.ui.tasks import run_dialog
from btt_desktop.ui.theme import Tone, set_tone


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrackersDialog", text)


class AddTrackersDialog(CheckedLinesDialog[tuple[str, int]]):
    def __init__(self, torrent_name: str, parent: QWidget | None = None) -> None:
        super().__init__(
            title=_tr("Add Trackers"),
            prompt=_tr("Trackers for {name}, one URL per line (http, https, udp, ws, wss). "
                       "A blank line starts the next tier.").format(name=torrent_name),
            placeholder="udp://tracker.example.org:6969/announce\n"
                        "https://tracker.example.org/announce\n\n"
                        "http://backup.example.org/announce",
            parse=parse_tracker_tiers,
            bad_sentence=lambda lines: _tr("Not tracker URLs: {lines}.").format(lines=lines),
            ok_text=_tr("Add"), parent=parent)
        self.setObjectName("add_trackers_dialog")


class EditTrackerDialog(QDialog):
    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("edit_tracker_dialog")
        self.setWindowTitle(_tr("Edit Tracker URL"))
        self.resize(560, 10)
        self._old = url
        self.edit = QLineEdit(url)
        self.edit.setObjectName("tracker_url")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        set_tone(self.error_label, Tone.ERROR)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_tr("Tracker URL:")))
        layout.addWidget(self.edit)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._check)
        self._check()

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def url(self) -> str:
        return self.edit.text().strip()

    def _check(self) -> None:
        try:
            check_tracker_url(self.url())
        except BttError:
            self.error_label.setText(_tr("Not a tracker URL (http, https, udp, ws or wss)."))
            self.ok_button.setEnabled(False)
            return
        self.error_label.clear()
        self.ok_button.setEnabled(self.url() != self._old)


def _name(engine: EngineApi, torrent_id: str) -> str:
    snapshot = engine.snapshot(torrent_id)
    return snapshot.name if snapshot else torrent_id


async def ask_add_trackers(parent: QWidget, engine: EngineApi, torrent_id: str) -> None:
    dialog = AddTrackersDialog(_name(engine, torrent_id), parent)
    try:
        if await run_dialog(dialog) == QDialog.DialogCode.Accepted:
            await engine.add_trackers(torrent_id, dialog.items())
    finally:
        dialog.deleteLater()


async def ask_edit_tracker(parent: QWidget, engine: EngineApi, torrent_id: str,
                           url: str) -> None:
    dialog = EditTrackerDialog(url, parent)
    try:
        if await run_dialog(dialog) == QDialog.DialogCode.Accepted:
            await engine.edit_tracker(torrent_id, url, dialog.url())
    finally:
        dialog.deleteLater()
