"""Helpers for the Speed tests that run against a devnet subprocess (tests/devnet_process.py):
funded throwaway accounts, the checked vault link as the application opens it, and the
chain's own figures (TRX in sun, the receipt of a transaction) read over plain HTTP."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from tronpy.keys import PrivateKey

from btt_desktop.speed.chainlink import VaultLink, open_vault
from btt_desktop.wallet.networks import network
from tests.devnet_process import faucet
from tests.speed.speed_keys import KeySigner

BTT = 10**18


async def funded(url: str, *, trx: int, btt: int = 0, key: PrivateKey | None = None
                 ) -> KeySigner:
    """A signer over a fresh (or the given) key whose account got ``trx`` TRX and ``btt``
    BTT from the devnet's faucet."""
    signer = KeySigner(key or PrivateKey.random())
    await asyncio.to_thread(faucet, url, signer.address, trx=trx, btt=btt)
    return signer


async def link_to(url: str) -> VaultLink:
    """The devnet's genesis vault, opened and checked as the application does."""
    return await open_vault(network("devnet", node_url=url))


async def node(url: str, path: str, body: dict[str, Any]) -> Any:
    async with httpx.AsyncClient(timeout=10) as http:
        reply = await http.post(f"{url}/{path}", json=body)
        reply.raise_for_status()
        return reply.json()


async def trx_sun(url: str, address: str) -> int:
    """The account's TRX balance in sun, as the node reports it."""
    account = await node(url, "wallet/getaccount", {"address": address, "visible": True})
    return int(account.get("balance", 0))


async def transaction(url: str, txid: str) -> dict[str, Any]:
    """The transaction ``txid`` as the node returns it (visible addresses)."""
    tx: dict[str, Any] = await node(url, "wallet/gettransactionbyid",
                                    {"value": txid, "visible": True})
    return tx


async def called_function(url: str, txid: str) -> str:
    """The 4-byte selector (hex) of the contract call in transaction ``txid``."""
    tx = await transaction(url, txid)
    value = tx["raw_data"]["contract"][0]["parameter"]["value"]
    return str(value["data"])[:8]


async def deposit(link: VaultLink, signer: KeySigner, amount: int) -> None:
    await link.vault.deposit(signer, amount)
