"""Where each network's SpeedVault contract is, and whether the code there is ours.

Three sources, first match wins: an address the caller names, one this profile deployed
or chose (``<profile>/speed/vaults.json``, written by ``btt vault deploy``), and the table
shipped in ``resources/contracts/deployments.json`` (filled in by maintainers for mainnet
and nile). On the devnet the node names its own genesis vault.

Before Speed trusts a contract it compares the runtime code with the committed build
output (``resources/contracts/SpeedVault.json``), the constructor's immutable values
masked out, so a node or a table entry cannot point cheques at some other contract.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from btt_desktop.atomicfile import read_with_backup, write_atomic
from btt_desktop.errors import SpeedError
from btt_desktop.speed.messages import is_network_id, is_tron_address

RECORD_FILE = "vaults.json"


@cache
def vault_artifact() -> dict[str, Any]:
    """The committed SpeedVault build output (ABI, bytecode, immutable ranges)."""
    path = resources.files("btt_desktop") / "resources" / "contracts" / "SpeedVault.json"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(doc.get("abi"), list):
            raise TypeError("abi")
        bytes.fromhex(doc["bytecode"] + doc["deployedBytecode"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SpeedError(f"the SpeedVault build output is unusable ({exc})") from None
    return dict(doc)


def speed_vault_abi() -> list[dict[str, Any]]:
    return list(vault_artifact()["abi"])


def shipped_vault(network_name: str) -> str | None:
    """The maintainers' deployment on ``network_name`` (mainnet, nile), if any."""
    path = resources.files("btt_desktop") / "resources" / "contracts" / "deployments.json"
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = table.get(network_name) if isinstance(table, dict) else None
    return value if isinstance(value, str) and is_tron_address(value) else None


def recorded_vault(speed_dir: Path, net: str) -> str | None:
    """The vault this profile deployed or chose for network ``net``, if any."""
    raw = read_with_backup(speed_dir / RECORD_FILE)
    if raw is None:
        return None
    try:
        table = json.loads(raw)
    except ValueError:
        return None
    value = table.get(net) if isinstance(table, dict) else None
    return value if isinstance(value, str) and is_tron_address(value) else None


def record_vault(speed_dir: Path, net: str, address: str) -> None:
    """Remember ``address`` as the vault of ``net`` for this profile (blocking: fsync)."""
    if not is_network_id(net) or not is_tron_address(address):
        raise SpeedError("cannot record a vault without a network id and an address")
    raw = read_with_backup(speed_dir / RECORD_FILE)
    table: dict[str, str] = {}
    if raw is not None:
        try:
            loaded = json.loads(raw)
            if isinstance(loaded, dict):
                table = {str(k): str(v) for k, v in loaded.items()}
        except ValueError:
            table = {}
    table[net] = address
    write_atomic(speed_dir / RECORD_FILE, (json.dumps(table, indent=2) + "\n").encode())


def is_speed_vault_code(runtime: bytes) -> bool:
    """True when ``runtime`` is the committed SpeedVault runtime code, whatever values its
    constructor gave the immutables."""
    artifact = vault_artifact()
    expected = bytearray.fromhex(artifact["deployedBytecode"])
    if len(runtime) != len(expected):
        return False
    seen = bytearray(runtime)
    for start, length in artifact.get("immutableRanges", []):
        seen[start:start + length] = bytes(length)
    return seen == expected
