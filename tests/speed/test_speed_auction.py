from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from btt_desktop.speed.auction import Candidate, is_eligible, run_auction

NOW = 1000


def cand(bidder: str, rate: int, placed: int, **kw: object) -> Candidate:
    return Candidate(bidder=bidder, rate=rate, placed=placed, exp=kw.pop("exp", NOW + 60),  # type: ignore[arg-type]
                     **kw)  # type: ignore[arg-type]


def test_clearing_price_is_highest_losing_bid() -> None:
    bids = [cand("a", 50, 1), cand("b", 40, 2), cand("c", 30, 3), cand("d", 20, 4)]
    result = run_auction(bids, slots=2, reserve=10, now=NOW)
    assert [w.bidder for w in result.winners] == ["a", "b"]
    assert result.price == 30
    assert [b.bidder for b in result.losers] == ["c", "d"]


def test_reserve_when_nobody_loses() -> None:
    result = run_auction([cand("a", 50, 1), cand("b", 40, 2)], slots=4, reserve=12, now=NOW)
    assert {w.bidder for w in result.winners} == {"a", "b"}
    assert result.price == 12


def test_ties_go_to_earlier_bid() -> None:
    bids = [cand("late", 40, 9), cand("early", 40, 3), cand("top", 90, 5)]
    result = run_auction(bids, slots=2, reserve=1, now=NOW)
    assert [w.bidder for w in result.winners] == ["top", "early"]
    assert result.price == 40  # the losing tie sets the price: nobody pays above its bid


def test_ineligible_bids_neither_win_nor_set_price() -> None:
    bids = [cand("expired", 99, 1, exp=NOW), cand("unauth", 98, 2, authenticated=False),
            cand("unfunded", 97, 3, funded=False), cand("cheap", 5, 4), cand("ok", 20, 5)]
    result = run_auction(bids, slots=1, reserve=10, now=NOW)
    assert [w.bidder for w in result.winners] == ["ok"]
    assert result.price == 10
    assert result.losers == ()


candidates = st.lists(st.builds(
    Candidate, bidder=st.text(min_size=1, max_size=3), rate=st.integers(0, 1000),
    placed=st.integers(0, 50), exp=st.integers(NOW - 5, NOW + 5), authenticated=st.booleans(),
    funded=st.booleans()), max_size=20)


@settings(max_examples=300, deadline=None)
@given(bids=candidates, slots=st.integers(0, 6), reserve=st.integers(0, 500))
def test_auction_properties(bids: list[Candidate], slots: int, reserve: int) -> None:
    result = run_auction(bids, slots=slots, reserve=reserve, now=NOW)
    eligible = [b for b in bids if is_eligible(b, NOW, reserve)]
    assert len(result.winners) == min(slots, len(eligible))
    assert result.price >= reserve
    for w in result.winners:
        assert is_eligible(w, NOW, reserve)
        assert result.price <= w.rate  # no winner pays more than it bid
        for loser in result.losers:  # every winner ranks above every loser
            assert (w.rate, -w.placed) >= (loser.rate, -loser.placed)
    assert sorted(map(id, result.winners + result.losers)) == sorted(map(id, eligible))
    if result.losers:
        assert result.price == max(b.rate for b in result.losers)
    else:
        assert result.price == reserve
