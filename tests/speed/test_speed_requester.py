"""The requester never pays above its bid, nor for torrents it did not bid on."""

from __future__ import annotations

from pathlib import Path

import pytest

from btt_desktop.speed.ledger import MIB, RequesterLedger
from btt_desktop.speed.messages import Award, Cancel, ChequeMsg
from btt_desktop.speed.requester import Requester
from btt_desktop.speed.server import SpeedServer
from tests.conftest import next_loopback
from tests.speed.speed_endpoint import RecordingHandler, wait_for
from tests.speed.speed_keys import DOMAIN, NET, VAULT_CONTRACT, signer

pytestmark = pytest.mark.timeout(60)
IH = bytes(range(20))
OTHER_IH = bytes(32)


async def test_awards_above_the_bid_or_unasked_are_refused(tmp_path: Path) -> None:
    me, provider_signer = signer(21), signer(22)
    received: dict[tuple[bytes, str, int], int] = {}
    requester = Requester(RequesterLedger(tmp_path / "r.json", NET, me.address, DOMAIN), me,
                          lambda ih, ip, port: received.get((ih, ip, port), 0))
    await requester.set_bid(IH, 500)
    host, provider_host = next_loopback(), next_loopback()
    server = SpeedServer(me, NET, 7001, requester, vault_contract=VAULT_CONTRACT)
    await server.start(host, 0)
    # a provider that tries to charge more than the bid (a real one never does)
    seen = RecordingHandler()
    rogue = SpeedServer(provider_signer, NET, 6881, seen, bind_host=provider_host,
                        vault_contract=VAULT_CONTRACT)
    try:
        conn = await rogue.connect(host, server.port)
        await conn.send(Award(ih=IH, price=501, until=2**40, credit=10 * MIB))
        await conn.send(Award(ih=OTHER_IH, price=1, until=2**40, credit=10 * MIB))
        await wait_for(lambda: sum(isinstance(m, Cancel) for _, m in seen.messages) == 2)
        received[(IH, provider_host, 6881)] = 50 * MIB
        received[(OTHER_IH, provider_host, 6881)] = 50 * MIB
        await requester.tick()
        assert requester.ledger.last_cheque(provider_signer.address) is None
        assert not any(isinstance(m, ChequeMsg) for _, m in seen.messages)
        # at the bid it is accepted, and only bytes from then on are paid
        await conn.send(Award(ih=IH, price=500, until=2**40, credit=10 * MIB))
        await wait_for(lambda: requester.status[(provider_signer.address, IH)].awarded)
        received[(IH, provider_host, 6881)] += 2 * MIB
        await requester.tick()
        await wait_for(lambda: any(isinstance(m, ChequeMsg) for _, m in seen.messages))
        cheque = requester.ledger.last_cheque(provider_signer.address)
        assert cheque is not None and cheque.cum == 1000
    finally:
        await rogue.close()
        await server.close()
