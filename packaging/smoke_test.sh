#!/usr/bin/env bash
# Smoke test of the one-folder app: build it, then run it as a user would.
#
#   packaging/smoke_test.sh [--no-build] [--reuse-venv]
#
#   1. packaging/build.sh --no-appimage (unless --no-build), timed;
#   2. `btt-desktop --version` and `btt --version` print the version in pyproject.toml;
#   3. offscreen (QT_QPA_PLATFORM=offscreen): the window starts with a fresh profile, the
#      engine comes up (the profile's engine.running marker appears), SIGTERM closes it,
#      it exits 0 without a traceback and removes the marker (a clean shutdown);
#   4. on a real X server (its own Xvfb; Qt's xcb plugin, as on a desktop): the window
#      titled "BTT Desktop" is mapped (xdotool), then SIGTERM closes it cleanly.
# Prints one line per check and "smoke test: N passed, 0 failed" at the end.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
APP="$ROOT/packaging/dist/btt-desktop"
build=1
build_args=(--no-appimage)
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        --reuse-venv) build_args+=(--reuse-venv) ;;
        *) echo "smoke_test.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

VERSION="$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
WORK="$(mktemp -d)"
APP_PID=""
XVFB_PID=""
cleanup() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill -KILL "$APP_PID"; fi
    if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
passed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
fail() { echo "FAILED: $*" >&2; echo "smoke test: $passed passed, 1 failed"; exit 1; }

if [ "$build" = 1 ]; then
    start=$(date +%s)
    bash packaging/build.sh "${build_args[@]}" >"$WORK/build.log" 2>&1 \
        || { tail -40 "$WORK/build.log" >&2; fail "build"; }
    ok "build in $(( $(date +%s) - start )) s ($(du -sh "$APP" | cut -f1) in $APP)"
fi
[ -x "$APP/btt-desktop" ] || fail "no $APP/btt-desktop: build first"

out="$("$APP/btt-desktop" --version 2>&1)" || fail "btt-desktop --version: $out"
[ "$out" = "btt-desktop $VERSION" ] || fail "btt-desktop --version printed '$out'"
ok "btt-desktop --version: $out"
out="$("$APP/btt" --version 2>&1)" || fail "btt --version: $out"
[ "$out" = "btt $VERSION" ] || fail "btt --version printed '$out'"
ok "btt --version: $out"

# the devnet runs the contracts' bytecode (py-evm): start one, mint BTT through the
# contract with the faucet, stop it with SIGTERM
"$APP/btt" devnet --listen 127.0.0.1:0 --data "$WORK/devnet" >"$WORK/devnet.out" 2>&1 &
DEVNET_PID=$!
devnet_up() { grep -q '^devnet listening on ' "$WORK/devnet.out"; }
tries=0
until devnet_up; do
    kill -0 "$DEVNET_PID" 2>/dev/null || { cat "$WORK/devnet.out" >&2; fail "btt devnet exited"; }
    tries=$((tries + 1))
    [ "$tries" -lt 300 ] || { kill "$DEVNET_PID"; fail "btt devnet did not listen in 60 s"; }
    sleep 0.2
done
NODE="$(sed -n 's/^devnet listening on //p' "$WORK/devnet.out")"
out="$("$APP/btt" devnet faucet TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH --trx 1 --btt 5 --node "$NODE" 2>&1)" \
    || { kill "$DEVNET_PID"; fail "btt devnet faucet: $out"; }
kill -TERM "$DEVNET_PID"; wait "$DEVNET_PID" || fail "btt devnet: exit status $? after SIGTERM"
if grep -q Traceback "$WORK/devnet.out"; then cat "$WORK/devnet.out" >&2; fail "devnet: traceback"; fi
ok "btt devnet: contracts deployed, faucet minted BTT ($out)"

# wait_for SECONDS COMMAND...: poll until COMMAND succeeds or the deadline passes
wait_for() {
    local deadline=$(( $(date +%s) + $1 )); shift
    until "$@"; do
        [ "$(date +%s)" -lt "$deadline" ] || return 1
        sleep 0.2
    done
}
exited() { ! kill -0 "$APP_PID" 2>/dev/null; }

# run_window NAME READY_CHECK...: start the window, wait for READY_CHECK, SIGTERM, expect 0
run_window() {
    local name="$1"; shift
    local profile="$WORK/profile-$name"
    mkdir -p "$profile"
    local started=$(date +%s%N)
    "$APP/btt-desktop" --profile "$profile" >"$WORK/$name.out" 2>&1 &
    APP_PID=$!
    PROFILE="$profile" wait_for 90 "$@" || { cat "$WORK/$name.out" >&2; fail "$name: window did not come up"; }
    local up_ms=$(( ($(date +%s%N) - started) / 1000000 ))
    kill -TERM "$APP_PID"
    wait_for 60 exited || fail "$name: still running 60 s after SIGTERM"
    local status=0
    wait "$APP_PID" || status=$?
    APP_PID=""
    if grep -q Traceback "$WORK/$name.out"; then cat "$WORK/$name.out" >&2; fail "$name: traceback"; fi
    [ "$status" = 0 ] || { cat "$WORK/$name.out" >&2; fail "$name: exit status $status"; }
    [ ! -e "$profile/engine.running" ] || fail "$name: engine.running left behind (unclean close)"
    ok "$name: window up in $up_ms ms, closed cleanly on SIGTERM"
}

engine_up() { [ -e "$PROFILE/engine.running" ]; }
QT_QPA_PLATFORM=offscreen run_window offscreen engine_up

if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
    # our own X server; -displayfd picks a free display number and writes it when ready
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$WORK/display" 2>"$WORK/xvfb.log" &
    XVFB_PID=$!
    wait_for 30 test -s "$WORK/display" || fail "Xvfb did not start"
    export DISPLAY=":$(cat "$WORK/display")"
    window_mapped() { xdotool search --onlyvisible --name '^BTT Desktop$' >/dev/null 2>&1; }
    QT_QPA_PLATFORM=xcb run_window xcb window_mapped
else
    echo "note: Xvfb or xdotool missing; the X11 run was not made" >&2
fi
echo "smoke test: $passed passed, 0 failed"
