"""Rates shown in the list, the status bar and the title: steady under a rate limit,
and 0 at once for a torrent that stopped or finished downloading."""

from __future__ import annotations

from pathlib import Path

import pytest

from btt_desktop.engine.rates import RateWindow, shown_rates
from btt_desktop.engine.stats import SessionCounters
from btt_desktop.engine.types import AddParams, TorrentState
from btt_desktop.events import SessionStatsUpdated, TorrentFinished, TorrentsUpdated
from tests.engine.conftest import NodeFactory, make_torrent, wait_until

pytestmark = pytest.mark.timeout(60)


def test_bursty_counters_read_as_a_steady_rate() -> None:
    # a limit of 100 kB/s handed out in bursts: 200 kB every other second
    window = RateWindow(window=4.0)
    total, seen = 0, []
    for second in range(12):
        total += 200_000 if second % 2 else 0
        seen.append(window.add(float(second), total, 0)[0])
    assert all(80_000 <= rate <= 134_000 for rate in seen[4:]), seen


def test_a_stalled_transfer_falls_to_zero_within_the_window() -> None:
    window = RateWindow(window=4.0)
    for second in range(5):
        window.add(float(second), second * 100_000, second * 50_000)
    assert window.rates() == (100_000, 50_000)
    for second in range(5, 10):
        down, up = window.add(float(second), 400_000, 200_000)
    assert (down, up) == (0, 0)


def test_stopped_shows_zero_at_once_and_finished_shows_no_download() -> None:
    window = RateWindow(window=4.0)
    for second in range(4):
        shown_rates(window, float(second), second * 100_000, second * 10_000,
                    stopped=False, finished=False)
    assert shown_rates(window, 4.0, 400_000, 40_000, stopped=False, finished=True) == (
        0, 10_000)
    assert shown_rates(window, 5.0, 400_000, 50_000, stopped=True, finished=True) == (0, 0)
    # after a restart the window starts again: no stale rate from before the pause
    assert shown_rates(window, 60.0, 400_000, 50_000, stopped=False, finished=False) == (0, 0)


def test_counters_that_restart_do_not_give_a_negative_rate() -> None:
    window = RateWindow()
    window.add(0.0, 1_000_000, 0)
    assert window.add(1.0, 10, 0) == (0, 0)


def test_session_totals_are_averaged() -> None:
    counters = SessionCounters()
    recv = 0
    rates = []
    for second in range(10):
        recv += 300_000 if second % 3 == 0 else 0   # 100 kB/s in lumps
        down, _up, _nodes = counters.update(
            {"net.recv_payload_bytes": recv, "net.sent_payload_bytes": 0}, float(second))
        rates.append(down)
    assert min(rates[4:]) > 50_000, rates


async def test_limited_download_never_reads_zero_mid_transfer(tmp_path: Path,
                                                             make_node: NodeFactory) -> None:
    content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 3_000_000},
                                          piece_size=16384)
    seeder = await make_node()
    leecher = await make_node()
    seed_id = await seeder.engine.add(AddParams(save_path=str(content.parent),
                                                torrent_data=torrent))
    await wait_until(lambda: seeder.engine.snapshot(seed_id).state  # type: ignore[union-attr]
                     == TorrentState.SEEDING, what="seeder")
    tid = await leecher.engine.add(AddParams(save_path=str(tmp_path / "down"),
                                             torrent_data=torrent, peers=(seeder.endpoint,)))
    await leecher.engine.set_limits(tid, download=300_000)
    await wait_until(lambda: bool(leecher.of(TorrentFinished)), seconds=40, what="download")

    ours = [s for e in leecher.of(TorrentsUpdated) for s in e.snapshots if s.torrent_id == tid]
    moving = [s for s in ours if s.state == TorrentState.DOWNLOADING]
    first = next(i for i, s in enumerate(moving) if s.download_rate > 0)
    middle = moving[first:]
    middle = middle[:max(1, len(middle) - 3)]  # the last samples may show the tail end
    rates = [s.download_rate for s in middle]
    assert len(rates) > 10 and min(rates) > 0, rates
    # around the limit once the window is full, not a burst at twice the rate
    assert max(rates[len(rates) // 3:]) < 2 * 300_000, rates

    totals = [e.totals.download_rate for e in leecher.of(SessionStatsUpdated)]
    start = next(i for i, r in enumerate(totals) if r > 0)
    assert min(totals[start:start + 20]) > 0, totals

    # finished: no download rate, at once
    await wait_until(lambda: leecher.engine.snapshot(tid).state  # type: ignore[union-attr]
                     == TorrentState.SEEDING, what="seeding")
    assert leecher.engine.snapshot(tid).download_rate == 0  # type: ignore[union-attr]
    # a paused seeder shows no upload rate at once
    await seeder.engine.pause([seed_id])
    await wait_until(lambda: seeder.engine.snapshot(seed_id).state  # type: ignore[union-attr]
                     == TorrentState.PAUSED, what="paused")
    assert seeder.engine.snapshot(seed_id).upload_rate == 0  # type: ignore[union-attr]
