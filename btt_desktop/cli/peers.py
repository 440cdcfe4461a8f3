"""``btt peers``: the profile's permanent peer bans (the window's Banned Peers list).

A ban is kept in the profile and applies to every torrent of the engine that runs on it;
the command takes the profile, so it waits for no running ``btt seed``/``download`` (it
is refused in one line while one holds the profile: ban from that process's window or
stop it first). Peers to dial and extra trackers are options of ``btt seed`` and
``btt download`` (``--peer``, ``--tracker``).
"""

from __future__ import annotations

import argparse
from typing import Any

_COMMANDS = "btt_desktop.cli.peer_commands"


def register(subparsers: Any, parents: list[argparse.ArgumentParser]) -> None:
    peers = subparsers.add_parser(
        "peers", parents=parents, help="ban or unban peers, list the bans",
        description="Permanent peer bans, kept in the profile (IPv4 or IPv6 addresses).")
    actions = peers.add_subparsers(dest="peers_command", metavar="ACTION", required=True)
    ban = actions.add_parser("ban", parents=parents, help="ban IPs for good")
    ban.add_argument("ips", metavar="IP", nargs="+")
    ban.set_defaults(handler=f"{_COMMANDS}:cmd_ban")
    unban = actions.add_parser("unban", parents=parents, help="lift bans")
    unban.add_argument("ips", metavar="IP", nargs="+")
    unban.set_defaults(handler=f"{_COMMANDS}:cmd_unban")
    banned = actions.add_parser("banned", parents=parents, help="list the banned IPs")
    banned.add_argument("--json", action="store_true", help="a JSON list of IPs")
    banned.set_defaults(handler=f"{_COMMANDS}:cmd_banned")
