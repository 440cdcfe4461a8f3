"""A hostile keystore file must not hang the wallet (issue 12, item 8).

Each file goes through ``btt wallet restore --keystore FILE`` as a real process: it must
be refused with one line, within seconds, and leave no wallet behind. A keystore of the
shape geth, web3 and TronLink write still imports, and Ctrl-C during a legitimate but
slow key derivation ends the process at once.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from btt_desktop.wallet import keystore
from tests.wallet.test_wallet_keystore import PBKDF2_VECTOR, SCRYPT_VECTOR

pytestmark = pytest.mark.timeout(120)

PASSWORD = "testpassword"
KEY = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d"
ADDRESS = "TA25SJ2Uo4NQk2SozYKmZ4wQnpq5T7FNBZ"
REFUSE_WITHIN = 10.0  # seconds, process start-up included (about 1 s of it)


def restore_command(profile: Path, keystore_file: Path) -> list[str]:
    return [sys.executable, "-m", "btt_desktop.cli", "--profile", str(profile), "wallet",
            "restore", "--keystore", str(keystore_file), "--password-stdin"]


def restore(profile: Path, keystore_file: Path, *, timeout: float
            ) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    try:
        result = subprocess.run(restore_command(profile, keystore_file), input=PASSWORD + "\n",
                                capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"btt wallet restore still running after {timeout:.0f} s (killed)")
    return result, time.monotonic() - started


def document(kdf: str, params: dict[str, Any]) -> dict[str, Any]:
    """The Web3 Secret Storage scrypt vector with other key derivation parameters."""
    crypto = json.loads(json.dumps(SCRYPT_VECTOR["crypto"]))
    crypto["kdf"] = kdf
    crypto["kdfparams"] = dict(params, salt=crypto["kdfparams"]["salt"])
    return dict(SCRYPT_VECTOR, crypto=crypto)


HOSTILE = {
    # the derived key's length decides how long scrypt's final PBKDF2 (and PBKDF2 itself) runs
    "scrypt_dklen_2_40": (document("scrypt", {"dklen": 1 << 40, "n": 2, "r": 1, "p": 1}),
                          "derived key of 1099511627776 bytes"),
    "pbkdf2_dklen_2_40": (document("pbkdf2", {"dklen": 1 << 40, "c": 1,
                                              "prf": "hmac-sha256"}),
                          "derived key of 1099511627776 bytes"),
    "pbkdf2_dklen_2_36": (document("pbkdf2", {"dklen": 1 << 36, "c": 1,
                                              "prf": "hmac-sha256"}),
                          "derived key of 68719476736 bytes"),
    "scrypt_dklen_16": (document("scrypt", {"dklen": 16, "n": 2, "r": 1, "p": 1}),
                        "derived key of 16 bytes"),
    # 256 MiB of memory (within the cap) but 16 times the work of a standard file
    "scrypt_p_16": (document("scrypt", {"dklen": 32, "n": 1 << 18, "r": 8, "p": 16}),
                    "too much work (scrypt n=262144 r=8 p=16"),
    "scrypt_n_2_22": (document("scrypt", {"dklen": 32, "n": 1 << 22, "r": 8, "p": 1}),
                      "too much"),
    "scrypt_r_huge": (document("scrypt", {"dklen": 32, "n": 2, "r": 1 << 40, "p": 1}),
                      "too much"),
    "pbkdf2_10m_sha512": (document("pbkdf2", {"dklen": 32, "c": 10_000_000,
                                              "prf": "hmac-sha512"}),
                          "too much work (PBKDF2 with 10000000 rounds"),
    "scrypt_n_string": (document("scrypt", {"dklen": 32, "n": "lots", "r": 8, "p": 1}),
                        "damaged"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_keystore_is_refused_in_one_line_quickly(tmp_path: Path, name: str) -> None:
    body, expected = HOSTILE[name]
    hostile = tmp_path / f"{name}.json"
    hostile.write_text(json.dumps(body))
    result, elapsed = restore(tmp_path / "profile", hostile, timeout=30)
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("btt: error: this keystore ") and expected in lines[0], lines[0]
    assert lines[0].endswith(": refused") or expected == "damaged", lines[0]
    assert "Traceback" not in result.stderr and "OverflowError" not in result.stderr
    assert elapsed < REFUSE_WITHIN, f"took {elapsed:.1f} s"
    assert not (tmp_path / "profile" / "wallet" / "wallet.json").exists()


@pytest.mark.parametrize("shape", ["geth_standard", "web3_vector", "pbkdf2_vector"])
def test_real_keystores_still_import(tmp_path: Path, shape: str) -> None:
    if shape == "geth_standard":
        # what geth, TronLink and our own export write: scrypt n=2^18 r=8 p=1, TRON hex address
        text = keystore.export_private_key(bytes.fromhex(KEY), PASSWORD, keystore.STANDARD)
    elif shape == "web3_vector":
        # the Web3 Secret Storage test vector: scrypt n=2^18 r=1 p=8
        text = json.dumps(document("scrypt", {"dklen": 32, "n": 1 << 18, "r": 1, "p": 8}))
    else:
        # the PBKDF2 vector with geth's old "Crypto" and an Ethereum address
        text = json.dumps({"version": 3, "address": "008aeeda4d805471df9b2a5b0f38a0c3bcba786b",
                           "Crypto": PBKDF2_VECTOR["crypto"]})
    keystore_file = tmp_path / "keystore.json"
    keystore_file.write_text(text)
    result, _ = restore(tmp_path / "profile", keystore_file, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ADDRESS + "\n"
    assert (tmp_path / "profile" / "wallet" / "wallet.json").exists()


def _rss_bytes(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def test_ctrl_c_during_a_slow_derivation_exits_at_once(tmp_path: Path) -> None:
    """The costliest file accepted (scrypt n=2^18 r=8 p=2, 256 MiB) with a password whose
    NFKC form differs from its raw bytes: two derivations, about 3 s. Ctrl-C once scrypt's
    memory is in use must end the process without waiting for them."""
    text = json.dumps(document("scrypt", {"dklen": 32, "n": 1 << 18, "r": 8, "p": 2}))
    keystore_file = tmp_path / "slow.json"
    keystore_file.write_text(text)
    proc = subprocess.Popen(restore_command(tmp_path / "profile", keystore_file),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdin is not None
        proc.stdin.write("ｐａｓｓｗｏｒｄ 1\n")  # fullwidth: NFKC differs, both are tried
        proc.stdin.close()
        deadline = time.monotonic() + 30
        while _rss_bytes(proc.pid) < 200 << 20:  # scrypt's 256 MiB: derivation under way
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "scrypt never started"
            time.sleep(0.01)
        interrupted = time.monotonic()
        os.kill(proc.pid, signal.SIGINT)
        proc.wait(timeout=30)
        took = time.monotonic() - interrupted
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130
    assert "Traceback" not in (proc.stderr.read() if proc.stderr else "")
    assert took < 1.0, f"Ctrl-C took {took:.2f} s to end the process"
    assert not (tmp_path / "profile" / "wallet" / "wallet.json").exists()
