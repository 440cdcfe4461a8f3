"""open_vault refuses a vault Speed must not sign cheques for, against a real devnet.

Speed signs cheques for one chain and one contract; before it does, open_vault checks
that the node, the contract's code and the contract's constructor values agree. Each
refusal is one line. The vaults with wrong values are deployed for real (the committed
bytecode, through btt_desktop.speed.deploy); a node that lies about its network is
simulated by a small HTTP proxy in front of the real devnet that rewrites only the
answer of ``/devnet/info``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from btt_desktop.errors import SpeedError
from btt_desktop.speed import deployments
from btt_desktop.speed.chainlink import (
    known_unavailable,
    new_http,
    open_vault,
    tron_client,
    vault_networks,
)
from btt_desktop.speed.cheque import MAINNET_CHAIN_ID, NILE_CHAIN_ID, ChequeDomain
from btt_desktop.speed.deploy import deploy, plan_deploy
from btt_desktop.wallet.networks import network
from tests.conftest import next_loopback
from tests.devnet_process import devnet_info, devnet_process
from tests.speed.speed_chain import funded
from tests.speed.speed_keys import KeySigner

pytestmark = pytest.mark.timeout(180)


@pytest.fixture(scope="module")
def devnet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Any]]]:
    with devnet_process(tmp_path_factory.mktemp("devnet")) as url:
        yield url, devnet_info(url)


@pytest.fixture(scope="module")
def deployer(devnet: tuple[str, dict[str, Any]]) -> KeySigner:
    import asyncio

    return asyncio.run(funded(devnet[0], trx=20_000))


class LyingNode:
    """An HTTP proxy to ``upstream`` whose ``/devnet/info`` answer has ``changes`` applied
    (everything else is the real node's answer)."""

    def __init__(self, upstream: str, changes: dict[str, Any]) -> None:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                reply = httpx.post(upstream + self.path, content=body, timeout=10,
                                   headers={"Content-Type": "application/json"})
                data = reply.content
                if self.path.rstrip("/") == "/devnet/info":
                    outer.lied += 1
                    data = json.dumps({**reply.json(), **changes}).encode()
                self.send_response(reply.status_code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST

            def log_message(self, format: str, *args: Any) -> None:
                return None

        self.lied = 0
        host = next_loopback()
        self._server = ThreadingHTTPServer((host, 0), Handler)
        self.url = f"http://{host}:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> LyingNode:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


async def _deploy(url: str, signer: KeySigner, *, net: str, chain_id: int, token: str) -> str:
    """Deploy the committed SpeedVault with these constructor values; its address."""
    net_def = network("devnet", node_url=url)
    http = new_http(net_def)
    try:
        tron = tron_client(net_def, http)
        plan = await plan_deploy(tron, owner=signer.address, net=net, chain_id=chain_id,
                                 token=token, notice=60)
        return (await deploy(tron, plan, signer)).address
    finally:
        await http.aclose()


def _one_line(exc: BaseException) -> str:
    text = str(exc)
    assert text and "\n" not in text
    return text


async def test_the_genesis_vault_passes(devnet: tuple[str, dict[str, Any]]) -> None:
    url, info = devnet
    link = await open_vault(network("devnet", node_url=url))
    try:
        assert link.net == info["networkId"]
        assert link.domain == ChequeDomain(info["chainId"], info["vault"])
        assert link.vault.address == info["vault"]
    finally:
        await link.close()


async def test_a_node_claiming_mainnet_is_refused(devnet: tuple[str, dict[str, Any]]) -> None:
    """Simulated lie: a devnet whose /devnet/info says it is mainnet (a devnet may only
    name itself devnet:<id>; mainnet's identity comes from the wallet's choice)."""
    url, _ = devnet
    with LyingNode(url, {"networkId": "mainnet"}) as liar:
        with pytest.raises(SpeedError) as info:
            await open_vault(network("devnet", node_url=liar.url))
        assert liar.lied == 1
    assert _one_line(info.value) == (f"the node at {liar.url} did not give a devnet "
                                     f"network id")


async def test_a_node_claiming_another_devnet_or_chain_is_refused(
        devnet: tuple[str, dict[str, Any]]) -> None:
    """Simulated lies about the network id and the chain id: the genesis vault's own
    constructor values contradict them."""
    url, info = devnet
    vault = info["vault"]
    with LyingNode(url, {"networkId": "devnet:someone-else"}) as liar, \
            pytest.raises(SpeedError) as other_net:
        await open_vault(network("devnet", node_url=liar.url))
    assert _one_line(other_net.value) == (f"the vault at {vault} belongs to another network "
                                          f"than devnet:someone-else")
    with LyingNode(url, {"chainId": info["chainId"] + 1}) as liar, \
            pytest.raises(SpeedError) as other_chain:
        await open_vault(network("devnet", node_url=liar.url))
    assert _one_line(other_chain.value) == (
        f"the vault at {vault} was made for chain id {info['chainId']}, but "
        f"{info['networkId']} is chain id {info['chainId'] + 1}")


async def test_a_contract_that_is_not_the_speed_vault_is_refused(
        devnet: tuple[str, dict[str, Any]], deployer: KeySigner) -> None:
    url, info = devnet
    where = network("devnet", node_url=url)
    # the devnet's BTT token: a contract, but not the SpeedVault
    with pytest.raises(SpeedError) as token:
        await open_vault(where, vault_address=info["btt"])
    assert _one_line(token.value) == (f"the contract at {info['btt']} is not the SpeedVault "
                                      f"this client trusts (its code differs)")
    # an ordinary account: no code at all
    with pytest.raises(SpeedError, match="is not the SpeedVault this client trusts"):
        await open_vault(where, vault_address=deployer.address)
    with pytest.raises(SpeedError) as garbage:
        await open_vault(where, vault_address="not-an-address")
    assert _one_line(garbage.value) == "not a TRON address for the vault: 'not-an-address'"


async def test_a_vault_deployed_for_another_network_is_refused(
        devnet: tuple[str, dict[str, Any]], deployer: KeySigner, tmp_path: Path) -> None:
    """The same bytecode, deployed on this devnet, but its constructor was given another
    network id (or chain id): cheques signed for it would be bound to the wrong network,
    so Speed will not use it, whether named directly or recorded in the profile."""
    url, info = devnet
    where = network("devnet", node_url=url)
    elsewhere = await _deploy(url, deployer, net="devnet:elsewhere", chain_id=info["chainId"],
                              token=info["btt"])
    with pytest.raises(SpeedError) as other_net:
        await open_vault(where, vault_address=elsewhere)
    assert _one_line(other_net.value) == (f"the vault at {elsewhere} belongs to another "
                                          f"network than {info['networkId']}")
    deployments.record_vault(tmp_path, info["networkId"], elsewhere)
    with pytest.raises(SpeedError, match="belongs to another network"):
        await open_vault(where, speed_dir=tmp_path)

    wrong_chain = await _deploy(url, deployer, net=info["networkId"],
                                chain_id=info["chainId"] + 7, token=info["btt"])
    with pytest.raises(SpeedError) as other_chain:
        await open_vault(where, vault_address=wrong_chain)
    assert _one_line(other_chain.value) == (
        f"the vault at {wrong_chain} was made for chain id {info['chainId'] + 7}, but "
        f"{info['networkId']} is chain id {info['chainId']}")

    # deployed with the right values, a second vault on the same devnet is accepted, and
    # a profile that recorded it uses it instead of the genesis vault
    right = await _deploy(url, deployer, net=info["networkId"], chain_id=info["chainId"],
                          token=info["btt"])
    assert right != info["vault"]
    deployments.record_vault(tmp_path, info["networkId"], right)
    link = await open_vault(where, speed_dir=tmp_path)
    try:
        assert link.vault.address == right
        assert link.domain == ChequeDomain(info["chainId"], right)
        assert await link.vault.notice_period() == 60
    finally:
        await link.close()


async def test_a_devnet_vault_made_with_a_public_chain_id_is_refused(
        devnet: tuple[str, dict[str, Any]], deployer: KeySigner) -> None:
    """A node that lies about the chain: a vault on this devnet deployed with mainnet's
    (or nile's) chain id, named by a proxy in front of the real devnet. Cheques signed for
    it would carry mainnet's domain; Speed refuses before signing any."""
    url, info = devnet
    for name, chain_id in (("mainnet", MAINNET_CHAIN_ID), ("nile", NILE_CHAIN_ID)):
        address = await _deploy(url, deployer, net=info["networkId"], chain_id=chain_id,
                                token=info["btt"])
        with (LyingNode(url, {"chainId": chain_id, "vault": address}) as liar,
              pytest.raises(SpeedError) as refused):
            await open_vault(network("devnet", node_url=liar.url))
        assert _one_line(refused.value) == (
            f"the vault at {address} on {info['networkId']} claims the chain id of {name}: "
            f"BTT Speed refuses to sign cheques a public network would pay")


def test_the_networks_with_a_vault_are_known_without_a_node(tmp_path: Path) -> None:
    """What the wallet's Speed tab lists: the devnet, and mainnet or nile once a vault is
    shipped or recorded in the profile (``btt vault deploy`` records one)."""
    assert vault_networks(tmp_path) == ["devnet"]
    assert known_unavailable(network("nile"), tmp_path) is not None
    deployments.record_vault(tmp_path, "nile", "TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH")
    assert vault_networks(tmp_path) == ["devnet", "nile"]
    assert known_unavailable(network("nile"), tmp_path) is None
    assert known_unavailable(network("mainnet"), tmp_path) == (
        "BTT Speed is off on mainnet: no Speed vault contract is deployed there yet.")
