"""The devnet's fixed addresses (the TRON address conversions are in
:mod:`btt_desktop.tron.addresses`, re-exported here for the devnet's modules)."""

from __future__ import annotations

from tronpy.keys import keccak256

from btt_desktop.tron.addresses import (
    BadAddress,
    from_tvm,
    parse_address,
    show,
    to_base58,
    to_tvm,
)


def _fixed(label: bytes) -> bytes:
    return b"\x41" + keccak256(label)[12:]


# Fixed on every devnet, so wallets and tests can name them without asking the node.
BTT_RAW = _fixed(b"BTTDesktop devnet: BTT TRC-20")
VAULT_RAW = _fixed(b"BTTDesktop devnet: SpeedVault")
# The faucet's account: the only minter of the devnet's BTT. No key exists for it; the node
# itself calls ``mint`` as this address when someone asks the faucet for BTT.
FAUCET_RAW = _fixed(b"BTTDesktop devnet: faucet")
ZERO_RAW = b"\x41" + b"\x00" * 20
BTT_ADDRESS = to_base58(BTT_RAW)  # TXvJwqnPrJZCzLjKw7bmf12hpB7qWZGhE5
VAULT_ADDRESS = to_base58(VAULT_RAW)  # TL6oat5a7BCMya8J9gM1r43sG1udYocqt8

__all__ = ["BTT_ADDRESS", "BTT_RAW", "FAUCET_RAW", "VAULT_ADDRESS", "VAULT_RAW", "ZERO_RAW",
           "BadAddress", "from_tvm", "parse_address", "show", "to_base58", "to_tvm"]
