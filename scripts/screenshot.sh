#!/usr/bin/env bash
# Starts Dateline on the sample articles (under Xvfb when there is no display) and writes
# docs/screenshot.png, the README screenshot.
#
#   scripts/screenshot.sh                 # release build, docs/screenshot.png
#   DATELINE_BIN=target/debug/dateline OUT=/tmp/shot.png scripts/screenshot.sh
#
# Needs: xvfb, imagemagick (import), xdotool and the GL packages listed in the developers'
# notes (libgl1-mesa-dri libegl1 ...). Installs the first three with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${DATELINE_BIN:-target/release/dateline}"
OUT="${OUT:-docs/screenshot.png}"
WAIT="${WAIT:-8}"
ARGS=("${@:-assets/sample-articles}")

need=()
command -v Xvfb >/dev/null || need+=(xvfb xauth)
command -v import >/dev/null || need+=(imagemagick)
command -v xdotool >/dev/null || need+=(xdotool)
if ((${#need[@]})); then
    apt-get install -y "${need[@]}" libgl1-mesa-dri libegl1 libegl-mesa0 libxcursor1 libxi6 libxrandr2 libxkbcommon-x11-0
fi
if [[ "$BIN" == target/release/* && ! -x "$BIN" ]]; then
    cargo build --release
fi

XVFB_PID=""
if [[ -z "${DISPLAY:-}" ]]; then
    export DISPLAY=:99
    Xvfb :99 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    sleep 1
fi
# A fresh settings folder so that a previous session's filters don't change the picture.
export XDG_DATA_HOME="$(mktemp -d)"
export LIBGL_ALWAYS_SOFTWARE=1
"$BIN" "${ARGS[@]}" &
APP_PID=$!
cleanup() {
    kill "$APP_PID" 2>/dev/null || true
    [[ -n "$XVFB_PID" ]] && kill "$XVFB_PID" 2>/dev/null || true
}
trap cleanup EXIT
sleep "$WAIT"
# Maximise to the whole screen when a window manager is missing.
if WID=$(xdotool search --name '^Dateline$' 2>/dev/null | head -1) && [[ -n "$WID" ]]; then
    xdotool windowmove "$WID" 0 0 windowsize "$WID" 1280 800 || true
    sleep 1
fi
mkdir -p "$(dirname "$OUT")"
import -window root "$OUT"
echo "wrote $OUT"
