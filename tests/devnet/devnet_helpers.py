"""Small helpers shared by the devnet tests."""

from __future__ import annotations

from decimal import Decimal

from tronpy import AsyncTron
from tronpy.async_tron import AsyncTransactionRet
from tronpy.keys import PrivateKey

POLL = 0.05
NOTICE = 5  # seconds of vault withdrawal notice on the test devnets (conftest)
BTT = 10**18


def new_key() -> tuple[PrivateKey, str]:
    key = PrivateKey.random()
    return key, key.public_key.to_base58check_address()


async def confirmed(tron: AsyncTron, txid: str) -> dict:
    """Wait (tronpy's own loop) until the transaction is in a block; its info."""
    info: dict = await AsyncTransactionRet({"txid": txid}, client=tron).wait(timeout=20,
                                                                             interval=POLL)
    return info


async def trx_balance(tron: AsyncTron, address: str) -> Decimal:
    return Decimal(await tron.get_account_balance(address))
