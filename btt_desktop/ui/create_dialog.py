"""Making a .torrent from a file or folder, with a progress bar while it hashes.

Hashing runs in a worker thread (``engine.creator.create_torrent``); the window stays
usable and Cancel stops it at the next piece.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.engine import create_torrent
from btt_desktop.engine.types import AddParams
from btt_desktop.errors import BttError, one_line
from btt_desktop.tasks import TaskSet
from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.file_pickers import choose_directory, choose_file, choose_save_file
from btt_desktop.ui.formatting import format_size

log = logging.getLogger(__name__)

PIECE_SIZES = tuple(1 << n for n in range(14, 26))  # 16 KiB .. 32 MiB


def _parent_folder(source: str) -> str:
    """The folder that holds ``source``: where a seeding torrent finds its data."""
    return str(Path(source.rstrip("/")).expanduser().absolute().parent)


class CreateTorrentDialog(QDialog):
    created = Signal(str)  # path of the written .torrent

    def __init__(self, engine: EngineApi, start_dir: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._start_dir = start_dir
        self._task: asyncio.Task[None] | None = None
        self._helpers = TaskSet("create dialog task")
        self.setWindowTitle(self.tr("Create Torrent"))
        self.setObjectName("create_torrent_dialog")
        self.resize(620, 430)

        self.source_edit = QLineEdit()
        self.source_edit.setObjectName("source")
        self.source_edit.setPlaceholderText(self.tr("File or folder to share"))
        pick_file = QPushButton(self.tr("File…"))
        pick_file.clicked.connect(lambda: self._pick(folder=False))
        pick_folder = QPushButton(self.tr("Folder…"))
        pick_folder.clicked.connect(lambda: self._pick(folder=True))
        source_row = QHBoxLayout()
        source_row.addWidget(self.source_edit, 1)
        source_row.addWidget(pick_file)
        source_row.addWidget(pick_folder)

        self.trackers_edit = QPlainTextEdit()
        self.trackers_edit.setObjectName("trackers")
        self.trackers_edit.setPlaceholderText(self.tr("One tracker URL per line"))
        self.trackers_edit.setMaximumHeight(110)
        self.comment_edit = QLineEdit()

        self.piece_combo = QComboBox()
        self.piece_combo.setObjectName("piece_size")
        self.piece_combo.addItem(self.tr("Automatic"), 0)
        for size in PIECE_SIZES:
            self.piece_combo.addItem(format_size(size), size)
        self.version_combo = QComboBox()
        self.version_combo.setObjectName("version")
        self.version_combo.addItem(self.tr("v1 (works with every client)"), "v1")
        self.version_combo.addItem(self.tr("Hybrid (v1 and v2)"), "hybrid")
        self.version_combo.addItem(self.tr("v2 only"), "v2")
        self.private_check = QCheckBox(self.tr("Private torrent (no DHT, PeX or LSD)"))
        self.seed_check = QCheckBox(self.tr("Start seeding when done"))
        self.seed_check.setChecked(True)

        form = QFormLayout()
        form.addRow(self.tr("Share:"), source_row)
        form.addRow(self.tr("Trackers:"), self.trackers_edit)
        form.addRow(self.tr("Comment:"), self.comment_edit)
        form.addRow(self.tr("Piece size:"), self.piece_combo)
        form.addRow(self.tr("Format:"), self.version_combo)
        form.addRow("", self.private_check)
        form.addRow("", self.seed_check)

        self.progress = QProgressBar()
        self.progress.setObjectName("hash_progress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setObjectName("create_status")

        self.create_button = QPushButton(self.tr("Create…"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._ask_output_and_create)
        self.cancel_button = QPushButton(self.tr("Close"))
        self.cancel_button.clicked.connect(self._cancel_or_close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.created_path: str | None = None

    # --- public for scripted use ------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self, output: str) -> asyncio.Task[None]:
        """Start hashing into ``output`` with the dialog's current choices."""
        self._set_busy(True)
        self._task = self._helpers.spawn(self._create(output))
        self._task.add_done_callback(self._finished)
        return self._task

    def _finished(self, task: asyncio.Task[None]) -> None:
        # also runs when the task is cancelled before it ever started
        self._set_busy(False)
        if task.cancelled():
            self.progress.setValue(0)
            self.status_label.setText(self.tr("Cancelled."))

    # --- internals -------------------------------------------------------------------

    def _trackers(self) -> list[str]:
        return [line.strip() for line in self.trackers_edit.toPlainText().splitlines()
                if line.strip()]

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        self._helpers.spawn(coro)

    def _pick(self, *, folder: bool) -> None:
        async def pick() -> None:
            start = self.source_edit.text() or self._start_dir
            if folder:
                chosen = await choose_directory(self, self.tr("Choose a folder to share"), start)
            else:
                chosen = await choose_file(self, self.tr("Choose a file to share"), start)
            if chosen:
                self.source_edit.setText(chosen)
        self._spawn(pick())

    def _ask_output_and_create(self) -> None:
        source = self.source_edit.text().strip()
        if not source:
            self.status_label.setText(self.tr("Choose a file or folder to share first."))
            return

        async def ask() -> None:
            suggested = os.path.join(os.path.dirname(source.rstrip("/")) or self._start_dir,
                                     Path(source.rstrip("/")).name + ".torrent")
            out = await choose_save_file(self, self.tr("Save torrent as"), suggested,
                                         self.tr("Torrent files (*.torrent)"), "torrent")
            if out:
                self.start(out)
        self._spawn(ask())

    async def _create(self, output: str) -> None:
        source = self.source_edit.text().strip()
        self.progress.setValue(0)
        self.status_label.setText(self.tr("Hashing…"))
        try:
            meta = await create_torrent(
                source, output, trackers=self._trackers(),
                piece_size=int(self.piece_combo.currentData()),
                private=self.private_check.isChecked(),
                version=self.version_combo.currentData(),
                comment=self.comment_edit.text().strip(),
                progress=self._on_progress,
            )
            self.progress.setValue(1000)
            if self.seed_check.isChecked():
                save_path = _parent_folder(source)
                await self._engine.add(AddParams(save_path=save_path, torrent_path=output))
        except BttError as exc:
            self.status_label.setText(one_line(exc))
            return
        except Exception as exc:  # keep the dialog alive; the log has the details
            log.exception("creating a torrent failed")
            self.status_label.setText(one_line(exc))
            return
        self.created_path = output
        self.status_label.setText(self.tr("Created {path} ({size}, {pieces} pieces)").format(
            path=output, size=format_size(meta.total_size), pieces=meta.num_pieces))
        self.created.emit(output)

    def _on_progress(self, fraction: float) -> None:
        # create_torrent calls back on the loop thread (call_soon_threadsafe)
        self.progress.setValue(round(fraction * 1000))

    def _set_busy(self, busy: bool) -> None:
        self.create_button.setEnabled(not busy)
        self.cancel_button.setText(self.tr("Cancel") if busy else self.tr("Close"))
        for widget in (self.source_edit, self.trackers_edit, self.piece_combo,
                       self.version_combo, self.private_check, self.seed_check,
                       self.comment_edit):
            widget.setEnabled(not busy)

    def _cancel_or_close(self) -> None:
        if self.busy:
            assert self._task is not None
            self._task.cancel()
        else:
            self.reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy and self._task is not None:
            self._task.cancel()
        super().closeEvent(event)

    def reject(self) -> None:
        if self.busy and self._task is not None:
            self._task.cancel()
        super().reject()
