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
 * same operations in the same order on every run and thread: each step's sums are formed in two
 * fixed halves (PowerSteps), so a second thread can take one (pagerank-team.ts) without changing a
 * bit of the result. A run from `start` (a restart after
 * an edit) also extrapolates: every three steps it replaces the iterate by the quadratic
 * extrapolation of the last four (Kamvar et al., "Extrapolation methods for accelerating
 * PageRank computations", 2003), which removes the slowest error components the steps leave; on
 * the 100k-HCP network a restart then takes ~40% fewer steps (bench/live-pagerank.ts). The
 * stopping rule above is unchanged and only ever tested on a plain step, so the bound holds.
 * Deterministic too: the same graph and start give the same vector bit for bit.
 */
import { WeightedGraph, entryCount, nodeCount } from './csr';

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

export function pageRank(graph: WeightedGraph, options: PageRankOptions = {}, team: Team = ONE_THREAD): Float64Array {
  const { alpha = 0.85, tolerance = 1e-10, maxIterations = 1000 } = options;
  const n = nodeCount(graph);
  const start = validStart(n, options.start);
  const steps = new PowerSteps(graph, team.memory(PowerSteps.memoryLength(n)));
  steps.begin(alpha, start);
  const recent = start ? new Iterates(start) : undefined;
  team.begin(steps);
  try {
    for (let iteration = 0; iteration < maxIterations; iteration++) {
      steps.prepare();
      team.run(steps, PUSH);
      team.run(steps, COMBINE);
      const change = steps.finish();
      if (change < tolerance) break;
      recent?.add(steps.rank);
    }
  } finally {
    team.end();
  }
  return steps.rank.slice();
}

/** The two phases of a step; each runs as two halves, which two threads may share. */
export const PUSH = 0;
export const COMBINE = 1;
export type Phase = typeof PUSH | typeof COMBINE;

/**
 * Who runs the halves of each phase. The arithmetic is the same whoever runs them (each half
 * writes only its own entries), so a vector is the same bit for bit on one thread or two.
 */
export interface Team {
  /** Memory for the steps' vectors: shared memory when another thread works on them. */
  memory(length: number): Float64Array;
  /** Called before the first step of `steps`, and `end` after the last. */
  begin(steps: PowerSteps): void;
  /** Runs both halves of `phase` of the current step; returns once both are done. */
  run(steps: PowerSteps, phase: Phase): void;
  end(): void;
}

/** The calling thread alone: both halves, one after the other. */
const ONE_THREAD: Team = {
  memory: (length) => new Float64Array(length),
  begin: () => undefined,
  run: (steps, phase) => {
    steps.half(phase, 0);
    steps.half(phase, 1);
  },
  end: () => undefined,
};

/**
 * The power steps' state, all in one Float64Array (so another thread can view the same memory
 * with `new PowerSteps(graph, memory)`): the two vectors (rank and next, swapping each step), the
 * two halves' pushed sums, the out-weights, then the scalars.
 *
 * A step: next = (base + low) + high, where base = (alpha·dangling + 1 − alpha)/n, and low and
 * high are what the sources below and from the split node push (alpha·rank[v]/outWeight[v] times
 * each edge weight), each added in source order. PUSH computes low (half 0) and high (half 1);
 * COMBINE adds them up, half 0 the nodes below n/2, half 1 the rest, each with its part of the L1
 * change, and clears the sums for the next step.
 */
export class PowerSteps {
  readonly n: number;
  /** First source of the second half of PUSH: half the entries on each side. */
  readonly split: number;
  private readonly scalars: Float64Array;

  static memoryLength(n: number): number {
    return 5 * n + SCALARS;
  }

  constructor(
    readonly graph: WeightedGraph,
    readonly memory: Float64Array,
  ) {
    const n = nodeCount(graph);
    this.n = n;
    this.scalars = memory.subarray(5 * n);
    const entries = entryCount(graph);
    let split = 0;
    for (let half = 0; split < n && 2 * half < entries; split++) half += graph.ends[split] - graph.offsets[split];
    this.split = split;
  }

  private vector(index: number): Float64Array {
    return this.memory.subarray(index * this.n, (index + 1) * this.n);
  }

  get rank(): Float64Array {
    return this.vector(this.scalars[RANK_INDEX]);
  }

  /** Out-weights, the damping factor and the first vector (`start`, or uniform): before the first step. */
  begin(alpha: number, start: Float64Array | undefined): void {
    this.vector(4).set(outWeights(this.graph));
    this.scalars[ALPHA] = alpha;
    this.scalars[RANK_INDEX] = 0;
    if (start) this.vector(0).set(start);
    else this.vector(0).fill(1 / this.n);
  }

  /** The dangling nodes' rank, summed in node order, into the step's base value. */
  prepare(): void {
    const rank = this.rank;
    const outWeight = this.vector(4);
    let dangling = 0;
    for (let v = 0; v < this.n; v++) if (outWeight[v] === 0) dangling += rank[v];
    const alpha = this.scalars[ALPHA];
    this.scalars[BASE] = (alpha * dangling + 1 - alpha) / this.n;
  }

  /** One half of a phase (see the class comment); touches only that half's entries. */
  half(phase: Phase, half: 0 | 1): void {
    if (phase === PUSH) this.push(half);
    else this.combine(half);
  }

  /** The step's L1 change; next becomes rank. */
  finish(): number {
    this.scalars[RANK_INDEX] = 1 - this.scalars[RANK_INDEX];
    return this.scalars[CHANGE] + this.scalars[CHANGE + 1];
  }

  private push(half: 0 | 1): void {
    const { offsets, ends, targets, weights } = this.graph;
    const rank = this.rank;
    const outWeight = this.vector(4);
    const sums = this.vector(2 + half);
    const alpha = this.scalars[ALPHA];
    const end = half === 0 ? this.split : this.n;
    for (let v = half === 0 ? 0 : this.split; v < end; v++) {
      if (outWeight[v] === 0) continue;
      const share = (alpha * rank[v]) / outWeight[v];
      for (let e = offsets[v]; e < ends[v]; e++) sums[targets[e]] += share * weights[e];
    }
  }

  private combine(half: 0 | 1): void {
    const rank = this.rank;
    const next = this.vector(1 - this.scalars[RANK_INDEX]);
    const [low, high] = [this.vector(2), this.vector(3)];
    const base = this.scalars[BASE];
    const middle = this.n >> 1;
    const end = half === 0 ? middle : this.n;
    let change = 0;
    for (let v = half === 0 ? 0 : middle; v < end; v++) {
      const x = base + low[v] + high[v];
      low[v] = 0;
      high[v] = 0;
      change += Math.abs(rank[v] - x);
      next[v] = x;
    }
    this.scalars[CHANGE + half] = change;
  }
}

/** Where the scalars sit after the vectors: which vector is rank (0 or 1), alpha, the step's base value, the halves' L1 changes. */
const [RANK_INDEX, ALPHA, BASE, CHANGE] = [0, 1, 2, 3];
const SCALARS = 5;

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
    for (let e = graph.offsets[v]; e < graph.ends[v]; e++) sum += graph.weights[e];
    out[v] = sum;
  }
  return out;
}
