"""Unexpected errors reach the user as one line in the window, the details in the log."""

from __future__ import annotations

import asyncio
import gc
import logging
import sys

import pytest

from btt_desktop.app import WindowApp, _install_error_hooks, build_parser
from btt_desktop.errors import EngineError
from tests.ui.conftest import WindowRig


async def test_excepthook_shows_one_line_and_logs_the_traceback(
        rig: WindowRig, caplog: pytest.LogCaptureFixture) -> None:
    runner = WindowApp(rig.profile, [], [], None)
    runner.window = rig.window
    saved_hook = sys.excepthook
    loop = asyncio.get_running_loop()
    saved_handler = loop.get_exception_handler()
    try:
        _install_error_hooks(loop, runner)
        try:
            raise KeyError("no\nsuch key")
        except KeyError as exc:
            with caplog.at_level(logging.ERROR):
                sys.excepthook(type(exc), exc, exc.__traceback__)
        assert rig.window.errors[-1] == "KeyError: 'no\\nsuch key'"
        assert "Traceback" in caplog.text
        # a BttError is its own line, not logged as a crash
        caplog.clear()
        error = EngineError("cannot listen on 127.0.0.9:1: address in use")
        sys.excepthook(type(error), error, None)
        assert rig.window.errors[-1] == str(error)
        # in the message area as a sentence, until dismissed
        assert rig.window.messages.texts()[0] == "Cannot listen on 127.0.0.9:1: address in use."
        assert "Traceback" not in caplog.text
        # an exception nobody awaited in a task takes the same path
        async def fail() -> None:
            raise ValueError("lost")
        task = loop.create_task(fail())
        await asyncio.sleep(0.1)
        del task
        gc.collect()  # the task is dropped: its exception goes to the handler
        await asyncio.sleep(0.1)
        assert "ValueError: lost" in rig.window.errors
    finally:
        sys.excepthook = saved_hook
        loop.set_exception_handler(saved_handler)


def test_version_and_arguments() -> None:
    parser = build_parser()
    args = parser.parse_args(["--profile", "/tmp/p", "a.torrent", "magnet:?xt=x"])
    assert args.profile == "/tmp/p" and args.items == ["a.torrent", "magnet:?xt=x"]
    with pytest.raises(SystemExit) as exit_info:
        parser.parse_args(["--version"])
    assert exit_info.value.code == 0
