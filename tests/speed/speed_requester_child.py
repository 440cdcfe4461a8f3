"""A Speed requester in its own process, for the two-process test.

Reads its private key (hex) from stdin, connects to the provider given on the command
line (paying through the vault contract named there), bids, and once awarded
"downloads" 2 MiB (its byte counter) and pays for them. Prints ``paid <cum>`` when the
cheque is on disk and sent, then waits to be told to quit.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from tronpy.keys import PrivateKey

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script: find tests/

from btt_desktop.events import EventBus, SpeedStandingChanged
from btt_desktop.speed.cheque import ChequeDomain
from btt_desktop.speed.ledger import MIB, RequesterLedger
from btt_desktop.speed.requester import Requester
from btt_desktop.speed.server import SpeedServer
from tests.speed.speed_keys import KeySigner

IH = bytes(range(20))


async def main(net: str, domain: ChequeDomain, state: Path, my_host: str, provider_host: str,
               port: int) -> None:
    key = PrivateKey(bytes.fromhex(sys.stdin.readline().strip()))
    me = KeySigner(key)
    received: dict[tuple[bytes, str, int], int] = {}
    awarded = asyncio.Event()
    bus = EventBus()
    bus.subscribe(SpeedStandingChanged, lambda e: awarded.set() if e.awarded else None)
    requester = Requester(RequesterLedger(state, net, me.address, domain), me,
                          lambda ih, ip, p: received.get((ih, ip, p), 0), bus=bus)
    server = SpeedServer(me, net, 7100, requester, vault_contract=domain.contract)
    await server.start(my_host, 0)
    conn = await server.connect(provider_host, port)
    assert conn.peer is not None
    provider = conn.peer.addr
    await requester.set_bid(IH, 300)
    await awarded.wait()
    received[(IH, provider_host, conn.peer.bt_port)] = 2 * MIB
    await requester.tick()
    last = requester.ledger.last_cheque(provider)
    print(f"paid {last.cum if last else 0}", flush=True)
    await asyncio.to_thread(sys.stdin.readline)  # until the parent says quit
    await server.close()


if __name__ == "__main__":
    net_id, chain_id, contract, state_file, host, peer_host, peer_port = sys.argv[1:8]
    asyncio.run(main(net_id, ChequeDomain(int(chain_id), contract), Path(state_file), host,
                     peer_host, int(peer_port)))
