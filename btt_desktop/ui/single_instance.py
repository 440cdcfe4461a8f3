"""One window per profile: a second launch hands its torrents to the first and exits.

The running window listens on a QLocalServer named ``profile.ipc_name``. A new launch
connects, sends one JSON line ``{"cwd": ..., "args": [...]}`` and waits for ``ok``.
A stale socket left by a crash is only removed after a connection to it failed.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_MS = 1000
REPLY_MS = 5000
MAX_MESSAGE = 1 << 20


def hand_off(name: str, args: Sequence[str], cwd: str | None = None) -> bool:
    """Send ``args`` to the instance listening on ``name``; True if it took them.

    Blocking (a few milliseconds, at most a few seconds): call it before any event loop
    runs, as the first thing a new launch does.
    """
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    message = json.dumps({"cwd": cwd or os.getcwd(), "args": list(args)}).encode() + b"\n"
    socket.write(message)
    if not socket.waitForBytesWritten(REPLY_MS):
        return False
    reply = b""
    while b"\n" not in reply:
        if not socket.waitForReadyRead(REPLY_MS):
            break
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return reply.strip() == b"ok"


class InstanceServer(QObject):
    """Listens for later launches; emits ``received(cwd, args)`` for each.

    It listens from the start, before the window can use what arrives: launches that
    arrive before :meth:`deliver_to` are kept and handed over then, not lost.
    """

    received = Signal(str, list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._handler: Callable[[str, list[str]], None] | None = None
        self._pending: list[tuple[str, list[str]]] = []
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening; a stale name (no one answering) is cleaned up first."""
        if self._server.listen(self.name):
            return True
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(CONNECT_MS):
            probe.disconnectFromServer()
            log.warning("another instance already listens on %s", self.name)
            return False
        QLocalServer.removeServer(self.name)
        ok = self._server.listen(self.name)
        if not ok:
            log.warning("cannot listen on %s: %s", self.name, self._server.errorString())
        return ok

    def close(self) -> None:
        self._server.close()

    def full_name(self) -> str:
        """The socket's path on this system."""
        return self._server.fullServerName()

    def deliver_to(self, handler: Callable[[str, list[str]], None]) -> None:
        """Call ``handler(cwd, args)`` for every launch so far and every later one."""
        self._handler = handler
        pending, self._pending = self._pending, []
        for cwd, args in pending:
            handler(cwd, args)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is None:
                break
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._drop(s))

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if len(data) > MAX_MESSAGE:
            self._drop(socket)
            return
        self._buffers[socket] = data
        if b"\n" not in data:
            return
        line = data.split(b"\n", 1)[0]
        try:
            message = json.loads(line)
            cwd = str(message.get("cwd") or "")
            args = [str(a) for a in message.get("args", [])]
        except (ValueError, AttributeError, TypeError):
            log.warning("ignoring a malformed message from another launch")
            self._drop(socket)
            return
        socket.write(b"ok\n")
        socket.flush()
        self._buffers.pop(socket, None)
        self.received.emit(cwd, args)
        if self._handler is None:
            self._pending.append((cwd, args))
        else:
            self._handler(cwd, args)

    def _drop(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()
