"""The byte tally: counts that only grow, per torrent and IP, across re-made connections.

The counter snapshots here are written by hand in the shapes libtorrent produces (the
engine tests and the end-to-end test exercise the real counters); this checks the
arithmetic on the edge cases that are hard to provoke on demand.
"""

from __future__ import annotations

from btt_desktop.engine.types import PeerCounter, PeerCounters
from btt_desktop.speed.tally import SLACK, ByteTally


async def _none(tid: str) -> PeerCounters:
    raise AssertionError("not polled in these tests")


def snap(peers: dict[str, tuple[int, ...]], unverified: dict[str, int] | None = None,
         piece_length: int = 0) -> PeerCounters:
    """One poll: "ip:port" -> (downloaded, uploaded[, hashfails])."""
    return PeerCounters({k: PeerCounter(*v) for k, v in peers.items()}, unverified or {},
                        piece_length)


def test_growth_is_summed_over_an_ips_connections() -> None:
    tally = ByteTally(_none)
    tally.add("t", snap({"10.0.0.1:5000": (100, 0), "10.0.0.1:5001": (50, 7),
                         "10.0.0.2:6000": (1, 2)}))
    tally.add("t", snap({"10.0.0.1:5000": (300, 0), "10.0.0.1:5001": (50, 9),
                         "10.0.0.2:6000": (1, 2)}))
    assert tally.downloaded("t", "10.0.0.1") == 350
    assert tally.uploaded("t", "10.0.0.1") == 9
    assert tally.downloaded("t", "10.0.0.2") == 1
    assert tally.downloaded("other", "10.0.0.1") == 0


def test_reconnection_carrying_the_old_totals_is_not_counted_twice() -> None:
    # libtorrent starts a re-made connection at the old one's totals, truncated to KiB
    tally = ByteTally(_none)
    tally.add("t", snap({"10.0.0.1:5000": (1_000_500, 0)}))
    tally.add("t", snap({}))  # between the two connections: nothing to see, nothing lost
    tally.add("t", snap({"10.0.0.1:41234": (1_000_448, 0)}))
    assert tally.downloaded("t", "10.0.0.1") == 1_000_500
    tally.add("t", snap({"10.0.0.1:41234": (1_500_448, 0)}))
    assert tally.downloaded("t", "10.0.0.1") == 1_500_500


def test_a_connection_counting_from_zero_again_is_counted_in_full() -> None:
    tally = ByteTally(_none)
    tally.add("t", snap({"10.0.0.1:5000": (0, 5_000_000)}))
    tally.add("t", snap({"10.0.0.1:5000": (0, 200)}))  # far below: a new connection
    assert tally.uploaded("t", "10.0.0.1") == 5_000_200
    tally.add("t", snap({"10.0.0.1:5000": (0, 200 - SLACK // 2)}))  # within the slack: no change
    assert tally.uploaded("t", "10.0.0.1") == 5_000_200


def test_expected_reset_counts_the_new_connection_from_zero() -> None:
    # Speed drops an IP to re-make its connection in another peer class; the IP filter
    # erases libtorrent's entry, so the new connection starts at zero even if it moved
    # more than the old one by the first poll
    tally = ByteTally(_none)
    tally.add("t", snap({"10.0.0.1:5000": (0, 300_000)}))
    tally.expect_reset("10.0.0.1")
    tally.add("t", snap({"10.0.0.1:5000": (0, 310_000)}))  # the old connection, not dropped yet
    assert tally.uploaded("t", "10.0.0.1") == 310_000
    tally.add("t", snap({"10.0.0.1:6881": (0, 400_000)}))  # the new one
    assert tally.uploaded("t", "10.0.0.1") == 710_000
    tally.add("t", snap({"10.0.0.1:6881": (0, 450_000)}))  # and then growth as usual
    assert tally.uploaded("t", "10.0.0.1") == 760_000


def test_ipv6_endpoints() -> None:
    tally = ByteTally(_none)
    tally.add("t", snap({"[::1]:5000": (10, 20)}))
    assert (tally.downloaded("t", "::1"), tally.uploaded("t", "::1")) == (10, 20)


def test_billable_holds_back_unverified_bytes_and_never_counts_a_failed_piece() -> None:
    piece = 262_144
    tally = ByteTally(_none)
    # a piece and a half arrived, the half still waiting for its hash check
    tally.add("t", snap({"10.0.0.1:5000": (393_216, 0)}, {"10.0.0.1": 131_072}, piece))
    assert tally.billable("t", "10.0.0.1") == piece
    # the rest of that piece arrived and it failed: the level drops, the count holds
    tally.add("t", snap({"10.0.0.1:5000": (524_288, 0, 1)}, {}, piece))
    assert (tally.billable("t", "10.0.0.1"), tally.hashfails("t", "10.0.0.1")) == (piece, 1)
    assert tally.downloaded("t", "10.0.0.1") == 524_288
    # the piece comes again, good this time: only then does the count grow
    tally.add("t", snap({"10.0.0.1:5000": (786_432, 0, 1)}, {}, piece))
    assert tally.billable("t", "10.0.0.1") == 2 * piece
    assert tally.piece_length("t") == piece


def test_a_failure_already_counted_is_made_up_from_the_next_bytes() -> None:
    piece = 100_000
    tally = ByteTally(_none)
    # counted as verified (it arrived between two reads of one poll) ...
    tally.add("t", snap({"10.0.0.1:5000": (300_000, 0)}, {}, piece))
    assert tally.billable("t", "10.0.0.1") == 300_000
    # ... then its piece failed: nothing more is billable until the IP made it up
    tally.add("t", snap({"10.0.0.1:5000": (350_000, 0, 1)}, {}, piece))
    assert tally.billable("t", "10.0.0.1") == 300_000
    tally.add("t", snap({"10.0.0.1:5000": (450_000, 0, 1)}, {}, piece))
    assert tally.billable("t", "10.0.0.1") == 350_000
    # a banned peer disappears: its count stays where the last poll left it
    tally.add("t", snap({}, {}, piece))
    assert tally.billable("t", "10.0.0.1") == 350_000
