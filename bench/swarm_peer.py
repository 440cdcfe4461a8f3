"""A plain libtorrent leecher for bench/speed_swarm.py: no Speed, its upload capped like a
home line. It downloads one torrent from the given peers and prints, one line each:

    listening IP:PORT
    progress PERCENT            (every second)
    done SECONDS                (when complete, time since it started)
    peers {"ip": [downloaded, uploaded], ...}   (bytes by peer IP, at the end)

Every peer is put in libtorrent's global peer class, so the upload cap holds on loopback
too: by default loopback and LAN peers are in the "local" class, which no global rate
limit reaches, and a capped swarm on 127.x would not be capped at all.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time

import libtorrent as lt


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--torrent", required=True)
    parser.add_argument("--to", required=True)
    parser.add_argument("--listen", required=True, help="IP:PORT")
    parser.add_argument("--upload-limit", type=int, default=0)
    parser.add_argument("--peer", action="append", default=[])
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    ip = args.listen.rpartition(":")[0]
    session = lt.session({
        "listen_interfaces": args.listen, "outgoing_interfaces": ip,
        "enable_dht": False, "enable_lsd": False, "enable_upnp": False,
        "enable_natpmp": False, "upload_rate_limit": args.upload_limit, "alert_mask": 0,
        "allow_multiple_connections_per_ip": True,
        "enable_outgoing_utp": False, "enable_incoming_utp": False,
        "out_enc_policy": int(lt.enc_policy.pe_disabled),
        "in_enc_policy": int(lt.enc_policy.pe_disabled),
    })
    everyone = lt.ip_filter()
    everyone.add_rule("0.0.0.0", "255.255.255.255", 1 << int(session.global_peer_class_id))
    session.set_peer_class_filter(everyone)
    params = lt.add_torrent_params()
    params.ti = lt.torrent_info(args.torrent)
    params.save_path = args.to
    handle = session.add_torrent(params)
    print(f"listening {args.listen}", flush=True)
    start = time.monotonic()
    for peer in args.peer:
        host, _, port = peer.rpartition(":")
        handle.connect_peer((host, int(port)))
    totals: dict[str, list[int]] = {}
    next_line = 0.0
    while time.monotonic() - start < args.timeout:
        status = handle.status()
        for p in handle.get_peer_info():
            seen = totals.setdefault(p.ip[0], [0, 0])
            seen[0], seen[1] = max(seen[0], p.total_download), max(seen[1], p.total_upload)
        if status.is_seeding:
            print(f"done {time.monotonic() - start:.2f}", flush=True)
            break
        if time.monotonic() >= next_line:
            print(f"progress {status.progress * 100:.1f}", flush=True)
            next_line = time.monotonic() + 1.0
            for peer in args.peer:  # dial again whoever was not up yet
                host, _, port = peer.rpartition(":")
                if not any(p.ip[0] == host for p in handle.get_peer_info()):
                    handle.connect_peer((host, int(port)))
        time.sleep(0.1)
    else:
        print("timeout", flush=True)
    print("peers " + json.dumps(totals, sort_keys=True), flush=True)
    # stay up a little as a seed, as a real peer would, until told to stop
    with contextlib.suppress(ValueError, KeyboardInterrupt):
        time.sleep(float(sys.stdin.readline() or 0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
