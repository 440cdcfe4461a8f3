"""A secret pasted where the recipient's address goes is never shown back.

A private key (hex or base64) or a recovery phrase pasted into ``btt wallet send``'s
recipient, or the send dialog's "To" field, used to be repeated in the error ("not a
TRON address: '...'"): on a screen, in a terminal's scroll-back, in a log. Now the error
says what an address looks like, and at most how long the input was; nothing of it is
printed, shown or logged, with ``--debug`` too.
"""

from __future__ import annotations

import base64
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from btt_desktop.events import EventBus
from btt_desktop.wallet import seedphrase
from tests.devnet_process import devnet_process, faucet
from tests.ui.wallet.wallet_ui_rig import (
    PASSWORD,
    gc_on_gui_thread,  # noqa: F401  (autouse)
    keep_loop_alive,  # noqa: F401  (autouse)
    make_pane,
    make_service,
)

pytestmark = pytest.mark.timeout(90)

BTT = [sys.executable, "-m", "btt_desktop.cli"]
KEY = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d"
SECRETS = {
    "hex key": os.urandom(32).hex(),
    "base64 key": base64.b64encode(os.urandom(32)).decode(),
    "recovery phrase": seedphrase.generate(12),
}


def leaks(secret: str, text: str) -> list[str]:
    """Pieces of ``secret`` (8 characters, or two words of a phrase) found in ``text``."""
    words = secret.split()
    if len(words) > 1:
        pieces = [" ".join(words[i:i + 2]) for i in range(len(words) - 1)]
    else:
        pieces = [secret[i:i + 8] for i in range(len(secret) - 7)]
    return [p for p in pieces if p in text]


@pytest.fixture(scope="module")
def devnet_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet")) as url:
        yield url


def test_btt_wallet_send_never_prints_the_pasted_secret(tmp_path: Path,
                                                        devnet_url: str) -> None:
    profile = str(tmp_path / "p")
    network = ["--network", "devnet", "--node", devnet_url]
    restored = subprocess.run(
        [*BTT, "--profile", profile, "wallet", "restore", "--private-key-stdin",
         "--password-stdin", *network], input=f"{PASSWORD}\n{KEY}\n", capture_output=True,
        text=True, timeout=60)
    assert restored.returncode == 0, restored.stderr
    faucet(devnet_url, restored.stdout.strip(), trx=10)
    for what, secret in SECRETS.items():
        for debug in ([], ["--debug"]):
            sent = subprocess.run(
                [*BTT, "--profile", profile, *debug, "wallet", "send", secret, "1", "--token",
                 "TRX", "--yes", "--password-stdin", *network], input=f"{PASSWORD}\n",
                capture_output=True, text=True, timeout=60)
            assert sent.returncode == 1, (what, sent)
            assert not leaks(secret, sent.stdout + sent.stderr), (what, sent.stderr)
            if not debug:
                lines = sent.stderr.strip().splitlines()
                assert len(lines) == 1 and lines[0].startswith("btt: error: "), sent.stderr
                assert "address" in lines[0], lines[0]


async def test_the_send_dialog_never_shows_the_pasted_secret(
        qtbot: Any, tmp_path: Path, devnet_url: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    bus = EventBus()
    service = make_service(tmp_path, bus, devnet_url)
    await service.open()
    await service.create(service.new_recovery_phrase(), PASSWORD)
    pane = make_pane(service, bus, qtbot)
    try:
        await pane.start()
        send = await pane.open_send()
        for what, secret in SECRETS.items():
            send.to_field.setText(secret)
            shown = send.to_check.text()
            assert shown, what  # the field is refused...
            assert not leaks(secret, shown), (what, shown)  # ...without repeating it
            assert "never share" in shown or "not a TRON address" in shown, shown
        send.reject()
    finally:
        await pane.shutdown()
        await service.close()
    for what, secret in SECRETS.items():
        assert not leaks(secret, caplog.text), what
