"""What ``btt daemon`` runs (registered by :mod:`btt_desktop.cli.daemon`)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import ipaddress
import logging
import logging.handlers
import os
import secrets
import signal
import ssl
import sys

from btt_desktop.cli.torrent_commands import engine_profile_dir, parse_endpoint
from btt_desktop.engine import Engine
from btt_desktop.engine.types import EngineSettings
from btt_desktop.errors import BttError, one_line
from btt_desktop.events import EngineMessage, EventBus
from btt_desktop.profile import Profile
from btt_desktop.settings_store import Settings, SettingsStore
from btt_desktop.watched_folder import WatchedFolder, WatchSettings
from btt_desktop.webapi import auth
from btt_desktop.webapi.context import ApiContext, SettingsKeeper, Totals
from btt_desktop.webapi.server import WebApi

log = logging.getLogger("btt_desktop.daemon")

LOG_FILE = "btt-daemon.log"
TEMPORARY_PASSWORD_FILE = "web-password.tmp"


def setup_logging(profile: Profile, debug: bool) -> None:
    """Log to PROFILE/btt-daemon.log (rotated, as the window's log), warnings to stderr."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            profile.root / LOG_FILE, maxBytes=2_000_000, backupCount=2, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    for existing in root.handlers:
        if isinstance(existing, logging.StreamHandler) and existing is not handler \
                and not isinstance(existing, logging.FileHandler):
            existing.setLevel(logging.DEBUG if debug else logging.WARNING)
    for noisy in ("aiohttp.access", "aiohttp.server"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def web_endpoint(args: argparse.Namespace) -> tuple[str, int, bool]:
    """(ip, port, loopback) of ``--web-api``."""
    ip, port = parse_endpoint(args.web_api, "--web-api value")
    return ip, port, ipaddress.ip_address(ip).is_loopback


def ssl_context(args: argparse.Namespace) -> ssl.SSLContext | None:
    if not args.web_cert and not args.web_key:
        return None
    if not (args.web_cert and args.web_key):
        raise BttError("HTTPS needs both --web-cert and --web-key")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(args.web_cert, args.web_key)
    except (OSError, ssl.SSLError) as exc:
        raise BttError(f"cannot load the HTTPS certificate or key: {one_line(exc)}") from None
    return context


def check_remote(args: argparse.Namespace, loopback: bool, has_password: bool,
                 https: bool) -> None:
    if loopback or args.web_insecure_remote or (has_password and https):
        return
    raise BttError(f"refusing to serve the web api on {args.web_api}: remote access needs "
                   f"--web-password-file and --web-cert/--web-key (or --web-insecure-remote)")


def engine_settings(args: argparse.Namespace, saved: EngineSettings) -> EngineSettings:
    """The profile's settings, with this run's ``--listen`` and ``--no-discovery``."""
    settings = saved
    if args.listen:
        ip, port = parse_endpoint(args.listen, "--listen value")
        unspecified = ipaddress.ip_address(ip).is_unspecified
        settings = dataclasses.replace(settings, listen_interface=ip, listen_port=port,
                                       listen_port_strict=True,
                                       outgoing_interface="" if unspecified else ip)
    if args.no_discovery:
        settings = dataclasses.replace(settings, dht=False, lsd=False, upnp=False,
                                       natpmp=False)
    return settings


def password_hash(args: argparse.Namespace, profile: Profile) -> tuple[auth.PasswordHash, bool]:
    """The hash logins are checked against, and whether it is a password the user chose.

    With ``--web-password-file`` the file is read (never copied) and its hash kept in the
    profile; without it, the hash kept there; without either, a password for this run
    only, written to a file only the user can read.
    """
    if args.web_password_file:
        password = auth.read_password_file(args.web_password_file)
        return auth.stored_hash_for(profile.root, password), True
    stored = auth.load_hash(profile.root)
    if stored is not None:
        return stored, True
    password = secrets.token_urlsafe(12)
    path = profile.root / TEMPORARY_PASSWORD_FILE
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(password + "\n")
    print(f"btt: no web api password is set: the password of admin for this run is in "
          f"{path}", file=sys.stderr, flush=True)
    return auth.PasswordHash.make(password), False


async def _proxy_password(profile: Profile, settings: EngineSettings) -> EngineSettings:
    """The proxy password the window keeps in the OS keyring, if there is one."""
    from btt_desktop.proxy_password import ProxyPasswordStore, with_stored_password

    try:
        return await with_stored_password(settings, ProxyPasswordStore(profile.root))
    except BttError as exc:
        log.warning("the proxy password could not be read from the keyring: %s", exc)
        return settings


async def cmd_daemon(args: argparse.Namespace) -> int:
    host, port, loopback = web_endpoint(args)
    context = ssl_context(args)
    profile = Profile.open(engine_profile_dir(args)).lock()
    setup_logging(profile, getattr(args, "debug", False))
    chosen = bool(args.web_password_file) or auth.load_hash(profile.root) is not None
    check_remote(args, loopback, chosen, context is not None)
    hashed, _ = await asyncio.to_thread(password_hash, args, profile)
    store = SettingsStore(profile.settings_file)
    saved: Settings = await asyncio.to_thread(store.load)
    if store.notice:
        print(f"btt: {store.notice}", file=sys.stderr, flush=True)
    running = await _proxy_password(profile, engine_settings(args, saved.engine))
    speed_plan = None
    if args.speed:
        from btt_desktop.cli.daemon_speed import DaemonSpeed

        speed_plan = DaemonSpeed(args, profile)
        try:
            await speed_plan.unlock()   # before the engine: a wrong password stops here
        except BaseException:
            await speed_plan.close()
            raise
    bus = EventBus()
    engine = Engine(profile, bus, running)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    bus.subscribe(EngineMessage, _say)
    log.info("btt daemon starting on %s", profile.root)
    try:
        async with contextlib.AsyncExitStack() as stack:
            stack.push_async_callback(engine.close)
            await engine.start()
            endpoints = await engine.wait_listening()
            print(f"listening on {endpoints[0]}", flush=True)
            speed = None
            if speed_plan is not None:
                speed = await stack.enter_async_context(speed_plan.attach(engine, bus))
            watched = _watched_folder(engine, bus, saved)
            if watched is not None:
                watched.start()
                stack.push_async_callback(watched.close)
            totals = Totals(bus)
            stack.callback(totals.close)
            ctx = ApiContext(engine=engine, bus=bus, settings=SettingsKeeper(store, saved),
                             authenticator=auth.Authenticator(hashed),
                             profile_root=profile.root, shutdown=stop.set, speed=speed,
                             totals=totals)
            api = WebApi(ctx, host, port, ssl_context=context, domains=args.web_domain)
            url = await api.start()
            stack.push_async_callback(api.close)
            print(f"web api on {url}", flush=True)
            log.info("web api on %s", url)
            await stop.wait()
            log.info("btt daemon stopping")
    finally:
        if speed_plan is not None:
            await speed_plan.close()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    return 0


def _watched_folder(engine: Engine, bus: EventBus, saved: Settings) -> WatchedFolder | None:
    app = saved.app
    if not app.watched_folder:
        return None
    return WatchedFolder(engine, bus, WatchSettings(
        folder=app.watched_folder, save_path=app.watched_save_path or app.default_save_path,
        paused=app.watched_paused))


def _say(message: EngineMessage) -> None:
    """Engine lines go to the log file, and those that are not mere info to stderr."""
    log.info("engine %s: %s", message.level, message.text)
    if message.level != "info":
        print(f"btt: {message.text}", file=sys.stderr, flush=True)


