"""Reading .torrent files and magnet links: good ones described, bad ones refused in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from btt_desktop.engine import create_torrent
from btt_desktop.engine.types import AddParams
from btt_desktop.errors import EngineError, TorrentFileError
from tests.engine.conftest import NodeFactory, make_torrent

pytestmark = pytest.mark.timeout(60)


async def test_inspect_describes_a_torrent(tmp_path: Path, make_node: NodeFactory) -> None:
    content = tmp_path / "album"
    (content / "cd1").mkdir(parents=True)
    (content / "cd1" / "track.flac").write_bytes(b"x" * 70_000)
    (content / "cover.jpg").write_bytes(b"y" * 5000)
    out = tmp_path / "album.torrent"
    await create_torrent(content, out, trackers=["http://tracker.invalid/announce"],
                         private=True, piece_size=32768)
    node = await make_node()

    meta = await node.engine.inspect(AddParams(save_path="", torrent_path=str(out)))
    assert meta.name == "album" and meta.total_size == 75_000 and meta.private
    assert meta.piece_length == 32768 and meta.num_pieces == 3
    assert sorted(f.path for f in meta.files) == ["album/cd1/track.flac", "album/cover.jpg"]
    assert meta.trackers == ("http://tracker.invalid/announce",)
    assert meta.info_hash_v1 and len(meta.info_hash_v1) == 40 and meta.info_hash_v2 is None
    assert meta.creator.startswith("BTT Desktop")
    tid = await node.engine.add(AddParams(save_path=str(tmp_path), torrent_path=str(out)))
    details = await node.engine.details(tid)
    assert details.creator == meta.creator and details.private and details.num_pieces == 3
    assert details.torrent_id == meta.info_hash_v1 and details.piece_length == 32768

    magnet = await node.engine.inspect(AddParams(
        save_path="", magnet=f"magnet:?xt=urn:btih:{meta.info_hash_v1}&dn=album"))
    assert magnet.name == "album" and magnet.info_hash_v1 == meta.info_hash_v1
    assert magnet.files == () and magnet.total_size == 0


def _bad_inputs(tmp_path: Path, good: bytes) -> list[tuple[AddParams, str]]:
    empty = tmp_path / "empty.torrent"
    empty.write_bytes(b"")
    truncated = tmp_path / "truncated.torrent"
    truncated.write_bytes(good[: len(good) // 2])
    garbage = tmp_path / "garbage.torrent"
    garbage.write_bytes(b"<html>not found</html>")
    no_info = tmp_path / "noinfo.torrent"
    no_info.write_bytes(b"d8:announce9:http://x/e")  # bencoded, no info dictionary
    folder = tmp_path / "a-folder.torrent"
    folder.mkdir()
    p = AddParams
    eof = "unexpected end of file in bencoded string"
    return [
        (p(save_path="", torrent_path=str(empty)), f"not a valid .torrent file (empty): {empty}"),
        (p(save_path="", torrent_path=str(truncated)),
         f"not a valid .torrent file ({eof}): {truncated}"),
        (p(save_path="", torrent_path=str(garbage)),
         f"not a valid .torrent file (expected value (list, dict, int or string) in "
         f"bencoded string): {garbage}"),
        (p(save_path="", torrent_path=str(no_info)),
         f"not a valid .torrent file (missing or invalid 'info' section in torrent "
         f"file): {no_info}"),
        (p(save_path="", torrent_path=str(folder)), f"is a folder, not a .torrent file: {folder}"),
        (p(save_path="", torrent_path=str(tmp_path / "nope.torrent")),
         f"no such file: {tmp_path / 'nope.torrent'}"),
        (p(save_path="", torrent_data=good[:-1]), f"not a valid .torrent file ({eof}): <data>"),
        (p(save_path="", magnet="magnet:?xt=urn:btih:zz"),
         "not a valid magnet link (invalid info-hash): magnet:?xt=urn:btih:zz"),
        (p(save_path="", magnet="magnet:?dn=nothing"),
         "not a valid magnet link (missing info-hash from URI): magnet:?dn=nothing"),
        (p(save_path="", magnet="http://example.com/x.torrent"),
         "not a magnet link: http://example.com/x.torrent"),
    ]


async def test_bad_torrents_and_magnets_give_one_line(tmp_path: Path,
                                                      make_node: NodeFactory) -> None:
    _, good = await make_torrent(tmp_path / "t", {"a": 40_000})
    node = await make_node()
    kept = await node.engine.add(AddParams(save_path=str(tmp_path / "t"), torrent_data=good))
    for params, line in _bad_inputs(tmp_path, good):
        with pytest.raises(TorrentFileError) as inspected:
            await node.engine.inspect(params)
        assert str(inspected.value) == line
        with pytest.raises(TorrentFileError) as added:
            await node.engine.add(params)
        assert str(added.value) == line
    # nothing was lost, and the engine still works
    assert node.engine.torrent_ids() == [kept]
    with pytest.raises(EngineError, match=r"^already in the list: content$"):
        await node.engine.add(AddParams(save_path=str(tmp_path / "t"), torrent_data=good))


async def test_wrong_number_of_file_priorities(tmp_path: Path, make_node: NodeFactory) -> None:
    _, torrent = await make_torrent(tmp_path / "t", {"a": 1000, "b": 1000})
    node = await make_node()
    with pytest.raises(EngineError, match=r"^3 file priorities given for a torrent of 2 files$"):
        await node.engine.add(AddParams(save_path=str(tmp_path / "d"), torrent_data=torrent,
                                        file_priorities=(4, 4, 4)))
    with pytest.raises(EngineError, match=r"^no folder given to save into$"):
        await node.engine.add(AddParams(save_path=" ", torrent_data=torrent))
    assert node.engine.torrent_ids() == []
