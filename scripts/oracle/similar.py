#!/usr/bin/env python3
"""Expected answers of `similarHcps` (NETWORK mode) computed independently with networkx.

Usage: python3 scripts/oracle/similar.py <import folder> <output json> [--every K]

Reads hcps.csv and hcp_links.csv of an import folder, builds the undirected HCP network (every
link type, either direction, one edge per pair, every HCP a node), and for every K-th HCP (by id)
lists every HCP b != a sharing at least one neighbour with networkx `jaccard_coefficient`,
ordered by score descending then id, with `shared` = |N(a) & N(b)|.
"""
import csv
import json
import sys

import networkx as nx


def main() -> None:
    folder, out = sys.argv[1], sys.argv[2]
    every = int(sys.argv[sys.argv.index("--every") + 1]) if "--every" in sys.argv else 1
    graph = nx.Graph()
    with open(f"{folder}/hcps.csv", newline="", encoding="utf-8") as f:
        graph.add_nodes_from(row["id"] for row in csv.DictReader(f))
    with open(f"{folder}/hcp_links.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["sourceId"] != row["targetId"]:
                graph.add_edge(row["sourceId"], row["targetId"])
    expected = {}
    for a in sorted(graph.nodes)[::every]:
        candidates = {b for u in graph[a] for b in graph[u] if b != a}
        rows = [
            {"id": b, "score": score, "shared": len(set(graph[a]) & set(graph[b]))}
            for _, b, score in nx.jaccard_coefficient(graph, [(a, b) for b in sorted(candidates)])
        ]
        rows.sort(key=lambda r: (-r["score"], r["id"]))
        expected[a] = rows
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"networkx": nx.__version__, "similarHcps": expected}, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
