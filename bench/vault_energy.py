"""Energy of each SpeedVault call, measured by running its bytecode in the devnet's EVM
(py-evm with java-tron's energy costs), and what it costs in TRX at 100 sun an energy
unit when burnt. Prints a Markdown table (docs/vault-contract.md keeps a copy).

    python bench/vault_energy.py
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import eth_abi  # noqa: E402
from tronpy.keys import keccak256  # noqa: E402

from tests.contracts.vault_rig import (  # noqa: E402
    CHAIN_ID,
    DEPLOYER,
    NOTICE,
    Machine,
    VaultWorld,
    artifact,
)

ENERGY_PRICE = 100  # sun per energy unit (mainnet's getEnergyFee)
BTT = 10**18
BATCH = "cashBatch(address,address[],uint256[],bytes[])"


def main() -> None:
    rows: list[tuple[str, int]] = []
    m = Machine()
    token = m.deploy("DevnetBTT", ["address"], [DEPLOYER])
    code = bytes.fromhex(artifact("SpeedVault")["bytecode"]) + eth_abi.encode(
        ["address", "uint256", "uint256", "bytes32"],
        ["0x" + token.hex(), NOTICE, CHAIN_ID, keccak256(b"mainnet")])
    deployed = m.evm.create(caller=DEPLOYER, address=b"\x77" * 20, init_code=code,
                            energy_limit=10**8, now=m.now, block_number=1, commit=False)
    rows.append(("deploy (constructor + 200 a code byte)", deployed.energy))
    users = tuple(f"user{i}" for i in range(12))
    w = VaultWorld.make(users=users)
    alice, bob = w.addr("user0"), w.addr("user1")

    def step(label: str, result) -> None:  # type: ignore[no-untyped-def]
        assert result.ok, (label, result)
        rows.append((label, result.energy))

    step("approve (BTT, first allowance)", w.m.raw(alice, w.token, "approve(address,uint256)",
                                                   w.vault, 10**24))
    step("deposit, first", w.m.raw(alice, w.vault, "deposit(uint256)", 100 * BTT))
    step("deposit, later", w.m.raw(alice, w.vault, "deposit(uint256)", 100 * BTT))
    fresh = b"\x99" * 20  # a beneficiary that has never held BTT
    step("cash, to a first-time BTT holder", w.cash(bob, alice, fresh, BTT,
                                                    w.cheque("user0", fresh, BTT)))
    step("cash, later cheque, same beneficiary", w.cash(bob, alice, fresh, 2 * BTT,
                                                         w.cheque("user0", fresh, 2 * BTT)))
    step("cash, first cheque to a holder", w.cash(bob, alice, bob, BTT,
                                                  w.cheque("user0", bob, BTT)))
    step("announceWithdrawal", w.m.raw(alice, w.vault, "announceWithdrawal(uint256)", BTT))
    w.m.now += NOTICE
    step("withdraw", w.m.raw(alice, w.vault, "withdraw()"))
    for count in (2, 5, 10):
        payers = users[2:2 + count]
        for name in payers:
            assert w.deposit(name, 20 * BTT).ok
        sigs = [w.cheque(n, bob, BTT * (count + 1)) for n in payers]
        result = w.m.raw(bob, w.vault, BATCH, bob, [w.addr(n) for n in payers],
                         [BTT * (count + 1)] * count, sigs)
        step(f"cashBatch of {count} (per cheque: {result.energy // count})", result)
    print("| call | energy | TRX at 100 sun |")
    print("|---|---:|---:|")
    for label, energy in rows:
        print(f"| {label} | {energy:,} | {energy * ENERGY_PRICE / 1e6:.2f} |")


if __name__ == "__main__":
    main()
