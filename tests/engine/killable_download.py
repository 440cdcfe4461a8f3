"""A download in a child process, for the SIGKILL test: prints "pieces N" (verified pieces)
every 50 ms until killed. Arguments: PROFILE TORRENT DEST LISTEN_IP LISTEN_PORT PEER_IP
PEER_PORT."""

from __future__ import annotations

import asyncio
import sys

from btt_desktop.engine import Engine
from btt_desktop.engine.types import AddParams, EngineSettings
from btt_desktop.events import EventBus
from btt_desktop.profile import Profile


async def main(profile: str, torrent: str, dest: str, ip: str, port: str, peer_ip: str,
               peer_port: str) -> None:
    settings = EngineSettings(listen_interface=ip, listen_port=int(port), outgoing_interface=ip,
                              dht=False, lsd=False, upnp=False, natpmp=False)
    engine = Engine(Profile.open(profile), EventBus(), settings)
    await engine.start()
    tid = await engine.add(AddParams(save_path=dest, torrent_path=torrent,
                                     peers=((peer_ip, int(peer_port)),)))
    while True:
        details = await engine.details(tid)
        print(f"pieces {details.pieces_have}", flush=True)
        await asyncio.sleep(0.05)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:8]))
