"""Two processes on one profile must not both write it.

Each process used to rewrite the profile's Speed ledgers from its own memory: with
``btt seed`` and ``btt download`` (or the window) on the same profile, a cheque one had
recorded vanished when the other saved. Now the first process holds the profile and a
second writer is refused in one line naming the profile and the holder, while read-only
commands still work; ``kill -9`` of the holder frees the profile at once.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from btt_desktop.profile import Profile
from btt_desktop.settings_store import Settings, SettingsStore
from tests.conftest import free_port, next_loopback

pytestmark = pytest.mark.timeout(90)

BTT = [sys.executable, "-m", "btt_desktop.cli"]
ROOT = Path(__file__).resolve().parents[2]
WATCHED = "TA25SJ2Uo4NQk2SozYKmZ4wQnpq5T7FNBZ"
OTHER = "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8"
REFUSE_WITHIN = 15.0  # seconds; a second writer that is let in would run on and on


def btt(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BTT, *args], capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


def endpoint() -> str:
    ip = next_loopback()
    return f"{ip}:{free_port(ip)}"


def refused(args: list[str], profile: Path, holder: int) -> str:
    """Run a second writer on the held profile: it must stop at once with one line."""
    try:
        result = btt(*args, timeout=REFUSE_WITHIN)
    except subprocess.TimeoutExpired:
        pytest.fail(f"btt {' '.join(args[2:4])} ran on a profile another process writes")
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.startswith("btt: error: profile ")
    assert str(profile) in line and f"pid {holder}" in line and "--profile" in line, line
    return line


def start_seeder(profile: Path, torrent: Path, data: Path) -> tuple[subprocess.Popen[str], str]:
    listen = endpoint()
    seeder = subprocess.Popen(
        [*BTT, "--profile", str(profile), "seed", str(torrent), "--data", str(data),
         "--listen", listen, "--no-discovery"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    assert seeder.stdout is not None
    line = seeder.stdout.readline()
    assert line == f"listening on {listen}\n", (line, seeder.stderr.read() if line == "" and
                                                seeder.stderr else "")
    return seeder, listen


@pytest.fixture
def torrent(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "share"
    data.mkdir()
    (data / "f.bin").write_bytes(os.urandom(50_000))
    made = tmp_path / "f.torrent"
    assert btt("create", str(data / "f.bin"), "-o", str(made)).returncode == 0
    return made, data


def test_a_second_btt_on_a_held_profile_is_refused_until_the_holder_dies(
        tmp_path: Path, torrent: tuple[Path, Path]) -> None:
    made, data = torrent
    profile = (tmp_path / "shared").resolve()
    assert btt("--profile", str(profile), "wallet", "restore", "--watch",
               WATCHED).returncode == 0
    seeder, _listen = start_seeder(profile, made, data)
    try:
        # a second engine on the same profile (it would write the same state and ledgers)
        refused(["--profile", str(profile), "download", str(made), "--to",
                 str(tmp_path / "down"), "--listen", endpoint(), "--no-discovery"],
                profile, seeder.pid)
        # a command that changes the wallet
        refused(["--profile", str(profile), "wallet", "restore", "--watch", OTHER,
                 "--replace"], profile, seeder.pid)
        # reading is fine
        shown = btt("--profile", str(profile), "wallet", "address")
        assert shown.returncode == 0 and shown.stdout.strip() == WATCHED, shown

        seeder.send_signal(signal.SIGKILL)
        seeder.wait(timeout=10)
    finally:
        if seeder.poll() is None:
            seeder.kill()
            seeder.wait()

    # the kernel dropped the dead seeder's lock: the profile is free again at once
    changed = btt("--profile", str(profile), "wallet", "restore", "--watch", OTHER,
                  "--replace")
    assert changed.returncode == 0, changed.stderr
    assert btt("--profile", str(profile), "wallet", "address").stdout.strip() == OTHER
    again, _ = start_seeder(profile, made, data)
    again.send_signal(signal.SIGTERM)
    _, err = again.communicate(timeout=30)
    assert again.returncode == 0 and "Traceback" not in err, err


def _window(profile: Path, tmp_path: Path) -> subprocess.Popen[str]:
    home = tmp_path / "home"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"))
    return subprocess.Popen([sys.executable, "-m", "btt_desktop.app", "--profile", str(profile)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, stdin=subprocess.DEVNULL)


def _error_line(window: subprocess.Popen[str]) -> str:
    """The window's one error line on stderr (Qt may print notices of its own)."""
    assert window.stderr is not None
    stderr = window.stderr
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in stderr], daemon=True).start()
    deadline = time.monotonic() + REFUSE_WITHIN
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        assert "Traceback" not in line
        if line.startswith("btt-desktop: error:"):
            return line
    pytest.fail("the window opened on a profile another process writes")


def test_the_window_and_btt_exclude_each_other(
        tmp_path: Path, torrent: tuple[Path, Path]) -> None:
    from tests.ui.conftest import loopback_settings

    made, data = torrent
    profile = Profile.open(tmp_path / "shared")
    SettingsStore(profile.settings_file).save(Settings(engine=loopback_settings()))

    # btt holds the profile: the window does not open on it, and says why in one line
    seeder, _listen = start_seeder(profile.root, made, data)
    window = _window(profile.root, tmp_path)
    try:
        line = _error_line(window)  # it shows the same line in a message box
        assert line.startswith("btt-desktop: error: profile "), line
        assert str(profile.root) in line and f"pid {seeder.pid}" in line, line
    finally:
        for process in (window, seeder):
            process.kill()
            process.wait()

    # the window holds the profile: btt is refused
    window = _window(profile.root, tmp_path)
    try:
        lock = profile.root / "lock"
        deadline = time.monotonic() + 20
        while not (lock.exists() and lock.read_text().strip() == str(window.pid)):
            assert window.poll() is None, window.stderr.read() if window.stderr else ""
            assert time.monotonic() < deadline, "the window did not take its profile"
            time.sleep(0.1)
        refused(["--profile", str(profile.root), "seed", str(made), "--data", str(data),
                 "--listen", endpoint(), "--no-discovery"], profile.root, window.pid)
    finally:
        window.kill()
        window.wait()
