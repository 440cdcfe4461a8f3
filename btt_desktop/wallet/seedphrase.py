"""BIP39 recovery phrases (English word list): generate, validate, turn into a seed.

Error messages name a word by its position, never by its text: a mistyped word is
still most of a secret.
"""

from __future__ import annotations

import secrets
import unicodedata
from collections.abc import Mapping

from mnemonic import Mnemonic

from btt_desktop.errors import WalletError

WORD_COUNTS = (12, 15, 18, 21, 24)
NEW_WALLET_WORD_COUNTS = (12, 24)
_STRENGTH = {12: 128, 15: 160, 18: 192, 21: 224, 24: 256}

_english = Mnemonic("english")
_wordset = frozenset(_english.wordlist)


class InvalidMnemonic(WalletError):
    """A recovery phrase that is not a valid BIP39 English phrase."""


def wordlist() -> list[str]:
    """The 2048 BIP39 English words (for completion in a GUI)."""
    return list(_english.wordlist)


def generate(words: int = 12) -> str:
    """A new random phrase of 12 or 24 words."""
    if words not in NEW_WALLET_WORD_COUNTS:
        raise InvalidMnemonic("a new recovery phrase has 12 or 24 words")
    return str(_english.generate(_STRENGTH[words]))


def normalize(text: str) -> str:
    """Lower case, NFKD, single spaces; unique 4-letter prefixes expanded to full words."""
    folded = unicodedata.normalize("NFKD", text).lower().split()
    return " ".join(_english.expand_word(word) for word in folded)


def validate(text: str) -> str:
    """Return the normalized phrase, or raise :class:`InvalidMnemonic` with one line."""
    phrase = normalize(text)
    words = phrase.split()
    if len(words) not in WORD_COUNTS:
        raise InvalidMnemonic(
            f"a recovery phrase has 12, 15, 18, 21 or 24 words; this one has {len(words)}"
        )
    bad = [i for i, word in enumerate(words, start=1) if word not in _wordset]
    if bad:
        where = ", ".join(str(i) for i in bad[:5])
        noun = "word" if len(bad) == 1 else "words"
        raise InvalidMnemonic(f"{noun} {where} of the recovery phrase not in the BIP39 "
                              f"English word list")
    if not _english.check(phrase):
        raise InvalidMnemonic(
            "the recovery phrase checksum does not match: a word is wrong or out of order"
        )
    return phrase


def to_seed(phrase: str, passphrase: str = "") -> bytes:
    """The 64-byte BIP39 seed (PBKDF2-HMAC-SHA512, 2048 rounds). ``phrase`` must be valid."""
    return bytes(Mnemonic.to_seed(validate(phrase), passphrase))


def confirmation_positions(phrase: str, count: int = 3) -> list[int]:
    """``count`` distinct random 1-based word positions to ask the user back, sorted."""
    total = len(normalize(phrase).split())
    rng = secrets.SystemRandom()
    return sorted(rng.sample(range(1, total + 1), min(count, total)))


def check_confirmation(phrase: str, answers: Mapping[int, str]) -> bool:
    """True if every ``{position: word}`` answer matches the phrase (1-based positions)."""
    words = normalize(phrase).split()
    if not answers:
        return False
    for position, answer in answers.items():
        if not 1 <= position <= len(words):
            return False
        given = normalize(answer)
        if not secrets.compare_digest(given.encode(), words[position - 1].encode()):
            return False
    return True
