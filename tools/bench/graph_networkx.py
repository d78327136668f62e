#!/usr/bin/python3
"""NetworkX's side of tools/bench/graph.sh: the work of one eventgraph command, in Python.

    graph_networkx.py WORK EVENTS OUT [FROM TO]

WORK is graphml, gexf, dot, timeline, stats, path (the shortest path FROM TO) or
paths2 (every simple path of at most 2 hops FROM TO). Each reads the events with
`json`, folds them into happenings and relations as eventgraph does, and writes
what the eventgraph command writes:

- a happening: the reports with the same type, source, target and polarity and
  the same date span (the generated events are all dated to the day, where
  eventgraph's rule of overlapping spans comes to that);
- a relation (a NetworkX edge, keyed by type and polarity class): its
  happenings, their mentions, first and last dates, articles;
- graphml and gexf by NetworkX's writers (gexf with a spell a happening), DOT by
  a plain writer (NetworkX writes DOT only through pydot or pygraphviz), the
  timeline as JSON Lines of happenings in date order with their reports, stats
  as eventgraph's tables, paths with each hop's relations and evidence.

The events are folded as they are read, each work keeping only what its output
needs (the timeline every report; paths each happening's mentions and strongest
report; the others the relations' sums), as a careful Python script would.

For /usr/bin/python3 (Debian's NetworkX 2.8.8). A benchmark: nothing is asserted.
"""

import collections
import json
import sys

import networkx as nx

class Folded:
    """The events folded as they are read, keeping what the work's output needs."""

    def __init__(self, work):
        self.work = work
        self.actors = {}
        # happening key -> None (graph exports, stats), [mentions, best report] (paths),
        # or the list of its reports (timeline)
        self.happenings = {}
        self.relations = {}  # (source, target, type, asserted) -> attributes
        self.counts = collections.defaultdict(collections.Counter)  # stats: (what, happenings?)
        self.events = 0
        self.articles = set()

    def add(self, e):
        s, t = e["source"], e["target"]
        for a in (s, t):
            if a["code"] not in self.actors:
                self.actors[a["code"]] = a
        sc, tc, ty = s["code"], t["code"], e["type"]
        date = e.get("date")
        span = (date["start"], date["end"]) if date else None
        key = (ty, sc, tc, e["polarity"], span)
        new = key not in self.happenings
        if new:
            self.happenings[key] = [] if self.work == "timeline" else (
                [0, None] if self.work in ("path", "paths2") else None)
        h = self.happenings[key]
        if self.work == "timeline":
            h.append(e)
            return
        rkey = (sc, tc, ty, e["polarity"] == "asserted")
        r = self.relations.get(rkey)
        if r is None:
            r = self.relations[rkey] = {"count": 0, "mentions": 0, "first": None, "last": None,
                                        "articles": set(), "spells": [], "happenings": []}
        r["mentions"] += 1
        r["articles"].add(e["article"])
        if new:
            r["count"] += 1
            if date:
                start = date["start"]
                r["first"] = start if r["first"] is None else min(r["first"], start)
                r["last"] = start if r["last"] is None else max(r["last"], start)
                if self.work == "gexf":
                    r["spells"].append(span)
        if self.work in ("path", "paths2"):
            # The happening's mentions and strongest report (highest confidence, then id).
            report = (-e["confidence"], e["id"], e["article"], e["evidence"]["text"])
            h[0] += 1
            if h[1] is None or report < h[1]:
                h[1] = report
            if new:
                r["happenings"].append((h, span))
        if self.work == "stats":
            self.events += 1
            self.articles.add(e["article"])
            month = date["start"][:7] if date else None
            for what in ("type", "month") + (("actor",) if sc == tc else ("actor", "actor2")):
                value = {"type": ty, "month": month, "actor": sc, "actor2": tc}[what]
                what = "actor" if what == "actor2" else what
                if value is None:
                    continue
                self.counts[(what, False)][value] += 1
                if new:
                    self.counts[(what, True)][value] += 1

    def graph(self):
        """A MultiDiGraph: one edge per source, target, type and polarity class."""
        g = nx.MultiDiGraph()
        for code in sorted(self.actors):
            a = self.actors[code]
            g.add_node(code, label=a["name"], code=code, name=a["name"], kind=a["kind"])
        for (s, t, ty, asserted) in sorted(self.relations, key=lambda k: (k[0], k[1], k[2],
                                                                          not k[3])):
            r = self.relations.pop((s, t, ty, asserted))
            attrs = {"label": ty, "type": ty, "quad": 0, "asserted": asserted,
                     "count": r["count"], "mentions": r["mentions"], "first": r["first"] or "",
                     "last": r["last"] or "", "articles": "; ".join(sorted(r["articles"])),
                     "attributions": "", "weight": float(r["count"])}
            if r["spells"]:
                attrs["spells"] = sorted(r["spells"])
            if r["happenings"]:
                attrs["happenings"] = r["happenings"]
            g.add_edge(s, t, key="%s %s" % (ty, asserted), **attrs)
        return g


def load(events, work):
    folded = Folded(work)
    with open(events, encoding="utf-8") as f:
        for line in f:
            folded.add(json.loads(line))
    return folded


def write_dot(g, out):
    def q(text):
        return '"%s"' % str(text).replace("\\", "\\\\").replace('"', '\\"')
    with open(out, "w", encoding="utf-8") as f:
        f.write("digraph eventgraph {\n")
        for v, a in g.nodes(data=True):
            f.write("\t%s\t[label=%s, shape=box];\n" % (q(v), q(a["name"])))
        for s, t, k, r in g.edges(keys=True, data=True):
            f.write("\t%s -> %s\t[key=%s, label=%s, penwidth=%.2f, tooltip=%s];\n" % (
                q(s), q(t), q(k), q("%s (%d)" % (r["type"], r["count"])),
                1 + min(r["count"], 20) / 4, q("%s to %s" % (r["first"], r["last"]))))
        f.write("}\n")


def write_timeline(folded, out):
    actors = folded.actors

    def order(item):
        (ty, sc, tc, _, span), _ = item
        return (span is None, span[0] if span else "", ty, sc, tc)

    with open(out, "w", encoding="utf-8") as f:
        f.write(json.dumps({"format": "eventgraph-timeline",
                            "happenings": len(folded.happenings)}) + "\n")
        for (ty, sc, tc, polarity, _), reports in sorted(folded.happenings.items(), key=order):
            reports.sort(key=lambda e: e["id"])
            best = min(reports, key=lambda e: (-e["confidence"], e["id"]))
            articles = sorted({e["article"] for e in reports})
            f.write(json.dumps({
                "id": reports[0]["id"], "date": reports[0].get("date"), "place": None,
                "headline": "%s %s %s" % (actors[sc]["name"], ty, actors[tc]["name"]),
                "text": best["evidence"]["text"], "type": ty, "polarity": polarity,
                "source": actors[sc], "target": actors[tc], "actors": [sc, tc],
                "mentions": len(reports), "sources": len(articles),
                "articles": [{"id": a} for a in articles],
                "reports": [{"event": e["id"], "article": e["article"],
                             "sentence": e["evidence"]["sentence"], "text": e["evidence"]["text"],
                             "trigger": e["evidence"]["trigger"], "confidence": e["confidence"],
                             "attributed_to": e.get("attributed_to")} for e in reports]},
                separators=(",", ":")) + "\n")


def write_stats(folded, g, out):
    c, actors = folded.counts, folded.actors
    with open(out, "w", encoding="utf-8") as f:
        f.write("%d events, %d happenings, %d articles, %d actors\n\n"
                % (folded.events, len(folded.happenings), len(folded.articles),
                   g.number_of_nodes()))
        f.write("by type\n")
        for t, n in sorted(c[("type", True)].items(), key=lambda x: (-x[1], x[0])):
            f.write("  %-10s %9d %6d\n" % (t, n, c[("type", False)][t]))
        f.write("\nby actor (as source or target)\n")
        for a, n in sorted(c[("actor", True)].items(), key=lambda x: (-x[1], x[0])):
            f.write("  %-5s %-12s %9d %6d\n" % (a, actors[a]["name"], n, c[("actor", False)][a]))
        f.write("\nby month\n")
        for m in sorted(c[("month", True)]):
            f.write("  %s %10d %6d\n" % (m, c[("month", True)][m], c[("month", False)][m]))
        f.write("\nstrongest relations\n")
        top = sorted(g.edges(data=True), key=lambda x: (-x[2]["count"], x[0], x[1], x[2]["type"]))
        for s, t, r in top[:10]:
            f.write("  %-6s %-6s %-9s %-8s %s %s %10d %6d\n" % (
                s, t, r["type"], "asserted" if r["asserted"] else "other", r["first"], r["last"],
                r["count"], r["mentions"]))
        degree = sorted(nx.Graph(g).degree(), key=lambda x: (-x[1], x[0]))
        f.write("\nmost connected\n")
        for v, d in degree[:10]:
            f.write("  %-6s %d\n" % (v, d))


def strongest_happening(r):
    """Most mentions, then the earliest (undated last): (mentions and report, span)."""
    return min(r["happenings"], key=lambda x: (-x[0][0], x[1] is None, x[1] or ()))


def write_paths(g, paths, out):
    """Each path with, for each hop, its relations (strongest first) and evidence."""
    with open(out, "w", encoding="utf-8") as f:
        for i, p in enumerate(paths, 1):
            f.write("path %d: %s (%d hops)\n" % (i, " - ".join(p), len(p) - 1))
            for u, w in zip(p, p[1:]):
                rels = [(r, "→") for r in g.get_edge_data(u, w, default={}).values()
                        if r["asserted"]]
                rels += [(r, "←") for r in g.get_edge_data(w, u, default={}).values()
                         if r["asserted"]]
                rels.sort(key=lambda x: (-x[0]["count"], -x[0]["mentions"], x[0]["type"]))
                r, way = rels[0]
                (_, best), _ = strongest_happening(r)
                f.write('  %s —%s (%d, %s/%s)%s %s: "%s" [%s] (also: %s)\n' % (
                    u, r["type"], r["count"], r["first"], r["last"], way, w, best[3], best[2],
                    ", ".join("%s%s %d" % (x["type"], y, x["count"]) for x, y in rels[1:])))
            f.write("\n")


def main():
    if len(sys.argv) not in (4, 6):
        sys.exit(__doc__)
    work, events, out = sys.argv[1:4]
    if work not in ("graphml", "gexf", "dot", "timeline", "stats", "path", "paths2"):
        sys.exit("graph_networkx.py: unknown work %r" % work)
    folded = load(events, work)
    if work == "timeline":
        write_timeline(folded, out)
        return
    g = folded.graph()
    if work == "graphml":
        nx.write_graphml(g, out)
    elif work == "gexf":
        g.graph["mode"] = "dynamic"
        for _, _, r in g.edges(data=True):  # NetworkX's GEXF "type" is directed or not
            r["kind"] = r.pop("type")
        nx.write_gexf(g, out)
    elif work == "dot":
        write_dot(g, out)
    elif work == "stats":
        write_stats(folded, g, out)
    else:
        a, b = sys.argv[4:6]
        # Paths run over asserted relations either way round, as eventgraph's do.
        und = nx.Graph()
        und.add_nodes_from(sorted(g.nodes()))
        und.add_edges_from((s, t) for s, t, r in g.edges(data=True) if r["asserted"] and s != t)
        order = {v: i for i, v in enumerate(sorted(g.nodes()))}
        if work == "path":
            paths = [nx.shortest_path(und, a, b)]
        else:
            paths = sorted(nx.all_simple_paths(und, a, b, cutoff=2),
                           key=lambda p: (len(p), [order[v] for v in p]))
        write_paths(g, paths, out)


if __name__ == "__main__":
    main()
