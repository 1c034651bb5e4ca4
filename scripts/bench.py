#!/usr/bin/env python3
"""Start-up, memory and size of Politely against a bare Tauri 2 window (`make bench`).

Builds both in release, then for each of N runs (alternating which goes first) starts the app
with a private HOME, waits for the page to report its first paint, samples the resident memory
of the app and all its descendants (WebKit's web and network processes) until 5 s after that
paint, and stops it. Writes docs/benchmarks.md and prints the same table.
Targets (reported, never asserted): start <= 1.15x the bare window, idle RSS <= 1.2x.
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = "first paint after"
IDLE_AFTER_S = 5.0


def target_dir():
    return Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))


def build():
    cmd = ["cargo", "build", "--release", "-p", "politely", "-p", "politely-bench-hello",
           "--features", "politely/custom-protocol,politely-bench-hello/custom-protocol"]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True)


def history_data_dir(count):
    """A data folder holding `count` synthetic opportunities (3 messages each), backed up today so
    no measured run spends its first seconds on the daily backup."""
    out = target_dir() / f"bench-history-{count}"
    marker = out / "ready"
    if marker.exists():
        return out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    export = out / "history.json"
    with open(export, "w") as f:
        subprocess.run(["cargo", "run", "--quiet", "--release", "-p", "politely-core", "--example", "synthetic", "--",
                        str(count)], cwd=ROOT, check=True, stdout=f)
    politely = str(target_dir() / "release" / "politely")
    subprocess.run([politely, "--data-dir", str(out / "data"), "history", "import", str(export)], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([politely, "--data-dir", str(out / "data"), "history", "backup"], check=True, stdout=subprocess.DEVNULL)
    export.unlink()
    marker.write_text("ok")
    return out


def start_xvfb():
    for n in range(140, 200):
        if Path(f"/tmp/.X11-unix/X{n}").exists() or Path(f"/tmp/.X{n}-lock").exists():
            continue
        proc = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            if Path(f"/tmp/.X11-unix/X{n}").exists():
                return proc, f":{n}"
            if proc.poll() is not None:
                break
            time.sleep(0.05)
        proc.kill()
    sys.exit("bench: could not start Xvfb (apt install xvfb)")


def children_map():
    kids = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def tree(pid):
    kids, out, todo = children_map(), [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def read_kib(path, key):
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def one_run(binary, args, display, extra_env):
    """Starts one app, waits for its first paint, reads memory 5 s later, stops it.

    Nothing is sampled while the app starts (on 2 cores a sampler would slow it down): peak memory
    is the sum of each process's own high-water mark (VmHWM), an upper bound of the tree's peak.
    """
    home = Path(tempfile.mkdtemp(prefix="politely-bench-"))
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               DISPLAY=display, POLITELY_REPORT_PAINT="1")
    for var in ("WAYLAND_DISPLAY", "POLITELY_DATA_DIR", "WEBKIT_DISABLE_DMABUF_RENDERER"):
        env.pop(var, None)
    env.update(extra_env)
    painted = threading.Event()
    paint = {}
    t0 = time.monotonic()
    proc = subprocess.Popen([str(binary), *[a.replace("{home}", str(home)) for a in args]],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def watch():
        for line in proc.stderr:
            if MARKER in line and not painted.is_set():
                paint["at"] = time.monotonic()
                paint["page_ms"] = float(line.split("(page: ")[1].split()[0]) if "(page: " in line else None
                painted.set()

    threading.Thread(target=watch, daemon=True).start()
    if not painted.wait(timeout=60):
        proc.kill()
        raise RuntimeError(f"{binary.name} did not report a first paint")
    time.sleep(max(0.0, paint["at"] + IDLE_AFTER_S - time.monotonic()))
    pids = tree(proc.pid)
    idle_rss = sum(read_kib(f"/proc/{p}/status", "VmRSS") for p in pids)
    peak_rss = sum(read_kib(f"/proc/{p}/status", "VmHWM") for p in pids)
    idle_pss = sum(read_kib(f"/proc/{p}/smaps_rollup", "Pss") for p in pids)
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    for p in pids[1:]:
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass
    shutil.rmtree(home, ignore_errors=True)
    return {"start_ms": (paint["at"] - t0) * 1000, "page_ms": paint["page_ms"], "peak_rss_kib": peak_rss,
            "idle_rss_kib": idle_rss, "idle_pss_kib": idle_pss, "processes": len(pids)}


def gpu_render_node():
    try:
        return any(name.startswith("renderD") for name in os.listdir("/dev/dri"))
    except OSError:
        return False


def machine():
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_gib = read_kib("/proc/meminfo", "MemTotal") / 1024 / 1024
    os_name = "Linux"
    if Path("/etc/os-release").exists():
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"')
    webkit = subprocess.run(["pkg-config", "--modversion", "webkit2gtk-4.1"], capture_output=True, text=True)
    return (f"{os.cpu_count()} cores ({cpu}), {mem_gib:.0f} GiB, {os_name}, kernel {platform.release()}, "
            f"WebKitGTK {webkit.stdout.strip() or '?'}, display Xvfb")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--history", type=int, default=100_000,
                        help="also start Politely on a history this large (0: skip)")
    opts = parser.parse_args()
    if opts.runs < 1:
        sys.exit("bench: --runs must be at least 1")
    if not opts.no_build:
        build()
    release = target_dir() / "release"
    # Politely switches WebKit to its plain renderer when there is no GPU render node (see
    # src-tauri/src/gui.rs); the third row gives the bare window the same setting, like for like.
    same_renderer = {} if gpu_render_node() else {"WEBKIT_DISABLE_DMABUF_RENDERER": "1"}
    apps = {
        "Politely": (release / "politely", ["--data-dir", "{home}/politely-data"], {}),
        "bare Tauri window": (release / "politely-bench-hello", [], {}),
        "bare, same renderer": (release / "politely-bench-hello", [], same_renderer),
    }
    big = f"Politely, {opts.history:,} in history"
    if opts.history > 0:
        data = history_data_dir(opts.history) / "data"
        apps[big] = (release / "politely", ["--data-dir", str(data)], {})
    xvfb, display = (None, os.environ["DISPLAY"]) if os.environ.get("DISPLAY") else start_xvfb()
    results = {name: [] for name in apps}
    try:
        for i in range(opts.runs):
            order = list(apps)[i % len(apps):] + list(apps)[:i % len(apps)]
            for name in order:
                binary, args, extra_env = apps[name]
                r = one_run(binary, args, display, extra_env)
                results[name].append(r)
                print(f"run {i + 1:2}/{opts.runs} {name:20} start {r['start_ms']:6.0f} ms "
                      f"(page {r['page_ms']:4.0f} ms)  peak {r['peak_rss_kib'] / 1024:6.1f} MiB  "
                      f"idle {r['idle_rss_kib'] / 1024:6.1f} MiB ({r['processes']} processes)", flush=True)
    finally:
        if xvfb:
            xvfb.kill()

    def med(name, key):
        return statistics.median(r[key] for r in results[name])

    def spread(name, key):
        values = [r[key] for r in results[name]]
        return min(values), max(values)

    p, h, same = "Politely", "bare Tauri window", "bare, same renderer"
    size = {name: apps[name][0].stat().st_size for name in apps}
    results = {k: v for k, v in results.items() if v}
    rows = [
        ("Cold start to first paint (ms)", "start_ms", 1, "{:.0f}", 1.15),
        ("of which the page: navigation to painted (ms)", "page_ms", 1, "{:.0f}", None),
        ("Peak RSS, app + WebKit processes (MiB)", "peak_rss_kib", 1024, "{:.1f}", None),
        ("Idle RSS after 5 s (MiB)", "idle_rss_kib", 1024, "{:.1f}", 1.2),
        ("Idle PSS after 5 s (MiB)", "idle_pss_kib", 1024, "{:.1f}", None),
    ]
    renderer_note = ("the same WebKit renderer setting Politely chose (WEBKIT_DISABLE_DMABUF_RENDERER=1, "
                     "as this machine has no GPU render node)" if same_renderer else
                     "the same environment (this machine has a GPU render node, so Politely changes nothing)")
    lines = [
        "# Benchmarks",
        "",
        "Measured by `make bench` (scripts/bench.py): release builds of Politely and of a bare Tauri 2",
        f"window (bench/hello) built in the same run, started in rotation {opts.runs} times each. Start = process",
        "spawn until the page reports its first painted frame (two animation frames after its script ran);",
        "\"page\" is the part from navigation start. Memory = the app plus every descendant process, read",
        "5 s after first paint; peak = the sum of each process's high-water mark. Medians, with Politely's",
        f"range in brackets. \"Bare, same renderer\" is the bare window with {renderer_note}.",
        "Targets are checked here, never in tests.",
        "",
        f"- Date: {datetime.date.today().isoformat()}",
        f"- Machine: {machine()}",
        "",
        "| Measure | Politely | Bare window | Ratio | Target | Bare, same renderer | Ratio |",
        "|---|---:|---:|---:|---|---:|---:|",
    ]
    for label, key, div, fmt, target in rows:
        a, b, c = med(p, key) / div, med(h, key) / div, med(same, key) / div
        lo, hi = (v / div for v in spread(p, key))
        ratio = a / b if b else float("nan")
        verdict = f"≤ {target}×: {'met' if ratio <= target else 'MISSED'}" if target else ""
        lines.append(f"| {label} | {fmt.format(a)} ({fmt.format(lo)}–{fmt.format(hi)}) | {fmt.format(b)} "
                     f"| {ratio:.2f}× | {verdict} | {fmt.format(c)} | {a / c if c else float('nan'):.2f}× |")
    if big in results:
        lines.append(f"| Cold start with {opts.history:,} opportunities in history (ms) | {med(big, 'start_ms'):.0f} "
                     f"| | {med(big, 'start_ms') / med(p, 'start_ms'):.2f}× of Politely with an empty history | "
                     f"unaffected by history size | | |")
    lines.append(f"| Binary size (MiB) | {size[p] / 2**20:.1f} | {size[h] / 2**20:.1f} "
                 f"| {size[p] / size[h]:.2f}× | | | |")
    lines.append("")
    text = "\n".join(lines) + "\n"
    Path(opts.out).parent.mkdir(parents=True, exist_ok=True)
    Path(opts.out).write_text(text)
    raw = target_dir() / "bench-results.json"
    raw.write_text(json.dumps(results, indent=2))
    print()
    print(text)
    print(f"bench: wrote {opts.out} (raw samples in {raw})")


if __name__ == "__main__":
    main()
