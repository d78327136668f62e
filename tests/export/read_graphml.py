#!/usr/bin/env python3
"""Reads an export back the way its users' tools do, and prints it as JSON
for the C++ tests to compare with the graph they wrote.

    read_graphml.py graphml FILE   NetworkX's read_graphml: nodes, edges, attributes
    read_graphml.py gexf FILE      xml.etree on GEXF 1.3: nodes, edges, attvalues, spells
    read_graphml.py xml FILE       only: is it well-formed XML? prints its root's tag

Exit codes: 0 read, 1 the file is not what it should be, 77 NetworkX is not
installed (the tests skip then; Debian: python3-networkx).
"""

import json
import sys
import xml.etree.ElementTree as ET

GEXF = "{http://gexf.net/1.3}"


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def read_graphml(path):
    try:
        import networkx as nx
    except ImportError:
        print("networkx is not installed (Debian: python3-networkx)", file=sys.stderr)
        sys.exit(77)
    g = nx.read_graphml(path)
    if not g.is_directed():
        fail("the graph is not directed")
    nodes = [{"id": n, "data": dict(d)} for n, d in g.nodes(data=True)]
    # An edge's GraphML id is NetworkX's key in a multigraph, else its "id" datum.
    if g.is_multigraph():
        edges = [{"source": u, "target": v, "id": k, "data": dict(d)}
                 for u, v, k, d in g.edges(keys=True, data=True)]
    else:
        edges = []
        for u, v, d in g.edges(data=True):
            d = dict(d)
            edges.append({"source": u, "target": v, "id": d.pop("id", None), "data": d})
    return {"multigraph": g.is_multigraph(), "nodes": nodes, "edges": edges}


def spells_of(element):
    return [{"start": s.get("start"), "end": s.get("end")}
            for s in element.findall(f"{GEXF}spells/{GEXF}spell")]


def attvalues_of(element):
    return {a.get("for"): a.get("value")
            for a in element.findall(f"{GEXF}attvalues/{GEXF}attvalue")}


def read_gexf(path):
    root = ET.parse(path).getroot()
    if root.tag != f"{GEXF}gexf" or root.get("version") != "1.3":
        fail(f"not GEXF 1.3: {root.tag} version {root.get('version')}")
    graph = root.find(f"{GEXF}graph")
    if graph is None:
        fail("no graph element")
    declared = {}
    for attributes in graph.findall(f"{GEXF}attributes"):
        for a in attributes.findall(f"{GEXF}attribute"):
            declared[attributes.get("class") + "." + a.get("id")] = a.get("type")
    nodes = [{"id": n.get("id"), "label": n.get("label"), "attvalues": attvalues_of(n),
              "spells": spells_of(n)}
             for n in graph.findall(f"{GEXF}nodes/{GEXF}node")]
    edges = [{"id": e.get("id"), "source": e.get("source"), "target": e.get("target"),
              "label": e.get("label"), "kind": e.get("kind"), "weight": float(e.get("weight")),
              "attvalues": attvalues_of(e), "spells": spells_of(e)}
             for e in graph.findall(f"{GEXF}edges/{GEXF}edge")]
    return {"graph": dict(graph.attrib), "declared": declared, "nodes": nodes, "edges": edges}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("graphml", "gexf", "xml"):
        fail("usage: read_graphml.py graphml|gexf|xml FILE")
    mode, path = sys.argv[1], sys.argv[2]
    try:
        if mode == "graphml":
            result = read_graphml(path)
        elif mode == "gexf":
            result = read_gexf(path)
        else:
            result = {"root": ET.parse(path).getroot().tag}
    except ET.ParseError as e:
        fail(f"{path}: not well-formed XML: {e}")
    print(json.dumps(result, ensure_ascii=True, sort_keys=True))


if __name__ == "__main__":
    main()
