"""The networkx side of the algorithm comparison (called by networkx.ts with the same graphs).

Usage: python3 networkx_bench.py <job.json>
The job names the node count, the PageRank graph (directed weighted edge list "u v w"), the tie
graph (undirected edge list "u v"), the betweenness sources, and files for the score vectors.
Prints one JSON object: versions, timings in ms (graph building excluded), iterations.
"""
import json
import sys
import time

import networkx as nx


def read_edges(path, weighted):
    with open(path) as f:
        for line in f:
            parts = line.split()
            if weighted:
                yield int(parts[0]), int(parts[1]), float(parts[2])
            else:
                yield int(parts[0]), int(parts[1])


def main():
    job = json.load(open(sys.argv[1]))
    n = job["nodes"]
    out = {"python": sys.version.split()[0], "networkx": nx.__version__}
    try:
        import scipy

        out["scipy"] = scipy.__version__
    except ImportError:
        out["scipy"] = None

    directed = nx.DiGraph()
    directed.add_nodes_from(range(n))
    started = time.perf_counter()
    directed.add_weighted_edges_from(read_edges(job["pagerankEdges"], True))
    out["pagerankBuildMs"] = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    rank = nx.pagerank(directed, alpha=0.85, weight="weight")
    out["pagerankMs"] = (time.perf_counter() - started) * 1000
    json.dump([rank[v] for v in range(n)], open(job["pagerankOut"], "w"))
    # The same stopping rule as ours (L1 change < 1e-10): networkx stops at L1 < n * tol.
    started = time.perf_counter()
    converged = nx.pagerank(directed, alpha=0.85, weight="weight", tol=1e-10 / n, max_iter=10000)
    out["pagerankConvergedMs"] = (time.perf_counter() - started) * 1000
    json.dump([converged[v] for v in range(n)], open(job["pagerankConvergedOut"], "w"))
    del directed

    ties = nx.Graph()
    ties.add_nodes_from(range(n))
    ties.add_edges_from(read_edges(job["tieEdges"], False))
    sources = job["sources"]
    # The k-source loop of nx.betweenness_centrality(G, k=...), on our sources (same work as ours).
    from networkx.algorithms.centrality.betweenness import _accumulate_basic, _single_source_shortest_path_basic

    raw = dict.fromkeys(ties, 0.0)
    started = time.perf_counter()
    for s in sources:
        S, P, sigma, _ = _single_source_shortest_path_basic(ties, s)
        raw, _ = _accumulate_basic(raw, S, P, sigma, s)
    out["betweennessMs"] = (time.perf_counter() - started) * 1000
    json.dump([raw[v] for v in range(n)], open(job["betweennessOut"], "w"))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
