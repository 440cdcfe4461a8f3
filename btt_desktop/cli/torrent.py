"""``btt create``, ``btt seed`` and ``btt download``: the engine without a window.

``--speed`` on seed/download (options and service from :mod:`btt_desktop.cli.speed`)
runs Speed beside the engine: started once the engine listens, before the torrent is
added, so that every peer sees the Speed advertisement in the handshake.
"""

from __future__ import annotations

import argparse
from typing import Any

from btt_desktop.cli.speed import speed_options

DEFAULT_PORT = 6881
# engine.types.Encryption's values, the default first (not imported: registering the
# command must not load the engine)
ENCRYPTION_MODES = ("prefer_plain", "prefer", "require", "disable")

_COMMANDS = "btt_desktop.cli.torrent_commands"


def register(subparsers: Any, parents: list[argparse.ArgumentParser]) -> None:
    create = subparsers.add_parser(
        "create", parents=parents, help="make a .torrent file from a file or folder",
        description="Hash PATH and write a .torrent file.")
    create.add_argument("path", metavar="PATH", help="the file or folder to share")
    create.add_argument("-o", "--output", metavar="OUT.torrent", required=True)
    create.add_argument("--tracker", metavar="URL", action="append", default=[],
                        help="announce URL (repeat for more, one tier each)")
    create.add_argument("--piece-size", metavar="BYTES", type=int, default=0,
                        help="power of two, at least 16384 (default: chosen from the size)")
    create.add_argument("--private", action="store_true", help="no DHT, PEX or LSD")
    version = create.add_mutually_exclusive_group()
    version.add_argument("--v1", dest="version", action="store_const", const="v1",
                         help="BitTorrent v1 (the default)")
    version.add_argument("--v2", dest="version", action="store_const", const="v2",
                         help="BitTorrent v2 only")
    version.add_argument("--hybrid", dest="version", action="store_const", const="hybrid",
                         help="both v1 and v2")
    create.set_defaults(handler=f"{_COMMANDS}:cmd_create", version="v1")

    seed = subparsers.add_parser(
        "seed", parents=[*parents, speed_options(earn=True)],
        help="seed a torrent from data on disk until stopped",
        description="Seed TORRENT from the data in DIR until SIGINT or SIGTERM.")
    seed.add_argument("torrent", metavar="TORRENT", help="a .torrent file")
    seed.add_argument("--data", metavar="DIR", required=True,
                      help="the folder that holds the torrent's content")
    _network_options(seed)
    _limit_options(seed, download=False)
    seed.set_defaults(handler=f"{_COMMANDS}:cmd_seed")

    download = subparsers.add_parser(
        "download", parents=[*parents, speed_options(earn=False)],
        help="download a torrent or magnet link",
        description="Download TORRENT_OR_MAGNET into DIR, printing progress every second.")
    download.add_argument("source", metavar="TORRENT_OR_MAGNET")
    download.add_argument("--to", metavar="DIR", required=True, help="where to save the data")
    _network_options(download)
    download.add_argument("--exit-when-done", action="store_true",
                          help="exit once the data is complete and verified")
    _limit_options(download, download=True)
    download.set_defaults(handler=f"{_COMMANDS}:cmd_download")


def _limit_options(parser: argparse.ArgumentParser, *, download: bool) -> None:
    parser.add_argument("--upload-limit", metavar="BYTES_PER_S", type=int, default=0,
                        help="cap this torrent's upload rate (0: unlimited)")
    if download:
        parser.add_argument("--download-limit", metavar="BYTES_PER_S", type=int, default=0,
                            help="cap this torrent's download rate (0: unlimited)")
    parser.add_argument("--peer-stats", action="store_true",
                        help="print a 'peers' line of JSON every second: bytes downloaded "
                             "from and uploaded to each peer IP")


def _network_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--listen", metavar="IP:PORT",
                        help=f"listen here, and fail if it cannot (default 0.0.0.0:"
                             f"{DEFAULT_PORT}, or a free port near it if that is taken)")
    parser.add_argument("--no-discovery", action="store_true",
                        help="no DHT, local discovery, UPnP or NAT-PMP: only the given peers")
    parser.add_argument("--peer", metavar="IP:PORT", action="append", default=[],
                        help="connect to this peer at once, [IPv6]:PORT in brackets "
                             "(repeat for more)")
    parser.add_argument("--tracker", metavar="URL", action="append", default=[],
                        help="add this tracker (http, https, udp, ws, wss; kept with the "
                             "torrent in the profile; repeat for more)")
    parser.add_argument("--encryption", choices=ENCRYPTION_MODES, default=ENCRYPTION_MODES[0],
                        help="prefer_plain (default: plain text wherever the peer allows "
                             "it, encrypted with peers that require it), prefer (RC4 "
                             "wherever possible), require, or disable")
