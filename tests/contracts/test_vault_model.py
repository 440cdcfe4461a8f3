"""Random sequences of deposits, announcements, withdrawals, cheques and batches against
the SpeedVault bytecode, checked step by step against a plain-Python model of its rules.

The model is the specification in docs/vault-contract.md: a vault's balance grows by
deposits and shrinks by cashed cheques and withdrawals; a cheque pays ``cum - paidOut``
if it is signed by the owner, above what was paid, and covered in full; a withdrawal
pays ``min(announced, balance)`` once the notice has run out. After every step the
contract's balances, paid-out records and token holdings must equal the model's, and
the token held by the vault must equal the sum of all vaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from tests.contracts.vault_rig import NOTICE, VaultWorld

USERS = ("alice", "bob", "carol")
CASH = "cash(address,address,uint256,bytes)"
BATCH = "cashBatch(address,address[],uint256[],bytes[])"
amounts = st.integers(min_value=0, max_value=50) | st.sampled_from([1, 10**6, 10**18])
users = st.sampled_from(USERS)


@dataclass
class Model:
    balance: dict[str, int] = field(default_factory=lambda: dict.fromkeys(USERS, 0))
    paid: dict[tuple[str, str], int] = field(default_factory=dict)
    announced: dict[str, tuple[int, int]] = field(default_factory=dict)
    wallet: dict[str, int] = field(default_factory=dict)

    def cash_amount(self, owner: str, to: str, cum: int) -> int | None:
        """What a cheque would pay, or None if the vault must refuse it."""
        already = self.paid.get((owner, to), 0)
        if cum <= already or cum - already > self.balance[owner]:
            return None
        return cum - already


class VaultMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.world = VaultWorld.make(users=USERS)
        self.model = Model()
        self.model.wallet = {u: self.world.token_balance(self.world.addr(u)) for u in USERS}

    def _a(self, name: str) -> bytes:
        return self.world.addr(name)

    @rule(who=users, amount=amounts)
    def deposit(self, who: str, amount: int) -> None:
        result = self.world.deposit(who, amount)
        assert result.ok == (amount > 0)
        if result.ok:
            self.model.balance[who] += amount
            self.model.wallet[who] -= amount

    @rule(who=users, amount=amounts)
    def announce(self, who: str, amount: int) -> None:
        result = self.world.m.raw(self._a(who), self.world.vault,
                                  "announceWithdrawal(uint256)", amount)
        assert result.ok == (amount <= self.model.balance[who])
        if result.ok:
            ready = self.world.m.now + NOTICE if amount else 0
            self.model.announced[who] = (amount, ready)

    @rule(seconds=st.sampled_from([1, NOTICE // 2, NOTICE, 2 * NOTICE]))
    def wait(self, seconds: int) -> None:
        self.world.m.now += seconds

    @rule(who=users)
    def withdraw(self, who: str) -> None:
        result = self.world.m.raw(self._a(who), self.world.vault, "withdraw()")
        amount, ready = self.model.announced.get(who, (0, 0))
        expected_ok = amount > 0 and self.world.m.now >= ready
        assert result.ok == expected_ok
        if expected_ok:
            paid = min(amount, self.model.balance[who])
            self.model.balance[who] -= paid
            self.model.wallet[who] += paid
            self.model.announced[who] = (0, 0)

    @rule(owner=users, to=users, caller=users, step=amounts, signer=users)
    def cash(self, owner: str, to: str, caller: str, step: int, signer: str) -> None:
        cum = self.model.paid.get((owner, to), 0) + step
        sig = self.world.cheque(signer, self._a(to), cum, owner=owner)
        result = self.world.cash(self._a(caller), self._a(owner), self._a(to), cum, sig)
        pays = self.model.cash_amount(owner, to, cum) if signer == owner else None
        assert result.ok == (pays is not None), (owner, to, cum, signer)
        if pays is not None:
            self.model.balance[owner] -= pays
            self.model.paid[(owner, to)] = cum
            self.model.wallet[to] += pays

    @rule(to=users, owners=st.lists(users, min_size=1, max_size=3), steps=st.lists(
        amounts, min_size=3, max_size=3))
    def cash_batch(self, to: str, owners: list[str], steps: list[int]) -> None:
        cums, sigs = [], []
        trial = dict(self.model.paid)
        balance = dict(self.model.balance)
        ok, total = True, 0
        for owner, step in zip(owners, steps, strict=False):
            cum = trial.get((owner, to), 0) + step
            cums.append(cum)
            sigs.append(self.world.cheque(owner, self._a(to), cum))
            already = trial.get((owner, to), 0)
            if cum <= already or cum - already > balance[owner]:
                ok = False
                continue
            balance[owner] -= cum - already
            total += cum - already
            trial[(owner, to)] = cum
        result = self.world.m.raw(self._a(to), self.world.vault, BATCH, self._a(to),
                                  [self._a(o) for o in owners], cums, sigs)
        assert result.ok == ok
        if ok:
            self.model.paid, self.model.balance = trial, balance
            self.model.wallet[to] += total

    @invariant()
    def chain_equals_model(self) -> None:
        world, model = self.world, self.model
        for user in USERS:
            assert world.balance(self._a(user)) == model.balance[user]
            assert world.token_balance(self._a(user)) == model.wallet[user]
        for (owner, to), cum in model.paid.items():
            assert world.paid_out(self._a(owner), self._a(to)) == cum
        assert world.token_balance(world.vault) == sum(model.balance.values())


VaultMachine.TestCase.settings = settings(
    max_examples=100, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow])
TestVaultAgainstItsModel = VaultMachine.TestCase
