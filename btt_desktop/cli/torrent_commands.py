"""What ``btt create``, ``btt seed`` and ``btt download`` run (registered by
:mod:`btt_desktop.cli.torrent`; this module, and libtorrent with it, is imported only
when one of them runs)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import json
import os
import signal
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from btt_desktop.cli.speed import speed_plan
from btt_desktop.engine import Engine, create_torrent
from btt_desktop.engine.addresses import check_tracker_url, parse_peer
from btt_desktop.engine.ids import torrent_id
from btt_desktop.engine.types import (
    AddParams,
    Encryption,
    EngineSettings,
    TorrentMeta,
    TorrentSnapshot,
    TorrentState,
)
from btt_desktop.errors import BttError, EngineError
from btt_desktop.events import (
    EngineMessage,
    EventBus,
    TorrentErrored,
    TorrentFinished,
    TorrentsUpdated,
)
from btt_desktop.profile import Profile, default_profile_dir
from btt_desktop.speed.tally import ByteTally

from .torrent import DEFAULT_PORT

# -- create -----------------------------------------------------------------------------

async def cmd_create(args: argparse.Namespace) -> int:
    interactive = sys.stderr.isatty()

    def show(fraction: float) -> None:
        if interactive:
            print(f"\rhashing {fraction * 100:.0f}%", end="", file=sys.stderr, flush=True)

    try:
        meta = await create_torrent(args.path, args.output, trackers=args.tracker,
                                    piece_size=args.piece_size, private=args.private,
                                    version=args.version, progress=show)
    finally:
        if interactive:
            print("\r\033[K", end="", file=sys.stderr, flush=True)
    hashes = " ".join(h for h in (meta.info_hash_v1, meta.info_hash_v2) if h)
    print(f"created {args.output}: {meta.name}, {len(meta.files)} files, "
          f"{_size(meta.total_size, 1024)}, pieces of {_size(meta.piece_length, 1024)}, {hashes}",
          flush=True)
    return 0


# -- seed / download ----------------------------------------------------------------------

def parse_endpoint(text: str, what: str) -> tuple[str, int]:
    """``IP:PORT`` or ``[IPv6]:PORT`` -> (ip, port); one-line error otherwise."""
    host, sep, port_text = text.rpartition(":")
    host = host.strip("[]")
    try:
        if not sep:
            raise ValueError
        ip = str(ipaddress.ip_address(host))
        port = int(port_text)
        if not 0 <= port <= 65535:
            raise ValueError
    except ValueError:
        raise BttError(f"bad {what} (IP:PORT expected): {text}") from None
    return ip, port


def engine_settings(args: argparse.Namespace) -> EngineSettings:
    ip, port = ("0.0.0.0", DEFAULT_PORT)
    if args.listen:
        ip, port = parse_endpoint(args.listen, "--listen value")
    unspecified = ipaddress.ip_address(ip).is_unspecified
    discovery = not args.no_discovery
    return EngineSettings(listen_interface=ip, listen_port=port,
                          listen_port_strict=bool(args.listen),  # asked for: this or fail
                          outgoing_interface="" if unspecified else ip,
                          dht=discovery, lsd=discovery, upnp=discovery, natpmp=discovery,
                          encryption=Encryption(getattr(args, "encryption", "prefer_plain")))


def engine_profile_dir(args: argparse.Namespace) -> Path:
    """Where the engine's state is: ``--profile``, else the CLI's own folder.

    Without ``--profile`` the CLI keeps its torrents apart from the window's (``cli/``);
    the wallet and the Speed ledgers are still the default profile's.
    """
    return Path(getattr(args, "profile", None) or default_profile_dir() / "cli")


def open_profile(args: argparse.Namespace) -> Profile:
    """The profile of the engine's state, locked: one process writes it at a time."""
    return Profile.open(engine_profile_dir(args)).lock()


class _Run:
    """An engine for one command, stopped by SIGINT/SIGTERM or a fatal torrent error."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.bus = EventBus()
        self.engine = Engine(open_profile(args), self.bus, engine_settings(args))
        self.stop = asyncio.Event()
        self.errors: list[str] = []
        self.listening = False
        self._early: list[str] = []
        self.bus.subscribe(EngineMessage, self._on_message)
        self.bus.subscribe(TorrentErrored, lambda e: self.errors.append(e.message))

    def _on_message(self, message: EngineMessage) -> None:
        # before the listen socket is confirmed, a failure is raised by wait_listening;
        # anything else said meanwhile (a port that was taken) is shown once it listens
        if self.listening:
            print(f"btt: {message.text}", file=sys.stderr, flush=True)
        else:
            self._early.append(message.text)

    async def wait_listening(self) -> tuple[str, ...]:
        endpoints = await self.engine.wait_listening()
        self.listening = True
        for text in self._early:
            print(f"btt: {text}", file=sys.stderr, flush=True)
        self._early.clear()
        return endpoints

    async def __aenter__(self) -> _Run:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, self.stop.set)
        await self.engine.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        loop = asyncio.get_running_loop()
        await asyncio.shield(self.engine.close())
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)

    async def sleep(self, seconds: float) -> bool:
        """Sleep unless asked to stop; True when a stop was asked."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.stop.wait(), seconds)
        return self.stop.is_set()

    def check_errors(self) -> None:
        if self.errors:
            raise EngineError(self.errors[0])

    async def add(self, params: AddParams, meta: TorrentMeta) -> str:
        """Add the torrent, or pick it up if the profile already holds it."""
        tid = torrent_id(meta.info_hash_v1, meta.info_hash_v2)
        if tid in self.engine.torrent_ids():
            await self.engine.resume([tid])
            return tid
        return await self.engine.add(params)


async def cmd_seed(args: argparse.Namespace) -> int:
    data = await asyncio.to_thread(_existing_folder, args.data)
    _check_limits(args)
    peers, trackers = _peers_and_trackers(args)
    params = AddParams(save_path=data, torrent_path=args.torrent)
    run = _Run(args)
    meta = await run.engine.inspect(params)  # bad input fails before the session starts
    plan = await speed_plan(args, earn=True)  # asks the password before anything starts
    async with run, contextlib.AsyncExitStack() as speed:
        endpoints = await run.wait_listening()
        if plan is not None:  # before any peer connects: they must see the Speed advert
            await speed.enter_async_context(plan.attach(run.engine, run.bus))
        tid = await run.add(params, meta)
        await _apply_limits(run, tid, args)
        await _by_hand(run, tid, trackers, peers)
        if args.peer_stats:
            speed.push_async_callback(_peer_stats(run, tid))
        snap = await _until_checked(run, tid)
        if snap is None:
            return 0
        if snap.total_done == 0:
            raise BttError(f"none of the data of {snap.name} is in {args.data}")
        if snap.progress < 1.0:
            print(f"btt: only {snap.progress * 100:.1f}% of {snap.name} is in {args.data}",
                  file=sys.stderr, flush=True)
        print(f"listening on {endpoints[0]}", flush=True)
        while not await run.sleep(0.5):
            run.check_errors()
    return 0


async def _until_checked(run: _Run, tid: str) -> TorrentSnapshot | None:
    """The snapshot once the data on disk has been checked; None if stopped first."""
    while True:
        run.check_errors()
        snap = run.engine.snapshot(tid)
        if snap is not None and snap.state not in (TorrentState.CHECKING, TorrentState.QUEUED):
            return snap
        if await run.sleep(0.1):
            return None


async def cmd_download(args: argparse.Namespace) -> int:
    peers, trackers = _peers_and_trackers(args)
    source = args.source
    params = AddParams(save_path=_absolute(args.to), peers=peers,
                       **({"magnet": source} if source.startswith("magnet:")
                          else {"torrent_path": source}))
    _check_limits(args)
    run = _Run(args)
    meta = await run.engine.inspect(params)  # bad input fails before the session starts
    plan = await speed_plan(args, earn=False)  # asks the password before anything starts
    async with run, contextlib.AsyncExitStack() as speed:
        await run.wait_listening()
        if plan is not None:  # before any peer connects: they must see the Speed advert
            await speed.enter_async_context(plan.attach(run.engine, run.bus))
        tid = await run.add(params, meta)
        await _apply_limits(run, tid, args)
        if args.peer_stats:
            speed.push_async_callback(_peer_stats(run, tid))
        await _by_hand(run, tid, trackers, peers)  # a torrent picked up from the profile too
        await _follow(run, tid, args.exit_when_done)
    return 0


def _peers_and_trackers(args: argparse.Namespace
                        ) -> tuple[tuple[tuple[str, int], ...], list[tuple[str, int]]]:
    """``--peer`` and ``--tracker`` values, each checked (one line naming a bad one)."""
    peers = tuple(_peer_option(p) for p in args.peer)
    trackers = [(check_tracker_url(url), 0) for url in args.tracker]  # tier 0, as added
    return peers, trackers


def _peer_option(text: str) -> tuple[str, int]:
    try:
        return parse_peer(text)
    except EngineError as exc:  # "not IP:port: TEXT" -> "bad --peer value (...): TEXT"
        reason = str(exc).rsplit(": ", 1)[0]
        reason = "IP:PORT expected" if reason == "not IP:port" else reason
        raise BttError(f"bad --peer value ({reason}): {text}") from None


async def _by_hand(run: _Run, tid: str, trackers: list[tuple[str, int]],
                   peers: tuple[tuple[str, int], ...]) -> None:
    """Extra trackers (kept in the profile with the torrent) and peers to dial now."""
    if trackers:
        await run.engine.add_trackers(tid, trackers)
    if peers:
        await run.engine.add_peers(tid, peers)


def _check_limits(args: argparse.Namespace) -> None:
    for name in ("upload_limit", "download_limit"):
        value = getattr(args, name, 0)
        if value < 0:
            raise BttError(f"bad --{name.replace('_', '-')}: {value} (bytes per second, "
                           f"0 for no limit)")


async def _apply_limits(run: _Run, tid: str, args: argparse.Namespace) -> None:
    upload, download = args.upload_limit, getattr(args, "download_limit", 0)
    if upload or download:
        await run.engine.set_limits(tid, upload=upload, download=download)


def _peer_stats(run: _Run, tid: str) -> Callable[[], Awaitable[None]]:
    """Print a ``peers`` line of JSON each second (bytes by peer IP, totals that only grow,
    reconnections included); the returned callable stops it after a last line."""
    tally = ByteTally(run.engine.peer_counters)

    def line() -> None:
        totals = {ip: [tally.downloaded(tid, ip), tally.uploaded(tid, ip)]
                  for ip in tally.ips(tid)}
        print("peers " + json.dumps(totals, sort_keys=True), flush=True)

    async def loop() -> None:
        while True:
            await tally.refresh([tid])
            line()
            await asyncio.sleep(1.0)

    task = asyncio.get_running_loop().create_task(loop())

    async def stop() -> None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        with contextlib.suppress(BttError):
            await tally.refresh([tid])
        line()

    return stop


async def _follow(run: _Run, tid: str, exit_when_done: bool) -> None:
    """A progress line each second; with ``exit_when_done``, return as soon as the
    torrent is complete: woken by ``TorrentFinished`` and the status update after it."""
    loop = asyncio.get_running_loop()
    wake = asyncio.Event()
    finished = False

    def on_finished(event: TorrentFinished) -> None:
        nonlocal finished
        if event.torrent_id == tid:
            finished = True
            wake.set()

    def on_updated(event: TorrentsUpdated) -> None:
        if finished and any(s.torrent_id == tid for s in event.snapshots):
            wake.set()

    unsubscribe = [run.bus.subscribe(TorrentFinished, on_finished),
                   run.bus.subscribe(TorrentsUpdated, on_updated)]
    try:
        next_line = loop.time()
        while not run.stop.is_set():
            run.check_errors()
            snap = run.engine.snapshot(tid)
            if exit_when_done and snap is not None and _complete(snap):
                print(progress_line(snap), flush=True)
                return
            if snap is not None and loop.time() >= next_line:
                print(progress_line(snap), flush=True)
                next_line = loop.time() + 1.0
            wake.clear()
            stop = asyncio.ensure_future(run.stop.wait())
            woken = asyncio.ensure_future(wake.wait())
            await asyncio.wait({stop, woken}, timeout=max(0.0, next_line - loop.time()),
                               return_when=asyncio.FIRST_COMPLETED)
            stop.cancel()
            woken.cancel()
    finally:
        for off in unsubscribe:
            off()


def _absolute(path: str) -> str:
    return os.path.abspath(os.path.expanduser(path))


def _existing_folder(path: str) -> str:
    folder = Path(path).expanduser()
    if not folder.is_dir():
        raise BttError(f"no such folder: {path}")
    return str(folder.resolve())


def _complete(snap: TorrentSnapshot) -> bool:
    return (snap.has_metadata and snap.state == TorrentState.SEEDING
            and snap.total_done >= snap.total_wanted)


def progress_line(snap: TorrentSnapshot) -> str:
    return (f"progress {snap.progress * 100:.1f}% down {_rate(snap.download_rate)} "
            f"up {_rate(snap.upload_rate)} peers {snap.num_seeds + snap.num_peers}")


def _rate(value: int) -> str:
    return _size(value) + "/s"


def _size(value: float, base: int = 1000) -> str:
    units = ("B", "kB", "MB", "GB", "TB") if base == 1000 else ("B", "KiB", "MiB", "GiB", "TiB")
    for unit in units:
        if value < base or unit == units[-1]:
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= base
    raise AssertionError("unreachable")
