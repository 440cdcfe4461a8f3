"""WalletService: the one object the GUI and the CLI drive the wallet through.

It owns the wallet file, the decrypted secrets while unlocked, the OS-keyring
"remember" entry, the chain client of the chosen network and the last known balances,
and it publishes ``btt_desktop.events`` wallet events. Every slow step (scrypt, file
writes with fsync, keyring calls, HTTP) runs off the event loop. See docs/wallet.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
from collections.abc import Callable, Mapping
from dataclasses import replace

from btt_desktop import events
from btt_desktop.errors import ChainError, WalletError, WrongPassword
from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.wallet import hdkeys, keystore, networks, seedphrase, sending, walletfile
from btt_desktop.wallet.chain import ChainClient, TransferResult, TxRecord
from btt_desktop.wallet.history_sync import HistoryView, account_history
from btt_desktop.wallet.kdf_thread import run as run_kdf
from btt_desktop.wallet.keyring_store import KeyringStatus, KeyringStore, KeyringUnavailable
from btt_desktop.wallet.keystore import ScryptParams
from btt_desktop.wallet.networks import Network, NetworkChoice
from btt_desktop.wallet.sending import SignedTransfer
from btt_desktop.wallet.signer import WalletSigner
from btt_desktop.wallet.types import (
    BalanceSnapshot,
    RememberedUnlock,
    SendQuote,
    WalletInfo,
    WalletState,
)
from btt_desktop.wallet.unlocked import UnlockedSecrets, WalletLockedError
from btt_desktop.wallet.walletfile import Account, WalletFile, WalletKind

log = logging.getLogger(__name__)

MIN_PASSWORD_LENGTH = 8
DEFAULT_REFRESH_INTERVAL = 30.0
ChainFactory = Callable[[Network], ChainClient]


class NoWallet(WalletError):
    def __init__(self) -> None:
        super().__init__("there is no wallet in this profile yet: create or restore one")


class WatchOnly(WalletError):
    def __init__(self) -> None:
        super().__init__("this is a watch-only wallet: it holds no key and cannot send")


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WalletError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    if password != password.strip():
        raise WalletError("the password must not start or end with a space")


class WalletService:
    """See docs/wallet.md for the full API and the events it publishes.

    ``kdf`` is the scrypt cost of files this service writes (tests pass a cheap one
    explicitly). ``network`` overrides the persisted network choice for this instance
    without saving it (the CLI's ``--network``/``--node``).
    """

    def __init__(self, profile: Profile, bus: EventBus, *,
                 kdf: ScryptParams = keystore.STANDARD,
                 keyring: KeyringStore | None = None,
                 chain_factory: ChainFactory | None = None,
                 network: NetworkChoice | None = None) -> None:
        self._dir = profile.wallet_dir
        self._bus = bus
        self._kdf = kdf
        self._keyring = keyring or KeyringStore()
        self._chain_factory: ChainFactory = chain_factory or ChainClient
        self._choice_override = network
        self._choice = network or NetworkChoice()
        self._network = self._choice.resolve()
        self._wallet: WalletFile | None = None
        self._secrets: UnlockedSecrets | None = None
        self._kept: list[UnlockedSecrets] = []  # kept signers' keys: outlive lock()
        self._chain: ChainClient | None = None
        self._network_resolved = False
        self._balances: BalanceSnapshot | None = None
        self._lock = asyncio.Lock()
        self._refresh_task: asyncio.Task[None] | None = None
        self._request_ids = itertools.count(1)

    def __repr__(self) -> str:
        return f"<WalletService {self.state.value} {self._network.name}>"

    # --- lifecycle ------------------------------------------------------------------------

    async def open(self) -> WalletInfo:
        """Read the wallet file and the saved network choice. Call once before anything else."""
        self._wallet = await asyncio.to_thread(walletfile.load, self._dir)
        if self._choice_override is None:
            self._choice = await asyncio.to_thread(networks.load_choice, self._dir)
            self._network = self._choice.resolve()
        return self.info

    async def close(self) -> None:
        """Stop refreshing, close the node connection, wipe secrets."""
        self.stop_auto_refresh()
        if self._chain is not None:
            await self._chain.close()
            self._chain = None
        self._wipe()
        self._wipe_kept()

    # --- state ----------------------------------------------------------------------------

    @property
    def state(self) -> WalletState:
        if self._wallet is None:
            return WalletState.NONE
        if self._wallet.kind is WalletKind.WATCH:
            return WalletState.WATCH_ONLY
        return WalletState.UNLOCKED if self._secrets is not None else WalletState.LOCKED

    @property
    def info(self) -> WalletInfo:
        wallet = self._wallet
        return WalletInfo(
            state=self.state,
            kind=wallet.kind if wallet else None,
            wallet_id=wallet.wallet_id if wallet else None,
            accounts=wallet.accounts if wallet else (),
            current=wallet.current_account if wallet else None,
            network=self._network.name,
            network_id=self._network.network_id,
            has_recovery_phrase=bool(wallet and wallet.kind is WalletKind.HD),
            remembered=bool(wallet and wallet.remember),
        )

    @property
    def network(self) -> Network:
        return self._network

    @property
    def balances(self) -> BalanceSnapshot | None:
        """The last balances published (possibly stale), or None before the first refresh."""
        return self._balances

    def _require_wallet(self) -> WalletFile:
        if self._wallet is None:
            raise NoWallet()
        return self._wallet

    def _changed(self) -> None:
        self._bus.publish(events.WalletChanged(self.info))

    # --- creating and restoring -------------------------------------------------------------

    @staticmethod
    def new_recovery_phrase(words: int = 12) -> str:
        """A fresh phrase to show the user once; nothing is saved until :meth:`create`."""
        return seedphrase.generate(words)

    @staticmethod
    def confirmation_positions(phrase: str, count: int = 3) -> list[int]:
        """Random 1-based word positions to ask back before saving a new phrase."""
        return seedphrase.confirmation_positions(phrase, count)

    @staticmethod
    def check_confirmation(phrase: str, answers: Mapping[int, str]) -> bool:
        return seedphrase.check_confirmation(phrase, answers)

    async def create(self, phrase: str, password: str, *, passphrase: str = "",
                     replace_existing: bool = False) -> WalletInfo:
        """Save a new HD wallet from ``phrase`` (from :meth:`new_recovery_phrase`)."""
        return await self.restore_phrase(phrase, password, passphrase=passphrase,
                                         replace_existing=replace_existing)

    async def restore_phrase(self, phrase: str, password: str, *, passphrase: str = "",
                             replace_existing: bool = False) -> WalletInfo:
        normalized = seedphrase.validate(phrase)
        check_new_password(password)
        secrets = await asyncio.to_thread(UnlockedSecrets, WalletKind.HD, mnemonic=normalized,
                                          passphrase=passphrase)
        first = Account(0, "Account 1", secrets.address(0))
        return await self._save_new(WalletKind.HD, secrets, first, password,
                                    words=len(normalized.split()),
                                    replace_existing=replace_existing)

    async def restore_private_key(self, key_text: str, password: str, *,
                                  replace_existing: bool = False) -> WalletInfo:
        key = hdkeys.parse_private_key(key_text)
        check_new_password(password)
        secrets = UnlockedSecrets(WalletKind.PRIVATE_KEY, private_key=key)
        first = Account(0, "Imported key", hdkeys.address_of(key))
        return await self._save_new(WalletKind.PRIVATE_KEY, secrets, first, password,
                                    replace_existing=replace_existing)

    async def restore_keystore(self, keystore_json: str | bytes, keystore_password: str,
                               password: str | None = None, *,
                               replace_existing: bool = False) -> WalletInfo:
        """Import a TronLink / web3 keystore v3 file. The wallet password defaults to the
        keystore's own password."""
        keystore.parse_keystore(keystore_json)  # fast checks before the slow KDF
        new_password = keystore_password if password is None else password
        check_new_password(new_password)
        key = await run_kdf(keystore.import_private_key, keystore_json, keystore_password)
        secrets = UnlockedSecrets(WalletKind.KEYSTORE, private_key=key)
        first = Account(0, "Imported keystore", hdkeys.address_of(key))
        return await self._save_new(WalletKind.KEYSTORE, secrets, first, new_password,
                                    replace_existing=replace_existing)

    async def watch(self, address: str, *, replace_existing: bool = False) -> WalletInfo:
        """A watch-only wallet: balances and history of ``address``, no key, no sending."""
        first = Account(0, "Watched address", hdkeys.normalize_address(address))
        async with self._lock:
            self._refuse_overwrite(replace_existing)
            wallet = WalletFile(kind=WalletKind.WATCH, accounts=(first,), current=0)
            await asyncio.to_thread(walletfile.save, self._dir, wallet)
            await self._replace_wallet(wallet, None)
        self._changed()
        return self.info

    def _refuse_overwrite(self, replace_existing: bool) -> None:
        if self._wallet is not None and not replace_existing:
            raise WalletError(f"a wallet already exists in {self._dir}; "
                              f"use another profile or replace it explicitly")

    async def _save_new(self, kind: WalletKind, secrets: UnlockedSecrets, first: Account,
                        password: str, *, words: int | None = None,
                        replace_existing: bool) -> WalletInfo:
        async with self._lock:
            self._refuse_overwrite(replace_existing)
            crypto = await asyncio.to_thread(keystore.encrypt, secrets.payload(), password,
                                             self._kdf)
            wallet = WalletFile(kind=kind, accounts=(first,), current=0, secret=crypto,
                                words=words)
            await asyncio.to_thread(walletfile.save, self._dir, wallet)
            # a replaced wallet's .bak would still hold the old secret
            await asyncio.to_thread(walletfile.drop_backup, self._dir)
            await self._replace_wallet(wallet, secrets)
        self._changed()
        self._bus.publish(events.WalletUnlocked(wallet.wallet_id, first.address))
        return self.info

    async def _replace_wallet(self, wallet: WalletFile, secrets: UnlockedSecrets | None) -> None:
        old = self._wallet
        if old is not None and old.remember and old.wallet_id != wallet.wallet_id:
            with contextlib.suppress(KeyringUnavailable):
                await self._keyring.delete(old.wallet_id)
        self._wipe()
        self._wipe_kept()
        self._wallet = wallet
        self._secrets = secrets
        self._balances = None

    # --- locking --------------------------------------------------------------------------

    async def _decrypt(self, password: str) -> UnlockedSecrets:
        wallet = self._require_wallet()
        if wallet.secret is None:
            raise WatchOnly()
        payload = await run_kdf(keystore.decrypt, wallet.secret, password)
        return await asyncio.to_thread(UnlockedSecrets.from_payload, wallet.kind, payload)

    async def unlock(self, password: str) -> WalletInfo:
        """Decrypt the wallet (about 1 s of scrypt, off the loop). WrongPassword if wrong."""
        wallet = self._require_wallet()
        if wallet.kind is WalletKind.WATCH:
            return self.info
        async with self._lock:
            secrets = await self._decrypt(password)
            if self._secrets is not None:
                # already unlocked: the password is right; keep the secrets, and with
                # them the signers handed out
                secrets.wipe()
            else:
                self._secrets = secrets
        self._bus.publish(events.WalletUnlocked(wallet.wallet_id, wallet.current_account.address))
        return self.info

    def lock(self) -> None:
        """Drop the decrypted secrets (best effort wipe, see unlocked.py)."""
        wallet = self._wallet
        had_secrets = self._secrets is not None
        self._wipe()
        if wallet is not None and had_secrets:
            self._bus.publish(events.WalletLocked(wallet.wallet_id))

    def _wipe(self) -> None:
        if self._secrets is not None:
            self._secrets.wipe()
        self._secrets = None

    def _wipe_kept(self) -> None:
        for kept in self._kept:
            kept.wipe()
        self._kept.clear()

    async def change_password(self, old_password: str, new_password: str) -> None:
        """Re-encrypt under ``new_password``, atomically; the old-password backup is removed."""
        wallet = self._require_wallet()
        if wallet.kind is WalletKind.WATCH:
            raise WatchOnly()
        check_new_password(new_password)
        async with self._lock:
            secrets = await self._decrypt(old_password)
            crypto = await asyncio.to_thread(keystore.encrypt, secrets.payload(), new_password,
                                             self._kdf)
            updated = wallet.with_secret(crypto)
            await asyncio.to_thread(walletfile.save, self._dir, updated, keep_backup=False)
            await asyncio.to_thread(walletfile.drop_backup, self._dir)
            self._wallet = updated
            if self._secrets is None:
                secrets.wipe()
        if updated.remember:
            try:
                await self._keyring.store(updated.wallet_id, new_password)
            except KeyringUnavailable as exc:
                await self._set_remember_flag(False)
                log.warning("password no longer remembered: %s", exc)

    # --- remember on this computer -------------------------------------------------------

    async def keyring_status(self) -> KeyringStatus:
        """Whether "remember on this computer" can be offered; ``reason`` when not."""
        return await self._keyring.status()

    async def remember_password(self, password: str) -> None:
        """Keep ``password`` in the OS keyring (verified first). KeyringUnavailable if unsafe."""
        wallet = self._require_wallet()
        if wallet.kind is WalletKind.WATCH:
            raise WatchOnly()
        secrets = await self._decrypt(password)  # WrongPassword before touching the keyring
        if self._secrets is None:
            secrets.wipe()
        await self._keyring.store(wallet.wallet_id, password)
        await self._set_remember_flag(True)

    async def forget_password(self) -> None:
        """Remove the password from the OS keyring (if it is there)."""
        wallet = self._require_wallet()
        try:
            await self._keyring.delete(wallet.wallet_id)
        finally:
            await self._set_remember_flag(False)

    async def unlock_remembered(self) -> RememberedUnlock:
        """At start-up: unlock with the remembered password, never blocking on the keyring."""
        wallet = self._wallet
        if wallet is None or not wallet.remember or wallet.kind is WalletKind.WATCH:
            return RememberedUnlock(False, None)
        try:
            password = await self._keyring.load(wallet.wallet_id)
        except KeyringUnavailable as exc:
            return RememberedUnlock(False, str(exc))
        if password is None:
            return RememberedUnlock(False, "the OS keyring no longer holds the password")
        try:
            await self.unlock(password)
        except WrongPassword:
            return RememberedUnlock(False, "the remembered password is out of date")
        return RememberedUnlock(True, None)

    async def _set_remember_flag(self, on: bool) -> None:
        wallet = self._require_wallet()
        if wallet.remember == on:
            return
        updated = replace(wallet, remember=on)
        await asyncio.to_thread(walletfile.save, self._dir, updated)
        self._wallet = updated
        self._changed()

    # --- accounts -------------------------------------------------------------------------

    async def add_account(self, label: str | None = None) -> Account:
        """Derive the next BIP44 account (HD wallets, unlocked) and make it current."""
        wallet = self._require_wallet()
        if wallet.kind is not WalletKind.HD:
            raise WalletError("only a wallet made from a recovery phrase has several accounts")
        secrets = self._require_secrets()
        index = max(a.index for a in wallet.accounts) + 1
        address = await asyncio.to_thread(secrets.address, index)
        account = Account(index, walletfile.clean_label(label) or f"Account {index + 1}", address)
        await self._save_accounts((*wallet.accounts, account), index)
        return account

    async def rename_account(self, index: int, label: str) -> None:
        wallet = self._require_wallet()
        wallet.account(index)
        cleaned = walletfile.clean_label(label)
        if not cleaned:
            raise WalletError("an account label cannot be empty")
        accounts = tuple(replace(a, label=cleaned) if a.index == index else a
                         for a in wallet.accounts)
        await self._save_accounts(accounts, None)

    async def switch_account(self, index: int) -> None:
        wallet = self._require_wallet()
        wallet.account(index)
        await self._save_accounts(wallet.accounts, index)
        self._balances = None

    async def _save_accounts(self, accounts: tuple[Account, ...], current: int | None) -> None:
        async with self._lock:
            updated = self._require_wallet().with_accounts(accounts, current)
            await asyncio.to_thread(walletfile.save, self._dir, updated)
            self._wallet = updated
        self._changed()

    def _require_secrets(self) -> UnlockedSecrets:
        if self.state is WalletState.WATCH_ONLY:
            raise WatchOnly()
        if self._secrets is None:
            raise WalletLockedError()
        return self._secrets

    # --- network --------------------------------------------------------------------------

    async def set_network(self, choice: NetworkChoice, *, persist: bool = True) -> Network:
        """Switch network (validated first); saved for next time unless ``persist=False``."""
        network = choice.resolve()
        if persist:
            await asyncio.to_thread(networks.save_choice, self._dir, choice)
        if self._chain is not None:
            await self._chain.close()
            self._chain = None
        self._choice = choice
        self._network = network
        self._network_resolved = False
        self._balances = None
        self._changed()
        return network

    async def chain(self) -> ChainClient:
        """The client of the current network (devnet: its BTT contract read from the node)."""
        if self._chain is None:
            self._chain = self._chain_factory(self._network)
        if not self._network_resolved and self._network.name == "devnet":
            info = await self._chain.devnet_info()
            resolved = networks.apply_devnet_info(self._network, info)
            self._network_resolved = True
            if resolved != self._network:
                await self._chain.close()
                self._network = resolved
                self._chain = self._chain_factory(resolved)
                self._changed()
        return self._chain

    # --- balances -------------------------------------------------------------------------

    async def refresh_balances(self) -> BalanceSnapshot:
        """Ask the node; on failure keep the last amounts, marked stale with the reason.

        Publishes :class:`~btt_desktop.events.BalancesUpdated` either way; never raises
        ChainError (the reason is in the snapshot).
        """
        wallet = self._require_wallet()
        address = wallet.current_account.address
        previous = self._balances
        if previous is not None and (previous.address != address
                                     or previous.network != self._network.name):
            previous = None
        try:
            client = await self.chain()
            result = await client.balances(address)
            snapshot = BalanceSnapshot.fresh(address, self._network, result)
        except ChainError as exc:
            snapshot = BalanceSnapshot.stale(address, self._network, previous, str(exc))
        self._balances = snapshot
        self._bus.publish(events.BalancesUpdated(snapshot))
        return snapshot

    def start_auto_refresh(self, interval: float = DEFAULT_REFRESH_INTERVAL) -> None:
        """Refresh balances now and every ``interval`` seconds until stopped or closed."""
        self.stop_auto_refresh()
        self._refresh_task = asyncio.get_running_loop().create_task(self._refresh_loop(interval))

    def stop_auto_refresh(self) -> None:
        if self._refresh_task is not None:
            self._refresh_task.cancel()
            self._refresh_task = None

    async def _refresh_loop(self, interval: float) -> None:
        while True:
            if self._wallet is not None:
                try:
                    await self.refresh_balances()
                except WalletError as exc:  # e.g. a devnet whose info is malformed
                    log.warning("balance refresh failed: %s", exc)
                except Exception:  # a bug must not end the refreshing for good
                    log.exception("balance refresh failed")
            await asyncio.sleep(interval)

    # --- signing and sending (see sending.py) -----------------------------------------------

    async def signer(self, index: int | None = None) -> WalletSigner:
        """A signer for account ``index`` (default: the current one) of the unlocked wallet,
        dead (WalletLockedError) once the wallet is locked, closed or replaced."""
        wallet = self._require_wallet()
        secrets = self._require_secrets()
        return await self._signer_for(secrets, wallet.current if index is None else index)

    async def kept_signer(self, index: int | None = None) -> WalletSigner:
        """Like :meth:`signer`, but it keeps working after the wallet locks: it holds a
        copy of that one account's key (not the phrase) until ``release()``, or until the
        wallet is closed or replaced. For BTT Speed when the user chose "keep running
        while locked"; nothing else should want one."""
        wallet = self._require_wallet()
        secrets = self._require_secrets()
        chosen = wallet.current if index is None else index
        checked = await self._signer_for(secrets, chosen)
        own = await asyncio.to_thread(secrets.account_only, chosen)
        self._kept = [k for k in self._kept if not k.wiped]
        self._kept.append(own)
        return WalletSigner(own, chosen, checked.address, kept=True)

    async def _signer_for(self, secrets: UnlockedSecrets, index: int) -> WalletSigner:
        account = self._require_wallet().account(index)
        address = await asyncio.to_thread(secrets.address, index)  # HD derivation
        if address != account.address:
            raise WalletError(f"the wallet file is damaged: the address of account {index} "
                              f"does not match its key")
        return WalletSigner(secrets, index, address)

    async def quote_send(self, to: str, amount: str, token: str = "BTT", *,
                         account: int | None = None) -> SendQuote:
        """Validate a transfer from ``account`` (default: the current one) and estimate its
        fee; raises one-line errors, e.g. "insufficient BTT balance: have 1, need 2".
        Works while locked."""
        wallet = self._require_wallet()
        if wallet.kind is WalletKind.WATCH:
            raise WatchOnly()
        hdkeys.normalize_address(to)  # a mistyped recipient fails before the node is asked
        sender = wallet.current_account if account is None else wallet.account(account)
        client = await self.chain()
        return await sending.quote_transfer(client, self._network, sender, to, amount, token)

    async def sign_send(self, quote: SendQuote, *,
                        password: str | None = None) -> SignedTransfer:
        """Build and sign ``quote``'s transaction, not sent yet (see :meth:`broadcast`).
        Needs the wallet unlocked, or ``password`` (for this signature only). A password
        given is always checked, also when the wallet is unlocked (the window's "password
        for every send")."""
        self._require_wallet()
        if quote.network != self._network.name:
            raise WalletError("the network changed since this transfer was prepared")
        temporary = None
        if password is not None:
            temporary = await self._decrypt(password)  # WrongPassword, WatchOnly
        secrets = temporary or self._require_secrets()
        publish = sending.StatusPublisher(self._bus, next(self._request_ids), quote)
        try:
            with publish.reporting():
                signer = await self._signer_for(secrets, quote.account_index)
                client = await self.chain()
                return await sending.sign_transfer(client, self._network, signer, quote,
                                                   publish)
        finally:
            if temporary is not None:
                temporary.wipe()

    async def broadcast(self, signed: SignedTransfer) -> TransferResult:
        """Send a transfer :meth:`sign_send` signed and wait for its block. No key needed."""
        publish = sending.StatusPublisher(self._bus, signed.request_id, signed.quote,
                                          signed.txid)
        with publish.reporting():
            if signed.quote.network != self._network.name:
                raise WalletError(f"this transfer was signed for {signed.quote.network}, but "
                                  f"the wallet is now on {self._network.name}: not sent")
            result = await sending.broadcast_transfer(await self.chain(), signed, publish)
        with contextlib.suppress(WalletError):
            await self.refresh_balances()
        return result

    async def send(self, quote: SendQuote, *, password: str | None = None) -> TransferResult:
        """:meth:`sign_send`, then :meth:`broadcast`."""
        return await self.broadcast(await self.sign_send(quote, password=password))

    # --- history --------------------------------------------------------------------------

    async def history(self, limit: int = 20, *, refresh: bool = True) -> HistoryView:
        """The current account's transactions, newest first: the cached list at once
        (``refresh=False``), or brought up to date from the node (history_sync.py)."""
        address = self._require_wallet().current_account.address
        return await account_history(self._dir, self._network, address, limit,
                                     self.chain if refresh else None)

    async def recent_transactions(self, limit: int = 20) -> list[TxRecord]:
        """:meth:`history` from the node; ChainError when it cannot be reached."""
        return (await self.history(limit)).checked()

    # --- export (always asks for the password again) --------------------------------------

    async def export_recovery_phrase(self, password: str) -> tuple[str, str]:
        """(phrase, passphrase) of an HD wallet, after checking ``password``."""
        wallet = self._require_wallet()
        if wallet.kind is not WalletKind.HD:
            raise WalletError("this wallet has no recovery phrase (it was imported from a key "
                              "or is watch-only)")
        secrets = await self._decrypt(password)
        try:
            return secrets.mnemonic, secrets.passphrase
        finally:
            secrets.wipe()

    async def export_private_key(self, password: str, index: int | None = None) -> str:
        """The hex private key of account ``index`` (default: the current one)."""
        key = await self._export_key(password, index)
        return key.hex()

    async def export_keystore(self, password: str, index: int | None = None, *,
                              keystore_password: str | None = None) -> str:
        """A keystore v3 JSON (TronLink, web3) of one account, encrypted with
        ``keystore_password`` (default: the wallet password)."""
        key = await self._export_key(password, index)
        new_password = password if keystore_password is None else keystore_password
        check_new_password(new_password)
        return await asyncio.to_thread(keystore.export_private_key, key, new_password, self._kdf)

    async def _export_key(self, password: str, index: int | None) -> bytes:
        wallet = self._require_wallet()
        if wallet.kind is WalletKind.WATCH:
            raise WatchOnly()
        chosen = wallet.current if index is None else index
        wallet.account(chosen)
        secrets = await self._decrypt(password)
        try:
            return await asyncio.to_thread(secrets.private_key, chosen)
        finally:
            secrets.wipe()
