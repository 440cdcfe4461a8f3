"""Core packages never import Qt: the engine, wallet, speed, devnet and CLI run without it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "btt_desktop"
CORE = ["engine", "wallet", "speed", "devnet", "cli"]
CORE_FILES = ["events.py", "atomicfile.py", "profile.py", "errors.py"]


def _python_files() -> list[Path]:
    files = [p for name in CORE for p in (PACKAGE / name).rglob("*.py")]
    return files + [PACKAGE / name for name in CORE_FILES]


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_module_does_not_import_qt(path: Path) -> None:
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            assert not name.startswith(("PySide6", "qasync", "btt_desktop.ui")), (
                f"{path.name} imports {name}"
            )


def _all_modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", [p for p in _all_modules() if "wallet" not in p.parts],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_private_keys_never_leave_the_wallet(path: Path) -> None:
    """Outside wallet/ nothing holds a private key: Speed, the CLI and the window get a
    signer from the wallet (btt_desktop.wallet.signer), which stops when it locks."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "tronpy.keys":
            assert "PrivateKey" not in [a.name for a in node.names], f"{path.name} imports it"
        if isinstance(node, ast.Attribute):
            assert node.attr not in ("signing_key", "private_key"), \
                f"{path.name} asks the wallet for a key ({node.attr})"
