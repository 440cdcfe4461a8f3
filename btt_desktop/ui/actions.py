"""Every command of the window as a QAction (shared by menus, toolbar, context menu, tray)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from btt_desktop.ui.icons import icon


def _tr(text: str) -> str:
    return QCoreApplication.translate("WindowActions", text)


class WindowActions:
    """The actions, created with ``parent`` (the main window) so their shortcuts work."""

    def __init__(self, parent: QWidget) -> None:
        def make(text: str, icon_name: str | None = None,
                 shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
                 *, checkable: bool = False, tip: str = "") -> QAction:
            action = QAction(text, parent)
            if icon_name:
                action.setIcon(icon(icon_name))
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.setCheckable(checkable)
            if tip:
                action.setToolTip(tip)
                action.setStatusTip(tip)
            parent.addAction(action)  # shortcuts work even when no menu shows the action
            return action

        self.add_file = make(_tr("Add Torrent File…"), "add-file", "Ctrl+O",
                             tip=_tr("Add a .torrent file"))
        self.add_links = make(_tr("Add Magnet Link or URL…"), "add-magnet", "Ctrl+Shift+O",
                              tip=_tr("Add magnet links or .torrent URLs"))
        self.create = make(_tr("Create Torrent…"), "create-torrent", "Ctrl+N",
                           tip=_tr("Make a .torrent from a file or folder"))
        self.quit = make(_tr("Quit"), "quit", QKeySequence.StandardKey.Quit)

        self.resume = make(_tr("Resume"), "resume", "Ctrl+S",
                           tip=_tr("Resume the selected torrents"))
        self.pause = make(_tr("Pause"), "pause", "Ctrl+P", tip=_tr("Pause the selected torrents"))
        self.resume_all = make(_tr("Resume All"), None, "Ctrl+Shift+S")
        self.pause_all = make(_tr("Pause All"), None, "Ctrl+Shift+P")
        self.remove = make(_tr("Remove…"), "remove", QKeySequence.StandardKey.Delete,
                           tip=_tr("Remove the selected torrents"))
        self.remove_with_files = make(_tr("Remove With Files…"), None, "Shift+Del")
        self.recheck = make(_tr("Force Recheck"), "recheck", "Ctrl+Shift+R",
                            tip=_tr("Check the downloaded data again"))
        self.move = make(_tr("Move Storage…"), "move", "Ctrl+Shift+M",
                         tip=_tr("Move the downloaded files to another folder"))
        self.open_folder = make(_tr("Open Folder"), "open-folder", "Ctrl+Return",
                                tip=_tr("Open the folder that holds the files"))
        self.copy_magnet = make(_tr("Copy Magnet Link"), "copy-magnet", "Ctrl+Shift+C")
        self.queue_up = make(_tr("Move Up in Queue"), "queue-up", "Ctrl+Up",
                             tip=_tr("Move up in the download queue"))
        self.queue_down = make(_tr("Move Down in Queue"), "queue-down", "Ctrl+Down",
                               tip=_tr("Move down in the download queue"))
        self.limits = make(_tr("Speed Limits…"), "limits", "Ctrl+Shift+L",
                           tip=_tr("Limit the speed of the selected torrents"))
        self.sequential = make(_tr("Download in Sequential Order"), "sequential", None,
                               checkable=True)
        self.add_peers = make(_tr("Add Peers…"), None, None,
                              tip=_tr("Connect to peers you name by IP:port"))
        self.reannounce = make(_tr("Force Reannounce"), None, None,
                               tip=_tr("Ask the trackers and the DHT for peers now"))
        self.banned_peers = make(_tr("Banned Peers…"), None, None,
                                 tip=_tr("See and unban the peers you banned"))

        self.find = make(_tr("Find"), "search", QKeySequence.StandardKey.Find)
        self.show_details = make(_tr("Details Pane"), None, "Ctrl+D", checkable=True)
        self.show_details.setChecked(True)
        self.show_toolbar = make(_tr("Toolbar"), None, None, checkable=True)
        self.show_toolbar.setChecked(True)
        self.alt_speed = make(_tr("Alternative Speed Limits"), "alt-speed", "Ctrl+Shift+A",
                              checkable=True, tip=_tr("Switch to the alternative speed limits"))
        self.settings = make(_tr("Settings…"), "settings", "Ctrl+,")
        self.documentation = make(_tr("Documentation"), None, QKeySequence.StandardKey.HelpContents,
                                  tip=_tr("Open the BTT Desktop documentation"))
        self.licence = make(_tr("Licence"), None, None,
                            tip=_tr("The terms under which you may use and share BTT Desktop"))
        self.about = make(_tr("About BTT Desktop"), "about", None)

    def torrent_actions(self) -> list[QAction]:
        """The actions that act on the selected torrents."""
        return [self.resume, self.pause, self.remove, self.remove_with_files, self.recheck,
                self.move, self.open_folder, self.copy_magnet, self.queue_up,
                self.queue_down, self.limits, self.sequential, self.add_peers,
                self.reannounce]
