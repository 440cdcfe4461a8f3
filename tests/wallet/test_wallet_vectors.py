"""Recovery phrases and HD keys against published vectors (BIP39 Trezor, BIP32, TRON)."""

from __future__ import annotations

import json
from pathlib import Path

import base58
import pytest
from mnemonic import Mnemonic

from btt_desktop.wallet import hdkeys, seedphrase
from btt_desktop.wallet.hdkeys import InvalidAddress, InvalidPrivateKey
from btt_desktop.wallet.seedphrase import InvalidMnemonic

ABANDON = "abandon " * 11 + "about"
VECTORS = json.loads((Path(__file__).parent / "data" / "bip39_trezor_english.json").read_text())


def xprv_key(xprv: str) -> bytes:
    """The 32-byte private key inside a serialized BIP32 extended private key."""
    raw = base58.b58decode_check(xprv)
    assert raw[45] == 0
    return raw[46:78]


def test_known_tron_address_of_abandon_about() -> None:
    seed = seedphrase.to_seed(ABANDON)
    assert hdkeys.address_of(hdkeys.derive_private_key(seed, 0)) == \
        "TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH"
    # index 1 as TronWeb derives it (m/44'/195'/0'/0/1)
    assert hdkeys.address_of(hdkeys.derive_private_key(seed, 1)) == \
        "TSeJkUh4Qv67VNFwY8LaAxERygNdy6NQZK"


@pytest.mark.parametrize("entropy,phrase,seed,xprv", VECTORS["vectors"],
                         ids=lambda v: v[:12] if isinstance(v, str) else None)
def test_trezor_bip39_vectors(entropy: str, phrase: str, seed: str, xprv: str) -> None:
    assert seedphrase.validate(phrase) == phrase
    assert Mnemonic("english").to_entropy(phrase).hex() == entropy
    derived = seedphrase.to_seed(phrase, VECTORS["passphrase"])
    assert derived.hex() == seed
    assert hdkeys.derive_path(derived, "m") == xprv_key(xprv)


def test_bip32_test_vector_1_chains() -> None:
    seed = bytes.fromhex("000102030405060708090a0b0c0d0e0f")
    assert hdkeys.derive_path(seed, "m") == xprv_key(
        "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kej"
        "MRNNU3TGtRBeJgk33yuGBxrMPHi")
    assert hdkeys.derive_path(seed, "m/0'/1/2'/2") == xprv_key(
        "xprvA2JDeKCSNNZky6uBCviVfJSKyQ1mDYahRjijr5idH2WwLsEd4Hsb2Tyh8RfQMuPh7f7RtyzTtdrbdqqs"
        "unu5Mm3wDvUAKRHSC34sJ7in334")
    assert hdkeys.derive_path(seed, "m/0'/1/2'/2/1000000000") == xprv_key(
        "xprvA41z7zogVVwxVSgdKUHDy1SKmdb533PjDz7J6N6mV6uS3ze1ai8FHa8kmHScGpWmj4WggLyQjgPie1rF"
        "SruoUihUZREPSL39UNdE3BBDu76")


def test_passphrase_changes_the_wallet() -> None:
    plain = hdkeys.address_of(hdkeys.derive_private_key(seedphrase.to_seed(ABANDON), 0))
    salted = hdkeys.address_of(hdkeys.derive_private_key(seedphrase.to_seed(ABANDON, "x"), 0))
    assert plain != salted


def test_phrase_is_normalized_and_prefixes_expand() -> None:
    messy = "  ABANDON aban\tabandon abandon abandon abandon abandon abandon abandon abandon " \
            "abandon abou \n"
    assert seedphrase.validate(messy) == ABANDON.strip()


def test_bad_word_names_its_position_not_the_word() -> None:
    words = ABANDON.split()
    words[4] = "abandonx"
    with pytest.raises(InvalidMnemonic) as caught:
        seedphrase.validate(" ".join(words))
    message = str(caught.value)
    assert message == "word 5 of the recovery phrase not in the BIP39 English word list"
    assert "abandonx" not in message


def test_bad_checksum_is_one_clear_line() -> None:
    with pytest.raises(InvalidMnemonic) as caught:
        seedphrase.validate("abandon " * 12)
    assert "checksum does not match" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_wrong_word_count() -> None:
    with pytest.raises(InvalidMnemonic, match="this one has 11"):
        seedphrase.validate("abandon " * 11)


@pytest.mark.parametrize("words", [12, 24])
def test_generated_phrases_are_valid_and_fresh(words: int) -> None:
    first, second = seedphrase.generate(words), seedphrase.generate(words)
    assert len(first.split()) == words
    assert seedphrase.validate(first) == first
    assert first != second
    with pytest.raises(InvalidMnemonic):
        seedphrase.generate(13)


def test_confirmation_challenge() -> None:
    phrase = seedphrase.generate(12)
    words = phrase.split()
    positions = seedphrase.confirmation_positions(phrase, 3)
    assert len(set(positions)) == 3 and all(1 <= p <= 12 for p in positions)
    right = {p: words[p - 1].upper() for p in positions}
    assert seedphrase.check_confirmation(phrase, right)
    first = positions[0]
    other_word = "zoo" if words[first - 1] != "zoo" else "abandon"
    assert not seedphrase.check_confirmation(phrase, {**right, first: other_word})
    assert not seedphrase.check_confirmation(phrase, {})
    assert not seedphrase.check_confirmation(phrase, {13: "abandon"})


def test_private_key_parsing() -> None:
    key = hdkeys.parse_private_key("0x" + "11" * 32)
    assert key == bytes([0x11]) * 32
    with pytest.raises(InvalidPrivateKey, match="64 hexadecimal digits"):
        hdkeys.parse_private_key("abc")
    with pytest.raises(InvalidPrivateKey, match="not a valid private key"):
        hdkeys.parse_private_key("00" * 32)  # zero is not a key
    with pytest.raises(InvalidPrivateKey) as caught:
        hdkeys.parse_private_key("zz" * 32)
    assert "zz" not in str(caught.value)


def test_addresses() -> None:
    assert hdkeys.normalize_address(" TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH ") == \
        "TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH"
    hex_form = hdkeys.hex_address("TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH")
    assert hex_form.startswith("41") and len(hex_form) == 42
    assert hdkeys.normalize_address(hex_form) == "TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH"
    with pytest.raises(InvalidAddress, match="checksum"):
        hdkeys.normalize_address("TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdh")
    # a pasted private key or phrase is never echoed back
    with pytest.raises(InvalidAddress) as caught:
        hdkeys.normalize_address("ab" * 32)
    assert "private key" in str(caught.value) and "abab" not in str(caught.value)
    with pytest.raises(InvalidAddress) as caught:
        hdkeys.normalize_address(ABANDON)
    assert "abandon" not in str(caught.value)
