"""The GPL's text ships with every form of the app: the source tree and its sdist
(LICENSE), the wheel and the one-folder app (btt_desktop/resources/LICENSE, which Help ▸
Licence shows)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.packaging.packaging_helpers import PACKAGING, RESOURCES, ROOT

DEBIAN_GPL3 = Path("/usr/share/common-licenses/GPL-3")


def test_the_licence_is_the_gpl_3_in_both_places() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.splitlines()[0].strip() == "GNU GENERAL PUBLIC LICENSE"
    assert "Version 3, 29 June 2007" in text
    assert (RESOURCES / "LICENSE").read_text(encoding="utf-8") == text
    if DEBIAN_GPL3.is_file():
        assert DEBIAN_GPL3.read_text(encoding="utf-8") == text
    with open(ROOT / "pyproject.toml", "rb") as f:
        assert tomllib.load(f)["project"]["license"] == "GPL-3.0-or-later"


@pytest.mark.parametrize("where", ["MANIFEST.in", "packaging/build.sh"])
def test_the_licence_is_packaged(where: str) -> None:
    assert "LICENSE" in (ROOT / where).read_text(encoding="utf-8")
    assert "resources" in (PACKAGING / "btt-desktop.spec").read_text(encoding="utf-8")
