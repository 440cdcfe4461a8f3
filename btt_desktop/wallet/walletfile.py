"""The wallet file (``<profile>/wallet/wallet.json``): public data plus one encrypted secret.

Layout (version 1)::

    {"format": "btt-desktop-wallet", "version": 1, "id": "<uuid>",
     "kind": "hd" | "private_key" | "keystore" | "watch",
     "created_at": 1700000000.0, "words": 12, "remember": false,
     "accounts": [{"index": 0, "label": "Account 1", "address": "T..."}],
     "current": 0,
     "secret": <keystore v3 "crypto" object> | null}

The ``secret`` decrypts to ``{"mnemonic": ..., "passphrase": ...}`` (JSON, UTF-8) for an
HD wallet and to the 32 raw key bytes otherwise, so for a key wallet it is a keystore v3
``crypto`` object TronLink reads as is. Nothing else in the file is secret; addresses are
kept so a locked wallet can still show its address and balances.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from btt_desktop.atomicfile import read_with_backup, write_atomic
from btt_desktop.errors import WalletError

FORMAT = "btt-desktop-wallet"
VERSION = 1
FILE_NAME = "wallet.json"


class WalletKind(StrEnum):
    HD = "hd"                    # BIP39 recovery phrase (+ optional passphrase)
    PRIVATE_KEY = "private_key"  # one imported private key
    KEYSTORE = "keystore"        # one key imported from a keystore v3 file
    WATCH = "watch"              # an address only: balances, no sending

    @property
    def has_secret(self) -> bool:
        return self is not WalletKind.WATCH


class WalletFileError(WalletError):
    """The wallet file is damaged or from an unknown version."""


@dataclass(frozen=True)
class Account:
    index: int     # BIP44 address index (always 0 for single-key and watch wallets)
    label: str
    address: str


@dataclass(frozen=True)
class WalletFile:
    kind: WalletKind
    accounts: tuple[Account, ...]
    current: int
    secret: dict[str, Any] | None = field(default=None, repr=False)
    words: int | None = None
    remember: bool = False   # the password is kept in the OS keyring
    wallet_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    created_at: float = field(default_factory=time.time)

    def account(self, index: int) -> Account:
        for account in self.accounts:
            if account.index == index:
                return account
        raise WalletError(f"no account with index {index}")

    @property
    def current_account(self) -> Account:
        return self.account(self.current)

    def with_accounts(self, accounts: tuple[Account, ...],
                      current: int | None = None) -> WalletFile:
        return replace(self, accounts=accounts,
                       current=self.current if current is None else current)

    def with_secret(self, secret: dict[str, Any]) -> WalletFile:
        return replace(self, secret=secret)

    def to_bytes(self) -> bytes:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "id": self.wallet_id,
            "kind": self.kind.value,
            "created_at": self.created_at,
            "words": self.words,
            "remember": self.remember,
            "accounts": [{"index": a.index, "label": a.label, "address": a.address}
                         for a in self.accounts],
            "current": self.current,
            "secret": self.secret,
        }
        return (json.dumps(document, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> WalletFile:
        try:
            document = json.loads(data)
            if document.get("format") != FORMAT:
                raise WalletFileError("not a BTT Desktop wallet file")
            if document.get("version") != VERSION:
                raise WalletFileError(
                    f"wallet file version {document.get('version')!r} is not supported"
                )
            kind = WalletKind(document["kind"])
            accounts = tuple(
                Account(int(a["index"]), str(a["label"]), str(a["address"]))
                for a in document["accounts"]
            )
            secret = document.get("secret")
            if kind.has_secret and not isinstance(secret, dict):
                raise WalletFileError("wallet file is damaged: the encrypted secret is missing")
            wallet = cls(
                kind=kind,
                accounts=accounts,
                current=int(document["current"]),
                secret=secret if kind.has_secret else None,
                words=document.get("words"),
                remember=bool(document.get("remember", False)),
                wallet_id=str(document["id"]),
                created_at=float(document.get("created_at", 0.0)),
            )
        except WalletFileError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError):
            raise WalletFileError("wallet file is damaged (not valid wallet JSON)") from None
        if not accounts:
            raise WalletFileError("wallet file is damaged: it lists no account")
        wallet.account(wallet.current)  # the current account must exist
        return wallet


def wallet_path(wallet_dir: Path) -> Path:
    return wallet_dir / FILE_NAME


def load(wallet_dir: Path) -> WalletFile | None:
    """The wallet in ``wallet_dir`` (falling back to the ``.bak``), or None if there is none."""
    data = read_with_backup(wallet_path(wallet_dir))
    if data is None:
        return None
    return WalletFile.from_bytes(data)


def save(wallet_dir: Path, wallet: WalletFile, *, keep_backup: bool = True) -> None:
    """Write atomically (mode 0600). Blocking: call through ``asyncio.to_thread``."""
    write_atomic(wallet_path(wallet_dir), wallet.to_bytes(), keep_backup=keep_backup)


def drop_backup(wallet_dir: Path) -> None:
    """Remove ``wallet.json.bak`` (after a password change it holds the old encryption)."""
    backup = wallet_path(wallet_dir).with_name(FILE_NAME + ".bak")
    backup.unlink(missing_ok=True)


def clean_label(label: str | None) -> str:
    """An account label on one line, at most 64 characters ("" if nothing is left)."""
    return " ".join((label or "").split())[:64]
