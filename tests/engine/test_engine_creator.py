"""create_torrent: v1, v2 and hybrid torrents that other sessions verify and download."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from btt_desktop.engine import TorrentCreateError, create_torrent
from btt_desktop.engine.types import AddParams, TorrentState
from btt_desktop.events import TorrentFinished
from tests.engine.conftest import NodeFactory, tree_digests, wait_until, write_random

pytestmark = pytest.mark.timeout(60)


@pytest.mark.parametrize("version", ["v1", "v2", "hybrid"])
async def test_created_torrent_round_trip(tmp_path: Path, make_node: NodeFactory,
                                          version: str) -> None:
    content = tmp_path / "share" / "stuff"
    write_random(content / "one.bin", 300_000)
    write_random(content / "deep" / "two.bin", 123_457)
    out = tmp_path / f"{version}.torrent"
    seen: list[float] = []
    meta = await create_torrent(content, out, version=version,  # type: ignore[arg-type]
                                piece_size=16384, progress=seen.append)
    await asyncio.sleep(0)  # progress is delivered through the loop
    assert seen and seen == sorted(seen) and seen[-1] == 1.0
    assert (meta.info_hash_v1 is not None) == (version != "v2")
    assert (meta.info_hash_v2 is not None) == (version != "v1")
    assert {f.path for f in meta.files} == {"stuff/one.bin", "stuff/deep/two.bin"}

    seeder = await make_node()
    sid = await seeder.engine.add(AddParams(save_path=str(tmp_path / "share"),
                                            torrent_path=str(out)))
    # the seeder hashes the data against the torrent: all of it must match
    await wait_until(lambda: (s := seeder.engine.snapshot(sid)) is not None
                     and s.state == TorrentState.SEEDING, what="seeder to verify")
    leecher = await make_node()
    await leecher.engine.add(AddParams(save_path=str(tmp_path / "down"), torrent_path=str(out),
                                       peers=(seeder.endpoint,)))
    await wait_until(lambda: bool(leecher.of(TorrentFinished)), what="download")
    assert tree_digests(tmp_path / "down" / "stuff") == tree_digests(content)


def sparse_file(path: Path, size: int) -> None:
    with open(path, "wb") as f:
        f.truncate(size)


async def test_create_can_be_cancelled(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    sparse_file(big, 256 * 1024 * 1024)  # reading it is cheap, hashing it is real
    out = tmp_path / "big.torrent"
    started = asyncio.Event()
    task = asyncio.create_task(create_torrent(big, out, piece_size=16384,
                                              progress=lambda _: started.set()))
    await asyncio.wait_for(started.wait(), 30)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert not out.exists()


async def test_create_refuses_bad_input_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "f").write_bytes(b"data")
    cases = [
        (dict(path=tmp_path / "missing", out=tmp_path / "x.torrent"),
         f"no such file or folder: {tmp_path / 'missing'}"),
        (dict(path=tmp_path / "empty", out=tmp_path / "x.torrent"),
         f"nothing to share in {tmp_path / 'empty'}: no data"),
        (dict(path=tmp_path / "f", out=tmp_path / "x.torrent", piece_size=1000),
         "piece size must be a power of two of at least 16 KiB: 1000"),
        (dict(path=tmp_path / "f", out=tmp_path / "no" / "x.torrent"),
         f"no such folder for the output: {tmp_path / 'no'}"),
    ]
    for kwargs, line in cases:
        with pytest.raises(TorrentCreateError) as err:
            await create_torrent(**kwargs)  # type: ignore[arg-type]
        assert str(err.value) == line
