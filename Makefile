# Politely — `make run` to use it, `make test` to check everything.
# Honours CARGO_TARGET_DIR; keep it outside the work tree (e.g. /var/tmp/politely-target) so
# builds survive fresh clones.
CARGO ?= cargo
CARGO_TARGET_DIR ?= $(CURDIR)/target
export CARGO_TARGET_DIR
BIN := $(CARGO_TARGET_DIR)/debug/politely
SCREENSHOTS := $(CURDIR)/docs/screenshots

.PHONY: run test deps test-deps build lint unit js e2e test-clock test-clock-all build-tests screenshots bench release

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

## Release binary (and, with the Tauri CLI, .deb/.AppImage bundles: see README).
release: deps
	$(CARGO) build --release -p politely --features custom-protocol
