#!/usr/bin/env bash
# Opens Politely's window, or explains how to get a display when there is none.
set -euo pipefail
bin=$1
shift
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
  cat >&2 <<'MSG'
politely: there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset).
  - On a desktop: run `make run` from a terminal inside your desktop session.
  - Over SSH: connect with `ssh -X` (X forwarding), then run `make run`.
  - Headless, to check it starts: `xvfb-run -a make run` (apt install xvfb); nothing will be visible.
  The command line needs no display: try `politely --help`.
MSG
  exit 1
fi
exec "$bin" "$@"
