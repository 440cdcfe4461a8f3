"""Settings survive a restart; a damaged file is kept aside and never silently lost."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from btt_desktop.engine.types import DiskIO, Encryption
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
