"""Deploying the committed SpeedVault bytecode to a network (``btt vault deploy``).

:func:`plan_deploy` works out everything a confirmation shows before anything is signed:
the constructor arguments (BTT token, notice period, chain id, network id), the energy
the deployment needs, measured by running the very bytecode in the devnet's EVM with
TRON's energy costs, the bandwidth of the transaction, and the TRX that will burn.
:func:`deploy` then signs with the wallet's signer, broadcasts, waits for the receipt and
checks the new contract as every Speed client will (:func:`btt_desktop.speed.chainlink.verify`).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

from eth_abi import encode as abi_encode
from tronpy import AsyncTron
from tronpy.async_contract import AsyncContract
from tronpy.keys import to_base58check_address, to_hex_address

from btt_desktop.errors import ChainError, SpeedError, one_line
from btt_desktop.speed.deployments import vault_artifact
from btt_desktop.speed.signing import keccak256

CONSTRUCTOR_TYPES = ["address", "uint256", "uint256", "bytes32"]
DEFAULT_NOTICE = 24 * 3600
ORIGIN_ENERGY_LIMIT = 10_000_000
SIGNED_OVERHEAD = 67 + 64 + 8   # signature field, java-tron's result overhead, length prefixes
DEPLOY_CONFIRM_TIMEOUT = 120.0


@dataclass(frozen=True)
class DeployPlan:
    net: str
    chain_id: int
    token: str            # base58 BTT contract
    notice: int           # seconds
    bytecode: bytes       # creation code with the constructor arguments
    energy: int
    energy_price: int     # sun per energy unit
    bandwidth_bytes: int

    @property
    def fee_sun(self) -> int:
        """The TRX (in sun) the deployment burns when no free resources cover it."""
        return self.energy * self.energy_price + self.bandwidth_bytes * 1_000

    @property
    def fee_limit(self) -> int:
        return int(self.energy * self.energy_price * 1.2) + 1_000_000


@dataclass(frozen=True)
class DeployResult:
    address: str
    txid: str
    fee_sun: int


def constructor_args(token: str, notice: int, chain_id: int, net: str) -> bytes:
    return abi_encode(CONSTRUCTOR_TYPES, ["0x" + to_hex_address(token)[2:], notice, chain_id,
                                          keccak256(net.encode("utf-8"))])


def measure_energy(creation_code: bytes, chain_id: int) -> int:
    """Energy the deployment uses, from the bytecode run in the devnet's EVM (a throwaway
    state with a stand-in token, since the constructor checks the token has code)."""
    from btt_desktop.devnet.contracts import artifact  # py-evm: only for this command
    from btt_desktop.devnet.evm import Evm

    evm = Evm(chain_id=chain_id, coinbase=b"\x00" * 20)
    deployer, token = b"\x11" * 20, b"\x22" * 20
    token_code = bytes.fromhex(artifact("DevnetBTT")["bytecode"]) + abi_encode(
        ["address"], ["0x" + deployer.hex()])
    if not evm.create(caller=deployer, address=token, init_code=token_code,
                      energy_limit=10**8, now=0, block_number=1, commit=True).ok:
        raise SpeedError("cannot measure the deployment: the stand-in token failed")
    # the same arguments' shapes, with the stand-in token in place of the real one
    stand_in = creation_code[:-128] + abi_encode(["address"], ["0x" + token.hex()]) \
        + creation_code[-96:]
    result = evm.create(caller=deployer, address=b"\x33" * 20, init_code=stand_in,
                        energy_limit=10**8, now=0, block_number=1, commit=False)
    if not result.ok:
        raise SpeedError(f"the vault's constructor fails with these arguments: {result.error}")
    return result.energy


async def _energy_price(client: AsyncTron) -> int:
    try:
        params = await client.get_chain_parameters()
    except Exception as exc:  # tronpy raises many types; all mean "the node did not say"
        raise ChainError(f"cannot read the chain parameters: {exc}") from None
    prices = {p.get("key"): p.get("value", 0) for p in params or [] if isinstance(p, dict)}
    return int(prices.get("getEnergyFee") or 100)


def _contract(bytecode: bytes) -> AsyncContract:
    artifact = vault_artifact()
    return AsyncContract(bytecode=bytecode, abi=artifact["abi"], name="SpeedVault",
                         user_resource_percent=100, origin_energy_limit=ORIGIN_ENERGY_LIMIT)


async def plan_deploy(client: AsyncTron, *, owner: str, net: str, chain_id: int, token: str,
                      notice: int = DEFAULT_NOTICE) -> DeployPlan:
    if not 3600 <= notice <= 30 * 86400 and not net.startswith("devnet:"):
        raise SpeedError("the withdrawal notice must be between 1 hour and 30 days")
    if notice <= 0:
        raise SpeedError("the withdrawal notice must be positive")
    bytecode = bytes.fromhex(vault_artifact()["bytecode"]) + constructor_args(
        token, notice, chain_id, net)
    energy = measure_energy(bytecode, chain_id)
    price = await _energy_price(client)
    builder = client.trx.deploy_contract(owner, _contract(bytecode))
    size = len(_raw_size_probe(builder)) + SIGNED_OVERHEAD
    return DeployPlan(net=net, chain_id=chain_id, token=token, notice=notice,
                      bytecode=bytecode, energy=energy, energy_price=price,
                      bandwidth_bytes=size)


def _raw_size_probe(builder: Any) -> bytes:
    """The serialized ``raw_data`` of the deployment (for its bandwidth), built offline."""
    from btt_desktop.tron.txcodec import parse_transaction  # TRON's protobuf messages

    raw = dict(builder._raw_data)
    # an unbuilt builder holds None for the reference block (setdefault would keep it)
    raw["ref_block_bytes"] = raw.get("ref_block_bytes") or "0000"
    raw["ref_block_hash"] = raw.get("ref_block_hash") or "00" * 8
    tx = parse_transaction({"raw_data": raw}, require_signature=False)
    return tx.raw_bytes


async def deploy(client: AsyncTron, plan: DeployPlan, signer: Any) -> DeployResult:
    """Sign (the wallet's signer), broadcast, wait; the new contract's address."""
    try:
        builder = client.trx.deploy_contract(signer.address, _contract(plan.bytecode))
        tx = await builder.fee_limit(plan.fee_limit).build()
        sent = await signer.sign_transaction(tx).broadcast()
        info = await sent.wait(timeout=DEPLOY_CONFIRM_TIMEOUT, interval=1.0)
    except ChainError:
        raise
    except Exception as exc:  # tronpy's and httpx's errors: one line for the user
        raise ChainError(f"the deployment did not go through: "
                         f"{one_line(exc, 200, typed=False)}") from None
    txid = str(sent.txid)
    receipt = info.get("receipt") or {}
    if info.get("result") == "FAILED" or receipt.get("result") not in (None, "SUCCESS"):
        reason = info.get("resMessage") or receipt.get("result") or "FAILED"
        with contextlib.suppress(ValueError):
            reason = bytes.fromhex(str(reason)).decode("utf-8", "replace")
        raise ChainError(f"the deployment failed on chain (transaction {txid}): {reason}")
    address = info.get("contract_address")
    if not isinstance(address, str) or not address:
        raise ChainError(f"the receipt of {txid} names no contract address")
    return DeployResult(to_base58check_address(address), txid, int(info.get("fee", 0)))
