"""Settings survive a restart; a damaged file is kept aside and never silently lost."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from btt_desktop.engine.types import DiskIO, Encryption, ProxyType, ScheduleDays
from btt_desktop.settings_store import Settings, SettingsStore


def test_round_trip(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    settings = Settings()
    settings = dataclasses.replace(
        settings,
        engine=dataclasses.replace(settings.engine, listen_port=51413, download_limit=1 << 20,
                                   encryption=Encryption.REQUIRE, disk_io=DiskIO.PREAD,
                                   seed_ratio_limit=2.5, extra={"connections_limit": 50}),
        app=dataclasses.replace(settings.app, default_save_path="/data/torrents",
                                close_to_tray=True),
    )
    store.save(settings)
    loaded = SettingsStore(tmp_path / "settings.json").load()
    assert loaded == settings
    document = json.loads((tmp_path / "settings.json").read_text())
    assert document["engine"]["encryption"] == "require"


def test_wrong_types_fall_back_per_field(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({
        "version": 1,
        "engine": {"listen_port": "6881", "dht": False, "encryption": "rot13",
                   "seed_ratio_limit": 3},
        "app": {"default_save_path": "/srv", "close_to_tray": "yes"},
    }))
    store = SettingsStore(path)
    loaded = store.load()
    assert loaded.engine.listen_port == 6881          # default, the string was ignored
    assert loaded.engine.dht is False
    assert loaded.engine.encryption is Encryption.PREFER_PLAIN
    assert loaded.engine.seed_ratio_limit == 3.0
    assert loaded.app.default_save_path == "/srv"
    assert loaded.app.close_to_tray is False
    assert store.notice == ""


def test_unreadable_file_is_kept_and_backup_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    first = Settings()
    store.save(dataclasses.replace(first, app=dataclasses.replace(first.app,
                                                                  default_save_path="/one")))
    store.save(dataclasses.replace(first, app=dataclasses.replace(first.app,
                                                                  default_save_path="/two")))
    path.write_bytes(b"{ not json")
    loaded = store.load()
    assert loaded.app.default_save_path == "/one"     # from settings.json.bak
    assert "unreadable" in store.notice and "\n" not in store.notice
    kept = [p for p in tmp_path.iterdir() if ".unreadable-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == b"{ not json"


def test_new_fields_round_trip_and_the_proxy_password_stays_out(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    settings = Settings()
    settings = dataclasses.replace(
        settings,
        engine=dataclasses.replace(settings.engine, incomplete_path="/data/incomplete",
                                   ip_filter_path="/data/ipfilter.dat.gz",
                                   proxy_type=ProxyType.SOCKS5, proxy_host="proxy.lan",
                                   proxy_port=1081, proxy_username="me",
                                   proxy_password="s3cret-pass", proxy_peers=False,
                                   alt_schedule_enabled=True, alt_schedule_from=22 * 60,
                                   alt_schedule_to=6 * 60 + 30,
                                   alt_schedule_days=ScheduleDays.WEEKENDS),
        app=dataclasses.replace(settings.app, confirm_quit_active=False,
                                watched_folder="/data/watch", watched_save_path="/data/in",
                                watched_paused=True),
    )
    store.save(settings)
    assert "s3cret-pass" not in (tmp_path / "settings.json").read_text()
    loaded = store.load()
    assert loaded.engine.proxy_password == ""
    assert loaded == dataclasses.replace(settings, engine=dataclasses.replace(
        settings.engine, proxy_password=""))


def test_the_old_quit_confirmation_is_read_once(tmp_path: Path) -> None:
    """Before it had a field, the quit confirmation was kept among the window's layout
    values: a user who turned it off keeps it off, and the old place goes."""
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({
        "version": 1, "engine": {},
        "app": {"window_layout": {"confirm_quit_active": False, "details_visible": True}},
    }))
    store = SettingsStore(path)
    loaded = store.load()
    assert loaded.app.confirm_quit_active is False
    assert loaded.app.window_layout == {"details_visible": True}
    store.save(loaded)
    assert json.loads(path.read_text())["app"]["confirm_quit_active"] is False
    assert store.load().app.confirm_quit_active is False
    # a file from before these fields loads with their defaults
    path.write_text(json.dumps({"version": 1, "engine": {"listen_port": 7000},
                                "app": {"theme": "dark"}}))
    old = store.load()
    assert (old.engine.listen_port, old.app.theme) == (7000, "dark")
    assert old.app.confirm_quit_active is True and old.app.watched_folder == ""
    assert old.engine.incomplete_path == "" and old.engine.proxy_type is ProxyType.NONE
    # the field wins over a stale layout value
    path.write_text(json.dumps({"version": 1, "app": {
        "confirm_quit_active": True, "window_layout": {"confirm_quit_active": False}}}))
    assert store.load().app.confirm_quit_active is True
