from __future__ import annotations

import contextlib
import json
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from btt_desktop.speed.cheque import Cheque, sign_cheque
from btt_desktop.speed.errors import ChequeRejected, LedgerError
from btt_desktop.speed.ledger import MIB, ProviderLedger, RequesterLedger, VaultView
from tests.speed.speed_keys import NET, address, signer

PAYER, PROVIDER = signer(1), address(2)
VAULT = PAYER.address  # a vault is named by its owner
RICH = VaultView(balance=10**30, paid_out=0)
CHILD = Path(__file__).with_name("ledger_crash_child.py")


def test_requester_signs_only_what_was_received(tmp_path: Path) -> None:
    ledger = RequesterLedger(tmp_path / "r.json", NET, PAYER.address)
    ledger.record_received(PROVIDER, MIB // 2, 1000)  # worth 500
    assert ledger.draw_cheque(PAYER, PROVIDER, increment=1000) is None
    ledger.record_received(PROVIDER, MIB // 2 + 10, 1000)  # now 1000.0095...
    cheque = ledger.draw_cheque(PAYER, PROVIDER, increment=1000)
    assert cheque is not None and cheque.cum == 1000 and cheque.signer() == PAYER.address
    assert ledger.draw_cheque(PAYER, PROVIDER, increment=1) is None  # nothing new owed
    # reopened from disk: the same cheque comes back for re-sending
    again = RequesterLedger(tmp_path / "r.json", NET, PAYER.address)
    assert again.last_cheque(PROVIDER) == cheque
    assert again.promised() == 1000


def test_requester_refuses_foreign_signer_and_other_network(tmp_path: Path) -> None:
    ledger = RequesterLedger(tmp_path / "r.json", NET, PAYER.address)
    ledger.record_received(PROVIDER, MIB, 5)
    with pytest.raises(LedgerError):
        ledger.draw_cheque(signer(7), PROVIDER, 1)
    assert ledger.draw_cheque(PAYER, PROVIDER, 1) is not None
    with pytest.raises(LedgerError, match="another network"):
        RequesterLedger(tmp_path / "r.json", "mainnet", PAYER.address)


def test_damaged_file_is_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text("{not json")
    with pytest.raises(LedgerError, match="damaged"):
        RequesterLedger(tmp_path / "r.json", NET, PAYER.address)


def provider_ledger(tmp_path: Path) -> ProviderLedger:
    return ProviderLedger(tmp_path / "p.json", NET, PROVIDER)


def test_provider_accepts_growing_cheques_and_persists(tmp_path: Path) -> None:
    ledger = provider_ledger(tmp_path)
    for cum in (100, 250, 900):
        ledger.accept_cheque(sign_cheque(PAYER, NET, VAULT, PROVIDER, cum), PAYER.address, RICH)
    best = provider_ledger(tmp_path).best_cheque(VAULT)
    assert best is not None and best.cum == 900 and best.signer() == PAYER.address


@pytest.mark.parametrize(("make", "view", "why"), [
    (lambda: sign_cheque(signer(9), NET, VAULT, PROVIDER, 500), RICH, "not signed"),  # forged
    (lambda: sign_cheque(signer(9), NET, address(9), PROVIDER, 500), RICH, "another peer"),
    (lambda: sign_cheque(PAYER, NET, VAULT, address(3), 500), RICH, "someone else"),
    (lambda: sign_cheque(PAYER, "mainnet", VAULT, PROVIDER, 500), RICH, "network"),
    (lambda: sign_cheque(PAYER, NET, VAULT, PROVIDER, 200), RICH, "does not grow"),  # decreasing
    (lambda: sign_cheque(PAYER, NET, VAULT, PROVIDER, 300), RICH, "does not grow"),  # replay
    (lambda: sign_cheque(PAYER, NET, VAULT, PROVIDER, 500),
     VaultView(balance=199, paid_out=300), "cover"),  # unfunded
])
def test_provider_rejects(tmp_path: Path, make: object, view: VaultView, why: str) -> None:
    ledger = provider_ledger(tmp_path)
    ledger.accept_cheque(sign_cheque(PAYER, NET, VAULT, PROVIDER, 300), PAYER.address, RICH)
    cheque: Cheque = make()  # type: ignore[operator]
    if cheque.net != NET:  # a cheque that arrived on a connection of our network
        cheque = Cheque(net=NET, vault=cheque.vault, to=cheque.to, cum=cheque.cum,
                        sig=cheque.sig)
        why = "not signed"  # its signature covers the other network: recovers someone else
    with pytest.raises(ChequeRejected, match=why):
        ledger.accept_cheque(cheque, PAYER.address, view)
    assert provider_ledger(tmp_path).get(ledger.key(VAULT)).cum == 300


def test_exactly_covered_cheque_accepted(tmp_path: Path) -> None:
    ledger = provider_ledger(tmp_path)
    cheque = sign_cheque(PAYER, NET, VAULT, PROVIDER, 500)
    ledger.accept_cheque(cheque, PAYER.address, VaultView(balance=200, paid_out=300))


def test_credit_limit(tmp_path: Path) -> None:
    ledger = provider_ledger(tmp_path)
    ledger.record_sent(VAULT, 3 * MIB, 1000)  # worth 3000
    assert not ledger.over_credit(VAULT, credit_bytes=3 * MIB, price=1000)
    assert ledger.over_credit(VAULT, credit_bytes=2 * MIB, price=1000)
    ledger.accept_cheque(sign_cheque(PAYER, NET, VAULT, PROVIDER, 1000), PAYER.address, RICH)
    assert not ledger.over_credit(VAULT, credit_bytes=2 * MIB, price=1000)


def _read_log(log: Path) -> list[dict[str, Any]]:
    if not log.exists():
        return []
    records = []
    for line in log.read_text().splitlines():
        with contextlib.suppress(ValueError):  # a line torn by the kill was never "sent"
            records.append(json.loads(line))
    return records


def _run_killed(args: list[str], log: Path, kills: int, seed: int) -> None:
    """Start the child ``kills`` times and SIGKILL it after a random delay, then let it end."""
    rng = random.Random(seed)
    for _ in range(kills):
        before = len(_read_log(log))
        proc = subprocess.Popen([sys.executable, str(CHILD), *args])
        deadline = time.monotonic() + 20
        # wait until it made progress (imports are slow under load), then kill at random
        while len(_read_log(log)) <= before and time.monotonic() < deadline:
            if proc.poll() is not None:
                break
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.15))
        proc.kill()
        proc.wait()
    subprocess.run([sys.executable, str(CHILD), *args], check=True, timeout=60)


@pytest.mark.timeout(120)
def test_requester_crash_never_signs_a_cum_twice(tmp_path: Path) -> None:
    log = tmp_path / "wire.log"
    _run_killed(["requester", str(tmp_path), str(log), "150"], log, kills=6, seed=1)
    records = _read_log(log)
    new = [r for r in records if r["kind"] == "new"]
    assert len(new) > 20
    assert sum(r["kind"] == "resend" for r in records) >= 3  # it was killed after signing
    highest = 0
    for r in records:
        if r["kind"] == "new":  # freshly signed: strictly above anything ever sent
            assert isinstance(r["cum"], int) and r["cum"] > highest, "a cum was signed twice"
            assert r["cum"] <= r["owed"]  # never above what was received x price
            highest = r["cum"]
        elif r["kind"] == "resend":  # the last cheque again, possibly one the kill kept unsent
            assert isinstance(r["cum"], int) and r["cum"] >= highest
            highest = r["cum"]
    final = RequesterLedger(tmp_path / "requester.json", NET, PAYER.address)
    last = final.last_cheque(PROVIDER)
    assert last is not None and last.cum == highest  # nothing lost, nothing unaccounted


@pytest.mark.timeout(120)
def test_provider_crash_never_loses_an_acknowledged_cheque(tmp_path: Path) -> None:
    cheques = tmp_path / "cheques.jsonl"
    with cheques.open("w") as f:
        for cum in range(1000, 121_000, 1000):
            c = sign_cheque(PAYER, NET, VAULT, PROVIDER, cum)
            f.write(json.dumps({"cum": cum, "sig": c.sig.hex()}) + "\n")
    log = tmp_path / "acks.log"
    _run_killed(["provider", str(tmp_path), str(log), str(cheques)], log, kills=6, seed=2)
    acks = [r["cum"] for r in _read_log(log) if r["kind"] == "ack"]
    assert acks == sorted(set(acks))  # each cum accepted once, in order
    best = ProviderLedger(tmp_path / "provider.json", NET, PROVIDER).best_cheque(VAULT)
    assert best is not None and best.cum == 120_000 == max(acks)
    assert len(acks) > 20
