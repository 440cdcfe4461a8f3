"""The Speed vault: where a requester's BTT waits until a provider cashes a cheque.

:class:`ContractVault` speaks to a deployed SpeedVault contract
(``resources/contracts/SpeedVault.sol``, the same bytecode on the devnet, nile and
mainnet) through tronpy's ``AsyncTron``. A vault is named by its owner's address; the
contract address is where all vaults of a network live.

Nothing doomed is broadcast: every transaction is first run as a constant call with the
same sender and arguments, and a revert ends in a :class:`ChainError` holding the
contract's reason, with no energy spent. Signing is the wallet's: callers pass a
:class:`TransactionSigner` (the wallet's signer), never a key.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol, TypeVar

import httpx
from eth_abi.exceptions import DecodingError
from tronpy import AsyncTron
from tronpy.abi import trx_abi
from tronpy.async_contract import AsyncContract
from tronpy.exceptions import (
    AddressNotFound,
    ApiError,
    TransactionError,
    TvmError,
    UnknownError,
    ValidationError,
)

from btt_desktop.errors import ChainError, one_line
from btt_desktop.speed.cheque import Cheque
from btt_desktop.speed.deployments import speed_vault_abi
from btt_desktop.wallet.amounts import BTT_DECIMALS, format_amount

log = logging.getLogger(__name__)

T = TypeVar("T")
MAX_FEE_LIMIT = 150_000_000  # 150 TRX in sun: the most one vault call may burn
FEE_LIMIT_MARGIN = 1.5       # fee limit = estimated energy cost x this
BANDWIDTH_BYTES = 420        # a vault call's transaction, signature and result overhead
CONFIRM_TIMEOUT = 60.0
TRC20_ABI: list[dict[str, Any]] = [
    {"type": "function", "name": name, "stateMutability": mutability,
     "inputs": [{"name": n, "type": t} for n, t in inputs],
     "outputs": [{"name": "", "type": out}]}
    for name, mutability, inputs, out in (
        ("balanceOf", "view", (("owner", "address"),), "uint256"),
        ("allowance", "view", (("owner", "address"), ("spender", "address")), "uint256"),
        ("approve", "nonpayable", (("spender", "address"), ("value", "uint256")), "bool"),
    )
]


class DepositStep(StrEnum):
    """A transaction of a deposit (the value is the contract method it calls)."""

    APPROVE = "approve"
    DEPOSIT = "deposit"


class TransactionSigner(Protocol):
    """Signs tronpy transactions for one address (the wallet's signer)."""

    @property
    def address(self) -> str: ...

    def sign_transaction(self, tx: Any) -> Any: ...


@dataclass(frozen=True)
class CallQuote:
    """What a vault transaction will cost before it is signed (sun = 10^-6 TRX)."""

    energy: int           # energy the call needs
    energy_price: int     # sun per energy unit the chain burns
    bandwidth_bytes: int  # an estimate; burnt at 1,000 sun a byte beyond the free allowance

    @property
    def energy_sun(self) -> int:
        return self.energy * self.energy_price

    @property
    def max_fee_sun(self) -> int:
        """The fee if no free bandwidth is left (what a confirmation should show)."""
        return self.energy_sun + self.bandwidth_bytes * 1_000

    @property
    def fee_limit(self) -> int:
        return min(MAX_FEE_LIMIT, max(1_000_000, int(self.energy_sun * FEE_LIMIT_MARGIN)))


def _line(exc: BaseException) -> str:
    return one_line(exc, 200, typed=False)


@dataclass(frozen=True)
class SentCall:
    txid: str
    result: Any        # the function's decoded return value
    fee_sun: int       # what the network burnt


def _reason(text: str) -> str:
    """The contract's own words from tronpy's "REVERT opcode executed: <reason>"."""
    head, sep, tail = text.partition(": ")
    return tail if sep and "REVERT" in head else text


class ContractVault:
    """The SpeedVault contract at ``address`` through ``client``."""

    def __init__(self, client: AsyncTron, address: str) -> None:
        self._client = client
        self.address = address
        self._contract: AsyncContract | None = None
        self._token: AsyncContract | None = None
        self._energy_price: int | None = None

    def __repr__(self) -> str:
        return f"ContractVault({self.address})"

    def contract(self) -> AsyncContract:
        if self._contract is None:
            self._contract = AsyncContract(addr=self.address, abi=speed_vault_abi(),
                                           client=self._client)
        return self._contract

    async def _call(self, what: str, awaitable: Awaitable[T]) -> T:
        try:
            return await awaitable
        except TvmError as exc:
            raise ChainError(f"the vault refused {what}: {_reason(_line(exc))}") from None
        except (ApiError, TransactionError, ValidationError, UnknownError,
                AddressNotFound) as exc:
            raise ChainError(f"node refused {what}: {_line(exc)}") from None
        except (httpx.HTTPError, OSError, TimeoutError) as exc:
            raise ChainError(f"cannot reach the node for {what}: {_line(exc)}") from None

    async def _view(self, name: str, *args: Any) -> Any:
        return await self._call(name, self.contract().functions[name](*args))

    # ---- what the contract says -------------------------------------------------------

    async def runtime_code(self) -> bytes:
        info = await self._call("getcontractinfo", self._client.get_contract_info(self.address))
        try:
            return bytes.fromhex(str(info.get("runtimecode", "")))
        except ValueError:
            return b""

    async def network_id(self) -> bytes:
        return bytes(await self._view("networkId"))

    async def chain_id(self) -> int:
        return int(await self._view("chainId"))

    async def domain_separator(self) -> bytes:
        return bytes(await self._view("domainSeparator"))

    async def notice_period(self) -> int:
        return int(await self._view("noticePeriod"))

    async def balance_of(self, owner: str) -> int:
        return int(await self._view("balanceOf", owner))

    async def withdrawal_of(self, owner: str) -> tuple[int, int]:
        """(amount announced, unix time it can be withdrawn); (0, 0) if none."""
        amount, ready_at = await self._view("withdrawalOf", owner)
        return int(amount), int(ready_at)

    async def paid_out(self, owner: str, beneficiary: str) -> int:
        return int(await self._view("paidOut", owner, beneficiary))

    async def cheque_digest(self, owner: str, beneficiary: str, cum: int) -> bytes:
        return bytes(await self._view("chequeDigest", owner, beneficiary, cum))

    async def token(self) -> AsyncContract:
        if self._token is None:
            address = await self._view("token")
            self._token = AsyncContract(addr=address, abi=TRC20_ABI, client=self._client)
        return self._token

    async def token_balance(self, owner: str) -> int:
        token = await self.token()
        return int(await self._call("balanceOf", token.functions.balanceOf(owner)))

    async def allowance(self, owner: str) -> int:
        token = await self.token()
        return int(await self._call("allowance",
                                    token.functions.allowance(owner, self.address)))

    # ---- preflight and fees ---------------------------------------------------------------

    async def energy_price(self) -> int:
        if self._energy_price is None:
            params = await self._call("getchainparameters", self._client.get_chain_parameters())
            prices = {p.get("key"): p.get("value", 0) for p in params or []
                      if isinstance(p, dict)}
            self._energy_price = int(prices.get("getEnergyFee") or 100)
        return self._energy_price

    async def quote(self, owner: str, contract: AsyncContract, name: str,
                    *args: Any) -> CallQuote:
        """Run the call as ``owner`` without keeping its effects (a revert raises
        ChainError with the contract's reason) and estimate its cost."""
        function = contract.functions[name]
        parameter = trx_abi.encode_single(function.input_type, args).hex() if args else ""
        selector = function.function_signature
        provider = self._client.provider
        body = {"owner_address": owner, "contract_address": contract.contract_address,
                "function_selector": selector, "parameter": parameter, "visible": True}
        reply = await self._call(name, provider.make_request("wallet/triggerconstantcontract",
                                                            body))
        result = reply.get("result", {}) if isinstance(reply, dict) else {}
        if not result.get("result") or result.get("message"):
            raise ChainError(f"the vault would refuse {name}: "
                             f"{_revert_text(reply) or 'the call fails'}")
        energy = int(reply.get("energy_used") or 0)
        try:
            estimate = await provider.make_request("wallet/estimateenergy", body)
            if isinstance(estimate, dict) and estimate.get("energy_required"):
                energy = max(energy, int(estimate["energy_required"]))
        except (httpx.HTTPError, OSError, TimeoutError, ValueError):
            log.debug("no estimateenergy on this node: using the constant call's energy")
        return CallQuote(energy, await self.energy_price(), BANDWIDTH_BYTES)

    async def _send(self, signer: TransactionSigner, contract: AsyncContract, name: str,
                    *args: Any, quote: CallQuote | None = None) -> SentCall:
        owner = signer.address
        quote = quote or await self.quote(owner, contract, name, *args)

        async def run() -> SentCall:
            builder = await contract.functions[name](*args)
            tx = await builder.with_owner(owner).fee_limit(quote.fee_limit).build()
            sent = await signer.sign_transaction(tx).broadcast()
            txid = str(sent.txid)
            try:
                value = await sent.result(timeout=CONFIRM_TIMEOUT, interval=0.3)
            except TvmError as exc:
                raise ChainError(f"the vault refused {name} (transaction {txid}): "
                                 f"{_reason(_line(exc))}") from None
            info = await sent.wait(timeout=CONFIRM_TIMEOUT, interval=0.3)
            return SentCall(txid, value, int(info.get("fee", 0)))

        return await self._call(name, run())

    # ---- transactions -----------------------------------------------------------------------

    async def quote_deposit(self, owner: str, amount: int
                            ) -> list[tuple[DepositStep, CallQuote]]:
        """The transactions a deposit of ``amount`` needs, each with its cost: an
        ``approve`` when the allowance is short, then ``deposit``. Refuses in one line
        when the wallet's BTT cannot cover it."""
        if amount <= 0:
            raise ChainError("a deposit must be a positive amount")
        have = await self.token_balance(owner)
        if have < amount:
            raise ChainError(f"not enough BTT for the deposit: the wallet holds "
                             f"{format_amount(have, BTT_DECIMALS)} BTT, the deposit needs "
                             f"{format_amount(amount, BTT_DECIMALS)} BTT")
        steps: list[tuple[DepositStep, CallQuote]] = []
        if await self.allowance(owner) < amount:
            approval = await self.quote(owner, await self.token(), "approve", self.address,
                                        amount)
            steps.append((DepositStep.APPROVE, approval))
            # deposit cannot be run before the approval exists: same shape as a first deposit
            steps.append((DepositStep.DEPOSIT, CallQuote(75_000, await self.energy_price(),
                                               BANDWIDTH_BYTES)))
        else:
            steps.append((DepositStep.DEPOSIT, await self.quote(owner, self.contract(), "deposit",
                                                      amount)))
        return steps

    async def deposit(self, signer: TransactionSigner, amount: int) -> list[SentCall]:
        """Approve the vault for exactly ``amount`` when needed, then deposit it. If the
        deposit then fails, the approval is withdrawn (set to 0): no allowance is left
        open after a failure."""
        sent = []
        approved = False
        for step, _ in await self.quote_deposit(signer.address, amount):
            if step is DepositStep.APPROVE:
                sent.append(await self._send(signer, await self.token(), "approve",
                                             self.address, amount))
                approved = True
                continue
            try:
                sent.append(await self._send(signer, self.contract(), "deposit", amount))
            except ChainError:
                if approved:
                    with contextlib.suppress(ChainError):
                        await self._send(signer, await self.token(), "approve", self.address, 0)
                raise
        return sent

    async def announce_withdrawal(self, signer: TransactionSigner, amount: int) -> SentCall:
        return await self._send(signer, self.contract(), "announceWithdrawal", amount)

    async def withdraw(self, signer: TransactionSigner) -> SentCall:
        return await self._send(signer, self.contract(), "withdraw")

    async def quote_cash(self, caller: str, cheque: Cheque) -> CallQuote:
        return await self.quote(caller, self.contract(), "cash", cheque.vault, cheque.to,
                                cheque.cum, cheque.sig)

    async def cash(self, signer: TransactionSigner, cheque: Cheque,
                   quote: CallQuote | None = None) -> SentCall:
        """Cash ``cheque`` (``signer``'s account pays the fee)."""
        return await self._send(signer, self.contract(), "cash", cheque.vault, cheque.to,
                                cheque.cum, cheque.sig, quote=quote)

    async def cash_batch(self, signer: TransactionSigner, cheques: Sequence[Cheque],
                         quote: CallQuote | None = None) -> SentCall:
        """Cash cheques of several vaults to one beneficiary in one transaction."""
        if not cheques or len({c.to for c in cheques}) != 1:
            raise ChainError("a batch cashes cheques of one beneficiary")
        args = (cheques[0].to, [c.vault for c in cheques], [c.cum for c in cheques],
                [c.sig for c in cheques])
        return await self._send(signer, self.contract(), "cashBatch", *args, quote=quote)

    async def quote_cash_batch(self, caller: str, cheques: Sequence[Cheque]) -> CallQuote:
        return await self.quote(caller, self.contract(), "cashBatch", cheques[0].to,
                                [c.vault for c in cheques], [c.cum for c in cheques],
                                [c.sig for c in cheques])


def _revert_text(reply: Any) -> str:
    """The ``Error(string)`` reason of a failed constant call, or its message."""
    try:
        data = bytes.fromhex(reply["constant_result"][0])
        if data[:4] == bytes.fromhex("08c379a0"):
            # decode, not decode_single: tronpy's decode_single reads the string's
            # offset word as its length and returns garbage
            return str(trx_abi.decode(["string"], data[4:])[0])
    except (KeyError, IndexError, TypeError, ValueError, DecodingError):
        pass
    message = (reply.get("result") or {}).get("message", "") if isinstance(reply, dict) else ""
    try:
        return bytes.fromhex(message).decode("utf-8", "replace")
    except ValueError:
        return str(message)[:200]
