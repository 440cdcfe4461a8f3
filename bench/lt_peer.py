"""A bare libtorrent peer for the benchmarks: one session, one torrent, no engine.

    lt_peer.py seed  --torrent T --dir D --listen IP:PORT [--settings JSON] [--disk-io posix]
    lt_peer.py leech --torrent T --dir D --listen IP:PORT --peer IP:PORT [...]

The seeder checks its data, prints ``ready`` and seeds until SIGTERM. The leecher dials
the peer, prints one JSON line ``{"seconds": ...}`` (add to finished) and exits once its
session has shut down, which is when every backend has written the data to the file.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from typing import Any

import libtorrent as lt

# The best settings found for a TCP transfer on loopback (bench/lt_tuning.py measures
# the candidates; docs/benchmarks.md has the figures): no uTP, no encryption, posix disk
# I/O (pread, mmap and libtorrent 2.1's default were all slower here), large send and
# socket buffers (within the noise of plain TCP, never worse). Deeper request queues and
# a larger disk queue did not help.
TUNED: dict[str, Any] = {
    "enable_outgoing_utp": False,
    "enable_incoming_utp": False,
    "in_enc_policy": int(lt.enc_policy.pe_disabled),
    "out_enc_policy": int(lt.enc_policy.pe_disabled),
    "allowed_enc_level": int(lt.enc_level.pe_plaintext),
    "send_buffer_watermark": 8 * 1024 * 1024,
    "send_buffer_low_watermark": 1024 * 1024,
    "send_buffer_watermark_factor": 150,
    "send_socket_buffer_size": 4 * 1024 * 1024,
    "recv_socket_buffer_size": 4 * 1024 * 1024,
}
TUNED_DISK_IO = "posix"


def base_settings(listen: str) -> dict[str, Any]:
    ip = listen.rsplit(":", 1)[0]
    return {
        "listen_interfaces": listen, "outgoing_interfaces": ip,
        "enable_dht": False, "enable_lsd": False, "enable_upnp": False,
        "enable_natpmp": False,
        "alert_mask": int(lt.alert_category.status | lt.alert_category.error
                          | lt.alert_category.storage),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("role", choices=["seed", "leech"])
    parser.add_argument("--torrent", required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--listen", required=True, metavar="IP:PORT")
    parser.add_argument("--peer", metavar="IP:PORT")
    parser.add_argument("--settings", default=json.dumps(TUNED),
                        help="settings_pack keys as JSON (default: the tuned set)")
    parser.add_argument("--disk-io", default=TUNED_DISK_IO,
                        choices=["default", "posix", "pread", "mmap"])
    args = parser.parse_args()

    params = lt.session_params()
    settings: Any = {**base_settings(args.listen), **json.loads(args.settings)}
    params.settings = settings
    # the binding knows only the constructors' full names; any other string silently
    # selects libtorrent's default backend
    params.disk_io_constructor = f"{args.disk_io}_disk_io_constructor"
    session = lt.session(params)
    atp = lt.add_torrent_params()
    atp.ti = lt.torrent_info(args.torrent)
    atp.save_path = args.dir
    handle = session.add_torrent(atp)
    stop = False

    def on_term(*_: object) -> None:
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, on_term)
    started = time.monotonic()
    if args.role == "leech":
        ip, port = args.peer.rsplit(":", 1)
        handle.connect_peer((ip, int(port)))
    announced = False
    finished = 0.0
    while not stop:
        session.wait_for_alert(100)
        for alert in session.pop_alerts():
            if isinstance(alert, lt.torrent_finished_alert) and args.role == "leech":
                # pread (libtorrent 2.1's default) keeps written blocks in its own
                # buffer: the session must shut down before the file is complete
                finished = time.monotonic() - started
                handle.save_resume_data(lt.torrent_handle.flush_disk_cache)
            if isinstance(alert, lt.save_resume_data_alert) and args.role == "leech":
                print(json.dumps({"seconds": finished}), flush=True)
                stop = True
            if isinstance(alert, lt.torrent_error_alert):
                print(f"error: {alert.message()}", flush=True)
                return 1
        if args.role == "seed" and not announced and handle.status().is_seeding:
            print("ready", flush=True)
            announced = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
