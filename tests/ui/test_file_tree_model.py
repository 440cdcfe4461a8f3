"""The file tree of the add dialog and the Files tab: folders, tri-state checks, priorities."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from btt_desktop.engine.types import FileEntry
from btt_desktop.ui.file_tree_model import HIGH, MIXED, NORMAL, SKIP, FileColumn, FileTreeModel

FILES = (
    FileEntry(0, "album/cd1/01.flac", 100, NORMAL),
    FileEntry(1, "album/cd1/02.flac", 200, NORMAL),
    FileEntry(2, "album/cd2/01.flac", 300, NORMAL),
    FileEntry(3, "album/cover.jpg", 10, NORMAL),
)


def child(model: FileTreeModel, parent: QModelIndex, name: str) -> QModelIndex:
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data() == name:
            return index
    raise AssertionError(f"{name} not under {parent.data()}")


def test_tree_shows_folders_with_summed_sizes(qapp: object) -> None:
    model = FileTreeModel()
    model.set_files(FILES)
    album = child(model, QModelIndex(), "album")
    # folders first, then files
    assert [model.index(r, 0, album).data() for r in range(model.rowCount(album))] == [
        "cd1", "cd2", "cover.jpg"]
    assert model.index(album.row(), FileColumn.SIZE, album.parent()).data() == "610 B"
    cd1 = child(model, album, "cd1")
    assert model.index(cd1.row(), FileColumn.SIZE, album).data() == "300 B"
    assert model.parent(child(model, cd1, "02.flac")) == cd1


def test_unchecking_a_file_makes_the_folder_partial_and_reports_the_edit(qapp: object) -> None:
    model = FileTreeModel()
    model.set_files(FILES)
    edits: list[dict[int, int]] = []
    model.priorities_edited.connect(edits.append)
    album = child(model, QModelIndex(), "album")
    cd1 = child(model, album, "cd1")
    track = child(model, cd1, "02.flac")

    assert model.setData(track, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert edits == [{1: SKIP}]
    assert model.data(track, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.data(cd1, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked
    assert model.data(album, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked
    assert model.priorities() == (NORMAL, SKIP, NORMAL, NORMAL)
    assert model.wanted_size() == 410
    assert model.index(cd1.row(), FileColumn.PRIORITY, album).data(
        Qt.ItemDataRole.EditRole) == MIXED

    # checking the folder again wants every file below it
    model.setData(cd1, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.priorities() == (NORMAL, NORMAL, NORMAL, NORMAL)
    assert model.data(album, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_folder_priority_applies_to_all_files_below(qapp: object) -> None:
    model = FileTreeModel()
    model.set_files(FILES)
    album = child(model, QModelIndex(), "album")
    cd2 = child(model, album, "cd2")
    model.setData(model.index(cd2.row(), FileColumn.PRIORITY, album), HIGH)
    assert model.priorities() == (NORMAL, NORMAL, HIGH, NORMAL)
    model.set_all_checked(False)
    assert model.priorities() == (SKIP,) * 4
    assert model.data(album, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_progress_refresh_updates_in_place(qapp: object) -> None:
    model = FileTreeModel()
    model.set_files(FILES)
    resets: list[int] = []
    changed: list[object] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, _r=(): changed.append((a.data(), b.row())))
    progress = [FileEntry(f.index, f.path, f.size, f.priority, 1.0 if f.index == 2 else 0.0)
                for f in FILES]
    model.update_files(progress)
    assert resets == []
    assert changed  # the file, its folder and the album
    album = child(model, QModelIndex(), "album")
    assert model.index(album.row(), FileColumn.PROGRESS, QModelIndex()).data() == "49.2%"


def test_priorities_follow_the_given_order_when_indices_have_gaps(qapp: object) -> None:
    # hybrid torrents have pad files between real files: indices 0, 2, 4 here
    files = (FileEntry(0, "d/b.bin", 5, NORMAL), FileEntry(2, "d/a.bin", 7, NORMAL),
             FileEntry(4, "d/c.bin", 9, NORMAL))
    model = FileTreeModel()
    model.set_files(files)
    folder = child(model, QModelIndex(), "d")
    a = child(model, folder, "a.bin")  # shown sorted by name, first
    model.setData(a, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.priorities() == (NORMAL, SKIP, NORMAL)
    assert model.priority_of(2) == SKIP
    assert model.wanted_size() == 14
