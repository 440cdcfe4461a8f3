"""The work behind ``btt peers`` (see :mod:`btt_desktop.cli.peers`)."""

from __future__ import annotations

import argparse
import json

from btt_desktop.cli.torrent_commands import engine_profile_dir, open_profile
from btt_desktop.engine.peer_admin import PeerAdmin, normalise_ip
from btt_desktop.profile import Profile


def _read_profile(args: argparse.Namespace) -> Profile:
    """The engine's profile, for reading only (no lock: a running engine may hold it)."""
    return Profile.open(engine_profile_dir(args))


async def cmd_ban(args: argparse.Namespace) -> int:
    ips = [normalise_ip(ip) for ip in args.ips]  # every IP checked before anything is saved
    admin = PeerAdmin(open_profile(args).root)
    await admin.load()
    await admin.ban(ips)
    print(f"banned {len(ips)} {'IP' if len(ips) == 1 else 'IPs'}; "
          f"{len(admin.banned)} in the list", flush=True)
    return 0


async def cmd_unban(args: argparse.Namespace) -> int:
    ips = [normalise_ip(ip) for ip in args.ips]
    admin = PeerAdmin(open_profile(args).root)
    before = set(await admin.load())
    await admin.unban(ips)
    lifted = len(before - set(admin.banned))
    print(f"unbanned {lifted} {'IP' if lifted == 1 else 'IPs'}; "
          f"{len(admin.banned)} in the list", flush=True)
    return 0


async def cmd_banned(args: argparse.Namespace) -> int:
    banned = await PeerAdmin(_read_profile(args).root).load()
    if args.json:
        print(json.dumps(list(banned)), flush=True)
    else:
        for ip in banned:
            print(ip, flush=True)
    return 0
