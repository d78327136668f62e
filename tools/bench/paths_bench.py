#!/usr/bin/env python3
"""Path query figures: eventgraph beside NetworkX on the same generated events.

    paths_bench.py generate OUT [N]     N events (default 1,000,000) between 200 actors,
                                        skewed as news is (a few actors in most events)
    paths_bench.py networkx EVENTS      NetworkX loads the events and answers the queries
                                        paths_bench (C++) answers, on the same pairs

The C++ side is tools/bench/paths_bench.cpp (how to build it is at its top). Not a
test: figures are printed, never asserted.
"""

import itertools
import json
import random
import sys
import time

import networkx as nx

TYPES = ["statement", "consult", "cooperate", "agree", "aid", "support", "request", "accuse",
         "reject", "threaten", "protest", "sanction", "mobilize", "coerce", "assault", "concede",
         "retreat"]
ACTORS = 200
PAIRS = 100  # (from, to) pairs per query kind, the same in both programs


def code(i):
    return "A%03d" % i


def generate(out, n):
    rng = random.Random(1)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(ACTORS)]
    type_weights = [1.0 / (i + 1) for i in range(len(TYPES))]
    day0 = 19723  # 2024-01-01 as days since 1970-01-01
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            s, t = rng.choices(range(ACTORS), weights, k=2)
            if s == t:
                t = (t + 1) % ACTORS
            ty = rng.choices(TYPES, type_weights)[0]
            d = time.strftime("%Y-%m-%d", time.gmtime((day0 + rng.randrange(730)) * 86400))
            f.write(json.dumps({
                "id": "ev-%08d" % i, "article": "art-%07d" % (i // 3), "type": ty,
                "source": {"id": code(s), "code": code(s), "name": "Actor %d" % s, "kind": "country"},
                "target": {"id": code(t), "code": code(t), "name": "Actor %d" % t, "kind": "country"},
                "date": {"value": d, "granularity": "day", "start": d, "end": d, "basis": "explicit"},
                "polarity": "asserted", "confidence": round(rng.random(), 2),
                "evidence": {"sentence": 0, "begin": 0, "end": 10, "text": "Sentence %d." % i,
                             "trigger": ty}}, separators=(",", ":")) + "\n")


def pairs():
    # The same pseudo-random pairs as paths_bench.cpp: a linear congruential sequence.
    x, out = 12345, []
    while len(out) < PAIRS:
        x = (x * 1103515245 + 12345) % 2 ** 31
        a = x % ACTORS
        x = (x * 1103515245 + 12345) % 2 ** 31
        b = x % ACTORS
        if a != b:
            out.append((code(a), code(b)))
    return out


def timed(label, queries, f):
    start = time.perf_counter()
    answers = [f(a, b) for a, b in queries]
    ms = (time.perf_counter() - start) * 1000 / len(queries)
    print("%-34s %9.3f ms/query  (%s)" % (label, ms, answers[0]))


def networkx_side(events):
    start = time.perf_counter()
    g = nx.MultiDiGraph()
    with open(events, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            g.add_edge(e["source"]["code"], e["target"]["code"], key=e["type"])
    load = time.perf_counter() - start
    und, di = nx.Graph(g), nx.DiGraph(g)
    print("networkx: read %d edges over %d vertices in %.1f s (%d undirected pairs)"
          % (g.number_of_edges(), g.number_of_nodes(), load, und.number_of_edges()))
    q = pairs()
    timed("shortest (undirected)", q, lambda a, b: len(nx.shortest_path(und, a, b)) - 1)
    timed("shortest (directed)", q, lambda a, b: len(nx.shortest_path(di, a, b)) - 1)
    timed("k=10 shortest simple (undirected)", q,
          lambda a, b: len(list(itertools.islice(nx.shortest_simple_paths(und, a, b), 10))))
    timed("all simple paths, cutoff 2", q,
          lambda a, b: sum(1 for _ in nx.all_simple_paths(und, a, b, cutoff=2)))
    timed("all simple paths, cutoff 3", q[:10],
          lambda a, b: sum(1 for _ in nx.all_simple_paths(und, a, b, cutoff=3)))


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000)
    elif len(sys.argv) == 3 and sys.argv[1] == "networkx":
        networkx_side(sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
