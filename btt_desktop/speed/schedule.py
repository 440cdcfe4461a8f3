"""When each of the Speed service's periodic jobs runs next (one clock, typed jobs)."""

from __future__ import annotations

from enum import Enum


class Job(Enum):
    DISCOVER = "discover"   # dial the Speed port of peers that advertise one
    VAULT = "vault"         # read our vault's balance and what providers cashed
    ROUND = "round"         # the provider's auction round
    CASH = "cash"           # automatic cash-out of cheques held
    FLUSH = "flush"         # write the requester's byte counters
    SEED_RULE = "seed rule" # keep earning torrents seeding (seed to earn)


class Schedule:
    """Due times of the jobs; :meth:`due` answers and re-arms in one step."""

    def __init__(self, now: float, first: dict[Job, float]) -> None:
        self._at = {job: now + first.get(job, 0.0) for job in Job}
        self._last: dict[Job, float] = {}

    def bring_forward(self, job: Job, now: float, *, not_before: float) -> None:
        """Make ``job`` due now, unless it ran less than ``not_before`` seconds ago
        — then as soon as that much time has passed."""
        last = self._last.get(job)
        earliest = now if last is None else max(now, last + not_before)
        self._at[job] = min(self._at[job], earliest)

    def due(self, job: Job, now: float, every: float) -> bool:
        """True when ``job`` is due at ``now``; it is then next due ``every`` seconds on."""
        if now < self._at[job]:
            return False
        self._at[job] = now + every
        self._last[job] = now
        return True
