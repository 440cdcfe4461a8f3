"""Speed's error classes: each ``str()`` is one line, never holding a secret."""

from __future__ import annotations

from btt_desktop.errors import SpeedError


class ProtocolError(SpeedError):
    """The peer broke the wire protocol; the connection is closed."""


class HandshakeError(ProtocolError):
    """The hello/auth exchange failed (bad signature, other network, ...)."""


class ChequeRejected(SpeedError):
    """A cheque that must not be accepted; ``str()`` says why."""


class LedgerError(SpeedError):
    """The Speed ledger file is unreadable or would be made inconsistent."""
