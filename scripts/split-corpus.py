#!/usr/bin/env python3
"""Splits a freshly written corpus into a tune set and a frozen test set, once, before any tuning.

    scripts/split-corpus.py proofread   tests/fixtures/proofread/incoming/*.jsonl -> tune/ and test/
    scripts/split-corpus.py read        tests/fixtures/read/incoming/<writer>/ -> tune/ and test/

An item goes to the test set when the first two bytes of SHA-256 of its id, read as a number,
fall under 45% of 65536: a split nobody chose item by item, stable however often it is run, and
checkable by anyone. The test set is frozen: rules are tuned on tune/ only, and the numbers we
report are test-set numbers (docs/proofread.md, docs/read.md).
"""
import hashlib
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST_SHARE = 0.45


def in_test(item_id: str) -> bool:
    digest = hashlib.sha256(item_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:2], "big") < TEST_SHARE * 65536


def split_proofread() -> None:
    base = ROOT / "tests/fixtures/proofread"
    incoming = sorted((base / "incoming").glob("*.jsonl"))
    if not incoming:
        sys.exit("no incoming/*.jsonl to split")
    for part in ("tune", "test"):
        (base / part).mkdir(exist_ok=True)
    counts = {"tune": 0, "test": 0}
    for path in incoming:
        lines = {"tune": [], "test": []}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            part = "test" if in_test(item["id"]) else "tune"
            lines[part].append(json.dumps(item, ensure_ascii=False))
            counts[part] += 1
        for part, items in lines.items():
            (base / part / path.name).write_text("\n".join(items) + "\n", encoding="utf-8")
        path.unlink()
    (base / "incoming").rmdir()
    print(f"proofread: {counts['tune']} tune, {counts['test']} test")


def split_read() -> None:
    base = ROOT / "tests/fixtures/read"
    writers = sorted(p for p in (base / "incoming").iterdir() if p.is_dir())
    if not writers:
        sys.exit("no incoming/<writer>/ to split")
    counts = {"tune": 0, "test": 0}
    for writer in writers:
        keys = {"tune": [], "test": []}
        for line in (writer / "key.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            key = json.loads(line)
            part = "test" if in_test(key["file"]) else "tune"
            dest = base / part / writer.name
            dest.mkdir(parents=True, exist_ok=True)
            shutil.move(str(writer / key["file"]), dest / key["file"])
            keys[part].append(json.dumps(key, ensure_ascii=False))
            counts[part] += 1
        for part, items in keys.items():
            if items:
                (base / part / writer.name / "key.jsonl").write_text(
                    "\n".join(items) + "\n", encoding="utf-8"
                )
        (writer / "key.jsonl").unlink()
        leftovers = list(writer.iterdir())
        if leftovers:
            sys.exit(f"{writer}: files without a key line: {leftovers}")
        writer.rmdir()
    (base / "incoming").rmdir()
    print(f"read: {counts['tune']} tune, {counts['test']} test")


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else ""
    if which == "proofread":
        split_proofread()
    elif which == "read":
        split_read()
    else:
        sys.exit(__doc__)
