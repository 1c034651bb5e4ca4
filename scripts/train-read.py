#!/usr/bin/env python3
"""Train the read model (src-tauri/core/src/read/read_model.tsv) from the tune corpus only.

Two multinomial logistic regressions over the features `read/model.rs` computes: the kind of a
message (invitation, reply, other; calendar invites left out, they are invitations by format)
and a reply's intent. Features are kept only when at least MIN_WRITERS writers use them, so the
model learns how people in general say a thing, not one writer's habits.

    READ_DUMP=/tmp/read_dump.jsonl cargo test -p politely-core --lib \
        read::eval_tests::dump_tune_features -- --ignored
    scripts/train-read.py /tmp/read_dump.jsonl            # writes the model
    scripts/train-read.py /tmp/read_dump.jsonl --cv       # leave-one-writer-out report only

The dump holds tune items only (the test set is never dumped).
"""
import json
import math
import random
import sys
from collections import Counter, defaultdict

MIN_WRITERS = int(__import__("os").environ.get("MIN_WRITERS", "2"))
EPOCHS = 40
RATE = 0.5
L2 = 1e-3
PRUNE = float(__import__("os").environ.get("PRUNE", "0.05"))
OUT = "src-tauri/core/src/read/read_model.tsv"


def rows_for(rows, model):
    if model == "kind":
        return [(r["writer"], r["kind_features"], r["kind"]) for r in rows if r["format"] != "ics"]
    return [(r["writer"], r["intent_features"], r["intent"]) for r in rows if r["kind"] == "reply" and r["intent"]]


def train(data):
    """data: [(writer, features, label)] -> (classes, biases, weights)."""
    support = defaultdict(set)
    for w, feats, _ in data:
        for f in feats:
            support[f].add(w)
    keep = {f for f, ws in support.items() if len(ws) >= MIN_WRITERS}
    classes = sorted({y for _, _, y in data})
    counts = Counter(y for _, _, y in data)
    # Rarer classes weigh more, by the square root of their rarity.
    cw = {c: math.sqrt(max(counts.values()) / counts[c]) for c in classes}
    k = len(classes)
    W = defaultdict(lambda: [0.0] * k)
    G = defaultdict(lambda: [1e-8] * k)
    b = [0.0] * k
    gb = [1e-8] * k
    items = [([f for f in feats if f in keep], classes.index(y), cw[y]) for _, feats, y in data]
    rnd = random.Random(7)
    for _ in range(EPOCHS):
        rnd.shuffle(items)
        for feats, y, weight in items:
            z = b[:]
            for f in feats:
                wf = W[f]
                for j in range(k):
                    z[j] += wf[j]
            m = max(z)
            e = [math.exp(v - m) for v in z]
            s = sum(e)
            p = [v / s for v in e]
            for j in range(k):
                g = weight * (p[j] - (1.0 if j == y else 0.0))
                gb[j] += g * g
                b[j] -= RATE * g / math.sqrt(gb[j])
                for f in feats:
                    gf = g + L2 * W[f][j]
                    G[f][j] += gf * gf
                    W[f][j] -= RATE * gf / math.sqrt(G[f][j])
    # Small weights barely move a score: leave them out of the model (and of the CV).
    pruned = {}
    for f, w in W.items():
        if max(abs(v) for v in w) >= PRUNE:
            pruned[f] = [v if abs(v) >= PRUNE else 0.0 for v in w]
    return classes, b, pruned


def predict(model, feats):
    classes, b, W = model
    z = b[:]
    for f in feats:
        if f in W:
            for j, v in enumerate(W[f]):
                z[j] += v
    m = max(z)
    e = [math.exp(v - m) for v in z]
    s = sum(e)
    j = max(range(len(z)), key=lambda i: z[i])
    return classes[j], e[j] / s


def cv(rows, model):
    data = rows_for(rows, model)
    rule_key = "rule_kind" if model == "kind" else "rule_intent"
    rule_of = {}
    sure_of = {}
    for r in rows:
        rule_of[(r["writer"], r["file"])] = r[rule_key]
        # The model is not asked where the rules are sure of the kind.
        sure_of[(r["writer"], r["file"])] = model == "kind" and r.get("rule_kind_sure", False)
    files = [(r["writer"], r["file"]) for r in rows if (r["format"] != "ics" if model == "kind" else (r["kind"] == "reply" and r["intent"]))]
    writers = sorted({w for w, _, _ in data}, key=lambda w: (len(w), w))
    thresholds = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 2.0]
    print(f"## {model}: leave-one-writer-out (model trained without the writer; rules as they stand)")
    print("| writer | n | rules | model | " + " | ".join(f"model if p≥{t}" for t in thresholds[:-1]) + " |")
    totals = defaultdict(int)
    for held in writers:
        train_data = [d for d in data if d[0] != held]
        m = train(train_data)
        n = 0
        rules_right = 0
        model_right = 0
        combo = Counter()
        for (w, feats, y), key in zip(data, files):
            if w != held:
                continue
            n += 1
            rule = rule_of[key]
            guess, p = predict(m, feats)
            rules_right += rule == y
            model_right += guess == y
            for t in thresholds:
                combo[t] += (guess if p >= t and not sure_of[key] else rule) == y
        totals["n"] += n
        totals["rules"] += rules_right
        totals["model"] += model_right
        for t in thresholds:
            totals[t] += combo[t]
        print(f"| {held} | {n} | {rules_right} | {model_right} | " + " | ".join(str(combo[t]) for t in thresholds[:-1]) + " |")
    print(f"| all | {totals['n']} | {totals['rules']} | {totals['model']} | " + " | ".join(str(totals[t]) for t in thresholds[:-1]) + " |")
    print()


def main():
    path = sys.argv[1]
    rows = [json.loads(l) for l in open(path) if l.strip()]
    if "--cv" in sys.argv:
        for model in ("kind", "intent"):
            cv(rows, model)
        return
    lines = ["# Trained by scripts/train-read.py on tests/fixtures/read/tune only "
             f"({len(rows)} items; features used by >= {MIN_WRITERS} writers, weights >= {PRUNE}). "
             "Per model: a `<classes>` line, a `<bias>` line, then one line per feature with "
             "its weight for each class in that order."]
    for model in ("kind", "intent"):
        classes, b, W = train(rows_for(rows, model))
        lines.append(f"{model}\t<classes>\t" + " ".join(classes))
        lines.append(f"{model}\t<bias>\t" + " ".join(f"{v:.2f}" for v in b))
        for f in sorted(W):
            lines.append(f"{model}\t{f}\t" + " ".join(("%.2f" % v).rstrip("0").rstrip(".") if v else "0" for v in W[f]))
    with open(OUT, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"wrote {OUT}: {len(lines) - 1} weights")


if __name__ == "__main__":
    main()
