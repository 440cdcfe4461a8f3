"""``btt wallet`` end to end: real subprocesses, real scrypt cost, a real devnet node."""

from __future__ import annotations

import asyncio
import json
import os
import pty
import select
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from tronpy.keys import PrivateKey

from btt_desktop.wallet import keystore
from tests.devnet_process import devnet_process, faucet

pytestmark = pytest.mark.timeout(120)

ABANDON = "abandon " * 11 + "about"
ADDRESS_0 = "TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH"
KEY_0 = "b5a4cea271ff424d7c31dc12a3e43e401df7a40d7412a15750f3f0b6b5449a28"
PASSWORD = "cli password 1"


def btt(profile: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "btt_desktop.cli", "--profile", str(profile),
                           "wallet", *args], input=stdin, capture_output=True, text=True,
                          timeout=90)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def one_error_line(result: subprocess.CompletedProcess[str], *, notes: int = 0) -> str:
    """The error line of a failed command (after ``notes`` progress lines on stderr)."""
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == notes + 1 and lines[-1].startswith("btt: error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[-1].removeprefix("btt: error: ")


@pytest.fixture(scope="module")
def known(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A profile restored once from the "abandon ... about" phrase (scrypt is slow)."""
    profile = tmp_path_factory.mktemp("known")
    out = ok(btt(profile, "restore", "--password-stdin", stdin=f"{PASSWORD}\n{ABANDON}\n"))
    assert out == ADDRESS_0 + "\n"
    return profile


def test_restore_known_phrase_prints_known_address(known: Path) -> None:
    assert ok(btt(known, "address")) == ADDRESS_0 + "\n"
    data = (known / "wallet" / "wallet.json").read_bytes()
    for secret in ("abandon", "about", KEY_0, PASSWORD):
        assert secret.encode() not in data
    assert ok(btt(known, "export-key", "--password-stdin", stdin=PASSWORD + "\n")) == \
        KEY_0 + "\n"
    assert ok(btt(known, "export-seed", "--password-stdin", stdin=PASSWORD + "\n")) == \
        ABANDON.strip() + "\n"


def test_create_prints_the_words_once_and_they_restore_the_wallet(tmp_path: Path) -> None:
    created = btt(tmp_path / "a", "create", "--password-stdin", "--words", "24",
                  stdin=PASSWORD + "\n")
    words = ok(created).split()
    assert len(words) == 24 and created.stdout.count("\n") == 1
    assert "Write them down" in created.stderr and words[0] not in created.stderr
    address = created.stderr.rsplit("address: ", 1)[1].strip()
    assert ok(btt(tmp_path / "a", "address")) == address + "\n"
    restored = btt(tmp_path / "b", "restore", "--password-stdin",
                   stdin=f"other password\n{' '.join(words)}\n")
    assert ok(restored) == address + "\n"
    again = btt(tmp_path / "a", "create", "--password-stdin", stdin=PASSWORD + "\n")
    assert one_error_line(again).startswith("a wallet already exists in")


def test_wrong_password_and_bad_phrase_are_one_line(known: Path, tmp_path: Path) -> None:
    assert one_error_line(btt(known, "export-seed", "--password-stdin",
                              stdin="not it at all\n")) == "wrong password"
    bad = ABANDON.replace("about", "abuot")
    message = one_error_line(btt(tmp_path / "x", "restore", "--password-stdin",
                                 stdin=f"{PASSWORD}\n{bad}\n"))
    assert message == "word 12 of the recovery phrase not in the BIP39 English word list"
    assert one_error_line(btt(tmp_path / "y", "restore", "--password-stdin",
                              stdin=f"{PASSWORD}\n")).startswith("stdin ended before the "
                                                                 "recovery phrase")
    assert one_error_line(btt(tmp_path / "z", "restore", stdin="")) == \
        "no password: pass --password-stdin or run in a terminal"


def test_private_key_keystore_and_watch_restores(tmp_path: Path) -> None:
    out = ok(btt(tmp_path / "key", "restore", "--private-key-stdin", "--password-stdin",
                 stdin=f"{PASSWORD}\n0x{KEY_0}\n"))
    assert out == ADDRESS_0 + "\n"
    exported = tmp_path / "tronlink.json"
    ok(btt(tmp_path / "key", "export-key", "--keystore", str(exported), "--password-stdin",
           stdin=PASSWORD + "\n"))
    assert oct(exported.stat().st_mode & 0o777) == "0o600"
    assert keystore.import_private_key(exported.read_text(), PASSWORD).hex() == KEY_0
    assert json.loads(exported.read_text())["address"].startswith("41")
    out = ok(btt(tmp_path / "ks", "restore", "--keystore", str(exported), "--password-stdin",
                 stdin=PASSWORD + "\n"))
    assert out == ADDRESS_0 + "\n"
    watched = ok(btt(tmp_path / "watch", "restore", "--watch", ADDRESS_0))
    assert watched == ADDRESS_0 + "\n"
    assert one_error_line(btt(tmp_path / "watch", "send", ADDRESS_0, "1", "--network", "devnet",
                              "--node", "http://127.0.0.1:9", "--password-stdin",
                              stdin="x\n")) == \
        "this is a watch-only wallet: it holds no key and cannot send"
    assert one_error_line(btt(tmp_path / "ks", "export-seed", "--password-stdin",
                              stdin=PASSWORD + "\n")).startswith("this wallet has no recovery")


def read_until(fd: int, marker: bytes, deadline: float) -> bytes:
    seen = b""
    while marker not in seen:
        remaining = deadline - time.monotonic()
        assert remaining > 0, f"no {marker!r} in {seen!r}"
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            try:
                chunk = os.read(fd, 1024)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


def test_terminal_prompts_hide_the_input(tmp_path: Path) -> None:
    """Without --password-stdin on a terminal, getpass asks (and does not echo)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: btt on the pseudo-terminal
        os.execv(sys.executable, [sys.executable, "-m", "btt_desktop.cli", "--profile",
                                  str(tmp_path), "wallet", "restore"])
    deadline = time.monotonic() + 60
    try:
        read_until(fd, b"New wallet password: ", deadline)
        os.write(fd, PASSWORD.encode() + b"\n")
        read_until(fd, b"Repeat the password: ", deadline)
        os.write(fd, PASSWORD.encode() + b"\n")
        read_until(fd, b"Recovery phrase: ", deadline)
        os.write(fd, ABANDON.encode() + b"\n")
        rest = read_until(fd, ADDRESS_0.encode(), deadline)
        assert b"abandon" not in rest and PASSWORD.encode() not in rest  # nothing echoed
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0


@pytest.fixture(scope="module")
def devnet_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet")) as url:
        yield url


def balance(profile: Path, url: str) -> dict[str, str]:
    out = ok(btt(profile, "balance", "--json", "--network", "devnet", "--node", url))
    data: dict[str, str] = json.loads(out)
    return data


def test_devnet_balance_and_sends(known: Path, tmp_path: Path, devnet_url: str) -> None:
    net = ["--network", "devnet", "--node", devnet_url]
    start = balance(known, devnet_url)
    faucet(devnet_url, ADDRESS_0, trx=30, btt="20.5")
    after = balance(known, devnet_url)
    assert Decimal(after["trx"]) - Decimal(start["trx"]) == 30
    assert Decimal(after["btt"]) - Decimal(start["btt"]) == Decimal("20.5")
    assert after["address"] == ADDRESS_0 and after["network"] == "devnet"
    text = ok(btt(known, "balance", *net))
    assert text == f"TRX {after['trx']}\nBTT {after['btt']}\n"

    friend = str(PrivateKey.random().public_key.to_base58check_address())
    ok(btt(tmp_path / "friend", "restore", "--watch", friend))
    # a script (no terminal) must say --yes: without it nothing is signed or sent
    unasked = btt(known, "send", friend, "7.25", "--token", "BTT", *net,
                  "--password-stdin", stdin=PASSWORD + "\n")
    assert unasked.returncode == 1 and unasked.stdout == ""
    *summary, last = unasked.stderr.strip().splitlines()
    assert last == "btt: error: nothing was sent: confirm with --yes when not at a terminal"
    assert summary[0].startswith(f"sending 7.25 BTT from {ADDRESS_0} to {friend} on devnet; "
                                 f"estimated fee ")
    assert summary[1] == "a transfer cannot be undone"
    assert balance(known, devnet_url) == after

    sent = btt(known, "send", friend, "7.25", "--token", "BTT", *net, "--yes",
               "--password-stdin", stdin=PASSWORD + "\n")
    txid = ok(sent).strip()
    assert len(txid) == 64 and f"confirmed: {txid}" in sent.stderr
    assert "estimated fee" in sent.stderr
    sent_trx = btt(known, "send", friend, "2", "--token", "TRX", *net, "--yes", "--json",
                   "--password-stdin", stdin=PASSWORD + "\n")
    doc = json.loads(ok(sent_trx))
    assert doc["result"] == "confirmed" and len(doc["txid"]) == 64 and doc["block"] > 0
    assert (doc["amount"], doc["amount_base_units"], doc["token"], doc["to"]) == (
        "2", "2000000", "TRX", friend)
    assert Decimal(doc["fee_trx"]) * 10**6 == doc["fee_sun"] >= 0
    theirs = balance(tmp_path / "friend", devnet_url)
    assert (theirs["btt"], theirs["trx"]) == ("7.25", "2")
    assert Decimal(balance(known, devnet_url)["trx"]) == (
        Decimal(after["trx"]) - 2 - Decimal(doc["fee_trx"]) - _fee_of(sent.stderr))

    too_much = btt(known, "send", friend, "1000", *net, "--password-stdin", "--yes",
                   stdin=PASSWORD + "\n")
    expected_have = Decimal(after["btt"]) - Decimal("7.25")
    assert one_error_line(too_much) == f"insufficient BTT balance: have {expected_have}, " \
                                       f"need 1000"
    wrong = btt(known, "send", friend, "1", *net, "--password-stdin", "--yes",
                stdin="bad password\n")
    assert one_error_line(wrong, notes=2) == "wrong password"  # after the "sending ..." lines
    assert balance(tmp_path / "friend", devnet_url)["btt"] == "7.25"


def test_send_on_a_terminal_asks_first(known: Path, tmp_path: Path, devnet_url: str) -> None:
    """At a terminal the summary and "Go ahead? [y/N]" come before the password; "n"
    sends nothing, "y" sends."""
    faucet(devnet_url, ADDRESS_0, trx=10)
    friend = str(PrivateKey.random().public_key.to_base58check_address())
    start = balance(known, devnet_url)

    def send(answer: bytes) -> tuple[int, bytes]:
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(sys.executable, [sys.executable, "-m", "btt_desktop.cli", "--profile",
                                      str(known), "wallet", "send", friend, "1", "--token",
                                      "TRX", "--network", "devnet", "--node", devnet_url])
        deadline = time.monotonic() + 60
        try:
            seen = read_until(fd, b"Go ahead? [y/N] ", deadline)
            os.write(fd, answer + b"\n")
            if answer == b"y":
                read_until(fd, b"password: ", deadline)
                os.write(fd, PASSWORD.encode() + b"\n")
            seen += read_until(fd, b"\n", deadline)
        finally:
            _, status = os.waitpid(pid, 0)
            os.close(fd)
        return os.waitstatus_to_exitcode(status), seen

    code, seen = send(b"n")
    assert code == 1 and b"a transfer cannot be undone" in seen
    assert balance(known, devnet_url)["trx"] == start["trx"]
    code, _ = send(b"y")
    assert code == 0
    theirs = ok(btt(tmp_path / "friend", "restore", "--watch", friend))
    assert theirs.strip() == friend
    assert balance(tmp_path / "friend", devnet_url)["trx"] == "1"


def _fee_of(stderr: str) -> Decimal:
    """The TRX in the "fee paid: ... TRX" line."""
    line = next(x for x in stderr.splitlines() if x.startswith("fee paid: "))
    return Decimal(line.split("fee paid: ", 1)[1].split(" TRX", 1)[0])


def test_node_down_is_one_line(tmp_path: Path) -> None:
    ok(btt(tmp_path, "restore", "--watch", ADDRESS_0))
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    result = btt(tmp_path, "balance", "--network", "devnet", "--node", url)
    assert one_error_line(result) == f"node unreachable: {url}"
    nile = btt(tmp_path, "balance", "--network", "nile", "--node", url, "--json")
    assert one_error_line(nile) == f"node unreachable: {url}"



def test_devnet_history_json_and_text(known: Path, devnet_url: str) -> None:
    """``btt wallet history``: a TRX send and a reverted vault call, with fees and results;
    ``--json`` has exact decimal strings and integers in base units."""
    from tests.devnet_process import devnet_info
    from tests.wallet.test_wallet_history_devnet import reverted_withdraw

    net = ["--network", "devnet", "--node", devnet_url]
    faucet(devnet_url, ADDRESS_0, trx=30)
    friend = str(PrivateKey.random().public_key.to_base58check_address())
    sent = btt(known, "send", friend, "1.5", "--token", "TRX", *net, "--yes", "--password-stdin",
               stdin=PASSWORD + "\n")
    txid = ok(sent).strip()
    failed = asyncio.run(reverted_withdraw(devnet_url, PrivateKey(bytes.fromhex(KEY_0)),
                                           devnet_info(devnet_url)["vault"]))
    data = json.loads(ok(btt(known, "history", "--json", "--limit", "5", *net)))
    assert (data["address"], data["network"], data["partial"]) == (ADDRESS_0, "devnet", None)
    entries = {e["txid"]: e for e in data["transactions"]}
    assert len(data["transactions"]) <= 5 and {txid, failed} <= set(entries)
    send = entries[txid]
    assert (send["kind"], send["token"], send["direction"], send["amount"],
            send["amount_base_units"], send["counterparty"], send["fee_trx"], send["fee_sun"],
            send["result"], send["failed"]) == ("send", "TRX", "out", "-1.5", -1_500_000,
                                                friend, "1.1", 1_100_000, "SUCCESS", False)
    assert send["time"].endswith("+00:00") and isinstance(send["block"], int)
    bad = entries[failed]
    assert (bad["kind"], bad["function"], bad["amount"], bad["result"], bad["failed"],
            bad["reason"]) == ("withdraw", "withdraw", None, "REVERT", True,
                               "SpeedVault: no withdrawal announced")
    assert bad["fee_sun"] > 0 and Decimal(bad["fee_trx"]) * 10**6 == bad["fee_sun"]
    assert bad["contract"] == devnet_info(devnet_url)["vault"]

    text = ok(btt(known, "history", "--limit", "2", *net)).splitlines()
    assert len(text) == 2 and text[0].endswith(
        f"{failed}  failed: REVERT: SpeedVault: no withdrawal announced")
    assert "withdraw" in text[0] and "fee " in text[0]
    assert f"to {friend}" in text[1] and "-1.5 TRX" in text[1] and text[1].endswith(
        f"{txid}  ok")
    refused = btt(known, "history", "--limit", "0", *net)
    assert refused.returncode == 2 and "--limit" in refused.stderr
