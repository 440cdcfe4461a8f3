"""TRON keys and addresses: BIP32/BIP44 derivation at m/44'/195'/0'/0/i (tronpy's hdwallet).

Private keys travel as ``bytes`` (32); nothing here prints or logs them.
"""

from __future__ import annotations

from tronpy import keys as tron_keys
from tronpy.hdwallet import HDPath

from btt_desktop.errors import WalletError

TRON_COIN_TYPE = 195
MAX_ACCOUNT_INDEX = 2**31 - 1


class InvalidAddress(WalletError):
    """Text that is not a TRON address."""


class InvalidPrivateKey(WalletError):
    """Text or bytes that are not a secp256k1 private key."""


def account_path(index: int) -> str:
    if not 0 <= index <= MAX_ACCOUNT_INDEX:
        raise WalletError(f"account index must be between 0 and {MAX_ACCOUNT_INDEX}")
    return f"m/44'/{TRON_COIN_TYPE}'/0'/0/{index}"


def derive_private_key(seed: bytes, index: int) -> bytes:
    """The private key of account ``index`` under the BIP44 TRON path."""
    return bytes(HDPath(account_path(index)).derive(seed))


def derive_path(seed: bytes, path: str) -> bytes:
    """The private key at any BIP32 path (``m/0'/1``); used to check published vectors."""
    return bytes(HDPath(path).derive(seed))


def address_of(private_key: bytes) -> str:
    """The base58check (``T...``) address of a private key."""
    try:
        key = tron_keys.PrivateKey(bytes(private_key))
    except Exception:  # tronpy raises BadKey/ValueError; never echo the key
        raise InvalidPrivateKey("not a valid private key") from None
    return str(key.public_key.to_base58check_address())


def parse_private_key(text: str) -> bytes:
    """64 hex digits (with or without ``0x``) -> 32 bytes; one-line error otherwise."""
    cleaned = text.strip()
    if cleaned.lower().startswith("0x"):
        cleaned = cleaned[2:]
    if len(cleaned) != 64:
        raise InvalidPrivateKey(
            f"a private key is 64 hexadecimal digits; this one has {len(cleaned)} characters"
        )
    try:
        raw = bytes.fromhex(cleaned)
    except ValueError:
        raise InvalidPrivateKey("a private key is 64 hexadecimal digits (0-9, a-f)") from None
    address_of(raw)  # range check (0 < k < n)
    return raw


def normalize_address(text: str) -> str:
    """Accept ``T...`` base58check or ``41...`` hex; return base58check, or raise."""
    cleaned = text.strip()
    try:
        if tron_keys.is_base58check_address(cleaned):
            return str(cleaned)
        if tron_keys.is_hex_address(cleaned):
            return str(tron_keys.to_base58check_address(cleaned))
    except Exception:
        pass
    raise InvalidAddress(_describe_bad_address(cleaned))


def _describe_bad_address(text: str) -> str:
    """Why ``text`` is not an address, without ever repeating it.

    What lands in an address field by mistake is often a secret from the clipboard (a hex
    or base64 private key, a recovery phrase): the message, which may be shown, logged or
    kept in an exception, names at most the input's length.
    """
    stripped = text[2:] if text.lower().startswith("0x") else text
    if len(stripped) == 64 and all(c in "0123456789abcdefABCDEF" for c in stripped):
        return "that is a private key, not an address: never share it"
    if len(text.split()) >= 12:
        return "that looks like a recovery phrase, not an address: never share it"
    if text.startswith("T") and len(text) == 34:
        return "not a TRON address: the checksum does not match (a character is wrong)"
    return (f"not a TRON address (it should start with T and be 34 characters; this has "
            f"{len(text)})")


def hex_address(address: str) -> str:
    """``T...`` -> ``41`` + 40 hex digits."""
    return str(tron_keys.to_hex_address(normalize_address(address)))
