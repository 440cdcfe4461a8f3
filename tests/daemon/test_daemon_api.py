"""The Web API of one ``btt daemon`` through ``qbittorrent-api``: adding, the list,
stopping, starting, deleting, categories and tags, files and priorities, limits and
``sync/maindata`` increments."""

from __future__ import annotations

from pathlib import Path

import pytest
import qbittorrentapi

from tests.daemon.conftest import Daemon, create_torrent, make_content, wait_for

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def client(daemon: Daemon) -> qbittorrentapi.Client:
    return daemon.client()


@pytest.fixture(scope="module")
def seeded(module_dir: Path) -> tuple[Path, Path]:
    """A torrent of two files and the folder that holds its data."""
    data = module_dir / "data"
    make_content(data / "album", {"one.bin": 100_000, "sub/two.bin": 50_000})
    return create_torrent(data / "album", module_dir / "album.torrent"), data


def _hash(client: qbittorrentapi.Client, name: str) -> str:
    return str(wait_for(lambda: next((t.hash for t in client.torrents_info()
                                      if t.name == name), None)))


def test_versions(client: qbittorrentapi.Client) -> None:
    assert client.app.version == "v5.0.2"
    assert client.app.web_api_version == "2.11.2"
    assert "libtorrent" in client.app.build_info
    assert client.app.default_save_path


def test_add_list_stop_start_delete(client: qbittorrentapi.Client,
                                    seeded: tuple[Path, Path]) -> None:
    torrent, data = seeded
    assert client.torrents_add(torrent_files=str(torrent), save_path=str(data)) == "Ok."
    tid = _hash(client, "album")
    info = wait_for(lambda: next((t for t in client.torrents_info(torrent_hashes=tid)
                                  if t.state == "stalledUP"), None))
    assert info.progress == 1 and info.size == 150_000 and info.amount_left == 0
    assert info.save_path == str(data)
    assert [t.hash for t in client.torrents_info(status_filter="seeding")] == [tid]
    assert client.torrents_info(status_filter="downloading") == []

    magnet = "magnet:?xt=urn:btih:" + "ab" * 20 + "&dn=later"
    assert client.torrents_add(urls=magnet, save_path=str(data / "later"),
                               is_stopped=True) == "Ok."
    other = _hash(client, "later")
    assert wait_for(lambda: client.torrents_info(torrent_hashes=other)[0].state
                    == "stoppedDL")
    names = [t.name for t in client.torrents_info(sort="name", reverse=True)]
    assert names == ["later", "album"]
    assert [t.name for t in client.torrents_info(sort="name", limit=1, offset=1)] == ["later"]

    client.torrents_stop(torrent_hashes=tid)
    assert wait_for(lambda: client.torrents_info(torrent_hashes=tid)[0].state == "stoppedUP")
    assert {t.hash for t in client.torrents_info(status_filter="stopped")} == {tid, other}
    client.torrents_start(torrent_hashes=tid)
    assert wait_for(lambda: client.torrents_info(torrent_hashes=tid)[0].state == "stalledUP")

    client.torrents_delete(torrent_hashes=other, delete_files=True)
    assert wait_for(lambda: [t.hash for t in client.torrents_info()] == [tid])
    assert client.torrents_add(urls="not a link") == "Fails."


def test_properties_trackers_files_priorities(client: qbittorrentapi.Client,
                                              module_dir: Path) -> None:
    content = make_content(module_dir / "src" / "pair", {"a.bin": 40_000, "b.bin": 40_000})
    torrent = create_torrent(content, module_dir / "pair.torrent")
    client.torrents_add(torrent_files=str(torrent), save_path=str(module_dir / "empty"),
                        is_stopped=True)
    tid = _hash(client, "pair")
    files = client.torrents_files(tid)
    assert [(f.index, f.name, f.size, f.priority) for f in files] == [
        (0, "pair/a.bin", 40_000, 1), (1, "pair/b.bin", 40_000, 1)]
    client.torrents_file_priority(tid, file_ids=[1], priority=0)
    assert [f.priority for f in client.torrents_files(tid)] == [1, 0]
    client.torrents_file_priority(tid, file_ids=1, priority=7)
    assert [f.priority for f in client.torrents_files(tid)] == [1, 7]
    with pytest.raises(qbittorrentapi.InvalidRequest400Error):
        client.torrents_file_priority(tid, file_ids=0, priority=3)
    with pytest.raises(qbittorrentapi.Conflict409Error):
        client.torrents_file_priority(tid, file_ids=9, priority=1)
    props = client.torrents_properties(tid)
    assert props.total_size == 80_000 and props.pieces_num == 5 and props.piece_size == 16384
    assert client.torrents_piece_states(tid) == [0] * 5
    client.torrents_add_trackers(tid, urls=["http://tracker.invalid/announce"])
    urls = [t.url for t in client.torrents_trackers(tid)]
    assert "http://tracker.invalid/announce" in urls and "** [DHT] **" in urls
    client.torrents_edit_tracker(tid, "http://tracker.invalid/announce",
                                 "http://tracker2.invalid/announce")
    client.torrents_remove_trackers(tid, urls=["http://tracker2.invalid/announce"])
    assert all(not t.url.startswith("http") for t in client.torrents_trackers(tid))
    assert client.torrents_webseeds(tid) == []
    with pytest.raises(qbittorrentapi.NotFound404Error):
        client.torrents_files("00" * 20)
    client.torrents_delete(torrent_hashes=tid, delete_files=False)


def test_categories_and_tags(client: qbittorrentapi.Client, module_dir: Path) -> None:
    tid = _hash(client, "album")
    client.torrents_create_category("tv", save_path=str(module_dir / "tv"))
    with pytest.raises(qbittorrentapi.Conflict409Error):
        client.torrents_create_category("tv")
    client.torrents_edit_category("tv", save_path=str(module_dir / "shows"))
    assert client.torrents_categories()["tv"]["savePath"] == str(module_dir / "shows")
    client.torrents_set_category("tv", torrent_hashes=tid)
    assert client.torrents_info(category="tv")[0].hash == tid
    assert client.torrents_info(category="") == []
    with pytest.raises(qbittorrentapi.Conflict409Error):
        client.torrents_set_category("nope", torrent_hashes=tid)

    client.torrents_create_tags(["old"])
    client.torrents_add_tags(["hd", "new"], torrent_hashes=tid)
    assert set(client.torrents_tags()) == {"old", "hd", "new"}
    assert client.torrents_info(tag="hd")[0].tags == "hd, new"
    assert client.torrents_info(tag="old") == []
    client.torrents_remove_tags(["new"], torrent_hashes=tid)
    assert client.torrents_info(torrent_hashes=tid)[0].tags == "hd"
    client.torrents_delete_tags(["old", "hd", "new"])
    assert client.torrents_tags() == []
    client.torrents_remove_categories(["tv"])
    assert client.torrents_categories() == {}
    assert client.torrents_info(torrent_hashes=tid)[0].category == ""


def test_sync_maindata_increments(client: qbittorrentapi.Client) -> None:
    tid = _hash(client, "album")
    full = client.sync_maindata(rid=0)
    assert full.full_update is True and tid in full.torrents
    assert {"dl_info_speed", "connection_status", "alltime_ul"} <= set(full.server_state)
    assert full.torrents[tid]["state"] == "stalledUP"

    client.torrents_add_tags(["sync"], torrent_hashes=tid)
    client.torrents_create_category("films")
    step = client.sync_maindata(rid=full.rid)
    assert step.rid == full.rid + 1 and "full_update" not in step
    assert step.torrents == {tid: {"tags": "sync"}}
    assert list(step.tags) == ["sync"] and list(step.categories) == ["films"]

    client.torrents_delete_tags(["sync"])
    client.torrents_remove_categories(["films"])
    step2 = client.sync_maindata(rid=step.rid)
    assert list(step2.tags_removed) == ["sync"] and list(step2.categories_removed) == ["films"]
    assert step2.torrents == {tid: {"tags": ""}}
    assert client.sync_maindata(rid=12345).full_update is True   # an unknown rid


def test_list_and_increments_follow_trackers_and_force_start(
        client: qbittorrentapi.Client) -> None:
    tid = _hash(client, "album")
    full = client.sync_maindata(rid=0)
    magnet = full.torrents[tid]["magnet_uri"]
    assert magnet.startswith("magnet:?xt=urn:btih:" + tid) and "tr=" not in magnet
    assert client.torrents_info(torrent_hashes=tid)[0].magnet_uri == magnet
    still = client.sync_maindata(rid=full.rid)   # nothing changed: no torrent in it
    assert "torrents" not in still and "torrents_removed" not in still

    tracker = "http://tracker.invalid/announce"
    client.torrents_add_trackers(tid, urls=[tracker])
    listed = client.torrents_info(torrent_hashes=tid)[0].magnet_uri
    assert "tr=http%3a%2f%2ftracker.invalid%2fannounce" in listed.lower()
    step = client.sync_maindata(rid=still.rid)
    assert step.torrents[tid]["magnet_uri"] == listed
    client.torrents_set_force_start(True, torrent_hashes=tid)
    step2 = client.sync_maindata(rid=step.rid)
    assert step2.torrents[tid]["force_start"] is True
    assert step2.torrents[tid]["state"] == "forcedUP"
    client.torrents_set_force_start(False, torrent_hashes=tid)
    client.torrents_remove_trackers(tid, urls=[tracker])
    step3 = client.sync_maindata(rid=step2.rid)
    assert step3.torrents[tid]["magnet_uri"] == magnet
    assert step3.torrents[tid]["force_start"] is False
    assert client.torrents_info(torrent_hashes=tid)[0].magnet_uri == magnet


def test_limits(client: qbittorrentapi.Client) -> None:
    tid = _hash(client, "album")
    client.transfer_set_download_limit(500_000)
    client.transfer_set_upload_limit(250_000)
    assert client.transfer_download_limit() == 500_000
    assert client.transfer_upload_limit() == 250_000
    assert client.transfer_info().dl_rate_limit == 500_000
    assert client.app.preferences.dl_limit == 500_000
    client.transfer_toggle_speed_limits_mode()
    assert client.transfer_speed_limits_mode() == "1"
    client.transfer_toggle_speed_limits_mode()
    assert client.transfer_speed_limits_mode() == "0"
    client.app.set_preferences({"dl_limit": 0, "up_limit": 0, "dht": False,
                                "max_active_downloads": 3, "not_a_setting": 1})
    prefs = client.app.preferences
    assert (prefs.dl_limit, prefs.up_limit, prefs.dht, prefs.max_active_downloads) == (
        0, 0, False, 3)

    client.torrents_set_download_limit(100_000, torrent_hashes=tid)
    client.torrents_set_upload_limit(50_000, torrent_hashes=tid)
    assert client.torrents_download_limit(torrent_hashes=tid) == {tid: 100_000}
    assert wait_for(lambda: client.torrents_info(torrent_hashes=tid)[0].up_limit == 50_000)
    client.torrents_set_upload_limit(0, torrent_hashes=tid)
    assert wait_for(lambda: client.torrents_info(torrent_hashes=tid)[0].up_limit == -1)
    client.torrents_toggle_sequential_download(torrent_hashes=tid)
    assert wait_for(lambda: client.torrents_info(torrent_hashes=tid)[0].seq_dl is True)
    client.torrents_set_force_start(True, torrent_hashes=tid)
    assert client.torrents_info(torrent_hashes=tid)[0].force_start is True
    client.torrents_set_force_start(False, torrent_hashes=tid)
    client.torrents_set_share_limits(ratio_limit=2.0, seeding_time_limit=-1,
                                     inactive_seeding_time_limit=-1, torrent_hashes=tid)


def test_speed_namespace_without_speed(daemon: Daemon, client: qbittorrentapi.Client) -> None:
    import requests

    cookies = {"SID": client._http_session.cookies.get("SID")}
    api = f"{daemon.url}/api/v2/speed"
    assert requests.get(f"{api}/status", cookies=cookies, timeout=30).json() == {
        "running": False}
    earnings = requests.get(f"{api}/earnings", cookies=cookies, timeout=30)
    assert (earnings.status_code, earnings.text) == (
        409, "Speed is not running (start btt daemon with --speed)")
    assert requests.get(f"{api}/cash", cookies=cookies, timeout=30).status_code == 405
    assert requests.post(f"{api}/cash", data={"confirm": "true"}, cookies=cookies,
                         timeout=30).status_code == 409
