"""`pip install .` (non-editable) ships every resource where importlib.resources finds it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.packaging.packaging_helpers import RESOURCES, ROOT


@pytest.mark.timeout(240)
def test_wheel_carries_resources_and_the_installed_package_finds_them(tmp_path: Path) -> None:
    # build from a copy of the source tree (symlinks kept) so no build/ lands in the work tree
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("btt_desktop", "resources"):
        shutil.copytree(ROOT / name, source / name, symlinks=True, ignore=skip)
    assert (source / "btt_desktop" / "resources").is_symlink()
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(source)],
        capture_output=True,
        text=True,
        timeout=220,
        check=False,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = wheels.glob("btt_desktop-*.whl")

    expected = {
        "btt_desktop/resources/" + p.relative_to(RESOURCES).as_posix()
        for p in RESOURCES.rglob("*")
        if p.is_file()
    }
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        zf.extractall(tmp_path / "site")
    missing = expected - names
    assert not missing, f"not in the wheel: {sorted(missing)}"

    # the unpacked wheel alone (no source tree on the path) finds its icons and desktop file
    probe = (
        "from importlib.resources import files\n"
        "from btt_desktop import APP_ID\n"
        "r = files('btt_desktop').joinpath('resources')\n"
        "print(r.joinpath('icons', APP_ID + '.svg').is_file(),"
        " r.joinpath('icons', 'actions', 'pause.svg').is_file(),"
        " r.joinpath('linux', APP_ID + '.desktop').is_file())\n"
        "import btt_desktop; print(btt_desktop.__file__)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(tmp_path / "site")
    run = subprocess.run(
        [sys.executable, "-S", "-c", probe],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    found, location = run.stdout.splitlines()
    assert found == "True True True"
    assert location.startswith(str(tmp_path / "site"))
