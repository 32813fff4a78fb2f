/**
 * Compressed sparse row (CSR) graphs and the linear-time builder behind them.
 *
 * Contract: `groupPairs` takes a list of half-edges (from, to) and
 * returns one CSR row per node whose targets are strictly ascending, each target
 * standing for every half-edge of that (from, to) pair. The caller merges the pair's
 * attributes (max, sum, bit-or…) from `runs`, so one sort serves every weighting.
 * Two stable counting sorts (by `to`, then by `from`) do it in O(n + edges): no
 * comparison sort, which keeps 1M links well under a second.
 */

/** Adjacency lists: the neighbours of node v are targets[offsets[v] .. offsets[v + 1]). */
export interface Adjacency {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

/** Adjacency with one weight per entry (parallel to `targets`). */
export interface WeightedGraph extends Adjacency {
  readonly weights: Float64Array;
}

/** Half-edges grouped by (from, to): see the module contract. */
export interface GroupedPairs extends Adjacency {
  /** Half-edge ids sorted by (from, to). */
  readonly order: Int32Array;
  /** Pair p owns order[runs[p] .. runs[p + 1]). */
  readonly runs: Int32Array;
}

export function nodeCount(graph: Adjacency): number {
  return graph.offsets.length - 1;
}

/**
 * Groups the first `count` half-edges (the arrays may be longer scratch buffers).
 * Rows are 0..n-1; targets are 0..columns-1 (another node set, e.g. MSL → HCP).
 */
export function groupPairs(n: number, from: Int32Array, to: Int32Array, count: number, columns = n): GroupedPairs {
  const identity = new Int32Array(count);
  for (let e = 0; e < count; e++) identity[e] = e;
  // Stable sort by `to` first, then by `from`: rows come out with ascending targets.
  const order = countingSort(n, from, countingSort(columns, to, identity));
  return collapseRuns(n, from, to, order);
}

/** Stable counting sort of the half-edge ids in `input` by key[id]. */
function countingSort(n: number, key: Int32Array, input: Int32Array): Int32Array {
  const next = new Int32Array(n + 1);
  for (let i = 0; i < input.length; i++) next[key[input[i]] + 1]++;
  for (let v = 0; v < n; v++) next[v + 1] += next[v];
  const output = new Int32Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const e = input[i];
    output[next[key[e]]++] = e;
  }
  return output;
}

function collapseRuns(n: number, from: Int32Array, to: Int32Array, order: Int32Array): GroupedPairs {
  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(order.length);
  const runs = new Int32Array(order.length + 1);
  let pairs = 0;
  for (let i = 0; i < order.length; i++) {
    const e = order[i];
    const isNewPair = i === 0 || from[e] !== from[order[i - 1]] || to[e] !== to[order[i - 1]];
    if (!isNewPair) continue;
    targets[pairs] = to[e];
    runs[pairs] = i;
    offsets[from[e] + 1]++;
    pairs++;
  }
  runs[pairs] = order.length;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  return { offsets, targets: targets.slice(0, pairs), order, runs: runs.slice(0, pairs + 1) };
}

/** Index of `target` in the (ascending) row of `node`, or -1: O(log degree). */
export function findEdge(graph: Adjacency, node: number, target: number): number {
  let lo = graph.offsets[node];
  let hi = graph.offsets[node + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = graph.targets[mid];
    if (t === target) return mid;
    if (t < target) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
