"""The benchmarks run with the project's runtime dependencies only: importing them loads
neither pytest nor anything from tests/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.mark.parametrize("module", ["throughput", "memory", "encryption", "cli_lifetime",
                                    "engine_download", "lt_peer", "third_party", "speed_flood"])
def test_bench_imports_no_test_code(module: str) -> None:
    if not (BENCH / f"{module}.py").exists():
        pytest.skip(f"bench/{module}.py is not there")
    code = (f"import sys; sys.path.insert(0, {str(BENCH)!r}); import {module}; "
            "bad = sorted(m for m in sys.modules if m == 'pytest' or m.startswith('pytest.') "
            "or m == 'tests' or m.startswith('tests.')); print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, cwd=BENCH.parent)
    assert done.returncode == 0, done.stdout + done.stderr
