"""Install BTT Desktop into the user's desktop: menu entry, icons, metainfo, handlers.

    python packaging/install_desktop.py [--exec PATH] [--data-dir DIR] [--no-default-handler]
    python packaging/install_desktop.py --uninstall [--data-dir DIR]

Run it with the Python that has BTT Desktop installed (it reads the packaged resources).
It writes, under ``$XDG_DATA_HOME`` (``~/.local/share``) or ``--data-dir``:

- ``applications/<app id>.desktop``, with ``Exec=`` pointing at the ``btt-desktop``
  found next to this Python, on ``PATH``, or given with ``--exec`` (a PyInstaller build);
- ``icons/hicolor/scalable/apps/<app id>.svg`` and ``icons/hicolor/NxN/apps/<app id>.png``;
- ``metainfo/<app id>.metainfo.xml``;

then refreshes the desktop and icon caches where those tools exist, and, with ``xdg-mime``
present, makes BTT Desktop the handler of ``magnet:`` links and ``.torrent`` files.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

from btt_desktop import APP_ID

RENDER_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(RENDER_DIR))
from render_icons import SIZES, render_pngs  # noqa: E402

MIME_TYPES = ("x-scheme-handler/magnet", "application/x-bittorrent")
DESKTOP_FILE = f"{APP_ID}.desktop"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"


class InstallError(Exception):
    """A problem the user can fix; printed as one line."""


def default_data_dir() -> Path:
    xdg = os.environ.get("XDG_DATA_HOME")
    return Path(xdg) if xdg else Path.home() / ".local" / "share"


def find_executable(given: str | None) -> Path:
    """The ``btt-desktop`` to put in ``Exec=``, as an absolute path."""
    if given:
        path = Path(given).expanduser().resolve()
        if not (path.is_file() and os.access(path, os.X_OK)):
            raise InstallError(f"--exec {given}: not an executable file")
        return path
    beside = Path(sys.executable).parent / "btt-desktop"
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside.absolute()
    on_path = shutil.which("btt-desktop")
    if on_path:
        return Path(on_path).resolve()
    raise InstallError("btt-desktop not found: install BTT Desktop first or pass --exec PATH")


def desktop_entry(executable: Path) -> str:
    """The packaged desktop file with ``Exec``/``TryExec`` set to ``executable``."""
    text = _linux_resource(DESKTOP_FILE)
    quoted = _desktop_quote(str(executable))
    lines = []
    for line in text.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={quoted} %U"
        elif line.startswith("TryExec="):
            line = f"TryExec={executable}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _desktop_quote(arg: str) -> str:
    """Quote one Exec argument as the Desktop Entry spec asks."""
    if not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`%'):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`")
    escaped = escaped.replace("$", "\\$").replace("%", "%%")
    return f'"{escaped}"'


def _linux_resource(name: str) -> str:
    return files("btt_desktop").joinpath("resources", "linux", name).read_text(encoding="utf-8")


def installed_paths(data_dir: Path) -> list[Path]:
    hicolor = data_dir / "icons" / "hicolor"
    paths = [
        data_dir / "applications" / DESKTOP_FILE,
        data_dir / "metainfo" / METAINFO_FILE,
        hicolor / "scalable" / "apps" / f"{APP_ID}.svg",
    ]
    paths += [hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in SIZES]
    return paths


def install(data_dir: Path, executable: Path, *, default_handler: bool = True) -> list[str]:
    """Install everything; return what was done, one line each."""
    done: list[str] = []
    applications = data_dir / "applications"
    applications.mkdir(parents=True, exist_ok=True)
    (applications / DESKTOP_FILE).write_text(desktop_entry(executable), encoding="utf-8")
    done.append(f"menu entry {applications / DESKTOP_FILE} (runs {executable})")

    metainfo = data_dir / "metainfo"
    metainfo.mkdir(parents=True, exist_ok=True)
    (metainfo / METAINFO_FILE).write_text(_linux_resource(METAINFO_FILE), encoding="utf-8")
    done.append(f"metainfo {metainfo / METAINFO_FILE}")

    hicolor = data_dir / "icons" / "hicolor"
    written = render_pngs(hicolor, SIZES, hicolor=True)
    done.append(f"{len(written)} icons in {hicolor}")
    done += _refresh_caches(data_dir)
    if default_handler:
        done += _register_handlers()
    return done


def uninstall(data_dir: Path) -> list[str]:
    done = []
    for path in installed_paths(data_dir):
        if path.exists():
            path.unlink()
            done.append(f"removed {path}")
    done += _refresh_caches(data_dir)
    return done


def _refresh_caches(data_dir: Path) -> list[str]:
    done = []
    hicolor = data_dir / "icons" / "hicolor"
    steps = [
        ["update-desktop-database", "-q", str(data_dir / "applications")],
        # -t: the user's hicolor folder has no index.theme of its own
        ["gtk-update-icon-cache", "-q", "-f", "-t", str(hicolor)],
    ]
    for cmd in steps:
        if shutil.which(cmd[0]) and Path(cmd[-1]).is_dir():
            _run(cmd)
            done.append(f"ran {cmd[0]}")
    return done


def _register_handlers() -> list[str]:
    if not shutil.which("xdg-mime"):
        return ["xdg-mime not found: magnet links and .torrent files not associated"]
    _run(["xdg-mime", "default", DESKTOP_FILE, *MIME_TYPES])
    return [f"default handler for {', '.join(MIME_TYPES)}"]


def _run(cmd: list[str]) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = " ".join(result.stderr.split())[:200]
        raise InstallError(f"{shlex.join(cmd)} failed: {detail or result.returncode}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exec", dest="executable", metavar="PATH", help="btt-desktop to run")
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help="default: $XDG_DATA_HOME")
    parser.add_argument(
        "--no-default-handler",
        action="store_true",
        help="do not make BTT Desktop the handler of magnet: links and .torrent files",
    )
    parser.add_argument("--uninstall", action="store_true", help="remove what install wrote")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or default_data_dir()
    try:
        if args.uninstall:
            done = uninstall(data_dir)
        else:
            executable = find_executable(args.executable)
            done = install(data_dir, executable, default_handler=not args.no_default_handler)
    except (InstallError, OSError) as exc:
        print(f"install_desktop: error: {exc}", file=sys.stderr)
        return 1
    for line in done:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
