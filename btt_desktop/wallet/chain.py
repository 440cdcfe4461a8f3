"""The TRON chain client: balances, fee estimates, transfers, history. tronpy's AsyncTron.

It holds no key: transfers are built unsigned here, signed by the wallet's
``WalletSigner`` (wallet/signer.py), and broadcast here.

Every request has a timeout; every failure becomes a :class:`ChainError` whose text is
one line a user can act on ("node unreachable: http://...", "insufficient BTT balance:
have 1, need 2"). Amounts are integers in base units (sun for TRX).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import httpx
from tronpy import AsyncTron
from tronpy import exceptions as tron_errors
from tronpy.async_contract import AsyncContract
from tronpy.keys import to_hex_address
from tronpy.providers.async_http import AsyncHTTPProvider

from btt_desktop.errors import ChainError, one_line
from btt_desktop.wallet import hdkeys, history
from btt_desktop.wallet.amounts import TRX, Token, format_amount
from btt_desktop.wallet.history import TxRecord
from btt_desktop.wallet.networks import Network
from btt_desktop.wallet.txid import raw_data_bytes

log = logging.getLogger(__name__)

T = TypeVar("T")

DEFAULT_TIMEOUT = 10.0
DEFAULT_CONFIRM_TIMEOUT = 90.0
SUN_PER_TRX = 1_000_000

# Fallbacks when the node does not publish a chain parameter (mainnet values).
_DEFAULT_PARAMS = {
    "getTransactionFee": 1_000,
    "getEnergyFee": 100,
    "getCreateAccountFee": 100_000,
    "getCreateNewAccountFeeInSystemContract": 1_000_000,
    "getMaxFeeLimit": 15_000_000_000,
}
_RESULT_OVERHEAD = 64     # java-tron counts this on top of a transaction's size
_SIGNATURE_FIELD = 67     # tag + length + 65-byte signature
_FEE_LIMIT_MARGIN = 1.3   # fee limit = estimated energy cost * this
_MIN_FEE_LIMIT = 1 * SUN_PER_TRX

TRC20_ABI: list[dict[str, Any]] = [
    {"type": "function", "name": "balanceOf", "stateMutability": "view",
     "inputs": [{"name": "owner", "type": "address"}],
     "outputs": [{"name": "", "type": "uint256"}]},
    {"type": "function", "name": "transfer", "stateMutability": "nonpayable",
     "inputs": [{"name": "to", "type": "address"}, {"name": "value", "type": "uint256"}],
     "outputs": [{"name": "", "type": "bool"}]},
]


@dataclass(frozen=True)
class ChainBalances:
    trx: int              # sun
    btt: int | None       # BTT base units; None when the network has no BTT contract
    activated: bool       # the account exists on chain (has received TRX at least once)


@dataclass(frozen=True)
class FeeEstimate:
    """What a transfer will cost, before it is signed. All amounts in sun."""

    bandwidth_bytes: int
    bandwidth_free: int       # bytes the account may use without burning TRX
    energy: int               # 0 for a TRX transfer
    energy_free: int
    activation_sun: int       # creating the recipient's account (TRX to a new address)
    burn_sun: int             # total TRX the network is expected to burn
    fee_limit_sun: int | None  # cap written into a TRC-20 transaction

    @property
    def burn_trx(self) -> str:
        return format_amount(self.burn_sun, TRX.decimals)


@dataclass(frozen=True)
class TransferResult:
    txid: str
    fee_sun: int
    block: int | None


StatusCallback = Callable[[str, str | None], None]  # (state, txid)


class TransactionSigner(Protocol):
    """What signs a transaction for :meth:`ChainClient.transfer`: the wallet's
    ``WalletSigner`` (wallet/signer.py). The chain client never sees a key."""

    @property
    def address(self) -> str: ...

    def sign_transaction(self, tx: Any) -> Any: ...


class ChainClient:
    """One node connection. Create per network; ``await close()`` when done."""

    def __init__(self, network: Network, *, timeout: float = DEFAULT_TIMEOUT,
                 confirm_timeout: float = DEFAULT_CONFIRM_TIMEOUT,
                 poll_interval: float | None = None) -> None:
        self.network = network
        self.timeout = timeout
        self.confirm_timeout = confirm_timeout
        # a devnet seals blocks every 0.5 s by default, TRON every 3 s
        self.poll_interval = poll_interval or (0.2 if network.name == "devnet" else 1.0)
        headers = {"TRON-PRO-API-KEY": network.api_key} if network.api_key else {}
        self._http = httpx.AsyncClient(timeout=httpx.Timeout(timeout), headers=headers)
        provider = AsyncHTTPProvider(network.node_url + "/", timeout=timeout, client=self._http)
        provider.use_api_key = False  # our header above; never tronpy's shared default keys
        self._tron = AsyncTron(provider=provider, conf={"timeout": timeout})
        self._params: dict[str, int] | None = None

    def __repr__(self) -> str:
        return f"<ChainClient {self.network.name} {self.network.node_url}>"

    async def close(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> ChainClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # --- error mapping ------------------------------------------------------------------

    async def _call(self, awaitable: Awaitable[T]) -> T:
        async with self._errors():
            return await awaitable

    @contextlib.asynccontextmanager
    async def _errors(self) -> AsyncIterator[None]:
        url = self.network.node_url
        try:
            yield
        except ChainError:
            raise
        except httpx.TimeoutException:
            raise ChainError(f"node did not answer within {self.timeout:g} s: {url}") from None
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.NetworkError):
            raise ChainError(f"node unreachable: {url}") from None
        except httpx.HTTPStatusError as exc:
            code = exc.response.status_code
            if code in (401, 403) and "trongrid" in url:
                raise ChainError(f"TronGrid refused the request (HTTP {code}): check the API "
                                 f"key or wait for the rate limit") from None
            if code == 429:
                raise ChainError(f"node rate limit reached (HTTP 429): {url}") from None
            raise ChainError(f"node error: HTTP {code} from {url}") from None
        except httpx.HTTPError as exc:
            raise ChainError(f"node request failed ({type(exc).__name__}): {url}") from None
        except json.JSONDecodeError:
            raise ChainError(f"node answered with something that is not JSON: {url}") from None
        except (tron_errors.ValidationError, tron_errors.TransactionError,
                tron_errors.TaposError, tron_errors.BadSignature, tron_errors.UnknownError,
                tron_errors.ApiError, tron_errors.TvmError) as exc:
            detail = one_line(exc.args[0] if exc.args else type(exc).__name__, 200)
            raise ChainError(f"node refused: {detail}") from None

    # --- chain parameters ---------------------------------------------------------------

    async def chain_parameters(self) -> dict[str, int]:
        if self._params is None:
            raw = await self._call(self._tron.get_chain_parameters())
            params = dict(_DEFAULT_PARAMS)
            for entry in raw or []:
                if isinstance(entry, dict) and "key" in entry:
                    params[str(entry["key"])] = int(entry.get("value", 0))
            self._params = params
        return self._params

    async def node_info(self) -> dict[str, Any]:
        info = await self._call(self._tron.get_node_info())
        return info if isinstance(info, dict) else {}

    async def get_json(self, path: str, params: dict[str, Any] | None = None) -> Any:
        """GET ``<node>/<path>`` (TronGrid v1 API) with the same error mapping."""
        async with self._errors():
            response = await self._http.get(f"{self.network.node_url}/{path.lstrip('/')}",
                                             params=params)
            response.raise_for_status()
            return response.json()

    async def post_json(self, path: str, body: dict[str, Any] | None = None) -> Any:
        """POST ``<node>/<path>`` (devnet extras such as ``devnet/info``)."""
        async with self._errors():
            response = await self._http.post(f"{self.network.node_url}/{path.lstrip('/')}",
                                              json=body or {})
            response.raise_for_status()
            return response.json()

    async def devnet_info(self) -> dict[str, Any]:
        """What a devnet says about itself (BTT contract, network id); {} if it says
        nothing (another kind of node)."""
        try:
            info = await self.post_json("devnet/info")
        except ChainError as exc:
            if "HTTP 404" not in str(exc):
                raise
            info = {}
        return info if isinstance(info, dict) else {}

    # --- balances -----------------------------------------------------------------------

    def _btt_contract(self) -> AsyncContract:
        if self.network.btt_contract is None:
            raise ChainError(self.network.btt_missing_reason or "no BTT contract on this network")
        return AsyncContract(addr=self.network.btt_contract, abi=TRC20_ABI, client=self._tron)

    async def _account(self, address: str) -> dict[str, Any] | None:
        try:
            account = await self._call(self._tron.get_account(address))
        except tron_errors.AddressNotFound:
            return None
        return account if isinstance(account, dict) else None

    async def trx_balance(self, address: str) -> tuple[int, bool]:
        """(sun, activated)."""
        account = await self._account(address)
        if account is None:
            return 0, False
        return int(account.get("balance", 0)), True

    async def token_balance(self, token: Token, address: str) -> int:
        if token.is_native:
            return (await self.trx_balance(address))[0]
        contract = AsyncContract(addr=token.contract, abi=TRC20_ABI, client=self._tron)
        value = await self._call(contract.functions.balanceOf(address))
        return int(value)

    async def balances(self, address: str) -> ChainBalances:
        btt = self.network.btt
        if btt is None:
            sun, activated = await self.trx_balance(address)
            return ChainBalances(sun, None, activated)
        (sun, activated), btt_units = await asyncio.gather(
            self.trx_balance(address), self.token_balance(btt, address)
        )
        return ChainBalances(sun, btt_units, activated)

    # --- fees ---------------------------------------------------------------------------

    async def _free_bandwidth(self, address: str) -> int:
        try:
            net = await self._call(self._tron.provider.make_request(
                "wallet/getaccountnet", {"address": address, "visible": True}))
        except tron_errors.AddressNotFound:
            return 0
        if not net:
            return 0
        free = int(net.get("freeNetLimit", 0)) - int(net.get("freeNetUsed", 0))
        staked = int(net.get("NetLimit", 0)) - int(net.get("NetUsed", 0))
        return max(0, free) + max(0, staked)

    async def _free_energy(self, address: str) -> int:
        resource = await self._call(self._tron.provider.make_request(
            "wallet/getaccountresource", {"address": address, "visible": True}))
        if not resource:
            return 0
        return max(0, int(resource.get("EnergyLimit", 0)) - int(resource.get("EnergyUsed", 0)))

    async def _estimate_energy(self, owner: str, contract: str, selector: str,
                               parameter: str) -> int:
        try:
            return int(await self._call(self._tron.get_estimated_energy(
                owner, contract, selector, parameter)))
        except (ChainError, KeyError, TypeError, ValueError):
            # Nodes without vm.estimateEnergy: a constant call reports energy_used.
            result = await self._call(self._tron.trigger_constant_contract(
                owner, contract, selector, parameter))
            return int(result.get("energy_used", 0))

    async def estimate_transfer(self, owner: str, to: str, amount: int,
                                token: Token) -> FeeEstimate:
        params = await self.chain_parameters()
        free_bw = await self._free_bandwidth(owner)
        size = transaction_size(owner, to, amount, token)
        if token.is_native:
            recipient = await self._account(to)
            if recipient is None:
                activation = (params["getCreateNewAccountFeeInSystemContract"]
                              + params["getCreateAccountFee"])
                return FeeEstimate(size, free_bw, 0, 0, activation, activation, None)
            bw_burn = 0 if free_bw >= size else size * params["getTransactionFee"]
            return FeeEstimate(size, free_bw, 0, 0, 0, bw_burn, None)
        assert token.contract is not None
        energy, free_energy = await asyncio.gather(
            self._estimate_energy(owner, token.contract, "transfer(address,uint256)",
                                  _transfer_parameter(to, amount)),
            self._free_energy(owner),
        )
        energy_price = params["getEnergyFee"]
        energy_burn = max(0, energy - free_energy) * energy_price
        bw_burn = 0 if free_bw >= size else size * params["getTransactionFee"]
        fee_limit = min(max(int(energy * energy_price * _FEE_LIMIT_MARGIN), _MIN_FEE_LIMIT),
                        params["getMaxFeeLimit"])
        return FeeEstimate(size, free_bw, energy, free_energy, 0, energy_burn + bw_burn,
                           fee_limit)

    async def check_funds(self, owner: str, amount: int, token: Token,
                          fee: FeeEstimate | None = None) -> None:
        """Raise a one-line ChainError when the owner cannot pay ``amount`` (plus ``fee``,
        when known). Called before estimating too: a TRC-20 estimate of an unaffordable
        transfer only yields the contract's revert message."""
        sun, _ = await self.trx_balance(owner)
        burn = fee.burn_sun if fee is not None else 0
        if token.is_native:
            if sun < amount + burn:
                detail = (f" ({format_amount(amount, 6)} + {format_amount(burn, 6)} fee)"
                          if burn else "")
                raise ChainError(
                    f"insufficient TRX balance: have {format_amount(sun, 6)}, "
                    f"need {format_amount(amount + burn, 6)}{detail}")
            return
        have = await self.token_balance(token, owner)
        if have < amount:
            have_text = format_amount(have, token.decimals)
            need_text = format_amount(amount, token.decimals)
            raise ChainError(
                f"insufficient {token.symbol} balance: have {have_text}, need {need_text}")
        if sun < burn:
            raise ChainError(
                f"insufficient TRX for the fee: have {format_amount(sun, 6)}, need about "
                f"{format_amount(burn, 6)} (energy and bandwidth are paid in TRX)")

    # --- sending ------------------------------------------------------------------------

    async def build_transfer(self, owner: str, to: str, amount: int, token: Token, *,
                             fee: FeeEstimate | None = None) -> Any:
        """An unsigned transfer of ``amount`` base units of ``token`` from ``owner``, built
        by the node (a tronpy ``AsyncTransaction``; it expires after 60 s).

        Checks the funds first (with ``fee``, estimated here when not given); a TRC-20
        transfer carries ``fee.fee_limit_sun`` as its fee limit."""
        to = hdkeys.normalize_address(to)
        owner = hdkeys.normalize_address(owner)
        if amount <= 0:
            raise ChainError("the amount must be more than 0")
        if fee is None:
            await self.check_funds(owner, amount, token)
            fee = await self.estimate_transfer(owner, to, amount, token)
        await self.check_funds(owner, amount, token, fee)
        if token.is_native:
            builder = self._tron.trx.transfer(owner, to, amount)
        else:
            contract = AsyncContract(addr=token.contract, abi=TRC20_ABI, client=self._tron)
            method = contract.functions.transfer
            method.with_owner(owner)
            builder = await self._call(method(to, amount))
            builder.fee_limit(fee.fee_limit_sun or _MIN_FEE_LIMIT)
        return await self._call(builder.build())

    async def broadcast(self, transaction: Any) -> str:
        """Send a signed transaction to the node; its txid once the node accepted it.

        A transaction the node already has gives "transaction <txid> was already
        broadcast"; an expired one is refused before it is sent."""
        txid = str(transaction.txid)
        if transaction.is_expired:
            raise ChainError(f"transaction {txid} expired before it was broadcast: "
                             f"sign it again")
        async with self._errors():
            try:
                await self._tron.broadcast(transaction)
            except tron_errors.UnknownError as exc:
                if len(exc.args) > 1 and exc.args[1] == "DUP_TRANSACTION_ERROR":
                    raise ChainError(f"transaction {txid} was already broadcast") from None
                raise
        return txid

    async def broadcast_and_confirm(self, transaction: Any, *,
                                    on_status: StatusCallback | None = None) -> TransferResult:
        """Broadcast a signed transaction and wait until it is in a block.

        ``on_status`` sees ("broadcast", txid), ("pending", txid) and finally
        ("confirmed", txid) or ("failed", txid); a failure raises ChainError."""
        txid = await self.broadcast(transaction)
        if on_status is not None:
            on_status("broadcast", txid)
        info = await self.wait_for_confirmation(txid, on_status)
        return TransferResult(txid, int(info.get("fee", 0)), info.get("blockNumber"))

    async def transfer(self, signer: TransactionSigner, to: str, amount: int, token: Token, *,
                       fee: FeeEstimate | None = None,
                       on_status: StatusCallback | None = None) -> TransferResult:
        """Build, sign with ``signer``, broadcast and wait until the transaction is in a
        block, in one call (the wallet's own sends sign and broadcast in two steps).

        ``on_status`` sees ("building", None), ("signed", txid), then what
        :meth:`broadcast_and_confirm` reports."""
        notify: StatusCallback = on_status or (lambda state, txid: None)
        notify("building", None)
        transaction = await self.build_transfer(signer.address, to, amount, token, fee=fee)
        signer.sign_transaction(transaction)
        notify("signed", str(transaction.txid))
        return await self.broadcast_and_confirm(transaction, on_status=notify)

    async def wait_for_confirmation(self, txid: str,
                                    notify: StatusCallback | None = None) -> dict[str, Any]:
        """Poll ``gettransactioninfobyid`` until the transaction is in a block."""
        deadline = time.monotonic() + self.confirm_timeout
        pending_told = False
        while True:
            try:
                info = await self._call(self._tron.get_transaction_info(txid))
            except tron_errors.TransactionNotFound:
                info = None
            except ChainError as exc:
                # the node went away after the broadcast: the transaction may still land
                if time.monotonic() >= deadline:
                    raise ChainError(f"transaction {txid} was sent but its confirmation could "
                                     f"not be checked: {exc}") from None
                info = None
            if info:
                break
            if notify and not pending_told:
                notify("pending", txid)
                pending_told = True
            if time.monotonic() >= deadline:
                raise ChainError(f"transaction {txid} was sent but not confirmed within "
                                 f"{self.confirm_timeout:g} s; check it again later")
            await asyncio.sleep(self.poll_interval)
        receipt = info.get("receipt") or {}
        outcome = receipt.get("result")
        if info.get("result") == "FAILED" or (outcome and outcome != "SUCCESS"):
            reason = info.get("resMessage") or outcome or "FAILED"
            if isinstance(reason, str) and reason and all(c in "0123456789abcdef" for c in reason):
                with contextlib.suppress(ValueError):
                    reason = bytes.fromhex(reason).decode("utf-8", "replace")
            if notify:
                notify("failed", txid)
            raise ChainError(f"transaction {txid} failed on chain: {one_line(reason, 200)}")
        if notify:
            notify("confirmed", txid)
        return dict(info)

    # --- history (history_sync.py drives these) -----------------------------------------

    async def account_listing(self, address: str, which: str,
                              params: dict[str, Any]) -> dict[str, Any] | None:
        """One page of TronGrid's account index: ``which`` is "transactions" (GET
        ``/v1/accounts/{address}/transactions``) or "trc20" (``.../transactions/trc20``).
        None when the node has no such index (HTTP 404: a plain java-tron node)."""
        suffix = "/trc20" if which == "trc20" else ""
        url = f"{self.network.node_url}/v1/accounts/{address}/transactions{suffix}"
        query = {k: v for k, v in params.items() if v is not None}
        async with self._errors():
            response = await self._http.get(url, params=query)
            if response.status_code == 404:
                return None
            response.raise_for_status()
            data = response.json()
        return data if isinstance(data, dict) else {}

    async def transaction_info(self, txid: str) -> dict[str, Any]:
        """``gettransactioninfobyid`` (fee, receipt, logs, failure message); {} until the
        transaction is in a block."""
        try:
            info = await self._call(self._tron.get_transaction_info(txid))
        except tron_errors.TransactionNotFound:
            return {}
        return dict(info) if isinstance(info, dict) else {}

    async def contract_functions(self, address: str) -> dict[str, str]:
        """Selector (8 hex digits) -> function name, from the contract's ABI on chain."""
        reply = await self._call(self._tron.provider.make_request(
            "wallet/getcontract", {"value": address, "visible": True}))
        entries = ((reply or {}).get("abi") or {}).get("entrys") or [] \
            if isinstance(reply, dict) else []
        names: dict[str, str] = {}
        for entry in entries:
            if not isinstance(entry, dict) or str(entry.get("type", "")).lower() != "function":
                continue
            types = ",".join(str(i.get("type")) for i in entry.get("inputs") or [])
            name = str(entry.get("name", ""))
            if name:
                names[history.selector(f"{name}({types})")] = name
        return names

    async def latest_block_number(self) -> int:
        return int(await self._call(self._tron.get_latest_block_number()))

    async def blocks(self, start: int, end: int) -> list[dict[str, Any]]:
        """Blocks ``start`` to ``end - 1`` (at most 100), visible addresses."""
        reply = await self._call(self._tron.provider.make_request(
            "wallet/getblockbylimitnext", {"startNum": start, "endNum": end, "visible": True}))
        found = reply.get("block", []) if isinstance(reply, dict) else []
        return [b for b in found if isinstance(b, dict)]

    async def recent_transactions(self, address: str, limit: int = 20) -> list[TxRecord]:
        """The latest ``limit`` transactions of ``address``, newest first, asked afresh
        (the wallet service keeps a cache: ``WalletService.history``)."""
        from btt_desktop.wallet import history_sync

        return list((await history_sync.fetch(self, address, limit)).records)


# --- helpers ------------------------------------------------------------------------------

def _transfer_parameter(to: str, amount: int) -> str:
    """ABI encoding of (address, uint256) for TRC-20 ``transfer``."""
    return to_hex_address(to)[2:].rjust(64, "0") + format(amount, "x").rjust(64, "0")


def transaction_size(owner: str, to: str, amount: int, token: Token) -> int:
    """Bytes of bandwidth the signed transfer will use (java-tron's count)."""
    now = int(time.time() * 1000)
    if token.is_native:
        contract = {"type": "TransferContract", "parameter": {
            "type_url": "type.googleapis.com/protocol.TransferContract",
            "value": {"owner_address": to_hex_address(owner), "to_address": to_hex_address(to),
                      "amount": amount}}}
    else:
        assert token.contract is not None
        contract = {"type": "TriggerSmartContract", "parameter": {
            "type_url": "type.googleapis.com/protocol.TriggerSmartContract",
            "value": {"owner_address": to_hex_address(owner),
                      "contract_address": to_hex_address(token.contract),
                      "data": "a9059cbb" + _transfer_parameter(to, amount)}}}
    raw_data: dict[str, Any] = {"contract": [contract], "ref_block_bytes": "0000",
                                "ref_block_hash": "00" * 8, "expiration": now + 60_000,
                                "timestamp": now}
    if not token.is_native:
        raw_data["fee_limit"] = 100 * SUN_PER_TRX
    raw_len = len(raw_data_bytes(raw_data))
    length_prefix = 2 if raw_len < 128 else 3
    return raw_len + length_prefix + _SIGNATURE_FIELD + _RESULT_OVERHEAD
