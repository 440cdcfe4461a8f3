"""The torrent list with 10,000 torrents: load, per-tick batches, sorting, scrolling.

Runs offscreen (no display needed). Each figure is set against a reference run in the
same process, so the ratios mean something on any machine:

- a batch of N changed torrents in a list of 10,000 vs the same batch in a list of 100
  (O(changed): the ratio should stay near 1);
- that batch vs resetting the model with the same 10,000 rows (what a naive model does);
- painting the visible rows of a 10,000-row list vs a 100-row list (scrolling cost);
- loading 10,000 torrents vs loading 1,000 (linear: about 10).

    python bench/ui_torrent_list.py            # prints a table, writes bench/out/*.json
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.harness import OUT, load, machine  # noqa: E402
from btt_desktop.engine.types import TorrentSnapshot, TorrentState  # noqa: E402
from btt_desktop.ui.torrent_filter import TorrentFilterProxy  # noqa: E402
from btt_desktop.ui.torrent_model import Column, TorrentTableModel  # noqa: E402
from btt_desktop.ui.torrent_view import make_torrent_view  # noqa: E402

BIG = 10_000
SMALL = 100
BATCH = 200
TICKS = 20
rng = random.Random(7)


def snapshot(i: int) -> TorrentSnapshot:
    size = rng.randrange(1 << 20, 1 << 34)
    return TorrentSnapshot(
        torrent_id=f"{i:040x}", name=f"Torrent {rng.random():.12f} number {i}",
        save_path="/data", state=TorrentState.DOWNLOADING if i % 3 else TorrentState.SEEDING,
        progress=rng.random(), total_size=size, total_wanted=size, total_done=size // 2,
        download_rate=rng.randrange(0, 1 << 22), upload_rate=rng.randrange(0, 1 << 20),
        eta=rng.randrange(10, 100_000), ratio=rng.random() * 3, num_seeds=rng.randrange(50),
        num_peers=rng.randrange(50), list_seeds=rng.randrange(500), list_peers=rng.randrange(500),
        all_time_upload=0, all_time_download=0, added_time=1_700_000_000 + i,
        completed_time=0, queue_position=i, sequential=False, has_metadata=True)


class ListRig:
    """Model, sorting proxy and a shown view, configured as in the main window."""

    def __init__(self, rows: int) -> None:
        self.model = TorrentTableModel()
        self.proxy = TorrentFilterProxy(self.model)
        self.view = make_torrent_view(self.proxy)
        self.view.resize(1200, 700)
        self.snapshots = [snapshot(i) for i in range(rows)]
        self.view.show()

    def load(self) -> float:
        """All torrents arrive into a list already sorted by download speed."""
        self.view.sortByColumn(Column.DOWN_RATE, Qt.SortOrder.DescendingOrder)
        QApplication.processEvents()
        start = time.perf_counter()
        self.model.apply(self.snapshots)
        self.view.viewport().repaint()
        QApplication.processEvents()
        return time.perf_counter() - start

    def batch(self) -> list[TorrentSnapshot]:
        chosen = rng.sample(range(len(self.snapshots)), min(BATCH, len(self.snapshots)))
        out = []
        for i in chosen:
            s = replace(self.snapshots[i], download_rate=rng.randrange(0, 1 << 22),
                        progress=min(1.0, self.snapshots[i].progress + 0.001))
            self.snapshots[i] = s
            out.append(s)
        return out

    def tick(self) -> float:
        """One status batch, sorted by a column that changes, then a repaint."""
        batch = self.batch()
        start = time.perf_counter()
        self.model.apply(batch)
        self.view.viewport().repaint()
        QApplication.processEvents()
        return time.perf_counter() - start

    def reset_tick(self) -> float:
        """The naive alternative: replace every row and reset the model."""
        self.batch()
        model = self.model
        start = time.perf_counter()
        model.beginResetModel()
        model._rows = list(self.snapshots)
        model._row_of = {s.torrent_id: i for i, s in enumerate(model._rows)}
        model.endResetModel()
        self.view.viewport().repaint()
        QApplication.processEvents()
        return time.perf_counter() - start

    def paint_after_scroll(self) -> float:
        bar = self.view.verticalScrollBar()
        start = time.perf_counter()
        for step in range(10):
            bar.setValue(bar.maximum() * step // 10)
            self.view.viewport().repaint()
        return (time.perf_counter() - start) / 10


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def main() -> int:
    app = QApplication.instance() or QApplication([])
    assert app is not None
    results: dict[str, float] = {}

    small_load = ListRig(1_000)
    results["load_1000_ms"] = small_load.load() * 1000
    big = ListRig(BIG)
    results["load_10000_ms"] = big.load() * 1000
    small = ListRig(SMALL)
    small.load()

    results["tick_10000_ms"] = median_ms([big.tick() for _ in range(TICKS)])
    results["tick_100_ms"] = median_ms([small.tick() for _ in range(TICKS)])
    results["reset_tick_10000_ms"] = median_ms([big.reset_tick() for _ in range(TICKS)])
    results["paint_10000_ms"] = median_ms([big.paint_after_scroll() for _ in range(5)])
    results["paint_100_ms"] = median_ms([small.paint_after_scroll() for _ in range(5)])

    ratios = {
        "load 10k / load 1k": results["load_10000_ms"] / results["load_1000_ms"],
        "tick in 10k / tick in 100": results["tick_10000_ms"] / results["tick_100_ms"],
        "tick in 10k / reset of 10k": results["tick_10000_ms"] / results["reset_tick_10000_ms"],
        "paint 10k / paint 100": results["paint_10000_ms"] / results["paint_100_ms"],
    }
    for name, value in results.items():
        print(f"{name:24s} {value:9.1f}")
    for name, value in ratios.items():
        print(f"{name:30s} {value:6.2f}")
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / f"ui-torrent-list-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps({"machine": machine(), "load": load(), "batch": BATCH,
                               "results_ms": results, "ratios": ratios}, indent=2))
    print(f"written {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
