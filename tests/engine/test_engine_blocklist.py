"""IP block lists (eMule ipfilter.dat, PeerGuardian .p2p, gzipped or not): what the
parser accepts and skips, and a peer in a blocked range that cannot connect."""

from __future__ import annotations

import asyncio
import gzip
from pathlib import Path

import pytest

from btt_desktop.engine import ip_blocklist
from btt_desktop.engine.ip_blocklist import read_blocklist
from btt_desktop.engine.types import AddParams, TorrentState
from btt_desktop.events import EngineMessage, TorrentFinished
from tests.engine.conftest import NodeFactory, loopback_settings, make_torrent, wait_until

pytestmark = pytest.mark.timeout(60)

DAT = """\
# eMule ipfilter.dat
001.009.096.105 - 001.009.096.110 , 000 , Some organisation
2.0.0.0 - 2.0.0.255 , 100 , Level 100, still blocked
3.0.0.0 - 3.0.0.255 , 200 , allowed: level above 127
// another comment

4.0.0.0-4.0.0.9,000,no spaces
999.0.0.1 - 999.0.0.2 , 000 , bad octet
5.0.0.9 - 5.0.0.1 , 000 , end before start
6.0.0.1 - ::1 , 000 , mixed families
2001:db8:: - 2001:db8::ffff , 000 , IPv6
not a line at all
"""

P2P = """\
# PeerGuardian
Some org: with a colon:1.2.3.0-1.2.3.255
Other:010.000.000.001-010.000.000.002
IPv6 org:2001:db8::1-2001:db8::2
Broken:1.2.3.4
:5.5.5.5-5.5.5.6
"""


def test_emule_format(tmp_path: Path) -> None:
    path = tmp_path / "ipfilter.dat"
    path.write_text(DAT)
    found = read_blocklist(path)
    assert found.ranges == [("1.9.96.105", "1.9.96.110"), ("2.0.0.0", "2.0.0.255"),
                            ("4.0.0.0", "4.0.0.9"), ("2001:db8::", "2001:db8::ffff")]
    assert found.skipped == 4 and not found.truncated


def test_peerguardian_format_and_gzip(tmp_path: Path) -> None:
    path = tmp_path / "level1.p2p.gz"
    path.write_bytes(gzip.compress(P2P.encode()))
    found = read_blocklist(path)
    assert found.ranges == [("1.2.3.0", "1.2.3.255"), ("10.0.0.1", "10.0.0.2"),
                            ("2001:db8::1", "2001:db8::2"), ("5.5.5.5", "5.5.5.6")]
    assert found.skipped == 1


def test_hostile_input_is_skipped_and_bounded(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "evil.dat"
    lines = ["A" * 100_000, "\x00\xff\xfe garbage", "1.1.1.1 - 1.1.1.2 , 0 , ok",
             "1.1.1.1 - 1.1.1.2 , x , bad level", "9" * 5000 + "-1.1.1.1"]
    path.write_bytes("\n".join(lines).encode("utf-8", errors="replace") + b"\n\xff\xfe\xfd")
    found = read_blocklist(path)
    assert found.ranges == [("1.1.1.1", "1.1.1.2")]
    assert found.skipped == 5

    # a gzip bomb stops at the size limit instead of filling memory
    bomb = tmp_path / "bomb.dat.gz"
    bomb.write_bytes(gzip.compress(b"1.1.1.1 - 1.1.1.2 , 0 , x\n" * 200_000))
    monkeypatch.setattr(ip_blocklist, "MAX_BYTES", 1_000_000)
    capped = read_blocklist(bomb)
    assert capped.truncated and len(capped.ranges) < 40_000
    monkeypatch.setattr(ip_blocklist, "MAX_RANGES", 10)
    assert len(read_blocklist(bomb).ranges) == 10

    broken = tmp_path / "broken.p2p"
    broken.write_bytes(gzip.compress(P2P.encode())[:20])
    with pytest.raises((EOFError, OSError)):
        read_blocklist(broken)


async def test_a_peer_in_a_blocked_range_cannot_connect(tmp_path: Path,
                                                        make_node: NodeFactory) -> None:
    content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 400_000})
    blocked_settings = loopback_settings()
    allowed = await make_node()
    blocked = await make_node(settings=blocked_settings)
    ip = blocked_settings.listen_interface
    listing = tmp_path / "list.p2p"
    listing.write_text(f"Test range:{ip}-{ip}\nbad line\n")
    seeder = await make_node(settings=loopback_settings(ip_filter_path=str(listing)))
    assert any(m.text == "IP block list: 1 ranges loaded, 1 lines skipped"
               for m in seeder.of(EngineMessage))
    seed_id = await seeder.engine.add(AddParams(save_path=str(content.parent),
                                                torrent_data=torrent))
    await wait_until(lambda: seeder.engine.snapshot(seed_id).state  # type: ignore[union-attr]
                     == TorrentState.SEEDING, what="seeder")
    for node in (blocked, allowed):
        await node.engine.add(AddParams(save_path=str(tmp_path / f"down{id(node)}"),
                                        torrent_data=torrent, peers=(seeder.endpoint,)))
    await wait_until(lambda: bool(allowed.of(TorrentFinished)), what="the allowed peer")
    # the seeder dialling the blocked peer is refused too
    await seeder.engine.add_peers(seed_id, [blocked.endpoint])
    await asyncio.sleep(1.5)
    assert not blocked.of(TorrentFinished)
    peers = {p.ip for p in await seeder.engine.peers(seed_id)}
    assert ip not in peers

    # the list is read again when the setting changes: without it the peer gets in
    from dataclasses import replace
    await seeder.engine.apply_settings(replace(seeder.engine.settings, ip_filter_path=""))
    await seeder.engine.add_peers(seed_id, [blocked.endpoint])
    await wait_until(lambda: bool(blocked.of(TorrentFinished)), what="the unblocked peer")


async def test_a_missing_list_is_one_error_line(tmp_path: Path, make_node: NodeFactory) -> None:
    node = await make_node(settings=loopback_settings(
        ip_filter_path=str(tmp_path / "nope.dat")))
    errors = [m for m in node.of(EngineMessage) if m.level == "error"]
    assert [m.text for m in errors] == [f"IP block list not found: {tmp_path / 'nope.dat'}"]
