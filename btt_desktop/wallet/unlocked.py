"""Decrypted wallet material, held only while the wallet is unlocked.

Python cannot truly erase memory: immutable ``str``/``bytes`` copies may linger until
the garbage collector reuses them. :meth:`UnlockedSecrets.wipe` zeroes the buffers it
owns (the seed and derived keys live in ``bytearray``) and drops every reference, which
is the best a Python process can do. ``repr`` never shows a secret.
"""

from __future__ import annotations

import json

from btt_desktop.errors import WalletError
from btt_desktop.wallet import hdkeys, seedphrase
from btt_desktop.wallet.walletfile import WalletKind


class WalletLockedError(WalletError):
    def __init__(self) -> None:
        super().__init__("the wallet is locked: unlock it with its password first")


class UnlockedSecrets:
    """The recovery phrase / private key of one wallet, plus keys derived from it."""

    __slots__ = ("_keys", "_kind", "_mnemonic", "_passphrase", "_seed", "_wiped")

    def __init__(self, kind: WalletKind, *, mnemonic: str | None = None, passphrase: str = "",
                 private_key: bytes | None = None) -> None:
        self._kind = kind
        self._mnemonic = mnemonic
        self._passphrase = passphrase
        self._seed: bytearray | None = None
        self._keys: dict[int, bytearray] = {}
        self._wiped = False
        if kind is WalletKind.HD:
            if mnemonic is None:
                raise ValueError("an HD wallet needs a recovery phrase")
            self._seed = bytearray(seedphrase.to_seed(mnemonic, passphrase))
        elif private_key is not None:
            self._keys[0] = bytearray(private_key)
        else:
            raise ValueError("a key wallet needs a private key")

    # --- (de)serialization of the encrypted payload ---------------------------------

    def payload(self) -> bytes:
        """What the wallet file encrypts (see walletfile's docstring)."""
        if self._kind is WalletKind.HD:
            return json.dumps({"mnemonic": self._mnemonic,
                               "passphrase": self._passphrase}).encode("utf-8")
        return bytes(self._require_key(0))

    @classmethod
    def from_payload(cls, kind: WalletKind, payload: bytes) -> UnlockedSecrets:
        if kind is WalletKind.HD:
            try:
                data = json.loads(payload)
                return cls(kind, mnemonic=str(data["mnemonic"]),
                           passphrase=str(data.get("passphrase", "")))
            except (ValueError, KeyError, TypeError):
                raise WalletError("wallet file is damaged: the secret does not decode") from None
        if len(payload) != 32:
            raise WalletError("wallet file is damaged: the key has the wrong length")
        return cls(kind, private_key=payload)

    # --- access -------------------------------------------------------------------------

    @property
    def kind(self) -> WalletKind:
        return self._kind

    @property
    def mnemonic(self) -> str:
        if self._mnemonic is None:
            raise WalletError("this wallet has no recovery phrase (it was imported from a key)")
        return self._mnemonic

    @property
    def passphrase(self) -> str:
        return self._passphrase

    @property
    def wiped(self) -> bool:
        """True once :meth:`wipe` ran: nothing can be derived or signed any more."""
        return self._wiped

    def private_key(self, index: int) -> bytes:
        """The private key of account ``index`` (derived and cached for HD wallets)."""
        if self._wiped:
            raise WalletLockedError()
        if self._kind is not WalletKind.HD:
            if index != 0:
                raise WalletError("this wallet holds a single key: account 0 only")
            copy = bytes(self._require_key(0))
            if self._wiped:
                raise WalletLockedError()
            return copy
        if index not in self._keys:
            seed = self._seed
            if seed is None:
                raise WalletLockedError()
            key = bytearray(hdkeys.derive_private_key(bytes(seed), index))
            if self._wiped:  # locked while deriving (in a worker thread): keep nothing
                key[:] = bytes(len(key))
                raise WalletLockedError()
            self._keys[index] = key
        stored = self._keys.get(index)
        if stored is None:
            raise WalletLockedError()
        copy = bytes(stored)
        if self._wiped:  # wiped while copying: the copy may be zeros
            raise WalletLockedError()
        return copy

    def account_only(self, index: int) -> UnlockedSecrets:
        """A separate holder of account ``index``'s key alone (no seed, no phrase, no other
        account), wiped on its own: it outlives this object's :meth:`wipe` (a signer kept
        while the wallet is locked, at the user's request) until it is wiped itself."""
        key = bytearray(self.private_key(index))
        clone = UnlockedSecrets.__new__(UnlockedSecrets)
        clone._kind = self._kind
        clone._mnemonic = None
        clone._passphrase = ""
        clone._seed = None
        clone._keys = {index: key}
        clone._wiped = False
        return clone

    def address(self, index: int) -> str:
        return hdkeys.address_of(self.private_key(index))

    def _require_key(self, index: int) -> bytearray:
        key = self._keys.get(index)
        if key is None:
            raise WalletLockedError()
        return key

    def wipe(self) -> None:
        """Zero owned buffers and drop every reference to secret material."""
        self._wiped = True
        for buffer in self._keys.values():
            buffer[:] = bytes(len(buffer))
        self._keys.clear()
        if self._seed is not None:
            self._seed[:] = bytes(len(self._seed))
        self._seed = None
        self._mnemonic = None
        self._passphrase = ""

    def __repr__(self) -> str:
        return f"<UnlockedSecrets kind={self._kind.value} (secrets hidden)>"

    __str__ = __repr__

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("wallet secrets cannot be pickled")
