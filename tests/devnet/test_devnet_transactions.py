"""tronpy's own Tron/AsyncTron code against a devnet subprocess over HTTP."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tronpy import AsyncTron, Tron
from tronpy.exceptions import (
    AddressNotFound,
    BadSignature,
    BlockNotFound,
    TaposError,
    TransactionNotFound,
    TvmError,
    UnknownError,
    ValidationError,
)
from tronpy.keys import PrivateKey
from tronpy.providers import HTTPProvider

from btt_desktop.devnet.addresses import BTT_ADDRESS
from tests.devnet.devnet_helpers import BTT, POLL, confirmed, new_key
from tests.devnet_process import faucet

pytestmark = pytest.mark.timeout(60)


async def test_faucet_then_trx_transfer_confirms(tron: AsyncTron, devnet_url: str) -> None:
    key, sender = new_key()
    _, receiver = new_key()
    faucet(devnet_url, sender, trx=100)
    assert await tron.get_account_balance(sender) == Decimal(100)
    with pytest.raises(AddressNotFound):
        await tron.get_account(receiver)

    tx = await tron.trx.transfer(sender, receiver, 2_500_000).memo("hello").build()
    sent = await tx.sign(key).broadcast()
    assert sent.txid == tx.txid
    info = await sent.wait(timeout=20, interval=POLL)

    assert info["id"] == tx.txid
    assert info["blockNumber"] <= await tron.get_latest_block_number()
    assert await tron.get_account_balance(receiver) == Decimal("2.5")
    # activating the receiver's account costs 1.1 TRX, reported as the fee
    assert info["fee"] == 1_100_000
    assert await tron.get_account_balance(sender) == Decimal(100) - Decimal("2.5") - Decimal("1.1")
    on_chain = await tron.get_transaction(tx.txid)
    assert on_chain["ret"] == [{"contractRet": "SUCCESS"}]
    assert on_chain["raw_data"]["data"] == b"hello".hex()
    block = await tron.get_block(info["blockNumber"])
    assert tx.txid in [t["txID"] for t in block["transactions"]]
    assert block["block_header"]["raw_data"]["parentHash"] == (
        await tron.get_block(info["blockNumber"] - 1))["blockID"]


def test_synchronous_tron_client(devnet_url: str) -> None:
    key, sender = new_key()
    _, receiver = new_key()
    faucet(devnet_url, sender, trx=10)
    faucet(devnet_url, receiver, trx=1)
    client = Tron(HTTPProvider(devnet_url))
    info = client.trx.transfer(sender, receiver, 1_000).build().sign(key).broadcast().wait(
        timeout=20, interval=POLL)
    assert client.get_account_balance(receiver) == Decimal("1.001")
    # an existing receiver: the sender's free bandwidth pays, no fee
    assert "fee" not in info and info["receipt"]["net_usage"] > 0
    assert client.get_account_balance(sender) == Decimal("9.999")


async def test_btt_transfer_balances_and_event(tron: AsyncTron, devnet_url: str) -> None:
    key, sender = new_key()
    _, receiver = new_key()
    faucet(devnet_url, sender, trx=50, btt=1000)
    btt = await tron.get_contract(BTT_ADDRESS)
    assert await btt.functions.symbol() == "BTT"
    assert await btt.functions.decimals() == 18
    assert await btt.functions.balanceOf(sender) == 1000 * BTT

    method = btt.functions.transfer
    estimate = await tron.get_estimated_energy(
        sender, BTT_ADDRESS, method.function_signature,
        method._prepare_parameter(receiver, 250 * BTT))
    builder = await method(receiver, 250 * BTT)
    tx = await builder.with_owner(sender).fee_limit(20_000_000).build()
    sent = await tx.sign(key).broadcast()
    assert await sent.result(timeout=20, interval=POLL) is True
    info = await sent.wait(timeout=20, interval=POLL)

    assert await btt.functions.balanceOf(sender) == 750 * BTT
    assert await btt.functions.balanceOf(receiver) == 250 * BTT
    assert info["receipt"]["result"] == "SUCCESS"
    assert info["receipt"]["energy_usage_total"] == estimate
    assert info["fee"] == info["receipt"]["energy_fee"] + info["receipt"].get("net_fee", 0)
    # trx: only the fee left the sender's account
    assert await tron.get_account_balance(sender) == Decimal(50) - Decimal(info["fee"]) / 10**6
    (log,) = info["log"]
    assert log["address"] == tron.to_hex_address(BTT_ADDRESS)[2:]
    assert int(log["topics"][2], 16) == int(tron.to_hex_address(receiver)[2:], 16)
    assert int(log["data"], 16) == 250 * BTT


async def test_insufficient_balances_are_reported(tron: AsyncTron, devnet_url: str) -> None:
    key, sender = new_key()
    _, receiver = new_key()
    faucet(devnet_url, sender, trx=5, btt=1)
    tx = await tron.trx.transfer(sender, receiver, 6_000_000).build()
    with pytest.raises(ValidationError, match="balance is not sufficient"):
        await tx.sign(key).broadcast()
    assert await tron.get_account_balance(sender) == Decimal(5)

    btt = await tron.get_contract(BTT_ADDRESS)
    builder = await btt.functions.transfer(receiver, 2 * BTT)
    tx = await builder.with_owner(sender).build()
    sent = await tx.sign(key).broadcast()
    with pytest.raises(TvmError, match="transfer amount exceeds balance"):
        await sent.result(timeout=20, interval=POLL)
    info = await tron.get_transaction_info(tx.txid)
    assert info["result"] == "FAILED" and info["receipt"]["result"] == "REVERT"
    assert await btt.functions.balanceOf(sender) == BTT
    assert await btt.functions.balanceOf(receiver) == 0


async def test_tampered_transaction_is_rejected(tron: AsyncTron, devnet_url: str) -> None:
    key, sender = new_key()
    _, receiver = new_key()
    _, thief = new_key()
    faucet(devnet_url, sender, trx=20)
    tx = await tron.trx.transfer(sender, receiver, 1_000_000).build()
    tx.sign(key)
    tx._raw_data["contract"][0]["parameter"]["value"]["to_address"] = tron.to_hex_address(thief)
    with pytest.raises(BadSignature):
        await tx.broadcast()
    tx._raw_data["contract"][0]["parameter"]["value"]["to_address"] = tron.to_hex_address(receiver)
    tx._raw_data["contract"][0]["parameter"]["value"]["amount"] = 19_000_000
    with pytest.raises(BadSignature):
        await tx.broadcast()
    assert await tron.get_account_balance(sender) == Decimal(20)


async def test_wrong_key_is_rejected(tron: AsyncTron, devnet_url: str) -> None:
    _, sender = new_key()
    other = PrivateKey.random()
    _, receiver = new_key()
    faucet(devnet_url, sender, trx=20)
    tx = await tron.trx.transfer(sender, receiver, 1_000_000).build()
    # tronpy's sign() refuses a key outside the permission list, so set the signature directly
    tx.set_signature([other.sign_msg_hash(bytes.fromhex(tx.txid)).hex()])
    with pytest.raises(BadSignature, match="not contained of permission"):
        await tx.broadcast()
    assert await tron.get_account_balance(sender) == Decimal(20)


async def test_duplicate_is_rejected(tron: AsyncTron, devnet_url: str) -> None:
    key, sender = new_key()
    _, receiver = new_key()
    faucet(devnet_url, sender, trx=20)
    faucet(devnet_url, receiver, trx=1)
    tx = await tron.trx.transfer(sender, receiver, 1_000_000).build()
    await tx.sign(key).broadcast()
    with pytest.raises(UnknownError) as excinfo:
        await tx.broadcast()
    assert excinfo.value.args == ("Dup transaction.", "DUP_TRANSACTION_ERROR")
    await confirmed(tron, tx.txid)
    assert await tron.get_account_balance(receiver) == Decimal(2)


async def test_unknown_reference_block_is_rejected(tron: AsyncTron, devnet_url: str) -> None:
    key, sender = new_key()
    _, receiver = new_key()
    faucet(devnet_url, sender, trx=20)
    builder = tron.trx.transfer(sender, receiver, 1_000_000)
    tx = await builder.build(offline=False)
    tx._raw_data["ref_block_hash"] = "00" * 8
    await tx.check_sign_weight()  # recompute the txID from the changed raw_data
    tx.set_signature([])
    with pytest.raises(TaposError):
        await tx.sign(key).broadcast()



async def test_tronpy_queries(tron: AsyncTron, devnet_url: str) -> None:
    _, address = new_key()
    faucet(devnet_url, address, trx=3)
    assert await tron.get_bandwidth(address) == 600
    assert await tron.get_energy(address) == 0
    assert (await tron.get_account_resource(address))["freeNetLimit"] == 600
    permission = await tron.get_account_permission(address)
    assert permission["owner"]["keys"] == [{"address": address, "weight": 1}]
    params = {p["key"]: p.get("value") for p in await tron.get_chain_parameters()}
    assert params["getEnergyFee"] == 100 and params["getTransactionFee"] == 1000

    node = await tron.get_node_info()
    assert node["devnet"]["networkId"] == "devnet:" + node["devnet"]["genesisId"]
    solid = await tron.get_latest_solid_block_number()
    assert 0 < solid <= await tron.get_latest_block_number()
    block_id = await tron.get_latest_block_id()
    block = await tron.get_block(block_id)
    assert block["blockID"] == block_id
    assert (await tron.get_block(int(block_id[:16], 16)))["blockID"] == block_id
    assert (await tron.get_latest_solid_block())["blockID"]
    assert (await tron.get_block(0))["blockID"].startswith("0" * 16)
    with pytest.raises(BlockNotFound):
        await tron.get_block(10**12)
    with pytest.raises(TransactionNotFound):
        await tron.get_transaction_info("ab" * 32)

    info = await tron.get_contract_info(BTT_ADDRESS)
    assert info["smart_contract"]["contract_address"] == BTT_ADDRESS
    contract = await tron.get_contract(address)  # not a contract: java-tron answers {}
    assert contract.abi == []
