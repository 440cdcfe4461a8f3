"""The committed contract build output is what the committed sources compile to, with the
pinned compiler, and it only uses opcodes TRON's TVM runs."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.contracts.vault_rig import artifact

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools" / "contracts"
# Istanbul's opcodes (what the build targets): no PUSH0 (0x5f, shanghai), BASEFEE (0x48,
# london), BLOBHASH/BLOBBASEFEE (0x49/0x4a), TLOAD/TSTORE/MCOPY (0x5c-0x5e, cancun)
FORBIDDEN = {0x48: "BASEFEE", 0x49: "BLOBHASH", 0x4A: "BLOBBASEFEE", 0x5C: "TLOAD",
             0x5D: "TSTORE", 0x5E: "MCOPY", 0x5F: "PUSH0"}
CONTRACTS = ("SpeedVault", "DevnetBTT", "HostileToken")


@pytest.fixture(scope="module")
def solc_installed() -> Path:
    """The pinned solc from package-lock.json (``npm ci``, as .ci/run does)."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.fail("node and npm are needed to rebuild the contracts (Debian: nodejs, npm)")
    if not (TOOLS / "node_modules" / "solc").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=TOOLS, check=True,
                       capture_output=True, timeout=300)
    return TOOLS


def test_a_fresh_build_equals_the_committed_output(solc_installed: Path) -> None:
    done = subprocess.run(["node", "build.js", "--check"], cwd=solc_installed,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("up to date") == len(CONTRACTS)


def test_the_compiler_is_the_pinned_one(solc_installed: Path) -> None:
    lock = json.loads((TOOLS / "package-lock.json").read_text())
    pinned = lock["packages"]["node_modules/solc"]["version"]
    for name in CONTRACTS:
        compiler = artifact(name)["compiler"]
        assert compiler["npmPackage"] == f"solc@{pinned}"
        assert compiler["version"].startswith(pinned + "+commit.")
        assert compiler["settings"]["evmVersion"] == "istanbul"


def test_the_source_hash_names_the_committed_source() -> None:
    for name in CONTRACTS:
        doc = artifact(name)
        source = (ROOT / doc["source"]).read_bytes()
        assert hashlib.sha256(source).hexdigest() == doc["sourceSha256"]


def opcodes(code: bytes) -> list[int]:
    """The opcodes of ``code`` in execution order, skipping PUSH data and the metadata."""
    metadata = int.from_bytes(code[-2:], "big") + 2  # solc's CBOR trailer length
    body = code[:-metadata]
    out, i = [], 0
    while i < len(body):
        op = body[i]
        out.append(op)
        i += 1 + (op - 0x5F if 0x60 <= op <= 0x7F else 0)
    return out


@pytest.mark.parametrize("name", CONTRACTS)
def test_only_opcodes_tron_runs(name: str) -> None:
    doc = artifact(name)
    for field in ("bytecode", "deployedBytecode"):
        used = set(opcodes(bytes.fromhex(doc[field])))
        assert not used & set(FORBIDDEN), [FORBIDDEN[op] for op in used & set(FORBIDDEN)]
