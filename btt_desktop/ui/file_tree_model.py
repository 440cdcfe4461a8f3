"""The files of one torrent as a folder tree: sizes, progress, check boxes and priorities.

Used by the add dialog (choose what to download) and by the Files tab of the details
(progress, and priority changes that go to the engine). A folder's check box is
tri-state and its priority reads "Mixed" when its files differ. Edits made by the user
are announced with :attr:`FileTreeModel.priorities_edited` as ``{file index: priority}``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from btt_desktop.engine.types import FileEntry
from btt_desktop.ui.formatting import format_percent, format_size
from btt_desktop.ui.progress_delegate import PROGRESS_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex

SKIP, LOW, NORMAL, HIGH = 0, 1, 4, 7
MIXED = -1
PRIORITY_CHOICES = (SKIP, LOW, NORMAL, HIGH)
PRIORITY_ROLE = int(Qt.ItemDataRole.UserRole) + 30   # int priority (or MIXED) of a row
FILE_INDEX_ROLE = int(Qt.ItemDataRole.UserRole) + 31  # file index, -1 for folders
PATH_ROLE = int(Qt.ItemDataRole.UserRole) + 32        # path inside the torrent


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileTreeModel", text)


def priority_name(priority: int) -> str:
    if priority == MIXED:
        return _tr("Mixed")
    if priority <= SKIP:
        return _tr("Do not download")
    if priority < NORMAL:
        return _tr("Low")
    if priority < 6:
        return _tr("Normal")
    return _tr("High")


class FileColumn(enum.IntEnum):
    NAME = 0
    SIZE = 1
    PROGRESS = 2
    PRIORITY = 3


class _Node:
    __slots__ = ("checked", "children", "done", "file_index", "name", "parent", "priority",
                 "row", "size")

    def __init__(self, name: str, parent: _Node | None, file_index: int = -1) -> None:
        self.name = name
        self.parent = parent
        self.file_index = file_index
        self.children: list[_Node] = []
        self.row = 0
        self.size = 0
        self.done = 0.0          # bytes done (size x progress), summed for folders
        self.priority = NORMAL   # MIXED for folders whose files differ
        self.checked = 0         # number of wanted files below (1/0 for a file)

    @property
    def is_file(self) -> bool:
        return self.file_index >= 0

    def file_count(self) -> int:
        if self.is_file:
            return 1
        return sum(child.file_count() for child in self.children)

    def path(self) -> str:
        parts: list[str] = []
        node: _Node | None = self
        while node is not None and node.parent is not None:
            parts.append(node.name)
            node = node.parent
        return "/".join(reversed(parts))


class FileTreeModel(QAbstractItemModel):
    priorities_edited = Signal(object)  # dict[int, int]: file index -> new priority

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node("", None)
        self._leaves: dict[int, _Node] = {}  # by file index (pad files have none)
        self._order: list[int] = []          # file indices in the order they were given
        self._counts: dict[int, int] = {}    # id(folder) -> files below (cached)

    # --- content ---------------------------------------------------------------------

    def set_files(self, files: Sequence[FileEntry]) -> None:
        """Replace the whole tree (a different torrent, or metadata just arrived)."""
        self.beginResetModel()
        self._root = _Node("", None)
        self._leaves = {}
        self._order = [entry.index for entry in files]
        folders: dict[tuple[str, ...], _Node] = {(): self._root}
        for entry in files:
            parts = tuple(p for p in entry.path.split("/") if p) or (str(entry.index),)
            parent = self._root
            for depth in range(1, len(parts)):
                key = parts[:depth]
                folder = folders.get(key)
                if folder is None:
                    folder = _Node(parts[depth - 1], parent)
                    parent.children.append(folder)
                    folders[key] = folder
                parent = folder
            leaf = _Node(parts[-1], parent, entry.index)
            leaf.size = entry.size
            leaf.done = entry.size * entry.progress
            leaf.priority = entry.priority
            leaf.checked = 1 if entry.priority > SKIP else 0
            parent.children.append(leaf)
            self._leaves[entry.index] = leaf
        self._sort_and_total(self._root)
        self._counts = {}
        self.endResetModel()

    def file_indices(self) -> list[int]:
        return list(self._order)

    def update_files(self, files: Sequence[FileEntry]) -> None:
        """Refresh progress and priorities of the same files in place (no reset)."""
        if [f.index for f in files] != self._order:
            self.set_files(files)
            return
        changed: list[_Node] = []
        for entry in files:
            leaf = self._leaves[entry.index]
            done = entry.size * entry.progress
            if leaf.done != done or leaf.priority != entry.priority:
                leaf.done = done
                leaf.priority = entry.priority
                leaf.checked = 1 if entry.priority > SKIP else 0
                changed.append(leaf)
        self._refresh_after(changed)

    def priorities(self) -> tuple[int, ...]:
        """Priority of every file in the order the files were given (the order of
        ``TorrentMeta.files``, which is what ``AddParams.file_priorities`` expects)."""
        return tuple(self._leaves[index].priority for index in self._order)

    def priority_of(self, file_index: int) -> int:
        return self._leaves[file_index].priority

    def wanted_size(self) -> int:
        return sum(leaf.size for leaf in self._leaves.values() if leaf.priority > SKIP)

    def total_size(self) -> int:
        return self._root.size

    def set_priority(self, indexes: Iterable[AnyIndex], priority: int) -> None:
        """Set the priority of the files at (or under) these rows, as a user edit."""
        nodes = [self._node(i) for i in indexes if i.isValid()]
        self._apply_user_priority(nodes, priority)

    def set_all_checked(self, checked: bool) -> None:
        self._apply_user_priority(self._root.children, NORMAL if checked else SKIP,
                                  keep_wanted=checked)

    def index_of_file(self, file_index: int, column: int = 0) -> QModelIndex:
        leaf = self._leaves[file_index]
        return self.createIndex(leaf.row, column, leaf)

    # --- Qt model interface ----------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent) if parent.isValid() else self._root
        if 0 <= row < len(node.children) and 0 <= column < len(FileColumn):
            return self.createIndex(row, column, node.children[row])
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            if parent.column() != 0:
                return 0
            return len(self._node(parent).children)
        return len(self._root.children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(FileColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            FileColumn.NAME: _tr("Name"),
            FileColumn.SIZE: _tr("Size"),
            FileColumn.PROGRESS: _tr("Progress"),
            FileColumn.PRIORITY: _tr("Priority"),
        }
        return titles.get(FileColumn(section)) if 0 <= section < len(FileColumn) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == FileColumn.NAME:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif index.column() == FileColumn.PRIORITY:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == FileColumn.NAME:
                return node.name
            if column == FileColumn.SIZE:
                return format_size(node.size)
            if column == FileColumn.PROGRESS:
                return format_percent(self._progress(node))
            if column == FileColumn.PRIORITY:
                return priority_name(node.priority)
        elif role == Qt.ItemDataRole.CheckStateRole and column == FileColumn.NAME:
            return self._check_state(node)
        elif role == PROGRESS_ROLE and column == FileColumn.PROGRESS:
            return self._progress(node)
        elif role == PRIORITY_ROLE:
            return node.priority
        elif role == FILE_INDEX_ROLE:
            return node.file_index
        elif role == PATH_ROLE:
            return node.path()
        elif role == Qt.ItemDataRole.EditRole and column == FileColumn.PRIORITY:
            return node.priority
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == FileColumn.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.ToolTipRole and column == FileColumn.NAME:
            return node.path()
        return None

    def setData(self, index: AnyIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        node = self._node(index)
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == FileColumn.NAME:
            checked = Qt.CheckState(value) != Qt.CheckState.Unchecked
            self._apply_user_priority([node], NORMAL if checked else SKIP, keep_wanted=checked)
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() == FileColumn.PRIORITY:
            try:
                priority = int(value)
            except (TypeError, ValueError):
                return False
            if priority not in PRIORITY_CHOICES:
                return False
            self._apply_user_priority([node], priority)
            return True
        return False

    # --- internals -------------------------------------------------------------------

    def _node(self, index: AnyIndex) -> _Node:
        node = index.internalPointer()
        assert isinstance(node, _Node)
        return node

    def _progress(self, node: _Node) -> float:
        return 1.0 if node.size == 0 else min(1.0, node.done / node.size)

    def _check_state(self, node: _Node) -> Qt.CheckState:
        if node.is_file:
            return Qt.CheckState.Checked if node.checked else Qt.CheckState.Unchecked
        if node.checked == 0:
            return Qt.CheckState.Unchecked
        if node.checked == self._file_count(node):
            return Qt.CheckState.Checked
        return Qt.CheckState.PartiallyChecked

    def _file_count(self, node: _Node) -> int:
        count = self._counts.get(id(node))
        if count is None:
            count = node.file_count()
            self._counts[id(node)] = count
        return count

    def _apply_user_priority(self, nodes: Iterable[_Node], priority: int, *,
                             keep_wanted: bool = False) -> None:
        """Give every file under ``nodes`` ``priority``; with ``keep_wanted``, files already
        wanted keep theirs (checking a folder does not reset chosen priorities)."""
        edited: dict[int, int] = {}
        changed: list[_Node] = []
        stack = list(nodes)
        while stack:
            node = stack.pop()
            if not node.is_file:
                stack.extend(node.children)
                continue
            if keep_wanted and node.priority > SKIP:
                continue
            if node.priority != priority:
                node.priority = priority
                node.checked = 1 if priority > SKIP else 0
                edited[node.file_index] = priority
                changed.append(node)
        self._refresh_after(changed)
        if edited:
            self.priorities_edited.emit(edited)

    def _refresh_after(self, changed_leaves: list[_Node]) -> None:
        """Recompute the folders above changed files and emit dataChanged, one signal per
        folder for the range of its children that changed."""
        if not changed_leaves:
            return
        dirty: dict[int, tuple[_Node, int, int]] = {}  # id(parent) -> (parent, lo, hi)
        pending = list(changed_leaves)
        seen_folders: set[int] = set()
        while pending:
            node = pending.pop()
            parent = node.parent
            if parent is None:
                continue
            entry = dirty.get(id(parent))
            if entry is None:
                dirty[id(parent)] = (parent, node.row, node.row)
            else:
                dirty[id(parent)] = (parent, min(entry[1], node.row), max(entry[2], node.row))
            if id(parent) not in seen_folders:
                seen_folders.add(id(parent))
                pending.append(parent)
        # recompute folder totals deepest first
        folders = sorted((entry[0] for entry in dirty.values()), key=_depth, reverse=True)
        for folder in folders:
            _total_folder(folder)
        last_column = len(FileColumn) - 1
        for parent, lo, hi in dirty.values():
            first = self.createIndex(lo, 0, parent.children[lo])
            last = self.createIndex(hi, last_column, parent.children[hi])
            self.dataChanged.emit(first, last)

    def _sort_and_total(self, node: _Node) -> None:
        node.children.sort(key=lambda c: (c.is_file, c.name.casefold()))
        for row, child in enumerate(node.children):
            child.row = row
            if not child.is_file:
                self._sort_and_total(child)
        if not node.is_file:
            _total_folder(node)


def _depth(node: _Node) -> int:
    depth = 0
    while node.parent is not None:
        node = node.parent
        depth += 1
    return depth


def _total_folder(folder: _Node) -> None:
    folder.size = sum(c.size for c in folder.children)
    folder.done = sum(c.done for c in folder.children)
    folder.checked = sum(c.checked for c in folder.children)
    priorities = {c.priority for c in folder.children}
    folder.priority = priorities.pop() if len(priorities) == 1 else MIXED
