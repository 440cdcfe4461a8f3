"""Render the application icon's SVG to PNG files (QtSvg, offscreen).

    python packaging/render_icons.py OUT_DIR [--hicolor] [--sizes 16,32,...]

Without ``--hicolor``: ``OUT_DIR/<app id>-<N>.png`` for each size. With ``--hicolor``:
the freedesktop icon-theme layout, ``OUT_DIR/<N>x<N>/apps/<app id>.png`` plus
``OUT_DIR/scalable/apps/<app id>.svg``.

The PNGs are build output (never committed): PySide6 is needed to run BTT Desktop at
all, so every place that needs a PNG (the desktop installer, the AppImage, an .ico or
.icns step) can make them from the one SVG.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QGuiApplication
from PySide6.QtSvg import QSvgRenderer

from btt_desktop import APP_ID
from btt_desktop.ui.icons import app_svg_path, render

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


_app: QGuiApplication | None = None


def _ensure_app() -> None:
    """QPixmap needs a QGuiApplication; make one unless the caller has."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication(sys.argv[:1])


def render_pngs(
    out_dir: Path, sizes: tuple[int, ...] = SIZES, *, hicolor: bool = False
) -> list[Path]:
    """Write the PNGs (and, for ``hicolor``, the scalable SVG); return the files written."""
    _ensure_app()
    svg = app_svg_path().read_bytes()
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {APP_ID}.svg is not a valid SVG")
    written: list[Path] = []
    for size in sizes:
        if hicolor:
            path = out_dir / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        else:
            path = out_dir / f"{APP_ID}-{size}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(path), "PNG"):
            raise SystemExit(f"render_icons: could not write {path}")
        written.append(path)
    if hicolor:
        path = out_dir / "scalable" / "apps" / f"{APP_ID}.svg"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(svg)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--hicolor", action="store_true", help="icon-theme layout")
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, SIZES)),
        help="comma-separated pixel sizes (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    try:
        sizes = tuple(int(s) for s in args.sizes.split(",") if s.strip())
    except ValueError:
        parser.error("--sizes takes numbers separated by commas")
    for path in render_pngs(args.out_dir, sizes, hicolor=args.hicolor):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
