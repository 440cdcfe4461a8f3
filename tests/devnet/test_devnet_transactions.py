"""tronpy's own Tron/AsyncTron code against a devnet subprocess over HTTP."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from typing import Any

import httpx
import pytest
from tronpy import AsyncTron, Tron
from tronpy.async_contract import AsyncContract
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
from tronpy.keys import PrivateKey, keccak256
from tronpy.providers import HTTPProvider

from btt_desktop.devnet import abi
from btt_desktop.devnet.addresses import BTT_ADDRESS
from btt_desktop.speed.cheque import ChequeDomain
from btt_desktop.tron.txcodec import normalize_abi
from tests.devnet.devnet_helpers import (
    BTT,
    POLL,
    build_output,
    confirmed,
    java_tron_contract_address,
    new_key,
    vault_creation_code,
)
from tests.devnet_process import devnet_info, faucet

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
    # TRON's chain id (TIP-712 cheques): the last 4 bytes of the genesis block id
    assert node["devnet"]["chainId"] == int((await tron.get_block(0))["blockID"][-8:], 16)
    assert node["devnet"] == devnet_info(devnet_url)
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


# ---- deploying contracts ----------------------------------------------------------------

DEPLOY_FEE_LIMIT = 1_000_000_000  # 1000 TRX: 10 M energy


def check_vault_runtime(runtime: bytes, *, token: str, notice: int, chain_id: int,
                        network_id: str, address: str) -> None:
    """``runtime`` is SpeedVault.json's deployedBytecode with its immutables filled in."""
    shipped = build_output("SpeedVault")
    expected = bytearray.fromhex(shipped["deployedBytecode"])
    assert len(runtime) == len(expected)
    filled = set()
    for start, length in shipped["immutableRanges"]:
        filled.add(runtime[start:start + length])
        expected[start:start + length] = runtime[start:start + length]
    assert runtime == bytes(expected)
    domain = ChequeDomain(chain_id, address)
    assert filled == {bytes.fromhex("00" * 12 + Tron.to_hex_address(token)[2:]),
                      notice.to_bytes(32, "big"), chain_id.to_bytes(32, "big"),
                      keccak256(network_id.encode()), domain.separator()}


async def test_deploy_through_tronpy(tron: AsyncTron, devnet_url: str) -> None:
    """tronpy's deploy_contract of the SpeedVault build output (constructor arguments
    appended, as `btt vault deploy` does): the contract lands at java-tron's address and
    getcontract / getcontractinfo describe it as java-tron does."""
    key, owner = new_key()
    faucet(devnet_url, owner, trx=2000)
    node = devnet_info(devnet_url)
    shipped = build_output("SpeedVault")
    code = vault_creation_code(BTT_ADDRESS, 3600, node["chainId"], node["networkId"])
    contract = AsyncContract(bytecode=code, abi=shipped["abi"], name="SpeedVault",
                             user_resource_percent=100, origin_energy_limit=10_000_000)
    tx = await tron.trx.deploy_contract(owner, contract).fee_limit(DEPLOY_FEE_LIMIT).build()
    sent = await tx.sign(key).broadcast()
    info = await sent.wait(timeout=20, interval=POLL)
    address = java_tron_contract_address(tx.txid, owner)
    assert info["contract_address"] == Tron.to_base58check_address(address)  # visible: base58
    assert info["receipt"]["result"] == "SUCCESS" and "result" not in info
    energy = info["receipt"]["energy_usage_total"]
    assert energy > 200 * len(shipped["deployedBytecode"]) // 2  # 200 energy a code byte
    assert info["fee"] == energy * 100 + info["receipt"].get("net_fee", 0)
    assert await tron.get_account_balance(owner) == Decimal(2000) - Decimal(info["fee"]) / 10**6
    on_chain = await tron.get_transaction(tx.txid)
    assert on_chain["contract_address"] == address
    assert on_chain["ret"] == [{"contractRet": "SUCCESS"}]

    served = await tron.provider.make_request("wallet/getcontract", {"value": address})
    assert served["bytecode"] == code.hex()  # the creation code as deployed
    assert served["abi"]["entrys"] == normalize_abi(shipped["abi"])
    assert (served["contract_address"], served["origin_address"]) == (
        address, Tron.to_hex_address(owner))
    assert (served["name"], served["consume_user_resource_percent"],
            served["origin_energy_limit"], served["trx_hash"]) == (
        "SpeedVault", 100, 10_000_000, tx.txid)
    contract_info = await tron.get_contract_info(address)
    runtime = bytes.fromhex(contract_info["runtimecode"])
    assert served["code_hash"] == keccak256(runtime).hex()
    assert contract_info["smart_contract"]["contract_address"] == Tron.to_base58check_address(
        address)
    check_vault_runtime(runtime, token=BTT_ADDRESS, notice=3600, chain_id=node["chainId"],
                        network_id=node["networkId"], address=Tron.to_base58check_address(address))
    assert (await tron.get_account(address))["type"] == "Contract"

    # it works: a deposit into the new vault, through the ABI the node serves
    faucet(devnet_url, owner, btt=3)
    vault = await tron.get_contract(address)
    assert await vault.functions.noticePeriod() == 3600
    assert await vault.functions.chainId() == node["chainId"]
    btt = await tron.get_contract(BTT_ADDRESS)
    for call in (await btt.functions.approve(address, 3 * BTT),
                 await vault.functions.deposit(3 * BTT)):
        done = await (await call.with_owner(owner).fee_limit(50_000_000).build()).sign(
            key).broadcast()
        assert (await done.wait(timeout=20, interval=POLL))["receipt"]["result"] == "SUCCESS"
    assert await vault.functions.balanceOf(owner) == 3 * BTT
    assert await btt.functions.balanceOf(address) == 3 * BTT


def test_deploycontract_endpoint_and_a_failed_deployment(devnet_url: str) -> None:
    """java-tron's /wallet/deploycontract (what TronWeb uses): an unsigned transaction with
    the address the contract gets. A constructor that reverts is mined FAILED, costs its
    energy, and leaves no contract."""
    key, owner = new_key()
    faucet(devnet_url, owner, trx=2000)
    node = devnet_info(devnet_url)
    shipped = build_output("SpeedVault")

    def deploy(token: str) -> tuple[str, dict[str, Any]]:
        args = vault_creation_code(token, 60, node["chainId"], node["networkId"])[
            len(shipped["bytecode"]) // 2:]
        tx = httpx.post(f"{devnet_url}/wallet/deploycontract", json={
            "owner_address": owner, "bytecode": shipped["bytecode"], "parameter": args.hex(),
            "abi": json.dumps(shipped["abi"]), "name": "SpeedVault",
            "fee_limit": DEPLOY_FEE_LIMIT, "consume_user_resource_percent": 100,
            "origin_energy_limit": 10_000_000, "visible": True}).json()
        assert tx["contract_address"] == java_tron_contract_address(tx["txID"], owner)
        assert tx["raw_data"]["contract"][0]["type"] == "CreateSmartContract"
        tx["signature"] = [key.sign_msg_hash(bytes.fromhex(tx["txID"])).hex()]
        answer = httpx.post(f"{devnet_url}/wallet/broadcasttransaction", json=tx).json()
        assert answer == {"result": True, "txid": tx["txID"]}
        deadline = time.monotonic() + 20
        while not (info := httpx.post(f"{devnet_url}/wallet/gettransactioninfobyid",
                                      json={"value": tx["txID"]}).json()):
            assert time.monotonic() < deadline
            time.sleep(POLL)
        return tx["contract_address"], info

    address, info = deploy(BTT_ADDRESS)
    assert info["receipt"]["result"] == "SUCCESS"
    assert httpx.post(f"{devnet_url}/wallet/getcontract",
                      json={"value": address}).json()["trx_hash"] == info["id"]

    address, info = deploy(owner)  # an account, not a token contract: the constructor refuses
    assert info["result"] == "FAILED" and info["receipt"]["result"] == "REVERT"
    assert abi.revert_reason(bytes.fromhex(info["contractResult"][0])) == (
        "SpeedVault: token is not a contract")
    assert info["fee"] == info["receipt"]["energy_usage_total"] * 100 + info["receipt"].get(
        "net_fee", 0) > 0
    for endpoint in ("getcontract", "getcontractinfo"):
        assert httpx.post(f"{devnet_url}/wallet/{endpoint}", json={"value": address}).json() == {}
