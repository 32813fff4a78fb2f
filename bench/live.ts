/**
 * npm run bench:live -- [--hcps 30000] [--seed 7] [--writers 16] [--duration 20]
 *
 * Live analytics on the embedded Neo4j: network answers idle, the next answer after an
 * interaction and after a link edit (incremental update), and N concurrent writers logging
 * interactions for different HCPs (20% of requests sent twice with the same id, as retrying
 * clients do) while a reader asks kolRanking / introductionPaths / networkReach. Writes
 * bench/results/live-<hcps>.json and .md; machine and dataset stated in both.
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
import { Latency, summarize } from './harness/stats';

const args = new Map<string, number>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), Number(process.argv[i + 1]));
const HCPS = args.get('hcps') ?? 30000;
const SEED = args.get('seed') ?? 7;
const WRITERS = args.get('writers') ?? 16;
const DURATION_MS = (args.get('duration') ?? 20) * 1000;
const RUNS = args.get('runs') ?? 40;

const RANKING = 'query($m: InfluenceMetric) { kolRanking(metric: $m, first: 10) { rank score hcp { id name } } }';
const PATHS = 'query($msl: ID!, $hcp: ID!) { introductionPaths(fromMslId: $msl, toHcpId: $hcp, maxHops: 4, first: 3) { hops cost } }';
const REACH = 'query($id: ID!) { networkReach(fromId: $id, maxHops: 2) { total } }';
const LOG = 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }';
const LINK = 'mutation($s: ID!, $t: ID!, $w: Float!) { linkHcps(sourceId: $s, targetId: $t, type: COLLEAGUE, weight: $w) { weight } }';

async function post(url: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors[0].message);
  return body.data;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-live-bench-'));
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    boltPort: 7600 + Math.floor(Math.random() * 300),
    heap: process.env.NEO4J_HEAP || '2g',
    log: () => undefined,
  });
  const config = loadConfig({
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: '',
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    JWT_SECRET: '',
    LOG_LEVEL: 'silent',
    NEO4J_QUERY_TIMEOUT_MS: '600000',
  });
  const app = await startApp(config, createLogger('silent'));
  await app.prepared;
  const db = app.services.db;
  const say = (line: string) => process.stderr.write(`[live-bench] ${line}\n`);
  try {
    const data = generateNetwork({ hcps: HCPS, seed: SEED });
    say(`importing ${data.hcps.length} HCPs, ${data.hcpLinks.length} links ...`);
    await importNetwork(db, data);
    const url = app.url;
    const hcps = data.hcps.map((h) => h.id);
    const msls = data.msls.map((m) => m.id);
    const random = seededRandom(SEED + 3);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const readers = {
      kolRanking: () => post(url, RANKING, { m: 'PAGERANK' }),
      introductionPaths: () => post(url, PATHS, { msl: pick(msls), hcp: pick(hcps) }),
      networkReach: () => post(url, REACH, { id: pick(hcps) }),
    };
    const firstMs = await timed(readers.kolRanking);
    say(`first kolRanking ${Math.round(firstMs)} ms; idle latencies ...`);
    const idle: Record<string, Latency> = {};
    for (const [name, read] of Object.entries(readers)) {
      const samples: number[] = [];
      for (let i = 0; i < RUNS + 5; i++) {
        const ms = await timed(read);
        if (i >= 5) samples.push(ms);
      }
      idle[name] = summarize(samples);
    }

    say('next answer after one write ...');
    const service = app.services.network;
    const buildsBefore = service.builds;
    let n = 0;
    const afterInteraction: number[] = [];
    const afterLink: number[] = [];
    const updateAfterLink: number[] = [];
    for (let i = 0; i < 15; i++) {
      await post(url, LOG, {
        input: {
          id: `bench-int-${i}`,
          mslId: msls[i % msls.length],
          hcpId: hcps[i],
          date: '2025-01-02',
          channel: 'EMAIL',
          sentiment: 'NEUTRAL',
        },
      });
      afterInteraction.push(await timed(readers.kolRanking));
      await post(url, LINK, { s: hcps[(i * 31) % hcps.length], t: hcps[(i * 57 + 11) % hcps.length], w: 0.3 + (n++ % 5) / 10 });
      // The sync alone (re-read + apply), then the ranking (PageRank restarted from the last vector).
      updateAfterLink.push(await timed(() => service.snapshot()));
      afterLink.push(await timed(readers.kolRanking));
    }
    const rebuilds = service.builds - buildsBefore;

    say(`${WRITERS} writers for ${DURATION_MS / 1000} s with a reader ...`);
    const writeLatencies: number[] = [];
    const readDuring: Record<string, number[]> = { kolRanking: [], introductionPaths: [], networkReach: [] };
    const acknowledged = new Map<string, string>();
    let mismatched = 0;
    let failures = 0;
    const deadline = Date.now() + DURATION_MS;
    const writer = async (w: number) => {
      // Each writer logs interactions for its own HCPs.
      for (let k = 0; Date.now() < deadline; k++) {
        const id = `load-${w}-${k}`;
        const input = {
          id,
          mslId: msls[w % msls.length],
          hcpId: hcps[(w * 997 + k * WRITERS + 100) % hcps.length],
          date: '2025-02-03',
          channel: 'PHONE',
          sentiment: 'POSITIVE',
        };
        const sends = k % 5 === 0 ? 2 : 1;
        for (let s = 0; s < sends; s++) {
          const start = performance.now();
          try {
            const result = await post(url, LOG, { input });
            writeLatencies.push(performance.now() - start);
            if (s === 0) acknowledged.set(id, result.logInteraction.id);
            else if (result.logInteraction.id !== acknowledged.get(id)) mismatched++;
          } catch (error) {
            // A resend of an id already stored answers BAD_USER_INPUT "exists already": still one interaction.
            if (s === 1 && /exists already/.test((error as Error).message)) continue;
            failures++;
          }
        }
      }
    };
    const reader = async () => {
      while (Date.now() < deadline) for (const [name, read] of Object.entries(readers)) readDuring[name].push(await timed(read));
    };
    const started = Date.now();
    await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), reader()]);
    const seconds = (Date.now() - started) / 1000;
    const [stored] = await db.read<{ n: number }>("MATCH (i:Interaction) WHERE i.id STARTS WITH 'load-' RETURN count(i) AS n");
    const during = Object.fromEntries(Object.entries(readDuring).map(([name, samples]) => [name, summarize(samples)]));

    const machine = await machineInfo(db);
    const report = {
      dataset: { hcps: data.hcps.length, links: data.hcpLinks.length, msls: msls.length, seed: SEED },
      machine,
      loadAverage: os.loadavg(),
      firstKolRankingMs: Math.round(firstMs),
      idle,
      nextAnswer: {
        afterInteraction: summarize(afterInteraction),
        afterLinkEdit: summarize(afterLink),
        incrementalUpdatePerLinkEdit: summarize(updateAfterLink),
        fullRebuilds: rebuilds,
      },
      writes: {
        writers: WRITERS,
        seconds,
        requests: writeLatencies.length,
        perSecond: Math.round(writeLatencies.length / seconds),
        latency: summarize(writeLatencies),
        acknowledged: acknowledged.size,
        stored: stored.n,
        retriesAnsweringAnotherId: mismatched,
        failures,
      },
      readsDuringWrites: during,
      readRatioP95: Object.fromEntries(
        Object.keys(idle).map((name) => [name, Math.round((during[name].p95 / idle[name].p95) * 100) / 100]),
      ),
    };
    const outDir = path.join(__dirname, 'results');
    fs.mkdirSync(outDir, { recursive: true });
    const base = path.join(outDir, `live-${HCPS}`);
    fs.writeFileSync(`${base}.json`, JSON.stringify(report, null, 2));
    fs.writeFileSync(`${base}.md`, markdown(report));
    console.log(markdown(report));
  } finally {
    await app.stop();
    await neo4j.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function markdown(r: any): string {
  const l = (x: Latency) => `p50 ${Math.round(x.p50)} ms, p95 ${Math.round(x.p95)} ms (${x.runs} runs)`;
  return [
    `# Live analytics: ${r.dataset.hcps} HCPs, ${r.dataset.links} links (embedded Neo4j)`,
    '',
    `Machine: ${JSON.stringify(r.machine)}; load average at the end ${r.loadAverage.map((x: number) => x.toFixed(1)).join(' / ')} (shared machine).`,
    '',
    `- First kolRanking (projection + PageRank): ${r.firstKolRankingMs} ms`,
    ...Object.entries(r.idle).map(([name, x]) => `- Idle ${name}: ${l(x as Latency)}`),
    `- Next kolRanking after logInteraction: ${l(r.nextAnswer.afterInteraction)}`,
    `- Next kolRanking after a link edit: ${l(r.nextAnswer.afterLinkEdit)}; the sync alone (re-read + apply): ${l(r.nextAnswer.incrementalUpdatePerLinkEdit)}; full rebuilds: ${r.nextAnswer.fullRebuilds}`,
    `- ${r.writes.writers} writers, ${r.writes.seconds.toFixed(1)} s: ${r.writes.perSecond} writes/s, ${l(r.writes.latency)}; acknowledged ${r.writes.acknowledged}, stored ${r.writes.stored}, retries answering another id ${r.writes.retriesAnsweringAnotherId}, failures ${r.writes.failures}`,
    ...Object.entries(r.readsDuringWrites).map(
      ([name, x]) => `- ${name} during writes: ${l(x as Latency)} (p95 ${r.readRatioP95[name]}x idle)`,
    ),
    '',
  ].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
