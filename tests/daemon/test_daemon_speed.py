"""Speed on ``btt daemon``, with a devnet: the daemon seeds and sells, a ``btt download
--speed`` bidder buys, and the daemon's Web API shows what was earned and cashes it only
when asked to with ``confirm=true``."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
import requests

from btt_desktop.profile import Profile
from btt_desktop.speed.settings import load_settings, save_settings
from tests.conftest import free_port, next_loopback
from tests.daemon.conftest import Daemon, create_torrent, wait_for
from tests.devnet_process import devnet_process, faucet
from tests.speed.speed_chain import link_to

pytestmark = pytest.mark.timeout(120)

BTT = 10**18
MIB = 1024 * 1024
SIZE = 8 * MIB
UPLOAD_CAP = 2_000_000            # bytes/s at the daemon: the download lasts a few rounds
RESERVE_PER_GIB = 512             # BTT
WALLET_PASSWORD = "daemon-speed-wallet-password"
SEEDER_KEY = "33" * 32
BIDDER_KEY = "44" * 32
BTT_CMD = [sys.executable, "-m", "btt_desktop.cli"]


def btt(*args: str, stdin: str = "", timeout: float = 60) -> str:
    done = subprocess.run([*BTT_CMD, *args], input=stdin, capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"btt {' '.join(args)} failed: {done.stderr.strip()}"
    return done.stdout


def base_units(text: str) -> int:
    return int(Decimal(text) * BTT)


def paid_out(url: str, owner: str, beneficiary: str) -> int:
    """What the devnet's vault says ``owner``'s vault paid ``beneficiary`` (paidOut)."""
    async def read() -> int:
        link = await link_to(url)
        try:
            return await link.vault.paid_out(owner, beneficiary)
        finally:
            await link.close()

    return asyncio.run(read())


@pytest.fixture
def devnet(tmp_path: Path) -> Iterator[str]:
    with devnet_process(tmp_path / "devnet") as url:
        yield url


def test_daemon_sells_with_speed_and_cashes_only_when_confirmed(
        tmp_path: Path, devnet: str) -> None:
    url = devnet
    net = ["--network", "devnet", "--node", url]
    seeder_root, bidder_dir = tmp_path / "seeder", tmp_path / "bidder"
    seeder_root.mkdir()
    seeder_dir = seeder_root / "profile"
    addresses = {}
    for profile, key in ((seeder_dir, SEEDER_KEY), (bidder_dir, BIDDER_KEY)):
        addresses[profile] = btt(
            "wallet", "restore", "--private-key-stdin", "--password-stdin", "--profile",
            str(profile), *net, stdin=f"{WALLET_PASSWORD}\n{key}\n").strip()
        faucet(url, addresses[profile], trx=1000, btt=1000 if profile == bidder_dir else 0)
    seller, buyer = addresses[seeder_dir], addresses[bidder_dir]
    btt("vault", "deposit", "100", "--yes", "--password-stdin", "--profile", str(bidder_dir),
        *net, stdin=f"{WALLET_PASSWORD}\n")
    # the daemon runs with the profile's Speed settings (the window's Speed page)
    speed_dir = Profile.open(seeder_dir).speed_dir
    save_settings(speed_dir, dataclasses.replace(
        load_settings(speed_dir), earn=True, reserve_price_per_gib=RESERVE_PER_GIB * BTT,
        round_seconds=2.0))

    data = tmp_path / "data"
    data.mkdir()
    (data / "clip.bin").write_bytes(os.urandom(SIZE))
    torrent = create_torrent(data / "clip.bin", tmp_path / "clip.torrent", piece_size=65536)
    secret = tmp_path / "wallet-password"
    secret.write_text(WALLET_PASSWORD + "\n")
    secret.chmod(0o600)

    daemon = Daemon(seeder_root, "--speed", "--wallet-password-file", str(secret), *net)
    bidder: subprocess.Popen[str] | None = None
    try:
        client = daemon.client()
        session = requests.Session()
        session.cookies.set("SID", client._http_session.cookies.get("SID"))
        api = f"{daemon.url}/api/v2"

        def get(path: str) -> dict[str, object]:
            reply = session.get(f"{api}/{path}", timeout=30)
            assert reply.status_code == 200, reply.text
            doc: dict[str, object] = reply.json()
            return doc

        status = get("speed/status")
        assert status["running"] is True and status["address"] == seller
        assert status["earn"] is True and str(status["net"]).startswith("devnet")
        before = get("speed/earnings")
        assert base_units(str(before["earned"])) == 0 and before["bytes_sold"] == 0

        client.app_set_preferences({"up_limit": UPLOAD_CAP})
        client.torrents_add(torrent_files=str(torrent), save_path=str(data))
        wait_for(lambda: [t for t in client.torrents_info()
                          if t.state in ("stalledUP", "uploading")])

        ip = next_loopback()
        bidder = subprocess.Popen(
            [*BTT_CMD, "download", str(torrent), "--to", str(tmp_path / "down"), "--listen",
             f"{ip}:{free_port(ip)}", "--no-discovery", "--peer", daemon.listen,
             "--exit-when-done", "--profile", str(bidder_dir), "--speed",
             "--max-price-per-gib", "1024", "--password-stdin", *net],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True)
        _, err = bidder.communicate(f"{WALLET_PASSWORD}\n", timeout=60)
        assert bidder.returncode == 0, err
        assert (tmp_path / "down" / "clip.bin").read_bytes() == (data / "clip.bin").read_bytes()

        # the bidder paid its last bytes as it left: the daemon holds its cheque
        earnings = wait_for(lambda: (lambda e: e if base_units(str(e["earned"])) > 0
                                     and int(str(e["bytes_sold"])) >= SIZE // 2 else None)(
                                         get("speed/earnings")), within=20)
        earned = base_units(str(earnings["earned"]))
        assert base_units(str(earnings["cashed"])) == 0
        assert base_units(str(earnings["pending"])) == earned
        [peer] = earnings["peers"]                                   # type: ignore[misc]
        assert peer["vault"] == buyer and base_units(peer["earned"]) == earned
        status = get("speed/status")
        assert status["running"] is True and status["problem"] in (None, "")
        assert paid_out(url, buyer, seller) == 0

        # without confirm=true: a quote, 409, and nothing sent
        quote = session.post(f"{api}/speed/cash", timeout=30)
        assert quote.status_code == 409, quote.text
        body = quote.json()
        assert body["result"] == "quote" and base_units(body["due"]) == earned
        assert Decimal(body["fee_trx"]) > 0 and body["energy"] > 0
        assert "confirm=true" in body["message"]
        refused = session.post(f"{api}/speed/cash", data={"confirm": "no"}, timeout=30)
        assert refused.status_code == 409
        time.sleep(1.0)   # several devnet blocks: a transaction sent would be in by now
        assert paid_out(url, buyer, seller) == 0
        assert base_units(str(get("speed/earnings")["cashed"])) == 0

        # with confirm=true: cashed, and the chain's paidOut grows by what was earned
        cashed = session.post(f"{api}/speed/cash", data={"confirm": "true"}, timeout=60)
        assert cashed.status_code == 200, cashed.text
        report = cashed.json()
        assert report["result"] == "cashed" and report["error"] is None
        assert base_units(report["cashed"]) == earned and len(report["transactions"]) == 1
        assert Decimal(report["fee_trx"]) > 0 and report["refused"] == {}
        assert paid_out(url, buyer, seller) == earned
        after = get("speed/earnings")
        assert base_units(str(after["cashed"])) == earned
        assert base_units(str(after["pending"])) == 0
        # nothing left to cash: nothing is quoted, nothing sent
        again = session.post(f"{api}/speed/cash", timeout=30)
        assert again.status_code == 200 and again.json()["result"] == "nothing"
    finally:
        if bidder is not None and bidder.poll() is None:
            bidder.kill()
            bidder.wait()
        assert daemon.stop() == 0, daemon.stderr

    # the wallet password was read from its file and written nowhere
    needle = WALLET_PASSWORD.encode()
    for path in seeder_root.rglob("*"):
        if path.is_file():
            assert needle not in path.read_bytes(), path
    printed = list(daemon.stderr)
    while not daemon.lines.empty():
        printed.append(daemon.lines.get_nowait())
    assert not any(WALLET_PASSWORD in line for line in printed)
