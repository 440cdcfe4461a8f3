"""Asking before quitting while torrents are active (downloading, or seeding to peers).

On by default, like qBittorrent's "Confirm when exiting with active torrents"; turned off
in Settings → Behaviour (``AppSettings.confirm_quit_active``), or with "Don't ask again"
in the question itself.
SIGTERM and the session ending quit without asking (``MainWindow.quit_now``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from btt_desktop.engine.types import TorrentSnapshot, TorrentState
from btt_desktop.ui.settings_flow import SettingsFlow
from btt_desktop.ui.tasks import run_dialog
from btt_desktop.ui.torrent_model import TorrentTableModel


def is_active(snapshot: TorrentSnapshot) -> bool:
    """Downloading, or seeding with peers connected: quitting would cut someone off."""
    if snapshot.state is TorrentState.DOWNLOADING or snapshot.state is TorrentState.METADATA:
        return True
    return snapshot.state is TorrentState.SEEDING and snapshot.num_peers > 0


class QuitGuard(QObject):
    def __init__(self, settings: SettingsFlow, model: TorrentTableModel,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._settings = settings
        self._model = model
        self._parent = parent
        self.box: QMessageBox | None = None  # the question, while it shows

    def active(self) -> list[TorrentSnapshot]:
        found = (self._model.snapshot(t) for t in self._model.torrent_ids())
        return [s for s in found if s is not None and is_active(s)]

    def ask_then(self, quit_: Callable[[], None]) -> None:
        """Call ``quit_`` now, or once the user confirmed."""
        if self.box is not None:
            self.box.raise_()
            self.box.activateWindow()
            return
        active = self.active()
        if not active or not self._settings.settings.app.confirm_quit_active:
            quit_()
            return
        self._settings.tasks.run(self._ask(active, quit_))

    async def _ask(self, active: list[TorrentSnapshot], quit_: Callable[[], None]) -> None:
        count = len(active)
        text = (self.tr("“{name}” is still active. Quit anyway?").format(name=active[0].name)
                if count == 1 else
                self.tr("{count} torrents are still active. Quit anyway?").format(count=count))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Quit BTT Desktop?"), text,
                          QMessageBox.StandardButton.NoButton, self._parent)
        box.setObjectName("confirm_quit")
        box.setInformativeText(self.tr(
            "Downloads stop and peers you are seeding to are cut off until BTT Desktop "
            "runs again."))
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(quit_button)
        again = QCheckBox(self.tr("Don't ask again"))
        again.setObjectName("dont_ask_again")
        box.setCheckBox(again)
        self.box = box
        try:
            await run_dialog(box)
            confirmed = box.clickedButton() is quit_button
            never_again = again.isChecked()
        finally:
            self.box = None
            box.deleteLater()
        if not confirmed:
            return
        if never_again:
            await self._settings.update_app(confirm_quit_active=False)
        quit_()
