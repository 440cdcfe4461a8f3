"""The devnet's ledger: accounts, contracts, transactions, blocks, and their rules.

Everything here is synchronous and in memory; :mod:`btt_desktop.devnet.node` drives it from
the asyncio loop (block production, persistence) and :mod:`btt_desktop.devnet.api` maps
the java-tron HTTP API onto it.

Like a java-tron node, a broadcast transaction is validated (TAPOS, expiration, duplicate,
signature, contract rules) and executed at once against the node's state; it becomes
visible through ``gettransactionbyid`` / ``gettransactioninfobyid`` when the next block
seals it. Contracts are bytecode executed by :mod:`btt_desktop.devnet.evm` with TRON's
energy costs. Fees follow mainnet's shape (:mod:`btt_desktop.devnet.fees`): bandwidth
(600 free bytes a day, then 1,000 sun per byte), 1.1 TRX to activate a new account, and
energy at 100 sun.
"""

from __future__ import annotations

import collections
import hashlib
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tronpy.keys import Signature, keccak256

from btt_desktop.devnet import abi
from btt_desktop.devnet.addresses import BTT_RAW, FAUCET_RAW, from_tvm, to_base58, to_tvm
from btt_desktop.devnet.blocks import Block
from btt_desktop.devnet.contracts import ContractRecord, genesis_btt, genesis_vault
from btt_desktop.devnet.evm import MAX_ENERGY, Evm, EvmResult, Outcome
from btt_desktop.devnet.fees import (
    BANDWIDTH_FEE,
    CREATE_ACCOUNT_FEE,
    DAY_MS,
    ENERGY_FEE,
    FREE_NET_LIMIT,
    MAX_EXPIRATION_MS,
    MAX_FEE_LIMIT,
    RECENT_BLOCKS,
    RESULT_OVERHEAD,
)
from btt_desktop.devnet.views import permission
from btt_desktop.tron.txcodec import (
    INT64_MAX,
    Tx,
    TxFormatError,
    new_contract_address,
    parse_transaction,
    tx_from_record,
    tx_to_record,
)

STATE_VERSION = 2  # 2: contracts are bytecode (1 had Python imitations of BTT and the vault)
GENESIS_ENERGY = 50_000_000
DEFAULT_WITHDRAW_NOTICE = 24 * 3600  # seconds: the vault's notice period on a new devnet


class TxRejected(Exception):
    """A broadcast java-tron would refuse: ``code`` is its response code, ``message`` its text."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class StateError(Exception):
    """The state file is unreadable or from an incompatible version."""


@dataclass
class TxEntry:
    tx: Tx
    receipt: dict[str, Any]
    block: int | None = None


@dataclass
class CallResult:
    ok: bool
    output: bytes
    energy: int
    status: str  # SUCCESS, REVERT, OUT_OF_ENERGY or ILLEGAL_OPERATION
    message: str = ""
    logs: list[dict[str, Any]] | None = None


def now_ms() -> int:
    return int(time.time() * 1000)


def devnet_network_id(genesis_id: str) -> str:
    return f"devnet:{genesis_id}"


def chain_id_of(genesis_block_id: bytes) -> int:
    """TRON's chain id: the last 4 bytes of the genesis block id (mainnet 0x2b6653dc)."""
    return int.from_bytes(genesis_block_id[-4:], "big")


def _log_json(result: EvmResult) -> list[dict[str, Any]]:
    return [{"address": log.address.hex(), "topics": [t.hex() for t in log.topics],
             "data": log.data.hex()} for log in result.logs]


class Chain:
    """All devnet state. Create with :meth:`create` or :meth:`from_state`."""

    def __init__(self, *, genesis: Block, genesis_id: str, witness: bytes,
                 withdraw_notice: int, clock: Callable[[], int] = now_ms) -> None:
        self.genesis_id = genesis_id
        self.genesis_time = genesis.timestamp
        self.witness = witness
        self.clock = clock
        self.withdraw_notice = withdraw_notice
        self.network_id = devnet_network_id(genesis_id)
        self.chain_id = chain_id_of(genesis.block_id)
        self.accounts: dict[str, dict[str, int]] = {}
        self.contracts: dict[bytes, ContractRecord] = {}
        self.evm = Evm(chain_id=self.chain_id, coinbase=to_tvm(witness))
        self.txs: dict[str, TxEntry] = {}
        self.pending: list[str] = []
        self.recent: collections.OrderedDict[int, Block] = collections.OrderedDict()
        self.kept: dict[int, Block] = {0: genesis}  # blocks with transactions, kept for good
        self.head: Block = genesis
        self._set_head(genesis)

    # ---- construction and persistence -------------------------------------------------

    @classmethod
    def create(cls, *, withdraw_notice: int, clock: Callable[[], int] = now_ms) -> Chain:
        """A new devnet: a random genesis id, BTT and the Speed vault deployed."""
        genesis_id = secrets.token_hex(8)
        witness = b"\x41" + hashlib.sha256(b"devnet witness " + genesis_id.encode()).digest()[:20]
        genesis = Block(0, clock(), hashlib.sha256(genesis_id.encode()).digest(),
                        witness).seal()
        chain = cls(genesis=genesis, genesis_id=genesis_id, witness=witness,
                    withdraw_notice=withdraw_notice, clock=clock)
        for record in (genesis_btt(witness),
                       genesis_vault(witness, notice=withdraw_notice, chain_id=chain.chain_id,
                                     network_id=chain.network_id)):
            result = chain.evm.create(caller=to_tvm(witness), address=to_tvm(record.address),
                                      init_code=record.bytecode, energy_limit=GENESIS_ENERGY,
                                      now=genesis.timestamp // 1000, block_number=0,
                                      commit=True)
            if not result.ok:
                raise StateError(f"genesis deployment of {record.name} failed: {result.error}")
            chain.contracts[record.address] = record
            chain._remember(result)
        return chain

    def to_state(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "genesis_id": self.genesis_id,
            "witness": self.witness.hex(),
            "withdraw_notice": self.withdraw_notice,
            "head": self.head.to_record(),
            "accounts": self.accounts,
            "contracts": {raw.hex(): c.to_record(self.evm.code(to_tvm(raw)))
                          for raw, c in self.contracts.items()},
            "blocks": [b.to_record() for b in self.kept.values()],
            "txs": {
                txid: {"tx": tx_to_record(e.tx), "receipt": e.receipt, "block": e.block}
                for txid, e in self.txs.items() if e.block is not None
            },
        }

    @classmethod
    def from_state(cls, state: dict[str, Any], *, clock: Callable[[], int] = now_ms) -> Chain:
        try:
            version = state.get("version")
            if version == 1:
                raise StateError("it was made by an older version whose BTT and vault were "
                                 "not contracts")
            if version != STATE_VERSION:
                raise StateError(f"unsupported devnet state version {version!r}")
            blocks = {b.number: b for b in map(Block.from_record, state["blocks"])}
            chain = cls(genesis=blocks[0], genesis_id=str(state["genesis_id"]),
                        witness=bytes.fromhex(state["witness"]),
                        withdraw_notice=int(state["withdraw_notice"]), clock=clock)
            chain.accounts = {str(k): {kk: int(vv) for kk, vv in v.items()}
                              for k, v in state["accounts"].items()}
            loaded = []
            for key, record in state["contracts"].items():
                contract, code = ContractRecord.from_record(bytes.fromhex(key), record)
                chain.contracts[contract.address] = contract
                loaded.append((to_tvm(contract.address), code, contract.storage))
            chain.evm.load(loaded)
            chain.kept.update(blocks)
            for txid, item in state["txs"].items():
                chain.txs[txid] = TxEntry(tx_from_record(item["tx"]), dict(item["receipt"]),
                                          int(item["block"]))
            chain._set_head(Block.from_record(state["head"]))
        except StateError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, TxFormatError) as exc:
            raise StateError(f"damaged devnet state: {type(exc).__name__}") from exc
        return chain

    # ---- blocks -------------------------------------------------------------------------

    def _set_head(self, block: Block) -> None:
        self.head = block
        self.recent[block.number] = block
        while len(self.recent) > RECENT_BLOCKS:
            self.recent.popitem(last=False)

    def produce_block(self) -> Block:
        """Seal the pending transactions (possibly none) into the next block."""
        timestamp = max(self.clock(), self.head.timestamp + 1)
        block = Block(self.head.number + 1, timestamp, self.head.block_id, self.witness,
                      list(self.pending)).seal()
        self.pending.clear()
        for txid in block.txids:
            entry = self.txs[txid]
            entry.block = block.number
            entry.receipt["blockNumber"] = block.number
            entry.receipt["blockTimeStamp"] = block.timestamp
        if block.txids:
            self.kept[block.number] = block
        self._set_head(block)
        return block

    def block_by_number(self, number: int) -> Block | None:
        return self.recent.get(number) or self.kept.get(number)

    def block_by_id(self, block_id: bytes) -> Block | None:
        if len(block_id) != 32:
            return None
        block = self.block_by_number(int.from_bytes(block_id[:8], "big"))
        return block if block is not None and block.block_id == block_id else None

    def tapos_ok(self, ref_bytes: bytes, ref_hash: bytes) -> bool:
        low = int.from_bytes(ref_bytes, "big")
        for number in range(self.head.number - (self.head.number - low) % 65536, -1, -65536):
            block = self.block_by_number(number)
            if block is None:
                return False
            if block.block_id[8:16] == ref_hash:
                return True
        return False

    # ---- accounts -------------------------------------------------------------------------

    def account(self, raw: bytes) -> dict[str, int] | None:
        return self.accounts.get(raw.hex())

    def balance(self, raw: bytes) -> int:
        account = self.account(raw)
        return account["balance"] if account else 0

    def _create_account(self, raw: bytes) -> dict[str, int]:
        account = {"balance": 0, "create_time": self.clock(), "net_used": 0, "net_time": 0}
        self.accounts[raw.hex()] = account
        return account

    def free_net_used(self, account: dict[str, int]) -> int:
        elapsed = self.clock() - account.get("net_time", 0)
        if elapsed >= DAY_MS:
            return 0
        return account.get("net_used", 0) * (DAY_MS - max(elapsed, 0)) // DAY_MS

    def is_contract(self, raw: bytes) -> bool:
        return raw in self.contracts

    # ---- faucet ---------------------------------------------------------------------------

    def faucet(self, raw: bytes, sun: int, btt_base: int) -> None:
        """Credit TRX and mint BTT (the faucet account calls the token's ``mint``)."""
        if self.is_contract(raw):
            raise ValueError("the faucet does not fund contracts")
        if sun:
            account = self.account(raw)
            if (account["balance"] if account else 0) + sun > INT64_MAX:
                raise ValueError("TRX balance would overflow")
        if btt_base:
            data = abi.selector_of("mint(address,uint256)") + abi.encode(
                ["address", "uint256"], [raw, btt_base])
            result = self.run_call(FAUCET_RAW, BTT_RAW, data, energy_limit=None, commit=True)
            if not result.ok:
                raise ValueError(f"minting refused: {abi.revert_reason(result.output)}")
        if sun:
            account = self.account(raw) or self._create_account(raw)
            account["balance"] += sun

    # ---- contract execution ---------------------------------------------------------------

    def _remember(self, result: EvmResult) -> None:
        """Keep the storage a committed execution changed (what :meth:`to_state` saves)."""
        for (address, slot), value in result.changes.items():
            contract = self.contracts.get(from_tvm(address))
            if contract is None:
                continue
            if value:
                contract.storage[slot] = value
            else:
                contract.storage.pop(slot, None)

    def run_call(self, caller: bytes, contract: bytes, data: bytes, *, energy_limit: int | None,
                 commit: bool) -> CallResult:
        """Execute ``data`` on ``contract`` for ``caller`` (21-byte addresses)."""
        result = self.evm.call(caller=to_tvm(caller), to=to_tvm(contract), data=data,
                               energy_limit=MAX_ENERGY if energy_limit is None else energy_limit,
                               now=self.clock() // 1000, block_number=self.head.number + 1,
                               commit=commit)
        if commit and result.ok:
            self._remember(result)
        message = result.error
        if result.outcome is Outcome.OUT_OF_ENERGY:
            message = f"Not enough energy for the call: {energy_limit} available"
        return CallResult(result.ok, result.output, result.energy, result.outcome.value,
                          message, _log_json(result))

    def energy_required(self, caller: bytes, contract: bytes, data: bytes) -> CallResult:
        """``estimateenergy``: the least energy limit with which the call succeeds.

        A call may use less energy than it needs as a limit (a child call only gets 63/64
        of what is left), so the limit is searched from what it used."""
        first = self.run_call(caller, contract, data, energy_limit=None, commit=False)
        if not first.ok:
            return first
        low, high = first.energy, first.energy
        while not self.run_call(caller, contract, data, energy_limit=high, commit=False).ok:
            low, high = high, high * 2
        while low < high:
            middle = (low + high) // 2
            if self.run_call(caller, contract, data, energy_limit=middle, commit=False).ok:
                high = middle
            else:
                low = middle + 1
        return CallResult(True, first.output, high, "SUCCESS", "", first.logs)

    # ---- transactions -------------------------------------------------------------------------

    def tx_size(self, tx: Tx) -> int:
        return len(tx.transaction_bytes()) + RESULT_OVERHEAD

    def sign_weight(self, payload: Any) -> dict[str, Any]:
        """``getsignweight``: the txID tronpy signs, and the owner's permission."""
        tx = parse_transaction(payload, require_signature=False)
        visible = bool(payload.get("visible"))
        out: dict[str, Any] = {}
        owner = self.account(tx.owner)
        signed = len(tx.signatures)
        if owner is not None:
            out["permission"] = permission(tx.owner, tx.permission_id, visible)
            approved = self._signers(tx)
            out["current_weight"] = 1 if tx.owner in approved else 0
            if approved:
                out["approved_list"] = [to_base58(a) if visible else a.hex() for a in approved]
            out["result"] = ({"code": "ENOUGH_PERMISSION"} if tx.owner in approved else
                             {"code": "NOT_ENOUGH_PERMISSION",
                              "message": f"Signature count is {signed}"})
        else:
            out["result"] = {"code": "OTHER_ERROR",
                             "message": f"account [{to_base58(tx.owner)}] does not exist"}
        out["transaction"] = {"result": {"result": True}, "txid": tx.txid,
                              "transaction": tx.to_json(visible)}
        return out

    def _signers(self, tx: Tx) -> list[bytes]:
        signers = []
        for sig in tx.signatures:
            try:
                public = Signature(sig).recover_public_key_from_msg_hash(bytes.fromhex(tx.txid))
            except Exception:
                continue
            signers.append(from_tvm(bytes(public.to_tvm_address())))
        return signers

    def broadcast(self, payload: Any) -> Tx:
        """Validate and execute a signed transaction; raises :class:`TxRejected`."""
        try:
            tx = parse_transaction(payload, require_signature=True)
        except TxFormatError as exc:
            text = str(exc)
            if text == "transaction is not signed":
                raise TxRejected("SIGERROR",
                                 "Validate signature error: miss sig or contract") from None
            if "not supported" in text:
                raise TxRejected("CONTRACT_VALIDATE_ERROR", text) from None
            raise TxRejected("OTHER_ERROR", f"invalid transaction: {text}") from None
        claimed = payload.get("txID")
        now = self.clock()
        if tx.expiration <= now:
            raise TxRejected("TRANSACTION_EXPIRATION_ERROR", "Transaction expired")
        if tx.expiration > now + MAX_EXPIRATION_MS:
            raise TxRejected("TRANSACTION_EXPIRATION_ERROR",
                             "expiration time is more than 24 hours ahead")
        if not self.tapos_ok(tx.ref_block_bytes, tx.ref_block_hash):
            raise TxRejected("TAPOS_ERROR", "Tapos check error: the reference block "
                             f"{tx.ref_block_bytes.hex()}/{tx.ref_block_hash.hex()} is not a "
                             "recent block of this chain")
        if tx.txid in self.txs:
            raise TxRejected("DUP_TRANSACTION_ERROR", "Dup transaction.")
        if claimed is not None and claimed != tx.txid:
            raise TxRejected("SIGERROR", "Validate signature error: txID "
                             f"{str(claimed)[:64]} does not match raw_data (computed {tx.txid})")
        self._check_signatures(tx)
        if tx.contract_type == "TransferContract":
            receipt = self._transfer(tx)
        elif tx.contract_type == "CreateSmartContract":
            receipt = self._create(tx)
        else:
            receipt = self._trigger(tx)
        receipt["id"] = tx.txid
        self.txs[tx.txid] = TxEntry(tx, receipt)
        self.pending.append(tx.txid)
        return tx

    def _check_signatures(self, tx: Tx) -> None:
        if tx.permission_id not in (0, 2):
            raise TxRejected("SIGERROR", f"Validate signature error: permission "
                             f"{tx.permission_id} isn't exist")
        if len(tx.signatures) != 1:
            raise TxRejected("SIGERROR", "Validate signature error: the devnet accepts exactly "
                             f"one signature (the owner's), got {len(tx.signatures)}")
        signers = self._signers(tx)
        if not signers:
            raise TxRejected("SIGERROR", "Validate signature error: signature is malformed")
        if signers[0] != tx.owner:
            raise TxRejected("SIGERROR", f"Validate signature error: {tx.signatures[0].hex()} is "
                             f"signed by {to_base58(signers[0])} but it is not contained of "
                             f"permission (owner {to_base58(tx.owner)})")

    def _bandwidth(self, tx: Tx, account: dict[str, int], spendable: int) -> tuple[int, int]:
        """Charge bandwidth: (net_usage bytes from the free allowance, net_fee sun)."""
        size = self.tx_size(tx)
        used = self.free_net_used(account)
        if used + size <= FREE_NET_LIMIT:
            account["net_used"] = used + size
            account["net_time"] = self.clock()
            return size, 0
        fee = size * BANDWIDTH_FEE
        if fee > spendable:
            raise TxRejected("BANDWITH_ERROR", "Account resource insufficient error.")
        return 0, fee

    def _transfer(self, tx: Tx) -> dict[str, Any]:
        value = tx.value
        owner_raw, to_raw, amount = tx.owner, value["to_address"], value["amount"]
        owner = self.account(owner_raw)
        if owner is None:
            raise TxRejected("CONTRACT_VALIDATE_ERROR",
                             "Validate TransferContract error, no OwnerAccount.")
        if amount <= 0:
            raise TxRejected("CONTRACT_VALIDATE_ERROR", "Amount must be greater than 0.")
        if to_raw == owner_raw:
            raise TxRejected("CONTRACT_VALIDATE_ERROR", "Cannot transfer TRX to yourself.")
        if self.is_contract(to_raw):
            raise TxRejected("CONTRACT_VALIDATE_ERROR", "Cannot transfer TRX to a smartContract.")
        target = self.account(to_raw)
        create_fee = CREATE_ACCOUNT_FEE if target is None else 0
        if owner["balance"] < amount + create_fee:
            raise TxRejected("CONTRACT_VALIDATE_ERROR",
                             "Validate TransferContract error, balance is not sufficient.")
        if target is not None and target["balance"] + amount > INT64_MAX:
            raise TxRejected("CONTRACT_VALIDATE_ERROR", "long overflow")
        receipt: dict[str, Any] = {"contractResult": "", "status": "SUCCESS"}
        if create_fee:
            # activation burns 1 TRX plus 0.1 TRX reported as the bandwidth fee
            net_usage, net_fee = 0, CREATE_ACCOUNT_FEE - 1_000_000
            create_fee = 1_000_000
        else:
            net_usage, net_fee = self._bandwidth(tx, owner, owner["balance"] - amount)
        owner["balance"] -= amount + create_fee + net_fee
        target = target or self._create_account(to_raw)
        target["balance"] += amount
        fee = create_fee + net_fee
        if net_usage:
            receipt["net_usage"] = net_usage
        if net_fee:
            receipt["net_fee"] = net_fee
        if fee:
            receipt["fee"] = fee
        return receipt

    def _contract_owner(self, tx: Tx, kind: str) -> dict[str, int]:
        owner = self.account(tx.owner)
        if owner is None:
            raise TxRejected("CONTRACT_VALIDATE_ERROR", f"Validate {kind} error, account "
                             f"[{to_base58(tx.owner)}] does not exist")
        if not 0 <= tx.fee_limit <= MAX_FEE_LIMIT:
            raise TxRejected("CONTRACT_VALIDATE_ERROR",
                             f"feeLimit must be >= 0 and <= {MAX_FEE_LIMIT}")
        value = tx.value
        if value.get("call_value") or value.get("call_token_value") or value.get("token_id"):
            raise TxRejected("CONTRACT_VALIDATE_ERROR",
                             "callValue must be 0: the devnet does not move TRX into contracts")
        return owner

    def _trigger(self, tx: Tx) -> dict[str, Any]:
        contract = tx.value["contract_address"]
        if not self.is_contract(contract):
            raise TxRejected("CONTRACT_VALIDATE_ERROR", "No contract or not a smart contract")
        owner = self._contract_owner(tx, "TriggerSmartContract")
        net_usage, net_fee = self._bandwidth(tx, owner, owner["balance"])
        owner["balance"] -= net_fee
        energy_limit = min(tx.fee_limit, owner["balance"]) // ENERGY_FEE
        result = self.run_call(tx.owner, contract, tx.value["data"], energy_limit=energy_limit,
                               commit=True)
        return self._receipt(owner, contract, result.energy, result.status, result.message,
                             result.output, result.logs or [], net_usage, net_fee)

    def _create(self, tx: Tx) -> dict[str, Any]:
        new = tx.value["new_contract"]
        owner = self._contract_owner(tx, "CreateSmartContract")
        origin = new.get("origin_address", tx.owner)
        if origin != tx.owner:
            raise TxRejected("CONTRACT_VALIDATE_ERROR",
                             "OwnerAddress is not equals OriginAddress")
        bytecode = new.get("bytecode", b"")
        if not bytecode:
            raise TxRejected("CONTRACT_VALIDATE_ERROR", "the contract has no bytecode")
        percent = new.get("consume_user_resource_percent", 0)
        if not 0 <= percent <= 100:
            raise TxRejected("CONTRACT_VALIDATE_ERROR", "percent must be >= 0 and <= 100")
        if new.get("origin_energy_limit", 0) <= 0:
            raise TxRejected("CONTRACT_VALIDATE_ERROR", "The originEnergyLimit must be > 0")
        address = new_contract_address(tx.txid, tx.owner)
        net_usage, net_fee = self._bandwidth(tx, owner, owner["balance"])
        owner["balance"] -= net_fee
        energy_limit = min(tx.fee_limit, owner["balance"]) // ENERGY_FEE
        result = self.evm.create(caller=to_tvm(tx.owner), address=to_tvm(address),
                                 init_code=bytecode, energy_limit=energy_limit,
                                 now=self.clock() // 1000, block_number=self.head.number + 1,
                                 commit=True)
        status, message = result.outcome.value, result.error
        if result.ok:
            self.contracts[address] = ContractRecord(
                address=address, name=str(new.get("name", "")), abi=list(new.get("abi", [])),
                bytecode=bytecode, origin=tx.owner, consume_user_resource_percent=percent,
                origin_energy_limit=int(new["origin_energy_limit"]), trx_hash=tx.txid)
            self._remember(result)
        elif result.outcome is Outcome.OUT_OF_ENERGY:
            message = f"Not enough energy for the deployment: {energy_limit} available"
        receipt = self._receipt(owner, address, result.energy, status, message, result.output,
                                _log_json(result), net_usage, net_fee)
        if not result.ok:
            receipt.pop("contract_address")
        return receipt

    def _receipt(self, owner: dict[str, int], contract: bytes, energy: int, status: str,
                 message: str, output: bytes, logs: list[dict[str, Any]], net_usage: int,
                 net_fee: int) -> dict[str, Any]:
        """Burn the energy fee and describe the outcome as java-tron's receipt does."""
        energy_fee = energy * ENERGY_FEE
        owner["balance"] -= energy_fee
        receipt: dict[str, Any] = {
            "contractResult": output.hex(),
            "contract_address": contract.hex(),
            "status": status,
            "energy_usage_total": energy,
            "energy_fee": energy_fee,
            "logs": logs if status == "SUCCESS" else [],
        }
        if net_usage:
            receipt["net_usage"] = net_usage
        if net_fee:
            receipt["net_fee"] = net_fee
        if energy_fee + net_fee:
            receipt["fee"] = energy_fee + net_fee
        if status != "SUCCESS":
            receipt["message"] = message
        return receipt

    def code_hash(self, raw: bytes) -> bytes:
        return keccak256(self.evm.code(to_tvm(raw)))
