/**
 * Influence over time: the scientific network as of each year, and who rose in it.
 *
 * Contract (docs/analytics.md "Rising stars" has the user-facing version):
 * - A *work* is a publication with a `year` (its authors) or a trial with a `startYear` (its
 *   investigators); works without a year are left out of the history.
 * - The scientific network as of year Y has every HCP as a node and, for each pair of HCPs, the
 *   weight Σ 1/(k − 1) over the works dated ≤ Y that both took part in, k being the number of
 *   distinct HCPs of that work (Newman's collaboration weight: each participant's ties from one
 *   work add up to 1, so a 40-author paper does not weigh 20 times a 3-author one).
 *   Undirected: PageRank (pagerank.ts, damping 0.85) sees each pair both ways.
 * - Percentile (0..100): mid-rank over all HCPs, PageRanks within a relative 1e-9 of the lowest
 *   of their group counting as equal (so float noise never orders structurally equal HCPs).
 * - Growth from year F to year T: percentile(T) − percentile(F), in percentile points.
 * Years are memoised by the works they include, so years without new works share one network.
 */
import { WeightedGraph, addHalfEdge, allocateHalfEdges, groupHalfEdges, sumPairs } from './csr';
import { pageRank } from './pagerank';

export type WorkKind = 'PUBLICATION' | 'TRIAL';

export interface Work {
  kind: WorkKind;
  year: number;
  /** Distinct node indices of its authors or investigators. */
  members: readonly number[];
}

export interface YearNetwork {
  graph: WeightedGraph;
  pagerank: Float64Array;
  /** 0..100 per node. */
  percentile: Float64Array;
}

/** Relative tolerance under which two PageRanks count as equal for percentiles. */
const EQUAL_RELATIVE = 1e-9;

export class ScienceHistory {
  /** Works by ascending year. */
  readonly works: readonly Work[];
  /** Per node: indices into `works` it took part in, ascending. */
  readonly worksOf: readonly number[][];
  private readonly years = new Map<number, YearNetwork>();

  constructor(
    readonly size: number,
    works: readonly Work[],
  ) {
    this.works = [...works].sort((a, b) => a.year - b.year);
    this.worksOf = Array.from({ length: size }, () => [] as number[]);
    this.works.forEach((work, w) => work.members.forEach((v) => this.worksOf[v].push(w)));
  }

  /** The first and last year any work is dated, or null without works. */
  span(): { first: number; last: number } | null {
    return this.works.length ? { first: this.works[0].year, last: this.works[this.works.length - 1].year } : null;
  }

  /** The scientific network as of year Y (works dated ≤ Y), its PageRank and percentiles. */
  asOf(year: number): YearNetwork {
    const count = this.worksUpTo(year);
    let network = this.years.get(count);
    if (!network) {
      const graph = collaborationGraph(this.size, this.works.slice(0, count));
      const pagerank = pageRank(graph);
      network = { graph, pagerank, percentile: tiedPercentiles(pagerank) };
      this.years.set(count, network);
    }
    return network;
  }

  /** Works of node v of the given kind dated in (after, upTo]. */
  worksIn(v: number, kind: WorkKind, after: number, upTo: number): number {
    let count = 0;
    for (const w of this.worksOf[v]) {
      const work = this.works[w];
      if (work.kind === kind && work.year > after && work.year <= upTo) count++;
    }
    return count;
  }

  /** Number of works dated ≤ year (works are sorted by year). */
  private worksUpTo(year: number): number {
    let lo = 0;
    let hi = this.works.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.works[mid].year <= year) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Σ 1/(k − 1) per pair over the given works, as an undirected graph (each pair both ways). */
export function collaborationGraph(n: number, works: readonly Work[]): WeightedGraph {
  let halfEdges = 0;
  for (const work of works) halfEdges += work.members.length * (work.members.length - 1);
  const edges = allocateHalfEdges(halfEdges);
  for (const { members } of works) {
    const k = members.length;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) if (i !== j) addHalfEdge(edges, members[i], members[j], 1 / (k - 1));
    }
  }
  return sumPairs(groupHalfEdges(n, edges));
}

/** Mid-rank percentiles (0..100); values within EQUAL_RELATIVE of their group's lowest are equal. */
export function tiedPercentiles(values: Float64Array): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (n === 1) out[0] = 100;
  if (n <= 1) return out;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  for (let start = 0; start < n;) {
    const low = values[order[start]];
    let end = start;
    while (end + 1 < n && values[order[end + 1]] - low <= EQUAL_RELATIVE * Math.abs(low)) end++;
    for (let k = start; k <= end; k++) out[order[k]] = (100 * (start + end)) / 2 / (n - 1);
    start = end + 1;
  }
  return out;
}

/** Neighbours of v in `later` that are not neighbours in `earlier` (rows are sorted). */
export function newTies(earlier: WeightedGraph, later: WeightedGraph, v: number): number {
  let count = 0;
  let e = earlier.offsets[v];
  const end = earlier.ends[v];
  for (let f = later.offsets[v]; f < later.ends[v]; f++) {
    const u = later.targets[f];
    while (e < end && earlier.targets[e] < u) e++;
    if (e >= end || earlier.targets[e] !== u) count++;
  }
  return count;
}

export interface RisingStar {
  index: number;
  growth: number;
  percentileFrom: number;
  percentileTo: number;
  pagerankFrom: number;
  pagerankTo: number;
  publications: number;
  trials: number;
  newTies: number;
}

/**
 * HCPs whose percentile grew from `fromYear` to `toYear` (growth > 0), among those `listed`:
 * by growth descending, then percentile at `toYear` descending, then id; at most `first`.
 */
export function risingStars(
  history: ScienceHistory,
  fromYear: number,
  toYear: number,
  first: number,
  listed: (v: number) => boolean = () => true,
): RisingStar[] {
  const before = history.asOf(fromYear);
  const after = history.asOf(toYear);
  const candidates: number[] = [];
  for (let v = 0; v < history.size; v++) if (listed(v) && after.percentile[v] - before.percentile[v] > 0) candidates.push(v);
  const growth = (v: number) => after.percentile[v] - before.percentile[v];
  candidates.sort((a, b) => growth(b) - growth(a) || after.percentile[b] - after.percentile[a] || a - b);
  return candidates.slice(0, first).map((v) => ({
    index: v,
    growth: growth(v),
    percentileFrom: before.percentile[v],
    percentileTo: after.percentile[v],
    pagerankFrom: before.pagerank[v],
    pagerankTo: after.pagerank[v],
    publications: history.worksIn(v, 'PUBLICATION', fromYear, toYear),
    trials: history.worksIn(v, 'TRIAL', fromYear, toYear),
    newTies: newTies(before.graph, after.graph, v),
  }));
}
