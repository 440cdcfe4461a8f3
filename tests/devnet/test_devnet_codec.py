"""Transaction ids, ABIs and the cheque digest, checked against references (no node process)."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import eth_abi
import pytest
from tronpy import Contract, Tron
from tronpy.keys import PrivateKey, Signature, keccak256
from tronpy.providers import HTTPProvider

from btt_desktop.devnet import abi
from btt_desktop.devnet.addresses import (
    BTT_ADDRESS,
    BTT_RAW,
    VAULT_ADDRESS,
    VAULT_RAW,
    parse_address,
)
from btt_desktop.devnet.api import DevnetApi
from btt_desktop.devnet.blocks import Block
from btt_desktop.devnet.chain import CallResult, Chain, TxRejected, chain_id_of
from btt_desktop.devnet.contracts import network_id_word
from btt_desktop.speed import cheque as speed_cheque
from btt_desktop.speed.cheque import ChequeDomain
from btt_desktop.tron import proto as tron_proto
from btt_desktop.tron.txcodec import (
    SUPPORTED,
    TxFormatError,
    create_contract_tx,
    new_contract_address,
    normalize_abi,
    parse_transaction,
    tx_from_fields,
    tx_from_record,
    tx_to_record,
)
from tests.devnet.devnet_helpers import build_output, sign_cheque

RESOURCES = Path(__file__).resolve().parents[2] / "resources"

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

# The wallet/deploycontract example of developers.tron.network ("Deployment and
# Invocation", https://developers.tron.network/docs/smart-contract-deployment-and-invocation):
# the request, and the transaction java-tron answered with its txID and raw_data_hex.
DEPLOY_BYTECODE = (
    "608060405234801561001057600080fd5b5060de8061001f6000396000f30060806040526004361060485763"
    "ffffffff7c01000000000000000000000000000000000000000000000000000000006000350416631ab06ee5"
    "8114604d5780639507d39a146067575b600080fd5b348015605857600080fd5b506065600435602435608e56"
    "5b005b348015607257600080fd5b50607c60043560a0565b60408051918252519081900360200190f35b6000"
    "9182526020829052604090912055565b600090815260208190526040902054905600a165627a7a72305820fd"
    "fe832221d60dd582b4526afa20518b98c2e1cb0054653053a844cf265b25040029")
DEPLOY_REQUEST_ABI = (
    '[{"constant":false,"inputs":[{"name":"key","type":"uint256"},{"name":"value","type":'
    '"uint256"}],"name":"set","outputs":[],"payable":false,"stateMutability":"nonpayable",'
    '"type":"function"},{"constant":true,"inputs":[{"name":"key","type":"uint256"}],"name":'
    '"get","outputs":[{"name":"value","type":"uint256"}],"payable":false,"stateMutability":'
    '"view","type":"function"}]')
JAVA_TRON_DEPLOY = {
    "raw_data": {
        "contract": [{"parameter": {"value": {
            "owner_address": "41d1e7a6bc354106cb410e65ff8b181c600ff14292",
            "new_contract": {
                "bytecode": DEPLOY_BYTECODE,
                "consume_user_resource_percent": 100,
                "name": "SomeContract",
                "origin_address": "41d1e7a6bc354106cb410e65ff8b181c600ff14292",
                "abi": {"entrys": [
                    {"inputs": [{"name": "key", "type": "uint256"},
                                {"name": "value", "type": "uint256"}],
                     "name": "set", "stateMutability": "Nonpayable", "type": "Function"},
                    {"outputs": [{"name": "value", "type": "uint256"}], "constant": True,
                     "inputs": [{"name": "key", "type": "uint256"}], "name": "get",
                     "stateMutability": "View", "type": "Function"}]},
                "origin_energy_limit": 100000}},
            "type_url": "type.googleapis.com/protocol.CreateSmartContract"},
            "type": "CreateSmartContract"}],
        "ref_block_bytes": "0a49", "ref_block_hash": "975853d6629c8702",
        "expiration": 1652153760000, "fee_limit": 1000000, "timestamp": 1652153701556},
    "txID": "e4eb4df3a64a33565059ee3cef29b93b79f58ece9e7e8153fda3bbfe40fb0524",
    "contract_address": "416c5d359d1836085cdad65788e1ce53d3d7a13dd6",
    "raw_data_hex": "0a020a492208975853d6629c87024080f2a6e08a305add03081e12d8030a30747970652e676f"
                    "6f676c65617069732e636f6d2f70726f746f636f6c2e437265617465536d617274436f6e74"
                    "7261637412a3030a1541d1e7a6bc354106cb410e65ff8b181c600ff142921289030a1541d1"
                    "e7a6bc354106cb410e65ff8b181c600ff142921a5c0a2b1a03736574220e12036b65791a07"
                    "75696e743235362210120576616c75651a0775696e74323536300240030a2d10011a036765"
                    "74220e12036b65791a0775696e743235362a10120576616c75651a0775696e743235363002"
                    "400222fd01" + DEPLOY_BYTECODE + "30643a0c536f6d65436f6e747261637440a08d06"
                    "70b4a9a3e08a309001c0843d",
}


@pytest.mark.parametrize("reference", [JAVA_TRON_TRANSFER, JAVA_TRON_TRIGGER, JAVA_TRON_DEPLOY],
                         ids=["TransferContract", "TriggerSmartContract", "CreateSmartContract"])
def test_txid_is_computed_like_java_tron(reference: dict) -> None:
    tx = parse_transaction({"raw_data": reference["raw_data"]}, require_signature=False)
    assert tx.raw_bytes.hex() == reference["raw_data_hex"]
    assert tx.txid == reference["txID"]
    assert hashlib.sha256(bytes.fromhex(reference["raw_data_hex"])).hexdigest() == tx.txid


# ---- the contracts the devnet serves, against what the repository ships ------------------

SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
OWNER_KEY = PrivateKey(bytes(range(1, 33)))
OWNER_ADDRESS = OWNER_KEY.public_key.to_base58check_address()
BENEFICIARY = PrivateKey(bytes(range(2, 34))).public_key.to_base58check_address()


def _raw(address: str) -> bytes:
    return parse_address(address)


def _call(chain: Chain, caller: str | bytes, contract: bytes, signature: str,
          values: list[Any], *, commit: bool = False, energy_limit: int | None = None
          ) -> CallResult:
    """Run ``signature(values)`` on ``contract`` in the devnet's EVM as ``caller``."""
    types = signature[signature.index("(") + 1:-1].split(",") if "()" not in signature else []
    data = abi.selector_of(signature) + abi.encode(
        types, [_raw(v) if isinstance(v, str) and t == "address" else v
                for t, v in zip(types, values, strict=True)])
    who = _raw(caller) if isinstance(caller, str) else caller
    return chain.run_call(who, contract, data, energy_limit=energy_limit, commit=commit)


def _interface(entries: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    """What a caller relies on in an ABI, however it is spelled (solc's or java-tron's)."""
    return {(str(e.get("type", "function")).lower(), e.get("name", ""),
             tuple((p["type"], bool(p.get("indexed"))) for p in e.get("inputs") or []),
             tuple(p["type"] for p in e.get("outputs") or []),
             str(e.get("stateMutability", "")).lower()) for e in entries}


def _vault_with_deposit(btt: int) -> Chain:
    """An in-process devnet where OWNER_ADDRESS has ``btt`` base units in the vault."""
    chain = Chain.create(withdraw_notice=60)
    chain.faucet(_raw(OWNER_ADDRESS), 0, btt)
    assert _call(chain, OWNER_ADDRESS, BTT_RAW, "approve(address,uint256)",
                 [VAULT_ADDRESS, btt], commit=True).ok
    assert _call(chain, OWNER_ADDRESS, VAULT_RAW, "deposit(uint256)", [btt], commit=True).ok
    return chain


def test_abi_resources_match_what_the_devnet_serves() -> None:
    """getcontract answers the ABI of the build output in resources/contracts (as java-tron
    prints an ABI), and the wallet's TRC-20 ABI (resources/abi) fits the devnet's BTT."""
    api = DevnetApi(Chain.create(withdraw_notice=60))
    served: dict[str, list[dict[str, Any]]] = {}
    for address, name in ((VAULT_ADDRESS, "SpeedVault"), (BTT_ADDRESS, "DevnetBTT")):
        status, answer = api.handle("/wallet/getcontract", {"value": address, "visible": True})
        assert status == 200
        shipped = build_output(name)
        entries = answer["abi"]["entrys"]
        assert entries == normalize_abi(shipped["abi"])
        assert _interface(entries) == _interface(shipped["abi"])
        assert {e["type"] for e in entries} <= {"Function", "Event", "Constructor"}
        assert (answer["name"], answer["contract_address"]) == (name, address)
        assert answer["bytecode"].startswith(shipped["bytecode"])  # + constructor arguments
        served[name] = entries
    vault_events = {e["name"] for e in served["SpeedVault"] if e["type"] == "Event"}
    assert vault_events == {"Deposited", "WithdrawalAnnounced", "Withdrawn", "ChequeCashed"}
    trc20 = json.loads((RESOURCES / "abi" / "TRC20.json").read_text())
    assert _interface(trc20) <= _interface(served["DevnetBTT"])
    assert not (RESOURCES / "abi" / "SpeedVault.json").exists()  # the ABI is the build output


def test_runtime_code_is_the_build_output_with_its_immutables() -> None:
    """getcontractinfo's runtimecode: SpeedVault.json's deployedBytecode, its immutable
    slots filled with this devnet's token, notice, chain id, network id and domain."""
    chain = Chain.create(withdraw_notice=60)
    status, info = DevnetApi(chain).handle("/wallet/getcontractinfo", {"value": VAULT_ADDRESS})
    assert status == 200
    runtime = bytes.fromhex(info["runtimecode"])
    shipped = build_output("SpeedVault")
    expected = bytearray.fromhex(shipped["deployedBytecode"])
    assert len(runtime) == len(expected)
    words = set()
    for start, length in shipped["immutableRanges"]:
        words.add(runtime[start:start + length])
        expected[start:start + length] = runtime[start:start + length]
    assert runtime == bytes(expected)
    domain = ChequeDomain(chain.chain_id, VAULT_ADDRESS)
    assert words == {bytes(12) + BTT_RAW[1:], (60).to_bytes(32, "big"),
                     chain.chain_id.to_bytes(32, "big"), keccak256(chain.network_id.encode()),
                     domain.separator()}
    assert info["smart_contract"]["code_hash"] == keccak256(runtime).hex()


def test_cheque_digest_matches_the_speed_side() -> None:
    """The vault bytecode's chequeDigest (a constant call) is the Speed side's digest, and a
    cheque Speed signs is one the vault pays."""
    chain = _vault_with_deposit(3 * 10**18)
    domain = ChequeDomain(chain.chain_id, VAULT_ADDRESS)
    for beneficiary in (BENEFICIARY, BTT_ADDRESS, OWNER_ADDRESS):
        for cum in (1, 10**18, 2**256 - 1):
            result = _call(chain, BENEFICIARY, VAULT_RAW,
                           "chequeDigest(address,address,uint256)",
                           [OWNER_ADDRESS, beneficiary, cum])
            assert result.ok
            assert result.output == speed_cheque.cheque_digest(domain, OWNER_ADDRESS,
                                                               beneficiary, cum)
    assert _call(chain, BENEFICIARY, VAULT_RAW, "domainSeparator()", []).output == (
        domain.separator())
    assert _call(chain, BENEFICIARY, VAULT_RAW, "chainId()", []).output == (
        chain.chain_id.to_bytes(32, "big"))
    assert chain.chain_id == chain_id_of(chain.block_by_number(0).block_id)  # type: ignore[union-attr]
    # another devnet is another chain: the same cheque has another digest there
    other = Chain.create(withdraw_notice=60)
    assert other.chain_id != chain.chain_id
    assert _call(other, BENEFICIARY, VAULT_RAW, "chequeDigest(address,address,uint256)",
                 [OWNER_ADDRESS, BENEFICIARY, 5]).output != _call(
        chain, BENEFICIARY, VAULT_RAW, "chequeDigest(address,address,uint256)",
        [OWNER_ADDRESS, BENEFICIARY, 5]).output
    # Speed's signature (the TIP-712 hash signed as it is) is what the bytecode accepts
    sig = sign_cheque(OWNER_KEY, domain, OWNER_ADDRESS, BENEFICIARY, 10**18)
    assert speed_cheque.Cheque(domain, OWNER_ADDRESS, BENEFICIARY, 10**18, sig).signer() == (
        OWNER_ADDRESS)
    cashed = _call(chain, BENEFICIARY, VAULT_RAW, "cash(address,address,uint256,bytes)",
                   [OWNER_ADDRESS, BENEFICIARY, 10**18, sig], commit=True)
    assert (cashed.status, cashed.output) == ("SUCCESS", abi.encode(["uint256"], [10**18]))
    assert _call(chain, BENEFICIARY, BTT_RAW, "balanceOf(address)", [BENEFICIARY]).output == (
        abi.encode(["uint256"], [10**18]))


def test_cheque_digest_layout() -> None:
    """TIP-712 as the vault computes it, rebuilt with eth_abi as the reference encoder."""
    chain = Chain.create(withdraw_notice=60)
    domain_type = b"EIP712Domain(string name,string version,uint256 chainId,address " \
        b"verifyingContract)"
    separator = keccak256(eth_abi.encode(
        ["bytes32", "bytes32", "bytes32", "uint256", "address"],
        [keccak256(domain_type), keccak256(b"BTT Speed Vault"), keccak256(b"2"),
         chain.chain_id, "0x" + VAULT_RAW[1:].hex()]))
    struct = keccak256(eth_abi.encode(
        ["bytes32", "address", "address", "uint256"],
        [keccak256(b"Cheque(address owner,address beneficiary,uint256 cumulativeAmount)"),
         "0x" + _raw(OWNER_ADDRESS)[1:].hex(), "0x" + _raw(BENEFICIARY)[1:].hex(), 5]))
    result = _call(chain, OWNER_ADDRESS, VAULT_RAW, "chequeDigest(address,address,uint256)",
                   [OWNER_ADDRESS, BENEFICIARY, 5])
    assert result.output == keccak256(b"\x19\x01" + separator + struct)


def test_the_vector_in_the_docs() -> None:
    """docs/devnet.md: the fixed addresses, the network id word, chain ids."""
    assert (BTT_ADDRESS, BTT_RAW.hex()) == (
        "TXvJwqnPrJZCzLjKw7bmf12hpB7qWZGhE5", "41f0c67b4a6234df8a9155213bcf1e395b7ff7299c")
    assert (VAULT_ADDRESS, VAULT_RAW.hex()) == (
        "TL6oat5a7BCMya8J9gM1r43sG1udYocqt8", "416f2109c2b1831343dcae523f9f62820757b674f0")
    assert network_id_word("devnet:0123456789abcdef").hex() == (
        "96c5bba7ad299edab4581e7778f02348fe462c539553fae0797e00aa8736aa07")
    mainnet = "00000000000000001ebf88508a03865c71d452e25f4d51194196a1d22b6653dc"
    nile = "0000000000000000d698d4192c56cb6be724a558448e2684802de4d6cd8690dc"
    assert chain_id_of(bytes.fromhex(mainnet)) == 0x2B6653DC == speed_cheque.MAINNET_CHAIN_ID
    assert chain_id_of(bytes.fromhex(nile)) == 0xCD8690DC == speed_cheque.NILE_CHAIN_ID


def test_btt_transfer_energy_is_mainnet_like_and_deterministic() -> None:
    """What a BTT transfer costs: in the range of mainnet's USDT (about 14k energy to a
    holder, 29k to a new one), the same for the same call, 15,000 more (a zero storage
    slot filled instead of rewritten) when the receiver never held BTT."""
    chain = Chain.create(withdraw_notice=60)
    holders = [b"\x41" + bytes([i]) * 20 for i in range(1, 5)]
    chain.faucet(holders[0], 0, 10**6)
    chain.faucet(holders[1], 0, 10**6)

    def transfer(sender: bytes, to: bytes, amount: int, limit: int | None = None,
                 commit: bool = True) -> CallResult:
        return _call(chain, sender, BTT_RAW, "transfer(address,uint256)", [to, amount],
                     commit=commit, energy_limit=limit)

    to_holder = [transfer(holders[0], holders[1], n) for n in (1, 7, 10**5)]
    to_holder.append(transfer(holders[1], holders[0], 3))
    to_new = [transfer(holders[0], holders[2], 5), transfer(holders[1], holders[3], 10**5)]
    assert {r.status for r in to_holder + to_new} == {"SUCCESS"}
    existing, new = {r.energy for r in to_holder}, {r.energy for r in to_new}
    assert len(existing) == 1 and len(new) == 1, (existing, new)
    (existing_energy,), (new_energy,) = existing, new
    assert 10_000 <= existing_energy <= 20_000
    assert new_energy == existing_energy + 15_000 <= 35_000
    # the estimate is the least limit that works, and one unit less runs out
    call = abi.selector_of("transfer(address,uint256)") + abi.encode(
        ["address", "uint256"], [holders[1], 1])
    assert chain.energy_required(holders[0], BTT_RAW, call).energy == existing_energy
    assert transfer(holders[0], holders[1], 1, existing_energy, commit=False).ok
    short = transfer(holders[0], holders[1], 1, existing_energy - 1)
    assert (short.status, short.energy) == ("OUT_OF_ENERGY", existing_energy - 1)
    empty = transfer(holders[3], holders[0], 10**5 + 1)
    assert empty.status == "REVERT"
    assert abi.revert_reason(empty.output) == "TRC20: transfer amount exceeds balance"
    assert _call(chain, holders[2], BTT_RAW, "balanceOf(address)", [holders[2]]).output == (
        abi.encode(["uint256"], [5]))


def test_high_s_and_bad_v_signatures_are_refused() -> None:
    """``cash`` accepts one form of a signature: low s, v 27/28 (or 0/1)."""
    chain = _vault_with_deposit(10)
    domain = ChequeDomain(chain.chain_id, VAULT_ADDRESS)
    sig = sign_cheque(OWNER_KEY, domain, OWNER_ADDRESS, BENEFICIARY, 1)
    digest = speed_cheque.cheque_digest(domain, OWNER_ADDRESS, BENEFICIARY, 1)

    def cash(signature: bytes) -> CallResult:
        return _call(chain, BENEFICIARY, VAULT_RAW, "cash(address,address,uint256,bytes)",
                     [OWNER_ADDRESS, BENEFICIARY, 1, signature])

    high_s = sig[:32] + (SECP256K1_N - int.from_bytes(sig[32:64], "big")).to_bytes(32, "big") \
        + bytes([55 - sig[64]])  # the same signature's other form: valid for plain secp256k1
    assert Signature(high_s[:64] + bytes([high_s[64] - 27])).recover_public_key_from_msg_hash(
        digest).to_base58check_address() == OWNER_ADDRESS
    for good in (sig, sig[:64] + bytes([sig[64] - 27])):
        assert cash(good).status == "SUCCESS"
    for bad, reason in ((high_s, "SpeedVault: signature s is not in the lower half"),
                        (sig[:64] + bytes([5]), "SpeedVault: signature v must be 27 or 28"),
                        (sig[:64] + bytes([29]), "SpeedVault: signature v must be 27 or 28"),
                        (sig[:64], "SpeedVault: a signature is 65 bytes"),
                        (sig + b"\x00", "SpeedVault: a signature is 65 bytes"),
                        (bytes(32) + sig[32:], "SpeedVault: invalid signature")):
        result = cash(bad)
        assert (result.status, abi.revert_reason(result.output)) == ("REVERT", reason)
        assert speed_cheque.Cheque(domain, OWNER_ADDRESS, BENEFICIARY, 1, bad).signer() is None
    assert _call(chain, BENEFICIARY, VAULT_RAW, "balanceOf(address)", [OWNER_ADDRESS]).output == (
        abi.encode(["uint256"], [10]))


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


# ---- CreateSmartContract and the protobuf encoding -------------------------------------------

OWNER = bytes.fromhex("41" + "11" * 20)
REF_BLOCK = bytes.fromhex("00000000000000ab0123456789abcdef" + "00" * 16)


def _deploy_json(**changes: Any) -> dict[str, Any]:
    """The published deploy transaction's JSON, with ``changes`` applied to its value."""
    raw = copy.deepcopy(JAVA_TRON_DEPLOY["raw_data"])
    value = raw["contract"][0]["parameter"]["value"]
    for path, item in changes.items():
        target = value
        keys = path.split("__")
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        if item is _DROP:
            del target[keys[-1]]
        elif isinstance(target, list):
            target[int(keys[-1])] = item
        else:
            target[keys[-1]] = item
    return {"raw_data": raw}


_DROP = object()


def test_the_published_deploy_gives_java_tron_contract_address_and_json() -> None:
    tx = parse_transaction({"raw_data": JAVA_TRON_DEPLOY["raw_data"]}, require_signature=False)
    assert "CreateSmartContract" in SUPPORTED
    assert new_contract_address(tx.txid, tx.owner).hex() == JAVA_TRON_DEPLOY["contract_address"]
    out = tx.to_json(False)
    assert out["contract_address"] == JAVA_TRON_DEPLOY["contract_address"]
    # java-tron's JSON comes back (key order aside), and parses to the same transaction
    assert json.loads(json.dumps(out["raw_data"], sort_keys=True)) == json.loads(
        json.dumps(JAVA_TRON_DEPLOY["raw_data"], sort_keys=True))
    new = tx.value["new_contract"]
    assert new["origin_address"] == bytes.fromhex("41d1e7a6bc354106cb410e65ff8b181c600ff14292")
    assert new["bytecode"] == bytes.fromhex(DEPLOY_BYTECODE)
    assert new["abi"][1] == {"constant": True, "name": "get",
                             "inputs": [{"name": "key", "type": "uint256"}],
                             "outputs": [{"name": "value", "type": "uint256"}],
                             "type": "Function", "stateMutability": "View"}
    visible = tx.to_json(True)
    value = visible["raw_data"]["contract"][0]["parameter"]["value"]
    assert value["owner_address"] == value["new_contract"]["origin_address"] == (
        "TV75jZpdmP2juMe1dRwGrwpV6AMU6mr1EU")
    assert parse_transaction(visible, require_signature=False).txid == tx.txid


def test_the_published_deploy_request_builds_the_same_transaction() -> None:
    """What /wallet/deploycontract was asked (solc's ABI spelling) gives java-tron's answer."""
    raw = JAVA_TRON_DEPLOY["raw_data"]
    ref_block_id = bytes(6) + bytes.fromhex(raw["ref_block_bytes"] + raw["ref_block_hash"]) \
        + bytes(16)
    tx = create_contract_tx(
        owner=bytes.fromhex("41D1E7A6BC354106CB410E65FF8B181C600FF14292"),
        bytecode=bytes.fromhex(DEPLOY_BYTECODE), abi=DEPLOY_REQUEST_ABI, name="SomeContract",
        call_value=0, consume_user_resource_percent=100, origin_energy_limit=100000,
        fee_limit=1000000, ref_block_id=ref_block_id, timestamp=raw["timestamp"],
        expiration=raw["expiration"])
    assert tx.raw_bytes.hex() == JAVA_TRON_DEPLOY["raw_data_hex"]
    assert tx.txid == JAVA_TRON_DEPLOY["txID"]


def test_deploy_bytes_decode_back_field_by_field() -> None:
    raw = tron_proto.Transaction.raw.FromString(bytes.fromhex(JAVA_TRON_DEPLOY["raw_data_hex"]))
    assert (raw.ref_block_bytes.hex(), raw.ref_block_hash.hex()) == ("0a49", "975853d6629c8702")
    assert (raw.expiration, raw.timestamp, raw.fee_limit) == (
        1652153760000, 1652153701556, 1000000)
    (contract,) = raw.contract
    assert contract.type == 30 == tron_proto.Transaction.Contract.ContractType.Value(
        "CreateSmartContract")
    assert contract.parameter.type_url == "type.googleapis.com/protocol.CreateSmartContract"
    create = tron_proto.CreateSmartContract.FromString(contract.parameter.value)
    owner = bytes.fromhex("41d1e7a6bc354106cb410e65ff8b181c600ff14292")
    assert create.owner_address == owner
    assert (create.call_token_value, create.token_id) == (0, 0)
    new = create.new_contract
    assert new.origin_address == owner and new.contract_address == b""
    assert new.bytecode.hex() == DEPLOY_BYTECODE
    assert (new.call_value, new.consume_user_resource_percent, new.name,
            new.origin_energy_limit) == (0, 100, "SomeContract", 100000)
    set_entry, get_entry = new.abi.entrys
    assert (set_entry.name, set_entry.constant, set_entry.type, set_entry.stateMutability) == (
        "set", False, tron_proto.ENTRY_TYPES.index("Function"),
        tron_proto.STATE_MUTABILITIES.index("Nonpayable"))
    assert [(p.name, p.type, p.indexed) for p in set_entry.inputs] == [
        ("key", "uint256", False), ("value", "uint256", False)]
    assert (get_entry.name, get_entry.constant, get_entry.stateMutability) == (
        "get", True, tron_proto.STATE_MUTABILITIES.index("View"))
    assert [(p.name, p.type) for p in get_entry.outputs] == [("value", "uint256")]
    # and our own bytes for it decode to the same message
    ours = parse_transaction({"raw_data": JAVA_TRON_DEPLOY["raw_data"]}, require_signature=False)
    assert tron_proto.Transaction.raw.FromString(ours.raw_bytes) == raw


def test_the_field_numbers_are_java_trons() -> None:
    numbers = {m.full_name: {f.name: (f.number, f.type) for f in m.fields}
               for m in (tron_proto.CreateSmartContract.DESCRIPTOR,
                         tron_proto.SmartContract.DESCRIPTOR, tron_proto.ABIEntry.DESCRIPTOR,
                         tron_proto.ABIParam.DESCRIPTOR, tron_proto.BlockHeaderRaw.DESCRIPTOR)}
    b, s, i64, i32, e, m, bl = 12, 9, 3, 5, 14, 11, 8  # FieldDescriptor.TYPE_*
    assert numbers["protocol.CreateSmartContract"] == {
        "owner_address": (1, b), "new_contract": (2, m), "call_token_value": (3, i64),
        "token_id": (4, i64)}
    assert numbers["protocol.SmartContract"] == {
        "origin_address": (1, b), "contract_address": (2, b), "abi": (3, m),
        "bytecode": (4, b), "call_value": (5, i64), "consume_user_resource_percent": (6, i64),
        "name": (7, s), "origin_energy_limit": (8, i64), "code_hash": (9, b),
        "trx_hash": (10, b), "version": (11, i32)}
    assert numbers["protocol.SmartContract.ABI.Entry"] == {
        "anonymous": (1, bl), "constant": (2, bl), "name": (3, s), "inputs": (4, m),
        "outputs": (5, m), "type": (6, e), "payable": (7, bl), "stateMutability": (8, e)}
    assert numbers["protocol.SmartContract.ABI.Entry.Param"] == {
        "indexed": (1, bl), "name": (2, s), "type": (3, s)}
    assert numbers["protocol.BlockHeader.raw"] == {
        "timestamp": (1, i64), "txTrieRoot": (2, b), "parentHash": (3, b), "number": (7, i64),
        "witness_id": (8, i64), "witness_address": (9, b), "version": (10, i32),
        "accountStateRoot": (11, b)}
    assert tron_proto.ENTRY_TYPES == ["UnknownEntryType", "Constructor", "Function", "Event",
                                      "Fallback", "Receive", "Error"]
    assert tron_proto.STATE_MUTABILITIES == ["UnknownMutabilityType", "Pure", "View",
                                             "Nonpayable", "Payable"]


def _tronpy_deploy(abi: list[dict[str, Any]], **kwargs: Any) -> dict[str, Any]:
    """The raw_data tronpy builds for ``deploy_contract`` (offline: no node is asked)."""
    tron = Tron(HTTPProvider("http://127.0.0.1:9"))
    contract = Contract(bytecode="6080604052348015600f57600080fd5b50", abi=abi, **kwargs)
    raw = tron.trx.deploy_contract(OWNER.hex(), contract)._raw_data
    raw["ref_block_bytes"], raw["ref_block_hash"] = "00ab", "0123456789abcdef"
    return dict(raw)


# an ABI as solc writes it (the spelling tronpy passes on)
SOLC_ABI: list[dict[str, Any]] = [
    {"type": "function", "name": "token", "inputs": [],
     "outputs": [{"name": "", "type": "address", "internalType": "address"}],
     "stateMutability": "view"},
    {"type": "function", "name": "deposit", "inputs": [{"name": "amount", "type": "uint256"}],
     "outputs": [{"name": "balance", "type": "uint256"}], "stateMutability": "nonpayable"},
    {"type": "event", "name": "Deposited", "anonymous": False, "inputs": [
        {"name": "owner", "type": "address", "indexed": True},
        {"name": "amount", "type": "uint256", "indexed": False},
        {"name": "balance", "type": "uint256", "indexed": False}]},
    {"type": "constructor", "inputs": [{"name": "token", "type": "address",
                                        "internalType": "address"}],
     "stateMutability": "nonpayable"},
    {"type": "receive", "stateMutability": "payable"},
    {"type": "error", "name": "Nope", "inputs": []},
]


def test_what_tronpy_sends_round_trips() -> None:
    abi = SOLC_ABI
    raw = _tronpy_deploy(abi)  # tronpy leaves "name": null, sends solc's lower-case enums
    tx = parse_transaction({"raw_data": raw}, require_signature=False)
    entries = tx.value["new_contract"]["abi"]
    assert len(entries) == len(abi)
    deposited = next(e for e in entries if e.get("name") == "Deposited")
    assert deposited == {"name": "Deposited", "inputs": [
        {"indexed": True, "name": "owner", "type": "address"},
        {"name": "amount", "type": "uint256"}, {"name": "balance", "type": "uint256"}],
        "type": "Event"}
    assert entries[0] == {"name": "token", "outputs": [{"type": "address"}],
                          "type": "Function", "stateMutability": "View"}
    assert entries[-3:] == [
        {"inputs": [{"name": "token", "type": "address"}], "type": "Constructor",
         "stateMutability": "Nonpayable"},
        {"type": "Receive", "stateMutability": "Payable"},
        {"name": "Nope", "type": "Error"}]
    assert "name" not in tx.value["new_contract"]
    assert tx.fee_limit == raw["fee_limit"]
    # what the node answers (getsignweight) is java-tron's spelling; tronpy posts its own
    # JSON back to broadcast: both are the same transaction
    for visible in (False, True):
        answer = parse_transaction(tx.to_json(visible), require_signature=False)
        assert (answer.txid, answer.raw_bytes, answer.value) == (tx.txid, tx.raw_bytes, tx.value)
    create = tron_proto.CreateSmartContract.FromString(
        tron_proto.Transaction.raw.FromString(tx.raw_bytes).contract[0].parameter.value)
    assert create.new_contract.origin_address == OWNER
    assert (create.new_contract.consume_user_resource_percent,
            create.new_contract.origin_energy_limit) == (100, 1)
    assert create.new_contract.bytecode.hex() == "6080604052348015600f57600080fd5b50"


def test_deploy_round_trips_through_the_state_file_record() -> None:
    key = PrivateKey(bytes(range(1, 33)))
    for raw in (JAVA_TRON_DEPLOY["raw_data"], _tronpy_deploy([]),
                _deploy_json(call_token_value=5, token_id=1000001,
                             new_contract__contract_address="TV75jZpdmP2juMe1dRwGrwpV6AMU6mr1EU",
                             new_contract__code_hash="ab" * 32, new_contract__version=1,
                             new_contract__call_value=7)["raw_data"]):
        tx = parse_transaction({"raw_data": raw}, require_signature=False)
        tx.signatures = [bytes.fromhex(key.sign_msg_hash(bytes.fromhex(tx.txid)).hex())]
        back = tx_from_record(json.loads(json.dumps(tx_to_record(tx))))
        assert back == tx


def test_an_empty_abi_is_kept_apart_from_none() -> None:
    """java-tron always sets the ABI message: present-but-empty serializes, absent does not."""
    empty = parse_transaction(_deploy_json(new_contract__abi={}), require_signature=False)
    entryless = parse_transaction(_deploy_json(new_contract__abi={"entrys": []}),
                                  require_signature=False)
    absent = parse_transaction(_deploy_json(new_contract__abi=_DROP), require_signature=False)
    assert empty.txid == entryless.txid != absent.txid
    assert empty.value["new_contract"]["abi"] == []
    assert "abi" not in absent.value["new_contract"]
    assert empty.raw_data_json(False)["contract"][0]["parameter"]["value"]["new_contract"][
        "abi"] == {}
    assert tx_from_record(tx_to_record(empty)).txid == empty.txid
    assert tx_from_record(tx_to_record(absent)).txid == absent.txid


def test_enum_spellings_java_tron_accepts() -> None:
    txid = parse_transaction({"raw_data": JAVA_TRON_DEPLOY["raw_data"]},
                             require_signature=False).txid
    for entry_type, mutability in (("function", "nonpayable"), (2, 3), ("Function", 3)):
        tx = parse_transaction(_deploy_json(new_contract__abi__entrys__0__type=entry_type,
                                            new_contract__abi__entrys__0__stateMutability=(
                                                mutability)), require_signature=False)
        assert tx.txid == txid


@pytest.mark.parametrize("changes, message", [
    ({"new_contract": _DROP}, "new_contract must be an object"),
    ({"new_contract": "6080"}, "new_contract must be an object"),
    ({"new_contract__abi": []}, "abi must be an object"),
    ({"new_contract__abi__entrys": {"name": "f"}}, "entrys must be a list"),
    ({"new_contract__abi__entrys__0": "set(uint256,uint256)"}, "ABI entries must be objects"),
    ({"new_contract__abi__entrys__0__type": "FUNCTION"}, "field type has no value"),
    ({"new_contract__abi__entrys__0__type": "func"}, "field type has no value"),
    ({"new_contract__abi__entrys__0__type": 7}, "field type has no value 7"),
    ({"new_contract__abi__entrys__0__type": True}, "field type must be a string"),
    ({"new_contract__abi__entrys__0__stateMutability": "constant"},
     "field stateMutability has no value"),
    ({"new_contract__abi__entrys__1__constant": "true"}, "field constant must be true or false"),
    ({"new_contract__abi__entrys__0__inputs": {"name": "key"}}, "field inputs must be a list"),
    ({"new_contract__abi__entrys__0__inputs__0": "uint256"}, "ABI parameters must be objects"),
    ({"new_contract__abi__entrys__0__inputs__0__type": 256}, "field type must be a string"),
    ({"new_contract__abi__entrys__0__name": "\ud800"}, "field name is not valid UTF-8"),
    ({"new_contract__bytecode": "60zz"}, "field bytecode is not hex"),
    ({"new_contract__bytecode": 6080}, "field bytecode must be a hex string"),
    ({"new_contract__origin_address": "41d1e7"}, "field origin_address is not a TRON address"),
    ({"owner_address": _DROP}, "field owner_address is not a TRON address"),
    ({"new_contract__name": 5}, "field name must be a string"),
    ({"new_contract__consume_user_resource_percent": "100"},
     "field consume_user_resource_percent must be an integer"),
    ({"new_contract__call_value": 2**63}, "field call_value out of range"),
    ({"new_contract__version": 2**31}, "field version out of range"),
    ({"token_id": 1.5}, "field token_id must be an integer"),
])
def test_malformed_deploys_are_refused_in_one_line(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(TxFormatError) as refused:
        parse_transaction(_deploy_json(**changes), require_signature=False)
    text = str(refused.value)
    assert message in text
    assert "\n" not in text and len(text) < 120
    assert refused.value.__cause__ is None
    assert refused.value.__context__ is None or refused.value.__suppress_context__


def test_create_contract_tx_refuses_bad_fields() -> None:
    base: dict[str, Any] = {"owner": OWNER, "bytecode": b"\x60\x80", "ref_block_id": REF_BLOCK,
                            "timestamp": 1, "expiration": 2}
    assert create_contract_tx(**base).value["new_contract"] == {
        "origin_address": OWNER, "abi": [], "bytecode": b"\x60\x80"}
    for bad, message in (({"abi": "[{"}, "field abi is not JSON"),
                         ({"abi": [{"type": "method"}]}, "field type has no value"),
                         ({"owner": b"\x41\x00"}, "owner_address is not a TRON address"),
                         ({"fee_limit": -1}, "fee_limit out of range"),
                         ({"origin_energy_limit": 2**64}, "origin_energy_limit out of range"),
                         ({"permission_id": 2**31}, "Permission_id out of range")):
        with pytest.raises(TxFormatError, match=message):
            create_contract_tx(**{**base, **bad})


def test_transfer_and_trigger_ids_and_block_ids_are_unchanged() -> None:
    """Ids computed by the hand-written encoder this module replaced: they must not move."""
    transfer = tx_from_fields(
        contract_type="TransferContract", ref_block_id=REF_BLOCK,
        value={"owner_address": OWNER, "to_address": bytes.fromhex("41" + "22" * 20),
               "amount": 1_500_000}, timestamp=1_800_000_000_000, expiration=1_800_000_060_000)
    trigger = tx_from_fields(
        contract_type="TriggerSmartContract", ref_block_id=REF_BLOCK,
        value={"owner_address": OWNER, "contract_address": bytes.fromhex("41" + "33" * 20),
               "data": bytes.fromhex("a9059cbb") + bytes(64)},
        timestamp=1_800_000_000_000, expiration=1_800_000_060_000, fee_limit=50_000_000)
    assert transfer.txid == "a0fefcc3ecf39fd023407de03665ac236bd5b57cce6336cf3168581a0cf40008"
    assert trigger.txid == "026afb568c10a83b9c58512467857dc4b17e3919cb107f9fdf651fda634b9fc2"
    for tx in (transfer, trigger):
        assert parse_transaction(tx.to_json(True), require_signature=False).txid == tx.txid
    genesis = Block(number=0, timestamp=1_800_000_000_000, parent=bytes(32), witness=OWNER)
    block = Block(number=4242, timestamp=1_800_000_003_000, parent=bytes(range(32)),
                  witness=OWNER, txids=[transfer.txid, trigger.txid])
    assert genesis.seal().block_id.hex() == (
        "0000000000000000c93fd487aac9b1607d3bb49d66ae4b77185cee4f0eca69c6")
    assert block.seal().block_id.hex() == (
        "0000000000001092d4a2417895d7040081e51029d8237baba5d392ff254b34e9")
    header = tron_proto.BlockHeaderRaw.FromString(block.header_bytes())
    assert (header.number, header.witness_address, header.version) == (4242, OWNER, 30)
    # the bandwidth size: the serialized Transaction (raw data and signatures)
    transfer.signatures = [bytes(range(65))]
    assert len(transfer.raw_bytes) == 133
    assert len(transfer.transaction_bytes()) == 3 + 133 + 2 + 65  # tag, 2-byte length
    signed = tron_proto.Transaction.FromString(transfer.transaction_bytes())
    assert signed.raw_data.SerializeToString() == transfer.raw_bytes
    assert list(signed.signature) == transfer.signatures
