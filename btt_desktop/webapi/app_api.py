"""``/api/v2/app``: versions, preferences, the default save path, shutdown.

Preferences map onto what the engine and the window's settings have (save path,
limits, listen port, queueing, DHT/PeX/LSD, encryption, proxy, the incomplete folder,
the alternative-limits schedule); every other qBittorrent preference is answered with
its default and ignored when set.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import libtorrent as lt

from btt_desktop import __version__
from btt_desktop.engine.types import Encryption, EngineSettings, ProxyType, ScheduleDays
from btt_desktop.webapi.auth import USERNAME
from btt_desktop.webapi.context import ApiContext
from btt_desktop.webapi.http import Answer, Params, Route, action, bad_request, read

APP_VERSION = "v5.0.2"       # the qBittorrent release whose Web API this one follows
WEB_API_VERSION = "2.11.2"
MAX_PREFERENCES = 64 * 1024  # characters of the setPreferences JSON

_ENCRYPTION = {Encryption.PREFER: 0, Encryption.PREFER_PLAIN: 0, Encryption.REQUIRE: 1,
               Encryption.DISABLE: 2}
_ENCRYPTION_BACK = {0: Encryption.PREFER_PLAIN, 1: Encryption.REQUIRE, 2: Encryption.DISABLE}
_PROXY = {ProxyType.NONE: "None", ProxyType.SOCKS5: "SOCKS5", ProxyType.HTTP: "HTTP"}
_PROXY_BACK = {"none": ProxyType.NONE, "socks5": ProxyType.SOCKS5, "http": ProxyType.HTTP,
               "-1": ProxyType.NONE, "0": ProxyType.NONE, "1": ProxyType.HTTP,
               "2": ProxyType.SOCKS5, "3": ProxyType.HTTP, "4": ProxyType.SOCKS5}
_DAYS = list(ScheduleDays)   # qBittorrent's scheduler_days: 0 every day, 1 weekdays ...


async def version(ctx: ApiContext, p: Params) -> Answer:
    return APP_VERSION


async def webapi_version(ctx: ApiContext, p: Params) -> Answer:
    return WEB_API_VERSION


async def build_info(ctx: ApiContext, p: Params) -> Answer:
    return {"qt": "", "libtorrent": lt.__version__, "boost": "", "openssl": "", "zlib": "",
            "bitness": 64 if sys.maxsize > 2**32 else 32, "app": f"BTT Desktop {__version__}",
            "platform": sys.platform}


async def default_save_path(ctx: ApiContext, p: Params) -> Answer:
    return ctx.settings.app.default_save_path


async def shutdown(ctx: ApiContext, p: Params) -> Answer:
    ctx.shutdown()
    return None


async def preferences(ctx: ApiContext, p: Params) -> Answer:
    e = ctx.engine.settings
    app = ctx.settings.app
    return {
        "locale": "en", "save_path": app.default_save_path,
        "temp_path_enabled": bool(e.incomplete_path), "temp_path": e.incomplete_path,
        "start_paused_enabled": app.start_paused, "add_stopped_enabled": app.start_paused,
        "scan_dirs": {app.watched_folder: 1} if app.watched_folder else {},
        "listen_port": e.listen_port, "upnp": e.upnp or e.natpmp,
        "random_port": False,
        "dl_limit": e.download_limit, "up_limit": e.upload_limit,
        "alt_dl_limit": e.alt_download_limit, "alt_up_limit": e.alt_upload_limit,
        "scheduler_enabled": e.alt_schedule_enabled,
        "schedule_from_hour": e.alt_schedule_from // 60,
        "schedule_from_min": e.alt_schedule_from % 60,
        "schedule_to_hour": e.alt_schedule_to // 60, "schedule_to_min": e.alt_schedule_to % 60,
        "scheduler_days": _DAYS.index(e.alt_schedule_days),
        "dht": e.dht, "pex": e.pex, "lsd": e.lsd,
        "encryption": _ENCRYPTION[e.encryption],
        "queueing_enabled": True,
        "max_active_downloads": e.max_active_downloads,
        "max_active_uploads": e.max_active_seeds,
        "max_active_torrents": e.max_active_torrents,
        "max_ratio_enabled": e.seed_ratio_limit > 0, "max_ratio": e.seed_ratio_limit or -1,
        "max_seeding_time_enabled": e.seed_time_limit > 0,
        "max_seeding_time": e.seed_time_limit or -1,
        "proxy_type": _PROXY[e.proxy_type], "proxy_ip": e.proxy_host,
        "proxy_port": e.proxy_port, "proxy_auth_enabled": bool(e.proxy_username),
        "proxy_username": e.proxy_username, "proxy_password": "",
        "proxy_peer_connections": e.proxy_peers, "proxy_torrents_only": False,
        "proxy_hostname_lookup": True,
        "ip_filter_enabled": bool(e.ip_filter_path), "ip_filter_path": e.ip_filter_path,
        "current_network_interface": "", "current_interface_address":
            "" if e.listen_interface in ("0.0.0.0", "::") else e.listen_interface,
        "web_ui_username": USERNAME, "bypass_local_auth": False,
        "bypass_auth_subnet_whitelist_enabled": False, "web_ui_csrf_protection_enabled": True,
        "web_ui_host_header_validation_enabled": True, "web_ui_max_auth_fail_count": 5,
        "web_ui_ban_duration": 3600, "web_ui_session_timeout": 3600,
        "create_subfolder_enabled": True, "torrent_content_layout": "Original",
        "auto_tmm_enabled": False, "incomplete_files_ext": False,
        "preallocate_all": False, "bittorrent_protocol": 0, "utp_tcp_mixed_mode": 0,
    }


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise bad_request("a boolean was expected")


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad_request("an integer was expected")
    return value


def _rate(value: Any) -> int:
    return max(0, _count(value))


def _port(value: Any) -> int:
    port = _count(value)
    if not 0 <= port <= 65535:
        raise bad_request("the port must be between 0 and 65535")
    return port


def _path(value: Any) -> str:
    if not isinstance(value, str) or "\0" in value or len(value) > 4096:
        raise bad_request("a path was expected")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 1024:
        raise bad_request("a string was expected")
    return value


def _limit_count(value: Any) -> int:
    n = _count(value)
    return n if n >= 0 else -1


# qBittorrent name -> (EngineSettings field, converter)
_ENGINE: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "listen_port": ("listen_port", _port),
    "dl_limit": ("download_limit", _rate), "up_limit": ("upload_limit", _rate),
    "alt_dl_limit": ("alt_download_limit", _rate), "alt_up_limit": ("alt_upload_limit", _rate),
    "scheduler_enabled": ("alt_schedule_enabled", _flag),
    "dht": ("dht", _flag), "pex": ("pex", _flag), "lsd": ("lsd", _flag),
    "max_active_downloads": ("max_active_downloads", _limit_count),
    "max_active_uploads": ("max_active_seeds", _limit_count),
    "max_active_torrents": ("max_active_torrents", _limit_count),
    "proxy_ip": ("proxy_host", _text), "proxy_port": ("proxy_port", _port),
    "proxy_username": ("proxy_username", _text),
    "proxy_password": ("proxy_password", _text),
    "proxy_peer_connections": ("proxy_peers", _flag),
    "ip_filter_path": ("ip_filter_path", _path),
}


def engine_changes(prefs: dict[str, Any], current: EngineSettings) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, (field, convert) in _ENGINE.items():
        if name in prefs:
            out[field] = convert(prefs[name])
    if "upnp" in prefs:
        out["upnp"] = out["natpmp"] = _flag(prefs["upnp"])
    if "encryption" in prefs:
        level = _count(prefs["encryption"])
        if level not in _ENCRYPTION_BACK:
            raise bad_request("encryption must be 0, 1 or 2")
        if not (level == 0 and current.encryption in (Encryption.PREFER,
                                                      Encryption.PREFER_PLAIN)):
            out["encryption"] = _ENCRYPTION_BACK[level]
    if "proxy_type" in prefs:
        kind = _PROXY_BACK.get(str(prefs["proxy_type"]).lower())
        if kind is None:
            raise bad_request("proxy_type must be None, HTTP or SOCKS5")
        out["proxy_type"] = kind
    if "temp_path_enabled" in prefs or "temp_path" in prefs:
        enabled = _flag(prefs.get("temp_path_enabled", bool(current.incomplete_path)))
        path = _path(prefs.get("temp_path", current.incomplete_path))
        out["incomplete_path"] = path if enabled else ""
    if "ip_filter_enabled" in prefs and not _flag(prefs["ip_filter_enabled"]):
        out["ip_filter_path"] = ""
    if prefs.get("max_ratio_enabled") is False:
        out["seed_ratio_limit"] = 0.0
    elif "max_ratio" in prefs:
        ratio = prefs["max_ratio"]
        if not isinstance(ratio, int | float) or isinstance(ratio, bool):
            raise bad_request("max_ratio must be a number")
        out["seed_ratio_limit"] = max(0.0, float(ratio))
    if prefs.get("max_seeding_time_enabled") is False:
        out["seed_time_limit"] = 0
    elif "max_seeding_time" in prefs:
        out["seed_time_limit"] = max(0, _count(prefs["max_seeding_time"]))
    schedule = _schedule(prefs, current)
    out.update(schedule)
    if "current_interface_address" in prefs:
        address = _text(prefs["current_interface_address"]).strip()
        out["listen_interface"] = address or "0.0.0.0"
    return out


def _schedule(prefs: dict[str, Any], current: EngineSettings) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, field, now in (("schedule_from", "alt_schedule_from", current.alt_schedule_from),
                            ("schedule_to", "alt_schedule_to", current.alt_schedule_to)):
        hour_key, minute_key = f"{key}_hour", f"{key}_min"
        if hour_key in prefs or minute_key in prefs:
            hour = _count(prefs.get(hour_key, now // 60))
            minute = _count(prefs.get(minute_key, now % 60))
            if not (0 <= hour < 24 and 0 <= minute < 60):
                raise bad_request("schedule times are hours 0-23 and minutes 0-59")
            out[field] = hour * 60 + minute
    if "scheduler_days" in prefs:
        day = _count(prefs["scheduler_days"])
        if not 0 <= day < len(_DAYS):
            raise bad_request("scheduler_days is out of range")
        out["alt_schedule_days"] = _DAYS[day]
    return out


def app_changes(prefs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "save_path" in prefs:
        path = _path(prefs["save_path"]).strip()
        if not path:
            raise bad_request("save_path must not be empty")
        out["default_save_path"] = path
    for name in ("start_paused_enabled", "add_stopped_enabled"):
        if name in prefs:
            out["start_paused"] = _flag(prefs[name])
    return out


async def set_preferences(ctx: ApiContext, p: Params) -> Answer:
    raw = p.text("json")
    if len(raw) > MAX_PREFERENCES:
        raise bad_request("the preferences are too long")
    try:
        prefs = json.loads(raw)
    except ValueError:
        raise bad_request("json: not valid JSON") from None
    if not isinstance(prefs, dict):
        raise bad_request("json: an object was expected")
    engine = engine_changes(prefs, ctx.engine.settings)
    engine = {k: v for k, v in engine.items() if getattr(ctx.engine.settings, k) != v}
    await ctx.settings.change(ctx.engine, engine, app_changes(prefs))
    return None


ROUTES: dict[str, Route] = {
    "app/version": read(version),
    "app/webapiVersion": read(webapi_version),
    "app/buildInfo": read(build_info),
    "app/preferences": read(preferences),
    "app/setPreferences": action(set_preferences),
    "app/defaultSavePath": read(default_save_path),
    "app/shutdown": action(shutdown),
}
