#!/usr/bin/env python3
"""NetworkX's answers to the path queries eventgraph answers, for the tests.

Reads FILE: blocks, one a graph, separated by blank lines. A block's first line
is "graph directed=0|1 nodes=N source=S target=T k=K cutoff=C", then one edge a
line, "U V" (vertices 0..N-1). Prints a JSON array with, for each graph,
{"shortest_path_length": int or null, "k_shortest": [path…] (the first K of
shortest_simple_paths), "all_simple_paths": [path…] (cutoff C)}.
"""

import itertools
import json
import sys

import networkx as nx


def read_blocks(path):
    blocks, current = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            if line.startswith("graph"):
                fields = dict(item.split("=") for item in line.split()[1:])
                current = {key: int(value) for key, value in fields.items()}
                current["edges"] = []
                blocks.append(current)
            else:
                u, v = line.split()
                current["edges"].append((int(u), int(v)))
    return blocks


def answer(block):
    g = nx.DiGraph() if block["directed"] else nx.Graph()
    g.add_nodes_from(range(block["nodes"]))
    g.add_edges_from(block["edges"])
    s, t = block["source"], block["target"]
    try:
        length = nx.shortest_path_length(g, s, t)
    except nx.NetworkXNoPath:
        length = None
    try:
        k_shortest = list(itertools.islice(nx.shortest_simple_paths(g, s, t), block["k"]))
    except nx.NetworkXNoPath:
        k_shortest = []
    simple = list(nx.all_simple_paths(g, s, t, cutoff=block["cutoff"]))
    return {"shortest_path_length": length, "k_shortest": k_shortest, "all_simple_paths": simple}


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: networkx_paths.py FILE")
    print(json.dumps([answer(b) for b in read_blocks(sys.argv[1])]))


if __name__ == "__main__":
    main()
