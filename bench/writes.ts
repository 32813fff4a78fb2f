/**
 * npm run bench:writes -- [--hcps 5000] [--seed 7] [--writers 16] [--duration 20] [--warmup 15] [--runs 30] [--bounds 0/2,0/0,4/0]
 *
 * Concurrent writes on the embedded Neo4j: N writers logging interactions for different HCPs
 * through HTTP (every fifth request resent with the same id), first alone, then with one reader
 * looping kolRanking / introductionPaths / networkReach, whose latencies are compared with the
 * same reads idle. States writes/s, latency, CPU per write of the API process (with this bench's
 * HTTP client) and of Neo4j, and checks nothing was lost or duplicated. --bounds: the
 * MAX_CONCURRENT_WRITES[/MAX_CONCURRENT_WRITES_WHILE_READING] pairs measured one after the other
 * (0: no bound), on the same database. Writes
 * bench/results/writes-<hcps>.json and .md with machine and dataset.
 */
process.env.NODE_ENV ??= 'production';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { startEmbeddedNeo4j } from '../src/db/embedded';
import { generateNetwork } from '../src/import/generate';
import { importNetwork } from '../src/import/importer';
import { createLogger } from '../src/logger';
import { seededRandom } from '../src/network/random';
import { machineInfo } from './harness/machine';
import { writeResults } from './harness/results';
import { benchApiEnv, postGraphql } from './harness/api';
import { Latency, summarize, timeAsync } from './harness/stats';
import { WritersResult, concurrentWriters } from './harness/writers';
import { WriteGate } from '../src/db/write-gate';

// The API in production runs compiled JavaScript without source-map support (npm start); ts-node's
// hook would make every captured stack (the driver takes one per statement) several times costlier.
delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;

const args = new Map<string, number>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), Number(process.argv[i + 1]));
const HCPS = args.get('hcps') ?? 5000;
const SEED = args.get('seed') ?? 7;
const WRITERS = args.get('writers') ?? 16;
const DURATION_MS = (args.get('duration') ?? 20) * 1000;
const WARMUP_MS = (args.get('warmup') ?? 15) * 1000;
const RUNS = args.get('runs') ?? 30;
const boundsAt = process.argv.indexOf('--bounds');
/** Each bound: MAX_CONCURRENT_WRITES, or MAX_CONCURRENT_WRITES/MAX_CONCURRENT_WRITES_WHILE_READING. */
const BOUNDS = (boundsAt > 0 ? process.argv[boundsAt + 1] : '0/2,0/0,4/0').split(',').map((bound) => {
  const [limit, whileReading = 0] = bound.split('/').map(Number);
  if (!Number.isInteger(limit) || !Number.isInteger(whileReading)) throw new Error(`--bounds: "${bound}" is not N or N/M`);
  return { limit, whileReading, name: `${limit}/${whileReading}` };
});

const RANKING = 'query { kolRanking(metric: PAGERANK, first: 10) { rank score hcp { id name } } }';
const PATHS = 'query($msl: ID!, $hcp: ID!) { introductionPaths(fromMslId: $msl, toHcpId: $hcp, maxHops: 4, first: 3) { hops cost } }';
const REACH = 'query($id: ID!) { networkReach(fromId: $id, maxHops: 2) { total } }';

async function main(): Promise<void> {
  const say = (line: string) => process.stderr.write(`[writes-bench] ${line}\n`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-writes-bench-'));
  const data = generateNetwork({ hcps: HCPS, seed: SEED });
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    boltPort: 7300 + Math.floor(Math.random() * 300),
    heap: process.env.NEO4J_HEAP || '1g',
    log: () => undefined,
  });
  const config = loadConfig(
    benchApiEnv(neo4j.uri, {
      NEO4J_HEAP: process.env.NEO4J_HEAP,
      MAX_CONCURRENT_WRITES: process.env.MAX_CONCURRENT_WRITES,
      MAX_CONCURRENT_WRITES_WHILE_READING: process.env.MAX_CONCURRENT_WRITES_WHILE_READING,
    }),
  );
  const app = await startApp(config, createLogger('silent'));
  try {
    await app.prepared;
    const db = app.services.db;
    say(`importing ${data.hcps.length} HCPs, ${data.hcpLinks.length} links ...`);
    await importNetwork(db, data);
    const post = (query: string, variables: Record<string, unknown>) => postGraphql(app.url, query, variables);
    const hcps = data.hcps.map((h) => h.id);
    const msls = data.msls.map((m) => m.id);
    const random = seededRandom(SEED + 3);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const readers = {
      kolRanking: () => post(RANKING, {}),
      introductionPaths: () => post(PATHS, { msl: pick(msls), hcp: pick(hcps) }),
      networkReach: () => post(REACH, { id: pick(hcps) }),
    };
    const base = { post, hcps, msls, writers: WRITERS, neo4jPid: neo4j.pid };
    say(`warm-up: ${WARMUP_MS / 1000} s of writers, then the reads ...`);
    await concurrentWriters({ ...base, durationMs: WARMUP_MS, tag: 'warm' });
    const idle: Record<string, Latency> = {};
    for (const [name, read] of Object.entries(readers)) {
      for (let i = 0; i < 5; i++) await read();
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await timeAsync(read));
      idle[name] = summarize(samples);
    }
    const stored = async (tag: string) =>
      (
        await db.read<{ n: number }>('MATCH (i:Interaction) WHERE i.id STARTS WITH $prefix RETURN count(i) AS n', {
          prefix: `${tag}-load-`,
        })
      )[0].n;
    const runs = [];
    for (const bound of BOUNDS) {
      // The bench swaps the instance's gate to measure each bound on the same warm database.
      (db as { writeGate: WriteGate }).writeGate = new WriteGate(bound.limit, bound.whileReading);
      const tag = `${bound.limit}-${bound.whileReading}`;
      say(
        `MAX_CONCURRENT_WRITES(_WHILE_READING)=${bound.name}: ${WRITERS} writers alone for ${DURATION_MS / 1000} s, then with a reader ...`,
      );
      const alone = await concurrentWriters({ ...base, durationMs: DURATION_MS, tag: `alone${tag}` });
      const withReader = await concurrentWriters({ ...base, durationMs: DURATION_MS, tag: `read${tag}`, readers });
      runs.push({
        maxConcurrentWrites: bound.limit,
        maxConcurrentWritesWhileReading: bound.whileReading,
        alone: { ...alone, stored: await stored(`alone${tag}`) },
        withReader: { ...withReader, stored: await stored(`read${tag}`) },
        readRatioP95: Object.fromEntries(
          Object.keys(idle).map((name) => [name, Math.round((withReader.reads[name].p95 / idle[name].p95) * 100) / 100]),
        ),
      });
    }
    const report = {
      dataset: { hcps: data.hcps.length, links: data.hcpLinks.length, msls: msls.length, seed: SEED },
      machine: await machineInfo(db),
      loadAverageAtEnd: os.loadavg(),
      idle,
      runs,
    };
    writeResults(`writes-${HCPS}`, report, markdown(report));
    console.log(markdown(report));
  } finally {
    await app.stop();
    await neo4j.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function markdown(r: any): string {
  const l = (x: Latency) => `p50 ${Math.round(x.p50)} ms, p95 ${Math.round(x.p95)} ms (${x.runs} runs)`;
  const writes = (name: string, w: WritersResult & { stored: number }) =>
    `- ${name}: ${w.perSecond} writes/s, ${l(w.latency)}; CPU per write: API process ${w.cpuPerWriteMs.node} ms, Neo4j ${w.cpuPerWriteMs.neo4j} ms; ` +
    `acknowledged ${w.acknowledged}, stored ${w.stored}, retries answering another id ${w.retriesAnsweringAnotherId}, failures ${w.failures}` +
    (w.errors.length > 0 ? ` (${w.errors.join('; ')})` : '');
  return [
    `# Concurrent writes: ${r.dataset.hcps} HCPs, ${r.dataset.links} links, ${r.runs[0].alone.writers} writers (embedded Neo4j)`,
    '',
    `Machine: ${JSON.stringify(r.machine)}; load average at the end ${r.loadAverageAtEnd.map((x: number) => x.toFixed(1)).join(' / ')}.`,
    '',
    ...Object.entries(r.idle).map(([name, x]) => `- Idle ${name}: ${l(x as Latency)}`),
    ...r.runs.flatMap((run: any) => [
      `- MAX_CONCURRENT_WRITES=${run.maxConcurrentWrites}, MAX_CONCURRENT_WRITES_WHILE_READING=${run.maxConcurrentWritesWhileReading}:`,
      `  ${writes('writers alone', run.alone)}`,
      `  ${writes('writers with a reader', run.withReader)}`,
      ...Object.keys(r.idle).map(
        (name) => `  - ${name} during writes: ${l(run.withReader.reads[name])} (p95 ${run.readRatioP95[name]}x idle)`,
      ),
    ]),
    '',
  ].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
