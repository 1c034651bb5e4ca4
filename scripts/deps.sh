#!/usr/bin/env bash
# Installs what Politely needs from the system, and only what is missing.
#   scripts/deps.sh build   — to build and run the app
#   scripts/deps.sh test    — also what `make test` needs (virtual display, WebDriver, tauri-driver)
#   scripts/deps.sh package — what `make package` and `make test-package` need (npm for the Tauri
#                             CLI, the validators, rpm to list the .rpm, a virtual display)
# On Debian/Ubuntu it uses apt (with sudo when not root); elsewhere it prints the list and stops.
set -euo pipefail

mode=${1:-build}
TAURI_DRIVER_VERSION=2.1.0

# libayatana-appindicator3-dev: the tray icon (Tauri loads the AppIndicator library at run time).
build_pkgs=(libwebkit2gtk-4.1-dev libayatana-appindicator3-dev build-essential pkg-config curl file)
# dbus-daemon and gdbus (libglib2.0-bin): the private session bus and client of the notification tests.
# faketime: libfaketime for `make test-clock` (the tests again under a moved clock).
# desktop-file-utils: desktop-file-validate, which checks the autostart entry in the tests.
test_pkgs=(xvfb xauth x11-utils webkit2gtk-driver dunst dbus dbus-daemon libglib2.0-bin imagemagick faketime
  desktop-file-utils)

pkgs=("${build_pkgs[@]}")
case "$mode" in
  build) ;;
  test | bench) pkgs+=("${test_pkgs[@]}") ;;
  package) pkgs+=(desktop-file-utils appstream rpm xvfb xauth x11-utils) ;;
  *) echo "usage: $0 build|test|bench|package" >&2; exit 2 ;;
esac
if [[ $mode != build ]] && ! command -v node >/dev/null 2>&1; then
  pkgs+=(nodejs)
fi
if [[ $mode == test || $mode == package ]] && ! command -v npm >/dev/null 2>&1; then
  pkgs+=(npm)
fi

say() { printf 'politely: %s\n' "$*" >&2; }

if ! command -v cargo >/dev/null 2>&1; then
  say "Rust is not installed. Install it with rustup (https://rustup.rs), open a new shell, and run this again."
  exit 1
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${pkgs[@]}"; do
    if [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) != "install ok installed" ]]; then
      missing+=("$p")
    fi
  done
fi

if ! command -v apt-get >/dev/null 2>&1; then
  say "this is not a Debian/Ubuntu system, so nothing was installed."
  say "Install the equivalents of these packages with your package manager, then run this again:"
  printf '  %s\n' "${pkgs[@]}" >&2
  exit 1
fi

if ((${#missing[@]})); then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      say "these packages are missing and sudo is not available: ${missing[*]}"
      exit 1
    fi
    sudo=(sudo)
  fi
  say "installing: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [[ $mode == test || $mode == bench ]]; then
  cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
  if ! command -v tauri-driver >/dev/null 2>&1 && [[ ! -x $cargo_bin/tauri-driver ]]; then
    say "installing tauri-driver $TAURI_DRIVER_VERSION (about a minute)"
    # Its own target folder, so the app's CARGO_TARGET_DIR is not mixed with tool builds.
    CARGO_TARGET_DIR="${TMPDIR:-/tmp}/politely-tauri-driver-build" \
      cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked
  fi
fi

if [[ $mode == test ]]; then
  # axe-core, the accessibility checker the e2e run injects into the window (tests/e2e/package.json,
  # pinned in its package-lock.json); a test tool only, never part of ui/.
  e2e_dir="$(dirname "$0")/../tests/e2e"
  if [[ ! -f $e2e_dir/node_modules/axe-core/axe.min.js ]] || [[ $e2e_dir/package-lock.json -nt $e2e_dir/node_modules/.package-lock.json ]]; then
    say "installing the e2e run's axe-core (npm ci)"
    npm ci --prefix "$e2e_dir" --no-audit --no-fund
  fi
fi
