"""When cashing a cheque pays off, and what a cash-out did.

Cashing costs TRX (energy and bandwidth, about 3-6 TRX on mainnet) and pays BTT, so the
two are compared through a BTT-per-TRX rate the user sets (Speed settings; there is no
price feed). A cheque is cashed automatically only when its uncashed part is worth at
least ``multiple`` times the estimated fee; one whose vault is leaving (a withdrawal
announced) is cashed as soon as it is worth more than the fee.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from btt_desktop.speed.vault import CallQuote

SUN_PER_TRX = 1_000_000
# a later cheque to a known beneficiary: 44,004 energy at 100 sun, plus about 350 bytes of
# bandwidth at 1,000 sun (docs/vault-contract.md); what the settings page shows
TYPICAL_CASH_FEE_SUN = 4_750_000


@dataclass(frozen=True)
class FeeRule:
    btt_per_trx: int   # BTT base units one TRX is worth (the user's rate)
    multiple: int      # cash when the amount is worth this many fees

    def fee_in_btt(self, fee_sun: int) -> int:
        """``fee_sun`` expressed in BTT base units at the user's rate (rounded up)."""
        return -(-fee_sun * self.btt_per_trx // SUN_PER_TRX)

    def threshold(self, fee_sun: int) -> int:
        """The smallest uncashed amount (base units) worth cashing for that fee."""
        return self.multiple * self.fee_in_btt(fee_sun)

    def worth(self, amount: int, fee_sun: int, *, leaving: bool = False) -> bool:
        if leaving:
            return amount > self.fee_in_btt(fee_sun)
        return amount >= self.threshold(fee_sun)


@dataclass
class CashPlan:
    """What cashing every good cheque now would do, before anything is sent."""

    due: int = 0                                   # uncashed BTT the vaults would pay
    quote: CallQuote | None = None                 # the fee of cashing it all; None: nothing
    refused: dict[str, str] = field(default_factory=dict)   # vault -> why it would revert


@dataclass
class CashReport:
    """The outcome of one cash-out run (amounts in BTT base units, fees in sun)."""

    paid: int = 0                                  # paidOut grew by this much, per the chain
    fee_sun: int = 0                               # burnt by our transactions
    txids: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)   # vault -> why it would revert
    waiting: dict[str, int] = field(default_factory=dict)   # vault -> uncashed, below the rule
    error: str = ""                                # a transaction that failed, in one line
