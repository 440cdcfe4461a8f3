"""The devnet node process: a Chain, its HTTP API, block production and the state file.

State lives in ``DATA/state.json`` (written atomically after every block that carries
transactions or faucet payments, every 30 s otherwise, and at shutdown); ``DATA/lock``
keeps a second node off the same folder.

A block is durable before anyone hears of it: from the moment a block with transactions
is sealed until the state file holding it is written, fsynced and renamed (its folder
fsynced too), requests wait. So a transaction reported in a block, or confirmed, survives
the node being killed right after (``kill -9``, power loss). One write covers every
transaction of a block. Temp files a killed writer left in the folder are removed when
the node opens it.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import json
import logging
import os
from pathlib import Path
from typing import Any

from btt_desktop.atomicfile import read_with_backup, sweep_stale_temps, write_atomic
from btt_desktop.devnet.api import DevnetApi
from btt_desktop.devnet.chain import DEFAULT_WITHDRAW_NOTICE, Chain, StateError
from btt_desktop.devnet.http import JsonHttpServer
from btt_desktop.errors import DevnetError

log = logging.getLogger(__name__)

STATE_FILE = "state.json"
LOCK_FILE = "lock"
IDLE_SAVE_SECONDS = 30.0


class DevnetNode:
    def __init__(self, data_dir: str | os.PathLike[str], *, block_time: float = 0.5,
                 withdraw_notice: int | None = None) -> None:
        if not 0.01 <= block_time <= 3600:
            raise DevnetError("block time must be between 0.01 and 3600 seconds")
        if withdraw_notice is not None and not 1 <= withdraw_notice <= 10 * 365 * 86400:
            raise DevnetError("withdrawal notice must be between 1 second and ten years")
        self.data_dir = Path(data_dir)
        self.block_time = block_time
        self.withdraw_notice = withdraw_notice
        self.chain: Chain | None = None
        self.api: DevnetApi | None = None
        self.server: JsonHttpServer | None = None
        self._lock_fd: int | None = None
        self._dirty = False
        self._tasks: list[asyncio.Task[None]] = []
        self._durable = asyncio.Event()  # clear: a sealed block is not on disk yet
        self._durable.set()
        self._write_lock = asyncio.Lock()
        self._in_flight: asyncio.Future[None] | None = None

    @property
    def state_path(self) -> Path:
        return self.data_dir / STATE_FILE

    async def start(self, host: str, port: int) -> str:
        """Load or create the chain, start serving; returns the base URL."""
        await asyncio.to_thread(self._lock)
        try:
            self.chain = await self._load()
            self.api = DevnetApi(self.chain, on_change=self._mark_dirty)
            self.server = JsonHttpServer(self.api.handle, ready=self._durable.wait)
            try:
                bound_host, bound_port = await self.server.start(host, port)
            except OSError as exc:
                raise DevnetError(
                    f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
        except BaseException:
            self._unlock()
            raise
        self._tasks = [asyncio.create_task(self._produce_blocks())]
        return f"http://{bound_host}:{bound_port}"

    async def close(self) -> None:
        """Stop serving, seal what is pending into a last block, save, release the folder."""
        if self.server is not None:
            await self.server.close()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []
        if self._in_flight is not None:
            await asyncio.wait([self._in_flight])
        if self.chain is not None:
            if self.chain.pending:
                self.chain.produce_block()
            await self._write(self._snapshot())
        self._durable.set()
        self._unlock()

    # ---- internals ---------------------------------------------------------------------

    def _lock(self) -> None:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.data_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise DevnetError(f"cannot use devnet folder {self.data_dir}: "
                              f"{exc.strerror or exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise DevnetError(
                f"devnet folder {self.data_dir} is in use by another devnet") from None
        self._lock_fd = fd
        # holding the folder, no temp file in it is being written: all are leftovers
        sweep_stale_temps(self.data_dir, exclusive=True)

    def _unlock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    async def _load(self) -> Chain:
        raw = await asyncio.to_thread(read_with_backup, self.state_path)
        if raw is None:
            notice = DEFAULT_WITHDRAW_NOTICE if self.withdraw_notice is None \
                else self.withdraw_notice
            chain = Chain.create(withdraw_notice=notice)
            await self._write(json.dumps(chain.to_state()).encode())
            return chain
        try:
            state = await asyncio.to_thread(json.loads, raw)
            if not isinstance(state, dict):
                raise StateError("not a JSON object")
            chain = Chain.from_state(state)
        except (ValueError, StateError) as exc:
            raise DevnetError(f"devnet state {self.state_path} is unreadable ({exc}); "
                              "move it away to start a new devnet") from None
        if self.withdraw_notice not in (None, chain.withdraw_notice):
            log.warning("this devnet's vault keeps the withdrawal notice it was created with "
                        "(%d s); --withdraw-notice only applies to a new devnet",
                        chain.withdraw_notice)
        return chain

    def _mark_dirty(self) -> None:
        self._dirty = True

    def _snapshot(self) -> bytes:
        assert self.chain is not None
        state: dict[str, Any] = self.chain.to_state()
        return json.dumps(state, separators=(",", ":")).encode()

    async def _produce_blocks(self) -> None:
        assert self.chain is not None
        loop = asyncio.get_running_loop()
        next_at = loop.time() + self.block_time
        last_save = loop.time()
        while True:
            await asyncio.sleep(max(0.0, next_at - loop.time()))
            next_at = max(next_at + self.block_time, loop.time())
            block = self.chain.produce_block()
            if block.txids:
                self._durable.clear()  # nobody hears of this block before it is on disk
            if block.txids or self._dirty or loop.time() - last_save > IDLE_SAVE_SECONDS:
                # snapshot right after sealing, before any other request runs: the file
                # always holds the state as of a block boundary
                self._dirty = False
                last_save = loop.time()
                try:
                    await self._write(self._snapshot())
                except DevnetError as exc:
                    # requests keep waiting (their clients time out: nothing is reported
                    # that is not saved); the next block tries again
                    log.error("%s", exc)
                    self._dirty = True
                    continue
            self._durable.set()

    async def _write(self, data: bytes) -> None:
        async with self._write_lock:
            # shielded: a cancelled writer must not let a later write start while this one
            # is still running in its thread (the older file could then replace the newer)
            self._in_flight = asyncio.ensure_future(
                asyncio.to_thread(write_atomic, self.state_path, data))
            try:
                await asyncio.shield(self._in_flight)
            except OSError as exc:
                raise DevnetError(str(exc)) from None
