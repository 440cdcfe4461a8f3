"""The window's start and quit: the window is painted before the wallet and Speed are
built (they are imported off the loop afterwards) and they then work; a launched window
with them running quits at once on SIGTERM, cleanly."""

from __future__ import annotations

import asyncio
import os
import signal
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
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               BTT_REPORT_FIRST_PAINT="1")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "btt_desktop.app", "--profile", str(profile.root),
        env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    lines: list[str] = []
    try:
        assert process.stderr is not None
        while not any(line.startswith("ready ") for line in lines):
            raw = await asyncio.wait_for(process.stderr.readline(), 60)
            assert raw, "the window ended before it was ready"
            lines.append(raw.decode().strip())
        await until(lambda: (profile.root / "engine.running").exists(), 20, "engine start")
        process.send_signal(signal.SIGTERM)
        _out, rest = await asyncio.wait_for(process.communicate(), 40)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == 0, "\n".join(lines) + rest.decode()
    stamps = {line.split()[0]: float(line.split()[1]) for line in lines
              if line.startswith(("first-paint ", "ready "))}
    assert stamps["first-paint"] <= stamps["ready"]
    assert b"Traceback" not in rest
    assert not (profile.root / "engine.running").exists()
    assert profile.session_state_file.exists()
    log = (profile.root / "btt-desktop.log").read_text()
    assert "ERROR" not in log
