/**
 * PageRank as networkx `pagerank(G, alpha=0.85, weight="weight")` defines it: uniform
 * teleport, each node's rank split over its out-edges in proportion to their weights
 * (self-loops included), dangling nodes' rank spread evenly over all nodes.
 *
 * Contract: returns the score of every node by index, summing to 1 (empty graph: empty
 * array). networkx stops once the L1 change is below n·1e-6, which leaves per-node
 * errors of a few 1e-6; the oracle is the converged vector, so we iterate until the L1
 * change is below `tolerance` (default 1e-10, i.e. per-node error well under 1e-9).
 *
 * What is guaranteed: the vector returned is one power step G(x) of some x with
 * ‖G(x) − x‖₁ < tolerance. G is a contraction of factor alpha in L1, so the returned vector is
 * within alpha/(1 − alpha)·tolerance (5.7e-10 at the defaults) of the fixed point in L1, however
 * x was reached. A cold run (no `start`) is the plain power iteration from the uniform vector, the
 * same operations in the same order on every run and thread. A run from `start` (a restart after
 * an edit) also extrapolates: every three steps it replaces the iterate by the quadratic
 * extrapolation of the last four (Kamvar et al., "Extrapolation methods for accelerating
 * PageRank computations", 2003), which removes the slowest error components the steps leave; on
 * the 100k-HCP network a restart then takes ~40% fewer steps (bench/live-pagerank.ts). The
 * stopping rule above is unchanged and only ever tested on a plain step, so the bound holds.
 * Deterministic too: the same graph and start give the same vector bit for bit.
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
  const start = validStart(n, options.start);
  let rank: Float64Array = start ?? new Float64Array(n).fill(1 / n);
  let next: Float64Array = new Float64Array(n);
  const outWeight = outWeights(graph);
  const recent = start ? new Iterates(start) : undefined;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    step(graph, outWeight, alpha, rank, next);
    const change = l1Distance(rank, next);
    [rank, next] = [next, rank];
    if (change < tolerance) break;
    recent?.add(rank);
  }
  return rank;
}

/** The iterates since the start or the last extrapolation, oldest first, in four buffers reused throughout. */
class Iterates {
  private buffers: Float64Array[];
  private count = 1;

  constructor(first: Float64Array) {
    this.buffers = [Float64Array.from(first), ...[1, 2, 3].map(() => new Float64Array(first.length))];
  }

  /** Records `rank`; once there are four, replaces `rank` by their extrapolation, or drops the oldest when there is none. */
  add(rank: Float64Array): void {
    this.buffers[this.count++].set(rank);
    if (this.count < 4) return;
    const extrapolated = quadraticExtrapolation(this.buffers, rank);
    // The oldest buffer served as scratch space: it is free either way.
    this.buffers.push(this.buffers.shift()!);
    if (extrapolated) {
      this.buffers[0].set(rank);
      this.count = 1;
    } else this.count = 3;
  }
}

/**
 * Kamvar et al.'s quadratic extrapolation of four successive iterates x0..x3 (oldest first),
 * written into `into`: taking the iterates as the fixed point plus two slowly decaying
 * eigen-components, the combination of x1..x3 that cancels both (their polynomial fitted by
 * least squares to the differences), scaled to sum 1. Returns false, leaving `into` alone, when
 * the fit is degenerate or the result has a negative entry (then the steps go on as they are).
 * x0 is overwritten (scratch space) either way.
 */
function quadraticExtrapolation([x0, x1, x2, x3]: Float64Array[], into: Float64Array): boolean {
  const n = into.length;
  // Least squares: y1·g1 + y2·g2 ≈ −y3 with yk = xk − x0 (2x2 normal equations).
  let a11 = 0;
  let a12 = 0;
  let a22 = 0;
  let b1 = 0;
  let b2 = 0;
  for (let v = 0; v < n; v++) {
    const y1 = x1[v] - x0[v];
    const y2 = x2[v] - x0[v];
    const y3 = x3[v] - x0[v];
    a11 += y1 * y1;
    a12 += y1 * y2;
    a22 += y2 * y2;
    b1 -= y1 * y3;
    b2 -= y2 * y3;
  }
  const determinant = a11 * a22 - a12 * a12;
  if (!(Math.abs(determinant) > 0)) return false;
  const g1 = (b1 * a22 - b2 * a12) / determinant;
  const g2 = (a11 * b2 - a12 * b1) / determinant;
  const [c1, c2, c3] = [g1 + g2 + 1, g2 + 1, 1];
  let sum = 0;
  for (let v = 0; v < n; v++) {
    const x = c1 * x1[v] + c2 * x2[v] + c3 * x3[v];
    if (!(x >= 0)) return false;
    x0[v] = x;
    sum += x;
  }
  if (!(sum > 0) || !Number.isFinite(sum)) return false;
  for (let v = 0; v < n; v++) into[v] = x0[v] / sum;
  return true;
}

/** `start` scaled to sum 1, or undefined unless it has one finite, non-negative entry per node and a positive sum. */
function validStart(n: number, start: Float64Array | undefined): Float64Array | undefined {
  if (!start || start.length !== n) return undefined;
  let sum = 0;
  for (let v = 0; v < n; v++) {
    if (!(start[v] >= 0) || !Number.isFinite(start[v])) return undefined;
    sum += start[v];
  }
  if (!(sum > 0)) return undefined;
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
