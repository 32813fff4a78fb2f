import { buildNetwork, buildTypedDirectedGraph, degrees, NetworkInput } from '../../src/network/network';
import { pageRank } from '../../src/network/pagerank';
import { accumulateBetweenness, betweenness, normalizeBetweenness } from '../../src/network/betweenness';
import { loadOracle } from './oracle';

const ORACLE_NAMES = ['karate', 'network-400'];

function byId(ids: readonly string[], values: ArrayLike<number>): Record<string, number> {
  return Object.fromEntries(ids.map((id, i) => [id, values[i]]));
}

function expectClose(actual: Record<string, number>, expected: Record<string, number>, tolerance: number): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [id, value] of Object.entries(expected)) {
    if (Math.abs(actual[id] - value) > tolerance) throw new Error(`${id}: ${actual[id]} vs expected ${value}`);
  }
}

describe.each(ORACLE_NAMES)('centrality on oracle %s', (name) => {
  const { input, expected } = loadOracle(name);
  const net = buildNetwork(input);

  it('PageRank matches networkx to 1e-6 and sums to 1', () => {
    const rank = pageRank(net.directed);
    expectClose(byId(net.hcpIds, rank), expected.pagerank, 1e-6);
    expect(rank.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('betweenness matches networkx to 1e-6', () => {
    expectClose(byId(net.hcpIds, betweenness(net.ties)), expected.betweenness, 1e-6);
  });

  it('betweenness over chunks of sources adds up to the whole', () => {
    const raw = new Float64Array(net.hcpIds.length);
    const middle = Math.floor(raw.length / 3);
    accumulateBetweenness(net.ties, middle, raw.length, raw);
    accumulateBetweenness(net.ties, 0, middle, raw);
    const whole = betweenness(net.ties);
    normalizeBetweenness(raw).forEach((value, i) => expect(value).toBeCloseTo(whole[i], 12));
  });

  it('degree matches networkx exactly', () => {
    expect(byId(net.hcpIds, degrees(net))).toEqual(expected.degree);
  });
});

describe('PageRank semantics', () => {
  // Expected values: networkx pagerank(alpha=0.85, weight="weight") converged to 1e-15.
  const input: NetworkInput = {
    hcpIds: ['a', 'b', 'c', 'd', 'e'],
    links: [
      { source: 'a', target: 'b', type: 'REFERRAL', weight: 1 },
      { source: 'b', target: 'c', type: 'REFERRAL', weight: 0.8 },
      { source: 'c', target: 'd', type: 'COAUTHOR', weight: 0.5 },
      { source: 'd', target: 'c', type: 'COLLEAGUE', weight: 0.25 },
      { source: 'd', target: 'a', type: 'REFERRAL', weight: 0.3 },
    ],
    relationships: [],
  };

  it('follows referrals one way, sums parallel links, spreads dangling rank', () => {
    const rank = pageRank(buildNetwork(input).directed);
    const expected = [0.11969726151497599, 0.13788725060098292, 0.3622304493283975, 0.34404046024239054, 0.03614457831325302];
    expected.forEach((value, i) => expect(rank[i]).toBeCloseTo(value, 9));
  });

  it('keeps a self-loop like networkx (the node keeps its own rank)', () => {
    const withLoop = { ...input, links: [...input.links, { source: 'e', target: 'e', type: 'MENTOR' as const, weight: 0.7 }] };
    const rank = pageRank(buildNetwork(withLoop).directed);
    const expected = [0.09934872705743006, 0.11444641799881758, 0.3006512729425701, 0.2855535820011825, 0.2];
    expected.forEach((value, i) => expect(rank[i]).toBeCloseTo(value, 9));
  });

  it('restricts to link types: referral-only PageRank ignores symmetric ties', () => {
    const net = buildNetwork(input);
    const referral = buildTypedDirectedGraph(net, ['REFERRAL']);
    expect(Array.from(referral.targets)).toEqual([1, 2, 0]);
    const rank = pageRank(referral);
    expect(rank.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('handles the empty graph and a single node', () => {
    expect(pageRank(buildNetwork({ hcpIds: [], links: [], relationships: [] }).directed)).toHaveLength(0);
    expect(Array.from(pageRank(buildNetwork({ hcpIds: ['x'], links: [], relationships: [] }).directed))).toEqual([1]);
  });
});

describe('betweenness semantics', () => {
  const chain = (ids: string[]): NetworkInput => ({
    hcpIds: ids,
    links: ids.slice(1).map((id, i) => ({ source: ids[i], target: id, type: 'REFERRAL' as const, weight: 0.1 })),
    relationships: [],
  });

  it('normalizes by (n-1)(n-2) on the undirected simple graph', () => {
    // a-b-c plus isolated d: b lies on the one a–c path; 2 ordered pairs / (3·2).
    const net = buildNetwork({ ...chain(['a', 'b', 'c']), hcpIds: ['a', 'b', 'c', 'd'] });
    expect(Array.from(betweenness(net.ties))).toEqual([0, 2 / 6, 0, 0]);
  });

  it('counts a multi-link pair once and splits over equal shortest paths', () => {
    const net = buildNetwork({
      hcpIds: ['a', 'b', 'c', 'd'],
      links: [
        { source: 'a', target: 'b', type: 'COAUTHOR', weight: 1 },
        { source: 'b', target: 'a', type: 'REFERRAL', weight: 1 },
        { source: 'b', target: 'd', type: 'COAUTHOR', weight: 1 },
        { source: 'a', target: 'c', type: 'COAUTHOR', weight: 1 },
        { source: 'c', target: 'd', type: 'COAUTHOR', weight: 1 },
      ],
      relationships: [],
    });
    // A 4-cycle: each node is on half of the one pair it separates, both orders.
    betweenness(net.ties).forEach((value) => expect(value).toBeCloseTo(1 / 6, 12));
  });

  it('is all zeros for n <= 2', () => {
    expect(Array.from(betweenness(buildNetwork(chain(['a', 'b'])).ties))).toEqual([0, 0]);
    expect(betweenness(buildNetwork(chain([])).ties)).toHaveLength(0);
  });
});
