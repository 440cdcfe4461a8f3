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
