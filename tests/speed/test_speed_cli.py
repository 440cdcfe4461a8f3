"""``btt speed`` and ``btt vault`` as a user runs them: real ``btt`` subprocesses.

- bad input gives one line and exit status 1;
- anything that costs TRX or moves BTT shows its fee and asks first; without a terminal
  only ``--yes`` answers, otherwise it refuses in one line and sends nothing (checked on
  a devnet: balances unchanged);
- ``btt vault deploy`` deploys the committed SpeedVault on a devnet, prints its address,
  records it in the profile, and the other commands use it from then on;
- ``btt speed cash`` prints the fee and each cheque the vault would refuse.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from tronpy.keys import PrivateKey

from btt_desktop.profile import Profile
from btt_desktop.speed import accounts, deployments
from btt_desktop.speed.chainlink import open_vault
from btt_desktop.speed.cheque import ChequeDomain, sign_cheque
from btt_desktop.speed.ledger import VaultView
from btt_desktop.wallet.networks import network
from tests.devnet_process import devnet_info, devnet_process, faucet
from tests.speed.speed_chain import BTT, funded, link_to, trx_sun
from tests.speed.speed_keys import KeySigner

pytestmark = pytest.mark.timeout(60)
PASSWORD = "cli-password"
NOT_CONFIRMED = "btt: error: nothing was sent: confirm with --yes when not at a terminal"
SUN = 10**6


def _btt(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "btt_desktop.cli", *args], input=stdin,
                          capture_output=True, text=True, timeout=50)


@pytest.mark.parametrize(("args", "line"), [
    (("vault", "deposit", "lots"), "btt: error: AMOUNT: not an amount: 'lots' (use digits and "
                                   "a decimal point)"),
    (("vault", "deposit", "0"), "btt: error: AMOUNT: the amount must be more than 0 BTT"),
    (("vault", "withdraw", "--announce", "1e-30"), "btt: error: --announce: too many decimals "
                                                    "in 1e-30: BTT has 18"),
    (("speed", "earnings"), "btt: error: there is no wallet in this profile yet: "
                            "btt wallet create"),
    (("vault", "deploy", "--yes"), "btt: error: there is no wallet in this profile yet: "
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
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("btt: error: ") and "mainnet" in line
    assert "no Speed vault contract" in line


# --- on a devnet --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def devnet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet")) as url:
        yield url


def _wallet(url: str, profile: Path, *, trx: int, btt: int = 0) -> str:
    """A profile whose wallet holds a fresh key with ``trx`` TRX and ``btt`` BTT; its address."""
    key = PrivateKey.random().hex()
    done = _btt("wallet", "restore", "--private-key-stdin", "--password-stdin",
                "--profile", str(profile), "--network", "devnet", "--node", url,
                stdin=f"{PASSWORD}\n{key}\n")
    assert done.returncode == 0, done.stderr
    address = done.stdout.strip()
    faucet(url, address, trx=trx, btt=btt)
    return address


def _run(url: str, profile: Path, *args: str, password: bool = True
         ) -> subprocess.CompletedProcess[str]:
    extra = ["--password-stdin"] if password else []
    return _btt(*args, *extra, "--profile", str(profile), "--network", "devnet", "--node", url,
                stdin=f"{PASSWORD}\n" if password else "")


def _fee_trx(text: str) -> Decimal:
    """The TRX amount in '... fee <amount> TRX ...'."""
    return Decimal(text.split("fee ", 1)[1].split(" TRX", 1)[0])


def _vault(url: str, owner: str) -> tuple[int, int]:
    """(vault balance, wallet BTT) of ``owner`` on the devnet's genesis vault."""
    async def read() -> tuple[int, int]:
        link = await link_to(url)
        try:
            return (await link.vault.balance_of(owner), await link.vault.token_balance(owner))
        finally:
            await link.close()

    return asyncio.run(read())


@pytest.mark.timeout(120)
def test_vault_deposit_asks_first_and_shows_the_fee(devnet: str, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    owner = _wallet(devnet, profile, trx=500, btt=10)
    trx = asyncio.run(trx_sun(devnet, owner))

    refused = _run(devnet, profile, "vault", "deposit", "2.5")
    assert refused.returncode == 1 and refused.stdout == ""
    *summary, last = refused.stderr.strip().splitlines()
    assert last == NOT_CONFIRMED
    assert summary[0].startswith("Deposit 2.5 BTT into the Speed vault ")
    assert any(line.strip().startswith("fee: up to ") and " TRX (" in line
               for line in summary), summary
    assert _vault(devnet, owner) == (0, 10 * BTT)  # nothing moved ...
    assert asyncio.run(trx_sun(devnet, owner)) == trx  # ... and nothing was spent

    done = _run(devnet, profile, "vault", "deposit", "2.5", "--yes")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("vault balance 2.5 BTT (fee ")
    spent = trx - asyncio.run(trx_sun(devnet, owner))
    assert _fee_trx(done.stdout) * SUN == spent > 0  # the fee shown is what it cost
    assert _vault(devnet, owner) == (25 * BTT // 10, 75 * BTT // 10)
    balance = _run(devnet, profile, "vault", "balance", "--json", password=False)
    assert json.loads(balance.stdout)["balance"] == "2.5"


@pytest.mark.timeout(180)
def test_vault_deploy_end_to_end(devnet: str, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    deployer = _wallet(devnet, profile, trx=20_000)
    info = devnet_info(devnet)
    trx = asyncio.run(trx_sun(devnet, deployer))
    record = Profile.open(profile).speed_dir / deployments.RECORD_FILE

    refused = _run(devnet, profile, "vault", "deploy")
    assert refused.returncode == 1 and refused.stdout == ""
    *summary, last = refused.stderr.strip().splitlines()
    assert last == NOT_CONFIRMED
    assert summary[0] == (f"Deploy the SpeedVault contract on {info['networkId']} (chain id "
                          f"{info['chainId']}) from {deployer}:")
    assert any("fee: up to " in line for line in summary)
    assert asyncio.run(trx_sun(devnet, deployer)) == trx and not record.exists()

    done = _run(devnet, profile, "vault", "deploy", "--yes")
    assert done.returncode == 0, done.stderr
    address, detail = done.stdout.strip().splitlines()
    assert address.startswith("T") and len(address) == 34 and address != info["vault"]
    assert detail.startswith(f"vault contract deployed on {info['networkId']} (transaction ")
    assert _fee_trx(detail) * SUN == trx - asyncio.run(trx_sun(devnet, deployer))

    async def check(vault_address: str, notice: int) -> None:
        link = await open_vault(network("devnet", node_url=devnet), vault_address=vault_address)
        try:
            assert link.domain == ChequeDomain(info["chainId"], vault_address)
            assert link.net == info["networkId"]
            assert await link.vault.notice_period() == notice
        finally:
            await link.close()

    asyncio.run(check(address, 86400))  # the contract passes every check Speed makes
    assert deployments.recorded_vault(record.parent, info["networkId"]) == address
    balance = _run(devnet, profile, "vault", "balance", "--json", password=False)
    assert balance.returncode == 0, balance.stderr
    doc = json.loads(balance.stdout)
    assert doc["contract"] == address and doc["owner"] == deployer and doc["balance"] == "0"

    # again, as JSON and with another notice: the profile now uses the newer vault
    again = _run(devnet, profile, "vault", "deploy", "--yes", "--json", "--notice", "120")
    assert again.returncode == 0, again.stderr
    deployed = json.loads(again.stdout)
    assert deployed["net"] == info["networkId"] and deployed["chain_id"] == info["chainId"]
    assert deployed["address"] != address and Decimal(deployed["fee_trx"]) > 0
    asyncio.run(check(deployed["address"], 120))
    status = json.loads(_run(devnet, profile, "vault", "balance", "--json",
                             password=False).stdout)
    assert status["contract"] == deployed["address"]


@pytest.mark.timeout(120)
def test_speed_cash_prints_the_fee_and_the_refused_cheques(devnet: str,
                                                           tmp_path: Path) -> None:
    """The seeder's profile holds two cheques; one vault was emptied meanwhile. ``btt
    speed cash`` cashes the good one, says what it cost, and names the refused one."""
    profile = tmp_path / "p"
    seller = _wallet(devnet, profile, trx=500)

    async def hold() -> tuple[KeySigner, KeySigner]:
        link = await link_to(devnet)
        try:
            good, broke = [await funded(devnet, trx=200, btt=3) for _ in range(2)]
            ledger = accounts.provider_ledger(Profile.open(profile).speed_dir, link.net,
                                              link.domain, seller)
            for payer, cum in ((good, 2 * BTT), (broke, 3 * BTT)):
                await link.vault.deposit(payer, 3 * BTT)
                cheque = sign_cheque(payer, link.domain, payer.address, seller, cum)
                ledger.accept_cheque(cheque, payer.address, VaultView(3 * BTT, 0))
            await link.vault.announce_withdrawal(broke, 3 * BTT)  # and the notice is long:
            rival = await funded(devnet, trx=200)  # the vault is emptied by another seeder
            await link.vault.cash(rival, sign_cheque(broke, link.domain, broke.address,
                                                     rival.address, 3 * BTT))
            return good, broke
        finally:
            await link.close()

    good, broke = asyncio.run(hold())
    trx = asyncio.run(trx_sun(devnet, seller))
    refused_run = _run(devnet, profile, "speed", "cash")  # a script: only --yes answers
    assert refused_run.returncode == 1 and refused_run.stdout == ""
    *summary, last = refused_run.stderr.strip().splitlines()
    assert last == NOT_CONFIRMED
    assert summary[0] == f"Cash 2 BTT of Speed cheques into {seller} on devnet."
    assert summary[1].strip().startswith("fee: up to ") and " TRX (" in summary[1]
    assert summary[2].strip().startswith("warning: the fee (about ")  # 2 BTT: a TRX is more
    assert asyncio.run(trx_sun(devnet, seller)) == trx and _vault(devnet, seller)[1] == 0

    done = _run(devnet, profile, "speed", "cash", "--yes")
    assert done.returncode == 0, done.stderr
    cashed, fee, refused = done.stdout.strip().splitlines()
    assert cashed == "cashed 2 BTT"
    assert fee.startswith("fee ") and "(transaction " in fee
    assert _fee_trx(fee) * SUN == trx - asyncio.run(trx_sun(devnet, seller))
    assert refused == (f"not cashed, from {broke.address}: the vault would refuse cash: "
                       f"SpeedVault: cheque bounced, vault balance too low")
    assert _vault(devnet, seller)[1] == 2 * BTT
    again = json.loads(_run(devnet, profile, "speed", "cash", "--json").stdout)  # no fee: no ask
    assert again["cashed"] == "0" and again["transactions"] == []
    assert again["result"] == "nothing" and again["fee_trx"] == "0"
    assert list(again["refused"]) == [broke.address]
    earnings = json.loads(_run(devnet, profile, "speed", "earnings", "--json",
                               password=False).stdout)
    assert Decimal(earnings["cashed"]) == 2 and Decimal(earnings["pending"]) == 3
    assert good.address in {p["vault"] for p in earnings["peers"]}
