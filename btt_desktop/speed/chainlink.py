"""Where a network's Speed vault lives, and a tronpy client to reach it.

On the devnet the vault is native and the node names it (``POST /devnet/info``). No
SpeedVault contract is published on mainnet or nile yet, so Speed refuses them with a
clear line rather than pointing cheques at an address nobody checked.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx
from tronpy import AsyncTron
from tronpy.providers.async_http import AsyncHTTPProvider

from btt_desktop.errors import ChainError, SpeedError
from btt_desktop.speed.messages import is_network_id, is_tron_address
from btt_desktop.speed.vault import ContractVault
from btt_desktop.wallet.networks import Network

TIMEOUT = 15.0


@dataclass
class VaultLink:
    """A vault client and the Speed network id (``net``) of one network."""

    vault: ContractVault
    net: str
    network: Network
    _http: httpx.AsyncClient

    async def close(self) -> None:
        await self._http.aclose()


async def open_vault(network: Network, vault_address: str | None = None) -> VaultLink:
    """Connect to ``network``'s vault; ``vault_address`` overrides the known one."""
    headers = {"TRON-PRO-API-KEY": network.api_key} if network.api_key else {}
    http = httpx.AsyncClient(timeout=httpx.Timeout(TIMEOUT), headers=headers)
    try:
        net, address = await _locate(network, http, vault_address)
        provider = AsyncHTTPProvider(network.node_url + "/", timeout=TIMEOUT, client=http)
        provider.use_api_key = False
        tron = AsyncTron(provider=provider, conf={"timeout": TIMEOUT})
        return VaultLink(ContractVault(tron, address), net, network, http)
    except BaseException:
        await http.aclose()
        raise


async def _locate(network: Network, http: httpx.AsyncClient,
                  vault_address: str | None) -> tuple[str, str]:
    if network.name != "devnet":
        if vault_address is None or network.network_id is None:
            raise SpeedError(f"Speed has no vault contract on {network.name} yet; "
                             f"try it on a devnet (btt devnet)")
        return network.network_id, vault_address
    url = f"{network.node_url}/devnet/info"
    try:
        reply = await http.post(url, json={})
        reply.raise_for_status()
        info = reply.json()
    except (httpx.HTTPError, ValueError):
        raise ChainError(f"node unreachable: {network.node_url}") from None
    net = info.get("networkId") if isinstance(info, dict) else None
    address = vault_address or (info.get("vault") if isinstance(info, dict) else None)
    if not (isinstance(net, str) and is_network_id(net)):
        raise SpeedError(f"the node at {network.node_url} did not give a devnet network id")
    if not (isinstance(address, str) and is_tron_address(address)):
        raise SpeedError(f"the node at {network.node_url} did not name its Speed vault")
    return net, address
