"""Categories and tags: kept per torrent, shown in snapshots, saved in the profile and
back after a restart; a category's save path; the incomplete-downloads folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from btt_desktop.engine.types import AddParams, Category, TorrentState
from btt_desktop.errors import EngineError
from btt_desktop.events import TorrentFinished, TorrentsUpdated
from btt_desktop.settings_store import settings_from_json
from tests.engine.conftest import (
    NodeFactory,
    loopback_settings,
    make_torrent,
    tree_digests,
    wait_until,
)

pytestmark = pytest.mark.timeout(60)


async def test_categories_and_tags_survive_a_restart(tmp_path: Path,
                                                    make_node: NodeFactory) -> None:
    _, torrent = await make_torrent(tmp_path / "t", {"a.bin": 100_000})
    profile = tmp_path / "profile"
    node = await make_node(profile_dir=profile)
    engine = node.engine
    movies = tmp_path / "movies"
    assert await engine.create_category("Movies", str(movies)) == Category("Movies", str(movies))
    await engine.create_category("Linux ISOs")
    with pytest.raises(EngineError, match="exists already"):
        await engine.create_category("Movies", "")
    with pytest.raises(EngineError, match="no such category"):
        await engine.add(AddParams(save_path="", torrent_data=torrent, category="Music"))

    # no save path given: the category's is used
    tid = await engine.add(AddParams(save_path="", torrent_data=torrent, category="Movies",
                                     tags=("hd", "new")))
    snap = engine.snapshot(tid)
    assert snap is not None and snap.save_path.rstrip("/") == str(movies)
    assert (snap.category, snap.tags) == ("Movies", ("hd", "new"))
    assert await engine.tags() == ("hd", "new")

    await engine.add_tags([tid], ["x265"])
    await engine.remove_tags([tid], ["new"])
    await engine.set_category([tid], "Linux ISOs")
    last = node.of(TorrentsUpdated)[-1].snapshots[-1]  # shown at once
    assert (last.category, last.tags) == ("Linux ISOs", ("hd", "x265"))
    await engine.edit_category("Movies", str(tmp_path / "films"))
    await engine.create_tags(["unused"])
    await engine.delete_tags(["x265"])
    assert engine.snapshot(tid).tags == ("hd",)  # type: ignore[union-attr]
    with pytest.raises(EngineError, match="no such category"):
        await engine.set_category([tid], "Nope")
    with pytest.raises(EngineError, match="comma"):
        await engine.add_tags([tid], ["a,b"])
    await engine.close()

    again = await make_node(profile_dir=profile)
    snap = again.engine.snapshot(tid)
    assert snap is not None and (snap.category, snap.tags) == ("Linux ISOs", ("hd",))
    assert await again.engine.categories() == (
        Category("Linux ISOs", ""), Category("Movies", str(tmp_path / "films")))
    assert await again.engine.tags() == ("hd", "new", "unused")

    # removing a category leaves its torrents without one
    await again.engine.remove_category("Linux ISOs")
    assert again.engine.snapshot(tid).category == ""  # type: ignore[union-attr]
    await again.engine.close()
    saved = json.loads((profile / "resume" / "labels.json").read_text())
    assert saved[tid]["tags"] == ["hd"] and saved[tid]["category"] == ""


async def test_incomplete_downloads_move_to_the_category_path_when_done(
        tmp_path: Path, make_node: NodeFactory) -> None:
    content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 600_000,
                                                               "d/b.bin": 300_000})
    seeder = await make_node()
    seed_id = await seeder.engine.add(AddParams(save_path=str(content.parent),
                                                torrent_data=torrent))
    await wait_until(lambda: seeder.engine.snapshot(seed_id).state  # type: ignore[union-attr]
                     == TorrentState.SEEDING, what="seeder")
    incomplete = tmp_path / "incomplete"
    leecher = await make_node(settings=loopback_settings(incomplete_path=str(incomplete)))
    done = tmp_path / "done"
    await leecher.engine.create_category("Data", str(done))
    tid = await leecher.engine.add(AddParams(save_path="", torrent_data=torrent,
                                             category="Data", paused=True))
    assert leecher.engine.snapshot(tid).save_path.rstrip("/") == str(incomplete)  # type: ignore
    await leecher.engine.resume([tid])
    await leecher.engine.add_peers(tid, [seeder.endpoint])
    await wait_until(lambda: bool(leecher.of(TorrentFinished)), what="download")
    await wait_until(lambda: (done / "content").exists()
                     and not (incomplete / "content" / "a.bin").exists(), what="the move")
    assert tree_digests(done / "content") == tree_digests(content)
    await wait_until(lambda: leecher.engine.snapshot(tid).save_path.rstrip("/")  # type: ignore
                     == str(done), what="the new save path")

    # a torrent whose data is already in its save path stays there (seeding what is there)
    other, other_torrent = await make_torrent(tmp_path / "other", {"c.bin": 1000})
    again = await leecher.engine.add(AddParams(save_path=str(other.parent),
                                               torrent_data=other_torrent))
    assert leecher.engine.snapshot(again).save_path.rstrip("/") == str(other.parent)  # type: ignore
    await wait_until(lambda: leecher.engine.snapshot(again).state  # type: ignore[union-attr]
                     == TorrentState.SEEDING, what="the data found")


def test_old_settings_files_load_with_the_new_defaults() -> None:
    old = b'{"version": 1, "engine": {"listen_port": 7000, "dht": false}, "app": {}}'
    settings = settings_from_json(old).engine
    assert settings.listen_port == 7000 and not settings.dht
    assert settings.incomplete_path == "" and settings.ip_filter_path == ""
    assert settings.proxy_port == 1080 and not settings.alt_schedule_enabled
