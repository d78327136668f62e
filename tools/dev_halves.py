#!/usr/bin/env python3
"""Measures the extractor on the development sets, each split into two halves.

usage: tools/dev_halves.py [--eventgraph BIN] [--shared DIR] [--half a|b|both] [--keep DIR]

Rules are changed while looking at half A only; half B says whether a change
holds on sentences nobody tuned on (a rule that helps only A is a rule for a
sentence). The split is fixed: articles in file order, every other one of each
kind (the id without its last number: PLOVER's event type, PETRARCH's test
category) goes to B, so both halves hold every kind.

Sets (from ../shared, never copied into the project):
  seed      gold/dev on samples/ (not split: one page)
  plover    gold/dev-plover, scored by `eventgraph eval` (F1)
  petrarch  gold/dev-petrarch with its validation dictionaries beside the default
            ones (as its README runs it), scored by tools/score_cameo.py (records right)
  petr-alone  the same with --no-default-dictionaries (the validation dictionaries alone)
"""
import argparse, json, os, re, subprocess, sys, tempfile
from collections import defaultdict

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def kind(article_id):
    return re.sub(r"[-_]?[0-9]+[a-z]*$", "", article_id)


def split(articles_path):
    """article id -> 'a' or 'b'."""
    seen = defaultdict(int)
    half = {}
    for line in open(articles_path):
        if not line.strip():
            continue
        a = json.loads(line)
        k = kind(a["id"])
        half[a["id"]] = "a" if seen[k] % 2 == 0 else "b"
        seen[k] += 1
    return half


def write_half(src_dir, dst_dir, half, which):
    os.makedirs(dst_dir, exist_ok=True)
    for name in os.listdir(src_dir):
        if not name.endswith(".jsonl"):
            continue
        with open(os.path.join(src_dir, name)) as f, open(os.path.join(dst_dir, name), "w") as out:
            for line in f:
                if not line.strip():
                    continue
                rec = json.loads(line)
                art = rec.get("id") if name == "articles.jsonl" else rec.get("article")
                if half.get(str(art).split("#")[0]) == which:
                    out.write(line)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def eval_f1(binary, gold_dir, events):
    out = run([binary, "eval", gold_dir, "--events", events])
    m = re.search(r"precision ([0-9.]+)\s+recall ([0-9.]+)\s+f1 ([0-9.]+)", out)
    if not m:
        sys.exit("eventgraph eval printed no figures:\n" + out)
    return tuple(float(x) for x in m.groups())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--eventgraph", default=os.path.join(top, "build/release/eventgraph"))
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(top), "shared"))
    ap.add_argument("--half", default="both", choices=["a", "b", "both"])
    ap.add_argument("--keep", help="keep the halves and outputs in this directory")
    ap.add_argument("--baseline", action="store_true", help="PETRARCH with --lexicon only (builds without --verbs)")
    a = ap.parse_args()
    halves = ["a", "b"] if a.half == "both" else [a.half]
    work = a.keep or tempfile.mkdtemp(prefix="eventgraph-halves-")
    os.makedirs(work, exist_ok=True)
    gold = os.path.join(a.shared, "gold")
    rows = []

    seed_events = os.path.join(work, "seed.events.jsonl")
    with open(seed_events, "w") as out:
        subprocess.run([a.eventgraph, "extract", os.path.join(top, "samples")], check=True, stdout=out)
    rows.append(("seed", "-", "P %.3f R %.3f F1 %.3f" % eval_f1(a.eventgraph, os.path.join(gold, "dev"), seed_events)))

    plover = os.path.join(gold, "dev-plover")
    half_of = split(os.path.join(plover, "articles.jsonl"))
    for h in halves:
        d = os.path.join(work, "plover-" + h)
        write_half(plover, d, half_of, h)
        ev = os.path.join(d, "events.out")
        with open(ev, "w") as out:
            subprocess.run([a.eventgraph, "extract", os.path.join(d, "articles.jsonl")], check=True, stdout=out)
        os.rename(ev, os.path.join(work, "plover-%s.events.jsonl" % h))
        n = sum(1 for v in half_of.values() if v == h)
        rows.append(("plover", h, "P %.3f R %.3f F1 %.3f" % eval_f1(a.eventgraph, d, os.path.join(work, "plover-%s.events.jsonl" % h)) + "  (%d sentences)" % n))

    petr = os.path.join(gold, "dev-petrarch")
    half_of = split(os.path.join(petr, "articles.jsonl"))
    dictionaries = ["--lexicon", os.path.join(petr, "PETR.Validate.actors.txt"),
                    "--verbs", os.path.join(petr, "PETR.Validate.verbs.txt")]
    # As the gold's README runs it (the default dictionaries beside the validation
    # ones), and with the validation dictionaries alone, as PETRARCH does.
    setups = [("petrarch", dictionaries), ("petr-alone", ["--no-default-dictionaries"] + dictionaries)]
    if a.baseline:  # a build from before the verb dictionaries
        setups = [("petrarch", dictionaries[:2])]
    for h in halves:
        d = os.path.join(work, "petrarch-" + h)
        write_half(petr, d, half_of, h)
        for name, options in setups:
            ev = os.path.join(work, "%s-%s.events.jsonl" % (name, h))
            with open(ev, "w") as out:
                subprocess.run([a.eventgraph, "extract", *options, os.path.join(d, "articles.jsonl")],
                               check=True, stdout=out, stderr=subprocess.DEVNULL)
            res = json.loads(run([sys.executable, os.path.join(a.shared, "tools/score_cameo.py"),
                                  os.path.join(d, "petrarch.gold.jsonl"), "--pred", ev, "--json"]))
            rows.append((name, h, "root %s  full %s" % (fmt(res, "root"), fmt(res, "full"))))

    for r in rows:
        print("%-9s %-2s %s" % r)
    print("outputs in", work)


def fmt(res, level):
    r = res[level]
    return "%d/%d right (%.0f%%, F1 %.3f)" % (r["records_right"], res["records"], 100 * r["record_accuracy"], r["f1"])


if __name__ == "__main__":
    main()
