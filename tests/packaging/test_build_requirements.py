"""The hash-pinned build requirements cover, and agree with, the package's dependencies.

A dependency added to pyproject.toml but not pinned for the one-folder build leaves the
frozen app without it (it fails at start, not at build).
"""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.packaging.packaging_helpers import PACKAGING, ROOT

PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s\\]+)", re.M)


def _pins() -> dict[str, str]:
    text = (PACKAGING / "requirements-build.txt").read_text()
    return {canonicalize_name(name): version for name, version in PIN.findall(text)}


def test_every_runtime_dependency_is_pinned_within_its_range() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = _pins()
    for spec in project["dependencies"]:
        req = Requirement(spec)
        if req.marker is not None and not req.marker.evaluate():
            continue
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not pinned in packaging/requirements-build.txt"
        assert req.specifier.contains(pins[name], prereleases=True), (
            f"{req.name}=={pins[name]} is outside {req.specifier} (pyproject.toml)")


def test_every_pin_has_a_hash() -> None:
    text = (PACKAGING / "requirements-build.txt").read_text()
    blocks = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", text)
    for block in blocks:
        if PIN.match(block):
            assert "--hash=sha256:" in block, block.splitlines()[0]
