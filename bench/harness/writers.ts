import { performance } from 'node:perf_hooks';
import { processCpuMs } from './machine';
import { Latency, round, summarize } from './stats';

export type Post = (query: string, variables: Record<string, unknown>) => Promise<any>;

const LOG = 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }';

export interface WritersOptions {
  post: Post;
  hcps: readonly string[];
  msls: readonly string[];
  writers: number;
  durationMs: number;
  /** Prefix of the interaction ids: unique per run, so a kept database can be measured again. */
  tag: string;
  /** Read requests looped one after the other by one reader while the writers run; none: writers alone. */
  readers?: Record<string, () => Promise<unknown>>;
  /** The embedded Neo4j's process, for its CPU time per write. */
  neo4jPid?: number;
}

export interface WritersResult {
  writers: number;
  seconds: number;
  requests: number;
  perSecond: number;
  latency: Latency;
  acknowledged: number;
  retriesAnsweringAnotherId: number;
  failures: number;
  /** The first failures' messages. */
  errors: string[];
  /** CPU time per request of this process (API and the bench's own HTTP client) and of the JVM, ms. */
  cpuPerWriteMs: { node: number; neo4j: number | null };
  reads: Record<string, Latency>;
}

/**
 * N concurrent writers, each logging interactions for its own HCPs (every fifth request sent twice
 * with the same id, as clients that retry after a lost answer do), for `durationMs`, optionally
 * with one reader looping `readers`. The ids acknowledged are returned so the caller can count
 * what was stored (`${tag}-load-` prefix).
 */
export async function concurrentWriters(options: WritersOptions): Promise<WritersResult> {
  const { post, hcps, msls, writers, tag } = options;
  const latencies: number[] = [];
  const reads: Record<string, number[]> = Object.fromEntries(Object.keys(options.readers ?? {}).map((name) => [name, []]));
  const acknowledged = new Map<string, string>();
  let mismatched = 0;
  let failures = 0;
  const errors: string[] = [];
  const deadline = Date.now() + options.durationMs;
  const writer = async (w: number) => {
    for (let k = 0; Date.now() < deadline; k++) {
      const id = `${tag}-load-${w}-${k}`;
      const input = {
        id,
        mslId: msls[w % msls.length],
        hcpId: hcps[(w * 997 + k * writers + 100) % hcps.length],
        date: '2025-02-03',
        channel: 'PHONE',
        sentiment: 'POSITIVE',
      };
      const sends = k % 5 === 0 ? 2 : 1;
      for (let s = 0; s < sends; s++) {
        const start = performance.now();
        try {
          const result = await post(LOG, { input });
          latencies.push(performance.now() - start);
          const first = acknowledged.get(id);
          if (first === undefined) acknowledged.set(id, result.logInteraction.id);
          else if (result.logInteraction.id !== first) mismatched++;
        } catch (error) {
          failures++;
          if (errors.length < 5) errors.push((error as Error).message);
        }
      }
    }
  };
  const reader = async () => {
    // Without reads the loop below would spin without ever awaiting, and starve the API that
    // shares this process until the deadline.
    if (Object.keys(reads).length === 0) return;
    while (Date.now() < deadline) {
      for (const [name, read] of Object.entries(options.readers ?? {})) {
        const start = performance.now();
        await read();
        reads[name].push(performance.now() - start);
      }
    }
  };
  const cpu = process.cpuUsage();
  const jvmCpu = options.neo4jPid ? processCpuMs(options.neo4jPid) : null;
  const started = performance.now();
  await Promise.all([...Array.from({ length: writers }, (_, w) => writer(w)), reader()]);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const jvmAfter = options.neo4jPid ? processCpuMs(options.neo4jPid) : null;
  const requests = latencies.length;
  return {
    writers,
    seconds: round(seconds, 1),
    requests,
    perSecond: Math.round(requests / seconds),
    latency: summarize(latencies),
    acknowledged: acknowledged.size,
    retriesAnsweringAnotherId: mismatched,
    failures,
    errors,
    cpuPerWriteMs: {
      node: round((used.user + used.system) / 1000 / Math.max(1, requests)),
      neo4j: jvmCpu !== null && jvmAfter !== null ? round((jvmAfter - jvmCpu) / Math.max(1, requests)) : null,
    },
    reads: Object.fromEntries(Object.entries(reads).map(([name, samples]) => [name, summarize(samples)])),
  };
}
