"""The SpeedVault's bytecode in the devnet's EVM, driven directly from a test.

The same :class:`btt_desktop.devnet.evm.Evm` the devnet node runs (py-evm with TRON's
energy costs and java-tron's ecrecover word), without HTTP or blocks, so hundreds of
calls per test stay cheap. Addresses inside are 20 bytes; :func:`tron` spells them as
TRON base58 for the Speed code, which signs the cheques exactly as a client does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import base58
import eth_abi
from eth_utils import function_signature_to_4byte_selector
from tronpy.keys import PrivateKey, keccak256

from btt_desktop.devnet.evm import Evm, EvmResult, Outcome
from btt_desktop.speed.cheque import ChequeDomain, cheque_digest

ROOT = Path(__file__).resolve().parents[2]
ERROR_SELECTOR = keccak256(b"Error(string)")[:4]
CHAIN_ID = 0x5EED0001
NOTICE = 3600
DEPLOYER = b"\xde" * 20


def artifact(name: str) -> dict[str, Any]:
    for folder in (ROOT / "resources" / "contracts", ROOT / "tests" / "contracts"):
        path = folder / f"{name}.json"
        if path.exists():
            return dict(json.loads(path.read_text()))
    raise FileNotFoundError(name)


def tron(address20: bytes) -> str:
    return base58.b58encode_check(b"\x41" + address20).decode()


def key_address(key: PrivateKey) -> bytes:
    return bytes(key.public_key.to_tvm_address())


def topic(signature: str) -> bytes:
    return keccak256(signature.encode())


class Reverted(AssertionError):
    def __init__(self, result: EvmResult) -> None:
        self.result = result
        self.reason = revert_reason(result.output)
        super().__init__(f"{result.outcome.value}: {self.reason or result.error}")


def revert_reason(output: bytes) -> str:
    if output[:4] == ERROR_SELECTOR:
        return str(eth_abi.decode(["string"], output[4:])[0])
    return ""


def _types(signature: str) -> list[str]:
    inner = signature[signature.index("(") + 1:signature.rindex(")")]
    return [t for t in inner.split(",") if t]


def _value(kind: str, value: Any) -> Any:
    if kind == "address" and isinstance(value, bytes):
        return "0x" + value.hex()
    if kind == "address[]":
        return ["0x" + v.hex() for v in value]
    return value


@dataclass
class Machine:
    """One EVM with a clock; ``call`` commits, ``view`` does not."""

    evm: Evm = field(default_factory=lambda: Evm(chain_id=CHAIN_ID, coinbase=b"\xcb" * 20))
    now: int = 1_700_000_000
    block: int = 1
    _next_address: int = 0x1000

    def new_address(self) -> bytes:
        self._next_address += 1
        return self._next_address.to_bytes(20, "big")

    def deploy(self, name: str, types: list[str], args: list[Any]) -> bytes:
        address = self.new_address()
        code = bytes.fromhex(artifact(name)["bytecode"]) + eth_abi.encode(
            types, [_value(t, a) for t, a in zip(types, args, strict=True)])
        result = self.evm.create(caller=DEPLOYER, address=address, init_code=code,
                                 energy_limit=10**8, now=self.now, block_number=self.block,
                                 commit=True)
        if not result.ok:
            raise Reverted(result)
        return address

    def raw(self, sender: bytes, to: bytes, signature: str, *args: Any,
            commit: bool = True) -> EvmResult:
        types = _types(signature)
        data = function_signature_to_4byte_selector(signature) + eth_abi.encode(
            types, [_value(t, a) for t, a in zip(types, args, strict=True)])
        self.block += 1
        return self.evm.call(caller=sender, to=to, data=data, energy_limit=10**7,
                             now=self.now, block_number=self.block, commit=commit)

    def call(self, sender: bytes, to: bytes, signature: str, *args: Any,
             out: str = "uint256") -> Any:
        result = self.raw(sender, to, signature, *args)
        if not result.ok:
            raise Reverted(result)
        return eth_abi.decode([out], result.output)[0] if out and result.output else None

    def view(self, to: bytes, signature: str, *args: Any, out: str = "uint256") -> Any:
        result = self.raw(DEPLOYER, to, signature, *args, commit=False)
        if not result.ok:
            raise Reverted(result)
        return eth_abi.decode([out], result.output)[0]

    def revert(self, sender: bytes, to: bytes, signature: str, *args: Any) -> str:
        """Call, expect a revert, return its reason (state is untouched by a revert)."""
        result = self.raw(sender, to, signature, *args)
        assert result.outcome is Outcome.REVERT, f"expected a revert, got {result.outcome}"
        return revert_reason(result.output)


@dataclass
class VaultWorld:
    """A token, a vault over it, and funded users with keys (for cheques)."""

    m: Machine
    token: bytes
    vault: bytes
    keys: dict[str, PrivateKey]

    @classmethod
    def make(cls, *, token_name: str = "DevnetBTT", chain_id: int = CHAIN_ID,
             notice: int = NOTICE, users: tuple[str, ...] = ("alice", "bob", "carol"),
             machine: Machine | None = None, network_id: str = "devnet:test") -> VaultWorld:
        m = machine or Machine()
        if token_name == "DevnetBTT":
            token = m.deploy("DevnetBTT", ["address"], [DEPLOYER])
        else:
            token = m.deploy(token_name, [], [])
        vault = m.deploy("SpeedVault", ["address", "uint256", "uint256", "bytes32"],
                         [token, notice, chain_id, keccak256(network_id.encode())])
        keys = {name: PrivateKey(keccak256(name.encode())) for name in users}
        world = cls(m, token, vault, keys)
        for name in users:
            world.mint(world.addr(name), 10**24)
        return world

    def addr(self, name: str) -> bytes:
        return key_address(self.keys[name])

    def mint(self, to: bytes, amount: int) -> None:
        self.m.call(DEPLOYER, self.token, "mint(address,uint256)", to, amount, out="bool")

    def token_balance(self, who: bytes) -> int:
        return int(self.m.view(self.token, "balanceOf(address)", who))

    def balance(self, owner: bytes) -> int:
        return int(self.m.view(self.vault, "balanceOf(address)", owner))

    def paid_out(self, owner: bytes, beneficiary: bytes) -> int:
        return int(self.m.view(self.vault, "paidOut(address,address)", owner, beneficiary))

    def deposit(self, name: str, amount: int) -> EvmResult:
        who = self.addr(name)
        self.m.call(who, self.token, "approve(address,uint256)", self.vault, amount, out="bool")
        return self.m.raw(who, self.vault, "deposit(uint256)", amount)

    @property
    def domain(self) -> ChequeDomain:
        chain_id = int(self.m.view(self.vault, "chainId()"))
        return ChequeDomain(chain_id, tron(self.vault))

    def cheque(self, signer: str, beneficiary: bytes, cum: int, *, owner: str | None = None,
               domain: ChequeDomain | None = None) -> bytes:
        """A cheque signature by ``signer`` on ``owner``'s vault (default: its own)."""
        vault_owner = self.addr(owner or signer)
        digest = cheque_digest(domain or self.domain, tron(vault_owner), tron(beneficiary), cum)
        raw = self.keys[signer].sign_msg_hash(digest).to_bytes()
        return bytes(raw[:64] + bytes([raw[64] + 27]))

    def cash(self, sender: bytes, owner: bytes, beneficiary: bytes, cum: int,
             sig: bytes) -> EvmResult:
        return self.m.raw(sender, self.vault, "cash(address,address,uint256,bytes)", owner,
                          beneficiary, cum, sig)

    def events(self, result: EvmResult, signature: str) -> list[tuple[bytes, ...]]:
        wanted = topic(signature)
        return [log.topics for log in result.logs if log.topics and log.topics[0] == wanted]
