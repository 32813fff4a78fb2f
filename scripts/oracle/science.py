#!/usr/bin/env python3
"""Dated publications and trials for the 400-HCP network, and the expected history answers.

    python3 scripts/oracle/science.py test/fixtures/network-400 test/fixtures/science-400

Writes into the second folder, deterministically (seed 7): publications.csv, authorships.csv,
trials.csv (with startYear), trial_investigators.csv over the HCPs of the first folder, then
expected.json computed with networkx under the semantics of docs/analytics.md ("Rising stars"):
the scientific network as of year Y weighs each pair Σ 1/(k − 1) over the works dated <= Y both
took part in (k = distinct participants); PageRank alpha 0.85 on that undirected graph (networkx
pure-Python pagerank, tol 1e-13); mid-rank percentiles 0..100 with PageRanks within a relative
1e-9 of their group's lowest counted equal; growth = percentile(to) - percentile(from).
"""
import csv
import json
import os
import random
import sys

import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

YEARS = list(range(2005, 2025))


def rows(folder, name):
    with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(folder, name, header, records):
    with open(os.path.join(folder, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(records)


def generate(hcps, out):
    """Seniors publish from 2005 and fade; newcomers start late and grow; most are in between."""
    rng = random.Random(7)
    ids = [h["id"] for h in hcps]
    area = {h["id"]: (h["therapeuticAreaIds"].split(";")[0] or "ta-onc") for h in hcps}
    start = {i: rng.choice(YEARS[:8]) for i in ids}
    stop = {i: 2024 for i in ids}
    for i in rng.sample(ids, 40):
        start[i] = rng.choice(YEARS[12:])  # newcomers
    for i in rng.sample(ids, 40):
        stop[i] = rng.choice(YEARS[6:12])  # seniors who fade
    active = lambda year: [i for i in ids if start[i] <= year <= stop[i]]
    pubs, authors, trials, investigators = [], [], [], []
    for n in range(320):
        year = rng.choice(YEARS)
        team = rng.sample(active(year), rng.randint(2, 6))
        pid = f"pub-s{n:04d}"
        # A few undated publications: left out of the history.
        pubs.append([pid, f"Study {n}", "" if n % 53 == 0 else year, "Journal of Synthetic Results", area[team[0]]])
        authors += [[pid, h, pos + 1] for pos, h in enumerate(team)]
    for n in range(60):
        year = rng.choice(YEARS)
        team = rng.sample(active(year), rng.randint(2, 8))
        tid = f"trial-s{n:03d}"
        trials.append([tid, f"Trial {n}", rng.choice(["II", "III"]), "COMPLETED", area[team[0]], "" if n % 17 == 0 else year])
        investigators += [[tid, h, "PRINCIPAL" if pos == 0 else "SUB"] for pos, h in enumerate(team)]
    write(out, "publications.csv", ["id", "title", "year", "journal", "therapeuticAreaId"], pubs)
    write(out, "authorships.csv", ["publicationId", "hcpId", "position"], authors)
    write(out, "trials.csv", ["id", "title", "phase", "status", "therapeuticAreaId", "startYear"], trials)
    write(out, "trial_investigators.csv", ["trialId", "hcpId", "role"], investigators)


def works(folder):
    """(kind, year, sorted distinct members) of every dated work."""
    members = {}
    for r in rows(folder, "authorships.csv"):
        members.setdefault(("PUBLICATION", r["publicationId"]), set()).add(r["hcpId"])
    for r in rows(folder, "trial_investigators.csv"):
        members.setdefault(("TRIAL", r["trialId"]), set()).add(r["hcpId"])
    out = []
    for r in rows(folder, "publications.csv"):
        if r["year"]:
            out.append(("PUBLICATION", int(r["year"]), sorted(members.get(("PUBLICATION", r["id"]), ()))))
    for r in rows(folder, "trials.csv"):
        if r.get("startYear"):
            out.append(("TRIAL", int(r["startYear"]), sorted(members.get(("TRIAL", r["id"]), ()))))
    return out


def network_as_of(ids, dated, year):
    g = nx.Graph()
    g.add_nodes_from(ids)
    for _, y, team in dated:
        if y > year or len(team) < 2:
            continue
        w = 1 / (len(team) - 1)
        for i, a in enumerate(team):
            for b in team[i + 1:]:
                g.add_edge(a, b, weight=g.get_edge_data(a, b, {"weight": 0.0})["weight"] + w)
    return g


def percentiles(values):
    ids = sorted(values, key=lambda i: values[i])
    n, out, start = len(ids), {}, 0
    while start < n:
        low, end = values[ids[start]], start
        while end + 1 < n and values[ids[end + 1]] - low <= 1e-9 * abs(low):
            end += 1
        for k in range(start, end + 1):
            out[ids[k]] = 100 * (start + end) / 2 / (n - 1)
        start = end + 1
    return out


def main():
    source, out = sys.argv[1], sys.argv[2]
    hcps = rows(source, "hcps.csv")
    if not os.path.exists(os.path.join(out, "publications.csv")):
        generate(hcps, out)
    ids = sorted(h["id"] for h in hcps)
    areas = {h["id"]: set(filter(None, h["therapeuticAreaIds"].split(";"))) for h in hcps}
    dated = works(out)
    years = {}
    for y in (2004, 2010, 2015, 2020, 2024):
        g = network_as_of(ids, dated, y)
        pr = _pagerank_python(g, alpha=0.85, weight="weight", tol=1e-13, max_iter=1000)
        years[y] = {"graph": g, "pagerank": pr, "percentile": percentiles(pr)}

    def count(hcp, kind, after, upto):
        return sum(1 for k, y, team in dated if k == kind and after < y <= upto and hcp in team)

    def rising(frm, to, area=None):
        a, b = years[frm], years[to]
        listed = [i for i in ids if (area is None or area in areas[i]) and b["percentile"][i] - a["percentile"][i] > 0]
        growth = lambda i: b["percentile"][i] - a["percentile"][i]
        listed.sort(key=lambda i: (-growth(i), -b["percentile"][i], i))
        return [
            {
                "id": i,
                "growth": growth(i),
                "percentileFrom": a["percentile"][i],
                "percentileTo": b["percentile"][i],
                "pagerankFrom": a["pagerank"][i],
                "pagerankTo": b["pagerank"][i],
                "publications": count(i, "PUBLICATION", frm, to),
                "trials": count(i, "TRIAL", frm, to),
                "newTies": len(set(b["graph"][i]) - set(a["graph"][i])),
            }
            for i in listed
        ]

    expected = {
        "networkx": nx.__version__,
        "years": {str(y): {"pagerank": v["pagerank"], "percentile": v["percentile"], "ties": dict(v["graph"].degree())} for y, v in years.items()},
        "risingStars": [
            {"fromYear": 2015, "toYear": 2020, "therapeuticAreaId": None, "stars": rising(2015, 2020)},
            {"fromYear": 2010, "toYear": 2024, "therapeuticAreaId": "ta-onc", "stars": rising(2010, 2024, "ta-onc")},
        ],
    }
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
