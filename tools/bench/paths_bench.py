#!/usr/bin/env python3
"""Path query figures: eventgraph beside NetworkX on the same generated events.

    paths_bench.py generate OUT [N [SEED]]
                                        N events (default 1,000,000) between 200 actors,
                                        skewed as news is (a few actors in most events);
                                        SEED (default 1) picks another set as deterministically
    paths_bench.py networkx EVENTS      NetworkX loads the events and answers the queries
                                        paths_bench (C++) answers, on the same pairs
    paths_bench.py compare EVENTS BIN   both, BIN being the C++ side, and a table of the two

The C++ side is tools/bench/paths_bench.cpp (how to build it is at its top). Each
kind runs three times over the same pairs, and the best round's wall and CPU
milliseconds a query are printed. NetworkX has no time-respecting paths: its
side answers those with the same algorithm as eventgraph's (earliest arrival
by Dijkstra, then fewest hops by layers) in Python over the NetworkX graph.
Not a test: figures are printed, never asserted.
"""

import bisect
import datetime
import heapq
import itertools
import json
import random
import re
import subprocess
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


def generate(out, n, seed=1):
    rng = random.Random(seed)
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
    best = None
    for _ in range(3):
        start, cpu = time.perf_counter(), time.process_time()
        answers = [f(a, b) for a, b in queries]
        wall = (time.perf_counter() - start) * 1000 / len(queries)
        cpu = (time.process_time() - cpu) * 1000 / len(queries)
        if best is None or cpu < best[1]:
            best = (wall, cpu)
    print("%-40s %10.4f ms/query wall %10.4f cpu  (%s)" % (label, best[0], best[1], answers[0]),
          flush=True)


NEVER = 1 << 62
START = -NEVER


def day_number(text):
    return datetime.date.fromisoformat(text).toordinal()


def timeline(spans):
    """(ends, smallest start from each end on), as eventgraph indexes a pair's happenings."""
    spans = sorted(spans)
    ends = [e for e, _ in spans]
    mins, low = [0] * len(spans), NEVER
    for i in range(len(spans) - 1, -1, -1):
        low = min(low, spans[i][1])
        mins[i] = low
    return ends, mins


def earliest_day(tl, after):
    ends, mins = tl
    i = bisect.bisect_left(ends, after)
    return NEVER if i == len(ends) else max(after, mins[i])


def temporal_shortest(g, a, b):
    """Earliest arrival (Dijkstra on days), then fewest hops (Bellman-Ford in layers)."""
    arrival, done, heap, target_day = {a: START}, set(), [(START, a)], None
    while heap:
        day, u = heapq.heappop(heap)
        if u in done:
            continue
        done.add(u)
        if u == b:
            target_day = day
            break
        for w, attr in g[u].items():
            if w in done or arrival.get(w, NEVER) <= day:
                continue
            d = earliest_day(attr["timeline"], day)
            if d < arrival.get(w, NEVER):
                arrival[w] = d
                heapq.heappush(heap, (d, w))
    if target_day is None:
        return None
    arrival, changed, parents = {a: START}, [a], [{}]
    while a != b and arrival.get(b, NEVER) != target_day and changed:
        nxt, parent = dict(arrival), {}
        for u in changed:
            leave = arrival[u]
            if leave > target_day:
                continue
            for w, attr in g[u].items():
                if nxt.get(w, NEVER) <= leave:
                    continue
                d = earliest_day(attr["timeline"], leave)
                if d <= target_day and d < nxt.get(w, NEVER):
                    nxt[w], parent[w] = d, u
        changed = sorted(parent)
        parents.append(parent)
        arrival = nxt
    path, layer, v = [b], len(parents) - 1, b
    while layer > 0:
        while layer > 0 and v not in parents[layer]:
            layer -= 1
        if layer == 0:
            break
        v = parents[layer][v]
        layer -= 1
        path.append(v)
    return path[::-1]


def networkx_side(events):
    start = time.perf_counter()
    g = nx.MultiDiGraph()
    spans = {}  # unordered pair: the (end, start) days of its dated events
    with open(events, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            s, t = e["source"]["code"], e["target"]["code"]
            g.add_edge(s, t, key=e["type"])
            date = e.get("date")
            if date and s != t:
                spans.setdefault(frozenset((s, t)), []).append(
                    (day_number(date["end"]), day_number(date["start"])))
    load = time.perf_counter() - start
    und, di = nx.Graph(g), nx.DiGraph(g)
    for x, y, attr in und.edges(data=True):
        attr["timeline"] = timeline(spans.get(frozenset((x, y)), []))
    print("networkx: read %d edges over %d vertices in %.1f s (%d undirected pairs)"
          % (g.number_of_edges(), g.number_of_nodes(), load, und.number_of_edges()))
    q = pairs()
    timed("shortest (undirected)", q, lambda a, b: len(nx.shortest_path(und, a, b)) - 1)
    timed("shortest (directed)", q, lambda a, b: len(nx.shortest_path(di, a, b)) - 1)
    timed("shortest (temporal, earliest arrival)", q,
          lambda a, b: len(temporal_shortest(und, a, b) or [a]) - 1)
    timed("k=10 shortest simple (undirected)", q,
          lambda a, b: len(list(itertools.islice(nx.shortest_simple_paths(und, a, b), 10))))
    timed("k=10 shortest simple (directed)", q,
          lambda a, b: len(list(itertools.islice(nx.shortest_simple_paths(di, a, b), 10))))
    timed("all simple paths, cutoff 2", q,
          lambda a, b: sum(1 for _ in nx.all_simple_paths(und, a, b, cutoff=2)))
    timed("all simple paths, cutoff 2 (directed)", q,
          lambda a, b: sum(1 for _ in nx.all_simple_paths(di, a, b, cutoff=2)))
    timed("all simple paths, cutoff 3", q[:10],
          lambda a, b: sum(1 for _ in nx.all_simple_paths(und, a, b, cutoff=3)))


LINE = re.compile(r"^(.*?)\s+([0-9.]+) ms/query wall\s+([0-9.]+) cpu  \((.*)\)$")


def figures(text):
    out = {}
    for line in text.splitlines():
        m = LINE.match(line)
        if m:
            out[m.group(1).strip()] = (float(m.group(2)), float(m.group(3)), m.group(4))
    return out


def compare(events, binary):
    """Both sides on the same events, then one table: CPU ms a query, and the ratio."""
    ours = subprocess.run([binary, events], check=True, capture_output=True, text=True).stdout
    print(ours, end="")
    theirs = subprocess.run(["/usr/bin/python3", __file__, "networkx", events], check=True,
                            capture_output=True, text=True).stdout
    print(theirs, end="")
    a, b = figures(ours), figures(theirs)
    print("\n%-40s %14s %14s %9s %s" % ("query (best of 3, ms/query)", "eventgraph cpu",
                                        "NetworkX cpu", "NX/ours", "answers"))
    for label, (_, cpu, answer) in a.items():
        if label not in b:
            continue
        nx_cpu, nx_answer = b[label][1], b[label][2]
        ratio = nx_cpu / cpu if cpu > 0 else float("inf")
        print("%-40s %14.4f %14.4f %8.1fx %s" % (label, cpu, nx_cpu, ratio,
                                                 "same" if answer == nx_answer else
                                                 "DIFFER %s / %s" % (answer, nx_answer)))


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000,
                 int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    elif len(sys.argv) == 3 and sys.argv[1] == "networkx":
        networkx_side(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        compare(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
