"""Sending TRX and BTT in steps, as Electrum does: quote, sign, broadcast.

``WalletService`` drives these (``quote_send``, ``sign_send``, ``broadcast``, ``send``):

1. :func:`quote_transfer` checks the address, the amount and the balance and estimates
   the fee (no key needed);
2. :func:`sign_transfer` has the node build the transaction and signs it with a
   :class:`~.signer.WalletSigner`: a :class:`SignedTransfer`, not sent yet;
3. :func:`broadcast_transfer` sends it and waits for its block.

Progress goes out as ``TransactionStatus`` events: ``building`` and ``signed`` from the
signing step, ``broadcast``, ``pending`` and ``confirmed`` from the broadcast, or
``failed`` with the one-line reason; one request id for both steps.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from btt_desktop import events
from btt_desktop.errors import BttError, ChainError, WalletError
from btt_desktop.events import EventBus
from btt_desktop.wallet import hdkeys
from btt_desktop.wallet.amounts import TRX, Token, parse_amount
from btt_desktop.wallet.chain import ChainClient, TransferResult
from btt_desktop.wallet.networks import Network
from btt_desktop.wallet.signer import WalletSigner
from btt_desktop.wallet.types import SendQuote, TransferUpdate
from btt_desktop.wallet.walletfile import Account


@dataclass(frozen=True)
class SignedTransfer:
    """A transfer ``WalletService.sign_send`` signed and ``broadcast`` sends.

    ``transaction`` is the signed tronpy ``AsyncTransaction`` (a signature is public: no
    secret in here). The node refuses it once it expires, 60 s after it was built.
    ``request_id`` is the one its TransactionStatus events carry."""

    transaction: Any = field(repr=False, compare=False)
    txid: str
    quote: SendQuote
    request_id: int = 0

    @property
    def expired(self) -> bool:
        return bool(self.transaction.is_expired)


class StatusPublisher:
    """Publishes the TransactionStatus events of one transfer."""

    def __init__(self, bus: EventBus, request_id: int, quote: SendQuote,
                 txid: str | None = None) -> None:
        self.bus = bus
        self.request_id = request_id
        self.quote = quote
        self.txid = txid  # the last one known: a "failed" event names it

    def __call__(self, state: str, txid: str | None, message: str | None = None) -> None:
        self.txid = txid or self.txid
        quote = self.quote
        self.bus.publish(events.TransactionStatus(TransferUpdate(
            self.request_id, state, txid, quote.token, quote.amount, quote.to, message)))

    def progress(self, state: str, txid: str | None) -> None:
        """For ChainClient's ``on_status``: everything but "failed", which
        :meth:`reporting` publishes with the reason."""
        self.txid = txid or self.txid
        if state != "failed":
            self(state, txid)

    @contextlib.contextmanager
    def reporting(self) -> Iterator[None]:
        """Publish "failed" with the one-line reason of a BttError raised inside."""
        try:
            yield
        except BttError as exc:
            self("failed", self.txid, str(exc))
            raise


def token_for(network: Network, symbol: str) -> Token:
    upper = symbol.strip().upper()
    if upper == "TRX":
        return TRX
    if upper == "BTT":
        btt = network.btt
        if btt is None:
            raise ChainError(network.btt_missing_reason or "no BTT on this network")
        return btt
    raise WalletError(f"unknown token {symbol!r}: use TRX or BTT")


async def quote_transfer(client: ChainClient, network: Network, sender: Account, to: str,
                         amount: str, token: str) -> SendQuote:
    """Check a transfer of ``amount`` (decimal text) from ``sender`` and estimate its fee."""
    recipient = hdkeys.normalize_address(to)
    chosen = token_for(network, token)
    units = parse_amount(amount, chosen.decimals, chosen.symbol)
    owner = sender.address
    if recipient == owner:
        raise WalletError("the recipient is this wallet's own address")
    await client.check_funds(owner, units, chosen)
    fee = await client.estimate_transfer(owner, recipient, units, chosen)
    await client.check_funds(owner, units, chosen, fee)
    return SendQuote(owner, sender.index, recipient, chosen.symbol, chosen.decimals, units,
                     fee, network.name)


async def sign_transfer(client: ChainClient, network: Network, signer: WalletSigner,
                        quote: SendQuote, publish: StatusPublisher) -> SignedTransfer:
    """Have the node build ``quote``'s transaction and sign it (not sent yet)."""
    if signer.address != quote.from_address:
        raise WalletError(f"this transfer is from {quote.from_address}, not from "
                          f"{signer.address}: prepare it again")
    publish("building", None)
    transaction = await client.build_transfer(quote.from_address, quote.to, quote.amount,
                                              token_for(network, quote.token), fee=quote.fee)
    signer.sign_transaction(transaction)
    txid = str(transaction.txid)
    publish("signed", txid)
    return SignedTransfer(transaction, txid, quote, publish.request_id)


async def broadcast_transfer(client: ChainClient, signed: SignedTransfer,
                             publish: StatusPublisher) -> TransferResult:
    """Send a signed transfer and wait until it is in a block."""
    return await client.broadcast_and_confirm(signed.transaction, on_status=publish.progress)
