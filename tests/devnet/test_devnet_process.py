"""The devnet as a process: restart with its state (after SIGTERM and after kill -9), the
state file's version, the withdrawal notice of an existing devnet, one node per folder,
the CLI, signals."""

from __future__ import annotations

import contextlib
import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from tronpy import AsyncTron
from tronpy.keys import to_hex_address
from tronpy.providers.async_http import AsyncHTTPProvider

from btt_desktop.devnet.addresses import BTT_ADDRESS, VAULT_ADDRESS
from btt_desktop.speed.cheque import ChequeDomain
from tests.devnet.devnet_helpers import (
    BTT,
    POLL,
    broadcast,
    confirmed,
    deploy_vault,
    java_tron_contract_address,
    new_key,
    sign_cheque,
)
from tests.devnet_process import (
    READY_PREFIX,
    devnet_command,
    devnet_info,
    devnet_process,
    faucet,
    next_devnet_host,
)

pytestmark = pytest.mark.timeout(90)

# what a devnet of the previous version (Python imitations of BTT and the vault) wrote
V1_STATE = {
    "version": 1, "genesis_id": "67dba09788a1838e", "genesis_time": 1796515622884,
    "witness": "419dd6cf8c3695413e193107739f946f025d7da387",
    "head": {"number": 5, "timestamp": 1796515625388,
             "parent": "0000000000000004c1756d175ef1613199e9d90d4e6fced8d761a161646cf2ee",
             "witness": "419dd6cf8c3695413e193107739f946f025d7da387", "txids": []},
    "accounts": {}, "storage": {},
    "blocks": [{"number": 0, "timestamp": 1796515622884,
                "parent": "395a87a3794b3149df58cce41fd70d3ed855a23dc96cc23a817b29f812ed468d",
                "witness": "419dd6cf8c3695413e193107739f946f025d7da387", "txids": []}],
    "txs": {},
}


def btt_cli(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "btt_desktop.cli", *args], capture_output=True,
                          text=True, timeout=timeout)


@dataclass
class Node:
    proc: subprocess.Popen[str]
    url: str
    stderr: str = ""


@contextlib.contextmanager
def node(data: Path, *, notice: int | None) -> Iterator[Node]:
    """A devnet process on ``data`` (``notice`` None: no --withdraw-notice on the command
    line); stopped with SIGTERM unless the test killed it. ``stderr`` is set after."""
    command = devnet_command(data, listen=f"{next_devnet_host()}:0", block_time=0.1,
                             withdraw_notice=notice or 1)
    if notice is None:
        command = command[:-2]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    running = Node(proc, line[len(READY_PREFIX):].strip())
    try:
        assert line.startswith(READY_PREFIX), proc.communicate(timeout=15)
        yield running
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            _, running.stderr = proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, running.stderr = proc.communicate()


def constant(url: str, contract: str, selector: str, parameter: str = "") -> str:
    """A constant call over HTTP; the result word in hex."""
    reply = httpx.post(f"{url}/wallet/triggerconstantcontract", json={
        "owner_address": contract, "contract_address": contract, "function_selector": selector,
        "parameter": parameter, "visible": True}, timeout=10).json()
    assert reply["result"] == {"result": True}, reply
    return str(reply["constant_result"][0])


def address_word(address: str) -> str:
    return "00" * 12 + to_hex_address(address)[2:]


async def test_state_survives_restart(tmp_path: Path) -> None:
    data = tmp_path / "chain"
    key, sender = new_key()
    _, receiver = new_key()
    stopped: dict[str, Any] = {}
    with devnet_process(data, result=stopped) as url:
        info_before = devnet_info(url)
        faucet(url, sender, trx=100, btt=10)
        async with AsyncTron(AsyncHTTPProvider(url)) as tron:
            trx_tx = await tron.trx.transfer(sender, receiver, 3_000_000).build()
            await trx_tx.sign(key).broadcast()
            btt = await tron.get_contract(BTT_ADDRESS)
            vault = await tron.get_contract(VAULT_ADDRESS)
            btt_txid = await broadcast(key, btt, "transfer", receiver, 4 * BTT)
            approve_txid = await broadcast(key, btt, "approve", VAULT_ADDRESS, 5 * BTT)
            vault_txid = await broadcast(key, vault, "deposit", 2 * BTT)
            # stop right away: the node seals what is pending before it exits
    assert stopped["returncode"] == 0, stopped["stderr"]
    assert stopped["stderr"] == ""

    with devnet_process(data, result=stopped) as url:
        assert devnet_info(url) == info_before
        async with AsyncTron(AsyncHTTPProvider(url)) as tron:
            trx_info = await confirmed(tron, trx_tx.txid)
            calls = [await confirmed(tron, t) for t in (btt_txid, approve_txid, vault_txid)]
            assert {c["receipt"]["result"] for c in calls} == {"SUCCESS"}
            btt_info = calls[0]
            assert await tron.get_account_balance(receiver) == Decimal(3)
            fees = sum((Decimal(c["fee"]) for c in [trx_info, *calls]), Decimal(0)) / 10**6
            assert await tron.get_account_balance(sender) == Decimal(100 - 3) - fees
            btt = await tron.get_contract(BTT_ADDRESS)
            vault = await tron.get_contract(VAULT_ADDRESS)
            assert await btt.functions.balanceOf(receiver) == 4 * BTT
            assert await btt.functions.balanceOf(sender) == 4 * BTT
            assert await btt.functions.allowance(sender, VAULT_ADDRESS) == 3 * BTT
            assert await vault.functions.balanceOf(sender) == 2 * BTT
            block = await tron.get_block(btt_info["blockNumber"])
            assert btt_txid in [t["txID"] for t in block["transactions"]]
            # the chain goes on: a new transaction refers to a block made after the restart
            again = await tron.trx.transfer(sender, receiver, 1_000_000).build()
            await confirmed(tron, (await again.sign(key).broadcast()).txid)
            assert await tron.get_account_balance(receiver) == Decimal(4)
            await confirmed(tron, await broadcast(key, vault, "deposit", 3 * BTT))
            assert await vault.functions.balanceOf(sender) == 5 * BTT
    assert stopped["returncode"] == 0 and stopped["stderr"] == ""


def _wait_for_saved(state: Path, txid: str) -> None:
    """Until the state file holds ``txid`` (written after the block that sealed it)."""
    deadline = time.monotonic() + 20
    while True:
        with contextlib.suppress(FileNotFoundError, ValueError):
            if txid in json.loads(state.read_text())["txs"]:
                return
        assert time.monotonic() < deadline, "the block was not saved"
        time.sleep(POLL)


async def test_state_survives_kill_9_after_a_block(tmp_path: Path) -> None:
    """Killed without warning once a block with transactions is on disk, the devnet comes
    back with that block: accounts, transactions, and every contract's storage (BTT, the
    genesis vault, a vault the user deployed), which then keep working."""
    data = tmp_path / "chain"
    key, owner = new_key()
    provider_key, provider = new_key()
    with node(data, notice=86400) as first:
        url = first.url
        info = devnet_info(url)
        faucet(url, owner, trx=2000, btt=10)
        faucet(url, provider, trx=50)
        async with AsyncTron(AsyncHTTPProvider(url)) as tron:
            btt = await tron.get_contract(BTT_ADDRESS)
            vault = await tron.get_contract(VAULT_ADDRESS)
            deploy_txid = await deploy_vault(tron, key, token=BTT_ADDRESS, notice=60,
                                             chain_id=info["chainId"],
                                             network_id=info["networkId"])
            mine = java_tron_contract_address(deploy_txid, owner)
            txids = [deploy_txid,
                     await broadcast(key, btt, "approve", VAULT_ADDRESS, 4 * BTT),
                     await broadcast(key, vault, "deposit", 4 * BTT),
                     await broadcast(key, btt, "approve", mine, 3 * BTT),
                     await broadcast(key, await tron.get_contract(mine), "deposit", 3 * BTT),
                     await broadcast(key, btt, "transfer", provider, 1 * BTT)]
            receipts = {t: await confirmed(tron, t) for t in txids}
            assert {r["receipt"]["result"] for r in receipts.values()} == {"SUCCESS"}
            _wait_for_saved(data / "state.json", txids[-1])
            contract_before = await tron.get_contract_info(mine)
            trx_before = await tron.get_account_balance(owner)
        reads = [(BTT_ADDRESS, "balanceOf(address)", address_word(owner)),
                 (BTT_ADDRESS, "balanceOf(address)", address_word(provider)),
                 (BTT_ADDRESS, "balanceOf(address)", address_word(VAULT_ADDRESS)),
                 (BTT_ADDRESS, "balanceOf(address)", address_word(mine)),
                 (BTT_ADDRESS, "totalSupply()", ""),
                 (VAULT_ADDRESS, "balanceOf(address)", address_word(owner)),
                 (mine, "balanceOf(address)", address_word(owner))]
        before = [constant(url, *read) for read in reads]
        assert [int(word, 16) for word in before] == [
            2 * BTT, BTT, 4 * BTT, 3 * BTT, 10 * BTT, 4 * BTT, 3 * BTT]
        first.proc.kill()
        first.proc.wait(timeout=15)
    assert first.proc.returncode == -signal.SIGKILL

    with node(data, notice=86400) as second:
        url = second.url
        assert devnet_info(url) == info
        assert [constant(url, *read) for read in reads] == before
        async with AsyncTron(AsyncHTTPProvider(url)) as tron:
            for txid, receipt in receipts.items():
                assert await tron.get_transaction_info(txid) == receipt
            assert await tron.get_contract_info(mine) == contract_before
            assert await tron.get_account_balance(owner) == trx_before
            # the deployed vault's storage (its reentrancy lock too) came back: it pays
            deployed = await tron.get_contract(mine)
            cheque = sign_cheque(key, ChequeDomain(info["chainId"], deployed.address), owner,
                                 provider, 2 * BTT)
            await confirmed(tron, await broadcast(provider_key, deployed, "cash", owner,
                                                  provider, 2 * BTT, cheque))
            btt = await tron.get_contract(BTT_ADDRESS)
            assert await btt.functions.balanceOf(provider) == 3 * BTT
            assert await deployed.functions.balanceOf(owner) == BTT
    assert second.proc.returncode == 0 and second.stderr == ""


def test_a_version_1_state_file_is_refused_in_one_line(tmp_path: Path) -> None:
    data = tmp_path / "chain"
    data.mkdir()
    state = data / "state.json"
    state.write_text(json.dumps(V1_STATE))
    done = btt_cli("devnet", "--listen", f"{next_devnet_host()}:0", "--data", str(data))
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.splitlines() == [
        f"btt: error: devnet state {state} is unreadable (it was made by an older version "
        "whose BTT and vault were not contracts); move it away to start a new devnet"]
    assert json.loads(state.read_text()) == V1_STATE  # left for the user to move away


def test_withdraw_notice_only_applies_to_a_new_devnet(tmp_path: Path) -> None:
    """The vault's notice is an immutable of its bytecode: fixed when the devnet is made.
    Restarting with the same value, or none, is silent; another value is warned about."""
    data = tmp_path / "chain"
    notice_word = (7).to_bytes(32, "big").hex()
    for given in (7, 7, None):
        with node(data, notice=given) as running:
            assert devnet_info(running.url)["withdrawNotice"] == 7
        assert running.proc.returncode == 0 and running.stderr == "", given
    with node(data, notice=9) as running:
        assert devnet_info(running.url)["withdrawNotice"] == 7
        assert constant(running.url, VAULT_ADDRESS, "noticePeriod()") == notice_word
    assert running.proc.returncode == 0
    (line,) = running.stderr.splitlines()
    assert line.startswith("WARNING ") and line.endswith(
        "this devnet's vault keeps the withdrawal notice it was created with (7 s); "
        "--withdraw-notice only applies to a new devnet")
    with node(tmp_path / "other", notice=9) as running:
        assert constant(running.url, VAULT_ADDRESS, "noticePeriod()") == (
            (9).to_bytes(32, "big").hex())


def test_one_node_per_folder_and_clean_signals(tmp_path: Path) -> None:
    stopped: dict[str, Any] = {}
    with devnet_process(tmp_path / "chain", result=stopped):
        second = btt_cli("devnet", "--listen", "127.0.0.1:0", "--data", str(tmp_path / "chain"))
        assert second.returncode == 1
        assert second.stderr.strip().splitlines() == [
            f"btt: error: devnet folder {tmp_path / 'chain'} is in use by another devnet"]
    assert stopped["returncode"] == 0 and "Traceback" not in stopped["stderr"]

    # the same folder again, with the notice it was created with: no warning, SIGINT stops
    proc = subprocess.Popen(devnet_command(tmp_path / "chain", listen="127.0.0.1:0",
                                           block_time=0.1, withdraw_notice=86400),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.startswith("devnet listening on http://127.0.0.1:")
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=15)
    assert proc.returncode == 0 and err == ""


def test_bad_command_lines_give_one_line(tmp_path: Path) -> None:
    for args, message in [
        (["devnet", "--listen", "localhost"], "--listen wants IP:PORT"),
        (["devnet", "--listen", "127.0.0.1:99999"], "--listen wants IP:PORT"),
        (["devnet", "--data", str(tmp_path), "--block-time", "0"], "block time"),
        (["devnet", "faucet", "Tnope", "--trx", "1"], "invalid address"),
        (["devnet", "faucet", new_key()[1], "--trx", "lots"], "--trx wants a number"),
        (["devnet", "faucet", new_key()[1], "--trx", "1", "--node", "http://127.0.0.1:9"],
         "cannot reach the devnet"),
    ]:
        done = btt_cli(*args)
        assert done.returncode == 1, args
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("btt: error: ") and message in lines[0]


async def test_faucet_command(tmp_path: Path) -> None:
    _, address = new_key()
    with devnet_process(tmp_path / "chain") as url:
        done = btt_cli("devnet", "faucet", address, "--trx", "12.5", "--btt", "0.25",
                       "--node", url)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == f"gave 12.5 TRX and 0.25 BTT to {address}"
        too_much = btt_cli("devnet", "faucet", address, "--trx", "1e30", "--node", url)
        assert too_much.returncode == 1 and "devnet refused: trx must be between" in (
            too_much.stderr)
        async with AsyncTron(AsyncHTTPProvider(url)) as tron:
            assert await tron.get_account_balance(address) == Decimal("12.5")
            btt = await tron.get_contract(BTT_ADDRESS)
            assert await btt.functions.balanceOf(address) == BTT // 4
