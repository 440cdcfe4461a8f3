"""The Speed endpoint under a bounded flood, over loopback.

    python bench/speed_flood.py [--turns 3] [--seconds 4]

The server (the project's SpeedServer, default limits) runs in this process; the
attackers run in a child process (this script with ``--child``), so they have their
own core. Three measures:

- connections: 64 addresses in four /24 networks, 6 at a time from each, connect as fast
  as they can and hold what they get without saying a word; connections per second
  the server accepts (sends its hello) and refuses (closes at once);
- frames: 4 authenticated connections from one address, then 2 from each of 8
  addresses, send the costliest frames to decode (16 KiB of empty strings) as fast as
  the server takes them; frames per second the server decodes;
- handshakes: an honest peer connects and authenticates, one connection after another,
  with no flood and under the flood of the frames case plus 2 connections sending
  such frames before any handshake (the cases alternate, turn by turn); the median
  latency of each and their ratio.

Prints a Markdown table on stdout; everything measured goes to bench/out/ as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness
from harness import REPO, load, machine, median, save_json, say

from btt_desktop.speed import bencode, connection
from btt_desktop.speed.connection import SpeedConnection
from btt_desktop.speed.errors import ProtocolError
from btt_desktop.speed.framing import HEADER, MAX_FRAME
from btt_desktop.speed.messages import Message
from btt_desktop.speed.server import SpeedServer
from btt_desktop.wallet.signer import throwaway_signer

NET = "devnet:bench"
VC = "TGkWdpawVNfeset3P6uTBbLaPY7nZVZvXY"  # any vault contract address: both ends agree
SUBNET = harness._subnet
SERVER = f"127.{SUBNET}.0.1"
HONEST = f"127.{SUBNET}.1.2"
FLOODER = f"127.{SUBNET}.2.2"


class Quiet:
    async def on_open(self, conn: SpeedConnection) -> None: ...
    async def on_message(self, conn: SpeedConnection, message: Message) -> None: ...
    async def on_close(self, conn: SpeedConnection, reason: str) -> None: ...


def costly_frame() -> bytes:
    n = (MAX_FRAME - 20) // 2
    while len(body := bencode.encode({b"t": b"zz", b"x": [b""] * n})) > MAX_FRAME:
        n -= 1
    return HEADER.pack(len(body)) + body


# --- the attackers (child process) -------------------------------------------------------

async def _pour(writer: asyncio.StreamWriter, frame: bytes) -> None:
    with contextlib.suppress(ConnectionError, OSError):
        while not writer.is_closing():
            writer.write(frame * 4)
            await writer.drain()


async def child_connections(host: str, port: int, seconds: float) -> dict[str, Any]:
    counts = {"accepted": 0, "refused": 0}
    sources = [f"127.{SUBNET}.{10 + net}.{n}" for net in range(4) for n in range(2, 18)]

    async def worker(source: str) -> None:
        while True:
            try:
                reader, writer = await asyncio.open_connection(host, port,
                                                               local_addr=(source, 0))
            except OSError:
                await asyncio.sleep(0.01)
                continue
            try:
                async with asyncio.timeout(5):  # not wait_for: it can swallow a cancel
                    got = await reader.read(4)
            except (TimeoutError, OSError):
                got = b""
            counts["accepted" if got else "refused"] += 1
            with contextlib.suppress(OSError):
                while got and await reader.read(4096):  # hold it, silently
                    pass
            writer.close()

    tasks = [asyncio.create_task(worker(s)) for s in sources for _ in range(6)]
    await asyncio.sleep(1.0)  # fill the server first
    start = dict(counts)
    await asyncio.sleep(seconds)
    result = {k: (counts[k] - start[k]) / seconds for k in counts}
    for task in tasks:
        task.cancel()
    await asyncio.wait(tasks, timeout=5)
    return result


async def child_frames(host: str, port: int, seconds: float, addresses: int, per_address: int,
                       raw: int) -> dict[str, Any]:
    frame = costly_frame()
    clients: list[SpeedServer] = []
    tasks: list[asyncio.Task[None]] = []

    async def authenticated(source: str) -> None:
        client = SpeedServer(throwaway_signer(), NET, 7000, Quiet(),
                             bind_host=source, vault_contract=VC)
        clients.append(client)
        while True:
            with contextlib.suppress(ProtocolError):
                conn = await client.connect(host, port)
                await _pour(conn._writer, frame)
                await conn.wait_closed()
            await asyncio.sleep(0.01)

    async def unauthenticated(source: str) -> None:
        while True:
            with contextlib.suppress(OSError):
                _, writer = await asyncio.open_connection(host, port, local_addr=(source, 0))
                await _pour(writer, frame)
                writer.close()
            await asyncio.sleep(0.01)

    for a in range(addresses):
        source = FLOODER if a == 0 else f"127.{SUBNET}.{3 + a}.2"
        tasks += [asyncio.create_task(authenticated(source)) for _ in range(per_address)]
    tasks += [asyncio.create_task(unauthenticated(FLOODER)) for _ in range(raw)]
    print("flooding", flush=True)
    await asyncio.sleep(seconds)
    for task in tasks:
        task.cancel()
    await asyncio.wait(tasks, timeout=5)
    for client in clients:
        await client.close()
    return {}


def child_main(argv: list[str]) -> None:
    mode, host, port, seconds = argv[0], argv[1], int(argv[2]), float(argv[3])
    if mode == "connections":
        result = asyncio.run(child_connections(host, port, seconds))
    else:
        addresses, per_address, raw = (int(x) for x in argv[4:7])
        result = asyncio.run(child_frames(host, port, seconds, addresses, per_address, raw))
    print(json.dumps(result), flush=True)


# --- the measuring side ------------------------------------------------------------------

def spawn(*args: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, __file__, "--child", *map(str, args)],
                            stdout=subprocess.PIPE, text=True, cwd=REPO)


def finish(child: subprocess.Popen[str]) -> dict[str, Any]:
    out, _ = child.communicate(timeout=120)
    return dict(json.loads(out.strip().splitlines()[-1]))


async def until_flooding(child: subprocess.Popen[str]) -> None:
    assert child.stdout is not None
    line = await asyncio.to_thread(child.stdout.readline)
    if line.strip() != "flooding":
        raise SystemExit(f"flood child said {line!r}")
    await asyncio.sleep(1.0)  # let it reach full speed


async def handshakes(port: int, count: int) -> list[float]:
    took = []
    client = SpeedServer(throwaway_signer(), NET, 7001, Quiet(), bind_host=HONEST,
                         vault_contract=VC)
    for _ in range(count):
        start = time.perf_counter()
        try:
            async with asyncio.timeout(15):
                conn = await client.connect(SERVER, port)
        except (ProtocolError, TimeoutError):
            took.append(15.0)
            continue
        took.append(time.perf_counter() - start)
        await conn.close()
        await conn.wait_closed()
    await client.close()
    return took


async def measure(turns: int, seconds: float) -> dict[str, Any]:
    decoded = [0]
    real_decode = connection.decode_message

    def counting(frame: Any) -> Any:
        decoded[0] += 1
        return real_decode(frame)

    connection.decode_message = counting  # type: ignore[assignment]

    async def fresh() -> tuple[SpeedServer, int]:
        """A new server per case: a closed flooder's bytes already in our socket buffers
        are still read (under the budget), and must not count in the next case."""
        server = SpeedServer(throwaway_signer(), NET, 6881, Quiet(),
                             vault_contract=VC)
        return server, await server.start(SERVER, 0)

    runs: dict[str, list[Any]] = {"connections": [], "frames_one_address": [],
                                  "frames_eight_addresses": [], "handshake_quiet_ms": [],
                                  "handshake_flood_ms": [], "load": []}
    try:
        for turn in range(turns):
            say(f"turn {turn + 1}/{turns} (load {load()})")
            runs["load"].append(load())
            server, port = await fresh()
            child = spawn("connections", SERVER, port, seconds)
            runs["connections"].append(await asyncio.to_thread(finish, child))
            await server.close()
            for key, (addresses, per_address) in (("frames_one_address", (1, 4)),
                                                  ("frames_eight_addresses", (8, 2))):
                server, port = await fresh()
                child = spawn("frames", SERVER, port, seconds + 1, addresses, per_address, 0)
                await until_flooding(child)
                before, start = decoded[0], time.perf_counter()
                await asyncio.sleep(seconds - 1)
                runs[key].append((decoded[0] - before) / (time.perf_counter() - start))
                await asyncio.to_thread(finish, child)
                await server.close()
            server, port = await fresh()
            runs["handshake_quiet_ms"].append(median(await handshakes(port, 30)) * 1000)
            child = spawn("frames", SERVER, port, seconds + 30, 1, 2, 2)
            await until_flooding(child)
            took = await handshakes(port, 30)
            runs["handshake_flood_ms"].append(median(took) * 1000)
            child.kill()
            child.communicate()
            await server.close()
    finally:
        connection.decode_message = real_decode  # type: ignore[assignment]
    return runs


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child_main(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--turns", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=4.0)
    args = parser.parse_args()
    runs = asyncio.run(measure(args.turns, args.seconds))
    accepted = median([r["accepted"] for r in runs["connections"]])
    refused = median([r["refused"] for r in runs["connections"]])
    quiet, flood = median(runs["handshake_quiet_ms"]), median(runs["handshake_flood_ms"])
    ratios = [f / q for q, f in zip(runs["handshake_quiet_ms"], runs["handshake_flood_ms"],
                                    strict=True)]
    summary = {
        "connections_accepted_per_s": accepted, "connections_refused_per_s": refused,
        "frames_per_s_one_address": median(runs["frames_one_address"]),
        "frames_per_s_eight_addresses": median(runs["frames_eight_addresses"]),
        "handshake_ms_quiet": quiet, "handshake_ms_flood": flood,
        "handshake_flood_vs_quiet": statistics.median(ratios),
    }
    path = save_json("speed_flood", {"machine": machine(), "argv": sys.argv, "runs": runs,
                                     "summary": summary})
    print(f"| measure (median of {args.turns} turns; loads {', '.join(runs['load'])}) "
          f"| value |\n|---|---|")
    print(f"| connections accepted per second | {accepted:,.0f} |")
    print(f"| connections refused per second | {refused:,.0f} |")
    print(f"| worst-case frames decoded per second, 4 connections from 1 address | "
          f"{summary['frames_per_s_one_address']:.1f} |")
    print(f"| worst-case frames decoded per second, 2 connections from each of 8 addresses | "
          f"{summary['frames_per_s_eight_addresses']:.1f} |")
    print(f"| honest handshake, no flood | {quiet:.1f} ms |")
    print(f"| honest handshake, under the flood | {flood:.1f} ms |")
    print(f"| ratio (turn by turn: {', '.join(f'{r:.2f}' for r in ratios)}) | "
          f"{summary['handshake_flood_vs_quiet']:.2f} |")
    say(f"wrote {path}")


if __name__ == "__main__":
    main()
