/**
 * npm run bench:writes -- [--hcps 5000] [--seed 7] [--writers 16] [--duration 20] [--warmup 90] [--runs 100] [--rounds 2]
 *   [--alone 1] [--bounds 0/2/0/0,0/3/170/1000] [--counters 1] [--write-process 0] [--write-nice 0]
 *
 * Concurrent writes on the embedded Neo4j: N writers logging interactions for different HCPs
 * through HTTP (every fifth request resent with the same id), first alone, then with one reader
 * looping kolRanking / introductionPaths / networkReach, whose latencies are compared with the
 * same reads idle, measured just before in the same round. Checks nothing was lost or duplicated.
 *
 * Processes: the API (and the embedded Neo4j it talks to, a JVM of its own) runs in this process;
 * the writers run in one child process and the reader in another (bench/writes-client.ts), so
 * neither competes with the API's event loop, as real clients do not. The JVM is warmed first
 * (--warmup seconds of writers and reads: on some machines the JIT compiler takes a minute or two
 * of load to settle, and 30 s measured the database at 2-4x its warm CPU per write), then each
 * round measures every bound, in reverse order every other round, so no bound always runs first.
 *
 * CPU per write: the API process (all its threads: event loop, GC, the driver, the betweenness
 * and PageRank worker threads), its event-loop thread alone, Neo4j's JVM, and the load clients
 * (writers and reader), each process's CPU time over the run divided by the writes; and the cores
 * each kept busy (CPU per write x writes per second), against the machine's.
 *
 * --bounds: the write gate's settings measured, on the same database, each
 * MAX_CONCURRENT_WRITES[/MAX_CONCURRENT_WRITES_WHILE_READING[/MAX_WRITES_PER_SECOND_WHILE_READING[/READ_PRIORITY_WINDOW_MS]]]
 * (0: no bound). --alone 0 skips the writers-alone runs. --counters 1,0 measures each bound with the
 * embedded server's commit counter used by the syncs (1, as the API runs) and not (0: a probe per
 * sync, as with an external server); the syncs' probes and skips are counted either way.
 * NEO4J_NICE (as npm start reads it) runs the embedded Neo4j at that niceness.
 * Writes bench/results/writes-<hcps>.json and .md.
 *
 * PROFILE_WRITES=<folder>: each run with a reader is also taken under the V8 CPU profiler (the API's
 * event loop: this process's main thread); its .cpuprofile and where the time went, per write, are
 * written there (bench/profile.ts groups the self time). The profiler's cost shows in every figure
 * of that run, so leave it unset for the figures themselves.
 */
process.env.NODE_ENV ??= 'production';
import { ChildProcess, fork } from 'node:child_process';
import inspector from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { startEmbeddedNeo4j } from '../src/db/embedded';
import { generateNetwork } from '../src/import/generate';
import { importNetwork } from '../src/import/importer';
import { createLogger } from '../src/logger';
import { machineInfo, processCpuMs } from './harness/machine';
import { writeResults } from './harness/results';
import { benchApiEnv, embeddedNice } from './harness/api';
import { ApiProcess, startApiProcess } from './harness/api-process';
import { freePort } from './bench';
import { Latency, round, summarize } from './harness/stats';
import { WritersResult } from './harness/writers';
import { WriteGate } from '../src/db/write-gate';
import { CommitCounter } from '../src/db/commit-counter';
import { SyncTimes } from '../src/network/network.service';
import type { ClientAnswer, ClientCommand, ReadTime } from './writes-client';
import { analyse, profiled, renderAnalysis } from './profile';

delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;

const args = new Map<string, number>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), Number(process.argv[i + 1]));
const HCPS = args.get('hcps') ?? 5000;
const SEED = args.get('seed') ?? 7;
const WRITERS = args.get('writers') ?? 16;
const DURATION_MS = (args.get('duration') ?? 20) * 1000;
const WARMUP_MS = (args.get('warmup') ?? 90) * 1000;
const RUNS = args.get('runs') ?? 100;
const ALONE = (args.get('alone') ?? 1) !== 0;
const ROUNDS = args.get('rounds') ?? 2;
/**
 * --write-process N (N > 0): the writers write through a second API, in a process of its own on the
 * same database, that keeps at most N write transactions at once; the reader reads from this
 * process's API. The reader's event loop then runs no write; its API notices the other instance's
 * commits as any instance does. What moving the writes off the readers' event loop could give.
 */
const WRITE_PROCESS = args.get('write-process') ?? 0;
/** --write-nice N: that second API's niceness (every thread of it at its start), so the reader's API takes the cores first. */
const WRITE_NICE = args.get('write-nice') ?? 0;
/** The embedded Neo4j's niceness, as npm start reads it. */
const NICE = embeddedNice();
const countersAt = process.argv.indexOf('--counters');
/** Each: whether the syncs read the commit counter (1) or probe every time (0). */
const COUNTERS = (countersAt > 0 ? process.argv[countersAt + 1] : '1').split(',').map((x) => x === '1');
const boundsAt = process.argv.indexOf('--bounds');
/** Each: the write gate's bounds, as limit[/whileReading[/perSecondWhileReading[/readWindowMs]]]. */
const BOUNDS = (boundsAt > 0 ? process.argv[boundsAt + 1] : '0/2/0/0,0/3/170/1000').split(',').map((bound) => {
  const numbers = bound.split('/').map(Number);
  if (numbers.length > 4 || !numbers.every(Number.isInteger)) throw new Error(`--bounds: "${bound}" is not up to four integers N/N/N/N`);
  const [limit, whileReading = 0, perSecondWhileReading = 0, readWindowMs = 0] = numbers;
  return {
    limit,
    whileReading,
    perSecondWhileReading,
    readWindowMs,
    name: [limit, whileReading, perSecondWhileReading, readWindowMs].join('/'),
  };
});

/** A forked load client (bench/writes-client.ts): one command at a time. */
function client(): { ask: (command: ClientCommand) => Promise<ClientAnswer>; child: ChildProcess } {
  const child = fork(path.join(__dirname, 'writes-client.ts'), [], {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const ask = (command: ClientCommand) =>
    new Promise<ClientAnswer>((resolve, reject) => {
      child.once('message', (answer: ClientAnswer) =>
        answer.kind === 'error' ? reject(new Error(`load client: ${answer.message}`)) : resolve(answer),
      );
      child.send(command);
    });
  return { ask, child };
}

/**
 * The reader's reads split by what their sync did (skipped its probe, or probed; matched by time:
 * the one reader's reads are the only callers of the sync), and where a probing read's time went.
 */
interface ReadSplit {
  skipped: Record<string, Latency>;
  /** Reads whose sync applied the states this API's transactions kept (no statement). */
  kept: Record<string, Latency>;
  probed: Record<string, Latency>;
  /** Per probing read: the probe's wait, other state statements, applying in memory, and the rest of the read (HTTP, GraphQL, the answer). */
  probedParts: { probeMs: Latency; statesMs: Latency; applyMs: Latency; restMs: Latency };
  /** The rest of a read whose sync sent no probe (skipped, or applied kept states). */
  skippedRestMs: Latency;
  /** Per read whose sync applied kept states: applying them in memory, and the rest of the read. */
  keptParts: { applyMs: Latency; restMs: Latency };
  unmatched: number;
  /** The API's event-loop delay over the run (perf_hooks, 1 ms resolution), ms. */
  eventLoopDelayMs: { p50: number; p95: number; p99: number; max: number };
}

function splitReads(timeline: readonly ReadTime[], syncs: readonly SyncTimes[]): Omit<ReadSplit, 'eventLoopDelayMs'> {
  const sorted = [...syncs].sort((a, b) => a.startedAt - b.startedAt);
  const by = { skipped: new Map<string, number[]>(), kept: new Map<string, number[]>(), probed: new Map<string, number[]>() };
  const parts = { probeMs: [] as number[], statesMs: [] as number[], applyMs: [] as number[], restMs: [] as number[] };
  const skippedRest: number[] = [];
  const keptParts = { applyMs: [] as number[], restMs: [] as number[] };
  let unmatched = 0;
  let next = 0;
  for (const read of [...timeline].sort((a, b) => a.startedAt - b.startedAt)) {
    // Two processes' clocks from their time origins: half a ms of slack.
    while (next < sorted.length && sorted[next].startedAt < read.startedAt - 0.5) next++;
    const sync = sorted[next];
    if (!sync || sync.startedAt > read.startedAt + read.ms) {
      unmatched++;
      continue;
    }
    next++;
    const kind = sync.probed ? by.probed : sync.kept ? by.kept : by.skipped;
    kind.set(read.name, [...(kind.get(read.name) ?? []), read.ms]);
    if (sync.probed) {
      parts.probeMs.push(sync.probeMs);
      parts.statesMs.push(sync.statesMs);
      parts.applyMs.push(sync.applyMs);
      parts.restMs.push(read.ms - sync.totalMs);
    } else {
      skippedRest.push(read.ms - sync.totalMs);
    }
    if (sync.kept) {
      keptParts.applyMs.push(sync.applyMs);
      keptParts.restMs.push(read.ms - sync.totalMs);
    }
  }
  const names = [...new Set(timeline.map((read) => read.name))];
  const of = (kind: Map<string, number[]>) => Object.fromEntries(names.map((name) => [name, summarize(kind.get(name) ?? [])]));
  return {
    skipped: of(by.skipped),
    kept: of(by.kept),
    probed: of(by.probed),
    probedParts: {
      probeMs: summarize(parts.probeMs),
      statesMs: summarize(parts.statesMs),
      applyMs: summarize(parts.applyMs),
      restMs: summarize(parts.restMs),
    },
    skippedRestMs: summarize(skippedRest),
    keptParts: { applyMs: summarize(keptParts.applyMs), restMs: summarize(keptParts.restMs) },
    unmatched,
  };
}

interface Measured extends WritersResult {
  stored: number;
  /** The API's network syncs during the run: probes sent, syncs the commit counter answered without one, syncs that applied kept states. */
  syncs: { probes: number; skipped: number; kept: number };
  cpuPerWriteMsAll: { api: number; apiEventLoop: number; neo4j: number; writersClient: number; readerClient: number | null };
}

async function main(): Promise<void> {
  const say = (line: string) => process.stderr.write(`[writes-bench] ${line}\n`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-writes-bench-'));
  const data = generateNetwork({ hcps: HCPS, seed: SEED });
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    boltPort: 7300 + Math.floor(Math.random() * 300),
    heap: process.env.NEO4J_HEAP || '1g',
    nice: NICE,
    log: () => undefined,
  });
  const config = loadConfig(benchApiEnv(neo4j.uri, { NEO4J_HEAP: process.env.NEO4J_HEAP }));
  const app = await startApp(config, createLogger('silent'));
  const writersClient = client();
  const readerClient = client();
  let writeApi: ApiProcess | undefined;
  try {
    await app.prepared;
    const db = app.services.db;
    say(`importing ${data.hcps.length} HCPs, ${data.hcpLinks.length} links ...`);
    await importNetwork(db, data);
    if (WRITE_PROCESS > 0) {
      writeApi = await startApiProcess(neo4j.uri, await freePort(), { MAX_CONCURRENT_WRITES: String(WRITE_PROCESS) });
      if (WRITE_NICE > 0) for (const task of fs.readdirSync(`/proc/${writeApi.pid}/task`)) os.setPriority(Number(task), WRITE_NICE);
      say(`writers write through a second API process (pid ${writeApi.pid}, MAX_CONCURRENT_WRITES=${WRITE_PROCESS}, nice ${WRITE_NICE})`);
    }
    const hcps = data.hcps.map((h) => h.id);
    const msls = data.msls.map((m) => m.id);
    const load = { url: app.url, hcps, msls };
    const writers = (durationMs: number, tag: string) =>
      writersClient.ask({ kind: 'writers', ...load, url: writeApi?.url ?? app.url, writers: WRITERS, durationMs, tag }) as Promise<
        Extract<ClientAnswer, { kind: 'writers' }>
      >;
    const reads = (seed: number, options: { durationMs?: number; runs?: number }) =>
      readerClient.ask({ kind: 'reads', ...load, seed, ...options }) as Promise<Extract<ClientAnswer, { kind: 'reads' }>>;
    const stored = async (tag: string) =>
      (
        await db.read<{ n: number }>('MATCH (i:Interaction) WHERE i.id STARTS WITH $prefix RETURN count(i) AS n', {
          prefix: `${tag}-load-`,
        })
      )[0].n;
    const cpu = () => ({
      api: processCpuMs(process.pid)! + (writeApi ? processCpuMs(writeApi.pid)! : 0),
      apiEventLoop: processCpuMs(process.pid, process.pid)!,
      neo4j: processCpuMs(neo4j.pid)!,
    });
    const network = app.services.network;
    const syncs = () => ({ probes: network.probes, skipped: network.skipped, kept: network.keptSyncs });
    const since = (before: { probes: number; skipped: number; kept: number }) => ({
      probes: network.probes - before.probes,
      skipped: network.skipped - before.skipped,
      kept: network.keptSyncs - before.kept,
    });
    let inspectorSession: inspector.Session | undefined;
    const session = () => {
      if (!inspectorSession) (inspectorSession = new inspector.Session()).connect();
      return inspectorSession;
    };
    const counter = db.commits;
    const useCounter = (on: boolean) => ((db as { commits?: CommitCounter }).commits = on ? counter : undefined);
    const measure = async (
      tag: string,
      withReader: boolean,
      seed: number,
    ): Promise<Measured & { reads?: Record<string, Latency>; split?: ReadSplit }> => {
      const synced = syncs();
      const syncTimes: SyncTimes[] = [];
      network.observer = (times) => syncTimes.push(times);
      const delay = monitorEventLoopDelay({ resolution: 1 });
      delay.enable();
      const before = cpu();
      const load = () => Promise.all([writers(DURATION_MS, tag), withReader ? reads(seed, { durationMs: DURATION_MS }) : undefined]);
      const profileDir = withReader ? process.env.PROFILE_WRITES : undefined;
      const taken = profileDir ? await profiled(session(), load) : { result: await load(), profile: undefined };
      const [w, r] = taken.result;
      const after = cpu();
      delay.disable();
      network.observer = undefined;
      const ms = (ns: number) => round(ns / 1e6);
      const eventLoopDelayMs = {
        p50: ms(delay.percentile(50)),
        p95: ms(delay.percentile(95)),
        p99: ms(delay.percentile(99)),
        max: ms(delay.max),
      };
      const per = (ms: number) => round(ms / Math.max(1, w.result.requests));
      if (profileDir && taken.profile) {
        fs.mkdirSync(profileDir, { recursive: true });
        fs.writeFileSync(path.join(profileDir, `${tag}.cpuprofile`), JSON.stringify(taken.profile));
        const latency = { p50: w.result.latency.p50, p95: w.result.latency.p95, requestsPerSec: w.result.perSecond };
        const lines = renderAnalysis(
          `${tag}, per write`,
          { ...analyse(taken.profile), latency },
          per(after.apiEventLoop - before.apiEventLoop),
        );
        fs.writeFileSync(path.join(profileDir, `${tag}.md`), lines.join('\n') + '\n');
        say(`profile: ${path.join(profileDir, tag)}.cpuprofile and .md`);
      }
      return {
        ...w.result,
        stored: await stored(tag),
        syncs: since(synced),
        cpuPerWriteMsAll: {
          api: per(after.api - before.api),
          apiEventLoop: per(after.apiEventLoop - before.apiEventLoop),
          neo4j: per(after.neo4j - before.neo4j),
          writersClient: per(w.cpuMs),
          readerClient: r ? per(r.cpuMs) : null,
        },
        reads: r?.reads ?? {},
        split: r ? { ...splitReads(r.timeline, syncTimes), eventLoopDelayMs } : undefined,
      };
    };

    say(`warm-up: ${WARMUP_MS / 1000} s of writers and a reader ...`);
    await Promise.all([writers(WARMUP_MS, 'warm'), reads(SEED, { durationMs: WARMUP_MS })]);
    const rounds = [];
    const settings = BOUNDS.flatMap((bound) => COUNTERS.map((counted) => ({ bound, counted })));
    for (let r = 0; r < ROUNDS; r++) {
      useCounter(true);
      const idleSynced = syncs();
      const idle = (await reads(SEED + 100 + r, { runs: RUNS })).reads;
      const idleSyncs = since(idleSynced);
      // Counter off, the idle reads probe too: its runs are compared with these.
      useCounter(false);
      const idleProbing = COUNTERS.includes(false) ? (await reads(SEED + 100 + r, { runs: RUNS })).reads : idle;
      const order = r % 2 === 0 ? settings : [...settings].reverse();
      const runs = [];
      for (const { bound, counted } of order) {
        // The bench swaps the instance's gate to measure each bound on the same warm database.
        (db as { writeGate: WriteGate }).writeGate = new WriteGate(bound);
        useCounter(counted);
        const tag = `r${r}-${bound.name.replaceAll('/', '-')}-${counted ? 'c' : 'p'}`;
        say(
          `round ${r + 1}, bounds ${bound.name}, counter ${counted ? 'on' : 'off'}: ${WRITERS} writers${ALONE ? ' alone, then' : ''} with a reader, ${DURATION_MS / 1000} s each ...`,
        );
        const alone = ALONE ? await measure(`alone-${tag}`, false, 0) : null;
        const withReader = await measure(`read-${tag}`, true, SEED + 200 + r);
        runs.push({
          bounds: bound.name,
          maxConcurrentWrites: bound.limit,
          maxConcurrentWritesWhileReading: bound.whileReading,
          maxWritesPerSecondWhileReading: bound.perSecondWhileReading,
          readPriorityWindowMs: bound.readWindowMs,
          commitCounter: counted,
          alone,
          withReader,
          readRatioP95: Object.fromEntries(
            Object.keys(idle).map((name) => [name, round(withReader.reads![name].p95 / (counted ? idle : idleProbing)[name].p95)]),
          ),
        });
      }
      rounds.push({ idle, idleProbing, idleSyncs, runs, loadAverage: os.loadavg().map((x) => round(x, 2)) });
    }
    const report = {
      dataset: { hcps: data.hcps.length, links: data.hcpLinks.length, msls: msls.length, seed: SEED },
      machine: await machineInfo(db),
      processes:
        `API + embedded Neo4j (own JVM${NICE ? `, NEO4J_NICE=${NICE}` : ''}) started by the bench process; writers in one forked process, the reader in another` +
        (writeApi
          ? `; the writers write through a second API in its own process (MAX_CONCURRENT_WRITES=${WRITE_PROCESS}, nice ${WRITE_NICE}), the API CPU counts both`
          : ''),
      warmupSeconds: WARMUP_MS / 1000,
      loadAverageAtEnd: os.loadavg(),
      rounds,
    };
    writeResults(`writes-${HCPS}`, report, markdown(report));
    console.log(markdown(report));
  } finally {
    writersClient.child.kill();
    readerClient.child.kill();
    await writeApi?.stop();
    await app.stop();
    await neo4j.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function markdown(r: any): string {
  const l = (x: Latency) => `p50 ${x.p50.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms (${x.runs} runs)`;
  const writes = (name: string, w: Measured) => {
    const cpu = w.cpuPerWriteMsAll;
    return (
      `- ${name}: ${w.perSecond} writes/s, ${l(w.latency)}; syncs: ${w.syncs.probes} probes, ${w.syncs.skipped} skipped, ${w.syncs.kept} from kept states; ` +
      `CPU per write: API process ${cpu.api} ms (event loop ${cpu.apiEventLoop}), ` +
      `Neo4j ${cpu.neo4j} ms, writers' client ${cpu.writersClient} ms` +
      (cpu.readerClient === null ? '' : `, reader's client ${cpu.readerClient} ms`) +
      `; cores busy: ${coresBusy(w)}` +
      `; acknowledged ${w.acknowledged}, stored ${w.stored}, retries answering another id ${w.retriesAnsweringAnotherId}, failures ${w.failures}` +
      (w.errors.length > 0 ? ` (${w.errors.join('; ')})` : '')
    );
  };
  // What bounds the rates and the readers' ratios on a small machine: the share of its cores each
  // process keeps busy (CPU per write x writes per second).
  const coresBusy = (w: Measured) => {
    const cpu = w.cpuPerWriteMsAll;
    const cores = (ms: number) => (ms * w.perSecond) / 1000;
    const clients = cores(cpu.writersClient + (cpu.readerClient ?? 0));
    const total = cores(cpu.api) + cores(cpu.neo4j) + clients;
    return `API ${cores(cpu.api).toFixed(2)}, Neo4j ${cores(cpu.neo4j).toFixed(2)}, the bench's clients ${clients.toFixed(2)}, ${total.toFixed(2)} of ${r.machine.cores}`;
  };
  return [
    `# Concurrent writes: ${r.dataset.hcps} HCPs, ${r.dataset.links} links, ${r.rounds[0].runs[0].withReader.writers} writers (embedded Neo4j)`,
    '',
    `Machine: ${JSON.stringify(r.machine)}; load average at the end ${r.loadAverageAtEnd.map((x: number) => x.toFixed(1)).join(' / ')}.`,
    '',
    `Processes: ${r.processes}. Warm-up: ${r.warmupSeconds} s of writers and the reader. CPU per write: each process's CPU time ` +
      `over the run / writes; the API process counts all its threads (event loop, GC, driver, betweenness and PageRank workers), ` +
      `"event loop" its main thread alone.`,
    '',
    ...r.rounds.flatMap((round: any, i: number) => [
      `## Round ${i + 1} (load average after it ${round.loadAverage.map((x: number) => x.toFixed(1)).join(' / ')})`,
      '',
      ...Object.entries(round.idle).map(([name, x]) => `- Idle ${name}: ${l(x as Latency)}`),
      `- Idle syncs (commit counter on): ${round.idleSyncs.probes} probes, ${round.idleSyncs.skipped} skipped`,
      ...(round.idleProbing === round.idle
        ? []
        : Object.entries(round.idleProbing).map(([name, x]) => `- Idle ${name}, counter off (a probe per read): ${l(x as Latency)}`)),
      ...round.runs.flatMap((run: any) => [
        `- MAX_CONCURRENT_WRITES=${run.maxConcurrentWrites}, MAX_CONCURRENT_WRITES_WHILE_READING=${run.maxConcurrentWritesWhileReading}, ` +
          `MAX_WRITES_PER_SECOND_WHILE_READING=${run.maxWritesPerSecondWhileReading}, READ_PRIORITY_WINDOW_MS=${run.readPriorityWindowMs}, ` +
          `commit counter ${run.commitCounter ? 'on' : 'off'}:`,
        ...(run.alone ? [`  ${writes('writers alone', run.alone)}`] : []),
        `  ${writes('writers with a reader', run.withReader)}`,
        ...Object.keys(round.idle).map(
          (name) =>
            `  - ${name} during writes: ${l(run.withReader.reads[name])} (p95 ${run.readRatioP95[name]}x idle${run.commitCounter ? '' : ', counter off'})` +
            `; its sync skipped: ${l(run.withReader.split.skipped[name])}; applied kept states: ${l(run.withReader.split.kept[name])}; ` +
            `probed: ${l(run.withReader.split.probed[name])}`,
        ),
        `  - probing reads' parts: probe ${l(run.withReader.split.probedParts.probeMs)}; other states ${l(run.withReader.split.probedParts.statesMs)}; ` +
          `applying ${l(run.withReader.split.probedParts.applyMs)}; rest of the read ${l(run.withReader.split.probedParts.restMs)}; ` +
          `reads without a probe: rest ${l(run.withReader.split.skippedRestMs)}; ` +
          `reads applying kept states: applying ${l(run.withReader.split.keptParts.applyMs)}, rest ${l(run.withReader.split.keptParts.restMs)}; ` +
          `unmatched ${run.withReader.split.unmatched}; ` +
          `API event-loop delay p50/p95/p99/max ${Object.values(run.withReader.split.eventLoopDelayMs).join(' / ')} ms`,
      ]),
      '',
    ]),
  ].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
