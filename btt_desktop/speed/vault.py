"""The Speed vault: where a requester's BTT waits until a provider cashes a cheque.

:class:`Vault` is what the rest of Speed uses. :class:`ContractVault` implements it
over tronpy's ``AsyncTron`` for any node that serves the SpeedVault ABI
(``resources/abi/SpeedVault.json``): the devnet, where the vault is native, and later
a contract on nile or mainnet. A vault is named by its owner's address; the contract
address is where all vaults of a network live.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable
from importlib import resources
from typing import Any, Protocol, TypeVar

import httpx
from tronpy import AsyncTron
from tronpy.async_contract import AsyncContract
from tronpy.exceptions import (
    AddressNotFound,
    ApiError,
    TransactionError,
    TvmError,
    UnknownError,
    ValidationError,
)
from tronpy.keys import PrivateKey

from btt_desktop.errors import ChainError
from btt_desktop.speed.cheque import Cheque

T = TypeVar("T")
DEFAULT_FEE_LIMIT = 100_000_000  # 100 TRX in sun: the most one vault call may burn
CONFIRM_TIMEOUT = 60.0


def speed_vault_abi() -> list[dict[str, Any]]:
    """The SpeedVault ABI shipped in the package's resources."""
    path = resources.files("btt_desktop") / "resources" / "abi" / "SpeedVault.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = data["abi"] if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise ChainError("SpeedVault ABI resource is malformed")
    return entries


class Vault(Protocol):
    """The operations Speed needs from a vault, whatever implements it."""

    async def balance_of(self, owner: str) -> int: ...

    async def withdrawal_of(self, owner: str) -> tuple[int, int]:
        """(amount announced, unix time it can be withdrawn); (0, 0) if none."""
        ...

    async def paid_out(self, owner: str, beneficiary: str) -> int: ...

    async def deposit(self, key: PrivateKey, amount: int) -> None: ...

    async def announce_withdrawal(self, key: PrivateKey, amount: int) -> None: ...

    async def withdraw(self, key: PrivateKey) -> int: ...

    async def cash(self, key: PrivateKey, cheque: Cheque) -> int:
        """Cash ``cheque`` (sent by ``key``'s account, which pays the fee); amount paid."""
        ...


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__


class ContractVault:
    """:class:`Vault` over the SpeedVault ABI at ``address`` through ``client``."""

    def __init__(self, client: AsyncTron, address: str, *,
                 fee_limit: int = DEFAULT_FEE_LIMIT) -> None:
        self._client = client
        self.address = address
        self._fee_limit = fee_limit
        self._contract: AsyncContract | None = None
        self._token: AsyncContract | None = None

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
            raise ChainError(f"vault refused {what}: {_one_line(exc)}") from None
        except (ApiError, TransactionError, ValidationError, UnknownError,
                AddressNotFound) as exc:
            raise ChainError(f"node refused {what}: {_one_line(exc)}") from None
        except (httpx.HTTPError, OSError, TimeoutError) as exc:
            raise ChainError(f"cannot reach the node for {what}: {_one_line(exc)}") from None

    async def _view(self, name: str, *args: Any) -> Any:
        return await self._call(name, self.contract().functions[name](*args))

    async def _send(self, key: PrivateKey, contract: AsyncContract, name: str,
                    *args: Any) -> Any:
        owner = key.public_key.to_base58check_address()

        async def run() -> Any:
            builder = await contract.functions[name](*args)
            tx = await builder.with_owner(owner).fee_limit(self._fee_limit).build()
            sent = await tx.sign(key).broadcast()
            return await sent.result(timeout=CONFIRM_TIMEOUT, interval=0.2)

        return await self._call(name, run())

    async def network_id(self) -> bytes:
        return bytes(await self._view("networkId"))

    async def notice_period(self) -> int:
        return int(await self._view("noticePeriod"))

    async def balance_of(self, owner: str) -> int:
        return int(await self._view("balanceOf", owner))

    async def withdrawal_of(self, owner: str) -> tuple[int, int]:
        amount, ready_at = await self._view("withdrawalOf", owner)
        return int(amount), int(ready_at)

    async def paid_out(self, owner: str, beneficiary: str) -> int:
        return int(await self._view("paidOut", owner, beneficiary))

    async def cheque_digest(self, owner: str, beneficiary: str, cum: int) -> bytes:
        return bytes(await self._view("chequeDigest", owner, beneficiary, cum))

    async def _token_contract(self) -> AsyncContract:
        if self._token is None:
            token = await self._view("token")
            self._token = await self._call("token", self._client.get_contract(token))
        return self._token

    async def deposit(self, key: PrivateKey, amount: int) -> None:
        """Approve the vault to take ``amount`` BTT base units, then deposit them."""
        if amount <= 0:
            raise ChainError("deposit must be a positive amount")
        token = await self._token_contract()
        await self._send(key, token, "approve", self.address, amount)
        await self._send(key, self.contract(), "deposit", amount)

    async def announce_withdrawal(self, key: PrivateKey, amount: int) -> None:
        await self._send(key, self.contract(), "announceWithdrawal", amount)

    async def withdraw(self, key: PrivateKey) -> int:
        return int(await self._send(key, self.contract(), "withdraw"))

    async def cash(self, key: PrivateKey, cheque: Cheque) -> int:
        return int(await self._send(key, self.contract(), "cash", cheque.vault, cheque.to,
                                    cheque.cum, cheque.sig))
