"""The headless ``btt`` command. No Qt is imported anywhere below this package.

Each command group lives in its own module (``torrent``, ``wallet``, ``devnet``,
``speed``, ...) exposing ``register(subparsers, parents)``; a registered sub-parser sets
``handler=`` to a function ``(args) -> int`` or an ``async def (args) -> int``, or to
``"module:function"`` naming one, imported only when that command runs: registering a
command must stay cheap (no tronpy, no libtorrent), since every ``btt`` process
registers them all.

Errors the user can fix are :class:`~btt_desktop.errors.BttError`: printed as one line
on stderr, exit status 1. Nothing else reaches the terminal as a traceback: an
unexpected exception is printed as one line too (and logged in full only with
``--debug``).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import inspect
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any

from btt_desktop.errors import BttError

COMMAND_MODULES = ("torrent", "peers", "wallet", "devnet", "speed", "daemon")


def _common_options(*, defaults: bool) -> argparse.ArgumentParser:
    """Options accepted before and after the command name.

    The copy given to sub-parsers has no defaults (``SUPPRESS``): a sub-parser's default
    would otherwise overwrite ``--profile DIR`` given before the command name.
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--profile", metavar="DIR", help="keep all state in DIR",
                        default=None if defaults else argparse.SUPPRESS)
    common.add_argument("--debug", action="store_true", help="log details to stderr",
                        default=False if defaults else argparse.SUPPRESS)
    return common


class _Version(argparse.Action):
    """``--version``, reading the version only when asked (see btt_desktop.__getattr__)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        from btt_desktop import __version__

        print(f"btt {__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="btt", description="BTT Desktop, headless.",
        parents=[_common_options(defaults=True)],
    )
    common = _common_options(defaults=False)
    parser.add_argument("--version", action=_Version, nargs=0,
                        help="show the version and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"btt_desktop.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"btt_desktop.cli.{name}":
                continue
            raise
        module.register(subparsers, [common])
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if getattr(args, "debug", False) else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        if isinstance(handler, str):
            handler = _load_handler(handler)
        if inspect.iscoroutinefunction(handler):
            return int(asyncio.run(handler(args)) or 0)
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BttError as exc:
        print(f"btt: error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # last resort: one line, never a traceback
        if getattr(args, "debug", False):
            logging.exception("unexpected error")
        print(f"btt: error: {type(exc).__name__}: {_one_line(str(exc))}", file=sys.stderr)
        return 1


def _load_handler(spec: str) -> Callable[[argparse.Namespace], Any]:
    module_name, _, name = spec.partition(":")
    handler: Callable[[argparse.Namespace], Any] = getattr(
        importlib.import_module(module_name), name)
    return handler


def _one_line(text: str) -> str:
    return " ".join(text.split())[:300]


if __name__ == "__main__":
    sys.exit(main())
