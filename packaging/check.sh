#!/usr/bin/env bash
# Packaging check: build the .deb, install it with dpkg, run `grposcope --version` and a headless 3-step
# training from the installed launcher, remove the package; print package and image sizes and the time of
# each phase. Needs root (dpkg -i), fakeroot and dpkg-deb; run from anywhere:
#   sudo packaging/check.sh                 # builds into packaging/target (BUILD_DIR=target-x to change)
#   SKIP_BUILD=1 packaging/check.sh         # reuse the last build
#   SCREENSHOT=docs/screenshots/installed.png packaging/check.sh   # also start the GUI under Xvfb and capture it
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-target}"
OUT="packaging/$BUILD_DIR"
WORK="$(mktemp -d /tmp/grposcope-check.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

phase() { PHASE_NAME="$1"; PHASE_START=$(date +%s.%N); echo "== $1"; }
done_phase() { printf '   %s took %.1f s\n' "$PHASE_NAME" "$(echo "$(date +%s.%N) - $PHASE_START" | bc)"; }
fail() { echo "CHECK FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root (dpkg -i / dpkg -r)"
command -v fakeroot >/dev/null || fail "fakeroot missing: apt-get install -y fakeroot"

if [ -z "${SKIP_BUILD:-}" ]; then
  phase "build: mvn -Ppackage (jlink runtime, app image, .deb)"
  mvn -B -q -Dgrposcope.buildDir="$BUILD_DIR" -Ppackage -pl packaging -am -DskipTests package
  done_phase
fi
DEB="$(ls "$OUT"/deb/*.deb 2>/dev/null | head -1)"
[ -n "$DEB" ] || fail "no .deb under $OUT/deb"

phase "install: dpkg -i $(basename "$DEB")"
# a leftover install, or the config-files state dpkg -r leaves behind, would blur the check
if dpkg -s grposcope >/dev/null 2>&1; then dpkg -P grposcope >/dev/null 2>&1; fi
# apt resolves the package's Depends (libgtk-3-0, libasound2, ...) when some are missing; dpkg alone would stop
dpkg -i "$DEB" >/dev/null 2>"$WORK/dpkg.err" || {
  cat "$WORK/dpkg.err"; DEBIAN_FRONTEND=noninteractive apt-get install -y -f -qq >/dev/null; }
dpkg -s grposcope | grep -q '^Status: install ok installed' || fail "package not installed"
done_phase

phase "grposcope on the PATH"
LAUNCHER="$(command -v grposcope)" || fail "grposcope is not on the PATH"
echo "   $LAUNCHER -> $(readlink -f "$LAUNCHER")"
grposcope --version | sed 's/^/   /'
grposcope --version | grep -q "GRPO Scope" || fail "--version does not name GRPO Scope"
grposcope --help >"$WORK/help.txt" || fail "--help failed"
SUBCOMMANDS="$(awk '/^Commands:/ {f=1; next} f && /^  [a-z]/ {print $1}' "$WORK/help.txt" | tr '\n' ' ')"
echo "   subcommands: ${SUBCOMMANDS:-none}"
done_phase

phase "headless 3-step training from the installed launcher"
# fresh XDG folders show what a first-time user gets: DJL extracts libtorch into $XDG_CACHE_HOME/grposcope/djl
# (Java takes user.home from the passwd entry, not $HOME, so the XDG variables are what isolates the check)
export XDG_CACHE_HOME="$WORK/cache" XDG_CONFIG_HOME="$WORK/config" GRPOSCOPE_HOME="$WORK/data"
REAL_HOME="$(getent passwd "$(id -un)" | cut -d: -f6)"
DJL_DOT_BEFORE="$(ls -d "$REAL_HOME/.djl.ai" 2>/dev/null || true)"
# a broken jar in the user plugin folder must be reported, never fatal (the training below runs with it there)
mkdir -p "$XDG_CONFIG_HOME/grposcope/plugins" && echo "not a jar" > "$XDG_CONFIG_HOME/grposcope/plugins/broken.jar"
grposcope plugins >"$WORK/plugins.txt" 2>&1 || fail "grposcope plugins failed"
sed 's/^/   /' "$WORK/plugins.txt" | head -12
grep -q "broken.jar: broken (not a readable jar" "$WORK/plugins.txt" || fail "broken plugin jar not reported"
if grposcope train --help >/dev/null 2>&1; then
  # the built-in default run, cut to a short supervised warm start and 3 GRPO steps
  printf 'name: packaging-check\nwarmStart:\n  steps: 3\n' > "$WORK/check.yaml"
  set +e
  (cd "$WORK" && grposcope train --config "$WORK/check.yaml" --steps 3 --work-dir "$WORK/run") >"$WORK/train.log" 2>&1
  TRAIN_RC=$?
  set -e
  tail -8 "$WORK/train.log" | sed 's/^/   /'
  [ "$TRAIN_RC" = 0 ] || fail "training failed (exit $TRAIN_RC), see above"
  [ -d "$XDG_CACHE_HOME/grposcope/djl/pytorch" ] || fail "libtorch was not extracted into the app-owned cache"
  echo "   DJL cache: $(du -sh "$XDG_CACHE_HOME/grposcope/djl" | cut -f1) in \$XDG_CACHE_HOME/grposcope/djl"
  grep -q "extracts libtorch (about 430 MB) into $XDG_CACHE_HOME/grposcope/djl" "$WORK/train.log" \
    || fail "the first run did not say where libtorch goes"
  [ -n "$DJL_DOT_BEFORE" ] || [ ! -e "$REAL_HOME/.djl.ai" ] || fail "DJL wrote to ~/.djl.ai instead of the app cache"
  grep -q "downloading\|Downloading" "$WORK/train.log" && fail "the first training run downloaded something"
else
  echo "   SKIPPED: this build has no 'train' subcommand yet"
  TRAIN_MISSING=1
fi
done_phase

if [ -n "${SCREENSHOT:-}" ]; then
  phase "screenshot of the installed app under Xvfb -> $SCREENSHOT"
  packaging/screenshot.sh "$SCREENSHOT"
  done_phase
fi

echo "== sizes"
printf '   %-34s %s\n' ".deb ($(basename "$DEB"))" "$(du -h "$DEB" | cut -f1) ($(stat -c %s "$DEB") bytes)"
printf '   %-34s %s\n' "app image ($OUT/image)" "$(du -sh "$OUT/image" | cut -f1)"
printf '   %-34s %s\n' "  of it jlink runtime" "$(du -sh "$OUT/image/grposcope/lib/runtime" | cut -f1)"
printf '   %-34s %s\n' "  of it app jars" "$(du -sh "$OUT/image/grposcope/lib/app" | cut -f1)"
printf '   %-34s %s\n' "installed /opt/grposcope" "$(du -sh /opt/grposcope | cut -f1)"
printf '   %-34s %s KB\n' "Installed-Size (control)" "$(dpkg -s grposcope | awk '/^Installed-Size/ {print $2}')"

phase "remove: dpkg -r grposcope"
dpkg -r grposcope >/dev/null
[ ! -e /opt/grposcope ] || fail "/opt/grposcope is still there after dpkg -r"
[ ! -e /usr/bin/grposcope ] || fail "/usr/bin/grposcope is still there after dpkg -r"
done_phase

if [ -n "${TRAIN_MISSING:-}" ]; then echo "CHECK INCOMPLETE: no train subcommand to run"; exit 2; fi
echo "CHECK PASSED"
