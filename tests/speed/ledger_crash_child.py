"""Child process for the ledger crash tests: run until killed, logging what it 'sends'.

requester mode: receive bytes, draw cheques, append each sent cheque to the wire log
(after the ledger persisted it), like a real requester writing to a socket.
provider mode: accept the cheques listed in a file, append each acknowledged cum.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from btt_desktop.speed.cheque import Cheque
from btt_desktop.speed.errors import ChequeRejected
from btt_desktop.speed.ledger import ProviderLedger, RequesterLedger, VaultView
from tests.speed.speed_keys import DOMAIN, NET, address, signer

PRICE = 1000  # base units per MiB
INCREMENT = 1000


def send(log: Path, record: dict[str, object]) -> None:
    with log.open("a") as f:
        f.write(json.dumps(record) + "\n")
        f.flush()
        os.fsync(f.fileno())


def requester(state: Path, log: Path, rounds: int) -> None:
    me = signer(1)
    ledger = RequesterLedger(state / "requester.json", NET, me.address, DOMAIN)
    pending = ledger.last_cheque(address(2))
    if pending is not None:  # after a restart: re-send the last cheque, never re-sign
        send(log, {"kind": "resend", "cum": pending.cum, "sig": pending.sig.hex()})
    rng = random.Random()
    for _ in range(rounds):
        account = ledger.record_received(address(2), rng.randrange(1, 300_000), PRICE)
        cheque = ledger.draw_cheque(me, address(2), INCREMENT)
        if cheque is not None:
            send(log, {"kind": "new", "cum": cheque.cum, "sig": cheque.sig.hex(),
                       "owed": account.owed})
    send(log, {"kind": "done"})


def provider(state: Path, log: Path, cheques_file: Path) -> None:
    ledger = ProviderLedger(state / "provider.json", NET, address(2), DOMAIN)
    for line in cheques_file.read_text().splitlines():
        item = json.loads(line)
        cheque = Cheque(domain=DOMAIN, vault=address(1), to=address(2), cum=item["cum"],
                        sig=bytes.fromhex(item["sig"]))
        try:
            ledger.accept_cheque(cheque, address(1), VaultView(balance=10**30, paid_out=0))
        except ChequeRejected:
            continue  # already have it (replayed after a restart)
        send(log, {"kind": "ack", "cum": cheque.cum})
    send(log, {"kind": "done"})


if __name__ == "__main__":
    mode, state_dir, log_file, arg = sys.argv[1:5]
    if mode == "requester":
        requester(Path(state_dir), Path(log_file), int(arg))
    else:
        provider(Path(state_dir), Path(log_file), Path(arg))
