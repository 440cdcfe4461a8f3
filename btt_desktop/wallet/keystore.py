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

# Limits on what a keystore file may ask of us. A hostile file must neither eat all memory
# nor keep a CPU busy for minutes (nor, through a huge derived-key length, forever). What
# real wallets write stays well inside: geth, TronLink and ethers use scrypt n=2^18 r=8 p=1
# (n*r*p = 2^21, 256 MiB, about 0.7 s here), the Web3 test vector n=2^18 r=1 p=8 (2^21),
# web3.js n=2^13; PBKDF2 files use 262,144 rounds (geth) and rarely more than a million.
DKLEN = 32
MAX_SCRYPT_MEMORY = 1 << 29  # bytes: 128 * r * n (512 MiB)
MAX_SCRYPT_WORK = 1 << 22    # n * r * p: twice a standard file, about 1.4 s here
MAX_PBKDF2_ROUNDS = 4_000_000  # about 1 s (hmac-sha256) or 2.5 s (hmac-sha512) here
_PRFS = {"hmac-sha256": "sha256", "hmac-sha512": "sha512"}


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


def _number(value: Any) -> int:
    """A JSON number that is a whole number (``262144`` or ``"262144"``), else ValueError."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError("not an integer")
    return int(value)


def _shown(value: int) -> str:
    return str(value) if value < 10**15 else f"about 2^{value.bit_length() - 1}"


def check_kdf(kdf: str, params: Any) -> None:
    """Refuse, in one line, key derivation parameters that are damaged, unsupported, or
    would cost more than any real wallet asks for. Fast: nothing is derived."""
    if kdf not in ("scrypt", "pbkdf2"):
        raise KeystoreError(f"this keystore uses key derivation {kdf[:20]!r}, which is not "
                            f"supported (only scrypt and pbkdf2)")
    try:
        if not isinstance(params, dict):
            raise ValueError("not an object")
        bytes.fromhex(str(params["salt"]))
        dklen = _number(params.get("dklen", DKLEN))
        if kdf == "scrypt":
            n, r, p = _number(params["n"]), _number(params["r"]), _number(params["p"])
        else:
            rounds = _number(params["c"])
            prf = str(params.get("prf", "hmac-sha256"))
    except (KeyError, ValueError, TypeError):
        raise KeystoreError("this keystore is damaged: its key derivation parameters are "
                            "not readable") from None
    if dklen != DKLEN:
        raise KeystoreError(f"this keystore asks for a derived key of {_shown(dklen)} bytes "
                            f"(keystores use {DKLEN}): refused")
    if kdf == "scrypt":
        if n < 2 or n & (n - 1) or r < 1 or p < 1:
            raise KeystoreError("this keystore is damaged: its scrypt parameters are invalid "
                                "(n must be a power of two, r and p at least 1)")
        spec = f"scrypt n={_shown(n)} r={_shown(r)} p={_shown(p)}"
        if 128 * r * n > MAX_SCRYPT_MEMORY:
            raise KeystoreError(f"this keystore asks for too much memory ({spec}: "
                                f"{_shown(128 * r * n >> 20)} MiB; at most "
                                f"{MAX_SCRYPT_MEMORY >> 20} MiB): refused")
        if n * r * p > MAX_SCRYPT_WORK:
            raise KeystoreError(f"this keystore asks for too much work ({spec}; n*r*p at most "
                                f"{MAX_SCRYPT_WORK}, twice a standard key file): refused")
        return
    if prf not in _PRFS:
        raise KeystoreError(f"this keystore uses PBKDF2 with {prf[:20]!r}, which is not "
                            f"supported (only hmac-sha256 and hmac-sha512)")
    if rounds < 1:
        raise KeystoreError("this keystore is damaged: its PBKDF2 round count is below 1")
    if rounds > MAX_PBKDF2_ROUNDS:
        raise KeystoreError(f"this keystore asks for too much work (PBKDF2 with "
                            f"{_shown(rounds)} rounds; at most {MAX_PBKDF2_ROUNDS}): refused")


def _derive(password: bytes, kdf: str, params: dict[str, Any]) -> bytes:
    check_kdf(kdf, params)
    salt = bytes.fromhex(str(params["salt"]))
    if kdf == "scrypt":
        n, r, p = _number(params["n"]), _number(params["r"]), _number(params["p"])
        return bytes(_scrypt(password, salt, DKLEN, N=n, r=r, p=p))  # type: ignore[arg-type]
    digest = _PRFS[str(params.get("prf", "hmac-sha256"))]
    return hashlib.pbkdf2_hmac(digest, password, salt, _number(params["c"]), DKLEN)


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


@dataclass(frozen=True)
class _Sealed:
    ciphertext: bytes
    iv: bytes
    mac: bytes
    kdf: str
    kdfparams: dict[str, Any]


def _sealed(crypto: Any) -> _Sealed:
    """The parts of a v3 ``crypto`` object, shape- and cost-checked (fast)."""
    if not isinstance(crypto, dict):
        raise KeystoreError("keystore has no crypto section")
    cipher = str(crypto.get("cipher", "")).lower()
    if cipher != "aes-128-ctr":
        raise KeystoreError(f"keystore cipher {cipher[:20] or 'missing'!r} is not supported "
                            f"(only aes-128-ctr)")
    try:
        sealed = _Sealed(ciphertext=bytes.fromhex(str(crypto["ciphertext"])),
                         iv=bytes.fromhex(str(crypto["cipherparams"]["iv"])),
                         mac=bytes.fromhex(str(crypto["mac"])),
                         kdf=str(crypto["kdf"]).lower(), kdfparams=crypto["kdfparams"])
    except (KeyError, ValueError, TypeError):
        raise KeystoreError("keystore crypto section is damaged") from None
    if len(sealed.iv) != 16 or not isinstance(sealed.kdfparams, dict):
        raise KeystoreError("keystore crypto section is damaged")
    check_kdf(sealed.kdf, sealed.kdfparams)
    return sealed


def decrypt(crypto: dict[str, Any], password: str) -> bytes:
    """The secret inside a v3 ``crypto`` object; :class:`WrongPassword` if the MAC fails. Slow
    (at most a few seconds: :func:`check_kdf` refuses costlier files first)."""
    sealed = _sealed(crypto)
    for candidate in _password_bytes(password):
        derived = _derive(candidate, sealed.kdf, sealed.kdfparams)
        mac = _keccak256(derived[16:32] + sealed.ciphertext)
        if hmac.compare_digest(mac, sealed.mac):
            return _aes_ctr(derived[:16], sealed.iv, sealed.ciphertext)
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
    """Parse and check a keystore JSON document, its cost included (fast; no key derivation)."""
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
    _sealed(crypto)  # a damaged or too costly file is refused before any slow work
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
