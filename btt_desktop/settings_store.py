"""Settings persisted as JSON in the profile: engine settings plus the window's own.

Shared by the window and the CLI, so it imports no Qt. The file is written through
:func:`btt_desktop.atomicfile.write_atomic`. A value of the wrong type falls back to its
default (the rest of the file still loads); an unreadable file is kept aside under a new
name, never overwritten, and the reason is offered as a one-line ``notice``.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from btt_desktop.atomicfile import write_atomic
from btt_desktop.engine.types import EngineSettings
from btt_desktop.errors import one_line

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
# never written to (nor read from) the settings file: it is plain JSON. The window
# keeps the proxy password elsewhere and hands it to the engine in EngineSettings.
SECRET_FIELDS = frozenset({"proxy_password"})


def default_download_dir() -> str:
    """``$XDG_DOWNLOAD_DIR`` when set, else ``~/Downloads``."""
    return os.environ.get("XDG_DOWNLOAD_DIR") or str(Path.home() / "Downloads")


@dataclass(frozen=True)
class AppSettings:
    """Settings of the application itself (not of the BitTorrent session)."""

    default_save_path: str = field(default_factory=default_download_dir)
    start_paused: bool = False
    sequential_by_default: bool = False
    close_to_tray: bool = False
    notify_on_finish: bool = True
    confirm_remove: bool = True
    # "" follows the system; else "en", "zh_CN", "es", "ru" (btt_desktop/ui/i18n.py)
    language: str = ""
    # "system", "light" or "dark" (btt_desktop/ui/theme.py)
    theme: str = "system"
    # the wallet locks after this many minutes without input in the window (0: never)
    wallet_lock_minutes: int = 15
    # the wallet password is asked for every transfer the window sends, unlocked or not
    password_every_send: bool = True
    # quitting while torrents are active asks first (until "Don't ask again")
    confirm_quit_active: bool = True
    # .torrent and .magnet files dropped here are added ("": no watched folder)
    watched_folder: str = ""
    # where torrents from the watched folder are saved ("": the default save path)
    watched_save_path: str = ""
    watched_paused: bool = False
    # window geometry, column layout and splitter positions (base64 of Qt's saveState)
    window_layout: dict[str, int | bool | str] = field(default_factory=dict)


@dataclass(frozen=True)
class Settings:
    engine: EngineSettings = field(default_factory=EngineSettings)
    app: AppSettings = field(default_factory=AppSettings)


D = TypeVar("D")


def _to_json_value(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return dict(value)
    return value


def dataclass_to_dict(obj: object) -> dict[str, object]:
    """Field name -> JSON value (enums by value); :data:`SECRET_FIELDS` are left out."""
    assert dataclasses.is_dataclass(obj) and not isinstance(obj, type)
    return {f.name: _to_json_value(getattr(obj, f.name)) for f in dataclasses.fields(obj)
            if f.name not in SECRET_FIELDS}


def _coerce(default: object, raw: object) -> tuple[bool, object]:
    """(ok, value): ``raw`` converted to the type of ``default``, or not ok."""
    if isinstance(default, enum.Enum):
        try:
            return True, type(default)(raw)
        except ValueError:
            return False, None
    if isinstance(default, bool):
        return isinstance(raw, bool), raw
    if isinstance(default, int):
        return isinstance(raw, int) and not isinstance(raw, bool), raw
    if isinstance(default, float):
        ok = isinstance(raw, int | float) and not isinstance(raw, bool)
        return ok, float(raw) if ok else None  # type: ignore[arg-type]
    if isinstance(default, str):
        return isinstance(raw, str), raw
    if isinstance(default, dict):
        ok = isinstance(raw, dict) and all(
            isinstance(k, str) and isinstance(v, int | bool | str) for k, v in raw.items()
        )
        return ok, dict(raw) if ok else None  # type: ignore[call-overload]
    return False, None


def dataclass_from_dict(cls: type[D], data: object) -> D:
    """Build ``cls`` from a JSON object, keeping defaults for missing or mistyped fields."""
    default = cls()
    if not isinstance(data, dict):
        return default
    values: dict[str, Any] = {}
    for f in dataclasses.fields(default):  # type: ignore[arg-type]
        if f.name not in data or f.name in SECRET_FIELDS:
            continue
        ok, value = _coerce(getattr(default, f.name), data[f.name])
        if ok:
            values[f.name] = value
        else:
            log.warning("settings: ignoring %s=%r (wrong type)", f.name, data[f.name])
    return dataclasses.replace(default, **values)  # type: ignore[type-var]


def settings_to_json(settings: Settings) -> bytes:
    document = {
        "version": FORMAT_VERSION,
        "engine": dataclass_to_dict(settings.engine),
        "app": dataclass_to_dict(settings.app),
    }
    return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode()


def settings_from_json(data: bytes) -> Settings:
    """Parse a settings document; ``ValueError`` if it is not a JSON object."""
    document = json.loads(data.decode("utf-8"))
    if not isinstance(document, dict):
        raise ValueError("not a JSON object")
    raw_app = document.get("app")
    return Settings(
        engine=dataclass_from_dict(EngineSettings, document.get("engine")),
        app=_migrated(dataclass_from_dict(AppSettings, raw_app), raw_app),
    )


# AppSettings.confirm_quit_active was kept among the window's layout values before it
# became a field of its own
_OLD_CONFIRM_QUIT = "confirm_quit_active"


def _migrated(app: AppSettings, raw: object) -> AppSettings:
    """Values an older settings file kept elsewhere, moved to their fields (once: the
    old place is dropped, so the next save no longer has it)."""
    if _OLD_CONFIRM_QUIT not in app.window_layout:
        return app
    layout = dict(app.window_layout)
    old = layout.pop(_OLD_CONFIRM_QUIT)
    app = dataclasses.replace(app, window_layout=layout)
    if isinstance(old, bool) and not (isinstance(raw, dict) and _OLD_CONFIRM_QUIT in raw):
        app = dataclasses.replace(app, confirm_quit_active=old)
    return app


class SettingsStore:
    """Loads and saves :class:`Settings` at one path (``profile.settings_file``).

    ``save`` writes to disk: from the asyncio loop call it through ``asyncio.to_thread``.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.notice = ""  # one line for the user when loading had to recover

    def load(self) -> Settings:
        self.notice = ""
        backup = self.path.with_name(self.path.name + ".bak")
        for candidate in (self.path, backup):
            try:
                data = candidate.read_bytes()
            except FileNotFoundError:
                continue
            except OSError as exc:
                self.notice = f"cannot read {candidate}: {exc.strerror}; using defaults"
                return Settings()
            try:
                settings = settings_from_json(data)
            except (ValueError, UnicodeDecodeError) as exc:
                kept = self._set_aside(candidate)
                self.notice = (
                    f"{candidate.name} was unreadable ({one_line(exc, 120, typed=False)}); "
                    f"kept as {kept.name}"
                )
                log.warning("settings: %s", self.notice)
                continue
            if candidate is backup:
                log.warning("settings: loaded from %s", backup)
            return settings
        if self.notice:
            self.notice += "; using defaults"
        return Settings()

    def save(self, settings: Settings) -> None:
        write_atomic(self.path, settings_to_json(settings))

    @staticmethod
    def _set_aside(path: Path) -> Path:
        kept = path.with_name(f"{path.name}.unreadable-{int(time.time())}")
        try:
            os.replace(path, kept)
        except OSError:
            return path
        return kept


