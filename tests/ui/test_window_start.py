"""The window's start and quit: a launched window paints its frame before asyncio, the
engine and the panels are imported, then its panels, and only then are the wallet and
Speed built (imported off the loop) and they work; a launched window with them running
quits at once on SIGTERM, cleanly."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from btt_desktop.profile import Profile
from btt_desktop.ui.main_window import MainWindow
from tests.ui.conftest import close_rig, open_rig
from tests.ui.ui_helpers import until

pytestmark = pytest.mark.timeout(90)

ROOT = Path(__file__).resolve().parents[2]


async def test_window_paints_before_the_wallet_and_speed_then_they_work(
        qtbot: Any, tmp_path: Path) -> None:
    at_paint: list[list[str]] = []

    def watch(window: MainWindow) -> None:
        window.first_painted.connect(lambda: at_paint.append(window.section_keys()))

    rig = await open_rig(tmp_path, on_window=watch)
    try:
        window, running = rig.window, rig.running
        assert window.painted
        assert at_paint == [["torrents"]]  # painted with the torrents alone
        assert window.section_keys() == ["torrents", "wallet"]
        assert running.wallet_pane is not None and running.speed is not None
        assert running.remote is not None
        window.show_section("wallet")
        assert window.sections.currentWidget() is running.wallet_pane
        window.show_section("torrents")
        assert window.sections.currentWidget() is window.torrents
        assert running.speed_start is not None
        await until(lambda: running.speed_start is not None and running.speed_start.done(),
                    20, "Speed's start")
    finally:
        await close_rig(rig)
    assert not (rig.profile.root / "engine.running").exists()


async def test_launched_window_reports_paint_then_ready_and_quits_cleanly(
        tmp_path: Path) -> None:
    profile = Profile.open(tmp_path / "profile")
    process = await _launch(profile)
    lines: list[str] = []
    try:
        await _read_until(process, "ready", lines)
        await until(lambda: (profile.root / "engine.running").exists(), 20, "engine start")
        process.send_signal(signal.SIGTERM)
        _out, rest = await asyncio.wait_for(process.communicate(), 40)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == 0, "\n".join(lines) + rest.decode()
    stamps = {line.split()[0]: float(line.split()[1]) for line in lines
              if line.startswith(("first-paint ", "filled ", "ready "))}
    assert stamps["first-paint"] <= stamps["filled"] <= stamps["ready"]
    assert b"Traceback" not in rest
    assert not (profile.root / "engine.running").exists()
    assert profile.session_state_file.exists()
    log = (profile.root / "btt-desktop.log").read_text()
    assert "ERROR" not in log


FRAME_PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
from btt_desktop.profile import Profile
from btt_desktop.ui.window_frame import open_frame, paint_now

app = QApplication([])
frame = open_frame(Profile.open(sys.argv[1]))
painted = paint_now(frame.window)
window = frame.window
heavy = ["asyncio", "qasync", "libtorrent", "btt_desktop.engine.engine",
         "btt_desktop.ui.torrent_panel", "btt_desktop.ui.add_flow", "tronpy"]
print(json.dumps({
    "painted": painted,
    "loaded": [name for name in heavy if name in sys.modules],
    "menus": [a.text() for a in window.menuBar().actions()],
    "size": [window.width(), window.height()],
    "pos": [window.x(), window.y()],
}))
"""


def test_the_frame_paints_before_the_engine_and_panels_are_imported(tmp_path: Path) -> None:
    """What a launch paints first: the window where it was left, its menus, and none of
    the heavy modules loaded yet (they come once it is on screen)."""
    from btt_desktop.settings_store import Settings, SettingsStore

    profile = Profile.open(tmp_path / "profile")
    window_layout = _saved_geometry(profile, (37, 41, 700, 480))
    store = SettingsStore(profile.settings_file)
    settings = Settings()
    store.save(dataclasses.replace(settings, app=dataclasses.replace(
        settings.app, window_layout=window_layout)))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", FRAME_PROBE, str(profile.root)],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["painted"]
    assert seen["loaded"] == []
    assert seen["menus"] == ["&File", "&Torrent", "&View", "T&ools", "&Help"]
    assert seen["size"] == [700, 480]  # where it was left, not the first-start size


def _saved_geometry(profile: Profile,
                    rect: tuple[int, int, int, int]) -> dict[str, int | bool | str]:
    """The window layout a window of that geometry saves (made by a real window)."""
    probe = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.setGeometry(*map(int, sys.argv[1:5]))
print(bytes(w.saveGeometry().toBase64().data()).decode())
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", probe, *map(str, rect)],
                          capture_output=True, text=True, env=env, timeout=60, check=True)
    return {"geometry": done.stdout.strip().splitlines()[-1]}


@pytest.mark.parametrize("wait_for", ["first-paint", "filled"])
async def test_sigterm_as_soon_as_the_window_shows_quits_cleanly(
        tmp_path: Path, wait_for: str) -> None:
    """A session ending (SIGTERM) the moment the window appears, before its panels or
    its signal handling are in place: the process still ends cleanly, exit 0."""
    profile = Profile.open(tmp_path / "profile")
    process = await _launch(profile)
    lines: list[str] = []
    try:
        await _read_until(process, wait_for, lines)
        process.send_signal(signal.SIGTERM)
        _out, rest = await asyncio.wait_for(process.communicate(), 60)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == 0, "\n".join(lines) + rest.decode()
    assert b"Traceback" not in rest
    assert not (profile.root / "engine.running").exists()


async def _launch(profile: Profile) -> asyncio.subprocess.Process:
    """``btt-desktop --profile`` as a user launches it (offscreen), reporting its paints."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               BTT_REPORT_FIRST_PAINT="1")
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "btt_desktop.app", "--profile", str(profile.root),
        env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)


async def _read_until(process: asyncio.subprocess.Process, word: str,
                      lines: list[str]) -> None:
    """Collect ``process``'s stderr lines into ``lines`` until one starts with ``word``."""
    assert process.stderr is not None
    while not any(line.startswith(word + " ") for line in lines):
        raw = await asyncio.wait_for(process.stderr.readline(), 60)
        assert raw, f"the window ended before it reported {word!r}"
        lines.append(raw.decode().strip())
