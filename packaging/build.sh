#!/usr/bin/env bash
# Build BTT Desktop for Linux: a one-folder app (PyInstaller), an AppDir, and an AppImage
# when appimagetool is available.
#
#   packaging/build.sh [--no-appimage] [--reuse-venv]
#
# Steps:
#   1. a fresh build virtualenv (packaging/build/venv) from the hash-pinned
#      packaging/requirements-build.txt (pip --require-hashes), then BTT Desktop itself,
#      non-editable, so the resources and the version come from the installed package;
#   2. PyInstaller with packaging/btt-desktop.spec -> packaging/dist/btt-desktop/
#      (programs btt-desktop and btt);
#   3. packaging/build/AppDir: the one-folder app under usr/lib/btt-desktop, AppRun, the
#      desktop file, the metainfo and the icons rendered from the SVG;
#   4. packaging/dist/BTT_Desktop-<version>-x86_64.AppImage, if `appimagetool` is on PATH
#      (or $APPIMAGETOOL names it). Otherwise the AppDir is left ready for it.
#
# Environment: PYTHON (default python3.11, else python3) makes the build virtualenv.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
BUILD="$ROOT/packaging/build"
DIST="$ROOT/packaging/dist"
VENV="$BUILD/venv"
APP_ID="io.github.bttdesktop.BTTDesktop"

appimage=1
reuse_venv=0
for arg in "$@"; do
    case "$arg" in
        --no-appimage) appimage=0 ;;
        --reuse-venv) reuse_venv=1 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
# the one place the version lives: [project] version in pyproject.toml
VERSION="$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
echo "== BTT Desktop $VERSION"
start=$(date +%s)

if [ "$reuse_venv" = 0 ] || [ ! -x "$VENV/bin/python" ]; then
    echo "== build virtualenv ($VENV)"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q --require-hashes -r packaging/requirements-build.txt
fi
echo "== install BTT Desktop (non-editable)"
# from a copy of the sources, so the build leaves no build/ or *.egg-info in the work tree
SRC="$BUILD/src"
rm -rf "$SRC" "$BUILD/wheel"
mkdir -p "$SRC"
tar -c --exclude=__pycache__ --exclude='*.pyc' pyproject.toml README.md LICENSE btt_desktop \
    resources | tar -x -C "$SRC"
"$VENV/bin/python" -m pip wheel -q --no-deps --no-build-isolation -w "$BUILD/wheel" "$SRC"
"$VENV/bin/python" -m pip install -q --no-deps --force-reinstall "$BUILD"/wheel/btt_desktop-*.whl
installed="$("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("btt-desktop"))')"
if [ "$installed" != "$VERSION" ]; then
    echo "build.sh: installed version $installed, pyproject says $VERSION" >&2
    exit 1
fi

echo "== PyInstaller"
# run outside the source tree: the app is taken from the build virtualenv, not ./btt_desktop
(cd "$BUILD" && "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$BUILD/pyinstaller" "$ROOT/packaging/btt-desktop.spec")
APP="$DIST/btt-desktop"
test -x "$APP/btt-desktop" && test -x "$APP/btt"
# the GPL beside the programs, where a user of the folder looks for it (Help ▸ Licence
# reads the copy in btt_desktop/resources)
cp LICENSE "$APP/LICENSE"
test -f "$APP/_internal/btt_desktop/resources/LICENSE"

echo "== AppDir"
APPDIR="$BUILD/AppDir"
rm -rf "$APPDIR"
mkdir -p "$APPDIR/usr/lib" "$APPDIR/usr/bin" "$APPDIR/usr/share/applications" \
    "$APPDIR/usr/share/metainfo" "$APPDIR/usr/share/doc/btt-desktop"
cp -a "$APP" "$APPDIR/usr/lib/btt-desktop"
ln -s ../lib/btt-desktop/btt-desktop "$APPDIR/usr/bin/btt-desktop"
ln -s ../lib/btt-desktop/btt "$APPDIR/usr/bin/btt"
cp packaging/appimage/AppRun "$APPDIR/AppRun"
chmod +x "$APPDIR/AppRun"
cp "resources/linux/$APP_ID.desktop" "$APPDIR/usr/share/applications/"
cp "resources/linux/$APP_ID.desktop" "$APPDIR/"
cp "resources/linux/$APP_ID.metainfo.xml" "$APPDIR/usr/share/metainfo/"
cp LICENSE "$APPDIR/usr/share/doc/btt-desktop/LICENSE"
"$VENV/bin/python" packaging/render_icons.py "$APPDIR/usr/share/icons/hicolor" --hicolor >/dev/null
cp "$APPDIR/usr/share/icons/hicolor/256x256/apps/$APP_ID.png" "$APPDIR/$APP_ID.png"
ln -s "$APP_ID.png" "$APPDIR/.DirIcon"

if [ "$appimage" = 1 ]; then
    TOOL="${APPIMAGETOOL:-$(command -v appimagetool || true)}"
    if [ -n "$TOOL" ]; then
        echo "== AppImage"
        ARCH=x86_64 "$TOOL" --no-appstream "$APPDIR" "$DIST/BTT_Desktop-$VERSION-x86_64.AppImage"
    else
        echo "== AppImage: appimagetool not found; the AppDir is ready at $APPDIR"
        echo "   package it with: ARCH=x86_64 appimagetool $APPDIR BTT_Desktop-$VERSION-x86_64.AppImage"
    fi
fi
echo "== done in $(( $(date +%s) - start )) s: $APP"
