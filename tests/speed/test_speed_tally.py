"""The byte tally: counts that only grow, per torrent and IP, across re-made connections.

The counter snapshots here are written by hand in the shapes libtorrent produces (the
engine tests and the end-to-end test exercise the real counters); this checks the
arithmetic on the edge cases that are hard to provoke on demand.
"""

from __future__ import annotations

from btt_desktop.speed.tally import SLACK, ByteTally


async def _none(tid: str) -> dict[str, tuple[int, int]]:
    raise AssertionError("not polled in these tests")


def test_growth_is_summed_over_an_ips_connections() -> None:
    tally = ByteTally(_none)
    tally.add("t", {"10.0.0.1:5000": (100, 0), "10.0.0.1:5001": (50, 7), "10.0.0.2:6000": (1, 2)})
    tally.add("t", {"10.0.0.1:5000": (300, 0), "10.0.0.1:5001": (50, 9), "10.0.0.2:6000": (1, 2)})
    assert tally.downloaded("t", "10.0.0.1") == 350
    assert tally.uploaded("t", "10.0.0.1") == 9
    assert tally.downloaded("t", "10.0.0.2") == 1
    assert tally.downloaded("other", "10.0.0.1") == 0


def test_reconnection_carrying_the_old_totals_is_not_counted_twice() -> None:
    # libtorrent starts a re-made connection at the old one's totals, truncated to KiB
    tally = ByteTally(_none)
    tally.add("t", {"10.0.0.1:5000": (1_000_500, 0)})
    tally.add("t", {})  # between the two connections: nothing to see, nothing lost
    tally.add("t", {"10.0.0.1:41234": (1_000_448, 0)})
    assert tally.downloaded("t", "10.0.0.1") == 1_000_500
    tally.add("t", {"10.0.0.1:41234": (1_500_448, 0)})
    assert tally.downloaded("t", "10.0.0.1") == 1_500_500


def test_a_connection_counting_from_zero_again_is_counted_in_full() -> None:
    tally = ByteTally(_none)
    tally.add("t", {"10.0.0.1:5000": (0, 5_000_000)})
    tally.add("t", {"10.0.0.1:5000": (0, 200)})  # far below: a new connection
    assert tally.uploaded("t", "10.0.0.1") == 5_000_200
    tally.add("t", {"10.0.0.1:5000": (0, 200 - SLACK // 2)})  # within the slack: no change
    assert tally.uploaded("t", "10.0.0.1") == 5_000_200


def test_expected_reset_counts_the_new_connection_from_zero() -> None:
    # Speed drops an IP to re-make its connection in another peer class; the IP filter
    # erases libtorrent's entry, so the new connection starts at zero even if it moved
    # more than the old one by the first poll
    tally = ByteTally(_none)
    tally.add("t", {"10.0.0.1:5000": (0, 300_000)})
    tally.expect_reset("10.0.0.1")
    tally.add("t", {"10.0.0.1:5000": (0, 310_000)})  # the old connection, not dropped yet
    assert tally.uploaded("t", "10.0.0.1") == 310_000
    tally.add("t", {"10.0.0.1:6881": (0, 400_000)})  # the new one
    assert tally.uploaded("t", "10.0.0.1") == 710_000
    tally.add("t", {"10.0.0.1:6881": (0, 450_000)})  # and then growth as usual
    assert tally.uploaded("t", "10.0.0.1") == 760_000


def test_ipv6_endpoints() -> None:
    tally = ByteTally(_none)
    tally.add("t", {"[::1]:5000": (10, 20)})
    assert (tally.downloaded("t", "::1"), tally.uploaded("t", "::1")) == (10, 20)
