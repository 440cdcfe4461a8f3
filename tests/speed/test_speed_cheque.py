"""Cheques, version 2: TIP-712 typed data bound to the chain and the vault contract.

The expected digests are built here by hand from the EIP-712 rules with eth_abi and
eth_hash (not with btt_desktop.speed.cheque), and the signatures are checked with
``cryptography``'s ECDSA, so the code under test is compared with an independent
implementation. tests/speed/test_speed_cheque_devnet.py compares it with the contract.
"""

from __future__ import annotations

import base58
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import Prehashed, encode_dss_signature
from eth_abi import encode as abi_encode
from eth_hash.auto import keccak
from hypothesis import given, settings
from hypothesis import strategies as st

from btt_desktop.speed.cheque import (
    MAINNET_CHAIN_ID,
    NILE_CHAIN_ID,
    Cheque,
    ChequeDomain,
    cheque_digest,
    sign_cheque,
    signed_as_v1,
)
from btt_desktop.speed.messages import ChequeMsg
from btt_desktop.speed.signing import recover_hash_signer, recover_signer
from tests.speed.speed_keys import CHAIN_ID, DOMAIN, NET, OTHER_CONTRACT, VAULT, address, signer

SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141

# The worked example (for docs/speed-protocol.md): owner key 01 x 32, beneficiary key
# 02 x 32, vault contract = the address of key 03 x 32 on mainnet's chain id, 1.5 BTT.
VECTOR_KEY, VECTOR_TO_KEY, VECTOR_CONTRACT_KEY = 1, 2, 3
VECTOR_CHAIN_ID = 0x2B6653DC
VECTOR_CUM = 1_500_000_000_000_000_000
VECTOR_DOMAIN_SEPARATOR = "d4fc631df3ad2adbdd03073ef4d8894a0ed2e09ef92c058246c3d849deb664f1"
VECTOR_STRUCT_HASH = "d442500b43a29bdada08bc28df5c30c70c04e9206f18eaa48b13f6378a6a0d9b"
VECTOR_DIGEST = "d3cfae385cfa651f3c09ef436e4de4c7d7e6325c9a82894e91db91d304a86491"
VECTOR_SIG = (
    "e78d772ddadb200816a4b713984eed5d8f64e9fcf37425fbd46ba185a2ed824e"
    "31cf46c452c4a98a1b5546fea03d57e9319a422b4349c3fe1755202f60cd8ead1b")

# A version 1 cheque as a v1 client sent it (the old worked example: TIP-191 over
# keccak256(abi.encode("BTTSpeedCheque-v1", keccak256(net), vault, to, cum))).
V1_NET = "devnet:test"
V1_DIGEST = "31b016c64055eab2f0ae4ade4917be1068d7da1c35ec057381c8ec99afff6b14"
V1_SIG = (
    "fdec039891d750d49f35efc9846a6e1419d4172e50096aba439d562a28040447"
    "4ed9685037e0a9d8bd2396a880d0ce94c090d39e2d148cb2bb9bf71bb45078471c")


# --- the independent implementation -----------------------------------------------------

def _addr(address: str) -> str:
    """The ABI ``address`` of a base58 TRON address: its 20 bytes after 0x41."""
    raw = base58.b58decode_check(address)
    assert len(raw) == 21 and raw[0] == 0x41
    return "0x" + raw[1:].hex()


def expected_separator(chain_id: int, contract: str) -> bytes:
    typehash = keccak(b"EIP712Domain(string name,string version,uint256 chainId,"
                      b"address verifyingContract)")
    return keccak(abi_encode(["bytes32", "bytes32", "bytes32", "uint256", "address"],
                             [typehash, keccak(b"BTT Speed Vault"), keccak(b"2"), chain_id,
                              _addr(contract)]))


def expected_struct_hash(owner: str, beneficiary: str, cum: int) -> bytes:
    typehash = keccak(b"Cheque(address owner,address beneficiary,uint256 cumulativeAmount)")
    return keccak(abi_encode(["bytes32", "address", "address", "uint256"],
                             [typehash, _addr(owner), _addr(beneficiary), cum]))


def expected_digest(chain_id: int, contract: str, owner: str, beneficiary: str,
                    cum: int) -> bytes:
    return keccak(b"\x19\x01" + expected_separator(chain_id, contract)
                  + expected_struct_hash(owner, beneficiary, cum))


def v1_digest(net: str, vault: str, to: str, cum: int) -> bytes:
    return keccak(abi_encode(["bytes32", "bytes32", "address", "address", "uint256"],
                             [b"BTTSpeedCheque-v1".ljust(32, b"\0"), keccak(net.encode()),
                              _addr(vault), _addr(to), cum]))


def ecdsa_verifies(key_byte: int, digest: bytes, sig: bytes) -> bool:
    """``cryptography``'s ECDSA check of (r, s) over the 32-byte hash, for the key whose
    private scalar is ``key_byte`` repeated."""
    public = ec.derive_private_key(int.from_bytes(bytes([key_byte]) * 32, "big"),
                                   ec.SECP256K1()).public_key()
    der = encode_dss_signature(int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:64], "big"))
    try:
        public.verify(der, digest, ec.ECDSA(Prehashed(hashes.SHA256())))
    except InvalidSignature:
        return False
    return True


# --- the tests ---------------------------------------------------------------------------

def test_worked_vector() -> None:
    owner, to = address(VECTOR_KEY), address(VECTOR_TO_KEY)
    domain = ChequeDomain(VECTOR_CHAIN_ID, address(VECTOR_CONTRACT_KEY))
    # the constants are what the independent implementation gives ...
    assert expected_separator(VECTOR_CHAIN_ID, domain.contract).hex() == \
        VECTOR_DOMAIN_SEPARATOR
    assert expected_struct_hash(owner, to, VECTOR_CUM).hex() == VECTOR_STRUCT_HASH
    assert expected_digest(VECTOR_CHAIN_ID, domain.contract, owner, to, VECTOR_CUM).hex() \
        == VECTOR_DIGEST
    # ... and what Speed computes and signs
    assert domain.separator().hex() == VECTOR_DOMAIN_SEPARATOR
    cheque = sign_cheque(signer(VECTOR_KEY), domain, owner, to, VECTOR_CUM)
    assert cheque.digest().hex() == VECTOR_DIGEST
    assert cheque.sig.hex() == VECTOR_SIG  # RFC 6979: deterministic
    assert ecdsa_verifies(VECTOR_KEY, cheque.digest(), cheque.sig)
    assert cheque.sig[64] in (27, 28)
    assert int.from_bytes(cheque.sig[32:64], "big") <= SECP256K1_N // 2  # low s
    assert cheque.signer() == owner


@settings(max_examples=80, deadline=None)
@given(key=st.integers(1, 200), to=st.integers(1, 200), cum=st.integers(0, 2**256 - 1),
       chain_id=st.sampled_from([MAINNET_CHAIN_ID, NILE_CHAIN_ID, 1, 2**256 - 1]),
       contract=st.integers(1, 200))
def test_digest_and_signature_match_the_independent_encoding(
        key: int, to: int, cum: int, chain_id: int, contract: int) -> None:
    domain = ChequeDomain(chain_id, address(contract))
    want = expected_digest(chain_id, address(contract), address(key), address(to), cum)
    assert cheque_digest(domain, address(key), address(to), cum) == want
    cheque = sign_cheque(signer(key), domain, address(key), address(to), cum)
    assert cheque.digest() == want
    # the signature is over the hash as it is (no TIP-191 prefix)
    assert ecdsa_verifies(key, want, cheque.sig)
    assert recover_hash_signer(want, cheque.sig) == address(key)
    assert recover_signer(want, cheque.sig) != address(key)


def test_signature_binds_every_field() -> None:
    c = sign_cheque(signer(1), DOMAIN, VAULT, address(2), 1000)
    assert c.signer() == address(1)
    other_chain = ChequeDomain(CHAIN_ID + 1, DOMAIN.contract)
    other_contract = ChequeDomain(CHAIN_ID, OTHER_CONTRACT)
    for changed in (Cheque(domain=other_chain, vault=c.vault, to=c.to, cum=c.cum, sig=c.sig),
                    Cheque(domain=other_contract, vault=c.vault, to=c.to, cum=c.cum, sig=c.sig),
                    Cheque(domain=DOMAIN, vault=address(9), to=c.to, cum=c.cum, sig=c.sig),
                    Cheque(domain=DOMAIN, vault=c.vault, to=address(3), cum=c.cum, sig=c.sig),
                    Cheque(domain=DOMAIN, vault=c.vault, to=c.to, cum=1001, sig=c.sig)):
        assert changed.signer() != address(1)


def test_message_round_trip_keeps_the_domain_out_of_the_wire() -> None:
    """The domain is not sent: the receiver applies the one of its connection's contract."""
    c = sign_cheque(signer(1), DOMAIN, address(1), address(2), 77)
    msg = c.to_message()
    assert msg == ChequeMsg(vault=address(1), to=address(2), cum=77, sig=c.sig)
    assert Cheque.from_message(DOMAIN, msg) == c
    assert Cheque.from_message(ChequeDomain(CHAIN_ID, OTHER_CONTRACT), msg).signer() \
        != address(1)


def test_domain_refuses_nonsense() -> None:
    with pytest.raises(ValueError):
        ChequeDomain(0, DOMAIN.contract)
    with pytest.raises(ValueError):
        ChequeDomain(2**256, DOMAIN.contract)
    with pytest.raises(ValueError):
        ChequeDomain(1, "not-an-address")
    with pytest.raises(ValueError):
        cheque_digest(DOMAIN, address(1), address(2), -1)
    with pytest.raises(ValueError):
        cheque_digest(DOMAIN, address(1), address(2), 2**256)


def test_a_version_1_cheque_is_recognised_and_not_valid_as_version_2() -> None:
    owner, to = address(1), address(2)
    cum = 1_500_000_000_000_000_000
    assert v1_digest(V1_NET, owner, to, cum).hex() == V1_DIGEST
    old = Cheque(domain=DOMAIN, vault=owner, to=to, cum=cum, sig=bytes.fromhex(V1_SIG))
    assert recover_signer(bytes.fromhex(V1_DIGEST), old.sig) == owner  # a real v1 cheque
    assert signed_as_v1(V1_NET, old)
    assert old.signer() != owner  # worthless as version 2
    assert not signed_as_v1("devnet:other", old)  # v1 bound the network name
    # a fresh v1 cheque made with the v1 rules by another key is recognised too
    fresh_sig = signer(7).sign_digest(v1_digest(NET, address(7), to, 5))
    assert signed_as_v1(NET, Cheque(DOMAIN, address(7), to, 5, fresh_sig))
    # and neither a v2 cheque nor garbage is taken for one
    v2 = sign_cheque(signer(1), DOMAIN, owner, to, cum)
    assert not signed_as_v1(V1_NET, v2)
    assert not signed_as_v1(V1_NET, Cheque(DOMAIN, owner, to, cum, bytes(65)))


def test_malformed_signatures_recover_nobody() -> None:
    c = sign_cheque(signer(1), DOMAIN, VAULT, address(2), 1000)
    digest = c.digest()
    high_s = bytearray(c.sig)
    s = int.from_bytes(c.sig[32:64], "big")
    high_s[32:64] = (SECP256K1_N - s).to_bytes(32, "big")
    high_s[64] = 55 - c.sig[64]  # the flipped parity that the high-s twin needs
    assert ecdsa_verifies(1, digest, bytes(high_s))  # mathematically valid, ...
    assert recover_hash_signer(digest, bytes(high_s)) is None  # ... but not the one form
    assert recover_hash_signer(digest, c.sig[:64] + bytes([c.sig[64] - 27])) == address(1)
    assert recover_hash_signer(digest, c.sig[:64] + bytes([c.sig[64] + 2])) is None  # v 29/30
    assert recover_hash_signer(digest, bytes(65)) is None
    assert recover_hash_signer(digest, c.sig[:64]) is None
    zero_r = bytes(32) + c.sig[32:]
    assert recover_hash_signer(digest, zero_r) is None
    n_r = SECP256K1_N.to_bytes(32, "big") + c.sig[32:]
    assert recover_hash_signer(digest, n_r) is None
