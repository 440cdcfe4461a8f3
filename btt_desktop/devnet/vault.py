"""The Speed vault, native on the devnet, and the cheque digest both sides must agree on.

One vault per owner per network: the vault *is* the owner's address; the BTT of every vault
is held by the vault contract. The owner deposits with the ERC-20 pattern (``approve`` the
vault, then ``deposit(amount)``, which pulls with ``transferFrom``), may withdraw only after
announcing it and waiting the notice period, and anyone may ``cash`` a cheque the owner
signed: it pays ``cum - paidOut(owner, beneficiary)`` to the beneficiary. A cheque the vault
cannot cover in full bounces (reverts) and pays nothing.

Cheque digest (docs/devnet.md gives the same in prose)::

    digest = keccak256(abi.encode(
        bytes32("BTTSpeedCheque-v1"),          # ASCII, right-padded with zero bytes
        keccak256(bytes(network_id)),          # e.g. "mainnet", "nile", "devnet:<genesis id>"
        address vault,                         # the owner's address (20-byte TVM form)
        address beneficiary,
        uint256 cum))
    sig = TIP-191 sign_msg(digest)
        # secp256k1 over keccak256("\\x19TRON Signed Message:\\n32" || digest)

``sig`` is 65 bytes ``r || s || v`` with ``v`` in {0, 1, 27, 28} and a low ``s``
(``s <= n/2``), as OpenZeppelin's ECDSA accepts it.
"""

from __future__ import annotations

from typing import Any

from tronpy.keys import PrivateKey, Signature, hash_message, keccak256

from btt_desktop.devnet import abi
from btt_desktop.devnet.addresses import from_tvm, parse_address
from btt_desktop.devnet.contracts import (
    ENERGY_ECRECOVER,
    ENERGY_INNER_CALL,
    Execution,
    NativeContract,
    Revert,
    word,
)
from btt_desktop.devnet.trc20 import Trc20Token

CHEQUE_TAG = b"BTTSpeedCheque-v1".ljust(32, b"\x00")
SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
DEFAULT_WITHDRAW_NOTICE = 24 * 3600

DEPOSITED = abi.event_topic(abi.SPEED_VAULT_ABI, "Deposited")
ANNOUNCED = abi.event_topic(abi.SPEED_VAULT_ABI, "WithdrawalAnnounced")
WITHDRAWN = abi.event_topic(abi.SPEED_VAULT_ABI, "Withdrawn")
CASHED = abi.event_topic(abi.SPEED_VAULT_ABI, "ChequeCashed")


def network_id_word(network_id: str) -> bytes:
    """The ``bytes32`` a network id string becomes in the digest: keccak256 of its UTF-8 bytes."""
    return keccak256(network_id.encode("utf-8"))


def devnet_network_id(genesis_id: str) -> str:
    return f"devnet:{genesis_id}"


def cheque_digest(network_id: str, vault: str | bytes, beneficiary: str | bytes, cum: int) -> bytes:
    """The 32-byte digest a cheque signs. ``vault`` and ``beneficiary``: base58, 41-hex or raw."""
    if not 0 <= cum < 2**256:
        raise ValueError("cum out of range")
    vault_raw = vault if isinstance(vault, bytes) else parse_address(vault)
    beneficiary_raw = beneficiary if isinstance(beneficiary, bytes) else parse_address(beneficiary)
    encoded = (CHEQUE_TAG + network_id_word(network_id) + word(vault_raw) + word(beneficiary_raw)
               + cum.to_bytes(32, "big"))
    return keccak256(encoded)


def sign_cheque(key: PrivateKey, network_id: str, beneficiary: str | bytes, cum: int) -> bytes:
    """Sign a cheque on the vault of ``key``'s address (TIP-191). Returns the 65-byte signature."""
    vault = key.public_key.to_base58check_address()
    digest = cheque_digest(network_id, vault, beneficiary, cum)
    return bytes(key.sign_msg(digest).to_bytes())


def recover_cheque_signer(digest: bytes, sig: bytes) -> bytes | None:
    """The raw 21-byte address that signed ``digest`` (TIP-191), or None for a bad signature."""
    if len(sig) != 65 or sig[64] not in (0, 1, 27, 28):
        return None
    s = int.from_bytes(sig[32:64], "big")
    r = int.from_bytes(sig[:32], "big")
    if not (0 < r < SECP256K1_N and 0 < s <= SECP256K1_N // 2):
        return None
    try:
        public = Signature(sig).recover_public_key_from_msg_hash(hash_message(digest))
    except Exception:  # tronpy raises BadSignature, coincurve ValueError
        return None
    return from_tvm(bytes(public.to_tvm_address()))


class SpeedVault(NativeContract):
    """Storage slots: ``bal:<owner>``, ``paid:<owner>:<beneficiary>``, ``wamt:<owner>``,
    ``wready:<owner>`` (hex addresses)."""

    name = "SpeedVault"
    abi_entries = abi.SPEED_VAULT_ABI

    def __init__(self, address: bytes, token: Trc20Token, network_id: str,
                 notice_seconds: int) -> None:
        super().__init__(address)
        self.token = token
        self.network_id = network_id
        self.notice_seconds = notice_seconds

    def fn_token(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> bytes:
        return self.token.address

    def fn_networkId(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> bytes:
        return network_id_word(self.network_id)

    def fn_noticePeriod(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> int:
        return self.notice_seconds

    def fn_balanceOf(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> int:
        return ex.load(self.address, f"bal:{args[0].hex()}")

    def fn_withdrawalOf(self, ex: Execution, caller: bytes,
                        args: tuple[Any, ...]) -> tuple[int, int]:
        owner = args[0].hex()
        return ex.load(self.address, f"wamt:{owner}"), ex.load(self.address, f"wready:{owner}")

    def fn_paidOut(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> int:
        return ex.load(self.address, f"paid:{args[0].hex()}:{args[1].hex()}")

    def fn_chequeDigest(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> bytes:
        return cheque_digest(self.network_id, args[0], args[1], args[2])

    def fn_deposit(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> int:
        (amount,) = args
        if amount == 0:
            raise Revert("SpeedVault: amount must be positive")
        ex.energy += ENERGY_INNER_CALL
        self.token.fn_transferFrom(ex, self.address, (caller, self.address, amount))
        slot = f"bal:{caller.hex()}"
        balance = ex.load(self.address, slot) + amount
        ex.store(self.address, slot, balance)
        ex.log(self.address, [DEPOSITED, word(caller)], abi.encode(["uint256", "uint256"],
                                                                   [amount, balance]))
        return balance

    def fn_announceWithdrawal(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> int:
        (amount,) = args
        owner = caller.hex()
        if amount > ex.load(self.address, f"bal:{owner}"):
            raise Revert("SpeedVault: amount exceeds the vault balance")
        ready_at = ex.now + self.notice_seconds if amount else 0
        ex.store(self.address, f"wamt:{owner}", amount)
        ex.store(self.address, f"wready:{owner}", ready_at)
        ex.log(self.address, [ANNOUNCED, word(caller)],
               abi.encode(["uint256", "uint256"], [amount, ready_at]))
        return ready_at

    def fn_withdraw(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> int:
        owner = caller.hex()
        announced = ex.load(self.address, f"wamt:{owner}")
        if announced == 0:
            raise Revert("SpeedVault: no withdrawal announced")
        ready_at = ex.load(self.address, f"wready:{owner}")
        if ex.now < ready_at:
            raise Revert(f"SpeedVault: withdrawal notice runs until {ready_at}")
        balance = ex.load(self.address, f"bal:{owner}")
        amount = min(announced, balance)
        ex.store(self.address, f"wamt:{owner}", 0)
        ex.store(self.address, f"wready:{owner}", 0)
        ex.store(self.address, f"bal:{owner}", balance - amount)
        if amount:
            ex.energy += ENERGY_INNER_CALL
            self.token.move(ex, self.address, caller, amount)
        ex.log(self.address, [WITHDRAWN, word(caller)], abi.encode(["uint256"], [amount]))
        return amount

    def fn_cash(self, ex: Execution, caller: bytes, args: tuple[Any, ...]) -> int:
        owner, beneficiary, cum, sig = args
        ex.energy += ENERGY_ECRECOVER
        signer = recover_cheque_signer(cheque_digest(self.network_id, owner, beneficiary, cum), sig)
        if signer != owner:
            raise Revert("SpeedVault: cheque not signed by the vault owner")
        paid_slot = f"paid:{owner.hex()}:{beneficiary.hex()}"
        paid = ex.load(self.address, paid_slot)
        if cum <= paid:
            raise Revert("SpeedVault: cheque is not above the amount already paid")
        amount = cum - paid
        balance_slot = f"bal:{owner.hex()}"
        balance = ex.load(self.address, balance_slot)
        if amount > balance:
            raise Revert("SpeedVault: cheque bounced, vault balance too low")
        ex.store(self.address, balance_slot, balance - amount)
        ex.store(self.address, paid_slot, cum)
        ex.energy += ENERGY_INNER_CALL
        self.token.move(ex, self.address, beneficiary, amount)
        ex.log(self.address, [CASHED, word(owner), word(beneficiary)],
               abi.encode(["uint256", "uint256"], [cum, amount]))
        return amount


__all__ = [
    "CHEQUE_TAG",
    "DEFAULT_WITHDRAW_NOTICE",
    "SpeedVault",
    "cheque_digest",
    "devnet_network_id",
    "network_id_word",
    "recover_cheque_signer",
    "sign_cheque",
]
