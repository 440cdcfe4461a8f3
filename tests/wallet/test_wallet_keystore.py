"""Keystore v3 (Web3 Secret Storage): published vectors, round trips, interop, bad files."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from eth_hash.auto import keccak

from btt_desktop.errors import WrongPassword
from btt_desktop.wallet import hdkeys, keystore
from btt_desktop.wallet.keystore import KeystoreError, ScryptParams

CHEAP = ScryptParams(n=1 << 10, r=8, p=1)  # tests only; production uses keystore.STANDARD

# The Web3 Secret Storage Definition's test vectors (password "testpassword").
VECTOR_KEY = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d"
SCRYPT_VECTOR = {
    "crypto": {
        "cipher": "aes-128-ctr",
        "cipherparams": {"iv": "83dbcc02d8ccb40e466191a123791e0e"},
        "ciphertext": "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
        "kdf": "scrypt",
        "kdfparams": {"dklen": 32, "n": 262144, "r": 1, "p": 8,
                      "salt": "ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},
        "mac": "2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097",
    },
    "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
    "version": 3,
}
PBKDF2_VECTOR = {
    "crypto": {
        "cipher": "aes-128-ctr",
        "cipherparams": {"iv": "6087dab2f9fdbbfaddc31a909735c1e6"},
        "ciphertext": "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
        "kdf": "pbkdf2",
        "kdfparams": {"c": 262144, "dklen": 32, "prf": "hmac-sha256",
                      "salt": "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
        "mac": "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2",
    },
    "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
    "version": 3,
}


@pytest.mark.timeout(60)
def test_published_scrypt_vector() -> None:
    # n=262144, r=1, p=8: OpenSSL's scrypt refuses n >= 2**(16r); ours must not.
    key = keystore.import_private_key(json.dumps(SCRYPT_VECTOR), "testpassword")
    assert key.hex() == VECTOR_KEY


def test_published_pbkdf2_vector_with_ethereum_address_and_capital_crypto() -> None:
    document = dict(PBKDF2_VECTOR)
    document["Crypto"] = document.pop("crypto")  # geth's old spelling
    document["address"] = "008aeeda4d805471df9b2a5b0f38a0c3bcba786b"  # Ethereum form
    key = keystore.import_private_key(json.dumps(document), "testpassword")
    assert key.hex() == VECTOR_KEY
    with pytest.raises(WrongPassword) as caught:
        keystore.import_private_key(json.dumps(document), "testpassword!")
    assert str(caught.value) == "wrong password"
    document["address"] = "00" * 20
    with pytest.raises(KeystoreError, match="address does not match"):
        keystore.import_private_key(json.dumps(document), "testpassword")


def test_export_round_trip_tronlink_layout() -> None:
    key = hdkeys.parse_private_key(
        "b5a4cea271ff424d7c31dc12a3e43e401df7a40d7412a15750f3f0b6b5449a28")
    text = keystore.export_private_key(key, "correct horse", CHEAP)
    document = json.loads(text)
    assert document["version"] == 3
    assert document["address"] == hdkeys.hex_address("TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH")
    assert document["crypto"]["kdf"] == "scrypt" and document["crypto"]["cipher"] == "aes-128-ctr"
    assert key.hex() not in text
    assert keystore.import_private_key(text, "correct horse") == key
    with pytest.raises(WrongPassword):
        keystore.import_private_key(text, "correct horsf")


def test_export_decrypts_with_an_independent_implementation() -> None:
    """OpenSSL's scrypt and the cryptography package's AES read what we write."""
    key = bytes(range(1, 33))
    crypto = json.loads(keystore.export_private_key(key, "pässword", CHEAP))["crypto"]
    params = crypto["kdfparams"]
    derived = hashlib.scrypt("pässword".encode(), salt=bytes.fromhex(params["salt"]),
                             n=params["n"], r=params["r"], p=params["p"], dklen=32)
    ciphertext = bytes.fromhex(crypto["ciphertext"])
    assert keccak(derived[16:32] + ciphertext).hex() == crypto["mac"]
    decryptor = Cipher(algorithms.AES(derived[:16]),
                       modes.CTR(bytes.fromhex(crypto["cipherparams"]["iv"]))).decryptor()
    assert decryptor.update(ciphertext) + decryptor.finalize() == key


def test_default_cost_is_strong() -> None:
    assert (keystore.STANDARD.n, keystore.STANDARD.r, keystore.STANDARD.p) == (1 << 18, 8, 1)


def test_any_secret_round_trips() -> None:
    secret = b"abandon ability able about above absent absorb abstract"
    crypto = keystore.encrypt(secret, "pw-12345678", CHEAP)
    assert keystore.decrypt(crypto, "pw-12345678") == secret
    assert keystore.cost_of(crypto) == CHEAP
    with pytest.raises(WrongPassword):
        keystore.decrypt(crypto, "pw-1234567")


@pytest.mark.parametrize("text,message", [
    ("not json", "not JSON"),
    ("[]", "JSON object"),
    (json.dumps({"version": 1, "crypto": {}}), "version 1 is not supported"),
    (json.dumps({"version": 3}), "no crypto section"),
])
def test_unreadable_keystores(text: str, message: str) -> None:
    with pytest.raises(KeystoreError, match=message):
        keystore.import_private_key(text, "x")


def test_hostile_or_damaged_crypto_sections() -> None:
    base = json.loads(json.dumps(SCRYPT_VECTOR["crypto"]))
    hungry = json.loads(json.dumps(base))
    hungry["kdfparams"]["n"] = 1 << 24
    hungry["kdfparams"]["r"] = 8
    with pytest.raises(KeystoreError, match="too much memory"):
        keystore.decrypt(hungry, "testpassword")
    cbc = dict(base, cipher="aes-128-cbc")
    with pytest.raises(KeystoreError, match="only aes-128-ctr"):
        keystore.decrypt(cbc, "testpassword")
    damaged = dict(base, ciphertext="zz")
    with pytest.raises(KeystoreError, match="damaged"):
        keystore.decrypt(damaged, "testpassword")
    unknown = dict(base, kdf="argon2")
    with pytest.raises(KeystoreError, match="not supported"):
        keystore.decrypt(unknown, "testpassword")


@pytest.mark.parametrize("kdf,params", [
    ("scrypt", {"n": 1 << 18, "r": 8, "p": 1}),        # geth / TronLink / ethers "standard"
    ("scrypt", {"n": 1 << 18, "r": 1, "p": 8}),        # the Web3 Secret Storage vector
    ("scrypt", {"n": 1 << 18, "r": 8, "p": 2}),        # the costliest accepted
    ("scrypt", {"n": 1 << 13, "r": 8, "p": 1}),        # web3.js
    ("scrypt", {"n": "262144", "r": "8", "p": "1"}),   # numbers as strings
    ("pbkdf2", {"c": 262144, "prf": "hmac-sha256"}),   # geth's PBKDF2 files
    ("pbkdf2", {"c": keystore.MAX_PBKDF2_ROUNDS, "prf": "hmac-sha512"}),
])
def test_what_real_wallets_write_is_within_the_limits(kdf: str, params: dict[str, object]
                                                      ) -> None:
    keystore.check_kdf(kdf, dict(params, dklen=32, salt="00" * 32))


@pytest.mark.parametrize("kdf,params,message", [
    ("scrypt", {"n": 1 << 18, "r": 8, "p": 3}, "too much work (scrypt n=262144 r=8 p=3"),
    ("scrypt", {"n": 1 << 20, "r": 8, "p": 1}, "n=1048576 r=8 p=1: 1024 MiB"),
    ("scrypt", {"n": 1 << 18, "r": 8, "p": 1, "dklen": 64}, "derived key of 64 bytes"),
    ("scrypt", {"n": 3, "r": 8, "p": 1}, "n must be a power of two"),
    ("scrypt", {"n": 1 << 10, "r": 8, "p": True}, "damaged"),
    ("scrypt", {"n": 1 << 10, "r": 8.5, "p": 1}, "damaged"),
    ("pbkdf2", {"c": keystore.MAX_PBKDF2_ROUNDS + 1}, "too much work (PBKDF2 with 4000001"),
    ("pbkdf2", {"c": 0}, "round count is below 1"),
    ("pbkdf2", {"c": 1, "dklen": 1 << 36}, "derived key of 68719476736 bytes"),
    ("pbkdf2", {"c": 1, "prf": "hmac-md5"}, "'hmac-md5', which is not supported"),
])
def test_costly_or_damaged_kdf_parameters_are_refused_without_work(
        kdf: str, params: dict[str, object], message: str) -> None:
    kdfparams: dict[str, object] = {"dklen": 32, "salt": "00" * 32, **params}
    crypto = dict(json.loads(json.dumps(SCRYPT_VECTOR["crypto"])), kdf=kdf, kdfparams=kdfparams)
    with pytest.raises(KeystoreError, match=re.escape(message)) as caught:
        keystore.decrypt(crypto, "testpassword")
    assert "\n" not in str(caught.value)
    with pytest.raises(KeystoreError, match=re.escape(message)):
        keystore.parse_keystore(json.dumps({"version": 3, "crypto": crypto}))
