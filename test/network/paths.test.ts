import { buildNetwork, HcpNetwork, NetworkInput, UnknownNodeError } from '../../src/network/network';
import { introductionPaths, IntroductionPath } from '../../src/network/paths';
import { seededRandom } from '../../src/network/random';
import { loadOracle } from './oracle';
import { LINK_TYPES } from '../../src/vocabulary';

describe('introductionPaths on oracle network-400', () => {
  const { input, expected } = loadOracle('network-400');
  const net = buildNetwork(input);
  const cases = expected.introductionPaths ?? [];

  it('has cases, including one without any path', () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.some((c) => c.paths.length === 0)).toBe(true);
  });

  it.each(cases.map((c) => [`${c.fromMslId} -> ${c.toHcpId}`, c] as const))('%s', (_, c) => {
    const paths = introductionPaths(net, c.fromMslId, c.toHcpId, c.maxHops, c.first);
    expect(paths.map((p) => p.nodes)).toEqual(c.paths.map((p) => p.nodes));
    paths.forEach((path, i) => {
      expect(path.hops).toBe(c.paths[i].hops);
      expect(Math.abs(path.cost - c.paths[i].cost)).toBeLessThan(1e-9);
      expect(Math.abs(path.strength - c.paths[i].strength)).toBeLessThan(1e-9);
    });
  });
});

/** Every simple path by exhaustive DFS, sorted by the contract's order: the reference. */
function bruteForce(net: HcpNetwork, mslId: string, target: string, maxHops: number, first: number): IntroductionPath[] {
  const tie = new Map<string, number>();
  for (let v = 0; v < net.hcpIds.length; v++) {
    for (let e = net.ties.offsets[v]; e < net.ties.offsets[v + 1]; e++) tie.set(`${v},${net.ties.targets[e]}`, net.ties.weights[e]);
  }
  const found: IntroductionPath[] = [];
  const walk = (nodes: number[], cost: number): void => {
    const last = nodes[nodes.length - 1];
    if (net.hcpIds[last] === target) {
      found.push({ nodes: [mslId, ...nodes.map((v) => net.hcpIds[v])], hops: nodes.length, cost, strength: Math.exp(-cost) });
      return;
    }
    if (nodes.length === maxHops) return;
    for (let u = 0; u < net.hcpIds.length; u++) {
      const w = tie.get(`${last},${u}`);
      if (w !== undefined && !nodes.includes(u)) walk([...nodes, u], cost - Math.log(w));
    }
  };
  const m = net.mslIndex.get(mslId) as number;
  if (maxHops >= 1) {
    for (let e = net.msl.offsets[m]; e < net.msl.offsets[m + 1]; e++) walk([net.msl.targets[e]], -Math.log(net.msl.weights[e]));
  }
  const order = (a: IntroductionPath, b: IntroductionPath): number => {
    if (Math.abs(a.cost - b.cost) > 1e-12) return a.cost - b.cost;
    if (a.hops !== b.hops) return a.hops - b.hops;
    const i = a.nodes.findIndex((id, k) => id !== b.nodes[k]);
    return i < 0 ? 0 : a.nodes[i] < b.nodes[i] ? -1 : 1;
  };
  return found.sort(order).slice(0, Math.max(0, first));
}

function expectSamePaths(actual: IntroductionPath[], expected: IntroductionPath[]): void {
  expect(actual.map((p) => p.nodes.join(' '))).toEqual(expected.map((p) => p.nodes.join(' ')));
  actual.forEach((path, i) => {
    expect(path.hops).toBe(expected[i].hops);
    expect(Math.abs(path.cost - expected[i].cost)).toBeLessThan(1e-9);
  });
}

/** Small random networks with few distinct weights, so equal costs are common. */
function randomInput(seed: number, n: number, links: number, weights: number[]): NetworkInput {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const hcpIds = Array.from({ length: n }, (_, i) => `h${String(i).padStart(2, '0')}`);
  return {
    hcpIds,
    links: Array.from({ length: links }, () => ({
      source: pick(hcpIds),
      target: pick(hcpIds),
      type: pick(LINK_TYPES),
      weight: pick(weights),
    })),
    relationships: ['m0', 'm1'].flatMap((mslId) =>
      Array.from({ length: 3 }, () => ({ mslId, hcpId: pick(hcpIds), strength: pick(weights) })),
    ),
  };
}

describe('introductionPaths against exhaustive enumeration', () => {
  const scenarios: [string, NetworkInput][] = [
    ['unweighted (every cost 0: hops then ids decide)', randomInput(7, 12, 26, [1])],
    ['two weights (many equal costs)', randomInput(11, 12, 30, [1, 0.5])],
    ['three weights, denser', randomInput(23, 10, 34, [1, 0.5, 0.25])],
    ['continuous weights', randomInput(42, 14, 36, [0.11, 0.23, 0.37, 0.52, 0.68, 0.79, 0.91])],
  ];

  it.each(scenarios)('%s', (_, input) => {
    const net = buildNetwork(input);
    let compared = 0;
    for (const mslId of net.mslIds) {
      for (const target of net.hcpIds) {
        for (const maxHops of [1, 2, 3, 5]) {
          for (const first of [1, 3, 7]) {
            const expected = bruteForce(net, mslId, target, maxHops, first);
            expectSamePaths(introductionPaths(net, mslId, target, maxHops, first), expected);
            compared += expected.length;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('long maxHops (more layers than the graph needs: bounds converge early)', () => {
    const net = buildNetwork(randomInput(5, 9, 16, [1, 0.5, 0.25]));
    for (const target of net.hcpIds) {
      expectSamePaths(introductionPaths(net, 'm0', target, 12, 6), bruteForce(net, 'm0', target, 12, 6));
    }
  });

  it('the karate club with MSLs attached (unweighted, many equal paths)', () => {
    const { input } = loadOracle('karate');
    const relationships = ['hcp-k00', 'hcp-k05', 'hcp-k33', 'hcp-k16'].map((hcpId) => ({ mslId: 'msl', hcpId, strength: 1 }));
    const net = buildNetwork({ ...input, relationships });
    for (const target of net.hcpIds) {
      expectSamePaths(introductionPaths(net, 'msl', target, 4, 5), bruteForce(net, 'msl', target, 4, 5));
    }
  });
});

describe('introductionPaths semantics', () => {
  // m knows a (0.5) and c (0.2); a–b by two links (max 0.8 counts); b -> c referral walkable both ways.
  const net = buildNetwork({
    hcpIds: ['a', 'b', 'c', 'd'],
    links: [
      { source: 'a', target: 'b', type: 'COAUTHOR', weight: 0.4 },
      { source: 'b', target: 'a', type: 'MENTOR', weight: 0.8 },
      { source: 'c', target: 'b', type: 'REFERRAL', weight: 0.9 },
    ],
    relationships: [
      { mslId: 'm', hcpId: 'a', strength: 0.5 },
      { mslId: 'm', hcpId: 'c', strength: 0.2 },
    ],
    mslIds: ['m', 'lonely'],
  });

  it('uses the largest link weight of a pair and walks referrals backwards', () => {
    const [best, second] = introductionPaths(net, 'm', 'c', 4, 3);
    expect(best.nodes).toEqual(['m', 'a', 'b', 'c']);
    expect(best.cost).toBeCloseTo(-Math.log(0.5 * 0.8 * 0.9), 12);
    expect(best.strength).toBeCloseTo(0.5 * 0.8 * 0.9, 12);
    expect(best.hops).toBe(3);
    expect(second.nodes).toEqual(['m', 'c']);
  });

  it('maxHops = 1 keeps only direct relationships', () => {
    expect(introductionPaths(net, 'm', 'c', 1, 3).map((p) => p.nodes)).toEqual([['m', 'c']]);
    expect(introductionPaths(net, 'm', 'b', 1, 3)).toEqual([]);
  });

  it('never revisits a node (the path to b through c and back to a is not simple)', () => {
    expect(introductionPaths(net, 'm', 'b', 5, 10).map((p) => p.nodes)).toEqual([
      ['m', 'a', 'b'],
      ['m', 'c', 'b'],
    ]);
  });

  it('returns [] when unreachable, for an MSL without relationships, or for empty asks', () => {
    expect(introductionPaths(net, 'm', 'd', 4, 3)).toEqual([]);
    expect(introductionPaths(net, 'lonely', 'a', 4, 3)).toEqual([]);
    expect(introductionPaths(net, 'm', 'a', 0, 3)).toEqual([]);
    expect(introductionPaths(net, 'm', 'a', 4, 0)).toEqual([]);
  });

  it('rejects unknown MSL and HCP ids with the id', () => {
    expect(() => introductionPaths(net, 'nobody', 'a', 4, 3)).toThrow(UnknownNodeError);
    expect(() => introductionPaths(net, 'm', 'nobody', 4, 3)).toThrow(expect.objectContaining({ id: 'nobody' }));
    expect(() => introductionPaths(net, 'a', 'b', 4, 3)).toThrow(UnknownNodeError);
  });
});
