import { WeightedGraph, nodeCount } from '../../src/network/csr';
import { buildNetwork } from '../../src/network/network';
import { outWeights, pageRank } from '../../src/network/pagerank';
import { loadOracle } from './oracle';
import { randomGraph } from './random-graph';

/** What the stopping rule certifies: L1 distance to the fixed point at most alpha/(1 − alpha)·tolerance. */
const BOUND = (0.85 / 0.15) * 1e-10;

function l1(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let v = 0; v < a.length; v++) sum += Math.abs(a[v] - b[v]);
  return sum;
}

/** The fixed point, as close as doubles get: iterated to an L1 change of 1e-15. */
function fixedPoint(graph: WeightedGraph): Float64Array {
  return pageRank(graph, { tolerance: 1e-15, maxIterations: 10_000 });
}

/**
 * The plain power iteration, written out: what a cold run must give bit for bit. Each step adds
 * what the sources push in two halves (below the node where half the entries are passed, and the
 * rest), each half in source order, then next = (base + low) + high.
 */
function plainPowerIteration(graph: WeightedGraph): Float64Array {
  const n = nodeCount(graph);
  const out = outWeights(graph);
  const entries = graph.offsets[n] - graph.offsets[0];
  let split = 0;
  while (split < n && 2 * (graph.offsets[split] - graph.offsets[0]) < entries) split++;
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < 1000; iteration++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) if (out[v] === 0) dangling += rank[v];
    const base = (0.85 * dangling + 1 - 0.85) / n;
    const halves = [new Float64Array(n), new Float64Array(n)];
    for (let v = 0; v < n; v++) {
      if (out[v] === 0) continue;
      const share = (0.85 * rank[v]) / out[v];
      const sums = halves[v < split ? 0 : 1];
      for (let e = graph.offsets[v]; e < graph.offsets[v + 1]; e++) sums[graph.targets[e]] += share * graph.weights[e];
    }
    for (let v = 0; v < n; v++) next[v] = base + halves[0][v] + halves[1][v];
    const change = l1(rank.subarray(0, n >> 1), next.subarray(0, n >> 1)) + l1(rank.subarray(n >> 1), next.subarray(n >> 1));
    [rank, next] = [next, rank];
    if (change < 1e-10) break;
  }
  return rank;
}

/** The same graph with the first edge of some rows re-weighted: an edit the previous vector is a good start for. */
function edited(graph: WeightedGraph, rows: number[]): WeightedGraph {
  const weights = Float64Array.from(graph.weights);
  for (const v of rows) if (graph.offsets[v + 1] > graph.offsets[v] + 1) weights[graph.offsets[v]] *= 5;
  return { ...graph, weights };
}

describe('pageRank', () => {
  it('cold: the plain power iteration from the uniform vector, bit for bit', () => {
    for (const seed of [1, 2]) {
      const graph = randomGraph(1500, 9000, seed);
      expect(Array.from(pageRank(graph))).toEqual(Array.from(plainPowerIteration(graph)));
    }
  });

  it('restarted after an edit: within the certified bound of the fixed point, the same on every run', () => {
    for (const seed of [3, 4, 5]) {
      const graph = randomGraph(3000, 20000, seed);
      const after = edited(graph, [11, 12, 400]);
      const start = pageRank(graph);
      const restarted = pageRank(after, { start });
      expect(l1(restarted, fixedPoint(after))).toBeLessThan(BOUND);
      expect(l1(restarted, pageRank(after))).toBeLessThan(2 * BOUND);
      expect(Array.from(pageRank(after, { start }))).toEqual(Array.from(restarted));
      expect(restarted.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('restarted after an edit on a network with communities: extrapolation takes fewer steps than the plain restart, to the same bound', () => {
    const graph = buildNetwork(loadOracle('network-400').input).directed;
    const after = edited(graph, [1, 5, 9]);
    const start = pageRank(graph);
    // The plain restart: one step per call (no extrapolation within a single step), same stopping rule.
    let plainSteps = 0;
    let plain = start;
    for (let change = 1; change >= 1e-10; plainSteps++) {
      const next = pageRank(after, { start: plain, maxIterations: 1 });
      change = l1(plain, next);
      plain = next;
    }
    const restarted = pageRank(after, { start });
    let steps = 1;
    while (!pageRank(after, { start, maxIterations: steps }).every((x, v) => x === restarted[v])) steps++;
    expect(steps).toBeLessThan(0.7 * plainSteps);
    expect(l1(restarted, fixedPoint(after))).toBeLessThan(BOUND);
    expect(l1(plain, fixedPoint(after))).toBeLessThan(BOUND);
  });

  it('restarted from a poor start (a perturbed, unnormalized vector): still within the bound', () => {
    const graph = randomGraph(2000, 12000, 6);
    const start = Float64Array.from(fixedPoint(graph), (x, v) => x * (1 + (v % 5) * 0.3) * 7);
    expect(l1(pageRank(graph, { start }), fixedPoint(graph))).toBeLessThan(BOUND);
  });

  it.each(['karate', 'network-400'])('restarted on oracle %s: networkx to 1e-6, and the cold answer to the bound', (name) => {
    const { input, expected } = loadOracle(name);
    const net = buildNetwork(input);
    const cold = pageRank(net.directed);
    const start = Float64Array.from(cold, (x, v) => x * (1 + (v % 3) * 0.05));
    const restarted = pageRank(net.directed, { start });
    net.hcpIds.forEach((id, v) => expect(Math.abs(restarted[v] - expected.pagerank[id])).toBeLessThan(1e-6));
    expect(l1(restarted, cold)).toBeLessThan(2 * BOUND);
  });

  it('a start of the wrong length or with a negative or non-finite entry is ignored: the cold answer', () => {
    const graph = randomGraph(300, 1500, 7);
    const cold = pageRank(graph);
    const invalid = [
      new Float64Array(10),
      Float64Array.from(cold, (x, v) => (v === 3 ? -x : x)),
      Float64Array.from(cold, (x, v) => (v === 3 ? NaN : x)),
    ];
    for (const start of invalid) expect(Array.from(pageRank(graph, { start }))).toEqual(Array.from(cold));
  });
});
