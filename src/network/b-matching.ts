/**
 * Maximum-weight b-matching on a bipartite graph, solved exactly as a minimum-cost flow by
 * successive shortest paths: source → left l (capacity `capacity`), left l → right r (capacity 1,
 * cost −weight[l][r], only where the weight is positive), right r → sink (capacity 1). Each step
 * sends one unit along the cheapest source → sink path of the residual graph (it may move earlier
 * units: a backward edge undoes a pair); the steps stop when the cheapest path no longer improves
 * the total, so pairs of no value are never made just to use capacity.
 *
 * Contract (tests compare it with brute force):
 * - each right to at most one left, each left at most `capacity` rights, only pairs of positive
 *   weight; the total Σ weight is the largest possible;
 * - ties: among matchings whose totals are equal (within TOLERANCE × the largest weight), the one
 *   with the least Σ key(l, r) over its pairs, key(l, r) = l × rightCount + r: lower lefts first,
 *   then lower rights, and no pair whose removal leaves the total as it is. Callers order lefts
 *   and rights by their preference. Remaining ties (equal totals and equal key sums) go to the
 *   search order, which is fixed: the same input always gives the same answer.
 *
 * Why successive shortest paths with Bellman-Ford (queue-based): costs are pairs (−weight, key)
 * compared lexicographically, which Bellman-Ford handles directly (no potentials to keep exact), and
 * the graphs are small (the callers cap rights at a few hundred). Each step: O(V·E) at worst, a few
 * passes over the E edges in practice; at most min(rights, lefts × capacity) steps.
 * Why our own: the npm min-cost-flow packages are single-maintainer, cost numbers only (no
 * lexicographic tie-break), and Hungarian-method packages need a square matrix (one column per
 * unit of capacity) and assign every row, zero-value pairs included.
 */

/** Totals closer than this fraction of the largest weight count as equal. */
export const TOLERANCE = 1e-9;

export interface BMatching {
  /** Per right, its left, or -1 when unmatched. */
  leftOf: Int32Array;
  /** Σ weight over the pairs. */
  total: number;
}

/**
 * `weights[l][r]`: the value of pairing left l with right r (0, negative or not finite: never
 * paired). `rightCount` rights, every left of capacity `capacity` (0 matches nothing).
 */
export function maxWeightBMatching(weights: readonly ArrayLike<number>[], rightCount: number, capacity: number): BMatching {
  const lefts = weights.length;
  const leftOf = new Int32Array(rightCount).fill(-1);
  let largest = 0;
  for (const row of weights) for (let r = 0; r < rightCount; r++) if (usable(row[r]) && row[r] > largest) largest = row[r];
  if (capacity < 1 || largest === 0) return { leftOf, total: 0 };

  const flow = new FlowGraph(lefts + rightCount + 2, largest * TOLERANCE);
  const source = 0;
  const sink = lefts + rightCount + 1;
  const pairEdges: { edge: number; l: number; r: number }[] = [];
  for (let l = 0; l < lefts; l++) {
    flow.add(source, 1 + l, capacity, 0, 0);
    for (let r = 0; r < rightCount; r++) {
      const w = weights[l][r];
      if (usable(w)) pairEdges.push({ edge: flow.add(1 + l, 1 + lefts + r, 1, -w, l * rightCount + r), l, r });
    }
  }
  for (let r = 0; r < rightCount; r++) flow.add(1 + lefts + r, sink, 1, 0, 0);

  while (flow.augment(source, sink));

  let total = 0;
  for (const { edge, l, r } of pairEdges) {
    if (flow.capacity[edge] > 0) continue;
    leftOf[r] = l;
    total += weights[l][r];
  }
  return { leftOf, total };
}

function usable(w: number): boolean {
  return Number.isFinite(w) && w > 0;
}

/** A residual graph with unit-growing flows and (value, key) costs; edge e's reverse is e ^ 1. */
class FlowGraph {
  private readonly head: Int32Array;
  private readonly to: number[] = [];
  private readonly next: number[] = [];
  readonly capacity: number[] = [];
  private readonly value: number[] = [];
  private readonly key: number[] = [];

  constructor(
    private readonly nodes: number,
    private readonly tolerance: number,
  ) {
    this.head = new Int32Array(nodes).fill(-1);
  }

  /** Adds u → v and its reverse; returns the forward edge. */
  add(u: number, v: number, capacity: number, value: number, key: number): number {
    const e = this.to.length;
    this.push(u, v, capacity, value, key);
    this.push(v, u, 0, -value, -key);
    return e;
  }

  private push(u: number, v: number, capacity: number, value: number, key: number): void {
    this.to.push(v);
    this.next.push(this.head[u]);
    this.head[u] = this.to.length - 1;
    this.capacity.push(capacity);
    this.value.push(value);
    this.key.push(key);
  }

  /** (a) strictly before (b): value lower beyond the tolerance, else key lower. */
  private before(av: number, ak: number, bv: number, bk: number): boolean {
    if (av < bv - this.tolerance) return true;
    if (av > bv + this.tolerance) return false;
    return ak < bk;
  }

  /**
   * Sends one unit along the cheapest source → sink path when that path lowers the cost (raises
   * the total, or keeps it and lowers the key sum); false when no such path exists.
   */
  augment(source: number, sink: number): boolean {
    const n = this.nodes;
    const distValue = new Float64Array(n).fill(Infinity);
    const distKey = new Float64Array(n).fill(Infinity);
    const via = new Int32Array(n).fill(-1);
    const queued = new Uint8Array(n);
    const visits = new Int32Array(n);
    distValue[source] = 0;
    distKey[source] = 0;
    const queue = [source];
    queued[source] = 1;
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i];
      queued[u] = 0;
      // A node relaxed n times means a cycle of negative cost, which the exact algorithm never has;
      // only rounding inside the tolerance could make one: stop relaxing it.
      if (++visits[u] > n) continue;
      for (let e = this.head[u]; e >= 0; e = this.next[e]) {
        if (this.capacity[e] <= 0) continue;
        const v = this.to[e];
        const value = distValue[u] + this.value[e];
        const key = distKey[u] + this.key[e];
        if (distValue[v] !== Infinity && !this.before(value, key, distValue[v], distKey[v])) continue;
        distValue[v] = value;
        distKey[v] = key;
        via[v] = e;
        if (!queued[v]) {
          queued[v] = 1;
          queue.push(v);
        }
      }
    }
    if (distValue[sink] === Infinity || !this.before(distValue[sink], distKey[sink], 0, 0)) return false;
    const path: number[] = [];
    for (let v = sink; v !== source; v = this.to[via[v] ^ 1]) {
      // Same guard as above: a parent chain that loops is no path.
      if (path.length > n) return false;
      path.push(via[v]);
    }
    for (const e of path) {
      this.capacity[e] -= 1;
      this.capacity[e ^ 1] += 1;
    }
    return true;
  }
}
