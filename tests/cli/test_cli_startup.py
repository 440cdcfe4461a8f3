"""Start-up cost: a ``btt`` process imports only what its command needs.

tronpy (with eth_utils, requests ...) takes most of a second to import; a command that
never touches the wallet or Speed must not pay for it, nor ``btt --version`` for
libtorrent. Each check runs in a fresh interpreter and reads its ``sys.modules``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from btt_desktop.cli import wallet as wallet_cli
from tests.conftest import free_port

HEAVY = ("tronpy", "eth_utils", "libtorrent", "httpx")

# Runs the ``btt`` entry point in-process, then reports its exit status and which of the
# heavy modules were loaded; SystemExit (argparse's --help/--version) counts as an exit.
PROBE = """
import json, sys
from btt_desktop.cli import main
try:
    rc = main(sys.argv[1:])
except SystemExit as exc:
    rc = exc.code
heavy = HEAVY_NAMES
print(json.dumps({"rc": rc, "loaded": [m for m in heavy if m in sys.modules]}))
""".replace("HEAVY_NAMES", repr(HEAVY))


def _loaded(*argv: str) -> tuple[int, list[str]]:
    out = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True,
                         text=True, timeout=120)
    assert "Traceback" not in out.stderr, out.stderr
    report = json.loads(out.stdout.strip().splitlines()[-1])
    return report["rc"], report["loaded"]


def test_parsing_the_command_line_imports_neither_tronpy_nor_libtorrent() -> None:
    for argv in (["--version"], ["seed", "--help"], ["download", "--help"],
                 ["wallet", "--help"], ["devnet", "--help"]):
        rc, loaded = _loaded(*argv)
        assert rc == 0, argv
        assert loaded == [], (argv, loaded)


@pytest.mark.timeout(120)
def test_download_without_speed_does_not_import_tronpy(tmp_path: Path, loopback: str) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (share / "file.bin").write_bytes(bytes(range(256)) * 512)
    torrent = tmp_path / "t.torrent"
    rc, loaded = _loaded("create", str(share / "file.bin"), "-o", str(torrent))
    assert rc == 0 and torrent.exists()
    assert "tronpy" not in loaded and "eth_utils" not in loaded, loaded
    # The data is already in --to: the download checks it, finds it complete and exits.
    rc, loaded = _loaded("--profile", str(tmp_path / "profile"), "download", str(torrent),
                         "--to", str(share), "--listen", f"{loopback}:{free_port(loopback)}",
                         "--no-discovery", "--exit-when-done")
    assert rc == 0
    assert "libtorrent" in loaded  # the download really ran the engine
    assert "tronpy" not in loaded and "eth_utils" not in loaded, loaded


def test_wallet_network_names_match_the_wallet() -> None:
    # the CLI spells them out to stay light; they must be the wallet's own
    from btt_desktop.wallet.networks import NETWORK_NAMES

    assert wallet_cli.NETWORK_NAMES == NETWORK_NAMES
