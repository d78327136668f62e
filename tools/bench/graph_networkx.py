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

For /usr/bin/python3 (Debian's NetworkX 2.8.8). A benchmark: nothing is asserted.
"""

import collections
import json
import sys

import networkx as nx

WITH_REPORTS = {"timeline"}  # works that keep every report's sentence


def load(events, keep_reports):
    """Happenings by key, and the actors, from the events file."""
    actors = {}
    happenings = {}  # key -> dict
    with open(events, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            s, t = e["source"], e["target"]
            for a in (s, t):
                if a["code"] not in actors:
                    actors[a["code"]] = a
            date = e.get("date")
            span = (date["start"], date["end"]) if date else None
            asserted = e["polarity"] == "asserted"
            key = (e["type"], s["code"], t["code"], e["polarity"], span)
            h = happenings.get(key)
            report = (e["id"], e["article"], e["confidence"], e["evidence"]["text"])
            if h is None:
                h = happenings[key] = {"type": e["type"], "source": s["code"],
                                       "target": t["code"], "polarity": e["polarity"],
                                       "asserted": asserted, "date": date, "mentions": 0,
                                       "articles": set(), "best": report, "reports": []}
            h["mentions"] += 1
            h["articles"].add(e["article"])
            # The strongest report: highest confidence, then smallest id.
            if (-report[2], report[0]) < (-h["best"][2], h["best"][0]):
                h["best"] = report
            if keep_reports:
                h["reports"].append(e)
    return actors, happenings


def relations(actors, happenings):
    """A MultiDiGraph: one edge per source, target, type and polarity class."""
    g = nx.MultiDiGraph()
    for code in sorted(actors):
        a = actors[code]
        g.add_node(code, label=a["name"], code=code, name=a["name"], kind=a["kind"])
    for h in happenings.values():
        key = (h["type"], h["asserted"])
        if g.has_edge(h["source"], h["target"], key):
            r = g[h["source"]][h["target"]][key]
        else:
            g.add_edge(h["source"], h["target"], key, type=h["type"], asserted=h["asserted"],
                       count=0, mentions=0, first=None, last=None, articles=set(), spells=[],
                       happenings=[])
            r = g[h["source"]][h["target"]][key]
        r["count"] += 1
        r["mentions"] += h["mentions"]
        r["articles"] |= h["articles"]
        r["happenings"].append(h)
        if h["date"]:
            start = h["date"]["start"]
            r["first"] = start if r["first"] is None else min(r["first"], start)
            r["last"] = start if r["last"] is None else max(r["last"], start)
            r["spells"].append((h["date"]["start"], h["date"]["end"]))
    return g


def flat(g, spells):
    """The graph with attributes a file format holds: strings and numbers."""
    out = nx.MultiDiGraph()
    out.add_nodes_from(g.nodes(data=True))
    for s, t, k, r in sorted(g.edges(keys=True, data=True), key=lambda x: (x[0], x[1], x[2][0],
                                                                            not x[2][1])):
        attrs = {"label": r["type"], "type": r["type"], "quad": 0, "asserted": r["asserted"],
                 "count": r["count"], "mentions": r["mentions"], "first": r["first"] or "",
                 "last": r["last"] or "", "articles": "; ".join(sorted(r["articles"])),
                 "attributions": "", "weight": float(r["count"])}
        if spells and r["spells"]:
            attrs["spells"] = sorted(r["spells"])
        out.add_edge(s, t, key="%s %s" % k, **attrs)
    return out


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


def happening_order(h):
    d = h["date"]
    return (d is None, d["start"] if d else "", h["type"], h["source"], h["target"])


def write_timeline(actors, happenings, out):
    with open(out, "w", encoding="utf-8") as f:
        f.write(json.dumps({"format": "eventgraph-timeline", "happenings": len(happenings)}) + "\n")
        for h in sorted(happenings.values(), key=happening_order):
            reports = sorted(h["reports"], key=lambda e: e["id"])
            first = reports[0]
            f.write(json.dumps({
                "id": first["id"], "date": h["date"], "place": None,
                "headline": "%s %s %s" % (actors[h["source"]]["name"], h["type"],
                                          actors[h["target"]]["name"]),
                "text": h["best"][3], "type": h["type"], "polarity": h["polarity"],
                "source": actors[h["source"]], "target": actors[h["target"]],
                "actors": [h["source"], h["target"]], "mentions": h["mentions"],
                "sources": len(h["articles"]),
                "articles": [{"id": a} for a in sorted(h["articles"])],
                "reports": [{"event": e["id"], "article": e["article"],
                             "sentence": e["evidence"]["sentence"], "text": e["evidence"]["text"],
                             "trigger": e["evidence"]["trigger"], "confidence": e["confidence"],
                             "attributed_to": e.get("attributed_to")} for e in reports]},
                separators=(",", ":")) + "\n")


def write_stats(actors, happenings, g, out):
    by_type, by_actor, by_month = (collections.Counter(), collections.Counter(),
                                   collections.Counter())
    ev_type, ev_actor, ev_month = (collections.Counter(), collections.Counter(),
                                   collections.Counter())
    articles, events = set(), 0
    for h in happenings.values():
        m = h["mentions"]
        events += m
        articles |= h["articles"]
        by_type[h["type"]] += 1
        ev_type[h["type"]] += m
        for a in {h["source"], h["target"]}:
            by_actor[a] += 1
            ev_actor[a] += m
        if h["date"]:
            month = h["date"]["start"][:7]
            by_month[month] += 1
            ev_month[month] += m
    with open(out, "w", encoding="utf-8") as f:
        f.write("%d events, %d happenings, %d articles, %d actors\n\n"
                % (events, len(happenings), len(articles), g.number_of_nodes()))
        f.write("by type\n")
        for t, n in sorted(by_type.items(), key=lambda x: (-x[1], x[0])):
            f.write("  %-10s %9d %6d\n" % (t, n, ev_type[t]))
        f.write("\nby actor (as source or target)\n")
        for a, n in sorted(by_actor.items(), key=lambda x: (-x[1], x[0])):
            f.write("  %-5s %-12s %9d %6d\n" % (a, actors[a]["name"], n, ev_actor[a]))
        f.write("\nby month\n")
        for m in sorted(by_month):
            f.write("  %s %10d %6d\n" % (m, by_month[m], ev_month[m]))
        f.write("\nstrongest relations\n")
        top = sorted(g.edges(keys=True, data=True),
                     key=lambda x: (-x[3]["count"], x[0], x[1], x[2][0]))[:10]
        for s, t, k, r in top:
            f.write("  %-6s %-6s %-9s %-8s %s %s %10d %6d\n" % (
                s, t, r["type"], "asserted" if r["asserted"] else "other", r["first"], r["last"],
                r["count"], r["mentions"]))
        degree = sorted(nx.Graph(g).degree(), key=lambda x: (-x[1], x[0]))
        f.write("\nmost connected\n")
        for v, d in degree[:10]:
            f.write("  %-6s %d\n" % (v, d))


def strongest_happening(r):
    return min(r["happenings"], key=lambda h: (-h["mentions"], h["date"] is None,
                                               h["date"]["start"] if h["date"] else ""))


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
                h = strongest_happening(r)
                f.write('  %s —%s (%d, %s/%s)%s %s: "%s" [%s] (also: %s)\n' % (
                    u, r["type"], r["count"], r["first"], r["last"], way, w, h["best"][3],
                    h["best"][1], ", ".join("%s%s %d" % (x["type"], y, x["count"])
                                            for x, y in rels[1:])))
            f.write("\n")


def main():
    if len(sys.argv) not in (4, 6):
        sys.exit(__doc__)
    work, events, out = sys.argv[1:4]
    actors, happenings = load(events, work in WITH_REPORTS)
    if work == "timeline":
        write_timeline(actors, happenings, out)
        return
    g = relations(actors, happenings)
    if work == "graphml":
        nx.write_graphml(flat(g, spells=False), out)
    elif work == "gexf":
        h = flat(g, spells=True)
        h.graph["mode"] = "dynamic"
        for _, _, r in h.edges(data=True):  # NetworkX's GEXF "type" is directed or not
            r["kind"] = r.pop("type")
        nx.write_gexf(h, out)
    elif work == "dot":
        write_dot(g, out)
    elif work == "stats":
        write_stats(actors, happenings, g, out)
    elif work in ("path", "paths2"):
        a, b = sys.argv[4:6]
        # Paths run over asserted relations either way round, as eventgraph's do.
        und = nx.Graph()
        und.add_nodes_from(sorted(g.nodes()))
        und.add_edges_from((s, t) for s, t, k in g.edges(keys=True) if k[1] and s != t)
        order = {v: i for i, v in enumerate(sorted(g.nodes()))}
        if work == "path":
            paths = [nx.shortest_path(und, a, b)]
        else:
            paths = sorted(nx.all_simple_paths(und, a, b, cutoff=2),
                           key=lambda p: (len(p), [order[v] for v in p]))
        write_paths(g, paths, out)
    else:
        sys.exit("graph_networkx.py: unknown work %r" % work)


if __name__ == "__main__":
    main()
