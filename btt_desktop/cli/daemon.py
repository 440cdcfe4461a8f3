"""``btt daemon``: the engine, queue, settings and Speed of the window, headless, with a
Web API that qBittorrent clients understand (see docs/daemon.md). The work is in
:mod:`btt_desktop.cli.daemon_commands`, imported only when the command runs."""

from __future__ import annotations

import argparse
from typing import Any

from .wallet import wallet_options

DEFAULT_WEB_API = "127.0.0.1:8080"
_COMMANDS = "btt_desktop.cli.daemon_commands"


def register(subparsers: Any, parents: list[argparse.ArgumentParser]) -> None:
    daemon = subparsers.add_parser(
        "daemon", parents=[*parents, wallet_options()],
        help="run headless with a qBittorrent-compatible Web API",
        description="Run the engine on a profile until SIGINT or SIGTERM (or app/shutdown), "
                    "restoring its torrents, and serve qBittorrent's Web API v2 "
                    "(user admin).")
    daemon.add_argument("--listen", metavar="IP:PORT",
                        help="BitTorrent: listen here, and fail if it cannot (default: the "
                             "profile's setting)")
    daemon.add_argument("--no-discovery", action="store_true",
                        help="no DHT, local discovery, UPnP or NAT-PMP for this run")
    web = daemon.add_argument_group("Web API")
    web.add_argument("--web-api", metavar="IP:PORT", default=DEFAULT_WEB_API,
                     help=f"serve the Web API here (default {DEFAULT_WEB_API}; port 0 "
                          f"picks one)")
    web.add_argument("--web-password-file", metavar="FILE",
                     help="the password of user admin, first line of FILE (e.g. "
                          "$CREDENTIALS_DIRECTORY/web-password); kept hashed in the profile")
    web.add_argument("--web-cert", metavar="FILE", help="HTTPS certificate chain (PEM)")
    web.add_argument("--web-key", metavar="FILE", help="HTTPS private key (PEM)")
    web.add_argument("--web-domain", metavar="NAME", action="append", default=[],
                     help="a host name clients may use in the Host header besides IP "
                          "addresses and localhost (repeat; * allows any)")
    web.add_argument("--web-insecure-remote", action="store_true",
                     help="allow a non-loopback --web-api address without a password and "
                          "HTTPS")
    speed = daemon.add_argument_group("Speed")
    speed.add_argument("--speed", action="store_true",
                       help="run Speed with the profile's Speed settings (the wallet "
                            "unlocks from the OS keyring unless a password option is given)")
    speed.add_argument("--speed-port", metavar="PORT", type=int, default=None,
                       help="Speed TCP port (default: the saved setting, 0 picks one)")
    secret = speed.add_mutually_exclusive_group()
    secret.add_argument("--wallet-password-file", metavar="FILE",
                        help="the wallet password, first line of FILE")
    secret.add_argument("--wallet-password-stdin", action="store_true",
                        help="read the wallet password from the first line of stdin")
    daemon.set_defaults(handler=f"{_COMMANDS}:cmd_daemon")
