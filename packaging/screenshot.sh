#!/usr/bin/env bash
# Starts the installed `grposcope` (no arguments: the desktop app) on a virtual X display and captures the screen.
#   packaging/screenshot.sh docs/screenshots/installed.png [seconds to wait, default 25]
# RUN_SECONDS=60 also clicks at RUN_CLICK (default: where the welcome page's "Start the default run" button sits on
# the 1920x1080 screen) once the window is up, and waits that long before capturing.
# Needs: apt-get install -y xvfb imagemagick (and xdotool for RUN_SECONDS)
set -euo pipefail
OUT="$1"; WAIT="${2:-25}"
command -v Xvfb >/dev/null && command -v import >/dev/null || { echo "needs xvfb and imagemagick" >&2; exit 1; }
DISPLAY_NUM=":$((90 + RANDOM % 9))"
Xvfb "$DISPLAY_NUM" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
APP=""
cleanup() { [ -n "$APP" ] && kill "$APP" 2>/dev/null; kill "$XVFB" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT
sleep 2
LOG="$(mktemp /tmp/grposcope-gui.XXXXXX.log)"
DISPLAY="$DISPLAY_NUM" grposcope >"$LOG" 2>&1 &
APP=$!
sleep "$WAIT"
kill -0 "$APP" 2>/dev/null || { echo "the app exited early:" >&2; cat "$LOG" >&2; exit 1; }
if [ -n "${RUN_SECONDS:-}" ]; then
  DISPLAY="$DISPLAY_NUM" xdotool mousemove ${RUN_CLICK:-369 301} click 1
  sleep "$RUN_SECONDS"
fi
mkdir -p "$(dirname "$OUT")"
DISPLAY="$DISPLAY_NUM" import -window root "$OUT"
echo "   screenshot: $OUT ($(identify -format '%wx%h' "$OUT")), app log: $LOG"
