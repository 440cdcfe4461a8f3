"""The desktop file and the AppStream metainfo pass the freedesktop validators."""

from __future__ import annotations

import configparser
import subprocess
import xml.etree.ElementTree as ET

import pytest

from btt_desktop import APP_ID
from tests.packaging.packaging_helpers import RESOURCES, project_version

DESKTOP = RESOURCES / "linux" / f"{APP_ID}.desktop"
METAINFO = RESOURCES / "linux" / f"{APP_ID}.metainfo.xml"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.timeout(60)
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    # desktop-file-validate exits 0 with hints only; errors and warnings fail it
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower() and "warning" not in result.stdout.lower()


def test_desktop_file_opens_magnets_and_torrents() -> None:
    entry = _entry()
    assert entry["Exec"] == "btt-desktop %U"
    assert entry["Icon"] == APP_ID
    assert set(entry["MimeType"].rstrip(";").split(";")) == {
        "x-scheme-handler/magnet",
        "application/x-bittorrent",
    }
    assert {"Network", "FileTransfer", "P2P"} <= set(entry["Categories"].split(";"))


@pytest.mark.timeout(60)
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--no-color", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # errors (E:) and warnings (W:) fail; infos (I:) and pedantic notes (P:) may stay
    flagged = [line for line in result.stdout.splitlines() if line.startswith(("E:", "W:"))]
    assert not flagged, result.stdout


def test_metainfo_matches_the_desktop_file_and_the_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("icon") == APP_ID
    provided = {e.text for e in root.iter("mediatype")}
    assert provided == {"x-scheme-handler/magnet", "application/x-bittorrent"}
    # the newest release must be the version in pyproject.toml (the one place it lives)
    releases = root.find("releases")
    assert releases is not None
    newest = releases.find("release")
    assert newest is not None and newest.get("version") == project_version()
