from __future__ import annotations

from eth_abi import encode as abi_encode
from tronpy.keys import keccak256, to_hex_address

from btt_desktop.speed.cheque import (
    CHEQUE_TAG,
    Cheque,
    cheque_digest,
    network_hash,
    sign_cheque,
)
from btt_desktop.speed.signing import recover_signer
from tests.speed.speed_keys import NET, VAULT, address, signer

# The worked example in docs/speed-protocol.md
VECTOR_KEY = 1
VECTOR_TO_KEY = 2
VECTOR_NET = "devnet:test"
VECTOR_CUM = 1_500_000_000_000_000_000
VECTOR_DIGEST = "31b016c64055eab2f0ae4ade4917be1068d7da1c35ec057381c8ec99afff6b14"
VECTOR_SIG = (
    "fdec039891d750d49f35efc9846a6e1419d4172e50096aba439d562a28040447"
    "4ed9685037e0a9d8bd2396a880d0ce94c090d39e2d148cb2bb9bf71bb45078471c")


def test_digest_equals_abi_encode() -> None:
    to = address(2)
    cum = 10**24 + 7
    expected = keccak256(abi_encode(
        ["bytes32", "bytes32", "address", "address", "uint256"],
        [CHEQUE_TAG, keccak256(NET.encode()),
         "0x" + to_hex_address(VAULT)[2:], "0x" + to_hex_address(to)[2:], cum]))
    assert cheque_digest(NET, VAULT, to, cum) == expected
    assert b"BTTSpeedCheque-v1" + bytes(15) == CHEQUE_TAG
    assert network_hash("mainnet") == keccak256(b"mainnet")


def test_worked_vector() -> None:
    cheque = sign_cheque(signer(VECTOR_KEY), VECTOR_NET, address(VECTOR_KEY),
                         address(VECTOR_TO_KEY), VECTOR_CUM)
    assert cheque.digest().hex() == VECTOR_DIGEST
    assert cheque.sig.hex() == VECTOR_SIG
    assert cheque.signer() == address(VECTOR_KEY)


def test_signature_binds_every_field() -> None:
    c = sign_cheque(signer(1), NET, VAULT, address(2), 1000)
    assert c.signer() == address(1)
    for changed in (Cheque(net="mainnet", vault=c.vault, to=c.to, cum=c.cum, sig=c.sig),
                    Cheque(net=c.net, vault=address(9), to=c.to, cum=c.cum, sig=c.sig),
                    Cheque(net=c.net, vault=c.vault, to=address(3), cum=c.cum, sig=c.sig),
                    Cheque(net=c.net, vault=c.vault, to=c.to, cum=1001, sig=c.sig)):
        assert changed.signer() != address(1)


def test_malformed_signatures_recover_nobody() -> None:
    c = sign_cheque(signer(1), NET, VAULT, address(2), 1000)
    digest = c.digest()
    high_s = bytearray(c.sig)
    n = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
    s = int.from_bytes(c.sig[32:64], "big")
    high_s[32:64] = (n - s).to_bytes(32, "big")
    high_s[64] = 55 - c.sig[64]  # the flipped parity that the high-s twin needs
    assert recover_signer(digest, bytes(high_s)) is None
    assert recover_signer(digest, c.sig[:64] + bytes([c.sig[64] - 27])) == address(1)  # v 0/1
    assert recover_signer(digest, c.sig[:64] + bytes([c.sig[64] + 2])) is None  # v 29/30
    assert recover_signer(digest, bytes(65)) is None
    assert recover_signer(digest, c.sig[:64]) is None
