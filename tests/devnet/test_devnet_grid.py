"""The devnet's account index (``/v1/accounts/{address}/transactions`` and ``.../trc20``)
answers in TronGrid's shapes, from its own blocks, receipts and logs.

TronGrid's field names, as its answers carry them (TronGrid's documentation,
developers.tron.network "Get transaction info by account address" / "TRC-20 transaction
history", and answers captured from api.trongrid.io):

- transactions: ``ret`` [``contractRet``, ``fee``], ``signature``, ``txID``,
  ``net_usage``, ``raw_data_hex``, ``net_fee``, ``energy_usage``, ``blockNumber``,
  ``block_timestamp``, ``energy_fee``, ``energy_usage_total``, ``raw_data`` (addresses in
  ``41`` hex), ``internal_transactions``;
- trc20: ``transaction_id``, ``token_info`` {``symbol``, ``address``, ``decimals``,
  ``name``}, ``block_timestamp``, ``from``, ``to``, ``type``, ``value`` (a string);
- around them ``{"data", "success", "meta": {"at", "page_size", "fingerprint",
  "links": {"next"}}}``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from tronpy import AsyncTron
from tronpy.providers.async_http import AsyncHTTPProvider

from btt_desktop.devnet.addresses import BTT_ADDRESS, VAULT_ADDRESS
from tests.devnet.devnet_helpers import BTT, broadcast, confirmed, new_key
from tests.devnet_process import devnet_process, faucet

pytestmark = pytest.mark.timeout(90)

TRANSACTION_FIELDS = {"ret", "signature", "txID", "net_usage", "raw_data_hex", "net_fee",
                      "energy_usage", "blockNumber", "block_timestamp", "energy_fee",
                      "energy_usage_total", "raw_data", "internal_transactions"}
TRC20_FIELDS = {"transaction_id", "token_info", "block_timestamp", "from", "to", "type",
                "value"}
TOKEN_INFO = {"symbol": "BTT", "address": BTT_ADDRESS, "decimals": 18, "name": "BitTorrent"}


def grid(url: str, address: str, params: dict[str, Any] | None = None, *,
         trc20: bool = False, status: int = 200) -> Any:
    path = f"{url}/v1/accounts/{address}/transactions" + ("/trc20" if trc20 else "")
    reply = httpx.get(path, params=params or {}, timeout=10)
    assert reply.status_code == status, reply.text
    return reply.json()


def post(url: str, endpoint: str, body: dict[str, Any]) -> Any:
    return httpx.post(f"{url}/wallet/{endpoint}", json=body, timeout=10).json()


def every_page(url: str, address: str, params: dict[str, Any], *, trc20: bool = False
               ) -> list[dict[str, Any]]:
    """All entries, following ``meta.fingerprint`` one entry at a time."""
    found: list[dict[str, Any]] = []
    page = grid(url, address, {**params, "limit": 1}, trc20=trc20)
    while True:
        found.extend(page["data"])
        fingerprint = page["meta"].get("fingerprint")
        if not fingerprint:
            return found
        assert page["meta"]["links"]["next"].startswith(f"/v1/accounts/{address}/")
        page = grid(url, address, {**params, "limit": 1, "fingerprint": fingerprint},
                    trc20=trc20)


async def test_transactions_and_trc20_in_trongrid_shape(devnet_url: str,
                                                        tron: AsyncTron) -> None:
    key, me = new_key()
    _, friend = new_key()
    faucet(devnet_url, me, trx=200, btt=50)
    empty = grid(devnet_url, me)
    assert empty == {"data": [], "success": True,
                     "meta": {"at": empty["meta"]["at"], "page_size": 0}}
    sent = await tron.trx.transfer(me, friend, 2_000_000).build()
    trx_txid = (await sent.sign(key).broadcast()).txid
    btt = await tron.get_contract(BTT_ADDRESS)
    vault = await tron.get_contract(VAULT_ADDRESS)
    transfer = await broadcast(key, btt, "transfer", friend, 4 * BTT)
    approve = await broadcast(key, btt, "approve", VAULT_ADDRESS, 10 * BTT)
    deposit = await broadcast(key, vault, "deposit", 10 * BTT)
    reverted = await broadcast(key, vault, "withdraw")  # nothing announced: REVERT
    infos = {t: await confirmed(tron, t) for t in (trx_txid, transfer, approve, deposit,
                                                    reverted)}

    page = grid(devnet_url, me, {"only_confirmed": "true", "limit": 20})
    assert set(page) == {"data", "success", "meta"} and page["success"] is True
    assert set(page["meta"]) == {"at", "page_size"} and page["meta"]["page_size"] == 5
    data = page["data"]
    assert [d["txID"] for d in data] == [reverted, deposit, approve, transfer, trx_txid]
    for item in data:
        assert set(item) == TRANSACTION_FIELDS
        assert set(item["ret"][0]) == {"contractRet", "fee"}
        info = infos[item["txID"]]
        receipt = info["receipt"]
        assert item["ret"][0]["fee"] == info.get("fee", 0)
        assert (item["energy_fee"], item["net_fee"], item["net_usage"],
                item["energy_usage_total"]) == (
            receipt.get("energy_fee", 0), receipt.get("net_fee", 0),
            receipt.get("net_usage", 0), receipt.get("energy_usage_total", 0))
        assert (item["blockNumber"], item["block_timestamp"]) == (info["blockNumber"],
                                                                  info["blockTimeStamp"])
        assert item["internal_transactions"] == [] and item["energy_usage"] == 0
        # the transaction itself is the node's: raw data (hex addresses), id, signature
        body = post(devnet_url, "gettransactionbyid", {"value": item["txID"]})
        assert (item["raw_data"], item["raw_data_hex"], item["signature"]) == (
            body["raw_data"], body["raw_data_hex"], body["signature"])
        assert item["raw_data"]["contract"][0]["parameter"]["value"]["owner_address"] == \
            "41" + _hex20(me)
    assert [d["ret"][0]["contractRet"] for d in data] == ["REVERT"] + ["SUCCESS"] * 4
    assert data[0]["ret"][0]["fee"] > 0
    assert data[-1]["ret"][0]["fee"] == 1_100_000  # TRX to a new account: its activation

    # the friend received TRX (listed) and BTT (a Transfer log, not a transaction of theirs)
    theirs = grid(devnet_url, friend)["data"]
    assert [d["txID"] for d in theirs] == [trx_txid]
    tokens = grid(devnet_url, me, {"only_confirmed": "true"}, trc20=True)
    assert set(tokens["meta"]) == {"at", "page_size"}
    assert [(t["transaction_id"], t["from"], t["to"], t["value"]) for t in tokens["data"]] == [
        (deposit, me, VAULT_ADDRESS, str(10 * BTT)),   # the vault's transferFrom
        (transfer, me, friend, str(4 * BTT)),
    ]  # no approval, no mint by the faucet (no transaction), nothing from the reverted call
    for item in tokens["data"]:
        assert set(item) == TRC20_FIELDS and item["token_info"] == TOKEN_INFO
        assert item["type"] == "Transfer" and isinstance(item["value"], str)
    assert grid(devnet_url, friend, trc20=True)["data"][0]["transaction_id"] == transfer
    vault_side = grid(devnet_url, VAULT_ADDRESS, {"limit": 200}, trc20=True)["data"]
    assert deposit in {t["transaction_id"] for t in vault_side}
    assert grid(devnet_url, me, {"contract_address": VAULT_ADDRESS}, trc20=True)["data"] == []
    assert grid(devnet_url, me, {"contract_address": BTT_ADDRESS}, trc20=True)["data"] == \
        tokens["data"]

    # paging: one at a time through the fingerprints gives the same list
    assert every_page(devnet_url, me, {"only_confirmed": "true"}) == data
    assert every_page(devnet_url, me, {}, trc20=True) == tokens["data"]
    ascending = grid(devnet_url, me, {"order_by": "block_timestamp,asc"})["data"]
    assert [d["txID"] for d in ascending] == [d["txID"] for d in reversed(data)]
    # filters: time, direction, confirmation
    stamp = infos[approve]["blockTimeStamp"]
    newer = grid(devnet_url, me, {"min_timestamp": stamp})["data"]
    assert {d["txID"] for d in newer} >= {approve, deposit, reverted}
    assert all(d["block_timestamp"] >= stamp for d in newer)
    assert all(d["block_timestamp"] <= stamp
               for d in grid(devnet_url, me, {"max_timestamp": stamp})["data"])
    assert [d["txID"] for d in grid(devnet_url, friend, {"only_to": "true"})["data"]] == \
        [trx_txid]
    assert grid(devnet_url, friend, {"only_from": "true"})["data"] == []
    assert grid(devnet_url, me, {"only_unconfirmed": "true"})["data"] == []
    assert len(grid(devnet_url, me, {"limit": 5000})["data"]) == 5  # at most 200 a page


def _hex20(address: str) -> str:
    from tronpy.keys import to_hex_address

    return str(to_hex_address(address))[2:]


def test_bad_requests_answer_in_trongrid_error_shape(devnet_url: str) -> None:
    _, me = new_key()
    for params in ({"limit": "many"}, {"limit": "0"}, {"fingerprint": "%%%"},
                   {"order_by": "txid"}, {"only_confirmed": "true", "only_unconfirmed": "true"},
                   {"only_to": "perhaps"}):
        answer = grid(devnet_url, me, params, status=400)
        assert answer["success"] is False and answer["statusCode"] == 400
        assert isinstance(answer["error"], str) and answer["error"]
    bad = grid(devnet_url, "Tnotanaddress", status=400)
    assert bad["success"] is False and "invalid address" in bad["error"]
    hex_form = grid(devnet_url, "41" + _hex20(me))
    assert hex_form["success"] is True and grid(devnet_url, "0x" + _hex20(me))["success"]
    reply = httpx.get(f"{devnet_url}/v1/accounts/{me}/resources", timeout=10)
    assert reply.status_code == 404


async def test_the_index_survives_a_restart(tmp_path: Path) -> None:
    key, me = new_key()
    _, friend = new_key()
    with devnet_process(tmp_path / "chain") as url:
        faucet(url, me, trx=50, btt=5)
        async with AsyncTron(AsyncHTTPProvider(url)) as tron:
            btt = await tron.get_contract(BTT_ADDRESS)
            txid = await broadcast(key, btt, "transfer", friend, BTT)
            await confirmed(tron, txid)
        before = grid(url, me)["data"], grid(url, me, trc20=True)["data"]
    with devnet_process(tmp_path / "chain") as url:
        assert (grid(url, me)["data"], grid(url, me, trc20=True)["data"]) == before
        assert [d["txID"] for d in before[0]] == [txid]
