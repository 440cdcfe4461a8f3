"""Transaction ids, ABIs and the cheque digest, checked against references (no node process)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import eth_abi
import pytest
from tronpy.keys import PrivateKey, keccak256

from btt_desktop.devnet.abi import SPEED_VAULT_ABI, TRC20_ABI, encode
from btt_desktop.devnet.addresses import BTT_RAW
from btt_desktop.devnet.chain import Chain, TxRejected
from btt_desktop.devnet.txcodec import parse_transaction
from btt_desktop.devnet.vault import (
    cheque_digest,
    network_id_word,
    recover_cheque_signer,
    sign_cheque,
)
from btt_desktop.speed import cheque as speed_cheque

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "abi"

# Transactions published in the java-tron HTTP API documentation, with their txID and
# raw_data_hex as a java-tron node returned them.
JAVA_TRON_TRANSFER = {
    "raw_data": {
        "contract": [{"parameter": {"value": {
            "amount": 100000,
            "owner_address": "415c68cc82c87446f602f019e5fd797437f5b79cc2",
            "to_address": "4156a6076cd1537fa317c2606e4edfa4acd3e8e92e"},
            "type_url": "type.googleapis.com/protocol.TransferContract"},
            "type": "TransferContract"}],
        "ref_block_bytes": "02a2", "ref_block_hash": "e216e254e43ee108",
        "expiration": 1571898861000, "timestamp": 1571898802704},
    "txID": "88817b9c6276e3c535e4f8f15baf546292ca6ad9d44a7d97857bd6f8909d63d4",
    "raw_data_hex": "0a0202a22208e216e254e43ee10840c8cbe4e3df2d5a67080112630a2d747970652e676f6f67"
                    "6c65617069732e636f6d2f70726f746f636f6c2e5472616e73666572436f6e74726163741232"
                    "0a15415c68cc82c87446f602f019e5fd797437f5b79cc212154156a6076cd1537fa317c2606e"
                    "4edfa4acd3e8e92e18a08d06709084e1e3df2d",
}
JAVA_TRON_TRIGGER = {
    "raw_data": {
        "contract": [{"parameter": {"value": {
            "data": "a9059cbb00000000000000000000004150125bea243a640bf85348873b6c4f3c517aee7a"
                    "0000000000000000000000000000000000000000000000000000000000000001",
            "owner_address": "41495511a493d8c362be4267224e6d81013a6862ee",
            "contract_address": "41eca9bc828a3005b9a3b909f2cc5c2a54794de05f"},
            "type_url": "type.googleapis.com/protocol.TriggerSmartContract"},
            "type": "TriggerSmartContract"}],
        "ref_block_bytes": "8ad9", "ref_block_hash": "eaef69105495eb15",
        "expiration": 1773182914544, "fee_limit": 100000000, "timestamp": 1773182854544},
    "txID": "c70b20da8cb8d96a99c1aceb283412acb9dea313a9e467178431a3c6ae8b9f08",
    "raw_data_hex": "0a028ad92208eaef69105495eb1540f09fc0cfcd335aae01081f12a9010a31747970652e676f"
                    "6f676c65617069732e636f6d2f70726f746f636f6c2e54726967676572536d617274436f6e74"
                    "7261637412740a1541495511a493d8c362be4267224e6d81013a6862ee121541eca9bc828a30"
                    "05b9a3b909f2cc5c2a54794de05f2244a9059cbb00000000000000000000004150125bea243a"
                    "640bf85348873b6c4f3c517aee7a000000000000000000000000000000000000000000000000"
                    "00000000000000017090cbbccfcd33900180c2d72f",
}


@pytest.mark.parametrize("reference", [JAVA_TRON_TRANSFER, JAVA_TRON_TRIGGER],
                         ids=["TransferContract", "TriggerSmartContract"])
def test_txid_is_computed_like_java_tron(reference: dict) -> None:
    tx = parse_transaction({"raw_data": reference["raw_data"]}, require_signature=False)
    assert tx.raw_bytes.hex() == reference["raw_data_hex"]
    assert tx.txid == reference["txID"]
    assert hashlib.sha256(bytes.fromhex(reference["raw_data_hex"])).hexdigest() == tx.txid


def test_abi_resources_match_what_the_devnet_serves() -> None:
    assert json.loads((RESOURCES / "TRC20.json").read_text()) == TRC20_ABI
    assert json.loads((RESOURCES / "SpeedVault.json").read_text()) == SPEED_VAULT_ABI


def test_cheque_digest_matches_the_speed_side() -> None:
    owner = PrivateKey(bytes(range(1, 33)))
    vault = owner.public_key.to_base58check_address()
    beneficiary = PrivateKey(bytes(range(2, 34))).public_key.to_base58check_address()
    for net in ("mainnet", "nile", "devnet:0123456789abcdef"):
        for cum in (1, 10**18, 2**256 - 1):
            ours = cheque_digest(net, vault, beneficiary, cum)
            assert ours == speed_cheque.cheque_digest(net, vault, beneficiary, cum)
            sig = sign_cheque(owner, net, beneficiary, cum)
            assert recover_cheque_signer(ours, sig) == bytes.fromhex(
                owner.public_key.to_hex_address())


def test_cheque_digest_layout() -> None:
    """The digest is keccak256 of Solidity's abi.encode (eth_abi as the reference encoder)."""
    owner = "TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH"  # 41c8599111f29c1e1e061265b4af93ea1f274ad78a
    beneficiary = "TXvJwqnPrJZCzLjKw7bmf12hpB7qWZGhE5"  # 41f0c67b4a6234df8a9155213bcf1e395b7ff7299c
    encoded = eth_abi.encode(
        ["bytes32", "bytes32", "address", "address", "uint256"],
        [b"BTTSpeedCheque-v1".ljust(32, b"\x00"), keccak256(b"devnet:abc"),
         "0xc8599111f29c1e1e061265b4af93ea1f274ad78a",
         "0xf0c67b4a6234df8a9155213bcf1e395b7ff7299c", 5])
    assert len(encoded) == 5 * 32
    assert cheque_digest("devnet:abc", owner, beneficiary, 5) == keccak256(encoded)


def test_the_vector_in_the_docs() -> None:
    net = "devnet:0123456789abcdef"
    assert network_id_word(net).hex() == (
        "96c5bba7ad299edab4581e7778f02348fe462c539553fae0797e00aa8736aa07")
    assert cheque_digest(net, "TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH",
                         "TXvJwqnPrJZCzLjKw7bmf12hpB7qWZGhE5", 10**18).hex() == (
        "8e08070844fa5f480d7f5e6bf578a8e4f007ff2bd097aee670cc96d2d4b57782")


def test_btt_transfer_energy_is_mainnet_like_and_deterministic() -> None:
    chain = Chain.create(withdraw_notice=60)
    holder, other = b"\x41" + b"\x01" * 20, b"\x41" + b"\x02" * 20
    chain.faucet(holder, 0, 10)
    transfer = bytes.fromhex("a9059cbb") + encode(["address", "uint256"], [other.hex(), 1])
    first = chain.run_call(holder, BTT_RAW, transfer, energy_limit=None, commit=True)
    second = chain.run_call(holder, BTT_RAW, transfer, energy_limit=None, commit=True)
    assert (first.status, first.energy) == ("SUCCESS", 29_656)  # a new holder's slot
    assert (second.status, second.energy) == ("SUCCESS", 14_656)
    short = chain.run_call(holder, BTT_RAW, transfer, energy_limit=14_000, commit=True)
    assert short.status == "OUT_OF_ENERGY"
    empty = chain.run_call(other, BTT_RAW, bytes.fromhex("a9059cbb") + encode(
        ["address", "uint256"], [holder.hex(), 3]), energy_limit=None, commit=True)
    assert empty.status == "REVERT"
    balance_of = bytes.fromhex("70a08231") + encode(["address"], [other.hex()])
    assert chain.run_call(other, BTT_RAW, balance_of, energy_limit=None,
                          commit=False).output == encode(["uint256"], [2])


def test_high_s_and_bad_v_signatures_are_refused() -> None:
    key = PrivateKey(bytes(range(1, 33)))
    sig = bytearray(sign_cheque(key, "devnet:x", key.public_key.to_base58check_address(), 1))
    digest = cheque_digest("devnet:x", key.public_key.to_base58check_address(),
                           key.public_key.to_base58check_address(), 1)
    assert recover_cheque_signer(digest, bytes(sig)) is not None
    n = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
    high_s = bytes(sig[:32]) + (n - int.from_bytes(sig[32:64], "big")).to_bytes(32, "big") + \
        bytes([sig[64] ^ 1])
    assert recover_cheque_signer(digest, high_s) is None
    assert recover_cheque_signer(digest, bytes(sig[:64]) + bytes([5])) is None
    assert recover_cheque_signer(digest, bytes(sig[:64])) is None


def test_expired_and_far_future_transactions_are_refused() -> None:
    clock = [1_800_000_000_000]
    chain = Chain.create(withdraw_notice=60, clock=lambda: clock[0])
    key = PrivateKey(bytes(range(1, 33)))
    owner = key.public_key.to_hex_address()
    chain.faucet(bytes.fromhex(owner), 10_000_000, 0)
    chain.produce_block()

    def signed(expiration: int) -> dict:
        head = chain.head.block_id.hex()
        raw = {"contract": [{"parameter": {"value": {
            "owner_address": owner, "to_address": "41" + "22" * 20, "amount": 1},
            "type_url": "type.googleapis.com/protocol.TransferContract"},
            "type": "TransferContract"}],
            "ref_block_bytes": head[12:16], "ref_block_hash": head[16:32],
            "expiration": expiration, "timestamp": clock[0]}
        txid = parse_transaction({"raw_data": raw}, require_signature=False).txid
        return {"raw_data": raw, "txID": txid,
                "signature": [key.sign_msg_hash(bytes.fromhex(txid)).hex()]}

    for expiration, code in [(clock[0] - 1, "TRANSACTION_EXPIRATION_ERROR"),
                             (clock[0] + 25 * 3600 * 1000, "TRANSACTION_EXPIRATION_ERROR")]:
        with pytest.raises(TxRejected) as rejected:
            chain.broadcast(signed(expiration))
        assert rejected.value.code == code
    payload = signed(clock[0] + 60_000)
    # a signature over a different hash recovers someone else: SIGERROR
    payload_copy = dict(payload, signature=[key.sign_msg_hash(b"\x00" * 32).hex()])
    with pytest.raises(TxRejected) as rejected:
        chain.broadcast(payload_copy)
    assert rejected.value.code == "SIGERROR"
    chain.broadcast(payload)
    assert chain.pending == [payload["txID"]]
