#!/usr/bin/env python3
"""Expected answers of the planning operations (bestIntroducers, keyPersonRisk, handoverPlan,
territoryCoverage) on an import folder, computed independently with networkx from the CSV files
and the semantics of docs/planning.md.

    python3 scripts/oracle/planning.py test/fixtures/network-400 > test/fixtures/network-400/planning-expected.json

Relationship strengths are the imported ones: a relationship no interaction was logged for
through the API has exactly its imported strength at any moment (docs/engagement.md).
"""
import csv
import json
import math
import os
import sys

import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

SYMMETRIC = {"COAUTHOR", "CO_INVESTIGATOR", "COLLEAGUE", "MENTOR"}


def rows(folder, name):
    with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def load(folder):
    hcps = rows(folder, "hcps.csv")
    ids = {h["id"] for h in hcps}
    ties = nx.Graph()
    ties.add_nodes_from(ids)
    directed = nx.DiGraph()
    directed.add_nodes_from(ids)
    for link in rows(folder, "hcp_links.csv"):
        s, t, w = link["sourceId"], link["targetId"], float(link["weight"])
        if s not in ids or t not in ids:
            continue
        if s != t:
            # Tie weight: the largest weight of the pair's links.
            ties.add_edge(s, t, weight=max(w, ties[s][t]["weight"]) if ties.has_edge(s, t) else w)
        pairs = [(s, t)] if link["type"] == "REFERRAL" or s == t else [(s, t), (t, s)]
        for a, b in pairs:
            directed.add_edge(a, b, weight=directed[a][b]["weight"] + w if directed.has_edge(a, b) else w)
    # networkx.pagerank without numpy installed: its pure-Python implementation, converged tightly.
    pagerank = _pagerank_python(directed, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000)
    strength = {}
    for r in rows(folder, "msl_relationships.csv"):
        key = (r["mslId"], r["hcpId"])
        strength[key] = max(float(r["strength"]), strength.get(key, 0.0))
    msls = rows(folder, "msls.csv")
    covers = {m["id"]: {t for t in m["territoryId"].split(";") if t} for m in msls}
    territory = {h["id"]: h["territoryId"] or None for h in hcps}
    return {
        "ties": ties,
        "pagerank": pagerank,
        "strength": strength,
        "msls": sorted(m["id"] for m in msls),
        "covers": covers,
        "territory": territory,
        "territories": sorted(t["id"] for t in rows(folder, "territories.csv")),
    }


def best_path(net, msl, target, max_hops):
    """The first introduction path: least Σ −ln(weight), then fewer hops, then node ids."""
    best = None
    for (m, h), s in net["strength"].items():
        if m != msl:
            continue
        first_cost = -math.log(s)
        suffixes = [[h]] if h == target else nx.all_simple_paths(net["ties"], h, target, cutoff=max_hops - 1)
        for suffix in suffixes:
            cost = first_cost + sum(-math.log(net["ties"][a][b]["weight"]) for a, b in zip(suffix, suffix[1:]))
            path = {"nodes": [msl] + list(suffix), "hops": len(suffix), "cost": cost, "strength": math.exp(-cost)}
            if best is None or key(path) < key(best):
                best = path
    return best


def key(path):
    return (round(path["cost"], 12), path["hops"], path["nodes"])


def by_pagerank(net, ids):
    return sorted(ids, key=lambda h: (-net["pagerank"][h], h))


def best_introducers(net, target, territory, max_hops, first):
    found = []
    for msl in net["msls"]:
        if territory is not None and territory not in net["covers"][msl]:
            continue
        path = best_path(net, msl, target, max_hops)
        if path:
            found.append({"mslId": msl, "path": path})
    found.sort(key=lambda i: (round(i["path"]["cost"], 12), i["path"]["hops"], i["mslId"]))
    return found[:first]


def known_by(net, hcp):
    return sorted(m for (m, h) in net["strength"] if h == hcp)


def key_person_risk(net, territory, first):
    out = []
    for hcp in by_pagerank(net, net["pagerank"]):
        msls = known_by(net, hcp)
        if len(msls) != 1 or (territory is not None and net["territory"][hcp] != territory):
            continue
        out.append({"hcpId": hcp, "mslId": msls[0], "strength": net["strength"][(msls[0], hcp)], "influence": net["pagerank"][hcp]})
    return out[:first]


def handover_plan(net, leaving, max_hops):
    plan = []
    for hcp in by_pagerank(net, [h for (m, h) in net["strength"] if m == leaving]):
        others = [m for m in known_by(net, hcp) if m != leaving]
        if others:
            successor = min(others, key=lambda m: (-net["strength"][(m, hcp)], m))
            plan.append({"hcpId": hcp, "successorId": successor, "existingStrength": net["strength"][(successor, hcp)], "path": None})
            continue
        candidates = [(m, best_path(net, m, hcp, max_hops)) for m in net["msls"] if m != leaving]
        candidates = [(m, p) for m, p in candidates if p]
        if not candidates:
            plan.append({"hcpId": hcp, "successorId": None, "existingStrength": None, "path": None})
            continue
        m, p = min(candidates, key=lambda c: (round(c[1]["cost"], 12), c[1]["hops"], c[0]))
        plan.append({"hcpId": hcp, "successorId": m, "existingStrength": None, "path": p})
    return plan


def territory_coverage(net, territory):
    members = [h for h, t in net["territory"].items() if t == territory]
    covered = [h for h in members if known_by(net, h)]
    total = sum(net["pagerank"][h] for h in members)
    share = sum(net["pagerank"][h] for h in covered) / total if total > 0 else 0.0
    return {"hcps": len(members), "covered": len(covered), "influenceShare": share}


def main(folder):
    net = load(folder)
    ranked = by_pagerank(net, net["pagerank"])
    known = {h for (_, h) in net["strength"]}
    # Targets: the most influential HCPs, the most influential nobody knows, a few others.
    targets = ranked[:3] + [h for h in ranked if h not in known][:3] + ranked[100:400:60]
    introducers = []
    for i, target in enumerate(targets):
        territory = net["territory"][target] if i % 2 == 1 else None
        for max_hops, first in [(4, 5), (2, 20), (6, 3)] if i < 2 else [(4, 5), (3, 12)]:
            introducers.append({"toHcpId": target, "territoryId": territory, "maxHops": max_hops, "first": first,
                                "introducers": best_introducers(net, target, territory, max_hops, first)})
    expected = {
        "bestIntroducers": introducers,
        "keyPersonRisk": [{"territoryId": None, "first": 20, "risks": key_person_risk(net, None, 20)},
                          {"territoryId": None, "first": 1000, "risks": key_person_risk(net, None, 1000)}]
        + [{"territoryId": t, "first": 20, "risks": key_person_risk(net, t, 20)} for t in net["territories"]],
        "handoverPlan": [{"mslId": m, "maxHops": h, "plan": handover_plan(net, m, h)} for m in net["msls"] for h in (4, 2)],
        "territoryCoverage": {t: territory_coverage(net, t) for t in net["territories"]},
    }
    json.dump(expected, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
