import fs from 'node:fs';
import path from 'node:path';
import { bestIntroducers, handoverPlan, keyPersonRisk, territoryCoverage } from '../../src/network/continuity';
import { NetworkInput, buildNetwork } from '../../src/network/network';
import { pageRank } from '../../src/network/pagerank';
import { IntroductionPath, introductionPaths } from '../../src/network/paths';
import { seededRandom } from '../../src/network/random';
import { rankOrder } from '../../src/network/rank-order';
import { NETWORK_400 } from '../support/fixtures';
import { csvRows } from '../support/network400';
import { PlanningExpected, expectSamePath } from '../support/planning-expected';
import { LINK_TYPES } from '../../src/vocabulary';

const FIXTURE = NETWORK_400;

describe('planning operations on network-400 against networkx (scripts/oracle/recompute.py)', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'expected.json'), 'utf8')) as PlanningExpected;
  const hcps = csvRows('hcps.csv', FIXTURE);
  const net = buildNetwork({
    hcpIds: hcps.map((row) => row.id),
    links: csvRows('hcp_links.csv', FIXTURE).map((row) => ({
      source: row.sourceId,
      target: row.targetId,
      type: row.type as (typeof LINK_TYPES)[number],
      weight: Number(row.weight),
    })),
    relationships: csvRows('msl_relationships.csv', FIXTURE).map((row) => ({
      mslId: row.mslId,
      hcpId: row.hcpId,
      strength: Number(row.strength),
    })),
    mslIds: csvRows('msls.csv', FIXTURE).map((row) => row.id),
  });
  const territoryOf = new Map(hcps.map((row) => [row.id, row.territoryId]));
  const inTerritory = (territoryId: string | null) => (v: number) => territoryId === null || territoryOf.get(net.hcpIds[v]) === territoryId;
  const covers = new Map(csvRows('msls.csv', FIXTURE).map((row) => [row.id, row.territoryId]));
  const pagerank = pageRank(net.directed);
  const order = rankOrder(pagerank);
  const ranks = new Int32Array(order.length);
  order.forEach((v, i) => (ranks[v] = i + 1));
  const strengths = net.msl.weights;

  it.each(
    expected.bestIntroducers.map(
      (q) => [`${q.toHcpId} in ${q.territoryId ?? 'any territory'}, maxHops ${q.maxHops}, first ${q.first}`, q] as const,
    ),
  )('bestIntroducers %s', (_, q) => {
    const include = (m: number) => q.territoryId === null || covers.get(net.mslIds[m]) === q.territoryId;
    const found = bestIntroducers(net, q.toHcpId, q.maxHops, q.first, strengths, include);
    expect(found.map((i) => i.mslId)).toEqual(q.introducers.map((i) => i.mslId));
    found.forEach((introducer, i) => expectSamePath(introducer.path, q.introducers[i].path));
  });

  it.each(expected.keyPersonRisk.map((q) => [`${q.territoryId ?? 'all territories'}, first ${q.first}`, q] as const))(
    'keyPersonRisk %s',
    (_, q) => {
      const found = keyPersonRisk(net, order, strengths, q.first, inTerritory(q.territoryId));
      expect(found.map((r) => [r.hcpId, r.mslId, r.strength])).toEqual(q.risks.map((r) => [r.hcpId, r.mslId, r.strength]));
      found.forEach((r, i) => expect(Math.abs(pagerank[r.hcp] - q.risks[i].influence)).toBeLessThan(1e-9));
    },
  );

  it.each(expected.handoverPlan.map((q) => [`${q.mslId} within ${q.maxHops} hops`, q] as const))('handoverPlan %s', (_, q) => {
    const plan = handoverPlan(net, q.mslId, ranks, q.maxHops, strengths);
    expect(plan.map((row) => [row.hcpId, row.successorId, row.existingStrength])).toEqual(
      q.plan.map((row) => [row.hcpId, row.successorId, row.existingStrength]),
    );
    plan.forEach((row, i) => {
      const want = q.plan[i].path;
      if (want === null) expect(row.path).toBeNull();
      else expectSamePath(row.path as IntroductionPath, want);
    });
  });

  it.each(Object.entries(expected.territoryCoverage))('territoryCoverage %s', (territoryId, want) => {
    const got = territoryCoverage(net, pagerank, inTerritory(territoryId));
    expect([got.hcps, got.covered]).toEqual([want.hcps, want.covered]);
    expect(Math.abs(got.influenceShare - want.influenceShare)).toBeLessThan(1e-9);
  });
});

/** Small random networks with few distinct weights (many equal costs) and several MSLs. */
function randomInput(seed: number, weights: number[]): NetworkInput {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const hcpIds = Array.from({ length: 14 }, (_, i) => `h${String(i).padStart(2, '0')}`);
  const mslIds = ['m0', 'm1', 'm2', 'm3', 'm4'];
  return {
    hcpIds,
    mslIds,
    links: Array.from({ length: 30 }, () => ({
      source: pick(hcpIds),
      target: pick(hcpIds),
      type: pick(LINK_TYPES),
      weight: pick(weights),
    })),
    relationships: mslIds
      .slice(0, 4)
      .flatMap((mslId) => Array.from({ length: 2 }, () => ({ mslId, hcpId: pick(hcpIds), strength: pick(weights) }))),
  };
}

describe('bestIntroducers is the first introductionPath of each MSL, ranked', () => {
  it.each([
    ['unweighted', 3, [1]],
    ['two weights', 5, [1, 0.5]],
    ['continuous weights', 8, [0.11, 0.23, 0.37, 0.52, 0.68, 0.79, 0.91]],
  ] as const)('%s', (_, seed, weights) => {
    const net = buildNetwork(randomInput(seed, [...weights]));
    for (const target of net.hcpIds) {
      for (const maxHops of [1, 2, 4, 6]) {
        const reference = net.mslIds
          .map((mslId) => ({ mslId, path: introductionPaths(net, mslId, target, maxHops, 1)[0] }))
          .filter((i) => i.path !== undefined)
          .sort((a, b) =>
            Math.abs(a.path.cost - b.path.cost) > 1e-12
              ? a.path.cost - b.path.cost
              : a.path.hops - b.path.hops || (a.mslId < b.mslId ? -1 : 1),
          );
        expect(bestIntroducers(net, target, maxHops, 10, net.msl.weights)).toEqual(reference);
        expect(bestIntroducers(net, target, maxHops, 2, net.msl.weights)).toEqual(reference.slice(0, 2));
      }
    }
  });
});

describe('planning semantics', () => {
  // m1 and m2 know b equally (0.6); only m1 knows a; c is reached from m3 via d; e is an island.
  const net = buildNetwork({
    hcpIds: ['a', 'b', 'c', 'd', 'e'],
    links: [
      { source: 'a', target: 'b', type: 'COLLEAGUE', weight: 0.5 },
      { source: 'd', target: 'c', type: 'REFERRAL', weight: 0.9 },
    ],
    relationships: [
      { mslId: 'm1', hcpId: 'a', strength: 0.9 },
      { mslId: 'm1', hcpId: 'b', strength: 0.6 },
      { mslId: 'm1', hcpId: 'c', strength: 0.3 },
      { mslId: 'm1', hcpId: 'e', strength: 0.3 },
      { mslId: 'm2', hcpId: 'b', strength: 0.6 },
      { mslId: 'm3', hcpId: 'd', strength: 0.5 },
    ],
    mslIds: ['m1', 'm2', 'm3', 'm4'],
  });
  const ranks = Int32Array.from([1, 2, 3, 4, 5]);

  it('hands over to the strongest colleague (ties: MSL id), else the best path, else nobody', () => {
    const plan = handoverPlan(net, 'm1', ranks, 4, net.msl.weights);
    expect(plan.map((r) => [r.hcpId, r.successorId, r.existingStrength, r.path?.nodes ?? null])).toEqual([
      ['a', 'm2', null, ['m2', 'b', 'a']],
      ['b', 'm2', 0.6, null],
      ['c', 'm3', null, ['m3', 'd', 'c']],
      ['e', null, null, null],
    ]);
  });

  it('uses the strengths it is given (the strengths of the moment)', () => {
    const weaker = Float64Array.from(net.msl.weights);
    weaker[net.msl.offsets[1]] = 0.05; // m2 -> b
    expect(handoverPlan(net, 'm1', ranks, 4, weaker)[1]).toMatchObject({ successorId: 'm2', existingStrength: 0.05 });
    const strengthOf = (s: ArrayLike<number>) =>
      bestIntroducers(net, 'a', 4, 5, s).map((i) => [i.mslId, Number(i.path.strength.toFixed(6))]);
    expect(strengthOf(net.msl.weights)).toEqual([
      ['m1', 0.9],
      ['m2', 0.3],
    ]);
    expect(strengthOf(weaker)).toEqual([
      ['m1', 0.9],
      ['m2', 0.025],
    ]);
  });

  it('key-person risk lists HCPs known by exactly one MSL; coverage counts those known by any', () => {
    expect(keyPersonRisk(net, [4, 3, 2, 1, 0], net.msl.weights, 10).map((r) => [r.hcpId, r.mslId])).toEqual([
      ['e', 'm1'],
      ['d', 'm3'],
      ['c', 'm1'],
      ['a', 'm1'],
    ]);
    const scores = [0.1, 0.2, 0.3, 0.15, 0.25];
    expect(territoryCoverage(net, scores, (v) => v < 4)).toEqual({ hcps: 4, covered: 4, influenceShare: 1 });
    expect(territoryCoverage(net, scores, () => false)).toEqual({ hcps: 0, covered: 0, influenceShare: 0 });
  });
});
