# Politely — `make run` to use it, `make test` to check everything.
# Honours CARGO_TARGET_DIR; keep it outside the work tree (e.g. /var/tmp/politely-target) so
# builds survive fresh clones.
CARGO ?= cargo
CARGO_TARGET_DIR ?= $(CURDIR)/target
export CARGO_TARGET_DIR
BIN := $(CARGO_TARGET_DIR)/debug/politely
SCREENSHOTS := $(CURDIR)/docs/screenshots

.PHONY: run test deps test-deps build lint unit js e2e test-clock test-clock-all build-tests screenshots bench release \
	package test-package icons package-deps

## Build and open the window (installs missing system packages first).
run: deps build
	scripts/run-window.sh $(BIN)

## Every check: formatting, clippy, Rust unit and integration tests, JS tests, the real window,
## then the same test binaries again with the clock moved (a year ahead; across a DST change).
test: test-deps lint unit js e2e test-clock

deps:
	scripts/deps.sh build

test-deps:
	scripts/deps.sh test

build:
	$(CARGO) build -p politely

lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

unit:
	$(CARGO) test -p politely-core
	$(CARGO) test -p politely

js:
	node --test tests/js/

## End-to-end through tauri-driver + WebKitWebDriver; starts Xvfb itself when DISPLAY is unset.
# One window at a time: two apps, two WebKit processes and two drivers on a 2-core machine made
# waits of several seconds time out now and then; one at a time costs minutes, not flakes.
e2e: build
	POLITELY_BIN=$(BIN) $(CARGO) test -p politely-e2e -- --test-threads=1

## The built core and app tests and an e2e subset under a moved clock (libfaketime): no test
## depends on the day it runs. `make test-clock-all` runs every e2e test that way.
test-clock: test-deps build-tests
	POLITELY_BIN=$(BIN) scripts/test-clock.sh

test-clock-all: test-deps build-tests
	POLITELY_BIN=$(BIN) scripts/test-clock.sh --all

# Builds (never runs) the test binaries test-clock runs; a no-op after `make unit e2e`.
build-tests: build
	$(CARGO) test -p politely-core -p politely --lib --bins --tests --no-run
	$(CARGO) test -p politely-e2e --no-run

## PNGs of every screen into docs/screenshots/, each at three window sizes: the default 1120×760
## (docs/screenshots/*.png, the README's), the smallest window Politely allows, 720×520
## (docs/screenshots/720x520/), and a large screen, 1600×1000 (docs/screenshots/1600x1000/);
## and each screen at 200% zoom and in high contrast (docs/screenshots/accessibility/).
screenshots: test-deps build
	POLITELY_SCREENSHOTS=$(SCREENSHOTS) POLITELY_BIN=$(BIN) $(CARGO) test -p politely-e2e -- --test-threads=1

## Start-up, memory and size against a bare Tauri window (release builds; not part of `make test`).
bench: test-deps
	python3 scripts/bench.py

## Release binary only (the same build `make package` makes, without the bundles).
release: deps
	$(CARGO) build --release -p politely --features tauri/custom-protocol

VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)

# The Tauri CLI, from npm, pinned in tools/package.json to the tauri crate's version (2.x).
TAURI := $(CURDIR)/tools/node_modules/.bin/tauri
$(TAURI): tools/package.json tools/package-lock.json
	npm ci --prefix tools --no-audit --no-fund
	touch $@

package-deps:
	scripts/deps.sh package

## .deb and .rpm under $(CARGO_TARGET_DIR)/release/bundle/ (a release build: ~20 min on 2 cores).
## AppImage is not built: its bundler downloads tools at build time (see README).
package: deps package-deps $(TAURI)
	$(TAURI) build --ci --bundles deb,rpm
	scripts/repack-deb.sh $(CARGO_TARGET_DIR)/release/bundle/deb/Politely_$(VERSION)_amd64.deb

## Checks the packages, installs the .deb with apt, runs it from /usr/bin, removes it (needs root
## or sudo). Not part of `make test`: it needs `make package` first and changes the system.
test-package: package-deps
	scripts/test-package.sh

## Every icon from the one source image, src-tauri/packaging/app-icon.png: the PNG sizes Linux
## desktops use, plus .ico (Windows) and .icns (macOS).
icons: $(TAURI)
	$(TAURI) icon src-tauri/packaging/app-icon.png -o src-tauri/icons
	rm -rf src-tauri/icons/android src-tauri/icons/ios src-tauri/icons/Square*Logo.png \
		src-tauri/icons/StoreLogo.png src-tauri/icons/128x128@2x.png
	$(TAURI) icon src-tauri/packaging/app-icon.png -o src-tauri/icons -p 16,24,48,256,512
