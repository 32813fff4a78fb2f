import { buildNetwork, NetworkInput } from '../../src/network/network';
import { louvain } from '../../src/network/louvain';
import { modularity } from '../../src/network/modularity';
import { loadOracle } from './oracle';

/** Community ids must be 0..k-1 in order of each community's smallest member index. */
function expectNumberedBySmallestMember(membership: Int32Array): void {
  let next = 0;
  for (const c of membership) {
    expect(c).toBeLessThanOrEqual(next);
    if (c === next) next++;
  }
}

describe.each(['karate', 'network-400'])('louvain on oracle %s', (name) => {
  const { input, expected } = loadOracle(name);
  const net = buildNetwork(input);
  const result = louvain(net.pairSums);

  it('reaches at least the modularity of networkx Louvain', () => {
    expect(result.modularity).toBeGreaterThanOrEqual(expected.louvainModularity - 1e-12);
  });

  it('reports the modularity of the partition it returns', () => {
    expect(result.membership).toHaveLength(net.hcpIds.length);
    expect(Math.abs(modularity(net.pairSums, result.membership) - result.modularity)).toBeLessThan(1e-12);
  });

  it('numbers communities by their smallest member and is deterministic', () => {
    expectNumberedBySmallestMember(result.membership);
    expect(louvain(net.pairSums)).toEqual(result);
  });

  it('still beats the floor with a single run of another seed', () => {
    expect(louvain(net.pairSums, { seed: 99, runs: 1 }).modularity).toBeGreaterThanOrEqual(expected.louvainModularity - 1e-12);
  });
});

// Two weighted triangles joined by a weak tie, plus an isolated node g.
const twoTriangles: NetworkInput = {
  hcpIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
  links: [
    { source: 'a', target: 'b', type: 'COAUTHOR', weight: 1 },
    { source: 'b', target: 'a', type: 'REFERRAL', weight: 0.5 },
    { source: 'b', target: 'c', type: 'COLLEAGUE', weight: 0.5 },
    { source: 'a', target: 'c', type: 'MENTOR', weight: 1 },
    { source: 'c', target: 'd', type: 'REFERRAL', weight: 0.25 },
    { source: 'd', target: 'e', type: 'COAUTHOR', weight: 1 },
    { source: 'e', target: 'f', type: 'CO_INVESTIGATOR', weight: 0.75 },
    { source: 'f', target: 'd', type: 'COLLEAGUE', weight: 1 },
  ],
  relationships: [],
};

describe('modularity', () => {
  const net = buildNetwork(twoTriangles);

  it('matches networkx on the summed pair weights (a-b counts 1 + 0.5)', () => {
    expect(modularity(net.pairSums, Int32Array.from([0, 0, 0, 1, 1, 1, 2]))).toBeCloseTo(0.4574652777777778, 12);
    expect(modularity(net.pairSums, new Int32Array(7))).toBeCloseTo(0, 12);
  });

  it('is 0 for a graph without edges', () => {
    expect(modularity(buildNetwork({ hcpIds: ['a', 'b'], links: [], relationships: [] }).pairSums, Int32Array.from([0, 1]))).toBe(0);
  });
});

describe('louvain semantics', () => {
  it('splits two triangles and leaves the isolated node alone', () => {
    const result = louvain(buildNetwork(twoTriangles).pairSums);
    expect(Array.from(result.membership)).toEqual([0, 0, 0, 1, 1, 1, 2]);
    expect(result.modularity).toBeCloseTo(0.4574652777777778, 12);
  });

  it('handles the empty graph, a single node and a graph without edges', () => {
    expect(louvain(buildNetwork({ hcpIds: [], links: [], relationships: [] }).pairSums)).toEqual({
      membership: new Int32Array(0),
      modularity: 0,
    });
    expect(louvain(buildNetwork({ hcpIds: ['x'], links: [], relationships: [] }).pairSums)).toEqual({
      membership: Int32Array.from([0]),
      modularity: 0,
    });
    const noEdges = louvain(buildNetwork({ hcpIds: ['x', 'y', 'z'], links: [], relationships: [] }).pairSums);
    expect(Array.from(noEdges.membership)).toEqual([0, 1, 2]);
  });
});
