/**
 * Every score of one NetworkProjection, computed on first use and kept for as long as the
 * projection is current (network.service.ts replaces the snapshot when the data changes).
 *
 * Contract: score arrays are indexed by HCP node index (ids ascending). `order(metric)` lists
 * node indices by descending score, ties by ascending id. Betweenness, the one O(n·m) score, is
 * computed in a fixed pool of worker threads (betweenness-pool.ts), so other requests keep being
 * served meanwhile; when it does not finish within the budget, answers use its estimate so far
 * (`metric()` says which), and become exact when it does.
 */
import { BetweennessJob, BetweennessPool, BetweennessResult, INLINE_BELOW } from './betweenness-pool';
import { Adjacency, WeightedGraph } from './csr';
import { Communities, louvain } from './louvain';
import { buildTypedDirectedGraph, degrees, typeFilter } from './network';
import { LinkType } from '../vocabulary';
import { BridgedCommunity, PageRankParts, bridgedCommunities, danglingRank, explainPageRank, transpose } from './explain';
import { outWeights } from './pagerank';
import { PageRankThread } from './pagerank-thread';
import { rankOrder } from './rank-order';
import { NetworkProjection } from './projection';

export type Metric = 'PAGERANK' | 'BETWEENNESS' | 'DEGREE' | 'COMPOSITE';

/**
 * The COMPOSITE blend: weights of percentile ranks (0..1) of each signal. A signal no HCP has
 * (e.g. no publications imported) is left out and the other weights are scaled up to sum to 1.
 */
export const COMPOSITE_WEIGHTS = {
  pagerank: 0.4,
  betweenness: 0.15,
  publications: 0.15,
  trials: 0.1,
  engagement: 0.2,
} as const;

export interface CompositeSignal {
  signal: 'PAGERANK' | 'BETWEENNESS' | 'PUBLICATIONS' | 'TRIALS' | 'ENGAGEMENT';
  /** Effective weight: COMPOSITE_WEIGHTS rescaled over the signals present; they sum to 1. */
  weight: number;
  values: Float64Array;
  /** Mid-rank percentile (0..1) of each node's value. */
  percentiles: Float64Array;
}

export interface CommunityStructure extends Communities {
  /** Member node indices of each community, ascending; community c has id `c + 1`. */
  members: Int32Array[];
  /** Per node: summed tie weight to HCPs of other communities. */
  externalWeight: Float64Array;
}

/** Scores computed by PageRank, which a changed network can start from (pagerank.ts `start`). */
const PAGERANK_KEYS = ['pagerank', 'scientific', 'referral'] as const;
/**
 * Cached values that read only the HCP graphs (not the attributes, not the MSLs): a change that
 * leaves those graphs as they are keeps them. Anything not listed is recomputed after any change.
 */
const STRUCTURE_KEYS = new Set(
  [
    'pagerank',
    'scientific',
    'referral',
    'graph:scientific',
    'graph:referral',
    'degree',
    'betweenness-job',
    'betweenness-last',
    'communities',
    'pagerankFlows',
  ].concat(...(['PAGERANK', 'BETWEENNESS', 'DEGREE'] as const).map((metric) => `ranks:${metric}`)),
);

/** Cached values that read only which pairs of HCPs are tied (not weights, not link types). */
const TIE_KEYS = ['degree', 'betweenness-job', 'betweenness-last', 'ranks:BETWEENNESS', 'ranks:DEGREE'];

/** What changed between two projections (incremental.ts AppliedChange). */
export interface ProjectionChange {
  /** The HCP graphs changed. */
  structure: boolean;
  /** Old node index -> new (-1: erased) when the HCP ids changed. */
  remap?: Int32Array;
  /** Patches a PageRank graph of some link types of the old network into the new one's. */
  patchTyped?: (graph: WeightedGraph, includeType: (code: number) => boolean) => WeightedGraph;
}

export interface DeriveOptions {
  /**
   * A writer prepares the next network before its commit (network.service.ts prepare): the
   * previous snapshot stays current (its betweenness job runs on), and the new one's PageRanks run
   * on the preparing thread (pagerankPreparing), which the writer waits for.
   */
  preparing?: boolean;
  /**
   * A snapshot whose HCP graphs are the new one's (applyStates took them from it), prepared by a
   * writer: its computed PageRanks, rank orders and typed PageRank graphs are taken instead of
   * restarting them.
   */
  prepared?: NetworkSnapshot;
}

/** The PageRank scores over some link types only, by cache key, and their link types. */
const TYPED_PAGERANKS: Record<'scientific' | 'referral', readonly LinkType[]> = {
  scientific: ['COAUTHOR', 'CO_INVESTIGATOR'],
  referral: ['REFERRAL'],
};
type TypedKey = keyof typeof TYPED_PAGERANKS;

/** How long a betweenness answer waits for the exact result before answering the estimate. */
export const DEFAULT_BETWEENNESS_BUDGET_MS = 10_000;
/**
 * After an edit to the HCP graph, when the previous network's betweenness was not exact within the
 * budget either: how long an answer waits for the new computation before answering its estimate.
 */
export const AFTER_EDIT_WAIT_MS = 300;
/**
 * PageRank is computed to an L1 change below 1e-10: scores closer than this are equal at that
 * accuracy, and ranked by id, so a run warm-started after an edit ranks exact ties like a cold one.
 */
export const PAGERANK_TIE_TOLERANCE = 1e-10;

/** Scores of one metric and how they were obtained (an estimate only where betweenness is sampled). */
export interface MetricScores {
  scores: Float64Array;
  exact: boolean;
  /** Betweenness sources sampled (BETWEENNESS and COMPOSITE when estimated), else null. */
  sampleSize: number | null;
  /** Betweenness error bound (betweenness-pool.ts) when estimated, else null. */
  errorBound: number | null;
}

/** One fixed pool of betweenness threads per process, started on first use. */
let pool: BetweennessPool | undefined;
function betweennessPool(): BetweennessPool {
  pool ??= new BetweennessPool();
  return pool;
}

/** One PageRank thread per process (pagerank-thread.ts), started on first use. */
let pagerankThread: PageRankThread | undefined;
function pagerankOffThread(): PageRankThread {
  pagerankThread ??= new PageRankThread();
  return pagerankThread;
}

/**
 * One PageRank thread per process for writers preparing the next network, started on first use,
 * so that a preparation and a restart a reader waits for do not queue behind each other. At
 * normal priority: at nice 10 reads took the cores first (their p95 under a steady write load
 * fell), but on a saturated machine the preparations fell behind one link edit a second, and each
 * writer held its write slot (db/write-gate.ts) meanwhile, so logged interactions queued for
 * seconds behind them (docs/network.md). Only its helper, the second core's share, runs below
 * normal priority (pagerank-helper.ts).
 */
let preparingThread: PageRankThread | undefined;
function pagerankPreparing(): PageRankThread {
  preparingThread ??= new PageRankThread();
  return preparingThread;
}

/** Score arrays PageRank produced: their rank order treats scores within PAGERANK_TIE_TOLERANCE as ties. */
const PAGERANK_SCORES = new WeakSet<Float64Array>();

/**
 * A PageRank computation, shared by the snapshots that keep it: its scores once known, and the
 * vector it started from (what a later edit restarts from if it comes before the scores).
 */
interface PageRankEntry {
  promise: Promise<Float64Array>;
  start?: Float64Array;
  scores?: Float64Array;
}

export class NetworkSnapshot {
  private cache = new Map<string, unknown>();
  /** Previous PageRank vectors (mapped to this network's node indices) to start from. */
  private warm = new Map<string, Float64Array>();
  /** Their rank orders (same node indices only), which the new order is sorted from. */
  private warmOrders = new Map<string, Int32Array>();
  /** Rank order per scores array (shared by derived snapshots whose scores are the same arrays). */
  private orders = new WeakMap<Float64Array, Int32Array>();
  /** How long a betweenness answer waits for the exact result, from the job's start. */
  private betweennessWaitMs: number;

  constructor(
    readonly projection: NetworkProjection,
    readonly betweennessBudgetMs = DEFAULT_BETWEENNESS_BUDGET_MS,
    /** Where PageRank runs (the process's PageRank thread unless given: tests pass their own). */
    private readonly pagerankThread = pagerankOffThread(),
  ) {
    this.betweennessWaitMs = betweennessBudgetMs;
  }

  /**
   * The snapshot of `projection`, a changed copy of this one's: scores the change cannot affect
   * are shared (an MSL relationship or an interaction leaves PageRank, betweenness and
   * communities as they are), PageRank restarts from the previous vectors.
   */
  derive(projection: NetworkProjection, change: ProjectionChange, options: DeriveOptions = {}): NetworkSnapshot {
    const thread = options.preparing ? pagerankPreparing() : this.pagerankThread;
    const next = new NetworkSnapshot(projection, this.betweennessBudgetMs, thread);
    if (!change.structure) {
      for (const [key, value] of this.cache) if (STRUCTURE_KEYS.has(key)) next.cache.set(key, value);
      next.orders = this.orders;
      next.warm = this.warm;
      next.betweennessWaitMs = this.betweennessWaitMs;
      return next;
    }
    if (sameAdjacency(this.net.ties, projection.net.ties)) {
      // Betweenness and degree read only which pairs are tied: a re-weighted link, or another link
      // type on a tied pair, leaves them exactly as they are.
      for (const key of TIE_KEYS) if (this.cache.has(key)) next.cache.set(key, this.cache.get(key));
      next.betweennessWaitMs = this.betweennessWaitMs;
    } else {
      if (!options.preparing) this.dispose();
      // Exact was out of reach within the budget before the edit: answer the new estimate at once.
      const last = this.cache.get('betweenness-last') as BetweennessResult | undefined;
      if (last && !last.exact) next.betweennessWaitMs = Math.min(AFTER_EDIT_WAIT_MS, this.betweennessBudgetMs);
    }
    for (const key of PAGERANK_KEYS) {
      const entry = this.cache.get(key) as PageRankEntry | undefined;
      const previous = entry?.scores ?? entry?.start ?? this.warm.get(key);
      if (previous) next.warm.set(key, remapScores(previous, change.remap, next.size));
      const order = entry?.scores && this.orders.get(entry.scores);
      if (order && !change.remap) next.warmOrders.set(key, order);
    }
    if (change.patchTyped) this.patchTypedGraphs(next, change.patchTyped, change.remap);
    if (options.prepared) next.adoptPageRanks(options.prepared);
    next.restartPageRanks(this);
    return next;
  }

  /**
   * Computes the PageRanks `previous` had, which derive restarted: a writer preparing the network
   * its commit makes (network.service.ts prepare) waits for them, so the reader after it does not.
   */
  async computePageRanks(previous: NetworkSnapshot): Promise<void> {
    const keys = PAGERANK_KEYS.filter((key) => previous.cache.has(key));
    await Promise.all(keys.map((key) => (key === 'pagerank' ? this.pagerank() : this.typedPagerank(key))));
  }

  /** The PageRanks `prepared` computed, with their rank orders and graphs: its HCP graphs equal this one's (DeriveOptions). */
  private adoptPageRanks(prepared: NetworkSnapshot): void {
    for (const key of PAGERANK_KEYS) {
      const entry = prepared.cache.get(key) as PageRankEntry | undefined;
      const order = entry?.scores && prepared.orders.get(entry.scores);
      if (!entry?.scores || !order) continue;
      const graph = prepared.cache.get(`graph:${key}`);
      if (key !== 'pagerank' && !graph) continue;
      if (graph) this.cache.set(`graph:${key}`, graph);
      this.cache.set(key, entry);
      this.orders.set(entry.scores, order);
      this.warm.delete(key);
    }
  }

  /**
   * Starts on the PageRank thread, at once, each PageRank the previous network had that this one
   * does not share: the first ranking asked after an edit finds it under way, and nothing waits
   * on the event loop. Small graphs (computed inline) stay lazy.
   */
  private restartPageRanks(previous: NetworkSnapshot): void {
    const thread = this.pagerankThread;
    for (const key of PAGERANK_KEYS) {
      if (!previous.cache.has(key) || this.cache.has(key)) continue;
      const graph = key === 'pagerank' ? this.net.directed : (this.cache.get(`graph:${key}`) as WeightedGraph | undefined);
      if (graph && thread.offThread(graph)) void this.ranked(key, () => graph);
    }
  }

  /**
   * The typed PageRank graphs this snapshot built, patched for the next one instead of built again
   * from every link; an edit to other link types leaves a graph, and so its scores, as they were.
   */
  private patchTypedGraphs(next: NetworkSnapshot, patchTyped: NonNullable<ProjectionChange['patchTyped']>, remap?: Int32Array): void {
    for (const [key, types] of Object.entries(TYPED_PAGERANKS) as [TypedKey, readonly LinkType[]][]) {
      const graph = this.cache.get(`graph:${key}`) as WeightedGraph | undefined;
      if (!graph) continue;
      const patched = patchTyped(graph, typeFilter(types));
      const scores = this.cache.get(key);
      if (!remap && scores && sameGraph(graph, patched)) {
        next.cache.set(`graph:${key}`, graph);
        next.cache.set(key, scores);
        next.warm.delete(key);
      } else {
        next.cache.set(`graph:${key}`, patched);
      }
    }
  }

  get net() {
    return this.projection.net;
  }

  get size(): number {
    return this.projection.net.hcpIds.length;
  }

  /**
   * PageRank, computed on the PageRank thread for big graphs (the event loop keeps serving
   * meanwhile), restarted from the previous network's vector after an edit; its rank order comes
   * with it, sorted there too.
   */
  pagerank(): Promise<Float64Array> {
    return this.ranked('pagerank', () => this.net.directed);
  }

  /** PageRank over co-authorship and co-investigation only: scientific influence. */
  scientificPagerank(): Promise<Float64Array> {
    return this.typedPagerank('scientific');
  }

  /** PageRank over referrals only: clinical influence (who receives patients). */
  referralPagerank(): Promise<Float64Array> {
    return this.typedPagerank('referral');
  }

  private typedPagerank(key: TypedKey): Promise<Float64Array> {
    return this.ranked(key, () => this.memo(`graph:${key}`, () => buildTypedDirectedGraph(this.net, TYPED_PAGERANKS[key])));
  }

  private ranked(key: (typeof PAGERANK_KEYS)[number], graph: () => WeightedGraph): Promise<Float64Array> {
    return this.memo(key, (): PageRankEntry => {
      const start = this.warm.get(key);
      const entry = { start } as PageRankEntry;
      entry.promise = this.pagerankThread
        .run(graph(), { start }, PAGERANK_TIE_TOLERANCE, this.warmOrders.get(key))
        .then(({ scores, order }) => {
          PAGERANK_SCORES.add(scores);
          this.orders.set(scores, order);
          entry.scores = scores;
          return scores;
        });
      return entry;
    }).promise;
  }

  degree(): Float64Array {
    return this.memo('degree', () => Float64Array.from(degrees(this.net)));
  }

  /**
   * Betweenness: exact when the pool finishes within the budget (counted from the job's start,
   * so later requests do not wait again), else the estimate from the sources done by then, with
   * its error bound. Equal progress gives the same result object (and so the same derived values).
   */
  async betweennessResult(): Promise<BetweennessResult> {
    const { job, started } = this.betweennessJob();
    const result = await job.within(started + this.betweennessWaitMs - Date.now());
    const last = this.cache.get('betweenness-last') as BetweennessResult | undefined;
    if (last && (last.exact || last.sampleSize >= result.sampleSize)) return last;
    this.cache.set('betweenness-last', result);
    return result;
  }

  /**
   * Starts betweenness now, in the background, when the network is big enough for the pool (smaller
   * ones are computed inline on first use): the first BETWEENNESS or COMPOSITE answer then waits
   * only what is left of the budget. The pool's threads run at the lowest priority, so requests
   * and Neo4j never wait for this work.
   */
  startBetweenness(): void {
    if (this.size >= INLINE_BELOW) this.betweennessJob();
  }

  private betweennessJob(): { job: BetweennessJob; started: number } {
    return this.memo('betweenness-job', () => ({ job: betweennessPool().start(this.net.ties), started: Date.now() }));
  }

  async betweenness(): Promise<Float64Array> {
    return (await this.betweennessResult()).scores;
  }

  /** The scores of `metric`, and whether they are exact. */
  async metric(metric: Metric): Promise<MetricScores> {
    switch (metric) {
      case 'PAGERANK':
        return exactScores(await this.pagerank());
      case 'DEGREE':
        return exactScores(this.degree());
      case 'BETWEENNESS': {
        const result = await this.betweennessResult();
        return estimateOf(result, result.scores);
      }
      case 'COMPOSITE': {
        const result = await this.betweennessResult();
        return estimateOf(result, await this.composite());
      }
    }
  }

  /** Stops background work for this snapshot (a newer network superseded it). */
  dispose(): void {
    (this.cache.get('betweenness-job') as { job: BetweennessJob } | undefined)?.job.cancel();
  }

  /** The signals COMPOSITE blends, each with its effective weight (signals no HCP has are left out, the rest rescaled). */
  async compositeSignals(): Promise<CompositeSignal[]> {
    const betweenness = await this.betweennessResult();
    return this.memoFor('compositeSignals', betweenness, async () => {
      const { attributes } = this.projection;
      const engagement = Float64Array.from(attributes.interactions, (count, v) => count + attributes.positiveInteractions[v]);
      const signals: [CompositeSignal['signal'], number, Float64Array][] = [
        ['PAGERANK', COMPOSITE_WEIGHTS.pagerank, await this.pagerank()],
        ['BETWEENNESS', COMPOSITE_WEIGHTS.betweenness, betweenness.scores],
        ['PUBLICATIONS', COMPOSITE_WEIGHTS.publications, Float64Array.from(attributes.publications)],
        ['TRIALS', COMPOSITE_WEIGHTS.trials, Float64Array.from(attributes.trials)],
        ['ENGAGEMENT', COMPOSITE_WEIGHTS.engagement, engagement],
      ];
      const present = signals.filter(([, , values]) => values.some((x) => x > 0));
      const total = present.reduce((sum, [, weight]) => sum + weight, 0);
      // PageRank ties are those of its rankings (within PAGERANK_TIE_TOLERANCE), so a restarted vector gives a cold run's percentiles.
      const tolerance = (signal: CompositeSignal['signal']) => (signal === 'PAGERANK' ? PAGERANK_TIE_TOLERANCE : 0);
      return present.map(([signal, weight, values]) => ({
        signal,
        weight: weight / total,
        values,
        percentiles: percentiles(values, tolerance(signal)),
      }));
    });
  }

  async composite(): Promise<Float64Array> {
    const signals = await this.compositeSignals();
    return this.memoFor('composite', signals, () => {
      const out = new Float64Array(this.size);
      for (const { weight, percentiles: pct } of signals) for (let v = 0; v < this.size; v++) out[v] += weight * pct[v];
      return out;
    });
  }

  /** PageRank of node v split into in-neighbour inflows, teleport and dangling parts (explain.ts). */
  async pagerankParts(v: number): Promise<PageRankParts> {
    const pagerank = await this.pagerank();
    const { reverse, out, dangling } = this.memo('pagerankFlows', () => {
      const out = outWeights(this.net.directed);
      return { reverse: transpose(this.net.directed), out, dangling: danglingRank(pagerank, out) };
    });
    return explainPageRank(reverse, out, pagerank, dangling, v);
  }

  /** The communities other than its own that node v's ties reach. */
  bridgedCommunities(v: number): BridgedCommunity[] {
    return bridgedCommunities(this.net.pairSums, this.communities().membership, v);
  }

  async scores(metric: Metric): Promise<Float64Array> {
    return (await this.metric(metric)).scores;
  }

  /** Node indices by descending score, ties by ascending id. */
  async order(metric: Metric): Promise<Int32Array> {
    return this.orderOf(await this.scores(metric));
  }

  /** The order of scores this snapshot handed out (`metric().scores`), computed once per array. */
  orderOf(scores: Float64Array): Int32Array {
    let order = this.orders.get(scores);
    if (!order) {
      const tolerance = PAGERANK_SCORES.has(scores) ? PAGERANK_TIE_TOLERANCE : 0;
      this.orders.set(scores, (order = rankOrder(scores, tolerance)));
    }
    return order;
  }

  /** 1-based rank of every node for `metric` (position in `order`). */
  async ranks(metric: Metric): Promise<Int32Array> {
    const order = await this.order(metric);
    return this.memoFor(`ranks:${metric}`, order, () => {
      const ranks = new Int32Array(order.length);
      order.forEach((v, position) => (ranks[v] = position + 1));
      return ranks;
    });
  }

  communities(): CommunityStructure {
    return this.memo('communities', () => {
      const found = louvain(this.net.pairSums);
      return { ...found, members: membersOf(found.membership), externalWeight: externalWeight(this, found.membership) };
    });
  }

  /** Like memo, for a value derived from `from` (a betweenness estimate moves on: the latest is kept). */
  private memoFor<T>(key: string, from: object, compute: () => T): T {
    const held = this.cache.get(key) as { from: object; value: T } | undefined;
    if (held?.from === from) return held.value;
    const value = compute();
    this.cache.set(key, { from, value });
    return value;
  }

  private memo<T>(key: string, compute: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, compute());
    return this.cache.get(key) as T;
  }
}

function exactScores(scores: Float64Array): MetricScores {
  return { scores, exact: true, sampleSize: null, errorBound: null };
}

function estimateOf(result: BetweennessResult, scores: Float64Array): MetricScores {
  return result.exact ? exactScores(scores) : { scores, exact: false, sampleSize: result.sampleSize, errorBound: result.errorBound };
}

/** Scores moved to new node indices; new nodes start at the mean. */
function remapScores(scores: Float64Array, remap: Int32Array | undefined, n: number): Float64Array {
  if (!remap) return scores;
  const out = new Float64Array(n).fill(n > 0 ? 1 / n : 0);
  for (let i = 0; i < remap.length; i++) if (remap[i] >= 0) out[remap[i]] = scores[i];
  return out;
}

/** Same entries and weights. */
function sameGraph(a: WeightedGraph, b: WeightedGraph): boolean {
  return sameAdjacency(a, b, a.weights, b.weights);
}

/**
 * Same rows, entry by entry (rows may sit at different places: rows.ts), with the same values in
 * the given columns. A row at the same place of the same arrays is the same row (written entries
 * never change): after a link edit only the moved rows are compared.
 */
function sameAdjacency(a: Adjacency, b: Adjacency, aColumn?: Float64Array, bColumn?: Float64Array): boolean {
  if (a.ends.length !== b.ends.length) return false;
  const shared = a.targets === b.targets && aColumn === bColumn;
  for (let v = 0; v < a.ends.length; v++) {
    if (shared && a.offsets[v] === b.offsets[v] && a.ends[v] === b.ends[v]) continue;
    if (b.ends[v] - b.offsets[v] !== a.ends[v] - a.offsets[v]) return false;
    for (let e = a.offsets[v], f = b.offsets[v]; e < a.ends[v]; e++, f++) {
      if (a.targets[e] !== b.targets[f] || (aColumn && aColumn[e] !== bColumn![f])) return false;
    }
  }
  return true;
}

/**
 * Mid-rank percentile of each value in 0..1 (ties share a percentile; one value: 1). With a
 * tolerance, ties are runs whose neighbours differ by at most it, as in rankOrder.
 */
export function percentiles(values: Float64Array, tolerance = 0): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (n === 1) out[0] = 1;
  if (n <= 1) return out;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && values[order[end + 1]] - values[order[end]] <= tolerance) end++;
    const midRank = (start + end) / 2;
    for (let k = start; k <= end; k++) out[order[k]] = midRank / (n - 1);
    start = end + 1;
  }
  return out;
}

function membersOf(membership: Int32Array): Int32Array[] {
  const count = membership.reduce((max, c) => Math.max(max, c + 1), 0);
  const sizes = new Int32Array(count);
  for (const c of membership) sizes[c]++;
  const members = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(count);
  membership.forEach((c, v) => (members[c][filled[c]++] = v));
  return members;
}

function externalWeight(snapshot: NetworkSnapshot, membership: Int32Array): Float64Array {
  const { offsets, ends, targets, weights } = snapshot.net.pairSums;
  const out = new Float64Array(snapshot.size);
  for (let v = 0; v < snapshot.size; v++) {
    for (let e = offsets[v]; e < ends[v]; e++) if (membership[targets[e]] !== membership[v]) out[v] += weights[e];
  }
  return out;
}
