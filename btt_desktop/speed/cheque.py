"""Cheques: the requester's signed, cumulative promise to a provider.

Digest (the same bytes a vault contract checks with ``ecrecover``)::

    keccak256(abi.encode(bytes32("BTTSpeedCheque-v1"), bytes32 network,
                         address vault, address beneficiary, uint256 cum))

where ``bytes32("BTTSpeedCheque-v1")`` is the ASCII right-padded with zeros,
``network`` is ``keccak256(utf8(network id))``, addresses are the 20 bytes after the
0x41 prefix left-padded to 32, and ``cum`` is a 32-byte big-endian integer. The
signature is TIP-191 ``sign_msg`` over that digest (see :mod:`signing`).

A vault is identified by its owner's address: each user has one vault per network,
held by the network's vault contract (native on the devnet). So ``vault`` is the
address of the requester who signs, and a cheque is valid only if its signer is
``vault``. The network id in the digest keeps a cheque from being cashed elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

import base58

from btt_desktop.speed.messages import ChequeMsg
from btt_desktop.speed.signing import Signer, keccak256, recover_signer

CHEQUE_TAG = b"BTTSpeedCheque-v1".ljust(32, b"\0")
UINT256_MAX = 2**256 - 1


def network_hash(net: str) -> bytes:
    return keccak256(net.encode("utf-8"))


def address_word(address: str) -> bytes:
    """ABI ``address`` word: the 20-byte account id, left-padded to 32 bytes."""
    raw = base58.b58decode_check(address)
    if len(raw) != 21 or raw[0] != 0x41:
        raise ValueError("not a TRON address")
    return bytes(12) + raw[1:]


def cheque_digest(net: str, vault: str, beneficiary: str, cum: int) -> bytes:
    if not 0 <= cum <= UINT256_MAX:
        raise ValueError("cum out of range")
    return keccak256(CHEQUE_TAG + network_hash(net) + address_word(vault)
                     + address_word(beneficiary) + cum.to_bytes(32, "big"))


@dataclass(frozen=True)
class Cheque:
    net: str
    vault: str
    to: str
    cum: int
    sig: bytes

    def digest(self) -> bytes:
        return cheque_digest(self.net, self.vault, self.to, self.cum)

    def signer(self) -> str | None:
        """The address that signed it, or ``None`` for a malformed signature."""
        return recover_signer(self.digest(), self.sig)

    def to_message(self) -> ChequeMsg:
        return ChequeMsg(vault=self.vault, to=self.to, cum=self.cum, sig=self.sig)

    @classmethod
    def from_message(cls, net: str, msg: ChequeMsg) -> Cheque:
        return cls(net=net, vault=msg.vault, to=msg.to, cum=msg.cum, sig=msg.sig)


def sign_cheque(signer: Signer, net: str, vault: str, to: str, cum: int) -> Cheque:
    sig = signer.sign_digest(cheque_digest(net, vault, to, cum))
    return Cheque(net=net, vault=vault, to=to, cum=cum, sig=sig)
