"""Deterministic test keys and addresses for the Speed tests."""

from __future__ import annotations

from tronpy.keys import PrivateKey

from btt_desktop.speed.signing import KeySigner


def signer(n: int) -> KeySigner:
    """A signer whose private key is the byte ``n`` repeated (n in 1..200)."""
    return KeySigner(PrivateKey(bytes([n]) * 32))


def address(n: int) -> str:
    return signer(n).address


VAULT = address(250)  # an address for message tests; a vault is named by its owner
NET = "devnet:test"
