"""A real, private D-Bus session with gnome-keyring's Secret Service for the wallet tests
(unlocked, or locked and prompting on a virtual X display)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

KEYRING_PASSWORD = b"login keyring password"


@dataclass
class SecretServiceSession:
    bus_address: str
    home: Path


def _wait_for_secret_service(address: str, deadline: float) -> None:
    import secretstorage
    from jeepney.io.blocking import open_dbus_connection

    while True:
        try:
            connection = open_dbus_connection(bus=address)
        except OSError:
            connection = None
        if connection is not None:
            try:
                if secretstorage.check_service_availability(connection):
                    return
            finally:
                connection.close()
        if time.monotonic() > deadline:
            raise RuntimeError("gnome-keyring's Secret Service did not appear on the bus")
        time.sleep(0.05)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextlib.contextmanager
def secret_service_session(root: Path, *, unlocked: bool,
                           display: str | None = None) -> Iterator[SecretServiceSession]:
    """dbus-daemon + gnome-keyring-daemon (secrets component) in a fresh HOME under ``root``."""
    home = root / "home"
    runtime = root / "run"
    home.mkdir(parents=True)
    runtime.mkdir(mode=0o700)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
           "XDG_RUNTIME_DIR": str(runtime), "XDG_DATA_HOME": str(home / ".local" / "share"),
           "XDG_CONFIG_HOME": str(home / ".config"), "LANG": "C.UTF-8"}
    if display:
        env["DISPLAY"] = display  # services the bus activates (gcr-prompter) inherit it
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    keyring_daemon: subprocess.Popen[bytes] | None = None
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().decode().strip()
        if not address:
            raise RuntimeError("dbus-daemon did not print its address")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        command = ["gnome-keyring-daemon", "--foreground", "--components=secrets"]
        if unlocked:
            command.insert(2, "--unlock")  # reads the login keyring password on stdin
        keyring_daemon = subprocess.Popen(command, stdin=subprocess.PIPE,
                                          stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL, env=env)
        assert keyring_daemon.stdin is not None
        if unlocked:
            keyring_daemon.stdin.write(KEYRING_PASSWORD)
        keyring_daemon.stdin.close()
        _wait_for_secret_service(address, time.monotonic() + 15)
        yield SecretServiceSession(address, home)
    finally:
        if keyring_daemon is not None:
            _stop(keyring_daemon)
        _stop(bus)


@contextlib.contextmanager
def virtual_display() -> Iterator[str]:
    """An Xvfb display (it picks a free number itself)."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as reader:
            number = reader.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        _stop(xvfb)
