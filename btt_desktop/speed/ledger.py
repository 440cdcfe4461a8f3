"""Both sides' persistent Speed accounting, one account per (vault, beneficiary).

A vault is named by its owner's address (see :mod:`cheque`); a ledger file belongs to one
vault contract (its cheque domain: chain id and contract address) and one wallet address.

The requester (the vault's owner) counts the bytes it received from a provider while
awarded and what they are worth, and the last cumulative amount it signed. The provider
(the beneficiary) counts the bytes it sent while awarding and keeps the best cheque it
received. Every cheque is written to disk (atomically, through
:mod:`btt_desktop.atomicfile`) before it leaves the requester or before the provider
acts on it, so a crash can neither make the requester sign the same ``cum`` twice nor
lose the provider's earnings.

Amounts are BTT base units; rates are base units per MiB. Value is kept exactly as
``sum(bytes x price)`` (base units x MiB) and rounded down only when a cheque is drawn,
so the requester never signs more than what it received x price.

The methods do blocking file I/O (write, fsync): call them via ``asyncio.to_thread``.
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from btt_desktop.atomicfile import read_with_backup, write_atomic
from btt_desktop.speed.cheque import Cheque, ChequeDomain, sign_cheque, signed_as_v1
from btt_desktop.speed.errors import ChequeRejected, LedgerError
from btt_desktop.speed.messages import MAX_AMOUNT, is_tron_address
from btt_desktop.speed.signing import Signer

MIB = 1024 * 1024


class ForgedCheque(ChequeRejected):
    """A cheque whose signature does not recover to its vault's owner."""
FORMAT = 2  # 2: cheques are TIP-712, bound to a vault contract (the file names it)


@dataclass(frozen=True)
class AccountKey:
    vault: str  # the vault, i.e. its owner: the requester, who signs the cheques
    beneficiary: str  # who is paid: the provider

    def text(self) -> str:
        return f"{self.vault}/{self.beneficiary}"

    @classmethod
    def parse(cls, text: str) -> AccountKey:
        parts = text.split("/")
        if len(parts) != 2 or not all(is_tron_address(p) for p in parts):
            raise LedgerError(f"bad account key in ledger: {text[:80]!r}")
        return cls(*parts)


@dataclass(frozen=True)
class Account:
    """One side's view of one (vault, beneficiary) relation."""

    bytes: int = 0  # received (requester) / sent (provider) while awarded
    value: int = 0  # sum of bytes x price per MiB, in base units x MiB
    cum: int = 0  # requester: last cum signed; provider: best cum received
    sig: str = ""  # hex signature of that cheque ("" before the first)
    # provider: a higher cheque whose signature checked out but whose cover the node could
    # not be asked about yet (absent from older files: 0 and "")
    unchecked_cum: int = 0
    unchecked_sig: str = ""

    @property
    def owed(self) -> int:
        """What the bytes are worth, rounded down to base units."""
        return self.value // MIB

    @property
    def unpaid(self) -> int:
        return max(0, self.owed - self.cum)


class _LedgerFile:
    def __init__(self, path: str | Path, role: str, net: str, me: str,
                 domain: ChequeDomain) -> None:
        self.path = Path(path)
        self.role = role
        self.net = net
        self.me = me
        self.domain = domain
        self._lock = threading.RLock()
        self._torrents: dict[str, int] = {}  # info-hash hex -> value sold (base units x MiB)
        self._accounts: dict[AccountKey, Account] = self._load()

    def _load(self) -> dict[AccountKey, Account]:
        raw = read_with_backup(self.path)
        if raw is None:
            return {}
        try:
            doc = json.loads(raw)
            if doc.get("format") != FORMAT or doc.get("role") != self.role:
                raise LedgerError(f"{self.path} is not a Speed {self.role} ledger")
            if doc.get("net") != self.net or doc.get("me") != self.me or (
                    doc.get("chain_id") != self.domain.chain_id
                    or doc.get("vault_contract") != self.domain.contract):
                raise LedgerError(f"{self.path} belongs to another network, vault contract "
                                  f"or address")
            self._torrents = {str(k): int(v) for k, v in doc.get("torrents", {}).items()
                              if int(v) >= 0}
            accounts: dict[AccountKey, Account] = {}
            for key, fields in doc["accounts"].items():
                account = Account(**fields)
                if not all(isinstance(v, int) and v >= 0
                           for v in (account.bytes, account.value, account.cum,
                                     account.unchecked_cum)):
                    raise LedgerError(f"{self.path} holds a negative or non-integer amount")
                accounts[AccountKey.parse(key)] = account
            return accounts
        except LedgerError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError):
            raise LedgerError(f"{self.path} is damaged and cannot be read") from None

    def _save(self, accounts: dict[AccountKey, Account]) -> None:
        doc = {"format": FORMAT, "role": self.role, "net": self.net, "me": self.me,
               "chain_id": self.domain.chain_id, "vault_contract": self.domain.contract,
               "accounts": {k.text(): asdict(a) for k, a in sorted(
                   accounts.items(), key=lambda item: item[0].text())}}
        if self._torrents:
            doc["torrents"] = dict(sorted(self._torrents.items()))
        write_atomic(self.path, json.dumps(doc, indent=1).encode())

    def get(self, key: AccountKey) -> Account:
        with self._lock:
            return self._accounts.get(key, Account())

    def accounts(self) -> dict[AccountKey, Account]:
        with self._lock:
            return dict(self._accounts)

    def _add_bytes(self, key: AccountKey, nbytes: int, price: int) -> Account:
        if nbytes < 0 or not 0 <= price <= MAX_AMOUNT:
            raise ValueError("bytes and price must be non-negative")
        with self._lock:
            account = self._accounts.get(key, Account())
            account = replace(account, bytes=account.bytes + nbytes,
                              value=account.value + nbytes * price)
            self._accounts[key] = account
            return account

    def _commit(self, key: AccountKey, account: Account) -> None:
        """Persist with ``account`` in place; memory changes only if the write succeeded."""
        with self._lock:
            accounts = dict(self._accounts)
            accounts[key] = account
            self._save(accounts)
            self._accounts = accounts

    def flush(self) -> None:
        """Persist the byte counters (cheques are persisted as they happen)."""
        with self._lock:
            self._save(self._accounts)


class RequesterLedger(_LedgerFile):
    """The paying side: one file per vault contract and wallet address."""

    def __init__(self, path: str | Path, net: str, me: str, domain: ChequeDomain) -> None:
        super().__init__(path, "requester", net, me, domain)

    def key(self, beneficiary: str) -> AccountKey:
        return AccountKey(vault=self.me, beneficiary=beneficiary)

    def record_received(self, beneficiary: str, nbytes: int, price: int) -> Account:
        """Count bytes received from ``beneficiary`` while awarded at ``price`` per MiB."""
        return self._add_bytes(self.key(beneficiary), nbytes, price)

    def draw_cheque(self, signer: Signer, beneficiary: str, increment: int) -> Cheque | None:
        """Sign and persist a cheque for everything owed, if it grew by ``increment``.

        The cheque is on disk when this returns, so it may be sent; after a crash
        :meth:`last_cheque` gives it back to re-send, and no ``cum`` is signed twice.
        """
        if signer.address != self.me:
            raise LedgerError("signer does not own this ledger")
        key = self.key(beneficiary)
        with self._lock:
            account = self._accounts.get(key, Account())
            if account.owed - account.cum < max(1, increment):
                return None
            cheque = sign_cheque(signer, self.domain, self.me, beneficiary, account.owed)
            self._save({**self._accounts, key: replace(account, cum=cheque.cum,
                                                       sig=cheque.sig.hex())})
            self._accounts[key] = replace(account, cum=cheque.cum, sig=cheque.sig.hex())
            return cheque

    def last_cheque(self, beneficiary: str) -> Cheque | None:
        """The last cheque signed to ``beneficiary`` (to re-send after a reconnect)."""
        account = self.get(self.key(beneficiary))
        if not account.sig:
            return None
        return Cheque(domain=self.domain, vault=self.me, to=beneficiary, cum=account.cum,
                      sig=bytes.fromhex(account.sig))

    def promised(self) -> int:
        """Total ever promised from our vault (the most cashing could take from it)."""
        return sum(a.cum for a in self.accounts().values())


@dataclass(frozen=True)
class VaultView:
    """What the provider knows of a vault when a cheque arrives (queried by the caller)."""

    balance: int  # still in the vault for this owner
    paid_out: int  # already cashed to this beneficiary


class ProviderLedger(_LedgerFile):
    """The earning side: one file per vault contract and wallet address."""

    def __init__(self, path: str | Path, net: str, me: str, domain: ChequeDomain) -> None:
        super().__init__(path, "provider", net, me, domain)

    def key(self, vault: str) -> AccountKey:
        return AccountKey(vault=vault, beneficiary=self.me)

    def record_sent(self, vault: str, nbytes: int, price: int,
                    info_hash: bytes | None = None) -> Account:
        """Count bytes sent to ``vault``'s owner while it held an award at ``price`` per MiB
        (and what they earned on the torrent ``info_hash``)."""
        account = self._add_bytes(self.key(vault), nbytes, price)
        if info_hash is not None:
            with self._lock:
                key = info_hash.hex()
                self._torrents[key] = self._torrents.get(key, 0) + nbytes * price
        return account

    def torrent_earnings(self) -> dict[str, int]:
        """What the bytes sold on each torrent are worth, base units, by info-hash hex."""
        with self._lock:
            return {ih: value // MIB for ih, value in self._torrents.items()}

    def check_offline(self, cheque: Cheque, payer: str) -> None:
        """Raise :class:`ChequeRejected` unless ``cheque`` from peer ``payer`` passes every
        check that needs no node: domain, drawn on the payer's own vault, made out to us,
        signed by the vault's owner (:class:`ForgedCheque` if not), growing.

        ``payer`` is the authenticated address of the peer that sent it (whose bids named
        its own vault). Run before anything is asked of the node, so a forged cheque
        costs no request.
        """
        if cheque.domain != self.domain:
            raise ChequeRejected("cheque is for another vault contract or chain")
        if cheque.vault != payer:
            raise ChequeRejected("cheque is drawn on another peer's vault")
        if cheque.to != self.me:
            raise ChequeRejected("cheque is made out to someone else")
        if cheque.signer() != cheque.vault:
            if signed_as_v1(self.net, cheque):
                raise ChequeRejected("cheque is in the old version 1 format, which the vault "
                                     "contract does not pay: the peer must upgrade")
            raise ForgedCheque("cheque is not signed by the vault's owner")
        best = self.get(self.key(cheque.vault)).cum
        if cheque.cum <= best:
            raise ChequeRejected(f"cheque does not grow ({cheque.cum} <= {best})")

    def check_cheque(self, cheque: Cheque, payer: str, view: VaultView) -> None:
        """Raise :class:`ChequeRejected` unless ``cheque`` from peer ``payer`` is acceptable:
        :meth:`check_offline`, and ``view`` (what the vault holds right now) covers it."""
        self.check_offline(cheque, payer)
        if cheque.cum - min(view.paid_out, cheque.cum) > view.balance:
            raise ChequeRejected("vault cannot cover the cheque")

    def _accepted(self, account: Account, cheque: Cheque) -> Account:
        """``account`` holding ``cheque`` as its best; an unchecked one it covers goes."""
        account = replace(account, cum=cheque.cum, sig=cheque.sig.hex())
        if account.unchecked_cum <= cheque.cum:
            account = replace(account, unchecked_cum=0, unchecked_sig="")
        return account

    def accept_cheque(self, cheque: Cheque, payer: str, view: VaultView) -> Account:
        """Validate and persist ``cheque``; only then may the caller act on it.

        An ``OSError`` from the write (a full disk) leaves memory and file as they were.
        """
        with self._lock:  # check and commit as one step: a lower cheque can never win a race
            self.check_cheque(cheque, payer, view)
            key = self.key(cheque.vault)
            account = self._accepted(self.get(key), cheque)
            self._commit(key, account)
            return account

    def remember_cheque(self, cheque: Cheque, payer: str, view: VaultView) -> Account:
        """Like :meth:`accept_cheque`, in memory only, for when the disk refused the write:
        the next successful :meth:`flush` persists it. The cheque is fully checked, and
        the requester keeps its own copy (it re-sends it on every reconnect)."""
        with self._lock:
            self.check_cheque(cheque, payer, view)
            key = self.key(cheque.vault)
            account = self._accepted(self.get(key), cheque)
            self._accounts[key] = account
            return account

    def keep_unchecked(self, cheque: Cheque, payer: str) -> Account:
        """Persist ``cheque``, which passed :meth:`check_offline`, as "cover not yet
        checked" (the node could not be asked). It counts as earned only once
        :meth:`confirm_unchecked` has seen the vault cover it; it is never cashed before."""
        with self._lock:
            self.check_offline(cheque, payer)
            key = self.key(cheque.vault)
            account = self.get(key)
            if cheque.cum <= account.unchecked_cum:
                return account  # already holding this one or a higher one
            account = replace(account, unchecked_cum=cheque.cum,
                              unchecked_sig=cheque.sig.hex())
            self._commit(key, account)
            return account

    def unchecked_cheque(self, vault: str) -> Cheque | None:
        """The cheque from ``vault`` whose cover is not checked yet, if any."""
        account = self.get(self.key(vault))
        if not account.unchecked_sig:
            return None
        return Cheque(domain=self.domain, vault=vault, to=self.me, cum=account.unchecked_cum,
                      sig=bytes.fromhex(account.unchecked_sig))

    def unchecked_vaults(self) -> list[str]:
        """Vaults with a cheque whose cover is not checked yet."""
        return sorted(k.vault for k, a in self.accounts().items() if a.unchecked_sig)

    def confirm_unchecked(self, vault: str, view: VaultView) -> Account | None:
        """Check the cover of ``vault``'s unchecked cheque against ``view`` and accept it
        (returns the account) or drop it (raises :class:`ChequeRejected` with why).
        ``None``: nothing to do (no such cheque, or a higher one was accepted since)."""
        with self._lock:
            cheque = self.unchecked_cheque(vault)
            if cheque is None:
                return None
            key = self.key(vault)
            account = self.get(key)
            dropped = replace(account, unchecked_cum=0, unchecked_sig="")
            try:
                self.check_cheque(cheque, vault, view)
            except ChequeRejected:
                self._commit(key, dropped)
                if cheque.cum <= account.cum:
                    return None
                raise
            account = self._accepted(account, cheque)
            self._commit(key, account)
            return account

    def best_cheque(self, vault: str) -> Cheque | None:
        """The best cheque from ``vault`` whose cover was checked: the only kind cashed."""
        account = self.get(self.key(vault))
        if not account.sig:
            return None
        return Cheque(domain=self.domain, vault=vault, to=self.me, cum=account.cum,
                      sig=bytes.fromhex(account.sig))

    def over_credit(self, vault: str, credit_bytes: int, price: int) -> bool:
        """True when the unpaid value exceeds ``credit_bytes`` worth at ``price``: demote."""
        account = self.get(self.key(vault))
        # a cheque waiting for its cover check is signed: it counts against the credit
        paid = max(account.cum, account.unchecked_cum)
        return account.value - paid * MIB > credit_bytes * price
