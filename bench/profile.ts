/**
 * npm run bench:profile -- [--hcps 10000] [--runs 200] [--client fetch|http]
 *
 * Where the nested front-end query's time goes: an embedded Neo4j on a temporary folder, the
 * generated network imported (or NEO4J_URI, a database already holding it: nothing imported),
 * the API started, then the nested query (the bench's) and the same
 * data by hand-written Cypher each run `runs` times under the V8 CPU profiler (the data
 * `node --cpu-prof` writes, taken for the measured window only). Prints the self time per
 * request grouped by where the code lives (graphql-js execution, type-graphql, Apollo, the Neo4j
 * driver's decoding, JSON, our code, GC ...) and the heaviest functions; writes both .cpuprofile
 * files (open them in Chrome DevTools) next to the summary in --out.
 *
 * GRAPHQL_EXECUTOR=graphql-js profiles the API without the compiled executor. `--client http`
 * sends the requests with node:http and a keep-alive agent instead of fetch (undici).
 *
 * `--load N` profiles the bench's throughput shape instead: N connections for --duration seconds,
 * the API's load from autocannon in a child process (so the profiled main thread is the server
 * alone), the hand-written Cypher's from N loops in the process; requests per second and the
 * main thread's CPU per request are reported with each profile.
 */
process.env.NODE_ENV ??= 'production';
(Error as { prepareStackTrace?: unknown }).prepareStackTrace = undefined;

import 'reflect-metadata';
import fs from 'node:fs';
import inspector from 'node:inspector';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { connect } from '../src/db/connect';
import { startEmbeddedNeo4j } from '../src/db/embedded';
import { applySchema } from '../src/db/schema';
import { generateNetwork } from '../src/import/generate';
import { importNetwork } from '../src/import/importer';
import { createLogger } from '../src/logger';
import { API_NESTED, CYPHER_NESTED, keepAlivePost } from './bench';
import { autocannonLoad, concurrentLoad } from './harness/load';
import { processCpuMs, threadCpuMs } from './harness/machine';
import { round, sequential, summarize } from './harness/stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives, by its script URL (first match wins). */
const CATEGORIES: [string, (url: string, fn: string) => boolean][] = [
  ['GC', (_u, fn) => fn === '(garbage collector)'],
  ['idle (waiting for Neo4j / the network)', (_u, fn) => fn === '(idle)'],
  ['V8 / native (JSON.stringify/parse, builtins)', (u, fn) => u === '' && fn !== '(garbage collector)' && fn !== '(idle)'],
  ['graphql-jit (compiled execution)', (u) => u.includes('/graphql-jit/')],
  ['graphql-js execution (execute, completeValue, resolveField)', (u) => /\/graphql\/execution\//.test(u)],
  ['graphql-js other (validation, parsing, printing, values)', (u) => u.includes('/node_modules/graphql/')],
  ['type-graphql (field wrapping, params, middlewares)', (u) => u.includes('/type-graphql/')],
  ['Apollo Server', (u) => u.includes('/@apollo/')],
  ['Neo4j driver: Bolt decoding (packstream, records)', (u) => /neo4j-driver[^/]*\/lib\/bolt\/|packstream|\/bolt-connection\//.test(u)],
  ['Neo4j driver: other', (u) => u.includes('neo4j-driver')],
  ['DataLoader', (u) => u.includes('/dataloader/')],
  [
    'HTTP client (undici fetch) and node:http',
    (u) => u.includes('undici') || u.startsWith('node:_http') || u.startsWith('node:http') || u.includes('internal/deps/undici'),
  ],
  ['Node internals (streams, timers, promises)', (u) => u.startsWith('node:')],
  ['our code (src/)', (u) => u.includes('/src/')],
  ['bench harness', (u) => u.includes('/bench/')],
  ['other node_modules', (u) => u.includes('/node_modules/')],
];

function categorize(url: string, fn: string): string {
  for (const [name, test] of CATEGORIES) if (test(url, fn)) return name;
  return 'other';
}

/** Self time in ms per category and per function, from the profile's sample deltas. */
export function analyse(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  // Profiler.stop itself (the inspector building the profile) falls in the window: leave it out.
  const underInspector = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at))
      if (byId.get(at)!.callFrame.url === 'node:inspector') return true;
    return false;
  };
  for (const [id, us] of selfUs) {
    if (underInspector(id)) continue;
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const category = categorize(url, functionName);
    categories.set(category, (categories.get(category) ?? 0) + us / 1000);
    const where = url ? `${url.replace(/^.*node_modules\//, '').replace(/^.*\/(src|bench)\//, '$1/')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    functions.set(key, (functions.get(key) ?? 0) + us / 1000);
  }
  return { totalMs: (profile.endTime - profile.startTime) / 1000, categories, functions };
}

export async function profiled<T>(session: inspector.Session, run: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  const result = await run();
  const { profile } = await post('Profiler.stop');
  return { result, profile };
}

function parseArgs(argv: string[]) {
  const options = {
    hcps: 10000,
    runs: 200,
    warmup: 30,
    out: path.join(os.tmpdir(), 'msl-profile'),
    client: 'fetch',
    load: 0,
    duration: 10,
  };
  for (let i = 0; i < argv.length; i++) {
    const next = () => argv[++i];
    if (argv[i] === '--hcps') options.hcps = Number(next());
    else if (argv[i] === '--runs') options.runs = Number(next());
    else if (argv[i] === '--warmup') options.warmup = Number(next());
    else if (argv[i] === '--out') options.out = path.resolve(next());
    else if (argv[i] === '--load') options.load = Number(next());
    else if (argv[i] === '--duration') options.duration = Number(next());
    else if (argv[i] === '--client' && ['fetch', 'http'].includes(argv[i + 1])) options.client = next();
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`[profile] ${line}\n`);
  const external = process.env.NEO4J_URI;
  const dataDir = external ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'msl-profile-neo4j-'));
  const embedded = dataDir
    ? await startEmbeddedNeo4j({
        dataDir,
        boltPort: 17000 + Math.floor(Math.random() * 2000),
        heap: process.env.NEO4J_HEAP || '1g',
        pageCacheMb: 256,
        log,
      })
    : undefined;
  try {
    const config = loadConfig({
      ...process.env,
      // Open mode on loopback, as the bench runs it (production mode refuses to start without auth).
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      NEO4J_URI: external ?? embedded!.uri,
      NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '',
      PORT: '0',
      SEED_DEMO: 'false',
      JWT_SECRET: '',
      LOG_LEVEL: 'silent',
      // As in the bench: the nested query's links (no first) are costed above the default limit at 100k.
      MAX_QUERY_COST: String(1e9),
    });
    const db = connect(config);
    if (!external) {
      await applySchema(db);
      const data = generateNetwork({ hcps: options.hcps, seed: 42 });
      log(`importing ${data.hcps.length} HCPs, ${data.hcpLinks.length} links ...`);
      await importNetwork(db, data);
    }
    const app = await startApp(config, createLogger('silent'));
    await app.prepared;

    const variables = { first: 100 };
    const body = JSON.stringify({ query: API_NESTED, variables });
    // Uncompressed, as the bench compares it (compression is measured apart there).
    const headers = { 'content-type': 'application/json', 'accept-encoding': 'identity' };
    const post = options.client === 'http' ? keepAlivePost(app.url) : fetchPost(app.url, headers);
    const api = async () => {
      const parsed = JSON.parse(await post(body));
      if (parsed.errors) throw new Error(JSON.stringify(parsed.errors));
      return parsed;
    };
    const cypher = async () => {
      const result = await db.driver.executeQuery(
        CYPHER_NESTED,
        { first: neo4j.int(variables.first) },
        { database: db.name, routing: 'READ' },
      );
      return result.records.map((record) => record.toObject());
    };
    const sample = await api();
    const links = sample.data.hcps.edges.reduce((n: number, e: { node: { links: unknown[] } }) => n + e.node.links.length, 0);
    const fields = countFields(sample.data);
    log(
      `nested query: ${sample.data.hcps.edges.length} HCPs, ${links} links, ${fields} fields resolved per request; executor ${process.env.GRAPHQL_EXECUTOR ?? 'default'}, client ${options.client}`,
    );
    // A network rebuild still running would fall in the measured window: wait for the snapshot.
    await post(JSON.stringify({ query: '{ kolRanking(first: 1) { rank } communities { modularity } }' }));
    for (let i = 0; i < options.warmup; i++) {
      await api();
      await cypher();
    }

    const session = new inspector.Session();
    session.connect();
    fs.mkdirSync(options.out, { recursive: true });
    const report: string[] = [];
    const results: Record<
      string,
      ReturnType<typeof analyse> & { latency: { p50: number; p95: number; requestsPerSec?: number }; cpuMs: number }
    > = {};
    // The whole machine's CPU per request besides the main thread: this process (all threads),
    // Neo4j (the embedded JVM, or NEO4J_PID for a server started apart) and the load generator.
    const neo4jPid = embedded?.pid ?? (Number(process.env.NEO4J_PID) || undefined);
    const machineCpu: Record<string, { process: number | null; neo4j: number | null; client: number | null; threads: string }> = {};
    // Sequential requests (p50, p95 of each), or the throughput shape (requests per second).
    const measured = async (name: 'api' | 'cypher', run: () => Promise<unknown>) => {
      if (!options.load) {
        const samples = await sequential(options.runs, 0, run);
        return { requests: samples.length, latency: summarize(samples) };
      }
      const load =
        name === 'api'
          ? await autocannonLoad(app.url, { query: API_NESTED, variables }, options.load, options.duration)
          : await concurrentLoad(run, options.load, options.duration);
      return {
        requests: load.requests,
        latency: { p50: load.latencyP50, p95: load.latencyP97_5, requestsPerSec: load.requestsPerSec },
        clientCpuMs: load.clientCpuMs,
      };
    };
    for (const [name, run] of [
      ['api', api],
      ['cypher', cypher],
    ] as const) {
      const cpu = processCpuMs(process.pid, process.pid);
      const cpuAll = processCpuMs(process.pid);
      const jvm = neo4jPid ? processCpuMs(neo4jPid) : null;
      const threadsBefore = threadCpuMs(process.pid);
      const { result, profile } = await profiled(session, () => measured(name, run));
      const threads = [...threadCpuMs(process.pid)]
        .map(([thread, ms]) => [thread, round((ms - (threadsBefore.get(thread) ?? 0)) / result.requests, 2)] as const)
        .filter(([, ms]) => ms > 0)
        .sort((a, b) => b[1] - a[1]);
      const used = (processCpuMs(process.pid, process.pid) ?? NaN) - (cpu ?? NaN);
      const perRequest = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : round(ms / result.requests, 2));
      machineCpu[name] = {
        process: perRequest((processCpuMs(process.pid) ?? NaN) - (cpuAll ?? NaN)),
        neo4j: perRequest(jvm === null ? null : (processCpuMs(neo4jPid!) ?? NaN) - jvm),
        client: perRequest('clientCpuMs' in result ? result.clientCpuMs : null),
        threads: threads.map(([thread, ms]) => `${thread} ${ms}`).join(', '),
      };
      fs.writeFileSync(path.join(options.out, `${name}.cpuprofile`), JSON.stringify(profile));
      results[name] = {
        ...analyse(profile),
        latency: result.latency,
        cpuMs: round(used / result.requests, 2),
      };
    }
    session.disconnect();

    const shape = options.load ? `${options.load} connections x ${options.duration} s` : `${options.runs} requests`;
    report.push(`# Nested query profile: ${options.hcps} HCPs, 100 HCPs / ${links} links per request, ${shape}`);
    report.push(
      `${new Date().toISOString()} · ${os.cpus()[0]?.model.trim()} · ${os.cpus().length} cores · load ${os
        .loadavg()
        .map((x) => round(x, 2))
        .join(' ')} · Node ${process.version} · executor ${process.env.GRAPHQL_EXECUTOR ?? 'default'} · client ${options.client}`,
    );
    for (const name of ['api', 'cypher']) {
      const r = results[name];
      report.push(...renderAnalysis(name, r, r.cpuMs));
      const m = machineCpu[name];
      report.push(
        '',
        `CPU ms/request elsewhere: this process, all threads ${m.process}; Neo4j ${m.neo4j ?? 'n/a'}; load generator ${m.client ?? 'n/a (in this process)'}`,
        '',
        `This process's threads, CPU ms/request: ${m.threads}`,
      );
    }
    const text = `${report.join('\n')}\n`;
    fs.writeFileSync(path.join(options.out, 'profile.md'), text);
    console.log(text);
    log(`profiles in ${options.out}`);
    await app.stop();
    await db.close();
  } finally {
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The profile's sample intervals are wall-clock time: on a loaded machine a sample also covers
 * time the process waited for a core. Shares of the busy (non-idle) samples are robust to that;
 * CPU ms per request is the main thread's measured CPU time (/proc, processCpuMs with the main thread) split by those shares.
 */
export function renderAnalysis(
  name: string,
  r: ReturnType<typeof analyse> & { latency: { p50: number; p95: number; requestsPerSec?: number } },
  cpuMs: number,
): string[] {
  // Under load the tail is autocannon's p97.5 (it reports no p95).
  const { requestsPerSec, p50, p95 } = r.latency;
  const figures = requestsPerSec === undefined ? `p50 ${p50} ms, p95 ${p95} ms` : `${requestsPerSec} req/s, p50 ${p50} ms, p97.5 ${p95} ms`;
  const lines = [
    '',
    `## ${name}: ${figures}; Node main-thread CPU ${cpuMs} ms/request`,
    '',
    '| where | share of CPU | ≈ CPU ms/request |',
    '|---|---|---|',
  ];
  const busy = [...r.categories].filter(([c]) => !c.startsWith('idle')).reduce((s, [, ms]) => s + ms, 0);
  for (const [category, ms] of [...r.categories].filter(([c]) => !c.startsWith('idle')).sort((a, b) => b[1] - a[1])) {
    lines.push(`| ${category} | ${round((100 * ms) / busy, 1)}% | ${round((cpuMs * ms) / busy, 2)} |`);
  }
  lines.push('', '| heaviest functions (self) | share of CPU | ≈ CPU ms/request |', '|---|---|---|');
  for (const [fn, ms] of [...r.functions]
    .filter(([f]) => !f.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)) {
    lines.push(`| \`${fn}\` | ${round((100 * ms) / busy, 1)}% | ${round((cpuMs * ms) / busy, 2)} |`);
  }
  return lines;
}

type Post = (body: string) => Promise<string>;

function fetchPost(url: string, headers: Record<string, string>): Post {
  return async (body) => (await fetch(url, { method: 'POST', headers, body })).text();
}

/** Leaf and object fields in a GraphQL response (what the executor resolved and completed). */
function countFields(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + countFields(item), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((n: number, inner) => n + 1 + countFields(inner), 0);
  return 0;
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
