"""Which libtorrent settings move a file fastest over TCP on loopback?

Bare libtorrent pairs (bench/lt_peer.py, seeder and leecher in their own processes) with
one set of settings each, in turns, median of ``--repeat``. The winner is the reference
("tuned") of bench/throughput.py. Figures are the transfer rate (first to last byte in
the leecher's file) and the ratio to the first variant.

    /tmp/venv/bin/python bench/lt_tuning.py [--size-mib 1024] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import libtorrent as lt
from harness import (
    Child,
    children,
    endpoint,
    free_disk,
    load,
    machine,
    make_torrent,
    median,
    save_json,
    say,
    text,
    write_random_file,
)
from lt_peer import TUNED, TUNED_DISK_IO
from throughput import LT_PEER, PAYLOAD, watch_download

PLAIN_TCP: dict[str, Any] = {
    "enable_outgoing_utp": False, "enable_incoming_utp": False,
    "in_enc_policy": int(lt.enc_policy.pe_disabled),
    "out_enc_policy": int(lt.enc_policy.pe_disabled),
    "allowed_enc_level": int(lt.enc_level.pe_plaintext),
}
BIG_SEND = {"send_buffer_watermark": 8 << 20, "send_buffer_low_watermark": 1 << 20,
            "send_buffer_watermark_factor": 150}
DEEP_QUEUES = {"max_out_request_queue": 1500, "max_allowed_in_request_queue": 4000}
SOCKETS_4M = {"send_socket_buffer_size": 4 << 20, "recv_socket_buffer_size": 4 << 20}
DISK_QUEUE = {"max_queued_disk_bytes": 16 << 20}


def btt_defaults() -> dict[str, Any]:
    """btt's own session settings, less the addresses (lt_peer.py sets those)."""
    from btt_desktop.engine.session_settings import session_settings
    from btt_desktop.engine.types import EngineSettings

    pack = session_settings(EngineSettings())
    for key in ("listen_interfaces", "outgoing_interfaces", "alert_mask", "enable_dht",
                "enable_lsd", "enable_upnp", "enable_natpmp"):
        pack.pop(key, None)
    return pack


def variants() -> list[tuple[str, dict[str, Any], str]]:
    send_pread = {**PLAIN_TCP, **BIG_SEND}
    return [
        ("TCP, no encryption, posix (baseline)", PLAIN_TCP, "posix"),
        ("  + pread", PLAIN_TCP, "pread"),
        ("  + mmap", PLAIN_TCP, "mmap"),
        ("  + libtorrent's default disk I/O", PLAIN_TCP, "default"),
        ("  + large send buffers", {**PLAIN_TCP, **BIG_SEND}, "posix"),
        ("  + deep request queues", {**PLAIN_TCP, **DEEP_QUEUES}, "posix"),
        ("  + 4 MiB socket buffers", {**PLAIN_TCP, **SOCKETS_4M}, "posix"),
        ("  + 16 MiB disk queue", {**PLAIN_TCP, **DISK_QUEUE}, "posix"),
        ("  + large send buffers + pread", send_pread, "pread"),
        ("  + large send buffers + pread + 4 MiB socket buffers",
         {**send_pread, **SOCKETS_4M}, "pread"),
        ("  + large send buffers + pread + deep request queues",
         {**send_pread, **DEEP_QUEUES}, "pread"),
        ("tuned set of lt_peer.py", TUNED, TUNED_DISK_IO),
        ("  + large send buffers + default disk I/O", send_pread, "default"),
        ("  + large send buffers + 4 MiB socket buffers", {**send_pread, **SOCKETS_4M},
         "posix"),
        ("btt's session settings, posix disk I/O (what the engine asks for)", btt_defaults(),
         "posix"),
        # the engine asks for posix, but its session.py passes "posix" where the binding
        # wants "posix_disk_io_constructor", so it runs libtorrent's default backend
        ("btt's session settings, default disk I/O (what the engine runs)", btt_defaults(),
         "default"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", default=tempfile.gettempdir())
    parser.add_argument("--only", default="", help="comma-separated variant numbers (1-based)")
    args = parser.parse_args()
    size = args.size_mib * 1024 * 1024
    chosen = variants()
    if args.only:
        chosen = [chosen[int(i) - 1] for i in args.only.split(",")]
    if free_disk(Path(args.work)) < 3 * size:
        parser.error(f"not enough free space in {args.work}")
    work = Path(tempfile.mkdtemp(prefix="btt-lt-tuning-", dir=args.work))
    load_before = load()
    rates: dict[str, list[float]] = {name: [] for name, _, _ in chosen}
    loads: dict[str, list[str]] = {name: [] for name, _, _ in chosen}
    try:
        write_random_file(work / "seed" / PAYLOAD, size)
        torrent = work / "payload.torrent"
        make_torrent(work / "seed" / PAYLOAD, torrent)
        with children() as started:
            seeders: dict[str, tuple[str, int]] = {}
            for name, settings, disk_io in chosen:  # every seeder checks its data once
                ep = endpoint()
                seeder = Child([*LT_PEER, "seed", "--torrent", str(torrent), "--settings",
                                json.dumps(settings), "--disk-io", disk_io, "--dir",
                                str(work / "seed"), "--listen", text(ep)],
                               work / f"seed-{len(seeders)}.log")
                started.append(seeder)
                seeder.wait_output("ready", 300)
                seeders[name] = ep
            for turn in range(args.repeat):
                for name, settings, disk_io in chosen:
                    down = work / "down"
                    leecher = Child([*LT_PEER, "leech", "--torrent", str(torrent), "--settings",
                                     json.dumps(settings), "--disk-io", disk_io, "--dir",
                                     str(down), "--listen", text(endpoint()), "--peer",
                                     text(seeders[name])], work / "leech.log")
                    started.append(leecher)
                    run = watch_download(leecher, down / PAYLOAD, size, 300)
                    shutil.rmtree(down)
                    rate = size / 1e6 / run.transfer_s
                    rates[name].append(rate)
                    loads[name].append(run.load)
                    say(f"  {name.strip()} run {turn + 1}: {rate:.0f} MB/s (load {run.load})")
        base = median(rates[chosen[0][0]]) or 1.0
        print(f"\n{args.size_mib} MiB, median of {args.repeat}, load before: {load_before}")
        print("| variant | transfer MB/s (median) | vs first | best run MB/s |")
        print("|---|---:|---:|---:|")
        rows = []
        for name, settings, disk_io in chosen:
            m = median(rates[name])
            print(f"| {name.strip()} | {m:.0f} | {m / base:.2f} | {max(rates[name]):.0f} |")
            rows.append({"variant": name.strip(), "settings": settings, "disk_io": disk_io,
                         "mb_s": m, "runs": rates[name], "loads": loads[name]})
        result = {"benchmark": "lt_tuning", "machine": machine(), "size_bytes": size,
                  "repeat": args.repeat, "command": " ".join(sys.argv),
                  "load_before": load_before, "variants": rows}
        say(f"saved {save_json('lt-tuning', result)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
