/**
 * npm run bench:import -- [--hcps 100000] [--runs 3] [--warm-runs 0] [--bulk-runs 1] [--machine-mb 8192] [--heap 4g]
 *   [--page-cache 1024] [--timeout-s 600] [--tx-memory-every-s 0] [--no-bulk] [--out dir]
 *
 * The import figures on their own, without the rest of the bench: the same generated network
 * imported `runs` times through the transactional import (one transaction, a fresh embedded
 * database each time, with the embedded server's DEFAULT memory settings unless --heap /
 * --page-cache: those of this machine, or of a machine of --machine-mb MB), then once through the
 * bulk import `--bulk-runs` times (Neo4j's offline importer into a new store, then schema and
 * change record): timed until it serves with every answer right (constraints and range indexes
 * online, full-text indexes still populating: search waits for them) and until every index is online.
 * --warm-runs N: then, on one more fresh server, one untimed import (the JVM's JIT compiles the
 * import's paths, as a server that has been serving has) and N timed ones, the database emptied
 * before each (untimed): an import into a running API's warm server, as `npm run import` does.
 * Writes bench/results/import-<hcps>.{json,md}.
 */
process.env.NODE_ENV ??= 'production';
(Error as { prepareStackTrace?: unknown }).prepareStackTrace = undefined;

import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { connect } from '../src/db/connect';
import { Database } from '../src/db/database';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../src/db/embedded';
import { applySchema, awaitIndexes } from '../src/db/schema';
import { writeResults } from './harness/results';
import { bulkImportAndServe, finishBulkImport } from '../src/import/bulk';
import { generateNetwork } from '../src/import/generate';
import { importNetwork } from '../src/import/importer';
import { NetworkData } from '../src/import/records';
import { emptyDatabase, freePort } from './bench';
import { fillNeo4jMemory, processCpuMs, processMemory } from './harness/machine';
import { round } from './harness/stats';

interface Options {
  hcps: number;
  seed: number;
  runs: number;
  warmRuns: number;
  bulkRuns: number;
  /** The machine memory the default heap and page cache are derived from (src/memory.ts). */
  machineMb: number;
  heap: string;
  pageCacheMb: number;
  /** A transactional run taking longer is stopped (its transaction times out) and reported as failed. */
  timeoutS: number;
  /** How often the transaction's memory is polled, s (0: never; polling slows the import). */
  txMemoryEveryS: number;
  bulk: boolean;
  outDir: string;
}

interface TransactionalRun {
  /** Why the run did not import (null: it did). */
  error: string | null;
  totalMs: number;
  /** Time after the last batch: the commit (index updates, transaction log, the launcher's change listener). */
  commitMs: number;
  files: { file: string; rows: number; ms: number }[];
  jvmCpuMs: number | null;
  jvmPeakRssMb: number | null;
  jvmHeapUsedMb: number | null;
  /** Largest transaction memory Neo4j reported for the import while it ran (polled every second). */
  txMemoryPeakMb: number | null;
  /** Time the JVM spent collecting garbage during the import: a heap too small shows here first. */
  jvmGcMs: number | null;
  /** The bench process (records, validation, driver) after the run, peak. */
  nodePeakRssMb: number;
  loadAverage: number[];
}

interface ImportReport {
  startedAt: string;
  machine: { cpuModel: string; cores: number; ramGb: number; loadAverageStart: number[]; loadAverageEnd: number[] };
  options: Omit<Options, 'outDir'>;
  txStateAllocation: string | null;
  transactionMemoryMax: string | null;
  dataset: { hcps: number; links: number; rows: number };
  transactional: TransactionalRun[];
  /** --warm-runs: into one server that has run the same import before (the database emptied in between). */
  warm: TransactionalRun[];
  bulk: BulkRun[];
}

interface BulkRun {
  /** From the records to the server answering every query right: constraints and range indexes online, full-text indexes created. */
  totalMs: number;
  /** From the records to every index online (full-text populated). */
  allOnlineMs: number;
  /** Records streamed to Neo4j's importer, until the store is built. */
  storeMs: number;
  startMs: number;
  /** The constraints and indexes created by the launcher before the database answered. */
  schemaMs: number;
  /** On the started server: constraints and range indexes awaited (full-text not), and the change record. */
  finishMs: number;
  /** After that, until the full-text indexes are online. */
  fullTextMs: number;
  loadAverage: number[];
}

const log = (line: string) => process.stderr.write(`[bench:import] ${line}\n`);

function parseArgs(argv: string[]): Options {
  const options: Options = {
    hcps: 100000,
    seed: 42,
    runs: 3,
    warmRuns: 0,
    bulkRuns: 1,
    machineMb: loadConfig({}).machineMemoryMb,
    heap: '',
    pageCacheMb: 0,
    timeoutS: 600,
    txMemoryEveryS: 0,
    bulk: true,
    outDir: path.join(__dirname, 'results'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--hcps') options.hcps = Number(value());
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg === '--runs') options.runs = Number(value());
    else if (arg === '--warm-runs') options.warmRuns = Number(value());
    else if (arg === '--bulk-runs') options.bulkRuns = Number(value());
    else if (arg === '--machine-mb') options.machineMb = Number(value());
    else if (arg === '--heap') options.heap = value();
    else if (arg === '--page-cache') options.pageCacheMb = Number(value());
    else if (arg === '--timeout-s') options.timeoutS = Number(value());
    else if (arg === '--tx-memory-every-s') options.txMemoryEveryS = Number(value());
    else if (arg === '--no-bulk') options.bulk = false;
    else if (arg === '--out') options.outDir = path.resolve(value());
    else throw new Error(`unknown option ${arg}`);
  }
  fillNeo4jMemory(options);
  return options;
}

function databaseOf(uri: string): Database {
  return connect(
    loadConfig({ NEO4J_URI: uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '', LOG_LEVEL: 'silent', NEO4J_QUERY_TIMEOUT_MS: '1800000' }),
  );
}

/** `work` on a fresh embedded server in a temporary folder, removed afterwards. */
async function withServer<T>(options: Options, work: (db: Database, server: EmbeddedNeo4j) => Promise<T>): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-bench-import-'));
  const server = await startEmbeddedNeo4j({
    dataDir,
    boltPort: await freePort(),
    heap: options.heap,
    pageCacheMb: options.pageCacheMb,
    log: () => undefined,
  });
  const db = databaseOf(server.uri);
  try {
    return await work(db, server);
  } finally {
    await db.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function setting(db: Database, name: string): Promise<string | null> {
  return db.read<{ value: string }>('SHOW SETTINGS YIELD name, value WHERE name = $name RETURN value', { name }).then(
    (rows) => rows[0]?.value ?? null,
    () => null,
  );
}

/** Total collection time of the JVM's garbage collectors so far, ms. */
async function gcMs(db: Database): Promise<number | null> {
  return db
    .read<{ ms: number }>(
      "CALL dbms.queryJmx('java.lang:type=GarbageCollector,*') YIELD attributes RETURN sum(attributes.CollectionTime.value) AS ms",
    )
    .then(
      (rows) => Number(rows[0]?.ms ?? NaN),
      () => NaN,
    )
    .then((ms) => (Number.isFinite(ms) ? ms : null));
}

/**
 * Polls the largest memory Neo4j reports for an open transaction every `everyS` seconds (0: not
 * at all). Off by default: each SHOW TRANSACTIONS works through the import's transaction while
 * it runs, and polling every second slowed the import itself (docs/performance.md).
 */
function pollTransactionMemory(db: Database, everyS: number): { stop: () => void; peakMb: () => number | null } {
  let peak: number | null = null;
  if (everyS <= 0) return { stop: () => undefined, peakMb: () => peak };
  const timer = setInterval(() => {
    db.read<{ bytes: number }>('SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory RETURN max(estimatedUsedHeapMemory) AS bytes').then(
      ([row]) => {
        const mb = Number(row?.bytes ?? NaN) / 1024 ** 2;
        if (Number.isFinite(mb)) peak = Math.max(peak ?? 0, round(mb, 0));
      },
      () => undefined,
    );
  }, everyS * 1000);
  return { stop: () => clearInterval(timer), peakMb: () => peak };
}

async function transactionalRun(data: NetworkData, options: Options, report: ImportReport): Promise<TransactionalRun> {
  return withServer(options, (db, server) => timedImport(db, server, data, options, report));
}

/** One server: an untimed import, then `options.warmRuns` timed ones into the emptied database. */
async function warmRuns(data: NetworkData, options: Options, report: ImportReport): Promise<TransactionalRun[]> {
  return withServer(options, async (db, server) => {
    await applySchema(db);
    await importNetwork(db, data, { timeoutMs: options.timeoutS * 1000 });
    const runs: TransactionalRun[] = [];
    for (let i = 0; i < options.warmRuns; i++) {
      await emptyDatabase(db);
      runs.push(await timedImport(db, server, data, options, report).catch((error: Error) => failedRun(error)));
    }
    return runs;
  });
}

/** One import into `db` timed, with the JVM's CPU, collections and memory over it. */
async function timedImport(
  db: Database,
  server: EmbeddedNeo4j,
  data: NetworkData,
  options: Options,
  report: ImportReport,
): Promise<TransactionalRun> {
  report.txStateAllocation ??= await setting(db, 'db.tx_state.memory_allocation');
  report.transactionMemoryMax ??= await setting(db, 'dbms.memory.transaction.total.max');
  await applySchema(db);
  const loadAverage = os.loadavg().map((x) => round(x, 2));
  const cpuBefore = processCpuMs(server.pid);
  const gcBefore = await gcMs(db);
  const lastEvent = new Map<string, number>();
  const rowsOf = new Map<string, number>();
  const txMemory = pollTransactionMemory(db, options.txMemoryEveryS);
  const t0 = Date.now();
  const summary = await importNetwork(db, data, {
    timeoutMs: options.timeoutS * 1000,
    onProgress: (p) => {
      if (p.phase !== 'write') return;
      lastEvent.set(p.file, Date.now());
      rowsOf.set(p.file, p.total);
    },
  }).finally(() => txMemory.stop());
  const cpuAfter = processCpuMs(server.pid);
  const gcAfter = await gcMs(db);
  const files: TransactionalRun['files'] = [];
  let previous = t0;
  for (const [file, at] of lastEvent) {
    files.push({ file, rows: rowsOf.get(file) ?? 0, ms: at - previous });
    previous = at;
  }
  const [heap] = await db
    .read<{ used: number }>(
      "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes.HeapMemoryUsage.value.properties.used AS used",
    )
    .catch(() => [{ used: NaN }]);
  const run: TransactionalRun = {
    error: null,
    totalMs: summary.totalMs,
    commitMs: summary.commitMs,
    files,
    jvmCpuMs: cpuBefore !== null && cpuAfter !== null ? Math.round(cpuAfter - cpuBefore) : null,
    jvmPeakRssMb: processMemory(server.pid)?.peakRssMb ?? null,
    jvmHeapUsedMb: Number.isFinite(heap?.used) ? round(Number(heap.used) / 1024 ** 2, 1) : null,
    txMemoryPeakMb: txMemory.peakMb(),
    jvmGcMs: gcBefore !== null && gcAfter !== null ? gcAfter - gcBefore : null,
    nodePeakRssMb: round(process.resourceUsage().maxRSS / 1024, 1),
    loadAverage,
  };
  log(
    `transactional: ${summary.lines} rows in ${summary.totalMs} ms (commit ${summary.commitMs} ms), transaction memory peak ${run.txMemoryPeakMb} MB, GC ${run.jvmGcMs} ms, JVM peak RSS ${run.jvmPeakRssMb} MB, load ${loadAverage.join(' ')}`,
  );
  return run;
}

function failedRun(error: Error): TransactionalRun {
  log(`transactional: failed: ${error.message}`);
  return {
    error: error.message,
    totalMs: NaN,
    commitMs: NaN,
    files: [],
    jvmCpuMs: null,
    jvmPeakRssMb: null,
    jvmHeapUsedMb: null,
    txMemoryPeakMb: null,
    jvmGcMs: null,
    nodePeakRssMb: round(process.resourceUsage().maxRSS / 1024, 1),
    loadAverage: os.loadavg().map((x) => round(x, 2)),
  };
}

async function bulkRun(data: NetworkData, options: Options): Promise<BulkRun> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-bench-bulk-'));
  const loadAverage = os.loadavg().map((x) => round(x, 2));
  let server: EmbeddedNeo4j | undefined;
  let db: Database | undefined;
  try {
    const { summary: built, server: started } = await bulkImportAndServe(data, {
      dataDir,
      database: 'neo4j',
      boltPort: await freePort(),
      heap: options.heap,
      pageCacheMb: options.pageCacheMb,
      log: () => undefined,
    });
    server = started;
    db = databaseOf(server.uri);
    const finishing = Date.now();
    await finishBulkImport(db, { fullText: 'background' });
    const finishMs = Date.now() - finishing;
    await awaitIndexes(db);
    const fullTextMs = Date.now() - finishing - finishMs;
    const result: BulkRun = {
      totalMs: built.totalMs + finishMs,
      allOnlineMs: built.totalMs + finishMs + fullTextMs,
      storeMs: built.storeMs,
      startMs: built.startMs,
      schemaMs: built.schemaMs,
      finishMs,
      fullTextMs,
      loadAverage,
    };
    log(
      `bulk: ${result.totalMs} ms serving, ${result.allOnlineMs} ms every index online (store ${built.storeMs}, database start ${built.startMs}, schema created ${built.schemaMs}, indexes awaited + change record ${finishMs}, full-text after it ${fullTextMs}), load ${loadAverage.join(' ')}`,
    );
    return result;
  } finally {
    await db?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function transactionalTable(runs: TransactionalRun[]): string[] {
  const s = (ms: number) => (ms / 1000).toFixed(1);
  return [
    '| run | total s | commit s | hcp_links.csv s | Neo4j CPU s | JVM GC s | transaction memory peak MB | JVM peak RSS MB | bench process peak RSS MB | load (1/5/15 min) |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...runs.map((t, i) =>
      t.error
        ? `| ${i + 1} | failed: ${t.error.replace(/\|/g, '/').slice(0, 200)} | | | | | | | ${t.nodePeakRssMb} | ${t.loadAverage.join(' ')} |`
        : `| ${i + 1} | ${s(t.totalMs)} | ${s(t.commitMs)} | ${s(t.files.find((f) => f.file === 'hcp_links.csv')?.ms ?? 0)} | ${t.jvmCpuMs === null ? '-' : s(t.jvmCpuMs)} | ${t.jvmGcMs === null ? '-' : s(t.jvmGcMs)} | ${t.txMemoryPeakMb ?? '-'} | ${t.jvmPeakRssMb ?? '-'} | ${t.nodePeakRssMb} | ${t.loadAverage.join(' ')} |`,
    ),
  ];
}

/** `ms` against the fastest transactional run (none: '-'). */
function ratio(best: number, ms: number): string {
  return Number.isFinite(best) ? `${(best / ms).toFixed(2)}x` : '-';
}

function markdown(r: ImportReport): string {
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const lines = [
    `# Import benchmark - ${r.dataset.hcps.toLocaleString('en-US')} HCPs`,
    '',
    `${r.startedAt} · ${r.machine.cpuModel}, ${r.machine.cores} cores, ${r.machine.ramGb} GB · embedded Neo4j heap ${r.options.heap}, page cache ${r.options.pageCacheMb} MB (defaults of a ${r.options.machineMb.toLocaleString('en-US')} MB machine unless set), transaction state ${r.txStateAllocation}, transaction memory cap ${r.transactionMemoryMax} · load average ${r.machine.loadAverageStart.join(' ')} at start, ${r.machine.loadAverageEnd.join(' ')} at end`,
    '',
    `Dataset (seed ${r.options.seed}): ${r.dataset.rows.toLocaleString('en-US')} rows (${r.dataset.links.toLocaleString('en-US')} links).`,
    '',
    '## Transactional import (one transaction, fresh database each run)',
    '',
    ...transactionalTable(r.transactional),
  ];
  if (r.warm.length > 0) {
    lines.push(
      '',
      '## Transactional import into a warm server',
      '',
      "One more fresh server: the same import once, untimed (the JVM's JIT compiles the import's paths), then each run into the database emptied before it (untimed). What `npm run import` meets in a running API's server.",
      '',
      ...transactionalTable(r.warm),
    );
  }
  if (r.bulk.length > 0) {
    const best = Math.min(...r.transactional.filter((t) => !t.error).map((t) => t.totalMs));
    lines.push(
      '',
      '## Bulk import (offline importer into a new store)',
      '',
      "Serving: from the records to the server answering every query right (constraints and range indexes online; the full-text indexes created and populating, search waits for them). The importer runs in the server's JVM, fed the records as a typed stream on its stdin while they are encoded; that JVM creates the constraints and indexes before the database answers.",
      '',
      '| run | serving s | every index online s | records streamed to the importer, store built s | first start s | schema created s | indexes awaited + change record s | full-text after it s | transactional / serving | transactional / every index online | load (1/5/15 min) |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
      ...r.bulk.map(
        (b, i) =>
          `| ${i + 1} | ${s(b.totalMs)} | ${s(b.allOnlineMs)} | ${s(b.storeMs)} | ${s(b.startMs)} | ${s(b.schemaMs)} | ${s(b.finishMs)} | ${s(b.fullTextMs)} | ${ratio(best, b.totalMs)} | ${ratio(best, b.allOnlineMs)} | ${b.loadAverage.join(' ')} |`,
      ),
      '',
      'Ratios against the fastest transactional run of this process.',
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const cpus = os.cpus();
  const data = generateNetwork({ hcps: options.hcps, seed: options.seed });
  const rows = Object.values(data).reduce((sum, list) => sum + (Array.isArray(list) ? list.length : 0), 0);
  const { outDir: _out, ...reported } = options;
  const report: ImportReport = {
    startedAt: new Date().toISOString(),
    machine: {
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      cores: cpus.length,
      ramGb: round(os.totalmem() / 1024 ** 3, 1),
      loadAverageStart: os.loadavg().map((x) => round(x, 2)),
      loadAverageEnd: [],
    },
    options: reported,
    txStateAllocation: null,
    transactionMemoryMax: null,
    dataset: { hcps: data.hcps.length, links: data.hcpLinks.length, rows },
    transactional: [],
    warm: [],
    bulk: [],
  };
  log(`generated ${data.hcps.length} HCPs, ${data.hcpLinks.length} links (${rows} rows); heap ${options.heap}`);
  for (let i = 0; i < options.runs; i++) {
    // A run that fails (too little memory, timeout) is reported as such; the next ones still run.
    const run = await transactionalRun(data, options, report).catch((error: Error) => failedRun(error));
    report.transactional.push(run);
  }
  // A warm-up import that fails is reported as the warm runs' failure; the cold figures still get written.
  if (options.warmRuns > 0) report.warm = await warmRuns(data, options, report).catch((error: Error) => [failedRun(error)]);
  if (options.bulk) for (let i = 0; i < options.bulkRuns; i++) report.bulk.push(await bulkRun(data, options));
  report.machine.loadAverageEnd = os.loadavg().map((x) => round(x, 2));
  log(`${writeResults(`import-${options.hcps}`, report, markdown(report), options.outDir)}.md`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
