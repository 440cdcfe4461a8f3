"""The per-user desktop installer, run as a user runs it, into a throw-away home."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from btt_desktop import APP_ID
from tests.packaging.packaging_helpers import PACKAGING

DESKTOP = f"{APP_ID}.desktop"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_DIRS=f"{home / 'data'}:/usr/share",
        QT_QPA_PLATFORM="offscreen",
    )
    env.pop("XDG_CURRENT_DESKTOP", None)  # xdg-mime's generic (freedesktop) method
    return env


def _install(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(PACKAGING / "install_desktop.py"), *args],
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _fake_program(path: Path) -> Path:
    """An executable file to point Exec= at (the installer only checks that it runs)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.mark.timeout(180)
def test_install_registers_menu_entry_icons_and_handlers(tmp_path: Path) -> None:
    program = _fake_program(tmp_path / "My Apps" / "btt-desktop")
    result = _install(tmp_path, "--exec", str(program))
    assert result.returncode == 0, result.stderr

    data = tmp_path / "data"
    entry = data / "applications" / DESKTOP
    text = entry.read_text()
    # the path has a space: quoted as the Desktop Entry spec asks, and still valid
    assert f'Exec="{program}" %U' in text.splitlines()
    validate = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
    )
    assert validate.returncode == 0, validate.stdout

    hicolor = data / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for n in SIZES:
        png = hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (data / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()

    # the desktop database lists us for both types, and xdg-mime says we are the default
    cache = (data / "applications" / "mimeinfo.cache").read_text()
    assert f"x-scheme-handler/magnet={DESKTOP};" in cache
    assert f"application/x-bittorrent={DESKTOP};" in cache
    for mime in ("x-scheme-handler/magnet", "application/x-bittorrent"):
        query = subprocess.run(
            ["xdg-mime", "query", "default", mime],
            env=_env(tmp_path),
            capture_output=True,
            text=True,
            check=False,
        )
        assert query.stdout.strip() == DESKTOP, (mime, query.stdout, query.stderr)

    removed = _install(tmp_path, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert not entry.exists()
    assert not list(hicolor.rglob(f"{APP_ID}.*"))


@pytest.mark.timeout(120)
def test_install_without_default_handler_leaves_mime_defaults_alone(tmp_path: Path) -> None:
    # no --exec: the btt-desktop installed beside this Python (the test virtualenv's)
    result = _install(tmp_path, "--no-default-handler")
    assert result.returncode == 0, result.stderr
    entry = (tmp_path / "data" / "applications" / DESKTOP).read_text()
    beside = Path(sys.executable).parent / "btt-desktop"
    assert f"Exec={beside} %U" in entry.splitlines()
    assert not (tmp_path / "config" / "mimeapps.list").exists()


@pytest.mark.timeout(60)
def test_missing_program_is_one_clear_line(tmp_path: Path) -> None:
    result = _install(tmp_path, "--exec", str(tmp_path / "nowhere" / "btt-desktop"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "not an executable file" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "data" / "applications").exists()
