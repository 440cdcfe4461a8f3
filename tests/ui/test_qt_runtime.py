"""The Qt binding the window runs on must not corrupt the interpreter.

PySide6 6.12.0 drops a reference to ``True`` on every ``emit()`` made from Python; after
about a thousand signals the interpreter aborts ("bool_dealloc"). The window emits far
more than that (every status batch), so such a binding must never be installed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object)


def test_python_side_emit_keeps_reference_counts(qapp: object) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True)
    for n in range(200):
        emitter.fired.emit(n)
    assert len(received) == 200
    assert sys.getrefcount(True) - before > -50  # 6.12.0 loses exactly 200 here
