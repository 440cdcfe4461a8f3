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
from urllib.parse import parse_qsl, urlsplit

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


def _transfer(txid: str, block: int, stamp: int, sender: str, to: str, amount: int,
              fee: int) -> dict[str, Any]:
    return {"ret": [{"contractRet": "SUCCESS", "fee": fee}], "signature": ["00" * 65],
            "txID": txid, "net_usage": 0, "raw_data_hex": "", "net_fee": fee,
            "energy_usage": 0, "blockNumber": block, "block_timestamp": stamp,
            "energy_fee": 0, "energy_usage_total": 0, "internal_transactions": [],
            "raw_data": {"timestamp": stamp - 1000, "contract": [{
                "type": "TransferContract",
                "parameter": {"type_url": "type.googleapis.com/protocol.TransferContract",
                              "value": {"amount": amount, "owner_address": _hex(sender),
                                        "to_address": _hex(to)}}}]}}


def _call(txid: str, block: int, stamp: int, data: str, contract: str, result: str,
          fee: int) -> dict[str, Any]:
    return {"ret": [{"contractRet": result, "fee": fee}], "signature": ["00" * 65],
            "txID": txid, "net_usage": 345, "raw_data_hex": "", "net_fee": 0,
            "energy_usage": 0, "blockNumber": block, "block_timestamp": stamp,
            "energy_fee": fee, "energy_usage_total": fee // 100, "internal_transactions": [],
            "raw_data": {"contract": [{
                "type": "TriggerSmartContract",
                "parameter": {"value": {"data": data, "owner_address": _hex(ME),
                                        "contract_address": _hex(contract)}}}]}}


VAULT = "TL6oat5a7BCMya8J9gM1r43sG1udYocqt8"
TRANSFER_DATA = ("a9059cbb" + _hex(FRIEND)[2:].rjust(64, "0")
                 + format(7 * 10**18, "x").rjust(64, "0"))
BTT_INFO = {"symbol": "BTT", "address": networks.MAINNET_BTT, "decimals": 18,
            "name": "BitTorrent"}
# newest first, two pages: the second one after "page-2"
TRONGRID_PAGES: dict[str | None, dict[str, Any]] = {
    None: {"success": True, "data": [
        _transfer("aa" * 32, 12, 1_700_000_003_000, FRIEND, ME, 2_500_000, 0),
        _call("cc" * 32, 11, 1_700_000_002_000, "3ccfd60b", VAULT, "REVERT", 1_234_000),
    ], "meta": {"at": 1_700_000_009_000, "page_size": 2, "fingerprint": "page-2",
                "links": {"next": "https://api.trongrid.io/v1/...&fingerprint=page-2"}}},
    "page-2": {"success": True, "data": [
        _call("bb" * 32, 9, 1_700_000_001_000, TRANSFER_DATA, networks.MAINNET_BTT, "SUCCESS",
              345_000),
    ], "meta": {"at": 1_700_000_009_000, "page_size": 1}},
}
TRONGRID_TRC20: dict[str, Any] = {"success": True, "data": [
    {"transaction_id": "dd" * 32, "block_timestamp": 1_700_000_004_000, "from": VAULT,
     "to": ME, "type": "Transfer", "value": "2000000000000000000", "token_info": BTT_INFO},
    {"transaction_id": "bb" * 32, "block_timestamp": 1_700_000_001_000, "from": ME,
     "to": FRIEND, "type": "Transfer", "value": "7000000000000000000", "token_info": BTT_INFO},
    {"transaction_id": "ee" * 32, "block_timestamp": 1_700_000_000_000, "from": ME,
     "to": VAULT, "type": "Approval", "value": "5", "token_info": BTT_INFO},
], "meta": {"at": 1_700_000_009_000, "page_size": 3}}
FAILED_INFO = {"id": "cc" * 32, "fee": 1_234_000, "blockNumber": 11,
               "contractResult": ["08c379a0" + "20".rjust(64, "0") + "23".rjust(64, "0")
                                  + b"SpeedVault: no withdrawal announced".hex().ljust(64 * 2,
                                                                                     "0")],
               "receipt": {"energy_fee": 1_234_000, "result": "REVERT"},
               "result": "FAILED", "resMessage": b"REVERT opcode executed".hex()}


@pytest.fixture
def trongrid_standin() -> Iterator[tuple[str, list[dict[str, str]]]]:
    seen: list[dict[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def _answer(self, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            seen.append({"path": self.path,
                         "key": self.headers.get("TRON-PRO-API-KEY", "")})
            query = dict(parse_qsl(urlsplit(self.path).query))
            if "/trc20" in self.path:
                self._answer(TRONGRID_TRC20)
            else:
                self._answer(TRONGRID_PAGES[query.get("fingerprint")])

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            seen.append({"path": self.path, "key": self.headers.get("TRON-PRO-API-KEY", ""),
                         "body": json.dumps(body)})
            self._answer(FAILED_INFO if body.get("value") == "cc" * 32 else {})

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
    assert [(r.txid, r.kind, r.token, r.direction, r.counterparty, r.amount, r.fee_sun,
             r.result) for r in records] == [
        ("dd" * 32, "receive", "BTT", "in", VAULT, 2 * 10**18, 0, "SUCCESS"),
        ("aa" * 32, "receive", "TRX", "in", FRIEND, 2_500_000, 0, "SUCCESS"),
        ("cc" * 32, "withdraw", None, "", None, 0, 1_234_000, "REVERT"),
        ("bb" * 32, "send", "BTT", "out", FRIEND, 7 * 10**18, 345_000, "SUCCESS"),
    ]
    assert records[2].reason == "SpeedVault: no withdrawal announced"
    assert records[2].contract == VAULT and records[2].function == "withdraw"
    assert {s["key"] for s in seen} == {"my-key"}
    listing = [dict(parse_qsl(urlsplit(s["path"]).query)) for s in seen
               if urlsplit(s["path"]).path == f"/v1/accounts/{ME}/transactions"]
    assert [q.get("fingerprint") for q in listing] == [None, "page-2"]
    assert all(q["only_confirmed"] == "true" for q in listing)
    tokens = [dict(parse_qsl(urlsplit(s["path"]).query)) for s in seen
              if urlsplit(s["path"]).path == f"/v1/accounts/{ME}/transactions/trc20"]
    assert tokens and tokens[0]["contract_address"] == networks.MAINNET_BTT
    asked = [s for s in seen if s["path"] == "/wallet/gettransactioninfobyid"]
    assert len(asked) == 1 and json.loads(asked[0]["body"])["value"] == "cc" * 32
