"""Small helpers shared by the devnet tests."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from eth_abi import encode as abi_encode
from tronpy import AsyncTron
from tronpy.async_contract import AsyncContract
from tronpy.async_tron import AsyncTransactionRet
from tronpy.keys import PrivateKey, keccak256, to_hex_address

from btt_desktop.speed.cheque import ChequeDomain, cheque_digest

POLL = 0.05
NOTICE = 5  # seconds of vault withdrawal notice on the test devnets (conftest)
BTT = 10**18
CONTRACTS = Path(__file__).resolve().parents[2] / "resources" / "contracts"
VAULT_CONSTRUCTOR = ["address", "uint256", "uint256", "bytes32"]


def new_key() -> tuple[PrivateKey, str]:
    key = PrivateKey.random()
    return key, key.public_key.to_base58check_address()


async def confirmed(tron: AsyncTron, txid: str) -> dict:
    """Wait (tronpy's own loop) until the transaction is in a block; its info."""
    info: dict = await AsyncTransactionRet({"txid": txid}, client=tron).wait(timeout=20,
                                                                             interval=POLL)
    return info


async def trx_balance(tron: AsyncTron, address: str) -> Decimal:
    return Decimal(await tron.get_account_balance(address))


def build_output(name: str) -> dict[str, Any]:
    """``resources/contracts/NAME.json``, read as a user of the repository would."""
    data: dict[str, Any] = json.loads((CONTRACTS / f"{name}.json").read_text(encoding="utf-8"))
    return data


def vault_creation_code(token: str, notice: int, chain_id: int, network_id: str) -> bytes:
    """SpeedVault's creation bytecode with its constructor arguments appended."""
    return bytes.fromhex(build_output("SpeedVault")["bytecode"]) + abi_encode(
        VAULT_CONSTRUCTOR, ["0x" + to_hex_address(token)[2:], notice, chain_id,
                            keccak256(network_id.encode())])


def sign_cheque(key: PrivateKey, domain: ChequeDomain, owner: str, beneficiary: str,
                cum: int) -> bytes:
    """The owner's signature of a cheque: the TIP-712 hash signed as it is, v = 27/28."""
    raw: bytes = key.sign_msg_hash(cheque_digest(domain, owner, beneficiary, cum)).to_bytes()
    return raw[:64] + bytes([raw[64] + 27])


def java_tron_contract_address(txid: str, owner: str) -> str:
    """java-tron's ``generateContractAddress``: 0x41 || keccak256(txID || owner)[12:]."""
    raw = keccak256(bytes.fromhex(txid) + bytes.fromhex(to_hex_address(owner)))
    return "41" + raw[12:].hex()


async def broadcast(key: PrivateKey, contract: Any, name: str, *args: Any,
                    fee_limit: int = 50_000_000) -> str:
    """Sign and broadcast ``contract.name(*args)`` as ``key``'s account; its txID."""
    owner = key.public_key.to_base58check_address()
    builder = await contract.functions[name](*args)
    tx = await builder.with_owner(owner).fee_limit(fee_limit).build()
    sent = await tx.sign(key).broadcast()
    return str(sent.txid)


async def deploy_vault(tron: AsyncTron, key: PrivateKey, *, token: str, notice: int,
                       chain_id: int, network_id: str) -> str:
    """Deploy SpeedVault through tronpy's deploy_contract; the txID (not waited for)."""
    contract = AsyncContract(
        bytecode=vault_creation_code(token, notice, chain_id, network_id),
        abi=build_output("SpeedVault")["abi"], name="SpeedVault", user_resource_percent=100,
        origin_energy_limit=10_000_000)
    owner = key.public_key.to_base58check_address()
    tx = await tron.trx.deploy_contract(owner, contract).fee_limit(1_000_000_000).build()
    return str((await tx.sign(key).broadcast()).txid)
