"""Speed's cheques and the SpeedVault contract agree byte for byte, and the wallet's signer
signs exactly what the tests' KeySigner signs.

The contract runs as bytecode in a devnet subprocess; its ``chequeDigest`` view is asked
with a constant call, and ``cash`` is dry-run (a constant call: nothing is mined) to see
whether its ``ecrecover`` accepts our signatures: on an empty vault a well-signed cheque
gets as far as "cheque bounced", a badly signed one stops at "not signed by the vault
owner".
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from keyring.backends import fail
from tronpy.keys import PrivateKey

from btt_desktop.errors import ChainError
from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.speed.chainlink import VaultLink
from btt_desktop.speed.cheque import Cheque, sign_cheque
from btt_desktop.speed.signing import keccak256
from btt_desktop.wallet.keyring_store import KeyringStore
from btt_desktop.wallet.keystore import ScryptParams
from btt_desktop.wallet.networks import NetworkChoice
from btt_desktop.wallet.service import WalletService
from btt_desktop.wallet.signer import WalletSigner
from tests.devnet_process import devnet_process
from tests.speed.speed_chain import link_to
from tests.speed.speed_keys import KeySigner, address, signer
from tests.speed.test_speed_cheque import expected_digest

pytestmark = pytest.mark.timeout(180)
BOUNCED = "the vault would refuse cash: SpeedVault: cheque bounced, vault balance too low"
NOT_SIGNED = "the vault would refuse cash: SpeedVault: cheque not signed by the vault owner"


@pytest.fixture(scope="module")
def devnet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet")) as url:
        yield url


@pytest.fixture
async def link(devnet: str) -> AsyncIterator[VaultLink]:
    opened = await link_to(devnet)
    try:
        yield opened
    finally:
        await opened.close()


def examples() -> list[tuple[int, int, int]]:
    """(owner key, beneficiary key, cum) triples from hypothesis (the devnet part is async,
    so the examples are collected first and replayed)."""
    found: list[tuple[int, int, int]] = []

    @settings(max_examples=40, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(st.integers(1, 200), st.integers(1, 200),
           st.integers(1, 2**256 - 1) | st.integers(1, 10**24))
    def collect(key: int, to: int, cum: int) -> None:
        found.append((key, to, cum))

    collect()
    return found


async def test_digests_equal_the_contract_view(link: VaultLink) -> None:
    cases = [*examples(), (1, 2, 1), (1, 2, 2**256 - 1), (7, 7, 3)]
    for key, to, cum in cases:
        cheque = sign_cheque(signer(key), link.domain, address(key), address(to), cum)
        on_chain = await link.vault.cheque_digest(address(key), address(to), cum)
        assert on_chain == cheque.digest(), (key, to, cum)
        # and the independent EIP-712 encoding of the tests says the same
        assert on_chain == expected_digest(link.domain.chain_id, link.domain.contract,
                                           address(key), address(to), cum)
    assert link.domain.contract == link.vault.address
    assert await link.vault.domain_separator() == link.domain.separator()


async def test_the_contract_recovers_our_signer(link: VaultLink) -> None:
    """Dry runs of ``cash`` on empty vaults: every well-signed cheque passes the signature
    check (and then bounces); a cheque signed by another key, or with the signature of
    another amount, does not."""
    caller = address(99)
    for key, to, cum in examples()[:12]:
        if key == to or address(to) == link.vault.address:
            continue
        good = sign_cheque(signer(key), link.domain, address(key), address(to), cum)
        with pytest.raises(ChainError) as bounced:
            await link.vault.quote_cash(caller, good)
        assert str(bounced.value) == BOUNCED
        forged = sign_cheque(signer(key % 200 + 1), link.domain, address(key), address(to), cum)
        with pytest.raises(ChainError) as not_signed:
            await link.vault.quote_cash(caller, forged)
        assert str(not_signed.value) == NOT_SIGNED
        moved = Cheque(link.domain, good.vault, good.to, good.cum + 1, good.sig)
        with pytest.raises(ChainError, match=r"not signed by the vault owner$"):
            await link.vault.quote_cash(caller, moved)


async def _wallet_signer(root: Path, key_hex: str, url: str) -> tuple[WalletService, WalletSigner]:
    """A real wallet (cheap scrypt, no keyring) restored from ``key_hex``, unlocked."""
    wallet = WalletService(Profile.open(root), EventBus(), kdf=ScryptParams(n=1 << 10, r=8, p=1),
                           keyring=KeyringStore(fail.Keyring()),
                           network=NetworkChoice("devnet", node_url=url))
    await wallet.open()
    await wallet.restore_private_key(key_hex, "wallet-password")
    return wallet, await wallet.signer()


async def test_wallet_signer_and_key_signer_are_byte_identical(
        devnet: str, link: VaultLink, tmp_path: Path) -> None:
    key_hex = "5e" * 32
    tests_signer = KeySigner(PrivateKey(bytes.fromhex(key_hex)))
    wallet, wallet_signer = await _wallet_signer(tmp_path / "w", key_hex, devnet)
    try:
        assert wallet_signer.address == tests_signer.address
        for to, cum in ((address(2), 1), (address(3), 10**18 + 7), (address(4), 2**200)):
            ours = sign_cheque(tests_signer, link.domain, tests_signer.address, to, cum)
            theirs = sign_cheque(wallet_signer, link.domain, tests_signer.address, to, cum)
            assert theirs == ours  # same digest, same 65 bytes (RFC 6979, v 27/28)
            assert theirs.signer() == tests_signer.address
            with pytest.raises(ChainError) as bounced:  # and the contract recovers it
                await link.vault.quote_cash(address(99), theirs)
            assert str(bounced.value) == BOUNCED
        digest = keccak256(b"btt-speed-auth-v3" + b"\x01" * 32)  # any 32 bytes
        assert wallet_signer.sign_digest(digest) == tests_signer.sign_digest(digest)
    finally:
        await wallet.close()
