"""Web3 Secret Storage (Ethereum keystore v3): scrypt or PBKDF2, AES-128-CTR, keccak-256 MAC.

The same ``crypto`` object encrypts a private key (a keystore file TronLink, web3 and
geth can read) or any other secret (the recovery phrase in the wallet file).

Key derivation is deliberately slow: call these functions through
``asyncio.to_thread`` from the event loop.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import unicodedata
import uuid
from dataclasses import dataclass
from typing import Any

from Crypto.Cipher import AES
from Crypto.Hash import keccak
from Crypto.Protocol.KDF import scrypt as _scrypt

from btt_desktop.errors import WalletError, WrongPassword
from btt_desktop.wallet import hdkeys

# Limits on what an imported file may ask of us (a hostile file must not eat all memory).
_MAX_SCRYPT_MEMORY = 1 << 30  # bytes: 128 * r * n
_MAX_SCRYPT_P = 16
_MAX_PBKDF2_ROUNDS = 10_000_000


class KeystoreError(WalletError):
    """A keystore file that cannot be read (not v3, unsupported cipher, damaged, ...)."""


@dataclass(frozen=True)
class ScryptParams:
    """scrypt cost. :attr:`STANDARD` is geth's "standard" setting (256 MiB, about 1 s here).

    Lower costs exist for tests only and are passed explicitly, never set globally.
    """

    n: int = 1 << 18
    r: int = 8
    p: int = 1

    def __post_init__(self) -> None:
        if self.n < 2 or self.n & (self.n - 1):
            raise ValueError("scrypt n must be a power of two")


STANDARD = ScryptParams()


def _keccak256(data: bytes) -> bytes:
    return keccak.new(digest_bits=256, data=data).digest()


def _password_bytes(password: str) -> list[bytes]:
    """Candidates to try: NFKC (ethers, TronLink) first, then the raw UTF-8 (geth)."""
    nfkc = unicodedata.normalize("NFKC", password).encode("utf-8")
    raw = password.encode("utf-8")
    return [nfkc] if nfkc == raw else [nfkc, raw]


def _derive(password: bytes, kdf: str, params: dict[str, Any]) -> bytes:
    try:
        salt = bytes.fromhex(str(params["salt"]))
        dklen = int(params.get("dklen", 32))
        if dklen < 32:
            raise KeystoreError("keystore derived key length is below 32 bytes")
        if kdf == "scrypt":
            n, r, p = int(params["n"]), int(params["r"]), int(params["p"])
            if n < 2 or n & (n - 1) or r < 1 or p < 1:
                raise KeystoreError("keystore scrypt parameters are invalid")
            if 128 * r * n > _MAX_SCRYPT_MEMORY or p > _MAX_SCRYPT_P:
                raise KeystoreError("keystore scrypt parameters are too expensive to use")
            return bytes(_scrypt(password, salt, dklen, N=n, r=r, p=p))  # type: ignore[arg-type]
        if kdf == "pbkdf2":
            prf = str(params.get("prf", "hmac-sha256"))
            digest = {"hmac-sha256": "sha256", "hmac-sha512": "sha512"}.get(prf)
            if digest is None:
                raise KeystoreError(f"keystore PBKDF2 function {prf!r} is not supported")
            rounds = int(params["c"])
            if not 1 <= rounds <= _MAX_PBKDF2_ROUNDS:
                raise KeystoreError("keystore PBKDF2 round count is out of range")
            return hashlib.pbkdf2_hmac(digest, password, salt, rounds, dklen)
    except (KeyError, ValueError, TypeError):
        raise KeystoreError("keystore key derivation parameters are damaged") from None
    raise KeystoreError(f"keystore key derivation {kdf!r} is not supported")


def _aes_ctr(key: bytes, iv: bytes, data: bytes) -> bytes:
    cipher = AES.new(key, AES.MODE_CTR, initial_value=iv, nonce=b"")
    return bytes(cipher.encrypt(data))


def encrypt(secret: bytes, password: str, params: ScryptParams = STANDARD) -> dict[str, Any]:
    """The v3 ``crypto`` object for ``secret`` (any length) under ``password``. Slow."""
    salt = os.urandom(32)
    iv = os.urandom(16)
    password_bytes = _password_bytes(password)[0]
    derived = bytes(_scrypt(password_bytes, salt, 32, N=params.n, r=params.r,  # type: ignore[arg-type]
                            p=params.p))
    ciphertext = _aes_ctr(derived[:16], iv, secret)
    mac = _keccak256(derived[16:32] + ciphertext)
    return {
        "cipher": "aes-128-ctr",
        "cipherparams": {"iv": iv.hex()},
        "ciphertext": ciphertext.hex(),
        "kdf": "scrypt",
        "kdfparams": {"dklen": 32, "n": params.n, "r": params.r, "p": params.p,
                      "salt": salt.hex()},
        "mac": mac.hex(),
    }


def decrypt(crypto: dict[str, Any], password: str) -> bytes:
    """The secret inside a v3 ``crypto`` object; :class:`WrongPassword` if the MAC fails. Slow."""
    if not isinstance(crypto, dict):
        raise KeystoreError("keystore has no crypto section")
    cipher = str(crypto.get("cipher", "")).lower()
    if cipher != "aes-128-ctr":
        raise KeystoreError(f"keystore cipher {cipher or 'missing'!r} is not supported "
                            f"(only aes-128-ctr)")
    try:
        ciphertext = bytes.fromhex(str(crypto["ciphertext"]))
        iv = bytes.fromhex(str(crypto["cipherparams"]["iv"]))
        expected_mac = bytes.fromhex(str(crypto["mac"]))
        kdf = str(crypto["kdf"]).lower()
        kdfparams = crypto["kdfparams"]
    except (KeyError, ValueError, TypeError):
        raise KeystoreError("keystore crypto section is damaged") from None
    if len(iv) != 16 or not isinstance(kdfparams, dict):
        raise KeystoreError("keystore crypto section is damaged")
    for candidate in _password_bytes(password):
        derived = _derive(candidate, kdf, kdfparams)
        mac = _keccak256(derived[16:32] + ciphertext)
        if hmac.compare_digest(mac, expected_mac):
            return _aes_ctr(derived[:16], iv, ciphertext)
    raise WrongPassword()


def cost_of(crypto: dict[str, Any]) -> ScryptParams | None:
    """The scrypt cost recorded in a ``crypto`` object (None for PBKDF2 or damaged input)."""
    try:
        if str(crypto.get("kdf", "")).lower() != "scrypt":
            return None
        p = crypto["kdfparams"]
        return ScryptParams(int(p["n"]), int(p["r"]), int(p["p"]))
    except (KeyError, ValueError, TypeError, AttributeError):
        return None


# --- keystore files for private keys ---------------------------------------------------

def export_private_key(private_key: bytes, password: str,
                       params: ScryptParams = STANDARD) -> str:
    """A keystore v3 JSON document for a private key. Slow.

    ``address`` is written the way TronLink writes it: TRON hex (``41`` + 20 bytes).
    """
    address = hdkeys.address_of(private_key)
    document = {
        "version": 3,
        "id": str(uuid.uuid4()),
        "address": hdkeys.hex_address(address),
        "crypto": encrypt(private_key, password, params),
    }
    return json.dumps(document, indent=2)


def parse_keystore(text: str | bytes) -> dict[str, Any]:
    """Parse and shape-check a keystore JSON document (fast; no key derivation)."""
    try:
        document = json.loads(text)
    except (ValueError, UnicodeDecodeError):
        raise KeystoreError("not a keystore file: it is not JSON") from None
    if not isinstance(document, dict):
        raise KeystoreError("not a keystore file: expected a JSON object")
    version = document.get("version")
    if version != 3:
        raise KeystoreError(f"keystore version {version!r} is not supported (only version 3)")
    crypto = document.get("crypto", document.get("Crypto"))
    if not isinstance(crypto, dict):
        raise KeystoreError("not a keystore file: no crypto section")
    return document


def import_private_key(text: str | bytes, password: str) -> bytes:
    """The private key inside a keystore v3 document (TronLink, web3, geth). Slow.

    If the document names an address (TRON base58, TRON hex or Ethereum hex), it must
    match the key.
    """
    document = parse_keystore(text)
    crypto = document.get("crypto", document.get("Crypto"))
    assert isinstance(crypto, dict)
    key = decrypt(crypto, password)
    if len(key) != 32:
        raise KeystoreError("keystore does not hold a 32-byte private key")
    address = hdkeys.address_of(key)
    named = document.get("address")
    if isinstance(named, str) and named and not _same_address(named, address):
        raise KeystoreError("keystore address does not match the key inside it")
    return key


def _same_address(named: str, address: str) -> bool:
    text = named.strip()
    if text.lower().startswith("0x"):
        text = text[2:]
    ours = hdkeys.hex_address(address).lower()  # "41" + 40 hex
    if len(text) == 40:
        return text.lower() == ours[2:]
    if len(text) == 42:
        return text.lower() == ours
    try:
        return hdkeys.normalize_address(text) == address
    except WalletError:
        return False
