"""Where a network's Speed vault lives, checked, and a tronpy client to reach it.

:func:`open_vault` finds the vault contract (:mod:`btt_desktop.speed.deployments`; on a
devnet the node names its own), then refuses it unless the chain agrees with what Speed
is about to sign:

- the runtime code is the committed SpeedVault (immutable values aside);
- ``networkId()`` is keccak256 of the Speed network id (``mainnet``, ``nile``,
  ``devnet:<id>``), and on mainnet and nile ``chainId()`` is that network's chain id;
- ``domainSeparator()`` is the TIP-712 domain Speed computes for (chain id, contract).

So a node that lies about its network, or a table entry that names another contract,
ends in one clear line instead of cheques nobody can cash.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from tronpy import AsyncTron
from tronpy.providers.async_http import AsyncHTTPProvider

from btt_desktop.errors import ChainError, SpeedError
from btt_desktop.speed import deployments
from btt_desktop.speed.cheque import MAINNET_CHAIN_ID, NILE_CHAIN_ID, ChequeDomain
from btt_desktop.speed.messages import is_network_id, is_tron_address
from btt_desktop.speed.signing import keccak256
from btt_desktop.speed.vault import ContractVault
from btt_desktop.wallet.networks import Network

TIMEOUT = 15.0


class NoVaultContract(SpeedError):
    """The network has no SpeedVault contract (yet): Speed cannot run there at all."""
KNOWN_CHAIN_IDS = {"mainnet": MAINNET_CHAIN_ID, "nile": NILE_CHAIN_ID}


@dataclass
class VaultLink:
    """A vault client, the Speed network id (``net``) and the cheque domain of one network."""

    vault: ContractVault
    net: str
    domain: ChequeDomain
    network: Network
    _http: httpx.AsyncClient

    async def close(self) -> None:
        await self._http.aclose()


def tron_client(network: Network, http: httpx.AsyncClient) -> AsyncTron:
    """tronpy's client for ``network`` over ``http`` (our API-key header, not tronpy's)."""
    provider = AsyncHTTPProvider(network.node_url + "/", timeout=TIMEOUT, client=http)
    provider.use_api_key = False
    return AsyncTron(provider=provider, conf={"timeout": TIMEOUT})


def new_http(network: Network) -> httpx.AsyncClient:
    headers = {"TRON-PRO-API-KEY": network.api_key} if network.api_key else {}
    return httpx.AsyncClient(timeout=httpx.Timeout(TIMEOUT), headers=headers)


def known_unavailable(network: Network, speed_dir: Path | None = None) -> str | None:
    """Why Speed cannot run on ``network``, when that is known without asking a node:
    mainnet or nile with no vault shipped or recorded in this profile. None otherwise."""
    if network.name not in KNOWN_CHAIN_IDS:
        return None
    if deployments.shipped_vault(network.name) is not None:
        return None
    if speed_dir is not None and deployments.recorded_vault(speed_dir, network.name):
        return None
    return (f"BTT Speed is off on {network.name}: no Speed vault contract is deployed "
            f"there yet.")


def vault_networks(speed_dir: Path | None = None) -> list[str]:
    """The networks BTT Speed can run on as far as is known without a node: the devnet
    (its genesis vault), and mainnet or nile where a vault is shipped or was recorded in
    this profile (a custom node is found out when Speed starts)."""
    return ["devnet"] + [name for name in KNOWN_CHAIN_IDS
                         if deployments.shipped_vault(name) is not None
                         or (speed_dir is not None
                             and deployments.recorded_vault(speed_dir, name))]


async def open_vault(network: Network, *, speed_dir: Path | None = None,
                     vault_address: str | None = None) -> VaultLink:
    """Connect to ``network``'s vault, checked as the module docstring says.

    ``vault_address`` overrides every other source; ``speed_dir`` is the profile's Speed
    folder, where ``btt vault deploy`` records the vaults it made."""
    http = new_http(network)
    try:
        net, chain_id, address = await locate(network, http, speed_dir, vault_address)
        vault = ContractVault(tron_client(network, http), address)
        domain = await verify(vault, net, chain_id)
        return VaultLink(vault, net, domain, network, http)
    except BaseException:
        await http.aclose()
        raise


async def _post(http: httpx.AsyncClient, url: str, body: dict[str, Any]) -> Any:
    try:
        reply = await http.post(url, json=body)
        reply.raise_for_status()
        return reply.json()
    except (httpx.HTTPError, ValueError):
        raise ChainError(f"node unreachable: {url.rsplit('/', 2)[0]}") from None


async def network_of(network: Network,
                     http: httpx.AsyncClient) -> tuple[str, int | None, str | None]:
    """(Speed network id, chain id if known, the vault a devnet names) of ``network``.

    Mainnet and nile are named by the wallet's choice. A devnet names itself
    (``/devnet/info``); its id must start with ``devnet:``. Any other TRON node is named
    by its genesis block: ``devnet:<first 16 hex digits of the genesis block id>``, chain
    id its last 4 bytes."""
    if network.name in KNOWN_CHAIN_IDS:
        return network.name, KNOWN_CHAIN_IDS[network.name], None
    try:
        info = await _post(http, f"{network.node_url}/devnet/info", {})
    except ChainError:
        if network.name == "devnet":
            raise
        info = None
    if isinstance(info, dict) and info:
        net, chain_id, vault = info.get("networkId"), info.get("chainId"), info.get("vault")
        if not (isinstance(net, str) and is_network_id(net) and net.startswith("devnet:")):
            raise SpeedError(f"the node at {network.node_url} did not give a devnet network id")
        return (net, chain_id if isinstance(chain_id, int) else None,
                vault if isinstance(vault, str) and is_tron_address(vault) else None)
    block = await _post(http, f"{network.node_url}/wallet/getblockbynum", {"num": 0})
    block_id = block.get("blockID") if isinstance(block, dict) else None
    if not (isinstance(block_id, str) and len(block_id) == 64):
        raise SpeedError(f"the node at {network.node_url} did not give its genesis block")
    try:
        chain_id = int(block_id[-8:], 16)
    except ValueError:
        raise SpeedError(f"the node at {network.node_url} gave a malformed block id") from None
    return f"devnet:{block_id[:16]}", chain_id, None


async def locate(network: Network, http: httpx.AsyncClient, speed_dir: Path | None,
                 vault_address: str | None) -> tuple[str, int | None, str]:
    """(net, chain id if known, vault address) for ``network``."""
    net, chain_id, named = await network_of(network, http)
    address = vault_address
    if address is None and speed_dir is not None:
        address = deployments.recorded_vault(speed_dir, net)
    if address is None:
        address = deployments.shipped_vault(network.name) or named
    if address is None:
        raise NoVaultContract(known_unavailable(network) or
                              f"BTT Speed is off on {network.name}: no Speed vault contract "
                              f"is deployed there yet.")
    if not is_tron_address(address):
        raise SpeedError(f"not a TRON address for the vault: {address[:60]!r}")
    return net, chain_id, address


async def verify(vault: ContractVault, net: str, chain_id: int | None) -> ChequeDomain:
    """Check the contract at ``vault`` against the committed SpeedVault and ``net``;
    returns the cheque domain Speed signs with."""
    where = vault.address
    if not deployments.is_speed_vault_code(await vault.runtime_code()):
        raise SpeedError(f"the contract at {where} is not the SpeedVault this client "
                         f"trusts (its code differs)")
    if await vault.network_id() != keccak256(net.encode("utf-8")):
        raise SpeedError(f"the vault at {where} belongs to another network than {net}")
    contract_chain = await vault.chain_id()
    if net not in KNOWN_CHAIN_IDS:
        _refuse_public_identity(net, where, contract_chain)
    if chain_id is not None and contract_chain != chain_id:
        raise SpeedError(f"the vault at {where} was made for chain id {contract_chain}, but "
                         f"{net} is chain id {chain_id}")
    domain = ChequeDomain(contract_chain, where)
    if await vault.domain_separator() != domain.separator():
        raise SpeedError(f"the vault at {where} signs cheques differently than this client")
    return domain


def _refuse_public_identity(net: str, vault: str, chain_id: int) -> None:
    """A devnet or custom node must not get cheques that a public network would honour:
    a cheque binds only the chain id and the vault's address, so a node that lies about
    both could otherwise collect cheques on the user's mainnet vault."""
    for name, public_chain in KNOWN_CHAIN_IDS.items():
        if chain_id == public_chain:
            raise SpeedError(f"the vault at {vault} on {net} claims the chain id of {name}: "
                             f"BTT Speed refuses to sign cheques a public network would pay")
        if deployments.shipped_vault(name) == vault:
            raise SpeedError(f"the node for {net} names the {name} vault {vault}: BTT Speed "
                             f"refuses to sign cheques a public network would pay")
