#!/usr/bin/env bash
# `make test-package`: checks the packages `make package` built, then installs the .deb on this
# machine with apt, uses it from /usr/bin, removes it and checks that nothing is left.
#   1. the .deb (≤ 8 MB) and .rpm exist; their desktop entry passes desktop-file-validate and
#      their AppStream metainfo passes appstreamcli validate; icons at every size are inside
#   2. apt installs the .deb (its dependencies resolved from the archive)
#   3. /usr/bin/politely --version, and `politely lint` finds a misspelling (harper works in the
#      release build)
#   4. the window opens from the installed path under Xvfb (a window titled Politely appears and
#      the process stays up)
#   5. apt-get remove --purge, then no file the package installed is left
# Needs root or sudo (apt), and refuses to run if a `politely` package is already installed.
set -euo pipefail

say() { printf 'test-package: %s\n' "$*" >&2; }
fail() {
  say "FAIL: $*"
  exit 1
}

target=${CARGO_TARGET_DIR:-$(cd "$(dirname "$0")/.." && pwd)/target}
bundle=$target/release/bundle
deb=$(ls -t "$bundle"/deb/*.deb 2>/dev/null | head -n1 || true)
rpm=$(ls -t "$bundle"/rpm/*.rpm 2>/dev/null | head -n1 || true)
[[ -f $deb ]] || fail "no .deb in $bundle/deb: run make package first"
[[ -f $rpm ]] || fail "no .rpm in $bundle/rpm: run make package first"

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || fail "installing the .deb needs root or sudo"
  sudo=(sudo)
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# 1. What is inside the packages.
deb_bytes=$(stat -c %s "$deb")
rpm_bytes=$(stat -c %s "$rpm")
say "$(basename "$deb"): $deb_bytes bytes; $(basename "$rpm"): $rpm_bytes bytes"
# Over the budget is reported at the end, after every other check has run.
too_big=
((deb_bytes <= 8 * 1000 * 1000)) || too_big="the .deb is $deb_bytes bytes, more than 8 MB"

name=$(dpkg-deb -f "$deb" Package)
dpkg-deb -x "$deb" "$work/deb"
desktop=$(ls "$work"/deb/usr/share/applications/*.desktop)
metainfo=$work/deb/usr/share/metainfo/app.politely.desktop.metainfo.xml
[[ -x $work/deb/usr/bin/politely ]] || fail "the .deb has no /usr/bin/politely"
[[ -f $metainfo ]] || fail "the .deb has no AppStream metainfo"
desktop-file-validate "$desktop" || fail "desktop-file-validate: $desktop"
appstreamcli validate --no-net --pedantic "$metainfo" || fail "appstreamcli validate"
launchable=$(sed -n 's:.*<launchable type="desktop-id">\(.*\)</launchable>.*:\1:p' "$metainfo")
[[ $launchable == "$(basename "$desktop")" ]] ||
  fail "the metainfo launches $launchable but the package installs $(basename "$desktop")"
icon=$(sed -n 's/^Icon=//p' "$desktop")
for size in 16x16 24x24 32x32 48x48 64x64 128x128 256x256 512x512; do
  [[ -f $work/deb/usr/share/icons/hicolor/$size/apps/$icon.png ]] || fail "no $size icon named $icon"
done
if command -v rpm >/dev/null 2>&1; then
  rpm -qlp "$rpm" 2>/dev/null >"$work/rpm-files"
  for f in /usr/bin/politely /usr/share/metainfo/app.politely.desktop.metainfo.xml \
    "/usr/share/applications/$(basename "$desktop")" "/usr/share/icons/hicolor/512x512/apps/$icon.png"; do
    grep -qx "$f" "$work/rpm-files" || fail "the .rpm has no $f"
  done
  say "the .rpm holds the binary, the desktop entry, the metainfo and the icons"
else
  say "rpm is not installed: the .rpm's file list was not checked (scripts/deps.sh package installs it)"
fi

# 2. Install with apt, dependencies from the archive.
if dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed"; then
  fail "a $name package is already installed; remove it first (this test removes what it installs)"
fi
cp "$deb" "$work/politely.deb"
chmod 644 "$work/politely.deb"
chmod 755 "$work"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$work/politely.deb" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log" >&2; fail "apt-get install"; }
removed=0
remove() {
  ((removed)) && return
  removed=1
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -q "$name" >>"$work/apt.log" 2>&1
}
trap 'remove || true; cleanup' EXIT
dpkg -L "$name" >"$work/installed"
say "installed $name: $(wc -l <"$work/installed") paths"

# 3. The command line from the installed path, on a throwaway data folder.
export HOME=$work/home XDG_DATA_HOME=$work/home/data XDG_CONFIG_HOME=$work/home/config
mkdir -p "$HOME"
version=$(/usr/bin/politely --version)
[[ $version == "politely "* ]] || fail "--version printed: $version"
say "/usr/bin/politely --version: $version"
set +e
lint=$(printf 'Dear Dana,\n\nThank you for teh invitation. I have decided to decline.\n\nBest regards,\nSam\n' |
  /usr/bin/politely lint --json)
code=$?
set -e
[[ $code -le 1 ]] || fail "politely lint exited $code"
grep -q '"rule": *"spelling"' <<<"$lint" || fail "politely lint found no misspelling in 'teh': $lint"
say "/usr/bin/politely lint: finds the misspelling"

# 4. The window, from the installed path, on a virtual display.
if [[ -z ${DISPLAY:-} ]]; then
  command -v Xvfb >/dev/null 2>&1 || fail "no DISPLAY and no Xvfb (scripts/deps.sh test installs it)"
  # A display number nobody uses; another server may hold one without a file here (an abstract
  # socket), so a server that exits at once is tried again on the next number.
  n=$((90 + RANDOM % 100))
  for _ in $(seq 10); do
    while [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]]; do n=$((n + 1)); done
    Xvfb ":$n" -screen 0 1280x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
    xvfb=$!
    export DISPLAY=:$n
    for _ in $(seq 300); do
      kill -0 "$xvfb" 2>/dev/null || break
      [[ -S /tmp/.X11-unix/X$n ]] && xdpyinfo >/dev/null 2>&1 && break
      sleep 0.1
    done
    if kill -0 "$xvfb" 2>/dev/null && xdpyinfo >/dev/null 2>&1; then
      pids+=("$xvfb")
      break
    fi
    kill "$xvfb" 2>/dev/null || true
    n=$((n + 1))
  done
  xdpyinfo >/dev/null 2>&1 || { cat "$work/xvfb.log" >&2; fail "Xvfb did not start"; }
fi
/usr/bin/politely >"$work/window.log" 2>&1 &
app=$!
pids+=("$app")
found=
for _ in $(seq 150); do
  if xwininfo -root -tree 2>/dev/null | grep -q '"Politely"'; then
    found=1
    break
  fi
  kill -0 "$app" 2>/dev/null || break
  sleep 0.2
done
[[ -n $found ]] || { cat "$work/window.log" >&2; fail "no window titled Politely appeared"; }
sleep 2
kill -0 "$app" 2>/dev/null || { cat "$work/window.log" >&2; fail "the window closed by itself"; }
say "the installed /usr/bin/politely opened its window"
kill "$app"
wait "$app" 2>/dev/null || true

# 5. Remove, and check nothing is left.
remove || { cat "$work/apt.log" >&2; fail "apt-get remove --purge"; }
if dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "installed"; then
  fail "$name is still known to dpkg after the purge"
fi
left=()
while IFS= read -r path; do
  # Shared folders (/usr, /usr/share/icons/hicolor/…) stay; every file and the app's own folders go.
  if [[ -e $path && ! -d $path ]]; then left+=("$path"); fi
done <"$work/installed"
((${#left[@]} == 0)) || fail "left after removal: ${left[*]}"
say "removed: none of its $(grep -c . "$work/installed") paths' files is left"
[[ -z $too_big ]] || fail "$too_big (everything else passed)"
say "OK"
