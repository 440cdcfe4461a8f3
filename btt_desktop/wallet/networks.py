"""The TRON networks the wallet talks to, and the user's choice of one (persisted).

- mainnet: TronGrid, BTT is the TRC-20 at ``TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4``.
- nile: the public testnet. BitTorrent publishes no BTT TRC-20 there, so BTT is
  unavailable unless the user names a token contract.
- devnet: the local node (``btt devnet``); its BTT contract and network id are read
  from the node itself.
- custom: any java-tron compatible node URL (BTT contract given by the user).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from btt_desktop.atomicfile import read_with_backup, write_atomic
from btt_desktop.errors import WalletError
from btt_desktop.wallet import hdkeys
from btt_desktop.wallet.amounts import BTT_DECIMALS, Token

MAINNET_URL = "https://api.trongrid.io"
NILE_URL = "https://nile.trongrid.io"
DEVNET_URL = "http://127.0.0.1:8090"
MAINNET_BTT = "TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4"
NETWORK_NAMES = ("mainnet", "nile", "devnet", "custom")
SETTINGS_FILE = "network.json"

NILE_NO_BTT = ("BTT has no official TRC-20 contract on nile; "
               "name one with --btt-contract to use a test token")
CUSTOM_NO_BTT = "no BTT contract configured for this node (set one with --btt-contract)"
DEVNET_UNRESOLVED = "the devnet's BTT contract is not known yet (the node was not reached)"


@dataclass(frozen=True)
class Network:
    name: str                         # one of NETWORK_NAMES
    node_url: str                     # java-tron HTTP API base, no trailing slash
    btt_contract: str | None          # base58 address of the BTT TRC-20, if any
    btt_missing_reason: str | None = None
    network_id: str | None = None     # "mainnet", "nile", "devnet:<genesis id>" (Speed "net")
    api_key: str | None = field(default=None, repr=False)  # TronGrid API key header
    explorer_tx: str | None = None    # URL template with {txid}
    lists_transactions: bool = False  # offers TronGrid's /v1/accounts/... history

    @property
    def btt(self) -> Token | None:
        if self.btt_contract is None:
            return None
        return Token("BTT", BTT_DECIMALS, self.btt_contract)

    def tx_url(self, txid: str) -> str | None:
        return self.explorer_tx.format(txid=txid) if self.explorer_tx else None


def _check_url(url: str) -> str:
    cleaned = url.strip().rstrip("/")
    parts = urlsplit(cleaned)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise WalletError(f"not a node URL: {url!r} (expected http://host:port or https://...)")
    return cleaned


def _is_trongrid(node_url: str | None) -> bool:
    return node_url is None or "trongrid.io" in node_url


def network(name: str, *, node_url: str | None = None, api_key: str | None = None,
            btt_contract: str | None = None) -> Network:
    """The built-in definition of ``name``, with the user's overrides applied."""
    if name not in NETWORK_NAMES:
        raise WalletError(f"unknown network {name!r}: use one of {', '.join(NETWORK_NAMES)}")
    btt = hdkeys.normalize_address(btt_contract) if btt_contract else None
    key = api_key.strip() if api_key and api_key.strip() else None
    if name == "mainnet":
        return Network("mainnet", _check_url(node_url or MAINNET_URL), btt or MAINNET_BTT,
                       network_id="mainnet", api_key=key,
                       explorer_tx="https://tronscan.org/#/transaction/{txid}",
                       lists_transactions=_is_trongrid(node_url))
    if name == "nile":
        return Network("nile", _check_url(node_url or NILE_URL), btt,
                       None if btt else NILE_NO_BTT, network_id="nile", api_key=key,
                       explorer_tx="https://nile.tronscan.org/#/transaction/{txid}",
                       lists_transactions=_is_trongrid(node_url))
    if name == "devnet":
        return Network("devnet", _check_url(node_url or DEVNET_URL), btt,
                       None if btt else DEVNET_UNRESOLVED, api_key=key)
    if not node_url:
        raise WalletError("a custom network needs a node URL (--node URL)")
    return Network("custom", _check_url(node_url), btt, None if btt else CUSTOM_NO_BTT,
                   api_key=key)


def apply_devnet_info(net: Network, info: dict[str, Any]) -> Network:
    """Fill the BTT contract and network id from the devnet's ``/devnet/info`` answer
    (``btt``, ``networkId``, ``genesisId``)."""
    btt = info.get("btt")
    network_id = info.get("networkId")
    if not network_id and info.get("genesisId"):
        network_id = f"devnet:{info['genesisId']}"
    changes: dict[str, Any] = {}
    if isinstance(btt, str) and btt and net.btt_contract is None:
        changes["btt_contract"] = hdkeys.normalize_address(btt)
        changes["btt_missing_reason"] = None
    if isinstance(network_id, str) and network_id:
        changes["network_id"] = network_id
    return replace(net, **changes) if changes else net


# --- the persisted choice --------------------------------------------------------------

@dataclass(frozen=True)
class NetworkChoice:
    """What the user picked: stored in ``<profile>/wallet/network.json`` (mode 0600)."""

    name: str = "mainnet"
    node_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    btt_contract: str | None = None

    def resolve(self) -> Network:
        return network(self.name, node_url=self.node_url, api_key=self.api_key,
                       btt_contract=self.btt_contract)


def load_choice(wallet_dir: Path) -> NetworkChoice:
    data = read_with_backup(wallet_dir / SETTINGS_FILE)
    if data is None:
        return NetworkChoice()
    try:
        raw = json.loads(data)
        choice = NetworkChoice(
            name=str(raw.get("name", "mainnet")),
            node_url=raw.get("node_url") or None,
            api_key=raw.get("api_key") or None,
            btt_contract=raw.get("btt_contract") or None,
        )
        choice.resolve()  # validate
    except (ValueError, AttributeError, WalletError):
        return NetworkChoice()
    return choice


def save_choice(wallet_dir: Path, choice: NetworkChoice) -> None:
    """Blocking (fsync): call through ``asyncio.to_thread``."""
    choice.resolve()  # refuse to persist something unusable
    document = {"name": choice.name, "node_url": choice.node_url, "api_key": choice.api_key,
                "btt_contract": choice.btt_contract}
    write_atomic(wallet_dir / SETTINGS_FILE, (json.dumps(document, indent=2) + "\n").encode())
