"""Cheques: the requester's signed, cumulative promise to a provider (version 2, TIP-712).

A cheque says "the owner of vault ``vault`` owes ``to`` a total of ``cum``, ever". It is
typed data (TIP-712, TRON's EIP-712) whose domain binds the chain and the vault contract,
so a cheque is worth nothing on another network or to another deployment, and a wallet
that shows typed data shows what is signed::

    domain    = EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)
                ("BTT Speed Vault", "2", chain id, vault contract)
    cheque    = Cheque(address owner,address beneficiary,uint256 cumulativeAmount)
    digest    = keccak256(0x19 0x01 || domainSeparator || keccak256(abi.encode(
                    CHEQUE_TYPEHASH, owner, beneficiary, cum)))

The owner signs ``digest`` itself (secp256k1, nothing prepended); the SpeedVault
contract's ``chequeDigest(owner, beneficiary, cum)`` returns exactly these 32 bytes and
``cash`` checks the signature with ``ecrecover``. Addresses are the 20-byte TVM form.

A vault is named by its owner's address: each user has one vault per vault contract, so
``vault`` is the requester who signs, and a cheque is valid only if its signer is ``vault``.
Version 1 (TIP-191 over an ad-hoc digest bound only to the network name) is no longer
accepted; :func:`signed_as_v1` recognises one so it can be refused with a clear reason.
"""

from __future__ import annotations

from dataclasses import dataclass

import base58

from btt_desktop.speed.messages import ChequeMsg, is_tron_address
from btt_desktop.speed.signing import Signer, keccak256, recover_hash_signer, recover_signer

DOMAIN_NAME = "BTT Speed Vault"
DOMAIN_VERSION = "2"
DOMAIN_TYPEHASH = keccak256(
    b"EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)")
CHEQUE_TYPEHASH = keccak256(b"Cheque(address owner,address beneficiary,uint256 cumulativeAmount)")
UINT256_MAX = 2**256 - 1
# Chain ids (the last 4 bytes of each network's genesis block id)
MAINNET_CHAIN_ID = 0x2B6653DC
NILE_CHAIN_ID = 0xCD8690DC


def address_word(address: str) -> bytes:
    """ABI ``address`` word: the 20-byte account id, left-padded to 32 bytes."""
    raw = base58.b58decode_check(address)
    if len(raw) != 21 or raw[0] != 0x41:
        raise ValueError("not a TRON address")
    return bytes(12) + raw[1:]


def _uint(value: int) -> bytes:
    if not 0 <= value <= UINT256_MAX:
        raise ValueError("integer out of the uint256 range")
    return value.to_bytes(32, "big")


@dataclass(frozen=True)
class ChequeDomain:
    """The TIP-712 domain of one vault contract: which chain, which contract."""

    chain_id: int
    contract: str  # base58 address of the SpeedVault contract

    def __post_init__(self) -> None:
        if not 0 < self.chain_id <= UINT256_MAX or not is_tron_address(self.contract):
            raise ValueError("a cheque domain needs a chain id and a contract address")

    def separator(self) -> bytes:
        return keccak256(DOMAIN_TYPEHASH + keccak256(DOMAIN_NAME.encode())
                         + keccak256(DOMAIN_VERSION.encode()) + _uint(self.chain_id)
                         + address_word(self.contract))


def cheque_digest(domain: ChequeDomain, vault: str, beneficiary: str, cum: int) -> bytes:
    """The 32 bytes the vault's owner signs (what the contract's ``chequeDigest`` returns)."""
    struct_hash = keccak256(CHEQUE_TYPEHASH + address_word(vault) + address_word(beneficiary)
                            + _uint(cum))
    return keccak256(b"\x19\x01" + domain.separator() + struct_hash)


@dataclass(frozen=True)
class Cheque:
    domain: ChequeDomain
    vault: str
    to: str
    cum: int
    sig: bytes

    def digest(self) -> bytes:
        return cheque_digest(self.domain, self.vault, self.to, self.cum)

    def signer(self) -> str | None:
        """The address that signed it, or ``None`` for a malformed signature."""
        return recover_hash_signer(self.digest(), self.sig)

    def to_message(self) -> ChequeMsg:
        return ChequeMsg(vault=self.vault, to=self.to, cum=self.cum, sig=self.sig)

    @classmethod
    def from_message(cls, domain: ChequeDomain, msg: ChequeMsg) -> Cheque:
        return cls(domain=domain, vault=msg.vault, to=msg.to, cum=msg.cum, sig=msg.sig)


def sign_cheque(signer: Signer, domain: ChequeDomain, vault: str, to: str, cum: int) -> Cheque:
    sig = signer.sign_typed_hash(cheque_digest(domain, vault, to, cum))
    return Cheque(domain=domain, vault=vault, to=to, cum=cum, sig=sig)


def signed_as_v1(net: str, cheque: Cheque) -> bool:
    """True when ``cheque`` is a valid *version 1* cheque by its vault's owner: TIP-191 over
    ``keccak256(abi.encode(bytes32("BTTSpeedCheque-v1"), keccak256(net), vault, to, cum))``.
    Only used to tell a peer why its cheque is refused."""
    if not 0 <= cheque.cum <= UINT256_MAX:
        return False
    tag = b"BTTSpeedCheque-v1".ljust(32, b"\0")
    digest = keccak256(tag + keccak256(net.encode("utf-8")) + address_word(cheque.vault)
                       + address_word(cheque.to) + _uint(cheque.cum))
    return recover_signer(digest, cheque.sig) == cheque.vault
