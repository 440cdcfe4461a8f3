"""Contract bytecode on the devnet: py-evm with TRON's energy costs and TVM quirks.

The devnet executes the very bytecode that would run on TRON (the SpeedVault, the devnet's
BTT, anything deployed through ``CreateSmartContract``) in py-evm, the Ethereum
Foundation's Python EVM, configured to behave like java-tron's TVM where a contract can
tell the difference:

- **Energy** is metered with java-tron's ``EnergyCost`` table, which is Frontier's gas
  table plus the later opcodes: SLOAD 50, BALANCE/EXTCODESIZE/EXTCODECOPY 20, EXTCODEHASH
  400, EXP 10 + 10 a byte, the CALL family 40 (+9000 with value, +25000 for a new account),
  SSTORE 20000 to set a zero slot and 5000 otherwise, with no refunds. Memory, SHA3, LOG,
  CREATE (32000, 200 a code byte) and ecrecover (3000) cost what they cost on Ethereum.
  There is no intrinsic 21000 and no calldata charge: TRON bills those bytes as bandwidth.
  A child call gets at most 63/64 of what is left, as for contracts deployed since the
  "TVM compatible EVM" proposal.
- **ecrecover** returns the signer's 21-byte TRON address right-aligned in its word, so
  byte 11 holds 0x41 (java-tron's ``DataWord(signatureToAddress(...))``). Contracts must
  compare it as a typed ``address`` (which masks it), and on the devnet they are tested so.
- Opcodes are Istanbul's (TRON's TVM runs those; PUSH0, MCOPY and the transient-storage
  opcodes are absent here, so bytecode needing them fails as it may on TRON).

Addresses inside the VM are the 20-byte form; callers of this module pass those. State
lives in memory; :class:`Evm` reports the storage slots a committed call changed so the
chain can persist them, and :meth:`Evm.load` rebuilds the state from that record.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, cast

from eth import constants as eth_constants
from eth.abc import ComputationAPI
from eth.constants import BLANK_ROOT_HASH, CREATE_CONTRACT_ADDRESS
from eth.db.atomic import AtomicDB
from eth.exceptions import OutOfGas, Revert, VMError
from eth.precompiles import ecrecover as eth_ecrecover
from eth.vm import mnemonics, opcode_values
from eth.vm.execution_context import ExecutionContext
from eth.vm.forks.byzantium.opcodes import ensure_no_static
from eth.vm.forks.frontier.opcodes import FRONTIER_OPCODES
from eth.vm.forks.istanbul.computation import ISTANBUL_PRECOMPILES, IstanbulComputation
from eth.vm.forks.istanbul.opcodes import ISTANBUL_OPCODES
from eth.vm.forks.istanbul.state import IstanbulState
from eth.vm.message import Message
from eth.vm.opcode import as_opcode
from eth_typing import Address, BlockNumber, Hash32

# py-evm logs every opcode at DEBUG2; keep the devnet's log readable
logging.getLogger("eth").setLevel(logging.WARNING)

ENERGY_SSTORE_SET = 20_000
ENERGY_SSTORE_RESET = 5_000
ENERGY_SLOAD = 50
ENERGY_EXTCODEHASH = 400
ENERGY_CALL = 40
ENERGY_SELFDESTRUCT = 0
MAX_ENERGY = 10**12  # for constant calls: more than any transaction may use
ECRECOVER_ADDRESS = b"\x00" * 19 + b"\x01"


class Outcome(Enum):
    """How an execution ended, in java-tron's receipt words."""

    SUCCESS = "SUCCESS"
    REVERT = "REVERT"
    OUT_OF_ENERGY = "OUT_OF_ENERGY"
    ILLEGAL_OPERATION = "ILLEGAL_OPERATION"  # invalid opcode, stack errors, bad jumps ...


@dataclass(frozen=True)
class LogEntry:
    address: bytes  # 20 bytes
    topics: tuple[bytes, ...]
    data: bytes


@dataclass(frozen=True)
class EvmResult:
    outcome: Outcome
    output: bytes           # return data, or the revert data
    energy: int             # energy used (the whole limit when it ran out)
    logs: tuple[LogEntry, ...] = ()
    error: str = ""         # what went wrong, for the receipt's message
    # (contract, slot) -> value of every slot the call changed, when it was committed
    changes: Mapping[tuple[bytes, int], int] = field(default_factory=dict)
    created: bytes | None = None  # the deployed runtime code of a successful create

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.SUCCESS


# ---- TRON's energy table ------------------------------------------------------------------

def _tron_sstore(computation: ComputationAPI) -> None:
    """java-tron's ``getSstoreCost``: 20000 to fill an empty slot, else 5000; no refunds."""
    slot, value = computation.stack_pop_ints(2)
    address = computation.msg.storage_address
    current = computation.state.get_storage(address=address, slot=slot)
    cost = ENERGY_SSTORE_SET if current == 0 and value != 0 else ENERGY_SSTORE_RESET
    computation.consume_gas(cost, reason="SSTORE")
    computation.state.set_storage(address=address, slot=slot, value=value)
    touched = getattr(computation.state, "touched_slots", None)
    if touched is not None:
        touched.add((bytes(address), slot))


def _configured(opcode: Any, gas_cost: int) -> Any:
    """A copy of a py-evm call/create opcode class with another base cost."""
    return type(opcode).configure(__name__=f"opcode:{opcode.mnemonic}",
                                  mnemonic=opcode.mnemonic, gas_cost=gas_cost)()


def _tron_opcodes() -> dict[int, Any]:
    table = copy.deepcopy(ISTANBUL_OPCODES)
    for number in (opcode_values.EXP, opcode_values.BALANCE, opcode_values.EXTCODESIZE,
                   opcode_values.EXTCODECOPY):
        table[number] = FRONTIER_OPCODES[number]  # TRON kept Frontier's prices for these
    table[opcode_values.SLOAD] = as_opcode(
        logic_fn=ISTANBUL_OPCODES[opcode_values.SLOAD].logic_fn, mnemonic=mnemonics.SLOAD,
        gas_cost=ENERGY_SLOAD)
    table[opcode_values.EXTCODEHASH] = as_opcode(
        logic_fn=ISTANBUL_OPCODES[opcode_values.EXTCODEHASH].logic_fn,
        mnemonic=mnemonics.EXTCODEHASH, gas_cost=ENERGY_EXTCODEHASH)
    table[opcode_values.SSTORE] = as_opcode(
        logic_fn=ensure_no_static(_tron_sstore), mnemonic=mnemonics.SSTORE,
        gas_cost=eth_constants.GAS_NULL)
    for number in (opcode_values.CALL, opcode_values.CALLCODE, opcode_values.DELEGATECALL,
                   opcode_values.STATICCALL):
        table[number] = _configured(ISTANBUL_OPCODES[number], ENERGY_CALL)
    selfdestruct = ISTANBUL_OPCODES[opcode_values.SELFDESTRUCT]
    table[opcode_values.SELFDESTRUCT] = as_opcode(
        logic_fn=selfdestruct.logic_fn, mnemonic=mnemonics.SELFDESTRUCT,
        gas_cost=ENERGY_SELFDESTRUCT)
    return table


def _tron_ecrecover(computation: ComputationAPI) -> ComputationAPI:
    """Ethereum's ecrecover, then java-tron's word: the 0x41 prefix left in byte 11."""
    result = eth_ecrecover(computation)
    out = bytes(result.output)
    if len(out) == 32:
        result.output = out[:11] + b"\x41" + out[12:]
    return result


class TronComputation(IstanbulComputation):
    opcodes = _tron_opcodes()
    _precompiles = {**ISTANBUL_PRECOMPILES, Address(ECRECOVER_ADDRESS): _tron_ecrecover}


class TronState(IstanbulState):
    computation_class = TronComputation
    touched_slots: set[tuple[bytes, int]]


# ---- the machine ------------------------------------------------------------------------

def _context(*, now: int, block_number: int, chain_id: int, coinbase: bytes) -> ExecutionContext:
    return ExecutionContext(
        coinbase=Address(coinbase), timestamp=now, block_number=BlockNumber(block_number),
        difficulty=0, mix_hash=Hash32(b"\x00" * 32), gas_limit=MAX_ENERGY * 10,
        prev_hashes=(), chain_id=chain_id)


def _classify(computation: ComputationAPI) -> tuple[Outcome, str]:
    if not computation.is_error:
        return Outcome.SUCCESS, ""
    error = computation.error
    if isinstance(error, Revert):
        return Outcome.REVERT, "REVERT opcode executed"
    if isinstance(error, OutOfGas):
        return Outcome.OUT_OF_ENERGY, "Not enough energy"
    text = " ".join(str(error).split())[:200] if isinstance(error, VMError) else ""
    return Outcome.ILLEGAL_OPERATION, text or type(error).__name__


class Evm:
    """The devnet's contract state and executor. Not thread-safe; one per chain."""

    def __init__(self, *, chain_id: int, coinbase: bytes) -> None:
        self.chain_id = chain_id
        self._coinbase = coinbase[-20:]
        self._state = self._new_state()

    def _new_state(self) -> TronState:
        state = TronState(AtomicDB(), _context(now=0, block_number=0, chain_id=self.chain_id,
                                               coinbase=self._coinbase), BLANK_ROOT_HASH)
        state.touched_slots = set()
        return state

    # ---- state ----------------------------------------------------------------------------

    def load(self, contracts: Iterable[tuple[bytes, bytes, Mapping[int, int]]]) -> None:
        """Replace the whole state with ``(address, runtime code, storage)`` triples."""
        state = self._new_state()
        for address, code, storage in contracts:
            account = Address(address)
            state.set_code(account, code)
            state.set_nonce(account, 1)
            for slot, value in storage.items():
                if value:
                    state.set_storage(account, slot, value)
        state.persist()
        self._state = state

    def code(self, address: bytes) -> bytes:
        return bytes(self._state.get_code(Address(address)))

    def storage(self, address: bytes, slot: int) -> int:
        return int(self._state.get_storage(Address(address), slot))

    # ---- execution ------------------------------------------------------------------------

    def call(self, *, caller: bytes, to: bytes, data: bytes, energy_limit: int, now: int,
             block_number: int, commit: bool) -> EvmResult:
        """Run ``data`` against the contract at ``to`` as ``caller`` (20-byte addresses)."""
        state = self._prepare(now, block_number)
        message = Message(gas=energy_limit, to=Address(to), sender=Address(caller), value=0,
                          data=data, code=bytes(state.get_code(Address(to))))
        return self._run(state, message, caller, commit, create=False)

    def create(self, *, caller: bytes, address: bytes, init_code: bytes, energy_limit: int,
               now: int, block_number: int, commit: bool) -> EvmResult:
        """Deploy ``init_code`` (constructor arguments appended) at ``address``."""
        state = self._prepare(now, block_number)
        if state.get_code(Address(address)) or state.get_nonce(Address(address)):
            return EvmResult(Outcome.ILLEGAL_OPERATION, b"", energy_limit,
                             error="a contract already exists at that address")
        message = Message(gas=energy_limit, to=CREATE_CONTRACT_ADDRESS,
                          sender=Address(caller), value=0, data=b"", code=init_code,
                          create_address=Address(address))
        return self._run(state, message, caller, commit, create=True)

    def _prepare(self, now: int, block_number: int) -> TronState:
        state = self._state
        state.execution_context = _context(now=now, block_number=block_number,
                                           chain_id=self.chain_id, coinbase=self._coinbase)
        state.touched_slots = set()
        return state

    def _run(self, state: TronState, message: Message, caller: bytes, commit: bool, *,
             create: bool) -> EvmResult:
        snapshot = state.snapshot()
        context = state.get_transaction_context_class()(gas_price=0, origin=Address(caller))
        computation_class = cast(Any, state.computation_class)
        if create:
            computation = computation_class.apply_create_message(state, message, context)
        else:
            computation = computation_class.apply_message(state, message, context)
        outcome, error = _classify(computation)
        # TRON, like Ethereum, keeps what a revert left and burns the rest on other errors
        energy = computation.get_gas_used() if outcome in (Outcome.SUCCESS, Outcome.REVERT) \
            else message.gas
        output = bytes(computation.output)
        logs = tuple(LogEntry(bytes(address), tuple(t.to_bytes(32, "big") for t in topics),
                              bytes(data))
                     for address, topics, data in computation.get_log_entries()) \
            if outcome is Outcome.SUCCESS else ()
        created: bytes | None = None
        if create and outcome is Outcome.SUCCESS:
            created = bytes(state.get_code(message.storage_address))
            output = b""
        if not (commit and outcome is Outcome.SUCCESS):
            state.revert(snapshot)
            state.touched_slots = set()
            return EvmResult(outcome, output, energy, logs, error)
        state.commit(snapshot)
        changes = {(address, slot): int(state.get_storage(Address(address), slot))
                   for address, slot in state.touched_slots}
        state.touched_slots = set()
        state.lock_changes()
        return EvmResult(outcome, output, energy, logs, error, changes, created)
