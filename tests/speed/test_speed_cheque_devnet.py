"""Speed's cheques and the devnet vault's verifier agree byte for byte."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tronpy.keys import PrivateKey, to_raw_address

from btt_desktop.devnet import vault as devnet_vault
from btt_desktop.speed.cheque import CHEQUE_TAG, cheque_digest, network_hash, sign_cheque
from btt_desktop.speed.signing import recover_signer
from tests.speed.speed_keys import address, signer
from tests.speed.test_speed_cheque import (
    VECTOR_CUM,
    VECTOR_DIGEST,
    VECTOR_KEY,
    VECTOR_NET,
    VECTOR_TO_KEY,
)


def _raw(addr: str) -> bytes:
    return bytes(to_raw_address(addr))


def test_worked_vector_matches_devnet() -> None:
    digest = devnet_vault.cheque_digest(VECTOR_NET, address(VECTOR_KEY), address(VECTOR_TO_KEY),
                                        VECTOR_CUM)
    assert digest.hex() == VECTOR_DIGEST
    assert devnet_vault.CHEQUE_TAG == CHEQUE_TAG
    assert devnet_vault.network_id_word(VECTOR_NET) == network_hash(VECTOR_NET)


@settings(max_examples=60, deadline=None)
@given(key=st.integers(1, 200), to=st.integers(1, 200), cum=st.integers(0, 2**256 - 1),
       net=st.sampled_from(["mainnet", "nile", "devnet:abc123", "devnet:0f"]))
def test_digests_and_signatures_agree(key: int, to: int, cum: int, net: str) -> None:
    ours = sign_cheque(signer(key), net, address(key), address(to), cum)
    assert ours.digest() == devnet_vault.cheque_digest(net, address(key), address(to), cum)
    # the vault recovers our signer from our signature ...
    assert devnet_vault.recover_cheque_signer(ours.digest(), ours.sig) == _raw(address(key))
    # ... and we recover the devnet's own signatures
    theirs = devnet_vault.sign_cheque(PrivateKey(bytes([key]) * 32), net, address(to), cum)
    assert recover_signer(ours.digest(), theirs) == address(key)
    assert cheque_digest(net, address(key), address(to), cum) == ours.digest()
