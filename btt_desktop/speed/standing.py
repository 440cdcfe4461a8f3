"""Who a provider may serve first: the funding rule and lasting demotions (pure, no I/O).

*Funded* means the vault can really pay for a round's service: its balance is above
zero, and what is left of it after everything it already owes this provider (cheques
held but not cashed, bytes sold but not covered by a cheque) still covers the credit
window at the bid's rate. A rate-0 bid therefore needs a non-empty vault too: an empty
vault is never served first, whatever it bids.

A *demotion* for not paying (credit overrun, a refused or forged cheque) lasts until the
peer pays: it is keyed by the peer's address, so it survives the peer reconnecting, and
it ends only when a cheque accepted after it covers what the peer owed at the time, give
or take one MiB's worth (bytes in flight when the demotion was decided, which the
requester may not have counted yet). Until then its bids are refused with ``demote``.
"""

from __future__ import annotations

from dataclasses import dataclass

from btt_desktop.speed.ledger import MIB


def funded(balance: int, owed: int, rate: int, credit_bytes: int) -> bool:
    """True when a vault holding ``balance`` can be served first at ``rate`` per MiB.

    ``owed`` is what the vault's owner already owes this provider and has not been paid
    on chain: uncashed cheques plus bytes sold but not yet covered by a cheque.
    """
    available = balance - max(0, owed)
    return balance > 0 and available > 0 and available >= credit_bytes * rate // MIB


@dataclass(frozen=True)
class Demotion:
    reason: str
    debt: int      # base units the peer owed when it was demoted
    slack: int     # base units it may still owe and be served again (one MiB's worth)
    cum_then: int  # its best cheque when it was demoted: only a later one ends it

    def refusal(self) -> str:
        """The ``demote`` reason a demoted bidder gets, in at most 200 bytes."""
        text = f"demoted until paid: {self.reason}"
        return text.encode()[:200].decode("utf-8", "ignore")


class Demotions:
    """Lasting demotions by peer address."""

    def __init__(self) -> None:
        self._by_addr: dict[str, Demotion] = {}

    def demote(self, addr: str, reason: str, owed: int, price: int, cum: int) -> Demotion:
        """Record that ``addr`` is demoted for ``reason`` while owing ``owed`` base units
        (``price``: the highest price per MiB it was being served at, for the slack;
        ``cum``: the best cheque held from it now)."""
        old = self._by_addr.get(addr)
        demotion = Demotion(reason, max(owed, old.debt if old else 0),
                            min(owed, price if price > 0 else 0),
                            min(cum, old.cum_then) if old else cum)
        self._by_addr[addr] = demotion
        return demotion

    def get(self, addr: str) -> Demotion | None:
        return self._by_addr.get(addr)

    def paid(self, addr: str, cum: int) -> bool:
        """The best cheque held from ``addr`` is for ``cum``: end its demotion if that is
        a cheque accepted since and it covers the debt. True when the peer is (now) in
        good standing. Depends only on the ledger's state, so it may be asked any time."""
        demotion = self._by_addr.get(addr)
        if demotion is None:
            return True
        if cum > demotion.cum_then and cum + demotion.slack >= demotion.debt:
            del self._by_addr[addr]
            return True
        return False

    def __contains__(self, addr: object) -> bool:
        return addr in self._by_addr
