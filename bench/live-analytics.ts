/**
 * The live-analytics parts of npm run bench:live: BETWEENNESS and COMPOSITE cold and right after
 * an edit, network answers under a steady write load next to the same without writes, projection
 * memory, and the betweenness estimate's error against exact (in memory, no database).
 */
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Database } from '../src/db/database';
import { loadProjection } from '../src/network/projection';
import { NetworkService } from '../src/network/network.service';
import { generateNetwork } from '../src/import/generate';
import { buildNetwork, HcpNetwork } from '../src/network/network';
import { PageRankThread } from '../src/network/pagerank-thread';
import { NetworkSnapshot, PAGERANK_TIE_TOLERANCE } from '../src/network/snapshot';
import { accumulateBetweenness, betweenness, normalizeBetweenness } from '../src/network/betweenness';
import { errorBound } from '../src/network/betweenness-pool';
import { seededRandom, shuffledRange } from '../src/network/random';
import { Latency, summarize } from './harness/stats';

export type Post = (query: string, variables: Record<string, unknown>) => Promise<any>;

const RANKED = `query($m: InfluenceMetric) { kolRanking(metric: $m, first: 10) { rank score exact sampleSize errorBound hcp { id } } }`;
const LOG = 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }';
const LINK = 'mutation($s: ID!, $t: ID!, $w: Float!) { linkHcps(sourceId: $s, targetId: $t, type: COLLEAGUE, weight: $w) { weight } }';

export interface RankedAnswer {
  ms: number;
  exact: boolean;
  sampleSize: number | null;
  errorBound: number | null;
}

/** One kolRanking by `metric`, timed, with what it says about its exactness. */
export async function ranked(post: Post, metric: string): Promise<RankedAnswer> {
  const start = performance.now();
  const data = await post(RANKED, { m: metric });
  const top = data.kolRanking[0] ?? {};
  return { ms: Math.round(performance.now() - start), exact: top.exact, sampleSize: top.sampleSize, errorBound: top.errorBound };
}

/** A link edit through the API (a new COLLEAGUE tie, or a re-weighted one). */
export function linkEdit(post: Post, source: string, target: string, weight: number): Promise<unknown> {
  return post(LINK, { s: source, t: target, w: weight });
}

export interface SteadyLoadOptions {
  post: Post;
  hcps: readonly string[];
  msls: readonly string[];
  readers: Record<string, () => Promise<unknown>>;
  interactionsPerSecond: number;
  linkEditsPerSecond: number;
  durationMs: number;
  tag: string;
  /** Where this run's sequence of link edits starts (past earlier runs' on a kept database). */
  firstEdit?: number;
}

export interface SteadyLoad {
  interactions: number;
  linkEdits: number;
  writeFailures: number;
  writeLatency: Latency;
  /** The link edits alone (each prepares the next network before its commit: NetworkService.prepare). */
  linkEditLatency: Latency;
  reads: Record<string, Latency>;
  /** What held the API's event loop (it runs in this process): its delays, and garbage collection. */
  eventLoop: EventLoopLoad;
}

export interface EventLoopLoad {
  seconds: number;
  /** Event-loop delay (ms) as monitorEventLoopDelay samples it every 10 ms. */
  delayP50: number;
  delayP99: number;
  delayMax: number;
  /** Garbage-collection pauses in the period, summed (ms) and the longest. */
  gcMs: number;
  gcMaxMs: number;
}

/** Watches this process's event loop while `run` runs. */
export async function watchEventLoop<T>(run: () => Promise<T>): Promise<{ result: T; eventLoop: EventLoopLoad }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const pauses: number[] = [];
  const gc = new PerformanceObserver((list) => list.getEntries().forEach((entry) => pauses.push(entry.duration)));
  gc.observe({ entryTypes: ['gc'] });
  delay.enable();
  const started = performance.now();
  try {
    const result = await run();
    const ms = (x: number) => Math.round(x / 1e5) / 10;
    return {
      result,
      eventLoop: {
        seconds: Math.round((performance.now() - started) / 100) / 10,
        delayP50: ms(delay.percentile(50)),
        delayP99: ms(delay.percentile(99)),
        delayMax: ms(delay.max),
        gcMs: Math.round(pauses.reduce((sum, x) => sum + x, 0)),
        gcMaxMs: Math.round(Math.max(0, ...pauses)),
      },
    };
  } finally {
    delay.disable();
    gc.disconnect();
  }
}

/** Paced writes (interactions and link edits at fixed rates, one request each at its time) while one reader loops the readers. */
export async function steadyLoad(options: SteadyLoadOptions): Promise<SteadyLoad> {
  const { result, eventLoop } = await watchEventLoop(() => paceWrites(options));
  return { ...result, eventLoop };
}

async function paceWrites(options: SteadyLoadOptions): Promise<Omit<SteadyLoad, 'eventLoop'>> {
  const { post, hcps, msls, readers } = options;
  const deadline = Date.now() + options.durationMs;
  const writeLatency: number[] = [];
  const linkEditLatency: number[] = [];
  const reads: Record<string, number[]> = Object.fromEntries(Object.keys(readers).map((name) => [name, []]));
  let failures = 0;
  let interactions = 0;
  let linkEdits = 0;
  const timedWrite = async (write: () => Promise<unknown>, also?: number[]) => {
    const start = performance.now();
    try {
      await write();
      writeLatency.push(performance.now() - start);
      also?.push(performance.now() - start);
    } catch {
      failures++;
    }
  };
  const paced = async (perSecond: number, write: (k: number) => Promise<unknown>, also?: number[]) => {
    if (perSecond <= 0) return;
    const pending: Promise<unknown>[] = [];
    const started = Date.now();
    for (let k = 0; ; k++) {
      const at = started + (k * 1000) / perSecond;
      if (at >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
      pending.push(timedWrite(() => write(k), also));
    }
    await Promise.all(pending);
  };
  const reader = async () => {
    while (Date.now() < deadline) {
      for (const [name, read] of Object.entries(readers)) {
        const start = performance.now();
        await read();
        reads[name].push(performance.now() - start);
      }
    }
  };
  await Promise.all([
    paced(options.interactionsPerSecond, (k) => {
      interactions++;
      const input = {
        id: `${options.tag}-steady-${k}`,
        mslId: msls[k % msls.length],
        hcpId: hcps[(k * 7919 + 13) % hcps.length],
        date: '2025-03-04',
        channel: 'VIRTUAL',
        sentiment: k % 3 === 0 ? 'POSITIVE' : 'NEUTRAL',
      };
      return post(LOG, { input });
    }),
    paced(
      options.linkEditsPerSecond,
      (k) => {
        linkEdits++;
        const e = k + (options.firstEdit ?? 0);
        return linkEdit(post, hcps[(e * 104729 + 5) % hcps.length], hcps[(e * 7907 + 101) % hcps.length], 0.2 + (e % 7) / 10);
      },
      linkEditLatency,
    ),
    reader(),
  ]);
  return {
    interactions,
    linkEdits,
    writeFailures: failures,
    writeLatency: summarize(writeLatency),
    linkEditLatency: summarize(linkEditLatency),
    reads: Object.fromEntries(Object.entries(reads).map(([name, samples]) => [name, summarize(samples)])),
  };
}

/**
 * The PageRank part of the next ranking after an edit, alone: a restart on the edited network
 * from the previous vector, as the PageRank thread runs it (same node indices: no HCP added or
 * erased), here on the calling thread.
 */
export async function pagerankRestartMs(previous: NetworkSnapshot, next: NetworkSnapshot, thread: PageRankThread): Promise<number> {
  const start = await previous.pagerank();
  const began = performance.now();
  await thread.run(next.net.directed, { start }, PAGERANK_TIE_TOLERANCE);
  return performance.now() - began;
}

/** Bytes of the typed arrays of the in-memory network, per 1M links (id strings and maps not counted). */
export async function projectionMemory(
  service: NetworkService,
): Promise<{ links: number; typedArrayBytes: number; mbPerMillionLinks: number }> {
  const net: HcpNetwork = (await service.snapshot()).net;
  const arrays: ArrayBufferView[] = [
    net.ties.offsets,
    net.ties.targets,
    net.ties.weights,
    net.tieTypes,
    net.pairSums.weights,
    net.directed.offsets,
    net.directed.targets,
    net.directed.weights,
    net.links.source,
    net.links.target,
    net.links.type,
    net.links.weight,
    net.msl.offsets,
    net.msl.targets,
    net.msl.weights,
  ];
  const bytes = arrays.reduce((sum, array) => sum + array.byteLength, 0);
  const links = net.links.source.length;
  return { links, typedArrayBytes: bytes, mbPerMillionLinks: Math.round((bytes / 1e6 / (links / 1e6)) * 10) / 10 };
}

/**
 * The whole memory of one projection as loaded from the database (typed arrays, id strings,
 * maps, attributes): heap plus array buffers after a full collection, before and after a second
 * load kept alive meanwhile. Per 1M links.
 */
export async function projectionLoadMemory(db: Database): Promise<{ links: number; bytes: number; mbPerMillionLinks: number }> {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const used = () => {
    gc();
    const memory = process.memoryUsage();
    return memory.heapUsed + memory.arrayBuffers;
  };
  const before = used();
  const projection = await loadProjection(db, 'memory', Date.now());
  const bytes = used() - before;
  const links = projection.net.links.source.length;
  return { links, bytes, mbPerMillionLinks: Math.round((bytes / 1e6 / (links / 1e6)) * 10) / 10 };
}

export interface EstimateError {
  hcps: number;
  links: number;
  exactMs: number;
  samples: { sampleSize: number; maxError: number; meanError: number; errorBound: number; top10Overlap: number }[];
}

/**
 * Brandes–Pich estimates (k sources in a random order, scaled by n/k, as the pool computes them)
 * against exact betweenness on a generated network of `hcps` HCPs, in memory.
 */
export function estimateError(hcps: number, seed: number, sampleSizes: readonly number[]): EstimateError {
  const data = generateNetwork({ hcps, seed });
  const net = buildNetwork({
    hcpIds: data.hcps.map((h) => h.id),
    links: data.hcpLinks.map((l) => ({ source: l.sourceId, target: l.targetId, type: l.type, weight: l.weight })),
    relationships: [],
  });
  const n = net.hcpIds.length;
  const started = performance.now();
  const exact = betweenness(net.ties);
  const exactMs = Math.round(performance.now() - started);
  const top = (scores: Float64Array) =>
    new Set(
      Array.from({ length: n }, (_, i) => i)
        .sort((a, b) => scores[b] - scores[a])
        .slice(0, 10),
    );
  const exactTop = top(exact);
  const order = shuffledRange(n, seededRandom(seed + 1));
  const samples = sampleSizes
    .filter((k) => k < n)
    .map((k) => {
      const raw = new Float64Array(n);
      for (let i = 0; i < k; i++) accumulateBetweenness(net.ties, order[i], order[i] + 1, raw);
      const estimate = normalizeBetweenness(Float64Array.from(raw, (x) => (x * n) / k));
      let maxError = 0;
      let sum = 0;
      for (let v = 0; v < n; v++) {
        const error = Math.abs(estimate[v] - exact[v]);
        maxError = Math.max(maxError, error);
        sum += error;
      }
      const overlap = [...top(estimate)].filter((v) => exactTop.has(v)).length;
      return { sampleSize: k, maxError, meanError: sum / n, errorBound: errorBound(n, k), top10Overlap: overlap };
    });
  return { hcps: n, links: net.links.source.length, exactMs, samples };
}
