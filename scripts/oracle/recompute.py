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


def best_introducers(net: Network, toHcpId: str, territoryId: str | None = None, maxHops: int = 4, first: int = 5) -> list[dict]:
    """Each MSL's (covering the territory, when given) first introduction path; by cost, hops, MSL id."""
    found = []
    for m in net.msls:
        if territoryId is not None and m["territoryId"] != territoryId:
            continue
        paths = introduction_paths(net, m["id"], toHcpId, maxHops, 1)
        if paths:
            found.append({"mslId": m["id"], "path": paths[0]})
    found.sort(key=lambda i: (i["path"]["cost"], i["path"]["hops"], i["mslId"]))
    return found[:first]


def _known_by(net: Network, hcp: str) -> dict[str, float]:
    """MSL id -> strength of each relationship with the HCP."""
    return {r["mslId"]: float(r["strength"]) for r in net.relationships if r["hcpId"] == hcp}


def key_person_risk(net: Network, territoryId: str | None = None, first: int = 20, scores: dict | None = None) -> list[dict]:
    """HCPs (of the territory, when given) with exactly one MSL relationship, by PageRank descending, then id."""
    scores = scores or pagerank(net)
    risks = []
    for h in net.hcps:
        known = _known_by(net, h["id"])
        if len(known) == 1 and (territoryId is None or h["territoryId"] == territoryId):
            [(msl, strength)] = known.items()
            risks.append({"hcpId": h["id"], "mslId": msl, "strength": strength, "influence": scores[h["id"]]})
    return sorted(risks, key=lambda r: (-r["influence"], r["hcpId"]))[:first]


def handover_plan(net: Network, mslId: str, maxHops: int = 4, scores: dict | None = None) -> list[dict]:
    """Per HCP the MSL knows (PageRank descending, then id): the colleague who knows it best, else the best path."""
    scores = scores or pagerank(net)
    plan = []
    for hcp in sorted(net.relationships_of(mslId), key=lambda i: (-scores[i], i)):
        others = {m: s for m, s in _known_by(net, hcp).items() if m != mslId}
        row = {"hcpId": hcp, "successorId": None, "existingStrength": None, "path": None}
        if others:
            successor = min(others, key=lambda m: (-others[m], m))
            row.update(successorId=successor, existingStrength=others[successor])
        else:
            candidates = [(m["id"], introduction_paths(net, m["id"], hcp, maxHops, 1)) for m in net.msls if m["id"] != mslId]
            candidates = [(m, paths[0]) for m, paths in candidates if paths]
            if candidates:
                successor, path = min(candidates, key=lambda c: (c[1]["cost"], c[1]["hops"], c[0]))
                row.update(successorId=successor, path=path)
        plan.append(row)
    return plan


def territory_coverage(net: Network, territoryId: str, scores: dict | None = None) -> dict:
    """HCPs of the territory, those with a relationship, and the covered share of their PageRank."""
    scores = scores or pagerank(net)
    members = [h["id"] for h in net.hcps if h["territoryId"] == territoryId]
    covered = {r["hcpId"] for r in net.relationships} & set(members)
    total = sum(scores[h] for h in members)
    return {"hcps": len(members), "covered": len(covered), "influenceShare": sum(scores[h] for h in covered) / total if total > 0 else 0.0}


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
    if net.msls and net.territories:
        _planning(net, previous, out, ranks)
    return out


def _planning(net: Network, previous: dict, out: dict, ranks: dict) -> None:
    """bestIntroducers, keyPersonRisk, handoverPlan, territoryCoverage (docs/planning.md)."""
    by_rank = sorted(ranks, key=lambda i: (-ranks[i], i))
    known = {r["hcpId"] for r in net.relationships}
    territory = {h["id"]: h["territoryId"] or None for h in net.hcps}
    # Default questions: the most influential HCPs, the most influential nobody knows, a spread of others;
    # every other one restricted to its territory; short, default and long hop limits.
    targets = by_rank[:3] + [h for h in by_rank if h not in known][:3] + by_rank[100:400:60]
    defaults = [
        {"toHcpId": h, "territoryId": territory[h] if i % 2 else None, "maxHops": hops, "first": first}
        for i, h in enumerate(targets)
        for hops, first in ([(4, 5), (2, 20), (6, 3)] if i < 2 else [(4, 5), (3, 12)])
    ]
    questions = previous.get("bestIntroducers") or defaults
    out["bestIntroducers"] = [
        {**args, "introducers": best_introducers(net, **args)}
        for args in ({k: q[k] for k in ("toHcpId", "territoryId", "maxHops", "first")} for q in questions)
    ]
    defaults = [{"territoryId": None, "first": 20}, {"territoryId": None, "first": 1000}] + [
        {"territoryId": t["id"], "first": 20} for t in net.territories
    ]
    questions = previous.get("keyPersonRisk") or defaults
    out["keyPersonRisk"] = [
        {**args, "risks": key_person_risk(net, **args, scores=ranks)}
        for args in ({k: q[k] for k in ("territoryId", "first")} for q in questions)
    ]
    questions = previous.get("handoverPlan") or [{"mslId": m["id"], "maxHops": h} for m in net.msls for h in (4, 2)]
    out["handoverPlan"] = [
        {**args, "plan": handover_plan(net, **args, scores=ranks)}
        for args in ({k: q[k] for k in ("mslId", "maxHops")} for q in questions)
    ]
    out["territoryCoverage"] = {t["id"]: territory_coverage(net, t["id"], scores=ranks) for t in net.territories}


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
    problems += _compare_planning(stored, fresh)
    return problems


def _compare_planning(stored: dict, fresh: dict) -> list[str]:
    problems: list[str] = []

    def same_path(a: dict | None, b: dict | None) -> bool:
        if a is None or b is None:
            return a is b
        return a["nodes"] == b["nodes"] and abs(a["cost"] - b["cost"]) <= TOLERANCES["cost"]

    for old, new in zip(stored.get("bestIntroducers", []), fresh.get("bestIntroducers", [])):
        pairs = list(zip(old["introducers"], new["introducers"]))
        if len(old["introducers"]) != len(new["introducers"]) or any(
            a["mslId"] != b["mslId"] and abs(a["path"]["cost"] - b["path"]["cost"]) > TOLERANCES["cost"] or not same_path(a["path"], b["path"]) and a["mslId"] == b["mslId"]
            for a, b in pairs
        ):
            problems.append(f"bestIntroducers {old['toHcpId']} {old['territoryId']} {old['maxHops']}: differ")
    for old, new in zip(stored.get("keyPersonRisk", []), fresh.get("keyPersonRisk", [])):
        key = lambda r: (r["hcpId"], r["mslId"], r["strength"])
        if [key(r) for r in old["risks"]] != [key(r) for r in new["risks"]] or any(
            abs(a["influence"] - b["influence"]) > TOLERANCES["score"] for a, b in zip(old["risks"], new["risks"])
        ):
            problems.append(f"keyPersonRisk {old['territoryId']} {old['first']}: differ")
    for old, new in zip(stored.get("handoverPlan", []), fresh.get("handoverPlan", [])):
        key = lambda r: (r["hcpId"], r["successorId"], r["existingStrength"])
        if [key(r) for r in old["plan"]] != [key(r) for r in new["plan"]] or not all(
            same_path(a["path"], b["path"]) for a, b in zip(old["plan"], new["plan"])
        ):
            problems.append(f"handoverPlan {old['mslId']} {old['maxHops']}: differ")
    for territory, old in stored.get("territoryCoverage", {}).items():
        new = fresh["territoryCoverage"].get(territory)
        if not new or (old["hcps"], old["covered"]) != (new["hcps"], new["covered"]) or abs(old["influenceShare"] - new["influenceShare"]) > TOLERANCES["score"]:
            problems.append(f"territoryCoverage {territory}: {old} vs {new}")
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
