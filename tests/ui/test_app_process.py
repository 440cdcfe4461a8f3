"""`btt-desktop` as a real process: it restores the profile's torrents, takes a second
launch's torrent, and on SIGTERM shuts down cleanly (resume data and session saved)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import pytest

from btt_desktop.engine import Engine
from btt_desktop.engine.types import AddParams
from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.settings_store import Settings, SettingsStore
from btt_desktop.ui.single_instance import InstanceServer, hand_off
from tests.ui.conftest import loopback_settings
from tests.ui.ui_helpers import make_torrent, until

pytestmark = pytest.mark.timeout(90)

ROOT = Path(__file__).resolve().parents[2]


async def test_window_process_restores_hands_off_and_shuts_down_cleanly(
        tmp_path: Path) -> None:
    profile = Profile.open(tmp_path / "profile")
    settings = Settings(engine=loopback_settings())
    SettingsStore(profile.settings_file).save(settings)
    # a torrent already in the profile, added by an earlier run
    _content, torrent = await make_torrent(tmp_path / "seed", {"r.bin": 300_000}, name="Kept")
    engine = Engine(profile, EventBus(), settings.engine)
    await engine.start()
    tid = await engine.add(AddParams(save_path=str(tmp_path / "down"),
                                     torrent_path=str(torrent), paused=True))
    await engine.close()
    resume = profile.resume_dir / f"{tid}.resume"
    assert resume.exists()
    state_before = profile.session_state_file.stat().st_mtime_ns

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "btt_desktop.app", "--profile", str(profile.root),
        env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        # the window answers on its single-instance socket once it runs; a second
        # launch's torrent is taken (the call returns True only on the window's "ok")
        _other, second = await make_torrent(tmp_path / "two", {"s.bin": 1000}, name="Second")
        handed = await until(
            lambda: process.returncode is None and hand_off(profile.ipc_name, [str(second)]),
            30, "the window to take a hand-off")
        assert handed
        await until(lambda: (profile.root / "engine.running").exists(), 20, "engine start")
        process.send_signal(signal.SIGTERM)
        _out, err = await asyncio.wait_for(process.communicate(), 40)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == 0, err.decode()
    assert b"Traceback" not in err
    # a clean shutdown: the running marker is gone, state and resume data were saved
    assert not (profile.root / "engine.running").exists()
    assert profile.session_state_file.stat().st_mtime_ns > state_before
    assert resume.exists()
    log = (profile.root / "btt-desktop.log").read_text()
    assert "ERROR" not in log


CLIENT = (
    "import sys\n"
    "from PySide6.QtCore import QCoreApplication\n"
    "from btt_desktop.ui.single_instance import InstanceServer, hand_off\n"
    "app = QCoreApplication([])\n"
    "sys.exit(0 if hand_off(sys.argv[1], sys.argv[2:], cwd='/somewhere') else 3)\n"
)


async def _launch(name: str, *args: str) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    process = await asyncio.create_subprocess_exec(sys.executable, "-c", CLIENT, name, *args,
                                                   env=env)
    return await asyncio.wait_for(process.wait(), 30)


async def test_launches_before_the_window_is_ready_are_kept(
        qapp: object, tmp_path: Path) -> None:
    name = f"btt-desktop-test-{os.getpid()}-{tmp_path.name}"[:90]
    server = InstanceServer(name)
    assert server.listen()
    try:
        magnet = "magnet:?xt=urn:btih:" + "a" * 40
        assert await _launch(name, magnet) == 0
        got: list[tuple[str, list[str]]] = []
        server.deliver_to(lambda cwd, args: got.append((cwd, args)))
        assert got == [("/somewhere", [magnet])]
        assert await _launch(name, "b.torrent") == 0
        await until(lambda: len(got) == 2, 10, "the later launch")
        assert got[1] == ("/somewhere", ["b.torrent"])
        path = server.full_name()
    finally:
        server.close()

    # a socket file left behind by a crash is cleaned up by the next window
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(path)
    stale.close()
    assert os.path.exists(path)  # noqa: ASYNC240 - a stat, in a test
    assert await _launch(name, "x") == 3          # nobody answers there
    again = InstanceServer(name)
    assert again.listen()
    again.close()
