"""File and folder choosers that are awaited, not exec()'d (see ``tasks.run_dialog``)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from btt_desktop.ui.tasks import run_dialog


async def choose_directory(parent: QWidget | None, title: str, start: str) -> str | None:
    dialog = QFileDialog(parent, title, start)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
        return None
    chosen = dialog.selectedFiles()
    return chosen[0] if chosen else None


async def choose_files(parent: QWidget | None, title: str, start: str,
                       name_filter: str) -> list[str]:
    dialog = QFileDialog(parent, title, start, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
        return []
    return dialog.selectedFiles()


async def choose_file(parent: QWidget | None, title: str, start: str) -> str | None:
    dialog = QFileDialog(parent, title, start)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
        return None
    chosen = dialog.selectedFiles()
    return chosen[0] if chosen else None


async def choose_save_file(parent: QWidget | None, title: str, start: str,
                           name_filter: str, suffix: str) -> str | None:
    dialog = QFileDialog(parent, title, start, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix)
    if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
        return None
    chosen = dialog.selectedFiles()
    return chosen[0] if chosen else None
