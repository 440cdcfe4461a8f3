"""``btt speed`` and ``btt vault``: bad input gives one line and exit status 1."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.timeout(60)


def _btt(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "btt_desktop.cli", *args], input=stdin,
                          capture_output=True, text=True, timeout=30)


@pytest.mark.parametrize(("args", "line"), [
    (("vault", "deposit", "lots"), "btt: error: AMOUNT: not an amount: 'lots' (use digits and "
                                   "a decimal point)"),
    (("vault", "deposit", "0"), "btt: error: AMOUNT: the amount must be more than 0 BTT"),
    (("vault", "withdraw", "--announce", "1e-30"), "btt: error: --announce: too many decimals "
                                                    "in 1e-30: BTT has 18"),
    (("speed", "earnings"), "btt: error: there is no wallet in this profile yet: "
                            "btt wallet create"),
])
def test_one_line_errors(tmp_path: Path, args: tuple[str, ...], line: str) -> None:
    done = _btt(*args, "--profile", str(tmp_path / "p"), "--network", "devnet",
                "--node", "http://127.0.0.1:9", stdin="password1\n")
    assert done.returncode == 1
    assert done.stderr.strip() == line
    assert done.stdout == ""


def test_speed_without_a_vault_contract_says_so(tmp_path: Path) -> None:
    profile = str(tmp_path / "p")
    restore = _btt("wallet", "restore", "--private-key-stdin", "--password-stdin",
                   "--profile", profile, "--network", "mainnet", stdin="password1\n" + "33" * 32)
    assert restore.returncode == 0, restore.stderr
    done = _btt("speed", "status", "--profile", profile, "--network", "mainnet")
    assert done.returncode == 1
    assert done.stderr.strip() == ("btt: error: Speed has no vault contract on mainnet yet; "
                                   "try it on a devnet (btt devnet)")

