"""The devnet's ledger: accounts, native contracts, transactions, blocks, and their rules.

Everything here is synchronous and in memory; :mod:`btt_desktop.devnet.node` drives it from
the asyncio loop (block production, persistence) and :mod:`btt_desktop.devnet.api` maps
the java-tron HTTP API onto it.

Like a java-tron node, a broadcast transaction is validated (TAPOS, expiration, duplicate,
signature, contract rules) and executed at once against the node's state; it becomes
visible through ``gettransactionbyid`` / ``gettransactioninfobyid`` when the next block
seals it. Fees follow mainnet's shape: bandwidth (600 free bytes a day, then 1,000 sun per
byte), 1.1 TRX to activate a new account, and energy at 100 sun.
"""

from __future__ import annotations

import collections
import hashlib
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tronpy.keys import Signature

from btt_desktop.devnet import abi
from btt_desktop.devnet.addresses import (
    BTT_RAW,
    VAULT_RAW,
    from_tvm,
    show,
    to_base58,
)
from btt_desktop.devnet.blocks import Block
from btt_desktop.devnet.contracts import Execution, NativeContract, Revert, Storage
from btt_desktop.devnet.trc20 import Trc20Token
from btt_desktop.devnet.txcodec import (
    INT64_MAX,
    Tx,
    TxFormatError,
    field_bytes,
    parse_transaction,
    tx_from_record,
    tx_to_record,
)
from btt_desktop.devnet.vault import SpeedVault, devnet_network_id

STATE_VERSION = 1
ENERGY_FEE = 100  # sun per energy unit (mainnet's getEnergyFee)
BANDWIDTH_FEE = 1_000  # sun per byte once the free bandwidth is used up
FREE_NET_LIMIT = 600  # bytes a day
CREATE_ACCOUNT_FEE = 1_100_000  # sun: 1 TRX system fee + 0.1 TRX bandwidth
MAX_FEE_LIMIT = 15_000_000_000
MAX_EXPIRATION_MS = 24 * 3600 * 1000
RECENT_BLOCKS = 4096  # TAPOS window and the empty blocks kept in memory
DAY_MS = 24 * 3600 * 1000
RESULT_OVERHEAD = 64  # java-tron adds this to a transaction's size for bandwidth
ACTIVE_OPERATIONS = "7fff1fc0033e0300000000000000000000000000000000000000000000000000"

CHAIN_PARAMETERS = [
    ("getMaintenanceTimeInterval", 21_600_000),
    ("getAccountUpgradeCost", 9_999_000_000),
    ("getCreateAccountFee", 100_000),
    ("getTransactionFee", BANDWIDTH_FEE),
    ("getAssetIssueFee", 1_024_000_000),
    ("getWitnessPayPerBlock", 8_000_000),
    ("getWitnessStandbyAllowance", 115_200_000_000),
    ("getCreateNewAccountFeeInSystemContract", 1_000_000),
    ("getCreateNewAccountBandwidthRate", 1),
    ("getAllowCreationOfContracts", 1),
    ("getRemoveThePowerOfTheGr", -1),
    ("getEnergyFee", ENERGY_FEE),
    ("getExchangeCreateFee", 1_024_000_000),
    ("getMaxCpuTimeOfOneTx", 80),
    ("getAllowUpdateAccountName", 0),
    ("getAllowSameTokenName", 1),
    ("getAllowDelegateResource", 1),
    ("getTotalEnergyLimit", 180_000_000_000),
    ("getAllowTvmTransferTrc10", 1),
    ("getTotalEnergyCurrentLimit", 180_000_000_000),
    ("getAllowMultiSign", 1),
    ("getAllowAdaptiveEnergy", 0),
    ("getUpdateAccountPermissionFee", 100_000_000),
    ("getMultiSignFee", 1_000_000),
    ("getAllowTvmConstantinople", 1),
    ("getAllowTvmSolidity059", 1),
    ("getFreeNetLimit", FREE_NET_LIMIT),
    ("getTotalNetLimit", 43_200_000_000),
    ("getMaxFeeLimit", MAX_FEE_LIMIT),
    ("getAllowTvmIstanbul", 1),
    ("getAllowTvmLondon", 1),
    ("getAllowTvmShangHai", 1),
]


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
    status: str  # SUCCESS, REVERT or OUT_OF_ENERGY
    message: str = ""
    logs: list[dict[str, Any]] | None = None


def now_ms() -> int:
    return int(time.time() * 1000)


class Chain:
    """All devnet state. Create with :meth:`create` or :meth:`from_state`."""

    def __init__(self, *, genesis_id: str, genesis_time: int, witness: bytes,
                 withdraw_notice: int, clock: Callable[[], int] = now_ms) -> None:
        self.genesis_id = genesis_id
        self.genesis_time = genesis_time
        self.witness = witness
        self.clock = clock
        self.network_id = devnet_network_id(genesis_id)
        self.accounts: dict[str, dict[str, int]] = {}
        self.storage: Storage = {}
        self.token = Trc20Token(BTT_RAW)
        self.vault = SpeedVault(VAULT_RAW, self.token, self.network_id, withdraw_notice)
        self.contracts: dict[bytes, NativeContract] = {BTT_RAW: self.token, VAULT_RAW: self.vault}
        self.txs: dict[str, TxEntry] = {}
        self.pending: list[str] = []
        self.recent: collections.OrderedDict[int, Block] = collections.OrderedDict()
        self.kept: dict[int, Block] = {}  # blocks with transactions, kept for good
        self.head: Block = Block(0, genesis_time, b"", witness)

    # ---- construction and persistence -------------------------------------------------

    @classmethod
    def create(cls, *, withdraw_notice: int, clock: Callable[[], int] = now_ms) -> Chain:
        genesis_id = secrets.token_hex(8)
        witness = b"\x41" + hashlib.sha256(b"devnet witness " + genesis_id.encode()).digest()[:20]
        chain = cls(genesis_id=genesis_id, genesis_time=clock(), witness=witness,
                    withdraw_notice=withdraw_notice, clock=clock)
        genesis = Block(0, chain.genesis_time, hashlib.sha256(genesis_id.encode()).digest(),
                        witness).seal()
        chain.kept[0] = genesis
        chain._set_head(genesis)
        return chain

    def to_state(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "genesis_id": self.genesis_id,
            "genesis_time": self.genesis_time,
            "witness": self.witness.hex(),
            "head": self.head.to_record(),
            "accounts": self.accounts,
            "storage": self.storage,
            "blocks": [b.to_record() for b in self.kept.values()],
            "txs": {
                txid: {"tx": tx_to_record(e.tx), "receipt": e.receipt, "block": e.block}
                for txid, e in self.txs.items() if e.block is not None
            },
        }

    @classmethod
    def from_state(cls, state: dict[str, Any], *, withdraw_notice: int,
                   clock: Callable[[], int] = now_ms) -> Chain:
        try:
            if state.get("version") != STATE_VERSION:
                raise StateError(f"unsupported devnet state version {state.get('version')!r}")
            chain = cls(genesis_id=str(state["genesis_id"]),
                        genesis_time=int(state["genesis_time"]),
                        witness=bytes.fromhex(state["witness"]), withdraw_notice=withdraw_notice,
                        clock=clock)
            chain.accounts = {str(k): {kk: int(vv) for kk, vv in v.items()}
                              for k, v in state["accounts"].items()}
            chain.storage = {str(k): {str(kk): int(vv) for kk, vv in v.items()}
                             for k, v in state["storage"].items()}
            for record in state["blocks"]:
                block = Block.from_record(record)
                chain.kept[block.number] = block
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
        if self.is_contract(raw):
            raise ValueError("the faucet does not fund contracts")
        if sun:
            account = self.account(raw) or self._create_account(raw)
            if account["balance"] + sun > INT64_MAX:
                raise ValueError("TRX balance would overflow")
            account["balance"] += sun
        if btt_base:
            ex = Execution(self.storage, self.clock() // 1000)
            self.token.mint(ex, raw, btt_base)
            ex.commit()

    # ---- contract calls ---------------------------------------------------------------------

    def run_call(self, caller: bytes, contract: bytes, data: bytes, *, energy_limit: int | None,
                 commit: bool) -> CallResult:
        target = self.contracts[contract]
        ex = Execution(self.storage, self.clock() // 1000)
        try:
            output = target.call(ex, caller, data)
        except Revert as exc:
            result = CallResult(False, abi.error_data(exc.reason), ex.energy, "REVERT",
                                "REVERT opcode executed", [])
        else:
            result = CallResult(True, output, ex.energy, "SUCCESS", "", ex.logs)
        if energy_limit is not None and result.energy > energy_limit:
            return CallResult(False, b"", energy_limit, "OUT_OF_ENERGY",
                              f"Not enough energy for the call: {result.energy} needed,"
                              f" {energy_limit} available", [])
        if result.ok and commit:
            ex.commit()
        return result

    # ---- transactions -------------------------------------------------------------------------

    def tx_size(self, tx: Tx) -> int:
        size = len(field_bytes(1, tx.raw_bytes))
        size += sum(len(field_bytes(2, s)) for s in tx.signatures)
        return size + RESULT_OVERHEAD

    def sign_weight(self, payload: Any) -> dict[str, Any]:
        """``getsignweight``: the txID tronpy signs, and the owner's permission."""
        tx = parse_transaction(payload, require_signature=False)
        visible = bool(payload.get("visible"))
        out: dict[str, Any] = {}
        owner = self.account(tx.owner)
        signed = len(tx.signatures)
        if owner is not None:
            out["permission"] = self._permission(tx.owner, tx.permission_id, visible)
            approved = self._signers(tx)
            out["current_weight"] = 1 if tx.owner in approved else 0
            if approved:
                out["approved_list"] = [show(a, visible) for a in approved]
            out["result"] = ({"code": "ENOUGH_PERMISSION"} if tx.owner in approved else
                             {"code": "NOT_ENOUGH_PERMISSION",
                              "message": f"Signature count is {signed}"})
        else:
            out["result"] = {"code": "OTHER_ERROR",
                             "message": f"account [{to_base58(tx.owner)}] does not exist"}
        out["transaction"] = {"result": {"result": True}, "txid": tx.txid,
                              "transaction": tx.to_json(visible)}
        return out

    def _permission(self, owner: bytes, permission_id: int, visible: bool) -> dict[str, Any]:
        keys = [{"address": show(owner, visible), "weight": 1}]
        if permission_id == 0:
            return {"permission_name": "owner", "threshold": 1, "keys": keys}
        return {"type": "Active", "id": 2, "permission_name": "active", "threshold": 1,
                "operations": ACTIVE_OPERATIONS, "keys": keys}

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

    def _trigger(self, tx: Tx) -> dict[str, Any]:
        value = tx.value
        contract = value["contract_address"]
        owner = self.account(tx.owner)
        if owner is None:
            raise TxRejected("CONTRACT_VALIDATE_ERROR",
                             f"Validate TriggerSmartContract error, account "
                             f"[{to_base58(tx.owner)}] does not exist")
        if not self.is_contract(contract):
            raise TxRejected("CONTRACT_VALIDATE_ERROR", "No contract or not a smart contract")
        if value.get("call_value") or value.get("call_token_value") or value.get("token_id"):
            raise TxRejected("CONTRACT_VALIDATE_ERROR",
                             "callValue must be 0: the devnet contracts are not payable")
        if not 0 <= tx.fee_limit <= MAX_FEE_LIMIT:
            raise TxRejected("CONTRACT_VALIDATE_ERROR",
                             f"feeLimit must be >= 0 and <= {MAX_FEE_LIMIT}")
        net_usage, net_fee = self._bandwidth(tx, owner, owner["balance"])
        owner["balance"] -= net_fee
        energy_limit = min(tx.fee_limit, owner["balance"]) // ENERGY_FEE
        result = self.run_call(tx.owner, contract, value["data"], energy_limit=energy_limit,
                               commit=True)
        energy_fee = result.energy * ENERGY_FEE
        owner["balance"] -= energy_fee
        receipt: dict[str, Any] = {
            "contractResult": result.output.hex(),
            "contract_address": contract.hex(),
            "status": result.status,
            "energy_usage_total": result.energy,
            "energy_fee": energy_fee,
            "logs": result.logs or [],
        }
        if net_usage:
            receipt["net_usage"] = net_usage
        if net_fee:
            receipt["net_fee"] = net_fee
        if energy_fee + net_fee:
            receipt["fee"] = energy_fee + net_fee
        if not result.ok:
            receipt["message"] = result.message
        return receipt

    # ---- JSON views -----------------------------------------------------------------------

    def tx_json(self, entry: TxEntry, visible: bool) -> dict[str, Any]:
        out = {"ret": [{"contractRet": entry.receipt.get("status", "SUCCESS")}]}
        out.update(entry.tx.to_json(visible))
        return out

    def tx_info_json(self, entry: TxEntry, visible: bool) -> dict[str, Any]:
        r = entry.receipt
        out: dict[str, Any] = {"id": entry.tx.txid}
        if r.get("fee"):
            out["fee"] = r["fee"]
        out["blockNumber"] = r["blockNumber"]
        out["blockTimeStamp"] = r["blockTimeStamp"]
        out["contractResult"] = [r.get("contractResult", "")]
        receipt: dict[str, Any] = {}
        if entry.tx.contract_type == "TriggerSmartContract":
            out["contract_address"] = show(bytes.fromhex(r["contract_address"]), visible)
            if r.get("energy_fee"):
                receipt["energy_fee"] = r["energy_fee"]
            receipt["energy_usage_total"] = r["energy_usage_total"]
        for key in ("net_usage", "net_fee"):
            if r.get(key):
                receipt[key] = r[key]
        if entry.tx.contract_type == "TriggerSmartContract":
            receipt["result"] = r["status"]
        out["receipt"] = receipt
        if r.get("logs"):
            out["log"] = r["logs"]
        if r.get("status", "SUCCESS") != "SUCCESS":
            out["result"] = "FAILED"
            out["resMessage"] = r.get("message", "").encode().hex()
        return out

    def block_json(self, block: Block, visible: bool) -> dict[str, Any]:
        out: dict[str, Any] = {"blockID": block.block_id.hex(),
                               "block_header": block.header_json(visible)}
        if block.txids:
            out["transactions"] = [self.tx_json(self.txs[t], visible) for t in block.txids]
        return out

    def account_json(self, raw: bytes, visible: bool) -> dict[str, Any]:
        if self.is_contract(raw):
            return {"address": show(raw, visible), "type": "Contract",
                    "create_time": self.genesis_time}
        account = self.account(raw)
        if account is None:
            return {}
        out: dict[str, Any] = {"address": show(raw, visible)}
        if account["balance"]:
            out["balance"] = account["balance"]
        out["create_time"] = account["create_time"]
        used = self.free_net_used(account)
        if used:
            out["free_net_usage"] = used
            out["latest_consume_free_time"] = account["net_time"]
        out["net_window_size"] = 28800
        out["account_resource"] = {"energy_window_size": 28800}
        out["owner_permission"] = self._permission(raw, 0, visible)
        out["active_permission"] = [self._permission(raw, 2, visible)]
        return out

    def resource_json(self, raw: bytes) -> dict[str, Any]:
        account = self.account(raw)
        if account is None:
            return {}
        out: dict[str, Any] = {"freeNetLimit": FREE_NET_LIMIT}
        used = self.free_net_used(account)
        if used:
            out["freeNetUsed"] = used
        out.update({"TotalNetLimit": 43_200_000_000, "TotalNetWeight": 84_687_233_463,
                    "TotalEnergyLimit": 180_000_000_000, "TotalEnergyWeight": 13_369_831_825})
        return out
