"""Seed to earn: a finished torrent that Speed earns enough on keeps seeding even when the
queue (at most one active seed here) would park it; once it earns too little, it goes
back to the queue. A real engine with real torrents; the earnings are given as the
service would give them, with a clock the test moves."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from btt_desktop.engine import create_torrent
from btt_desktop.engine.types import AddParams, TorrentState
from btt_desktop.speed.seeding import HOUR, SeedToEarn
from tests.engine.conftest import NodeFactory, loopback_settings, make_node  # noqa: F401

BTT = 10**18


async def _until(condition: Callable[[], bool], within: float, what: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not condition():
        assert loop.time() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)


async def test_an_earning_torrent_keeps_seeding_past_the_queue(
        make_node: NodeFactory, tmp_path: Path) -> None:  # noqa: F811
    # one seed slot, and idle seeds count (libtorrent leaves them out by default)
    node = await make_node(settings=loopback_settings(
        max_active_seeds=1, extra={"dont_count_slow_torrents": False}))
    tids = []
    for name in ("a", "b"):
        data = tmp_path / name
        data.mkdir()
        (data / f"{name}.bin").write_bytes(name.encode() * 300_000)
        torrent = tmp_path / f"{name}.torrent"
        await create_torrent(str(data / f"{name}.bin"), str(torrent))
        tids.append(await node.engine.add(AddParams(save_path=str(data),
                                                    torrent_path=str(torrent))))

    def states() -> list[TorrentState | None]:
        return [s.state if (s := node.engine.snapshot(t)) else None for t in tids]

    # one seed slot: one of the two finished torrents waits in the queue
    await _until(lambda: set(states()) == {TorrentState.QUEUED, TorrentState.SEEDING}, 30,
                 "one seeding, one queued")
    queued = tids[states().index(TorrentState.QUEUED)]
    now = [1000.0]
    rule = SeedToEarn(node.engine, clock=lambda: now[0])
    # 600 BTT earned in ten minutes: 3,600 BTT an hour, above a 1,000 BTT/h rule
    await rule.apply({queued: 0}, 1000 * BTT)
    now[0] += 600
    await rule.apply({queued: 600 * BTT}, 1000 * BTT)
    assert rule.per_hour(queued) == 3600 * BTT
    assert rule.kept == {queued}
    await _until(lambda: states() == [TorrentState.SEEDING, TorrentState.SEEDING], 30,
                 "both seeding")
    # nothing more earned for an hour: the torrent goes back to the queue
    now[0] += HOUR
    await rule.apply({queued: 600 * BTT}, 1000 * BTT)
    assert rule.kept == set()
    await _until(lambda: TorrentState.QUEUED in states(), 30, "one queued again")


async def test_the_rule_off_or_unknown_earnings_change_nothing(
        make_node: NodeFactory, tmp_path: Path) -> None:  # noqa: F811
    node = await make_node()
    now = [0.0]
    rule = SeedToEarn(node.engine, clock=lambda: now[0])
    await rule.apply({"00" * 20: 10**30}, 0)  # the rule is off
    now[0] += 60
    await rule.apply({"00" * 20: 10**30}, 1)  # too little history to judge
    assert rule.per_hour("00" * 20) is None
    assert rule.kept == set()
