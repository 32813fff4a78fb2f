#!/usr/bin/env python3
"""Recompute a fixture's expected.json with networkx, independently of the TypeScript code.

    python3 scripts/oracle/recompute.py test/fixtures/network-400            # print the answers
    python3 scripts/oracle/recompute.py test/fixtures/network-400 --check    # compare with expected.json
    python3 scripts/oracle/recompute.py test/fixtures/network-400 --write    # overwrite expected.json

Needs Python 3 and networkx (tested with 3.6). The semantics are those of docs/network.md; the
questions asked (which MSL to which HCP, which territories...) are the ones already in
expected.json, or defaults picked from the data when there is none.

To add an operation: write one function `op(net, **arguments) -> answer` below, add it to
OPERATIONS with the way its questions are picked, and say its tolerance in TOLERANCES.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import sys
from dataclasses import dataclass, field

import networkx as nx

SYMMETRIC = {"COAUTHOR", "CO_INVESTIGATOR", "COLLEAGUE", "MENTOR"}
DIRECTED = {"REFERRAL"}


@dataclass
class Network:
    """The CSV rows of one import folder and the graphs of docs/network.md built from them."""

    hcps: list[dict]
    links: list[dict]
    msls: list[dict]
    relationships: list[dict]
    territories: list[dict]
    pagerank_graph: nx.DiGraph = field(init=False)  # weighted, a symmetric link both ways, weights added
    simple_graph: nx.Graph = field(init=False)  # undirected, unweighted: betweenness, degree, reach
    tie_graph: nx.Graph = field(init=False)  # undirected, weight = largest link weight of the pair
    sum_graph: nx.Graph = field(init=False)  # undirected, weight = sum of the pair's link weights

    def __post_init__(self) -> None:
        ids = [h["id"] for h in self.hcps]
        self.pagerank_graph, self.simple_graph = nx.DiGraph(), nx.Graph()
        self.tie_graph, self.sum_graph = nx.Graph(), nx.Graph()
        for g in (self.pagerank_graph, self.simple_graph, self.tie_graph, self.sum_graph):
            g.add_nodes_from(ids)
        for link in self.links:
            s, t, w, kind = link["sourceId"], link["targetId"], float(link["weight"]), link["type"]
            if kind not in SYMMETRIC | DIRECTED:
                raise ValueError(f"unknown link type {kind}")
            arcs = [(s, t)] if kind in DIRECTED else [(s, t), (t, s)]
            for a, b in arcs:
                prev = self.pagerank_graph.get_edge_data(a, b, {"weight": 0.0})["weight"]
                self.pagerank_graph.add_edge(a, b, weight=prev + w)
            self.simple_graph.add_edge(s, t)
            tie = self.tie_graph.get_edge_data(s, t, {"weight": 0.0})["weight"]
            self.tie_graph.add_edge(s, t, weight=max(tie, w))
            total = self.sum_graph.get_edge_data(s, t, {"weight": 0.0})["weight"]
            self.sum_graph.add_edge(s, t, weight=total + w)

    def relationships_of(self, msl_id: str) -> dict[str, float]:
        return {r["hcpId"]: float(r["strength"]) for r in self.relationships if r["mslId"] == msl_id}


def read_rows(folder: str, name: str) -> list[dict]:
    file = os.path.join(folder, name)
    if not os.path.exists(file):
        return []
    with open(file, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def load(folder: str) -> Network:
    return Network(
        hcps=read_rows(folder, "hcps.csv"),
        links=read_rows(folder, "hcp_links.csv"),
        msls=read_rows(folder, "msls.csv"),
        relationships=read_rows(folder, "msl_relationships.csv"),
        territories=read_rows(folder, "territories.csv"),
    )


# ---- one function per operation -----------------------------------------------------------


def pagerank(net: Network) -> dict[str, float]:
    # A tolerance far below networkx's default so the answer is the converged value. nx.pagerank
    # needs numpy and scipy; networkx's pure-Python version of the same iteration does without.
    try:
        import scipy  # noqa: F401

        run = nx.pagerank
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python as run
    return run(net.pagerank_graph, alpha=0.85, weight="weight", tol=1e-12, max_iter=1000)


def betweenness(net: Network) -> dict[str, float]:
    return nx.betweenness_centrality(net.simple_graph, normalized=True)


def degree(net: Network) -> dict[str, int]:
    return dict(net.simple_graph.degree())


def louvain_modularity(net: Network, seeds: int = 8) -> float:
    """The best modularity networkx Louvain reaches over `seeds` seeds: a floor for `communities`."""
    best = -1.0
    for seed in range(seeds):
        parts = nx.community.louvain_communities(net.sum_graph, weight="weight", seed=seed)
        best = max(best, nx.community.modularity(net.sum_graph, parts, weight="weight"))
    return best


def introduction_paths(net: Network, fromMslId: str, toHcpId: str, maxHops: int = 4, first: int = 3) -> list[dict]:
    """Simple paths MSL -> relationship -> HCP ties (either direction), least cost first."""
    g = net.tie_graph.copy()
    for hcp, strength in net.relationships_of(fromMslId).items():
        g.add_edge(fromMslId, hcp, weight=strength)
    if toHcpId not in g or fromMslId not in g:
        return []
    paths = []
    for nodes in nx.all_simple_paths(g, fromMslId, toHcpId, cutoff=maxHops):
        cost = sum(-math.log(g[a][b]["weight"]) for a, b in zip(nodes, nodes[1:]))
        paths.append({"nodes": nodes, "hops": len(nodes) - 1, "cost": cost, "strength": math.exp(-cost)})
    paths.sort(key=lambda p: (p["cost"], p["hops"], p["nodes"]))
    return paths[:first]


def network_reach(net: Network, fromId: str, maxHops: int = 2) -> dict:
    """HCPs at unweighted distance 1..maxHops; from an MSL the first hop is its relationships."""
    g = net.simple_graph
    if fromId in g:
        distances = nx.single_source_shortest_path_length(g, fromId, cutoff=maxHops)
        distances.pop(fromId)
    else:
        distances = {}
        for hcp in net.relationships_of(fromId):
            for other, d in nx.single_source_shortest_path_length(g, hcp, cutoff=maxHops - 1).items():
                distances[other] = min(distances.get(other, maxHops), d + 1)
    by_hop = [{"hops": h, "count": sum(1 for d in distances.values() if d == h)} for h in range(1, maxHops + 1)]
    return {"total": sum(b["count"] for b in by_hop), "byHop": by_hop}


def coverage_gaps(net: Network, territoryId: str, first: int = 10, scores: dict | None = None) -> list[str]:
    """HCPs of the territory without any MSL relationship, by PageRank descending, then id."""
    scores = scores or pagerank(net)
    covered = {r["hcpId"] for r in net.relationships}
    gaps = [h["id"] for h in net.hcps if h["territoryId"] == territoryId and h["id"] not in covered]
    return sorted(gaps, key=lambda i: (-scores[i], i))[:first]


def similar_hcps(net: Network, hcpId: str) -> list[dict]:
    """Every HCP b != a sharing a tied HCP: networkx Jaccard, score descending then id, with |N(a) & N(b)|."""
    g = net.simple_graph
    candidates = sorted({b for u in g[hcpId] for b in g[u] if b != hcpId})
    rows = [
        {"id": b, "score": score, "shared": len(set(g[hcpId]) & set(g[b]))}
        for _, b, score in nx.jaccard_coefficient(g, [(hcpId, b) for b in candidates])
    ]
    return sorted(rows, key=lambda r: (-r["score"], r["id"]))


# ---- which questions each operation answers in expected.json ------------------------------


def recompute(net: Network, previous: dict) -> dict:
    out = {k: v for k, v in previous.items() if k in ("source", "seed", "hcps", "links")}
    ranks = pagerank(net)
    out["pagerank"] = ranks
    out["betweenness"] = betweenness(net)
    out["degree"] = degree(net)
    out["louvainModularity"] = louvain_modularity(net)
    if net.msls:
        questions = previous.get("introductionPaths") or [
            {"fromMslId": m["id"], "toHcpId": net.hcps[0]["id"], "maxHops": 4, "first": 3} for m in net.msls
        ]
        out["introductionPaths"] = [
            {**args, "paths": introduction_paths(net, **args)}
            for args in ({k: q[k] for k in ("fromMslId", "toHcpId", "maxHops", "first")} for q in questions)
        ]
        questions = previous.get("networkReach") or [{"fromId": net.msls[0]["id"], "maxHops": 2}]
        out["networkReach"] = [
            {**args, **network_reach(net, **args)}
            for args in ({k: q[k] for k in ("fromId", "maxHops")} for q in questions)
        ]
    # Lookalikes of every 10th HCP by id (every HCP of a network under 100).
    ids = sorted(h["id"] for h in net.hcps)
    asked = previous.get("similarHcps") or {a: None for a in ids[:: 1 if len(ids) < 100 else 10]}
    out["similarHcps"] = {a: similar_hcps(net, a) for a in asked}
    if net.territories:
        out["coverageGaps"] = {t["id"]: coverage_gaps(net, t["id"], scores=ranks) for t in net.territories}
    return out


# ---- comparison ---------------------------------------------------------------------------

# Absolute tolerances. Louvain is a floor: the API must reach at least the stored value.
TOLERANCES = {"score": 1e-6, "cost": 1e-9, "jaccard": 1e-9}


def compare(stored: dict, fresh: dict) -> list[str]:
    problems: list[str] = []
    for key in ("pagerank", "betweenness", "degree"):
        for hcp, value in stored[key].items():
            if abs(fresh[key][hcp] - value) > TOLERANCES["score"]:
                problems.append(f"{key}[{hcp}]: stored {value}, recomputed {fresh[key][hcp]}")
        if set(stored[key]) != set(fresh[key]):
            problems.append(f"{key}: different HCP ids")
    if abs(stored["louvainModularity"] - fresh["louvainModularity"]) > TOLERANCES["score"]:
        problems.append(f"louvainModularity: stored {stored['louvainModularity']}, recomputed {fresh['louvainModularity']}")
    for old, new in zip(stored.get("introductionPaths", []), fresh.get("introductionPaths", [])):
        where = f"introductionPaths {old['fromMslId']} -> {old['toHcpId']}"
        if len(old["paths"]) != len(new["paths"]):
            problems.append(f"{where}: {len(old['paths'])} paths stored, {len(new['paths'])} recomputed")
        for a, b in zip(old["paths"], new["paths"]):
            if abs(a["cost"] - b["cost"]) > TOLERANCES["cost"] or abs(a["strength"] - b["strength"]) > TOLERANCES["cost"]:
                problems.append(f"{where}: cost {a['cost']} vs {b['cost']}")
            elif a["nodes"] != b["nodes"] and not _equal_cost_swap(a, new["paths"]):
                problems.append(f"{where}: path {a['nodes']} vs {b['nodes']}")
    for old, new in zip(stored.get("networkReach", []), fresh.get("networkReach", [])):
        if (old["total"], old["byHop"]) != (new["total"], new["byHop"]):
            problems.append(f"networkReach {old['fromId']} maxHops {old['maxHops']}: {old['byHop']} vs {new['byHop']}")
    for hcp, rows in stored.get("similarHcps", {}).items():
        new = fresh["similarHcps"].get(hcp, [])
        same = [(r["id"], r["shared"]) for r in rows] == [(r["id"], r["shared"]) for r in new]
        if not same or any(abs(a["score"] - b["score"]) > TOLERANCES["jaccard"] for a, b in zip(rows, new)):
            problems.append(f"similarHcps {hcp}: stored and recomputed lists differ")
    for territory, ids in stored.get("coverageGaps", {}).items():
        if fresh["coverageGaps"].get(territory) != ids:
            problems.append(f"coverageGaps {territory}: {ids} vs {fresh['coverageGaps'].get(territory)}")
    return problems


def _equal_cost_swap(path: dict, candidates: list[dict]) -> bool:
    """Where two paths' costs differ by less than the tolerance, either order is right."""
    return any(c["nodes"] == path["nodes"] and abs(c["cost"] - path["cost"]) <= TOLERANCES["cost"] for c in candidates)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", help="an import folder holding expected.json (e.g. test/fixtures/karate)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="compare with expected.json; exit 1 on any difference")
    mode.add_argument("--write", action="store_true", help="overwrite expected.json")
    args = parser.parse_args()

    expected_file = os.path.join(args.folder, "expected.json")
    previous = json.load(open(expected_file)) if os.path.exists(expected_file) else {}
    fresh = recompute(load(args.folder), previous)
    if args.check:
        problems = compare(previous, fresh)
        for p in problems:
            print(p)
        print(f"{args.folder}: {'OK' if not problems else f'{len(problems)} differences'} (networkx {nx.__version__})")
        return 1 if problems else 0
    text = json.dumps(fresh, indent=2, sort_keys=True) + "\n"
    if args.write:
        with open(expected_file, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
