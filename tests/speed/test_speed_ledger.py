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

from btt_desktop.speed.cheque import Cheque, ChequeDomain, sign_cheque
from btt_desktop.speed.errors import ChequeRejected, LedgerError
from btt_desktop.speed.ledger import MIB, ProviderLedger, RequesterLedger, VaultView
from tests.speed.speed_keys import CHAIN_ID, DOMAIN, NET, OTHER_CONTRACT, address, signer
from tests.speed.test_speed_cheque import v1_digest

PAYER, PROVIDER = signer(1), address(2)
VAULT = PAYER.address  # a vault is named by its owner
RICH = VaultView(balance=10**30, paid_out=0)
CHILD = Path(__file__).with_name("ledger_crash_child.py")


def test_requester_signs_only_what_was_received(tmp_path: Path) -> None:
    ledger = RequesterLedger(tmp_path / "r.json", NET, PAYER.address, DOMAIN)
    ledger.record_received(PROVIDER, MIB // 2, 1000)  # worth 500
    assert ledger.draw_cheque(PAYER, PROVIDER, increment=1000) is None
    ledger.record_received(PROVIDER, MIB // 2 + 10, 1000)  # now 1000.0095...
    cheque = ledger.draw_cheque(PAYER, PROVIDER, increment=1000)
    assert cheque is not None and cheque.cum == 1000 and cheque.signer() == PAYER.address
    assert ledger.draw_cheque(PAYER, PROVIDER, increment=1) is None  # nothing new owed
    # reopened from disk: the same cheque comes back for re-sending
    again = RequesterLedger(tmp_path / "r.json", NET, PAYER.address, DOMAIN)
    assert again.last_cheque(PROVIDER) == cheque
    assert again.promised() == 1000


def test_requester_refuses_foreign_signer_and_other_network(tmp_path: Path) -> None:
    ledger = RequesterLedger(tmp_path / "r.json", NET, PAYER.address, DOMAIN)
    ledger.record_received(PROVIDER, MIB, 5)
    with pytest.raises(LedgerError):
        ledger.draw_cheque(signer(7), PROVIDER, 1)
    cheque = ledger.draw_cheque(PAYER, PROVIDER, 1)
    assert cheque is not None and cheque.domain == DOMAIN
    # the file belongs to one network, vault contract (chain id + address) and owner
    for net, me, domain in (("mainnet", PAYER.address, DOMAIN),
                            (NET, PAYER.address, ChequeDomain(CHAIN_ID, OTHER_CONTRACT)),
                            (NET, PAYER.address, ChequeDomain(CHAIN_ID + 1, DOMAIN.contract)),
                            (NET, address(8), DOMAIN)):
        with pytest.raises(LedgerError, match="another network, vault contract or address"):
            RequesterLedger(tmp_path / "r.json", net, me, domain)
    with pytest.raises(LedgerError, match="not a Speed provider ledger"):
        ProviderLedger(tmp_path / "r.json", NET, PAYER.address, DOMAIN)
    assert RequesterLedger(tmp_path / "r.json", NET, PAYER.address, DOMAIN).last_cheque(
        PROVIDER) == cheque


def test_a_version_1_ledger_file_is_refused_in_one_line(tmp_path: Path) -> None:
    """A ledger written by version 1 (format 1, no vault contract) is not mixed with
    version 2 cheques: the paths differ, and the file itself is refused if named."""
    (tmp_path / "r.json").write_text(json.dumps({
        "format": 1, "role": "requester", "net": NET, "me": PAYER.address, "accounts": {}}))
    with pytest.raises(LedgerError) as info:
        RequesterLedger(tmp_path / "r.json", NET, PAYER.address, DOMAIN)
    assert "\n" not in str(info.value) and "not a Speed requester ledger" in str(info.value)


def test_damaged_file_is_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text("{not json")
    with pytest.raises(LedgerError, match="damaged"):
        RequesterLedger(tmp_path / "r.json", NET, PAYER.address, DOMAIN)


def provider_ledger(tmp_path: Path) -> ProviderLedger:
    return ProviderLedger(tmp_path / "p.json", NET, PROVIDER, DOMAIN)


def test_provider_accepts_growing_cheques_and_persists(tmp_path: Path) -> None:
    ledger = provider_ledger(tmp_path)
    for cum in (100, 250, 900):
        ledger.accept_cheque(sign_cheque(PAYER, DOMAIN, VAULT, PROVIDER, cum), PAYER.address, RICH)
    best = provider_ledger(tmp_path).best_cheque(VAULT)
    assert best is not None and best.cum == 900 and best.signer() == PAYER.address


@pytest.mark.parametrize(("make", "view", "why"), [
    (lambda: sign_cheque(signer(9), DOMAIN, VAULT, PROVIDER, 500), RICH, "not signed"),  # forged
    (lambda: sign_cheque(signer(9), DOMAIN, address(9), PROVIDER, 500), RICH, "another peer"),
    (lambda: sign_cheque(PAYER, DOMAIN, VAULT, address(3), 500), RICH, "someone else"),
    (lambda: sign_cheque(PAYER, ChequeDomain(CHAIN_ID, OTHER_CONTRACT), VAULT, PROVIDER, 500),
     RICH, "another vault contract"),
    (lambda: sign_cheque(PAYER, ChequeDomain(CHAIN_ID + 1, DOMAIN.contract), VAULT, PROVIDER,
                         500), RICH, "another vault contract"),
    (lambda: sign_cheque(PAYER, DOMAIN, VAULT, PROVIDER, 200), RICH, "does not grow"),  # decreasing
    (lambda: sign_cheque(PAYER, DOMAIN, VAULT, PROVIDER, 300), RICH, "does not grow"),  # replay
    (lambda: sign_cheque(PAYER, DOMAIN, VAULT, PROVIDER, 500),
     VaultView(balance=199, paid_out=300), "cover"),  # unfunded
])
def test_provider_rejects(tmp_path: Path, make: object, view: VaultView, why: str) -> None:
    ledger = provider_ledger(tmp_path)
    ledger.accept_cheque(sign_cheque(PAYER, DOMAIN, VAULT, PROVIDER, 300), PAYER.address, RICH)
    cheque: Cheque = make()  # type: ignore[operator]
    with pytest.raises(ChequeRejected, match=why):
        ledger.accept_cheque(cheque, PAYER.address, view)
    if cheque.domain != DOMAIN:  # as it arrives on a connection: read with our domain
        arrived = Cheque.from_message(DOMAIN, cheque.to_message())
        with pytest.raises(ChequeRejected, match="not signed by the vault's owner"):
            ledger.accept_cheque(arrived, PAYER.address, view)
    assert provider_ledger(tmp_path).get(ledger.key(VAULT)).cum == 300


V1_REFUSAL = ("cheque is in the old version 1 format, which the vault contract does not pay: "
              "the peer must upgrade")


def test_provider_refuses_a_version_1_cheque_saying_why(tmp_path: Path) -> None:
    ledger = provider_ledger(tmp_path)
    old = Cheque(DOMAIN, VAULT, PROVIDER, 500, PAYER.sign_digest(v1_digest(NET, VAULT,
                                                                           PROVIDER, 500)))
    with pytest.raises(ChequeRejected) as info:
        ledger.accept_cheque(old, PAYER.address, RICH)
    assert str(info.value) == V1_REFUSAL
    assert provider_ledger(tmp_path).best_cheque(VAULT) is None
    # a v1 cheque for another network is just a bad signature
    other = Cheque(DOMAIN, VAULT, PROVIDER, 500, PAYER.sign_digest(v1_digest(
        "devnet:elsewhere", VAULT, PROVIDER, 500)))
    with pytest.raises(ChequeRejected, match=r"^cheque is not signed by the vault's owner$"):
        ledger.accept_cheque(other, PAYER.address, RICH)


def test_exactly_covered_cheque_accepted(tmp_path: Path) -> None:
    ledger = provider_ledger(tmp_path)
    cheque = sign_cheque(PAYER, DOMAIN, VAULT, PROVIDER, 500)
    ledger.accept_cheque(cheque, PAYER.address, VaultView(balance=200, paid_out=300))


def test_credit_limit(tmp_path: Path) -> None:
    ledger = provider_ledger(tmp_path)
    ledger.record_sent(VAULT, 3 * MIB, 1000)  # worth 3000
    assert not ledger.over_credit(VAULT, credit_bytes=3 * MIB, price=1000)
    assert ledger.over_credit(VAULT, credit_bytes=2 * MIB, price=1000)
    ledger.accept_cheque(sign_cheque(PAYER, DOMAIN, VAULT, PROVIDER, 1000), PAYER.address, RICH)
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
    final = RequesterLedger(tmp_path / "requester.json", NET, PAYER.address, DOMAIN)
    last = final.last_cheque(PROVIDER)
    assert last is not None and last.cum == highest  # nothing lost, nothing unaccounted


@pytest.mark.timeout(120)
def test_provider_crash_never_loses_an_acknowledged_cheque(tmp_path: Path) -> None:
    cheques = tmp_path / "cheques.jsonl"
    with cheques.open("w") as f:
        for cum in range(1000, 121_000, 1000):
            c = sign_cheque(PAYER, DOMAIN, VAULT, PROVIDER, cum)
            f.write(json.dumps({"cum": cum, "sig": c.sig.hex()}) + "\n")
    log = tmp_path / "acks.log"
    _run_killed(["provider", str(tmp_path), str(log), str(cheques)], log, kills=6, seed=2)
    acks = [r["cum"] for r in _read_log(log) if r["kind"] == "ack"]
    assert acks == sorted(set(acks))  # each cum accepted once, in order
    best = ProviderLedger(tmp_path / "provider.json", NET, PROVIDER, DOMAIN).best_cheque(VAULT)
    assert best is not None and best.cum == 120_000 == max(acks)
    assert len(acks) > 20


def test_the_provider_counts_what_each_torrent_earned_across_restarts(tmp_path: Path) -> None:
    ledger = ProviderLedger(tmp_path / "p.json", NET, PROVIDER, DOMAIN)
    film, song = bytes(range(20)), bytes(range(1, 21))
    price = 3 * 10**18  # base units per MiB
    ledger.record_sent(VAULT, 2 * MIB, price, film)
    ledger.record_sent(address(9), MIB // 2, price, film)
    ledger.record_sent(VAULT, MIB, price, song)
    ledger.record_sent(VAULT, MIB, price)  # no torrent named: the vault's total only
    assert ledger.torrent_earnings() == {film.hex(): 7 * 10**18 + 5 * 10**17,
                                         song.hex(): 3 * 10**18}
    ledger.flush()
    again = ProviderLedger(tmp_path / "p.json", NET, PROVIDER, DOMAIN)
    assert again.torrent_earnings() == ledger.torrent_earnings()
    assert again.get(again.key(VAULT)).value == 4 * MIB * price
