"""Immutable snapshots the wallet service hands to the GUI and the CLI (no secrets inside)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import StrEnum

from btt_desktop.wallet.amounts import BTT_DECIMALS, TRX_DECIMALS, format_amount
from btt_desktop.wallet.chain import ChainBalances, FeeEstimate
from btt_desktop.wallet.networks import Network
from btt_desktop.wallet.walletfile import Account, WalletKind


class WalletState(StrEnum):
    NONE = "none"            # no wallet in this profile yet
    LOCKED = "locked"        # a wallet with a secret, password not entered
    UNLOCKED = "unlocked"    # secrets decrypted in memory: can sign
    WATCH_ONLY = "watch"     # an address without a key: balances only


@dataclass(frozen=True)
class WalletInfo:
    state: WalletState
    kind: WalletKind | None
    wallet_id: str | None
    accounts: tuple[Account, ...]
    current: Account | None
    network: str                   # network name
    network_id: str | None         # Speed network id when known
    has_recovery_phrase: bool
    remembered: bool               # the password is kept in the OS keyring

    @property
    def address(self) -> str | None:
        return self.current.address if self.current else None

    @property
    def can_send(self) -> bool:
        return self.state is WalletState.UNLOCKED


@dataclass(frozen=True)
class BalanceSnapshot:
    """Balances of one address on one network, as of ``refreshed_at``.

    When the last refresh failed, the amounts are the last known ones (or None if never
    known) and ``stale_reason`` says why ("node unreachable: http://...").
    """

    address: str
    network: str
    trx: int | None               # sun
    btt: int | None               # BTT base units (18 decimals)
    refreshed_at: float | None    # unix time of the last successful refresh
    stale_reason: str | None = None
    btt_unavailable: str | None = None  # why BTT is not shown on this network
    activated: bool | None = None

    @classmethod
    def fresh(cls, address: str, network: Network, balances: ChainBalances) -> BalanceSnapshot:
        """What the node just answered."""
        return cls(address=address, network=network.name, trx=balances.trx, btt=balances.btt,
                   refreshed_at=time.time(), stale_reason=None,
                   btt_unavailable=network.btt_missing_reason if balances.btt is None else None,
                   activated=balances.activated)

    @classmethod
    def stale(cls, address: str, network: Network, previous: BalanceSnapshot | None,
              reason: str) -> BalanceSnapshot:
        """The last known amounts (``previous``, of the same address and network, or
        None), marked stale with ``reason``."""
        return cls(address=address, network=network.name,
                   trx=previous.trx if previous else None,
                   btt=previous.btt if previous else None,
                   refreshed_at=previous.refreshed_at if previous else None,
                   stale_reason=reason, btt_unavailable=network.btt_missing_reason,
                   activated=previous.activated if previous else None)

    @property
    def is_stale(self) -> bool:
        return self.stale_reason is not None

    @property
    def trx_display(self) -> str | None:
        return None if self.trx is None else format_amount(self.trx, TRX_DECIMALS)

    @property
    def btt_display(self) -> str | None:
        return None if self.btt is None else format_amount(self.btt, BTT_DECIMALS)


@dataclass(frozen=True)
class SendQuote:
    """A checked transfer, ready to confirm: the GUI shows it, then calls ``send(quote)``."""

    from_address: str
    account_index: int
    to: str
    token: str           # "TRX" or "BTT"
    decimals: int
    amount: int          # base units
    fee: FeeEstimate
    network: str

    @property
    def amount_display(self) -> str:
        return format_amount(self.amount, self.decimals)


@dataclass(frozen=True)
class TransferUpdate:
    """Progress of one send: building, signed, broadcast, pending, confirmed or failed."""

    request_id: int
    state: str
    txid: str | None
    token: str
    amount: int
    to: str
    message: str | None = None   # the one-line error when state == "failed"


@dataclass(frozen=True)
class RememberedUnlock:
    unlocked: bool
    reason: str | None = None    # why the remembered password could not be used
