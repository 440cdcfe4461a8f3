"""Deterministic test keys and addresses for the Speed tests, and a signer over a bare key.

The application signs through the wallet (``btt_desktop.wallet.signer.WalletSigner``);
tests and benchmarks, which hold throwaway keys, use :class:`KeySigner`, which signs the
same bytes the same way (tests/speed/test_speed_cheque_devnet.py checks both agree).
"""

from __future__ import annotations

from typing import Any

from tronpy.keys import PrivateKey

from btt_desktop.speed.cheque import ChequeDomain


class KeySigner:
    """A Speed ``AccountSigner`` over a tronpy private key held in memory (tests only)."""

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

    def sign_typed_hash(self, digest: bytes) -> bytes:
        if len(digest) != 32:
            raise ValueError("digest must be 32 bytes")
        raw: bytes = self._key.sign_msg_hash(digest).to_bytes()
        return raw[:64] + bytes([raw[64] + 27])

    def sign_transaction(self, tx: Any) -> Any:
        return tx.sign(self._key)


def signer(n: int) -> KeySigner:
    """A signer whose private key is the byte ``n`` repeated (n in 1..250)."""
    return KeySigner(PrivateKey(bytes([n]) * 32))


def address(n: int) -> str:
    return signer(n).address


VAULT = address(250)  # an address for message tests; a vault is named by its owner
NET = "devnet:test"
# the vault contract and cheque domain of the tests that need no chain
VAULT_CONTRACT = address(249)
OTHER_CONTRACT = address(248)
CHAIN_ID = 0x5EED
DOMAIN = ChequeDomain(CHAIN_ID, VAULT_CONTRACT)
