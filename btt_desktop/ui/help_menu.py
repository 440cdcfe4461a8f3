"""The Help menu: Documentation, the sections' own entries (What Is BTT Speed?), Licence,
About.

Documentation opens the README of a source checkout (it leads to ``docs/``), else the
project page the installed package names; with neither the entry is disabled. Licence
shows the full text of the GPL from the LICENSE the package carries
(``btt_desktop/resources/LICENSE``, also in the one-folder app), else from the source
checkout or the package metadata (``dist-info/licenses/LICENSE``); only with none of
them, the licence the package declares (its SPDX expression) with the GPL's notice.
"""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import tomllib
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

import btt_desktop
from btt_desktop import APP_NAME, __version__
from btt_desktop.ui.actions import WindowActions
from btt_desktop.ui.icons import app_icon

DISTRIBUTION = "btt-desktop"
_SOURCE_ROOT = Path(btt_desktop.__file__).resolve().parent.parent


def documentation_url() -> QUrl | None:
    """Where the documentation is: a local README/docs folder, else the project page."""
    for candidate in (_SOURCE_ROOT / "README.md", _SOURCE_ROOT / "docs"):
        if candidate.exists() and (_SOURCE_ROOT / "pyproject.toml").is_file():
            return QUrl.fromLocalFile(str(candidate))
    try:
        urls = importlib.metadata.metadata(DISTRIBUTION).get_all("Project-URL") or []
    except importlib.metadata.PackageNotFoundError:
        urls = []
    pages = dict(u.split(", ", 1) for u in urls if ", " in u)
    for label in ("Documentation", "Homepage", "Source"):
        if label in pages:
            return QUrl(pages[label])
    return None


def licence_name() -> str:
    """The SPDX expression the package declares (GPL-3.0-or-later)."""
    try:
        meta = importlib.metadata.metadata(DISTRIBUTION)
        name = meta["License-Expression"] or meta["License"]
        if name:
            return str(name)
    except (importlib.metadata.PackageNotFoundError, KeyError):
        pass
    try:
        with open(_SOURCE_ROOT / "pyproject.toml", "rb") as f:
            declared = tomllib.load(f).get("project", {}).get("license", "")
        return declared if isinstance(declared, str) else str(declared.get("text", ""))
    except (OSError, tomllib.TOMLDecodeError):
        return ""


def licence_file_text() -> str | None:
    """The full licence text: the package's resource, the source checkout's LICENSE (a
    folder with pyproject.toml, never a bare site-packages), or the wheel's metadata."""
    try:
        resources = importlib.resources.files("btt_desktop").joinpath("resources")
        return resources.joinpath("LICENSE").read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError):
        pass
    if (_SOURCE_ROOT / "pyproject.toml").is_file():
        try:
            return (_SOURCE_ROOT / "LICENSE").read_text(encoding="utf-8")
        except OSError:
            pass
    try:
        text = importlib.metadata.distribution(DISTRIBUTION).read_text("licenses/LICENSE")
    except importlib.metadata.PackageNotFoundError:
        return None
    return text or None


class LicenceDialog(QDialog):
    """The licence: the full LICENSE text when installed, else the declared licence and
    the notice the GPL asks programs to show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("licence_dialog")
        self.setWindowTitle(self.tr("Licence"))
        name = licence_name() or self.tr("not declared")
        self.summary = QLabel(self.tr("{app} {version} is free software, licensed under "
                                      "{licence}.").format(app=APP_NAME, version=__version__,
                                                          licence=name))
        self.summary.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("licence_text")
        self.text.setReadOnly(True)
        full = licence_file_text()
        if full is not None:
            self.text.setPlainText(full)
        else:
            self.text.setPlainText(self.tr(
                "This program is free software: you can redistribute it and/or modify it "
                "under the terms of the GNU General Public License as published by the Free "
                "Software Foundation, either version 3 of the License, or (at your option) "
                "any later version.\n\n"
                "This program is distributed in the hope that it will be useful, but WITHOUT "
                "ANY WARRANTY; without even the implied warranty of MERCHANTABILITY or "
                "FITNESS FOR A PARTICULAR PURPOSE. See the GNU General Public License for "
                "more details.\n\n"
                "You should have received a copy of the GNU General Public License along "
                "with this program. If not, see <https://www.gnu.org/licenses/>."))
        link = QLabel('<a href="https://www.gnu.org/licenses/gpl-3.0.html">{}</a>'.format(
            self.tr("The full text of the GNU General Public License, version 3")))
        link.setOpenExternalLinks(True)
        link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.text, 1)
        layout.addWidget(link)
        layout.addWidget(buttons)
        self.resize(560, 420)


class HelpMenu(QObject):
    """Builds the menu; ``first_fixed`` is the entry sections insert theirs before."""

    def __init__(self, actions: WindowActions, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.menu = QMenu(self.tr("&Help"), window.menuBar())
        self.menu.setObjectName("help_menu")
        self.url = documentation_url()
        actions.documentation.setEnabled(self.url is not None)
        if self.url is None:
            actions.documentation.setToolTip(self.tr("No documentation is installed."))
        self.menu.addAction(actions.documentation)
        separator = self.menu.addSeparator()
        self.first_fixed: QAction = separator
        self.menu.addAction(actions.licence)
        self.menu.addAction(actions.about)
        actions.documentation.triggered.connect(self.open_documentation)
        actions.licence.triggered.connect(self.show_licence)
        actions.about.triggered.connect(self.show_about)

    def open_documentation(self) -> bool:
        if self.url is None:
            return False
        return QDesktopServices.openUrl(self.url)

    def show_licence(self) -> LicenceDialog:
        dialog = LicenceDialog(self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About BTT Desktop"),
                          self.tr("{app} {version}\nA BitTorrent client with a TRON wallet.")
                          .format(app=APP_NAME, version=__version__),
                          QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("about_box")
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
