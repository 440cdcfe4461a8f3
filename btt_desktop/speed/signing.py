"""TIP-191 message signatures as Speed uses them.

Speed signs 32-byte digests with TIP-191 ``sign_msg``: the signed hash is
``keccak256("\\x19TRON Signed Message:\\n32" || digest)``. On the wire a signature is
65 bytes ``r || s || v``. Speed writes ``v`` as 27 or 28 (the form ``ecrecover`` takes)
and accepts 0, 1, 27 or 28, with a low ``s`` (``s <= n/2``) -- exactly what the vault
accepts when it cashes a cheque.
"""

from __future__ import annotations

from typing import Protocol

from tronpy.keys import SECPK1_N, BadSignature, PrivateKey, Signature, keccak256

__all__ = ["KeySigner", "Signer", "keccak256", "recover_signer"]


class Signer(Protocol):
    """Something that holds a TRON key: the wallet's unlocked account, or a test key."""

    @property
    def address(self) -> str: ...

    def sign_digest(self, digest: bytes) -> bytes: ...


class KeySigner:
    """A :class:`Signer` over a tronpy private key held in memory."""

    def __init__(self, key: PrivateKey) -> None:
        self._key = key
        self._address: str = key.public_key.to_base58check_address()

    def __repr__(self) -> str:  # never show the key
        return f"KeySigner({self._address})"

    @property
    def address(self) -> str:
        return self._address

    def sign_digest(self, digest: bytes) -> bytes:
        if len(digest) != 32:
            raise ValueError("digest must be 32 bytes")
        sig = self._key.sign_msg(digest)
        raw: bytes = sig.to_bytes()
        return raw[:64] + bytes([raw[64] + 27])


def recover_signer(digest: bytes, sig: bytes) -> str | None:
    """The base58 address that signed ``digest`` with ``sig``, or ``None`` if invalid."""
    if len(digest) != 32 or len(sig) != 65 or sig[64] not in (0, 1, 27, 28):
        return None
    r = int.from_bytes(sig[:32], "big")
    s = int.from_bytes(sig[32:64], "big")
    if not (0 < r < SECPK1_N and 0 < s <= SECPK1_N // 2):
        return None
    try:
        public = Signature(sig[:64] + bytes([sig[64] % 27])).recover_public_key_from_msg(digest)
        address: str = public.to_base58check_address()
    except (BadSignature, ValueError):
        return None
    return address
