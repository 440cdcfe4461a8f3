"""Signatures as Speed uses them: TIP-191 for the handshake, TIP-712 hashes for cheques.

- The handshake signs a 32-byte digest with TIP-191 ``sign_msg``: the signed hash is
  ``keccak256("\\x19TRON Signed Message:\\n32" || digest)``.
- A cheque is TIP-712 typed data: its 32-byte digest (``0x1901 || domain || struct``) is
  signed as it is (see :mod:`btt_desktop.speed.cheque`).

On the wire a signature is 65 bytes ``r || s || v``. Speed writes ``v`` as 27 or 28 (the
form ``ecrecover`` takes) and accepts 0, 1, 27 or 28, with a low ``s`` (``s <= n/2``) --
exactly what the vault accepts when it cashes a cheque. Keys live in the wallet; Speed is
given a :class:`Signer` (the wallet's ``WalletSigner``).
"""

from __future__ import annotations

from typing import Any, Protocol

from tronpy.keys import SECPK1_N, BadSignature, Signature, keccak256

__all__ = ["AccountSigner", "Signer", "keccak256", "recover_hash_signer", "recover_signer"]


class Signer(Protocol):
    """Something that signs for a TRON address: the wallet's unlocked account."""

    @property
    def address(self) -> str: ...

    def sign_digest(self, digest: bytes) -> bytes:
        """TIP-191 signature of a 32-byte digest (v = 27/28)."""
        ...

    def sign_typed_hash(self, digest: bytes) -> bytes:
        """Plain secp256k1 signature of a 32-byte TIP-712 hash (v = 27/28)."""
        ...


class AccountSigner(Signer, Protocol):
    """A :class:`Signer` that also signs tronpy transactions (vault deposits, cash-outs)."""

    def sign_transaction(self, tx: Any) -> Any: ...


def _recover(digest: bytes, sig: bytes, *, tip191: bool) -> str | None:
    if len(digest) != 32 or len(sig) != 65 or sig[64] not in (0, 1, 27, 28):
        return None
    r = int.from_bytes(sig[:32], "big")
    s = int.from_bytes(sig[32:64], "big")
    if not (0 < r < SECPK1_N and 0 < s <= SECPK1_N // 2):
        return None
    try:
        signature = Signature(sig[:64] + bytes([sig[64] % 27]))
        public = (signature.recover_public_key_from_msg(digest) if tip191
                  else signature.recover_public_key_from_msg_hash(digest))
        address: str = public.to_base58check_address()
    except (BadSignature, ValueError):
        return None
    return address


def recover_signer(digest: bytes, sig: bytes) -> str | None:
    """The base58 address that signed ``digest`` with TIP-191, or ``None`` if invalid."""
    return _recover(digest, sig, tip191=True)


def recover_hash_signer(digest: bytes, sig: bytes) -> str | None:
    """The base58 address that signed the 32-byte hash ``digest`` as it is, or ``None``."""
    return _recover(digest, sig, tip191=False)
