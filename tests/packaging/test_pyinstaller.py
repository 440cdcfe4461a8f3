"""The one-folder app builds and runs: packaging/smoke_test.sh, end to end (minutes).

Not part of the default run (see conftest.py); run it by name:

    python -m pytest tests/packaging/test_pyinstaller.py
"""

from __future__ import annotations

import subprocess

import pytest

from tests.packaging.packaging_helpers import PACKAGING, project_version


@pytest.mark.timeout(1500)
def test_one_folder_app_builds_reports_its_version_and_runs() -> None:
    result = subprocess.run(
        ["bash", str(PACKAGING / "smoke_test.sh")],
        capture_output=True,
        text=True,
        timeout=1440,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    lines = result.stdout.splitlines()
    version = project_version()
    assert f"ok: btt-desktop --version: btt-desktop {version}" in lines
    assert f"ok: btt --version: btt {version}" in lines
    assert any(line.startswith("ok: btt devnet: contracts deployed") for line in lines), output
    assert any(line.startswith("ok: offscreen: window up") for line in lines), output
    assert any(line.startswith("ok: xcb: window up") for line in lines), output
    assert lines[-1] == "smoke test: 6 passed, 0 failed"
