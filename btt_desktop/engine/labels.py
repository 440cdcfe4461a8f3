"""Categories and tags, kept in the profile.

- ``<profile>/categories.json``: the category list (name -> save path) and the tag list.
- ``<profile>/resume/labels.json``: each torrent's category, tags, and the folder its
  files move to when it finishes (see ``EngineSettings.incomplete_path``), beside the
  resume data (libtorrent's resume data has no room for them).

Both are written with :func:`btt_desktop.atomicfile.write_atomic`, one write at a time.
A category is a name and an optional save path; tags are free labels. Names are
trimmed; a category name may hold "/" (qBittorrent's subcategories), a tag may not hold
a comma (qBittorrent's separator).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from btt_desktop.atomicfile import read_with_backup, write_atomic
from btt_desktop.engine.types import Category
from btt_desktop.errors import EngineError

log = logging.getLogger(__name__)

CATEGORIES_FILE = "categories.json"
LABELS_FILE = "labels.json"
MAX_NAME = 200


@dataclass(frozen=True)
class TorrentLabels:
    category: str = ""
    tags: frozenset[str] = frozenset()
    final_path: str = ""


def category_name(name: str) -> str:
    clean = " ".join(str(name).split())
    if not clean:
        raise EngineError("a category needs a name")
    if len(clean) > MAX_NAME or clean.startswith("/") or clean.endswith("/") or "//" in clean:
        raise EngineError(f"not a usable category name: {clean[:MAX_NAME]}")
    return clean


def tag_name(name: str) -> str:
    clean = " ".join(str(name).split())
    if not clean:
        raise EngineError("a tag cannot be empty")
    if "," in clean or len(clean) > MAX_NAME:
        raise EngineError(f"not a usable tag (no commas): {clean[:MAX_NAME]}")
    return clean


class LabelStore:
    """The category and tag lists, and the saving of per-torrent labels."""

    def __init__(self, root: Path, resume_dir: Path) -> None:
        self._categories_path = root / CATEGORIES_FILE
        self._labels_path = resume_dir / LABELS_FILE
        self._categories: dict[str, str] = {}
        self._tags: set[str] = set()
        self._lock = asyncio.Lock()

    # -- the lists ------------------------------------------------------------------

    def categories(self) -> tuple[Category, ...]:
        return tuple(Category(n, p) for n, p in sorted(self._categories.items()))

    def category(self, name: str) -> Category | None:
        path = self._categories.get(name)
        return None if path is None else Category(name, path)

    def tags(self) -> tuple[str, ...]:
        return tuple(sorted(self._tags, key=str.casefold))

    def create_category(self, name: str, save_path: str) -> str:
        name = category_name(name)
        if name in self._categories:
            raise EngineError(f"the category {name} exists already")
        self._categories[name] = save_path.strip()
        return name

    def edit_category(self, name: str, save_path: str) -> None:
        if name not in self._categories:
            raise EngineError(f"no such category: {name}")
        self._categories[name] = save_path.strip()

    def remove_category(self, name: str) -> bool:
        return self._categories.pop(name, None) is not None

    def check_category(self, name: str) -> str:
        """``name`` if it is a category ("" means none)."""
        if name and name not in self._categories:
            raise EngineError(f"no such category: {name}")
        return name

    def create_tags(self, names: Iterable[str]) -> frozenset[str]:
        clean = frozenset(tag_name(n) for n in names)
        self._tags |= clean
        return clean

    def delete_tags(self, names: Iterable[str]) -> frozenset[str]:
        gone = frozenset(" ".join(str(n).split()) for n in names) & self._tags
        self._tags -= gone
        return gone

    # -- files ----------------------------------------------------------------------

    def load(self) -> dict[str, TorrentLabels]:
        """Read both files (blocking: use a thread); each torrent's labels by id."""
        doc = _read_json(self._categories_path)
        cats = doc.get("categories", {}) if isinstance(doc, dict) else {}
        self._categories = {}
        for name, entry in cats.items() if isinstance(cats, dict) else ():
            path = entry.get("save_path", "") if isinstance(entry, dict) else ""
            try:
                self._categories[category_name(name)] = str(path) if isinstance(path, str) else ""
            except EngineError:
                log.warning("ignoring category %r", name)
        tags = doc.get("tags", []) if isinstance(doc, dict) else []
        self._tags = set()
        for tag in tags if isinstance(tags, list) else ():
            try:
                self._tags.add(tag_name(str(tag)))
            except EngineError:
                log.warning("ignoring tag %r", tag)
        found: dict[str, TorrentLabels] = {}
        per = _read_json(self._labels_path)
        for tid, entry in per.items() if isinstance(per, dict) else ():
            if not isinstance(entry, dict):
                continue
            category = entry.get("category", "")
            category = category if category in self._categories else ""
            raw_tags = entry.get("tags", [])
            tags_of = frozenset(str(t) for t in raw_tags if str(t) in self._tags) \
                if isinstance(raw_tags, list) else frozenset()
            final = entry.get("final_path", "")
            found[str(tid)] = TorrentLabels(category, tags_of,
                                            final if isinstance(final, str) else "")
        return found

    async def save_lists(self) -> None:
        doc = {"categories": {n: {"save_path": p} for n, p in sorted(self._categories.items())},
               "tags": list(self.tags())}
        await self._write(self._categories_path, doc)

    async def save_torrents(self, labels: Mapping[str, TorrentLabels]) -> None:
        doc = {tid: {"category": lab.category, "tags": sorted(lab.tags),
                     "final_path": lab.final_path}
               for tid, lab in sorted(labels.items()) if lab != TorrentLabels()}
        await self._write(self._labels_path, doc)

    async def _write(self, path: Path, doc: Any) -> None:
        data = json.dumps(doc, indent=1, ensure_ascii=False).encode() + b"\n"
        async with self._lock:
            await asyncio.to_thread(write_atomic, path, data)


def _read_json(path: Path) -> Any:
    raw = read_with_backup(path)
    if not raw:
        return {}
    try:
        return json.loads(raw)
    except ValueError:
        log.error("ignoring an unreadable file: %s", path)
        return {}
