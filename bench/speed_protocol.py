"""Costs of the Speed protocol machinery, each as a ratio to a reference in the same run.

    python bench/speed_protocol.py

- frame decoding: the strict Speed decoder (``speed.framing``) against libtorrent's
  ``bdecode`` on the same bid frame;
- handshakes: a full Speed connect + hello/auth over loopback against a bare TCP
  connect + close to the same kind of listener;
- cheques (version 2, TIP-712): drawing a cheque through the requester ledger (digest +
  sign + atomic write + fsync) and validating one on the provider (digest + recover +
  checks) against a bare secp256k1 sign of a 32-byte hash (what a cheque signature is).

Prints one JSON document; no assertions (this is not a test).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import libtorrent as lt
from tronpy.keys import PrivateKey

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from btt_desktop.speed.cheque import ChequeDomain, sign_cheque  # noqa: E402
from btt_desktop.speed.connection import ProtocolHandler, SpeedConnection  # noqa: E402
from btt_desktop.speed.framing import decode_payload, encode_frame  # noqa: E402
from btt_desktop.speed.ledger import MIB, ProviderLedger, RequesterLedger, VaultView  # noqa: E402
from btt_desktop.speed.messages import Bid, Message  # noqa: E402
from btt_desktop.speed.server import SpeedServer  # noqa: E402
from tests.speed.speed_keys import KeySigner  # noqa: E402

NET = "devnet:bench"
# a made-up vault contract and chain: signing and checking need no chain
DOMAIN = ChequeDomain(0x5EED, KeySigner(PrivateKey(b"\x07" * 32)).address)
VC = DOMAIN.contract


def per_second(fn: Callable[[], object], seconds: float = 1.0) -> float:
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for _ in range(50):
            fn()
        count += 50
    return count / (time.perf_counter() - start)


class Quiet:
    async def on_open(self, conn: SpeedConnection) -> None: ...
    async def on_message(self, conn: SpeedConnection, message: Message) -> None: ...
    async def on_close(self, conn: SpeedConnection, reason: str) -> None: ...


async def handshakes(rounds: int = 200) -> dict[str, float]:
    handler: ProtocolHandler = Quiet()
    a, b = KeySigner(PrivateKey.random()), KeySigner(PrivateKey.random())
    server = SpeedServer(a, NET, 6881, handler, vault_contract=VC)
    port = await server.start("127.0.0.1", 0)
    client = SpeedServer(b, NET, 6882, handler, vault_contract=VC)

    async def bare_listener(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        w.close()

    bare = await asyncio.start_server(bare_listener, "127.0.0.1", 0)
    bare_port = bare.sockets[0].getsockname()[1]
    start = time.perf_counter()
    for _ in range(rounds):
        _, w = await asyncio.open_connection("127.0.0.1", bare_port)
        w.close()
        await w.wait_closed()
    tcp = rounds / (time.perf_counter() - start)
    start = time.perf_counter()
    for _ in range(rounds):
        conn = await client.connect("127.0.0.1", port)
        await conn.close()
        await conn.wait_closed()
    speed = rounds / (time.perf_counter() - start)
    await client.close()
    await server.close()
    bare.close()
    return {"tcp_connects_per_s": tcp, "speed_handshakes_per_s": speed,
            "handshake_cost_vs_tcp_connect": tcp / speed}


def cheques() -> dict[str, float]:
    key = PrivateKey.random()
    payer, earner = KeySigner(key), KeySigner(PrivateKey.random())
    with tempfile.TemporaryDirectory() as tmp:
        requester = RequesterLedger(Path(tmp) / "r.json", NET, payer.address, DOMAIN)
        provider = ProviderLedger(Path(tmp) / "p.json", NET, earner.address, DOMAIN)
        digest = b"\1" * 32
        bare = per_second(lambda: key.sign_msg_hash(digest))

        def draw() -> None:
            requester.record_received(earner.address, MIB, 1000)
            requester.draw_cheque(payer, earner.address, 1)

        drawn = per_second(draw)
        signed = [sign_cheque(payer, DOMAIN, payer.address, earner.address, cum)
                  for cum in range(1, 201)]
        it = itertools.cycle(signed)  # check_cheque stores nothing: each check is fresh
        rich = VaultView(balance=10**30, paid_out=0)
        checked = per_second(lambda: provider.check_cheque(next(it), payer.address, rich), 0.5)
    return {"bare_sign_per_s": bare, "ledger_draw_per_s": drawn,
            "provider_check_per_s": checked, "draw_cost_vs_sign": bare / drawn,
            "check_cost_vs_sign": bare / checked}


def decoding() -> dict[str, float]:
    frame = Bid(ih=bytes(range(20)), rate=10**18, vault=KeySigner(PrivateKey.random()).address,
                exp=2_000_000_000).to_frame()
    body = encode_frame(frame)[4:]
    ours = per_second(lambda: decode_payload(body))
    theirs = per_second(lambda: lt.bdecode(body))
    return {"speed_decode_per_s": ours, "libtorrent_bdecode_per_s": theirs,
            "decode_cost_vs_libtorrent": theirs / ours}


def main() -> None:
    result = {
        "machine": {"python": platform.python_version(), "cpu": platform.processor() or "?"},
        "decoding": decoding(),
        "cheques": cheques(),
        "handshakes": asyncio.run(handshakes()),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
