/**
 * PageRank as networkx `pagerank(G, alpha=0.85, weight="weight")` defines it: uniform
 * teleport, each node's rank split over its out-edges in proportion to their weights
 * (self-loops included), dangling nodes' rank spread evenly over all nodes.
 *
 * Contract: returns the score of every node by index, summing to 1 (empty graph: empty
 * array). networkx stops once the L1 change is below n·1e-6, which leaves per-node
 * errors of a few 1e-6; the oracle is the converged vector, so we iterate until the L1
 * change is below `tolerance` (default 1e-10, i.e. per-node error well under 1e-9).
 */
import { WeightedGraph, nodeCount } from './csr';

export interface PageRankOptions {
  /** Damping factor; default 0.85. */
  alpha?: number;
  /** Stop when the L1 change of one iteration falls below this; default 1e-10. */
  tolerance?: number;
  /** Upper bound on iterations; default 1000 (alpha 0.85 needs ~150). */
  maxIterations?: number;
  /**
   * Where to start instead of the uniform vector, e.g. the scores before a small edit: the
   * iteration converges to the same vector under the same stopping rule, in fewer steps.
   * Scaled to sum to 1; ignored unless it has one finite, non-negative entry per node.
   */
  start?: Float64Array;
}

export function pageRank(graph: WeightedGraph, options: PageRankOptions = {}): Float64Array {
  const { alpha = 0.85, tolerance = 1e-10, maxIterations = 1000 } = options;
  const n = nodeCount(graph);
  let rank: Float64Array = startVector(n, options.start);
  let next: Float64Array = new Float64Array(n);
  const outWeight = outWeights(graph);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    step(graph, outWeight, alpha, rank, next);
    const change = l1Distance(rank, next);
    [rank, next] = [next, rank];
    if (change < tolerance) break;
  }
  return rank;
}

function startVector(n: number, start: Float64Array | undefined): Float64Array {
  const uniform = () => new Float64Array(n).fill(1 / n);
  if (!start || start.length !== n) return uniform();
  let sum = 0;
  for (let v = 0; v < n; v++) {
    if (!(start[v] >= 0) || !Number.isFinite(start[v])) return uniform();
    sum += start[v];
  }
  if (!(sum > 0)) return uniform();
  return Float64Array.from(start, (x) => x / sum);
}

/** Summed out-edge weight of every node (0: dangling). */
export function outWeights(graph: WeightedGraph): Float64Array {
  const n = nodeCount(graph);
  const out = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let sum = 0;
    for (let e = graph.offsets[v]; e < graph.offsets[v + 1]; e++) sum += graph.weights[e];
    out[v] = sum;
  }
  return out;
}

/** One power iteration: next = alpha·(rank·P + dangling/n) + (1 − alpha)/n. */
function step(graph: WeightedGraph, outWeight: Float64Array, alpha: number, rank: Float64Array, next: Float64Array): void {
  const n = rank.length;
  let dangling = 0;
  for (let v = 0; v < n; v++) if (outWeight[v] === 0) dangling += rank[v];
  next.fill((alpha * dangling + 1 - alpha) / n);
  for (let v = 0; v < n; v++) {
    if (outWeight[v] === 0) continue;
    const share = (alpha * rank[v]) / outWeight[v];
    for (let e = graph.offsets[v]; e < graph.offsets[v + 1]; e++) next[graph.targets[e]] += share * graph.weights[e];
  }
}

function l1Distance(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum;
}
