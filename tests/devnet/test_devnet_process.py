"""The devnet as a process: restart with its state, one node per folder, the CLI, signals."""

from __future__ import annotations

import signal
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tronpy import AsyncTron
from tronpy.providers.async_http import AsyncHTTPProvider

from btt_desktop.devnet.addresses import BTT_ADDRESS
from tests.devnet.devnet_helpers import BTT, confirmed, new_key
from tests.devnet_process import devnet_command, devnet_info, devnet_process, faucet

pytestmark = pytest.mark.timeout(90)


def btt_cli(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "btt_desktop.cli", *args], capture_output=True,
                          text=True, timeout=timeout)


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
            builder = await btt.functions.transfer(receiver, 4 * BTT)
            btt_tx = await builder.with_owner(sender).fee_limit(20_000_000).build()
            await btt_tx.sign(key).broadcast()
            # stop right away: the node seals what is pending before it exits
    assert stopped["returncode"] == 0, stopped["stderr"]

    with devnet_process(data) as url:
        assert devnet_info(url) == info_before
        async with AsyncTron(AsyncHTTPProvider(url)) as tron:
            trx_info = await confirmed(tron, trx_tx.txid)
            btt_info = await confirmed(tron, btt_tx.txid)
            assert btt_info["receipt"]["result"] == "SUCCESS"
            assert await tron.get_account_balance(receiver) == Decimal(3)
            sender_trx = await tron.get_account_balance(sender)
            expected = Decimal(100 - 3) - Decimal(trx_info["fee"] + btt_info["fee"]) / 10**6
            assert sender_trx == expected
            btt = await tron.get_contract(BTT_ADDRESS)
            assert await btt.functions.balanceOf(receiver) == 4 * BTT
            assert await btt.functions.balanceOf(sender) == 6 * BTT
            block = await tron.get_block(btt_info["blockNumber"])
            assert btt_tx.txid in [t["txID"] for t in block["transactions"]]
            # the chain goes on: a new transaction refers to a block made after the restart
            again = await tron.trx.transfer(sender, receiver, 1_000_000).build()
            await confirmed(tron, (await again.sign(key).broadcast()).txid)
            assert await tron.get_account_balance(receiver) == Decimal(4)


def test_one_node_per_folder_and_clean_signals(tmp_path: Path) -> None:
    stopped: dict[str, Any] = {}
    with devnet_process(tmp_path / "chain", result=stopped):
        second = btt_cli("devnet", "--listen", "127.0.0.1:0", "--data", str(tmp_path / "chain"))
        assert second.returncode == 1
        assert second.stderr.strip().splitlines() == [
            f"btt: error: devnet folder {tmp_path / 'chain'} is in use by another devnet"]
    assert stopped["returncode"] == 0 and "Traceback" not in stopped["stderr"]

    proc = subprocess.Popen(devnet_command(tmp_path / "chain", listen="127.0.0.1:0",
                                           block_time=0.1, withdraw_notice=5),
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
