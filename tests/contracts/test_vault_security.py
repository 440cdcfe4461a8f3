"""The SpeedVault's security properties, each checked against its bytecode.

The bytecode runs in the devnet's EVM (py-evm with TRON's energy costs and java-tron's
ecrecover word, which leaves 0x41 in byte 11), the token is the devnet's BTT or a
deliberately hostile TRC-20, and cheques are signed as the Speed client signs them.
"""

from __future__ import annotations

import eth_abi
import pytest
from tronpy.keys import PrivateKey

from btt_desktop.devnet.evm import Outcome
from btt_desktop.speed.cheque import ChequeDomain
from tests.contracts.vault_rig import (
    CHAIN_ID,
    DEPLOYER,
    NOTICE,
    Machine,
    VaultWorld,
    artifact,
    key_address,
    tron,
)

SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
BTT = 10**18
CASH = "cash(address,address,uint256,bytes)"
BATCH = "cashBatch(address,address[],uint256[],bytes[])"


@pytest.fixture
def world() -> VaultWorld:
    w = VaultWorld.make()
    assert w.deposit("alice", 100 * BTT).ok
    return w


def test_only_the_owners_signature_cashes(world: VaultWorld) -> None:
    alice, bob, carol = world.addr("alice"), world.addr("bob"), world.addr("carol")
    forged = world.cheque("carol", bob, 5 * BTT, owner="alice")  # carol signs alice's vault
    assert world.m.revert(carol, world.vault, CASH, alice, bob, 5 * BTT, forged) == \
        "SpeedVault: cheque not signed by the vault owner"
    to_bob = world.cheque("alice", bob, 5 * BTT)
    # a cheque to bob does not pay carol, whoever submits it
    assert world.m.revert(carol, world.vault, CASH, alice, carol, 5 * BTT, to_bob) == \
        "SpeedVault: cheque not signed by the vault owner"
    # nor a larger amount than signed
    assert world.m.revert(bob, world.vault, CASH, alice, bob, 6 * BTT, to_bob) == \
        "SpeedVault: cheque not signed by the vault owner"
    assert world.balance(alice) == 100 * BTT
    assert world.paid_out(alice, bob) == 0


def test_anyone_may_cash_and_the_beneficiary_is_paid_exactly_cum_minus_paid(
        world: VaultWorld) -> None:
    alice, bob, carol = world.addr("alice"), world.addr("bob"), world.addr("carol")
    before_bob, before_carol = world.token_balance(bob), world.token_balance(carol)
    result = world.cash(carol, alice, bob, 3 * BTT, world.cheque("alice", bob, 3 * BTT))
    assert result.ok
    assert eth_abi.decode(["uint256"], result.output)[0] == 3 * BTT
    result = world.cash(carol, alice, bob, 10 * BTT, world.cheque("alice", bob, 10 * BTT))
    assert eth_abi.decode(["uint256"], result.output)[0] == 7 * BTT
    assert world.token_balance(bob) - before_bob == 10 * BTT
    assert world.token_balance(carol) == before_carol  # the caller gets nothing
    assert world.balance(alice) == 90 * BTT
    assert world.paid_out(alice, bob) == 10 * BTT


def test_the_cumulative_amount_must_grow_per_owner_and_beneficiary(world: VaultWorld) -> None:
    alice, bob, carol = world.addr("alice"), world.addr("bob"), world.addr("carol")
    sig = world.cheque("alice", bob, 4 * BTT)
    assert world.cash(bob, alice, bob, 4 * BTT, sig).ok
    assert world.m.revert(bob, world.vault, CASH, alice, bob, 4 * BTT, sig) == \
        "SpeedVault: cheque is not above the amount already paid"
    lower = world.cheque("alice", bob, 2 * BTT)
    assert world.m.revert(bob, world.vault, CASH, alice, bob, 2 * BTT, lower) == \
        "SpeedVault: cheque is not above the amount already paid"
    # another beneficiary has its own count
    assert world.cash(carol, alice, carol, 2 * BTT, world.cheque("alice", carol, 2 * BTT)).ok
    assert world.paid_out(alice, bob) == 4 * BTT
    assert world.paid_out(alice, carol) == 2 * BTT


def test_an_uncovered_cheque_reverts_with_a_reason_and_moves_nothing(world: VaultWorld) -> None:
    alice, bob = world.addr("alice"), world.addr("bob")
    vault_tokens = world.token_balance(world.vault)
    result = world.cash(bob, alice, bob, 101 * BTT, world.cheque("alice", bob, 101 * BTT))
    assert result.outcome is Outcome.REVERT
    assert world.m.revert(bob, world.vault, CASH, alice, bob, 101 * BTT,
                          world.cheque("alice", bob, 101 * BTT)) == \
        "SpeedVault: cheque bounced, vault balance too low"
    assert result.logs == ()
    assert world.balance(alice) == 100 * BTT
    assert world.paid_out(alice, bob) == 0
    assert world.token_balance(world.vault) == vault_tokens
    # it is never paid in part; once covered, the whole cheque cashes
    assert world.deposit("alice", 1 * BTT).ok
    assert world.cash(bob, alice, bob, 101 * BTT, world.cheque("alice", bob, 101 * BTT)).ok
    assert world.balance(alice) == 0


def test_withdrawal_only_after_the_notice_and_cheques_stay_cashable_meanwhile(
        world: VaultWorld) -> None:
    alice, bob = world.addr("alice"), world.addr("bob")
    m = world.m
    assert m.revert(alice, world.vault, "withdraw()") == "SpeedVault: no withdrawal announced"
    assert m.revert(alice, world.vault, "announceWithdrawal(uint256)", 101 * BTT) == \
        "SpeedVault: amount exceeds the vault balance"
    ready_at = m.call(alice, world.vault, "announceWithdrawal(uint256)", 80 * BTT)
    assert ready_at == m.now + NOTICE
    m.now += NOTICE - 1
    assert m.revert(alice, world.vault, "withdraw()") == \
        "SpeedVault: the withdrawal notice is running"
    # a seeder cashes during the notice
    assert world.cash(bob, alice, bob, 30 * BTT, world.cheque("alice", bob, 30 * BTT)).ok
    m.now += 1
    before = world.token_balance(alice)
    paid = m.call(alice, world.vault, "withdraw()")
    assert paid == 70 * BTT  # what was left, not the 80 announced
    assert world.token_balance(alice) - before == 70 * BTT
    assert world.balance(alice) == 0
    assert m.view(world.vault, "withdrawalOf(address)", alice, out="(uint256,uint256)") == (0, 0)
    # re-announcing restarts the notice; 0 cancels
    assert world.deposit("alice", 5 * BTT).ok
    m.call(alice, world.vault, "announceWithdrawal(uint256)", 5 * BTT)
    m.call(alice, world.vault, "announceWithdrawal(uint256)", 0)
    m.now += 10 * NOTICE
    assert m.revert(alice, world.vault, "withdraw()") == "SpeedVault: no withdrawal announced"


def test_a_cheque_for_another_chain_or_another_vault_contract_fails() -> None:
    machine = Machine()
    here = VaultWorld.make(machine=machine)
    # a second deployment on the same chain, same token: a cheque of one is void at the other
    there_vault = machine.deploy("SpeedVault", ["address", "uint256", "uint256", "bytes32"],
                                 [here.token, NOTICE, CHAIN_ID, b"\x00" * 32])
    there = VaultWorld(machine, here.token, there_vault, here.keys)
    alice, bob = here.addr("alice"), here.addr("bob")
    assert here.deposit("alice", 10 * BTT).ok
    assert there.deposit("alice", 10 * BTT).ok
    sig = here.cheque("alice", bob, 5 * BTT)
    assert there.m.revert(bob, there.vault, CASH, alice, bob, 5 * BTT, sig) == \
        "SpeedVault: cheque not signed by the vault owner"
    other_chain = ChequeDomain(CHAIN_ID + 1, tron(here.vault))
    foreign = here.cheque("alice", bob, 5 * BTT, domain=other_chain)
    assert here.m.revert(bob, here.vault, CASH, alice, bob, 5 * BTT, foreign) == \
        "SpeedVault: cheque not signed by the vault owner"
    assert here.cash(bob, alice, bob, 5 * BTT, sig).ok  # the right one still pays


def test_the_contract_digest_is_the_speed_clients_digest(world: VaultWorld) -> None:
    from btt_desktop.speed.cheque import cheque_digest

    alice, bob = world.addr("alice"), world.addr("bob")
    for cum in (0, 1, 10**18, 2**256 - 1):
        on_chain = world.m.view(world.vault, "chequeDigest(address,address,uint256)", alice,
                                bob, cum, out="bytes32")
        assert on_chain == cheque_digest(world.domain, tron(alice), tron(bob), cum)
    assert world.m.view(world.vault, "domainSeparator()", out="bytes32") == \
        world.domain.separator()


@pytest.mark.parametrize("mangle, reason", [
    (lambda s: s[:32] + (SECP256K1_N - int.from_bytes(s[32:64], "big")).to_bytes(32, "big")
     + bytes([55 - s[64]]), "SpeedVault: signature s is not in the lower half"),
    (lambda s: s[:64], "SpeedVault: a signature is 65 bytes"),
    (lambda s: s + b"\x00", "SpeedVault: a signature is 65 bytes"),
    (lambda s: s[:64] + bytes([29]), "SpeedVault: signature v must be 27 or 28"),
    (lambda s: bytes(65), "SpeedVault: invalid signature"),  # v 0 reads as 27
    (lambda s: bytes(64) + bytes([27]), "SpeedVault: invalid signature"),
    (lambda s: s[:32] + bytes(32) + s[64:], "SpeedVault: invalid signature"),
])
def test_high_s_and_malformed_signatures_fail(world: VaultWorld, mangle, reason: str) -> None:
    alice, bob = world.addr("alice"), world.addr("bob")
    sig = world.cheque("alice", bob, 5 * BTT)
    assert world.m.revert(bob, world.vault, CASH, alice, bob, 5 * BTT, mangle(sig)) == reason
    assert world.paid_out(alice, bob) == 0


def test_v_of_0_or_1_is_accepted_like_27_or_28(world: VaultWorld) -> None:
    alice, bob = world.addr("alice"), world.addr("bob")
    sig = world.cheque("alice", bob, 5 * BTT)
    assert world.cash(bob, alice, bob, 5 * BTT, sig[:64] + bytes([sig[64] - 27])).ok


def test_the_tvm_ecrecover_word_keeps_0x41_and_the_vault_copes(world: VaultWorld) -> None:
    """java-tron's ecrecover answers the 21-byte TRON address in a word; the vault only
    compares it as a typed address, so cheques cash under that quirk (the tests above)."""
    key = world.keys["alice"]
    digest = b"\x07" * 32
    sig = key.sign_msg_hash(digest).to_bytes()
    data = digest + (sig[64] + 27).to_bytes(32, "big") + sig[:64]
    result = world.m.evm.call(caller=DEPLOYER, to=b"\x00" * 19 + b"\x01", data=data,
                              energy_limit=10**6, now=world.m.now, block_number=2, commit=False)
    assert result.output[11] == 0x41
    assert result.output[12:] == key_address(key)


@pytest.mark.parametrize("mode", [1, 2])  # NO_RETURN, FALSE_ON_SUCCESS
def test_tokens_that_return_nothing_or_false_still_work(mode: int) -> None:
    world = VaultWorld.make(token_name="HostileToken")
    world.m.call(DEPLOYER, world.token, "setMode(uint8)", mode, out="")
    alice, bob = world.addr("alice"), world.addr("bob")
    assert world.deposit("alice", 10 * BTT).ok
    assert world.balance(alice) == 10 * BTT
    before = world.token_balance(bob)
    assert world.cash(bob, alice, bob, 4 * BTT, world.cheque("alice", bob, 4 * BTT)).ok
    assert world.token_balance(bob) - before == 4 * BTT
    world.m.call(alice, world.vault, "announceWithdrawal(uint256)", 6 * BTT)
    world.m.now += NOTICE
    assert world.m.call(alice, world.vault, "withdraw()") == 6 * BTT


def test_a_token_that_lies_about_moving_is_caught_by_the_balance_check() -> None:
    world = VaultWorld.make(token_name="HostileToken")
    world.m.call(DEPLOYER, world.token, "setMode(uint8)", 3, out="")  # LIAR
    alice = world.addr("alice")
    world.m.call(alice, world.token, "approve(address,uint256)", world.vault, 10 * BTT,
                 out="bool")
    assert world.m.revert(alice, world.vault, "deposit(uint256)", 10 * BTT) == \
        "SpeedVault: the token did not move the amount"
    assert world.balance(alice) == 0


@pytest.mark.parametrize("target", ["deposit", "cash", "withdraw"])
def test_a_malicious_token_cannot_re_enter(target: str) -> None:
    world = VaultWorld.make(token_name="HostileToken")
    m = world.m
    alice, bob = world.addr("alice"), world.addr("bob")
    assert world.deposit("alice", 50 * BTT).ok
    sig = world.cheque("alice", bob, 5 * BTT)
    selector_data = {
        "deposit": ("deposit(uint256)", ["uint256"], [1 * BTT]),
        "cash": (CASH, ["address", "address", "uint256", "bytes"],
                 ["0x" + alice.hex(), "0x" + bob.hex(), 5 * BTT, sig]),
        "withdraw": ("withdraw()", [], []),
    }[target]
    from eth_utils import function_signature_to_4byte_selector

    signature, types, args = selector_data
    data = function_signature_to_4byte_selector(signature) + eth_abi.encode(types, args)
    m.call(DEPLOYER, world.token, "setReentry(address,bytes)", world.vault, data, out="")
    m.call(DEPLOYER, world.token, "setMode(uint8)", 4, out="")  # REENTER
    m.call(alice, world.token, "approve(address,uint256)", world.vault, 10 * BTT, out="bool")
    # the outer call goes through; the token's call back into the vault does not
    assert m.raw(alice, world.vault, "deposit(uint256)", 10 * BTT).ok
    assert m.view(world.token, "reentryAttempts()") == 1
    assert m.view(world.token, "reentrySucceeded()", out="bool") is False
    assert world.balance(alice) == 60 * BTT
    assert world.paid_out(alice, bob) == 0
    assert world.token_balance(world.vault) == 60 * BTT


def test_amounts_near_2_256_cannot_overflow() -> None:
    world = VaultWorld.make(token_name="HostileToken", users=("alice", "bob"))
    m = world.m
    alice, bob = world.addr("alice"), world.addr("bob")
    top = 2**256 - 1
    # alice holds nearly all of a maximal supply and puts it in the vault
    world.mint(alice, top - world.token_balance(alice) - world.token_balance(bob))
    everything = world.token_balance(alice)
    assert world.deposit("alice", everything).ok
    assert world.balance(alice) == everything
    # one more base unit cannot be credited: the token's own supply would wrap first,
    # and the vault's addition is checked too
    assert m.raw(DEPLOYER, world.token, "mint(address,uint256)", alice, 1).outcome \
        is Outcome.REVERT
    # a cheque for the maximal amount bounces as a whole instead of wrapping
    big = world.cheque("alice", bob, top)
    assert m.revert(bob, world.vault, CASH, alice, bob, top, big) == \
        "SpeedVault: cheque bounced, vault balance too low"
    # a cheque for exactly what is there pays out, and a replay cannot go past the top
    assert world.cash(bob, alice, bob, everything, world.cheque("alice", bob, everything)).ok
    assert world.balance(alice) == 0
    assert m.revert(bob, world.vault, CASH, alice, bob, top, big) == \
        "SpeedVault: cheque bounced, vault balance too low"


def test_every_state_change_emits_its_event(world: VaultWorld) -> None:
    m = world.m
    alice, bob, carol = world.addr("alice"), world.addr("bob"), world.addr("carol")
    word = lambda a: b"\x00" * 12 + a  # noqa: E731
    result = world.deposit("alice", 7 * BTT)
    (deposited,) = world.events(result, "Deposited(address,uint256,uint256)")
    assert deposited[1] == word(alice)
    (log,) = [x for x in result.logs if x.topics[0] == deposited[0]]
    assert eth_abi.decode(["uint256", "uint256"], log.data) == (7 * BTT, 107 * BTT)
    result = m.raw(alice, world.vault, "announceWithdrawal(uint256)", 7 * BTT)
    assert world.events(result, "WithdrawalAnnounced(address,uint256,uint256)")
    result = world.cash(carol, alice, bob, 2 * BTT, world.cheque("alice", bob, 2 * BTT))
    (cashed,) = world.events(result, "ChequeCashed(address,address,uint256,uint256)")
    assert cashed[1:] == (word(alice), word(bob))
    m.now += NOTICE
    result = m.raw(alice, world.vault, "withdraw()")
    assert world.events(result, "Withdrawn(address,uint256)")
    # and a revert emits nothing
    assert m.raw(alice, world.vault, "withdraw()").logs == ()


def test_cash_batch_pays_one_beneficiary_from_many_vaults_all_or_nothing() -> None:
    world = VaultWorld.make(users=("alice", "bob", "carol", "dave"))
    m = world.m
    alice, bob, carol, dave = (world.addr(n) for n in ("alice", "bob", "carol", "dave"))
    for name in ("alice", "bob", "carol"):
        assert world.deposit(name, 10 * BTT).ok
    sigs = [world.cheque(n, dave, 3 * BTT) for n in ("alice", "bob", "carol")]
    before = world.token_balance(dave)
    result = m.raw(alice, world.vault, BATCH, dave, [alice, bob, carol], [3 * BTT] * 3, sigs)
    assert result.ok
    assert eth_abi.decode(["uint256"], result.output)[0] == 9 * BTT
    assert world.token_balance(dave) - before == 9 * BTT
    assert len(world.events(result, "ChequeCashed(address,address,uint256,uint256)")) == 3
    # one stale cheque in a batch refuses the whole batch
    fresh = [world.cheque(n, dave, 5 * BTT) for n in ("alice", "bob")]
    assert m.revert(dave, world.vault, BATCH, dave, [alice, bob, carol],
                    [5 * BTT, 5 * BTT, 3 * BTT], [*fresh, sigs[2]]) == \
        "SpeedVault: cheque is not above the amount already paid"
    assert world.paid_out(alice, dave) == 3 * BTT
    assert m.revert(dave, world.vault, BATCH, dave, [alice], [5 * BTT, 5 * BTT], fresh) == \
        "SpeedVault: batch lengths differ"
    assert m.revert(dave, world.vault, BATCH, dave, [], [], []) == "SpeedVault: empty batch"


def test_cheques_to_the_zero_address_or_the_vault_itself_are_refused(world: VaultWorld) -> None:
    alice = world.addr("alice")
    for target in (b"\x00" * 20, world.vault):
        sig = world.cheque("alice", target, BTT)
        assert world.m.revert(alice, world.vault, CASH, alice, target, BTT, sig) == \
            "SpeedVault: cheque to an invalid beneficiary"


def test_no_admin_no_owner_no_upgrade() -> None:
    abi = artifact("SpeedVault")["abi"]
    changing = sorted(e["name"] for e in abi if e["type"] == "function"
                      and e["stateMutability"] not in ("view", "pure"))
    assert changing == ["announceWithdrawal", "cash", "cashBatch", "deposit", "withdraw"]
    assert not [e for e in abi if e["type"] in ("fallback", "receive")]
    source = (artifact("SpeedVault")["source"])
    text = (__import__("pathlib").Path(__file__).resolve().parents[2] / source).read_text()
    for word in ("selfdestruct", "delegatecall", "onlyOwner"):
        assert word not in text


def test_the_constructor_refuses_what_would_make_a_useless_vault() -> None:
    m = Machine()
    token = m.deploy("DevnetBTT", ["address"], [DEPLOYER])
    types = ["address", "uint256", "uint256", "bytes32"]
    for args in ([b"\x00" * 19 + b"\x99", 60, 1, b"\x00" * 32],  # not a contract
                 [token, 0, 1, b"\x00" * 32], [token, 60, 0, b"\x00" * 32]):
        with pytest.raises(AssertionError):
            m.deploy("SpeedVault", types, args)


def test_a_key_that_is_not_a_wallet_key_cannot_sign_for_another(world: VaultWorld) -> None:
    """Key recovery gives exactly one signer: a random key never matches alice's vault."""
    alice, bob = world.addr("alice"), world.addr("bob")
    stranger = PrivateKey.random()
    digest_sig = stranger.sign_msg_hash(b"\x00" * 32).to_bytes()
    sig = digest_sig[:64] + bytes([digest_sig[64] + 27])
    assert world.m.revert(bob, world.vault, CASH, alice, bob, BTT, sig) == \
        "SpeedVault: cheque not signed by the vault owner"
