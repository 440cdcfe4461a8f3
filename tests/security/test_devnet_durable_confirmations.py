"""A transfer the devnet reported as confirmed survives the devnet being killed.

The node used to answer "in block N" as soon as it sealed the block, while the state file
with that block was still being written; ``kill -9`` right after the confirmation lost
most of a batch of confirmed transfers. Here a wallet client (tronpy) sends transfers,
waits until each is confirmed, polling as fast as it can, and the node is killed at once;
after a restart on the same folder every confirmed transfer is still there, with its
block and the receiver's balance.

The devnet has been used a lot (many accounts: a state file of some megabytes), so that
writing it takes longer than a client needs to notice a confirmation, as on a slow disk.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from tronpy import AsyncTron
from tronpy.async_tron import AsyncTransactionRet
from tronpy.exceptions import TransactionNotFound
from tronpy.providers.async_http import AsyncHTTPProvider

from tests.devnet.devnet_helpers import new_key
from tests.devnet_process import READY_PREFIX, devnet_command, faucet, next_devnet_host

pytestmark = pytest.mark.timeout(90)

ROUNDS = 3
PER_ROUND = 8
SUN = 1_000_000
OTHER_ACCOUNTS = 150_000  # about 14 MB of state


@contextlib.contextmanager
def devnet(data: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    command = devnet_command(data, listen=f"{next_devnet_host()}:0", block_time=0.1,
                             withdraw_notice=60)
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, stdin=subprocess.DEVNULL)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith(READY_PREFIX), (line, proc.communicate(timeout=15))
        yield proc, line[len(READY_PREFIX):].strip()
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()


async def block_of(tron: AsyncTron, txid: str) -> int | None:
    try:
        info = await tron.get_transaction_info(txid)
    except TransactionNotFound:
        return None
    return int(info["blockNumber"]) if "blockNumber" in info else None


def add_accounts(state_file: Path, count: int) -> None:
    """Accounts as the faucet makes them, added to a stopped devnet's state file."""
    state = json.loads(state_file.read_text())
    for _ in range(count):
        state["accounts"]["41" + os.urandom(20).hex()] = {
            "balance": SUN, "create_time": 0, "net_used": 0, "net_time": 0}
    state_file.write_text(json.dumps(state))


async def test_every_confirmed_transfer_survives_kill_9(tmp_path: Path) -> None:
    data = tmp_path / "chain"
    key, sender = new_key()
    with devnet(data) as (_proc, url):
        faucet(url, sender, trx=1000)
    add_accounts(data / "state.json", OTHER_ACCOUNTS)

    confirmed: dict[str, tuple[str, int]] = {}  # txid -> (receiver, block)
    for round_number in range(ROUNDS):
        with devnet(data) as (proc, url):
            async with AsyncTron(AsyncHTTPProvider(url)) as tron:
                # what was confirmed before the last kill is still there
                lost = [txid for txid, (_, block) in confirmed.items()
                        if await block_of(tron, txid) != block]
                assert not lost, f"{len(lost)} of {len(confirmed)} confirmed transfers lost"
                for receiver, _ in confirmed.values():
                    assert await tron.get_account_balance(receiver) == Decimal(2)
                if round_number == ROUNDS - 1:
                    break
                receivers = [new_key()[1] for _ in range(PER_ROUND)]
                sent = []
                for receiver in receivers:
                    tx = await tron.trx.transfer(sender, receiver, 2 * SUN).build()
                    sent.append((receiver, (await tx.sign(key).broadcast()).txid))

                async def until_confirmed(txid: str) -> int:
                    ret = AsyncTransactionRet({"txid": txid}, client=tron)
                    info = await ret.wait(timeout=20, interval=0.002)
                    return int(info["blockNumber"])

                blocks = await asyncio.gather(*(until_confirmed(t) for _, t in sent))
                proc.send_signal(signal.SIGKILL)  # the moment the last one is confirmed
                proc.wait(timeout=10)
            confirmed.update({txid: (receiver, block)
                              for (receiver, txid), block in zip(sent, blocks, strict=True)})
    assert len(confirmed) == (ROUNDS - 1) * PER_ROUND
