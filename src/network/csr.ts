/**
 * Compressed sparse row (CSR) graphs and the linear-time builder behind them.
 *
 * Contract: `groupHalfEdges` takes half-edges (from, to, weight, tag) and returns them
 * sorted by (from, to), stably, with one CSR row per `from` whose targets are strictly
 * ascending; each target stands for the run of half-edges of that (from, to) pair, whose
 * weights and tags the caller merges (max, sum, bit-or…), so one sort serves every
 * weighting. Two stable counting sorts (by `to`, then by `from`) that move the records
 * themselves, not indices, keep every later pass sequential: O(n + edges), no
 * comparison sort, 1M links in a few hundred milliseconds.
 */

/**
 * Adjacency lists: the neighbours of node v are targets[offsets[v] .. ends[v]). A graph as built
 * is contiguous (ends = offsets.subarray(1), the same memory); after an edit its rows may have
 * moved (rows.ts), so `targets` can hold unused entries between rows and past the last: read a
 * row through offsets/ends only, count entries with entryCount.
 */
export interface Adjacency {
  /** Row starts; length n + 1 (the last entry is only meaningful while contiguous). */
  readonly offsets: Int32Array;
  /** Row ends (exclusive); length n. */
  readonly ends: Int32Array;
  readonly targets: Int32Array;
}

/** Adjacency with one weight per entry (parallel to `targets`). */
export interface WeightedGraph extends Adjacency {
  readonly weights: Float64Array;
}

/** Half-edges as parallel arrays; only the first `count` entries are used. */
export interface HalfEdges {
  from: Int32Array;
  to: Int32Array;
  weight: Float64Array;
  /** A caller-defined byte per half-edge (e.g. link type bits). */
  tag: Uint8Array;
  count: number;
}

/** Half-edges sorted by (from, to) and grouped into pairs: see the module contract. */
export interface GroupedPairs extends Adjacency {
  /** The half-edges, sorted. */
  readonly sorted: HalfEdges;
  /** Pair p (the p-th entry of `targets`) owns sorted entries runs[p] .. runs[p + 1]. */
  readonly runs: Int32Array;
}

export function nodeCount(graph: Adjacency): number {
  return graph.offsets.length - 1;
}

/** Entries in the rows (fewer than targets.length once rows have moved). */
export function entryCount(graph: Adjacency): number {
  const { offsets, ends } = graph;
  let count = 0;
  for (let v = 0; v < ends.length; v++) count += ends[v] - offsets[v];
  return count;
}

/** An Int32Array in a SharedArrayBuffer of its own: worker threads read it without a copy (threads.ts share()). */
export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * length));
}

export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(8 * length));
}

/** A contiguous graph from CSR offsets (length n + 1). */
export function contiguous<T extends object>(offsets: Int32Array, targets: Int32Array, rest: T): Adjacency & T {
  return { offsets, ends: offsets.subarray(1), targets, ...rest };
}

export function allocateHalfEdges(capacity: number): HalfEdges {
  return {
    from: new Int32Array(capacity),
    to: new Int32Array(capacity),
    weight: new Float64Array(capacity),
    tag: new Uint8Array(capacity),
    count: 0,
  };
}

export function addHalfEdge(edges: HalfEdges, from: number, to: number, weight: number, tag = 0): void {
  const i = edges.count++;
  edges.from[i] = from;
  edges.to[i] = to;
  edges.weight[i] = weight;
  edges.tag[i] = tag;
}

/** Rows are 0..n-1; targets are 0..columns-1 (another node set, e.g. MSL → HCP). */
export function groupHalfEdges(n: number, edges: HalfEdges, columns = n): GroupedPairs {
  // Stable sort by `to` first, then by `from`: rows come out with ascending targets.
  const sorted = countingSort(n, countingSort(columns, edges, 'to'), 'from');
  return collapseRuns(n, sorted);
}

/** Stable counting sort of the records by one endpoint, whose values are 0..keys-1. */
function countingSort(keys: number, input: HalfEdges, endpoint: 'from' | 'to'): HalfEdges {
  const keyOf = input[endpoint];
  const next = new Int32Array(keys + 1);
  for (let i = 0; i < input.count; i++) next[keyOf[i] + 1]++;
  for (let k = 0; k < keys; k++) next[k + 1] += next[k];
  const output = allocateHalfEdges(input.count);
  output.count = input.count;
  for (let i = 0; i < input.count; i++) {
    const j = next[keyOf[i]]++;
    output.from[j] = input.from[i];
    output.to[j] = input.to[i];
    output.weight[j] = input.weight[i];
    output.tag[j] = input.tag[i];
  }
  return output;
}

function collapseRuns(n: number, sorted: HalfEdges): GroupedPairs {
  const { from, to, count } = sorted;
  const offsets = sharedInt32(n + 1);
  const targets = new Int32Array(count);
  const runs = new Int32Array(count + 1);
  let pairs = 0;
  for (let i = 0; i < count; i++) {
    if (i > 0 && from[i] === from[i - 1] && to[i] === to[i - 1]) continue;
    targets[pairs] = to[i];
    runs[pairs] = i;
    offsets[from[i] + 1]++;
    pairs++;
  }
  runs[pairs] = count;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const kept = sharedInt32(pairs);
  kept.set(targets.subarray(0, pairs));
  return { ...contiguous(offsets, kept, {}), sorted, runs: runs.slice(0, pairs + 1) };
}

/** The grouped pairs as a weighted graph, each pair's weight the sum of its run. */
export function sumPairs(pairs: GroupedPairs): WeightedGraph {
  const weights = sharedFloat64(pairs.targets.length);
  for (let p = 0; p < weights.length; p++) {
    let sum = 0;
    for (let i = pairs.runs[p]; i < pairs.runs[p + 1]; i++) sum += pairs.sorted.weight[i];
    weights[p] = sum;
  }
  return { offsets: pairs.offsets, ends: pairs.ends, targets: pairs.targets, weights };
}

/** Index of `target` in the (ascending) row of `node`, or -1: O(log degree). */
export function findEdge(graph: Adjacency, node: number, target: number): number {
  let lo = graph.offsets[node];
  let hi = graph.ends[node] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = graph.targets[mid];
    if (t === target) return mid;
    if (t < target) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
