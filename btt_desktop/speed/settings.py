"""The user's Speed settings, persisted in ``<profile>/speed/settings.json``.

Amounts are BTT base units (integers); prices are per GiB here because that is what a
user reasons about, and are turned into the protocol's per-MiB rates where used.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace
from fractions import Fraction
from pathlib import Path
from typing import Any

from btt_desktop.atomicfile import read_with_backup, write_atomic
from btt_desktop.errors import SpeedError
from btt_desktop.speed.ledger import MIB
from btt_desktop.speed.settlement import FeeRule

BTT = 10**18
GIB_IN_MIB = 1024
SETTINGS_FILE = "settings.json"


@dataclass(frozen=True)
class SpeedSettings:
    """Everything a user can set about Speed (the GUI's settings page maps 1:1)."""

    # BTT Speed is opt-in: nothing is bought or sold, and no Speed port is open, until the
    # user turns buying or selling on (the window explains it first: ``introduced``)
    earn: bool = False                       # sell upload slots on seeded torrents
    auto_bid: bool = False                   # bid on downloading torrents
    introduced: bool = False                 # the user has read what BTT Speed does
    # keep buying and selling after the wallet locks (the window keeps a copy of the
    # account's signing key in memory); otherwise a lock pauses BTT Speed
    run_while_locked: bool = False
    # The defaults are explained in docs/speed.md ("Prices"): at about 400,000 BTT a TRX,
    # a GiB sells for at least 40,000 BTT (0.1 TRX) and a bidder pays at most 200,000.
    max_price_per_gib: int = 200_000 * BTT   # the most a bid may offer, per GiB
    max_spend_per_day: int = 2_000_000 * BTT  # all cheques signed in one UTC day
    spending_rate: float = 0.5               # share of the spendable vault balance per torrent
    reserve_price_per_gib: int = 40_000 * BTT  # no sale below this, per GiB
    slots: int = 4                           # winners per torrent per round
    cash_threshold: int = 1_000_000 * BTT    # cash a vault's cheque once this much is uncashed
    keep_seeding_per_hour: int = 10_000 * BTT  # keep a finished torrent seeding while it
                                               # earns this much an hour (0: no such rule)
    cash_fee_multiple: int = 10              # ... and it is worth this many cash-out fees
    btt_per_trx: int = 400_000 * BTT         # the user's rate for comparing fees (TRX) to BTT
    round_seconds: float = 10.0
    credit_bytes: int = 8 * MIB              # what a winner may owe before paying
    port: int = 0                            # Speed TCP port; 0 picks a free one
    winner_priority: int = 60                # upload priority of winners (others have 1)
    disabled_torrents: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not 0 <= self.spending_rate <= 1:
            raise SpeedError("the spending rate must be between 0 and 1")
        for name in ("max_price_per_gib", "max_spend_per_day", "reserve_price_per_gib",
                     "cash_threshold", "credit_bytes", "cash_fee_multiple",
                     "keep_seeding_per_hour"):
            if getattr(self, name) < 0:
                raise SpeedError(f"{name.replace('_', ' ')} must not be negative")
        if self.btt_per_trx <= 0:
            raise SpeedError("the BTT per TRX rate must be positive")
        if not 0 <= self.slots <= 64:
            raise SpeedError("Speed slots must be between 0 and 64")
        if not 0 <= self.port <= 65535:
            raise SpeedError(f"bad Speed port: {self.port}")
        if not 1 <= self.winner_priority <= 255:
            raise SpeedError("the winners' priority must be between 1 and 255")
        if self.round_seconds < 0.5:
            raise SpeedError("a Speed round lasts at least 0.5 s")

    @property
    def fee_rule(self) -> FeeRule:
        """When automatic cash-outs pay off (see :mod:`btt_desktop.speed.settlement`)."""
        return FeeRule(btt_per_trx=self.btt_per_trx, multiple=self.cash_fee_multiple)

    @property
    def reserve_per_mib(self) -> int:
        return self.reserve_price_per_gib // GIB_IN_MIB

    @property
    def spending_fraction(self) -> Fraction:
        return Fraction(str(self.spending_rate)).limit_denominator(10_000)

    def torrent_enabled(self, torrent_id: str) -> bool:
        return torrent_id not in self.disabled_torrents

    def with_torrent(self, torrent_id: str, enabled: bool) -> SpeedSettings:
        off = set(self.disabled_torrents)
        if enabled:
            off.discard(torrent_id)
        else:
            off.add(torrent_id)
        return replace(self, disabled_torrents=frozenset(off))

    def to_json(self) -> bytes:
        data: dict[str, Any] = asdict(self)
        data["disabled_torrents"] = sorted(self.disabled_torrents)
        for name in ("max_price_per_gib", "max_spend_per_day", "reserve_price_per_gib",
                     "cash_threshold", "btt_per_trx", "keep_seeding_per_hour"):
            data[name] = str(data[name])  # exact, whatever reads the JSON
        return json.dumps(data, indent=1).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> SpeedSettings:
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError
            known = {f.name: f for f in fields(cls)}
            values: dict[str, Any] = {}
            defaults = cls()
            for name, value in data.items():
                if name not in known:
                    continue
                default = getattr(defaults, name)
                if isinstance(default, frozenset):
                    values[name] = frozenset(str(v) for v in value)
                elif isinstance(default, bool):
                    values[name] = bool(value)
                elif isinstance(default, int):
                    values[name] = int(value)
                else:
                    values[name] = float(value)
            if "introduced" not in data:
                # written before Speed was opt-in: its switches hold old defaults, not a choice
                values["earn"] = values["auto_bid"] = False
            return cls(**values)
        except (ValueError, TypeError):
            raise SpeedError("the Speed settings file is damaged") from None


def load_settings(speed_dir: Path) -> SpeedSettings:
    raw = read_with_backup(speed_dir / SETTINGS_FILE)
    return SpeedSettings() if raw is None else SpeedSettings.from_json(raw)


def save_settings(speed_dir: Path, settings: SpeedSettings) -> None:
    write_atomic(speed_dir / SETTINGS_FILE, settings.to_json())
