"""Where the ledgers live, and the totals a user sees: earnings, spending, by peer.

Both the running :class:`~btt_desktop.speed.service.SpeedService` and the ``btt speed``
commands (which read the ledgers of a profile while a seeder may be running) use these.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from btt_desktop.speed.cheque import ChequeDomain
from btt_desktop.speed.ledger import ProviderLedger, RequesterLedger


def _safe(net: str) -> str:
    return re.sub(r"[^0-9A-Za-z_-]", "_", net)


def provider_ledger_path(speed_dir: Path, net: str, contract: str, address: str) -> Path:
    """The earning side's ledger of ``address`` with vault contract ``contract``."""
    return speed_dir / f"provider-{_safe(net)}-{contract}-{address}.json"


def requester_ledger_path(speed_dir: Path, net: str, contract: str, address: str) -> Path:
    """The paying side's ledger of ``address`` with vault contract ``contract``."""
    return speed_dir / f"requester-{_safe(net)}-{contract}-{address}.json"


def provider_ledger(speed_dir: Path, net: str, domain: ChequeDomain,
                    address: str) -> ProviderLedger:
    """Open (blocking: reads the file) the provider ledger of ``address``."""
    return ProviderLedger(provider_ledger_path(speed_dir, net, domain.contract, address), net,
                          address, domain)


def requester_ledger(speed_dir: Path, net: str, domain: ChequeDomain,
                     address: str) -> RequesterLedger:
    """Open (blocking: reads the file) the requester ledger of ``address``."""
    return RequesterLedger(requester_ledger_path(speed_dir, net, domain.contract, address), net,
                           address, domain)


@dataclass(frozen=True)
class PeerAccount:
    """One counterpart: a requester who paid us, or a provider we paid."""

    address: str
    bytes: int          # sold to it (provider) / bought from it (requester) while awarded
    value: int          # what those bytes are worth at the awarded prices, base units
    cheques: int        # cumulative amount of the best cheque (received / signed)
    cashed: int | None  # paid out on chain so far (None: not known, node not asked)
    bounced: int = 0    # provider side: uncashed amount its vault could not cover
    unchecked: int = 0  # provider side: a signed cheque above ``cheques`` whose vault
                        # cover could not be checked yet (node unreachable): not earned yet


@dataclass(frozen=True)
class Earnings:
    earned: int         # sum of the best cheques received (money owed to us, signed)
    cashed: int | None  # of which already paid out on chain
    pending: int | None  # earned - cashed: cheques held, to cash
    unpaid: int         # bytes sold but not yet covered by a cheque, in base units
    bytes_sold: int
    sold_value: int     # bytes sold x price, base units
    peers: tuple[PeerAccount, ...]
    unchecked: int = 0  # signed cheques above ``earned`` waiting for their cover check


@dataclass(frozen=True)
class Spending:
    spent: int          # sum of all cheques signed (promised from our vault)
    owed: int           # bytes bought but not paid for yet (paid at the next increment)
    bytes_bought: int
    bought_value: int
    peers: tuple[PeerAccount, ...]


def earnings(ledger: ProviderLedger, paid_out: Mapping[str, int] | None = None,
             bounced: Mapping[str, int] | None = None) -> Earnings:
    """Totals of a provider ledger; ``paid_out`` maps vault -> amount cashed on chain,
    ``bounced`` vault -> the uncashed amount its balance could not cover."""
    peers = []
    for key, account in sorted(ledger.accounts().items(), key=lambda kv: kv[0].vault):
        cashed = None if paid_out is None else min(paid_out.get(key.vault, 0), account.cum)
        peers.append(PeerAccount(key.vault, account.bytes, account.owed, account.cum, cashed,
                                 (bounced or {}).get(key.vault, 0),
                                 max(0, account.unchecked_cum - account.cum)))
    earned = sum(p.cheques for p in peers)
    cashed_total = None if paid_out is None else sum(p.cashed or 0 for p in peers)
    return Earnings(
        earned=earned, cashed=cashed_total,
        pending=None if cashed_total is None else earned - cashed_total,
        unpaid=sum(max(0, p.value - p.cheques - p.unchecked) for p in peers),
        bytes_sold=sum(p.bytes for p in peers), sold_value=sum(p.value for p in peers),
        peers=tuple(peers), unchecked=sum(p.unchecked for p in peers))


def spending(ledger: RequesterLedger, paid_out: Mapping[str, int] | None = None) -> Spending:
    """Totals of a requester ledger; ``paid_out`` maps provider -> amount it cashed."""
    peers = []
    for key, account in sorted(ledger.accounts().items(), key=lambda kv: kv[0].beneficiary):
        cashed = None if paid_out is None else paid_out.get(key.beneficiary, 0)
        peers.append(PeerAccount(key.beneficiary, account.bytes, account.owed, account.cum,
                                 cashed))
    return Spending(spent=sum(p.cheques for p in peers),
                    owed=sum(max(0, p.value - p.cheques) for p in peers),
                    bytes_bought=sum(p.bytes for p in peers),
                    bought_value=sum(p.value for p in peers), peers=tuple(peers))
