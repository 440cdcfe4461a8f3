"""One download with btt's Engine and a chosen disk I/O backend.

What ``btt download --exit-when-done`` does, with the backend as a flag (the CLI always
uses the default of EngineSettings). bench/memory.py measures this process.

    engine_download.py --torrent T --to DIR --listen IP:PORT --peer IP:PORT --disk-io mmap
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time

from btt_desktop.engine import Engine
from btt_desktop.engine.types import AddParams, DiskIO, EngineSettings
from btt_desktop.events import EventBus, TorrentErrored, TorrentFinished
from btt_desktop.profile import Profile


async def download(args: argparse.Namespace) -> float:
    ip, port = args.listen.rsplit(":", 1)
    peer_ip, peer_port = args.peer.rsplit(":", 1)
    settings = EngineSettings(listen_interface=ip, listen_port=int(port), outgoing_interface=ip,
                              dht=False, lsd=False, upnp=False, natpmp=False,
                              disk_io=DiskIO(args.disk_io))
    bus = EventBus()
    done = asyncio.Event()
    errors: list[str] = []

    def on_error(event: TorrentErrored) -> None:
        errors.append(event.message)
        done.set()

    bus.subscribe(TorrentFinished, lambda _: done.set())
    bus.subscribe(TorrentErrored, on_error)
    with tempfile.TemporaryDirectory(prefix="btt-bench-profile-") as profile_dir:
        engine = Engine(Profile.open(profile_dir), bus, settings)
        await engine.start()
        try:
            started = time.monotonic()
            await engine.add(AddParams(save_path=args.to, torrent_path=args.torrent,
                                       peers=((peer_ip, int(peer_port)),)))
            await done.wait()
            if errors:
                raise SystemExit(f"error: {errors[0]}")
            return time.monotonic() - started
        finally:
            await engine.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--torrent", required=True)
    parser.add_argument("--to", required=True)
    parser.add_argument("--listen", required=True, metavar="IP:PORT")
    parser.add_argument("--peer", required=True, metavar="IP:PORT")
    parser.add_argument("--disk-io", default=str(EngineSettings().disk_io),
                        choices=[str(d) for d in DiskIO])
    args = parser.parse_args()
    seconds = asyncio.run(download(args))
    print(json.dumps({"seconds": seconds}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
