"""The provider's uniform-price auction, one per torrent per round.

Eligible bids compete for ``k`` slots. The top ``k`` by rate win (ties go to the
earlier bid); every winner pays one clearing price: the highest losing eligible bid,
or the reserve price if no eligible bid lost. No winner pays more than it bid, and the
price is never below the reserve.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """One bidder's current bid for one torrent, with what the provider knows about it.

    ``placed`` orders bids in time (a monotonic sequence number or timestamp): lower is
    earlier. ``authenticated`` and ``funded`` (vault balance above the credit limit) are
    worked out by the caller.
    """

    bidder: str
    rate: int
    placed: int
    exp: int
    authenticated: bool = True
    funded: bool = True


@dataclass(frozen=True)
class AuctionResult:
    winners: tuple[Candidate, ...]
    losers: tuple[Candidate, ...]  # eligible bids that lost, best first
    price: int


def is_eligible(bid: Candidate, now: int, reserve: int) -> bool:
    return bid.authenticated and bid.funded and bid.exp > now and bid.rate >= reserve


def run_auction(bids: Iterable[Candidate], slots: int, reserve: int, now: int) -> AuctionResult:
    """Pick the winners and the clearing price for one round."""
    if slots < 0 or reserve < 0:
        raise ValueError("slots and reserve must be non-negative")
    ranked = sorted((b for b in bids if is_eligible(b, now, reserve)),
                    key=lambda b: (-b.rate, b.placed, b.bidder))
    winners = tuple(ranked[:slots])
    losers = tuple(ranked[slots:])
    price = losers[0].rate if losers else reserve
    return AuctionResult(winners=winners, losers=losers, price=price)
