"""WalletSigner: what code outside the wallet signs with. Keys never leave wallet/.

``await WalletService.signer()`` hands one out for an account of the unlocked wallet.
It holds the wallet's decrypted-secrets object, not a key: each signature reads the key
from it for that call only. ``lock()``, ``close()`` and replacing the wallet wipe that
object, after which every method raises :class:`WalletLockedError`, also for a signer
someone kept. Unlock again and ask for a new signer.

Signatures are 65 bytes ``r || s || v`` with ``v`` 27 or 28 and a low ``s`` (libsecp256k1
through coincurve always gives one), except transaction signatures, which tronpy writes
itself (``v`` 0 or 1, as TRON nodes take them).
"""

from __future__ import annotations

from secrets import token_bytes
from typing import Any, Protocol, TypeVar

from tronpy.exceptions import BadKey
from tronpy.keys import PrivateKey, Signature, to_hex_address

from btt_desktop.errors import WalletError
from btt_desktop.wallet import txid
from btt_desktop.wallet.unlocked import UnlockedSecrets, WalletLockedError

__all__ = ["SignableTransaction", "WalletSigner"]


class SignableTransaction(Protocol):
    """tronpy's ``Transaction`` and ``AsyncTransaction`` (from ``builder.build()``)."""

    txid: str

    @property
    def is_expired(self) -> bool: ...

    def to_json(self) -> dict[str, Any]: ...

    def sign(self, priv_key: Any) -> Any: ...


TransactionT = TypeVar("TransactionT", bound=SignableTransaction)


class WalletSigner:
    """Signs for account ``index`` of the unlocked wallet, until the wallet locks."""

    __slots__ = ("_address", "_index", "_kept", "_secrets")

    def __init__(self, secrets: UnlockedSecrets, index: int, address: str, *,
                 kept: bool = False) -> None:
        """Made by ``WalletService.signer()``, which checked ``address`` against the key;
        ``kept``: ``secrets`` are this signer's own copy of the one key
        (``WalletService.kept_signer()``), which :meth:`release` wipes."""
        self._secrets = secrets
        self._index = index
        self._address = address
        self._kept = kept

    def __repr__(self) -> str:
        state = "locked" if self._secrets.wiped else ("kept" if self._kept else "unlocked")
        return f"<WalletSigner account {self._index} {self._address} ({state})>"

    __str__ = __repr__

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("a wallet signer cannot be pickled or copied")

    @property
    def address(self) -> str:
        """The account's base58 address (``T...``)."""
        return self._address

    @property
    def account_index(self) -> int:
        return self._index

    @property
    def locked(self) -> bool:
        """True once the wallet this signer came from was locked, closed or replaced (for a
        kept signer: released, or the wallet closed or replaced)."""
        return self._secrets.wiped

    @property
    def kept(self) -> bool:
        """Whether this signer keeps working while the wallet is locked."""
        return self._kept

    def release(self) -> None:
        """Done with it: a kept signer wipes its key now; for any other this does nothing
        (the wallet's lock does it)."""
        if self._kept:
            self._secrets.wipe()

    # --- signing --------------------------------------------------------------------------

    def sign_digest(self, digest: bytes) -> bytes:
        """TIP-191 signature of a 32-byte digest: tronpy's ``sign_msg``, over
        ``keccak256("\\x19TRON Signed Message:\\n32" || digest)`` (Speed's cheques)."""
        return _with_v27(self._key().sign_msg(_check_digest(digest)))

    def sign_typed_hash(self, digest: bytes) -> bytes:
        """Raw secp256k1 signature of the 32 bytes as given: the final TIP-712 hash of
        typed data, which the caller computed."""
        return _with_v27(self._key().sign_msg_hash(_check_digest(digest)))

    def sign_transaction(self, tx: TransactionT) -> TransactionT:
        """Sign a tronpy transaction in place and return it.

        Refused with one line: an expired transaction, one whose owner is another
        account, one whose id does not match its raw data (the id is what gets signed)
        and kinds this wallet cannot check (see txid.py)."""
        if self._secrets.wiped:
            raise WalletLockedError()
        tx_id = str(tx.txid or "")
        if not tx_id:
            raise WalletError("the transaction has no id yet: build it first")
        if tx.is_expired:
            raise WalletError(f"transaction {tx_id} has expired: build it again")
        raw_data = tx.to_json().get("raw_data")
        if not isinstance(raw_data, dict):
            raise WalletError(f"transaction {tx_id} has no raw data")
        for owner in txid.owner_addresses(raw_data):
            if owner != self._address:
                raise WalletError(f"transaction {tx_id} is from {owner}, not from this "
                                  f"account ({self._address})")
        if txid.transaction_id(raw_data) != tx_id.lower():
            raise WalletError(f"transaction {tx_id} does not match its contents "
                              f"(the node reported a wrong id): not signed")
        try:
            tx.sign(_TransactionKey(self))
        except BadKey:
            raise WalletError(f"the key of {self._address} is not among the keys allowed to "
                              f"sign for it on chain (its permissions were changed)") from None
        except ValueError as exc:  # tronpy: "expired" (just now) or "txID not calculated"
            detail = " ".join(str(exc.args[0] if exc.args else "").split())[:100]
            raise WalletError(f"cannot sign transaction {tx_id}: {detail}") from None
        return tx

    def _key(self) -> PrivateKey:
        """The account's key for one signature; WalletLockedError once wiped."""
        return PrivateKey(self._secrets.private_key(self._index))

    def _sign_tx_hash(self, message_hash: bytes) -> Signature:
        return self._key().sign_msg_hash(_check_digest(message_hash))


class _PublicAddress:
    """The part of a public key tronpy's ``Transaction.sign`` reads."""

    __slots__ = ("_address",)

    def __init__(self, address: str) -> None:
        self._address = address

    def to_hex_address(self) -> str:
        return str(to_hex_address(self._address))

    def to_base58check_address(self) -> str:
        return self._address


class _TransactionKey:
    """Stands in for a ``PrivateKey`` in tronpy's ``Transaction.sign``, which uses only
    ``public_key.to_hex_address()`` and ``sign_msg_hash(bytes).hex()``. It holds the
    signer, never a key, and is dropped once the transaction is signed."""

    __slots__ = ("_signer", "public_key")

    def __init__(self, signer: WalletSigner) -> None:
        self._signer = signer
        self.public_key = _PublicAddress(signer.address)

    def __repr__(self) -> str:
        return f"<wallet key of {self._signer.address}>"

    def sign_msg_hash(self, message_hash: bytes) -> Signature:
        return self._signer._sign_tx_hash(message_hash)


def _check_digest(digest: bytes) -> bytes:
    if not isinstance(digest, bytes | bytearray) or len(digest) != 32:
        raise ValueError("digest must be 32 bytes")
    return bytes(digest)


def _with_v27(signature: Signature) -> bytes:
    raw: bytes = signature.to_bytes()
    return raw[:64] + bytes([raw[64] + 27])


def throwaway_signer() -> WalletSigner:
    """A signer over a fresh random key that exists only in this process (benchmarks,
    stand-in peers): the key is made and held here, in ``wallet/``, like every other."""
    from btt_desktop.wallet import hdkeys
    from btt_desktop.wallet.walletfile import WalletKind

    key = token_bytes(32)
    return WalletSigner(UnlockedSecrets(WalletKind.PRIVATE_KEY, private_key=key), 0,
                        hdkeys.address_of(key), kept=True)
