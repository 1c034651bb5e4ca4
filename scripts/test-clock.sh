#!/usr/bin/env bash
# Runs the already-built test binaries with the system clock moved (libfaketime), to prove that no
# test depends on the day it runs (issue 13): once a year ahead, once across a daylight-saving
# change. Build first (`make unit e2e` does); this never compiles.
#
#   scripts/test-clock.sh          the core tests but the proofreader's (which take no clock and
#                                  most of the time), the app tests, and an e2e subset: the wizard
#                                  (dates typed as "hours ago") and reminders caught up and fired
#                                  (make test)
#   scripts/test-clock.sh --all    every core, app and e2e test
#
# Only the test binaries run under the moved clock: cargo and rustdoc are not started under it
# (rustdoc hangs under libfaketime, and cargo would compare file times against a false clock).
# The monotonic clock stays real (FAKETIME_DONT_FAKE_MONOTONIC=1): sleeps and timeouts measure
# real time, only the wall clock moves. Child processes (tauri-driver, WebKitWebDriver, the app
# and its web process) inherit LD_PRELOAD and FAKETIME, so the window sees the same moved clock.
set -euo pipefail
cd "$(dirname "$0")/.."

all=false
[[ ${1:-} == --all ]] && all=true

say() { printf 'politely test-clock: %s\n' "$*" >&2; }

lib=""
for candidate in /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 \
  /usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1; do
  [[ -e $candidate ]] && lib=$candidate && break
done
if [[ -z $lib ]]; then
  lib=$(find /usr/lib /usr/local/lib -name libfaketime.so.1 2>/dev/null | head -n 1 || true)
fi
[[ -n $lib ]] || { say "libfaketime is missing (apt install faketime; scripts/deps.sh test installs it)"; exit 1; }

# The test executables cargo built, without building anything new (--no-run on a warm tree is
# a fingerprint check).
binaries() {
  cargo test "$@" --no-run --message-format=json 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    try:
        m = json.loads(line)
    except ValueError:
        continue
    if m.get("reason") == "compiler-artifact" and m.get("profile", {}).get("test") and m.get("executable"):
        print(m["executable"])
'
}
mapfile -t unit_bins < <(binaries -p politely-core -p politely --lib --bins --tests)
mapfile -t e2e_bins < <(binaries -p politely-e2e --tests)
((${#unit_bins[@]})) || { say "no test binaries found: build them first (make unit)"; exit 1; }

# Seconds from now to the first moment, 3 hours after the next daylight-saving change in $1:
# a test that types "6 hours ago" then crosses the change.
after_next_dst_change() {
  python3 - "$1" <<'EOF'
import sys, time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo
zone = ZoneInfo(sys.argv[1])
t = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
before = t.astimezone(zone).utcoffset()
for _ in range(24 * 400):
    t += timedelta(hours=1)
    if t.astimezone(zone).utcoffset() != before:
        break
target = t + timedelta(hours=3)
print(int(target.timestamp() - time.time()))
EOF
}

e2e_filter=()
unit_skip=()
if ! $all; then
  e2e_filter=(decide:: reminders::a_missed_reminder)
  unit_skip=(--skip lint::tests::)
fi

run_under() {
  local label=$1 offset=$2 zone=$3
  say "$label: FAKETIME=$offset TZ=$zone"
  local env=(env TZ="$zone" LD_PRELOAD="$lib" FAKETIME="$offset" FAKETIME_DONT_FAKE_MONOTONIC=1
    FAKETIME_NO_CACHE=1)
  say "$label: the clock reads $("${env[@]}" date -R)"
  for bin in "${unit_bins[@]}"; do
    "${env[@]}" "$bin" --quiet "${unit_skip[@]}"
  done
  if ((${#e2e_bins[@]})); then
    POLITELY_BIN=${POLITELY_BIN:-${CARGO_TARGET_DIR:-target}/debug/politely}
    for bin in "${e2e_bins[@]}"; do
      POLITELY_BIN=$POLITELY_BIN "${env[@]}" "$bin" "${e2e_filter[@]}" --test-threads=1
    done
  fi
}

run_under "a year ahead" "+400d" "${TZ:-UTC}"
run_under "across a daylight-saving change" "+$(after_next_dst_change America/New_York)" America/New_York
say "every run passed"
