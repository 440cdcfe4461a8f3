"""Every command of the window as a QAction (shared by menus, toolbar, context menu, tray)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from btt_desktop.ui.icons import icon


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

        tr = parent.tr
        self.add_file = make(tr("Add Torrent File…"), "add-file", "Ctrl+O",
                             tip=tr("Add a .torrent file"))
        self.add_links = make(tr("Add Magnet Link or URL…"), "add-magnet", "Ctrl+Shift+O",
                              tip=tr("Add magnet links or .torrent URLs"))
        self.create = make(tr("Create Torrent…"), "create-torrent", "Ctrl+N",
                           tip=tr("Make a .torrent from a file or folder"))
        self.quit = make(tr("Quit"), "quit", QKeySequence.StandardKey.Quit)

        self.resume = make(tr("Resume"), "resume", "Ctrl+S", tip=tr("Resume the selected torrents"))
        self.pause = make(tr("Pause"), "pause", "Ctrl+P", tip=tr("Pause the selected torrents"))
        self.resume_all = make(tr("Resume All"), None, "Ctrl+Shift+S")
        self.pause_all = make(tr("Pause All"), None, "Ctrl+Shift+P")
        self.remove = make(tr("Remove…"), "remove", QKeySequence.StandardKey.Delete,
                           tip=tr("Remove the selected torrents"))
        self.remove_with_files = make(tr("Remove With Files…"), None, "Shift+Del")
        self.recheck = make(tr("Force Recheck"), "recheck", "Ctrl+Shift+R",
                            tip=tr("Check the downloaded data again"))
        self.move = make(tr("Move Storage…"), "move", "Ctrl+Shift+M",
                         tip=tr("Move the downloaded files to another folder"))
        self.open_folder = make(tr("Open Folder"), "open-folder", "Ctrl+Return",
                                tip=tr("Open the folder that holds the files"))
        self.copy_magnet = make(tr("Copy Magnet Link"), "copy-magnet", "Ctrl+Shift+C")
        self.queue_up = make(tr("Move Up in Queue"), "queue-up", "Ctrl+Up",
                             tip=tr("Move up in the download queue"))
        self.queue_down = make(tr("Move Down in Queue"), "queue-down", "Ctrl+Down",
                               tip=tr("Move down in the download queue"))
        self.limits = make(tr("Speed Limits…"), "limits", "Ctrl+Shift+L",
                           tip=tr("Limit the speed of the selected torrents"))
        self.sequential = make(tr("Download in Sequential Order"), "sequential", None,
                               checkable=True)

        self.find = make(tr("Find"), "search", QKeySequence.StandardKey.Find)
        self.show_details = make(tr("Details Pane"), None, "Ctrl+D", checkable=True)
        self.show_details.setChecked(True)
        self.show_toolbar = make(tr("Toolbar"), None, None, checkable=True)
        self.show_toolbar.setChecked(True)
        self.alt_speed = make(tr("Alternative Speed Limits"), "alt-speed", "Ctrl+Shift+A",
                              checkable=True, tip=tr("Switch to the alternative speed limits"))
        self.settings = make(tr("Settings…"), "settings", "Ctrl+,")
        self.about = make(tr("About BTT Desktop"), "about", None)

    def torrent_actions(self) -> list[QAction]:
        """The actions that act on the selected torrents."""
        return [self.resume, self.pause, self.remove, self.remove_with_files, self.recheck,
                self.move, self.open_folder, self.copy_magnet, self.queue_up,
                self.queue_down, self.limits, self.sequential]
