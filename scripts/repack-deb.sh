#!/usr/bin/env bash
# Recompresses the .deb the Tauri bundler wrote (gzip, and no option to change it) with xz, as
# Debian's own packages are: the same files and control data, about a quarter smaller
# (the release binary is 23 MiB; gzip leaves 9.3 MiB, xz 7 MiB).
#   scripts/repack-deb.sh path/to/x.deb
set -euo pipefail
deb=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -R "$deb" "$work/pkg"
dpkg-deb --root-owner-group -Zxz -z9 -b "$work/pkg" "$work/out.deb" >/dev/null
mv "$work/out.deb" "$deb"
printf 'repack-deb: %s: %s bytes (xz)\n' "$(basename "$deb")" "$(stat -c %s "$deb")" >&2
