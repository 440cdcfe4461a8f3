"""Networks, the saved network choice, amounts, and TronGrid's account-history API."""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Iterator
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail

from btt_desktop.errors import WalletError
from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.wallet import hdkeys, networks
from btt_desktop.wallet.amounts import InvalidAmount, format_amount, parse_amount
from btt_desktop.wallet.chain import ChainClient
from btt_desktop.wallet.keyring_store import KeyringStore
from btt_desktop.wallet.keystore import ScryptParams
from btt_desktop.wallet.networks import NetworkChoice
from btt_desktop.wallet.service import WalletService

ME = "TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH"
FRIEND = "TSeJkUh4Qv67VNFwY8LaAxERygNdy6NQZK"


def test_builtin_networks() -> None:
    mainnet = networks.network("mainnet")
    assert mainnet.node_url == "https://api.trongrid.io"
    assert mainnet.btt_contract == "TAFjULxiVgT4qWk6UZwjqwZXTSaGaqnVp4"
    assert mainnet.btt is not None and mainnet.btt.decimals == 18
    assert mainnet.network_id == "mainnet" and mainnet.lists_transactions
    nile = networks.network("nile")
    assert nile.node_url == "https://nile.trongrid.io" and nile.btt is None
    assert nile.btt_missing_reason is not None and "no official TRC-20" in nile.btt_missing_reason
    devnet = networks.network("devnet")
    assert devnet.node_url == "http://127.0.0.1:8090" and not devnet.lists_transactions
    with pytest.raises(WalletError, match="custom network needs a node URL"):
        networks.network("custom")
    with pytest.raises(WalletError, match="unknown network 'testnet'"):
        networks.network("testnet")
    with pytest.raises(WalletError, match="not a node URL"):
        networks.network("devnet", node_url="127.0.0.1:8090")
    private = networks.network("mainnet", node_url="http://10.0.0.5:8090/", api_key=" k ")
    assert private.node_url == "http://10.0.0.5:8090" and private.api_key == "k"
    assert not private.lists_transactions  # a plain java-tron node has no /v1 index
    assert "api_key" not in repr(private)  # the key stays out of logs


def test_devnet_info_fills_btt_and_network_id() -> None:
    devnet = networks.network("devnet")
    filled = networks.apply_devnet_info(devnet, {"btt": FRIEND, "networkId": "devnet:abc"})
    assert (filled.btt_contract, filled.network_id, filled.btt_missing_reason) == (
        FRIEND, "devnet:abc", None)
    assert networks.apply_devnet_info(devnet, {}) == devnet


def test_network_choice_persists(tmp_path: Path) -> None:
    assert networks.load_choice(tmp_path) == NetworkChoice()
    choice = NetworkChoice("custom", node_url="http://192.168.1.9:8090", api_key="secret-key",
                           btt_contract=FRIEND)
    networks.save_choice(tmp_path, choice)
    assert networks.load_choice(tmp_path) == choice
    (tmp_path / networks.SETTINGS_FILE).write_text("{broken")
    (tmp_path / (networks.SETTINGS_FILE + ".bak")).unlink(missing_ok=True)
    assert networks.load_choice(tmp_path) == NetworkChoice()  # unreadable: the default


async def test_service_switches_network_and_remembers(tmp_path: Path) -> None:
    service = WalletService(Profile.open(tmp_path), EventBus(), kdf=ScryptParams(1 << 10),
                            keyring=KeyringStore(fail.Keyring()))
    await service.open()
    assert service.network.name == "mainnet"
    await service.set_network(NetworkChoice("devnet", node_url="http://127.0.0.2:9999"))
    again = WalletService(Profile.open(tmp_path), EventBus(), keyring=KeyringStore(fail.Keyring()))
    await again.open()
    assert again.network.name == "devnet" and again.network.node_url == "http://127.0.0.2:9999"


@pytest.mark.parametrize("text,decimals,units", [
    ("1", 6, 1_000_000), ("1.5", 6, 1_500_000), ("0.000001", 6, 1), (" 2_000 ", 6, 2 * 10**9),
    ("1000.000000000000000001", 18, 10**21 + 1), ("1e3", 18, 10**21),
])
def test_parse_amount(text: str, decimals: int, units: int) -> None:
    assert parse_amount(text, decimals) == units


@pytest.mark.parametrize("text,message", [
    ("0", "more than 0"), ("-1", "more than 0"), ("abc", "not an amount"),
    ("1.0000001", "too many decimals"), ("nan", "not an amount"), ("1,5", "not an amount"),
])
def test_bad_amounts(text: str, message: str) -> None:
    with pytest.raises(InvalidAmount, match=message):
        parse_amount(text, 6, "TRX")


def test_format_amount_is_exact() -> None:
    assert format_amount(0, 18) == "0"
    assert format_amount(10**21 + 1, 18) == "1000.000000000000000001"
    assert format_amount(1_500_000, 6) == "1.5"
    assert Decimal(format_amount(123456789, 6)) == Decimal("123.456789")


# --- TronGrid's /v1 account history ---------------------------------------------------
# TronGrid cannot be reached from the test machines, so a local HTTP server answers in
# its documented response shape; what runs is the wallet's real HTTP and parsing code.

def _hex(address: str) -> str:
    return hdkeys.hex_address(address)


TRONGRID_TRANSACTIONS: dict[str, Any] = {"success": True, "meta": {"page_size": 2}, "data": [
    {"txID": "aa" * 32, "blockNumber": 10, "block_timestamp": 1_700_000_003_000,
     "ret": [{"contractRet": "SUCCESS", "fee": 0}],
     "raw_data": {"timestamp": 1_700_000_002_000, "contract": [{
         "type": "TransferContract",
         "parameter": {"type_url": "type.googleapis.com/protocol.TransferContract",
                       "value": {"amount": 2_500_000, "owner_address": _hex(FRIEND),
                                 "to_address": _hex(ME)}}}]}},
    {"txID": "bb" * 32, "blockNumber": 9, "block_timestamp": 1_700_000_001_000,
     "ret": [{"contractRet": "SUCCESS", "fee": 345000}],
     "raw_data": {"contract": [{
         "type": "TriggerSmartContract",
         "parameter": {"value": {"data": "a9059cbb", "owner_address": _hex(ME),
                                 "contract_address": _hex(networks.MAINNET_BTT)}}}]}},
]}
TRONGRID_TRC20: dict[str, Any] = {"success": True, "data": [
    {"transaction_id": "bb" * 32, "block_timestamp": 1_700_000_001_000, "from": ME,
     "to": FRIEND, "type": "Transfer", "value": "7000000000000000000",
     "token_info": {"symbol": "BTT", "address": networks.MAINNET_BTT, "decimals": 18,
                    "name": "BitTorrent"}},
]}


@pytest.fixture
def trongrid_standin() -> Iterator[tuple[str, list[dict[str, str]]]]:
    seen: list[dict[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append({"path": self.path,
                         "key": self.headers.get("TRON-PRO-API-KEY", "")})
            body = TRONGRID_TRC20 if "/trc20" in self.path else TRONGRID_TRANSACTIONS
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()
    server.server_close()
    thread.join()


async def test_trongrid_history_is_parsed_and_keyed(
        trongrid_standin: tuple[str, list[dict[str, str]]]) -> None:
    url, seen = trongrid_standin
    # a node URL without "trongrid.io" is taken for a plain node: mark it as TronGrid
    network = dataclasses.replace(networks.network("mainnet", node_url=url, api_key="my-key"),
                                  lists_transactions=True)
    async with ChainClient(network, timeout=5) as client:
        records = await client.recent_transactions(ME, 10)
    assert [(r.txid, r.token, r.direction, r.counterparty, r.amount) for r in records] == [
        ("aa" * 32, "TRX", "in", FRIEND, 2_500_000),
        ("bb" * 32, "BTT", "out", FRIEND, 7 * 10**18),
    ]
    assert {s["key"] for s in seen} == {"my-key"}
    assert any(s["path"].startswith(f"/v1/accounts/{ME}/transactions/trc20") for s in seen)
