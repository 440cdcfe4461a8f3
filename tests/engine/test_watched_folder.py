"""A watched folder as a user fills it: .torrent and .magnet files dropped in are added
to a real engine; a file still being written is waited for; a duplicate or a bad file
is marked in the folder and said why."""

from __future__ import annotations

from pathlib import Path

from btt_desktop.engine import create_torrent
from btt_desktop.events import WatchedFileHandled, WatchOutcome
from btt_desktop.watched_folder import WatchedFolder, WatchSettings
from tests.engine.conftest import NodeFactory, wait_until, write_random


async def test_files_dropped_in_are_added_once_they_stop_changing(
        tmp_path: Path, make_node: NodeFactory) -> None:
    node = await make_node()
    write_random(tmp_path / "content" / "a.bin", 100_000)
    write_random(tmp_path / "content2" / "b.bin", 100_000)
    watched = tmp_path / "watched"
    watched.mkdir()
    first = await create_torrent(tmp_path / "content" / "a.bin", tmp_path / "a.torrent")
    second = await create_torrent(tmp_path / "content2" / "b.bin", tmp_path / "b.torrent")
    handled: list[WatchedFileHandled] = []
    node.bus.subscribe(WatchedFileHandled, handled.append)
    folder = WatchedFolder(node.engine, node.bus, WatchSettings(
        folder=str(watched), save_path=str(tmp_path / "downloads"), paused=True))

    data = (tmp_path / "a.torrent").read_bytes()
    growing = watched / "a.torrent"
    growing.write_bytes(data[: len(data) // 2])  # still being written
    (watched / ".b.torrent.part").write_bytes((tmp_path / "b.torrent").read_bytes())
    assert await folder.scan() == []  # first sight: wait for it to settle
    growing.write_bytes(data)  # finished writing
    assert await folder.scan() == []  # changed since: wait again
    (watched / "album.magnet").write_text(
        f"magnet:?xt=urn:btih:{second.info_hash_v1}&dn=album\n")
    taken = await folder.scan()
    assert [(Path(e.path).name, e.outcome) for e in taken] == [
        ("a.torrent", WatchOutcome.ADDED)]
    taken = await folder.scan()
    assert [(Path(e.path).name, e.outcome) for e in taken] == [
        ("album.magnet", WatchOutcome.ADDED)]
    assert set(node.engine.torrent_ids()) == {first.info_hash_v1, second.info_hash_v1}
    snap = node.engine.snapshot(first.info_hash_v1)
    assert snap is not None and snap.save_path == str(tmp_path / "downloads")
    assert sorted(p.name for p in watched.iterdir()) == [
        ".b.torrent.part", "a.torrent.added", "album.magnet.added"]  # hidden: left alone

    (watched / "again.torrent").write_bytes(data)  # the same torrent again
    (watched / "junk.torrent").write_bytes(b"<html>404</html>")
    await folder.scan()
    taken = await folder.scan()
    assert {Path(e.path).name: (e.outcome, e.text) for e in taken} == {
        "again.torrent": (WatchOutcome.ALREADY_THERE,
                          "already in the list: a.bin (from again.torrent)"),
        "junk.torrent": (WatchOutcome.REFUSED,
                         "not a valid .torrent file (expected value (list, dict, int or "
                         "string) in bencoded string): <data>"),
    }
    assert sorted(p.name for p in watched.iterdir()) == [
        ".b.torrent.part", "a.torrent.added", "again.torrent.added", "album.magnet.added",
        "junk.torrent.invalid"]
    assert len(handled) == 4


async def test_watching_runs_in_the_background_and_follows_a_new_folder(
        tmp_path: Path, make_node: NodeFactory) -> None:
    node = await make_node()
    write_random(tmp_path / "content" / "a.bin", 50_000)
    meta = await create_torrent(tmp_path / "content" / "a.bin", tmp_path / "a.torrent")
    folder = WatchedFolder(node.engine, node.bus, WatchSettings(
        folder=str(tmp_path / "elsewhere"), save_path=str(tmp_path / "dl")), every=0.05)
    folder.start()
    try:
        await folder.apply(WatchSettings(folder=str(tmp_path / "w"),
                                         save_path=str(tmp_path / "dl")))
        (tmp_path / "w").mkdir()  # created after the watching started
        (tmp_path / "w" / "a.torrent").write_bytes((tmp_path / "a.torrent").read_bytes())
        await wait_until(lambda: meta.info_hash_v1 in node.engine.torrent_ids(), 10,
                         "the torrent added from the folder")
    finally:
        await folder.close()
