/**
 * npm run bench:import -- [--hcps 100000] [--runs 3] [--heap 2g] [--no-bulk]
 *
 * The import figures on their own, without the rest of the bench: the same generated network
 * imported `runs` times through the transactional import (one transaction, a fresh embedded
 * database each time, the embedded server's DEFAULT heap unless --heap), then once through the
 * bulk import (Neo4j's offline importer into a new store, then schema and change record).
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
import { applySchema } from '../src/db/schema';
import { bulkImportAndServe, finishBulkImport } from '../src/import/bulk';
import { generateNetwork } from '../src/import/generate';
import { importNetwork } from '../src/import/importer';
import { NetworkData } from '../src/import/records';
import { freePort } from './bench';
import { processCpuMs, processMemory } from './harness/machine';
import { round } from './harness/stats';

interface Options {
  hcps: number;
  seed: number;
  runs: number;
  heap: string;
  pageCacheMb: number;
  bulk: boolean;
  outDir: string;
}

interface TransactionalRun {
  totalMs: number;
  /** Time after the last batch: the commit (index updates, transaction log, the launcher's change listener). */
  commitMs: number;
  files: { file: string; rows: number; ms: number }[];
  jvmCpuMs: number | null;
  jvmPeakRssMb: number | null;
  jvmHeapUsedMb: number | null;
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
  bulk: { totalMs: number; filesMs: number; storeMs: number; finishMs: number; jvmPeakRssMb: number | null; loadAverage: number[] } | null;
}

const log = (line: string) => process.stderr.write(`[bench:import] ${line}\n`);

function parseArgs(argv: string[]): Options {
  const options: Options = {
    hcps: 100000,
    seed: 42,
    runs: 3,
    heap: loadConfig({}).neo4jHeap,
    pageCacheMb: 512,
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
    else if (arg === '--heap') options.heap = value();
    else if (arg === '--page-cache') options.pageCacheMb = Number(value());
    else if (arg === '--no-bulk') options.bulk = false;
    else if (arg === '--out') options.outDir = path.resolve(value());
    else throw new Error(`unknown option ${arg}`);
  }
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

async function transactionalRun(data: NetworkData, options: Options, report: ImportReport): Promise<TransactionalRun> {
  return withServer(options, async (db, server) => {
    report.txStateAllocation ??= await setting(db, 'db.tx_state.memory_allocation');
    report.transactionMemoryMax ??= await setting(db, 'dbms.memory.transaction.total.max');
    await applySchema(db);
    const loadAverage = os.loadavg().map((x) => round(x, 2));
    const cpuBefore = processCpuMs(server.pid);
    const lastEvent = new Map<string, number>();
    const rowsOf = new Map<string, number>();
    const t0 = Date.now();
    const summary = await importNetwork(db, data, {
      onProgress: (p) => {
        if (p.phase !== 'write') return;
        lastEvent.set(p.file, Date.now());
        rowsOf.set(p.file, p.total);
      },
    });
    const cpuAfter = processCpuMs(server.pid);
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
      totalMs: summary.totalMs,
      commitMs: summary.commitMs,
      files,
      jvmCpuMs: cpuBefore !== null && cpuAfter !== null ? Math.round(cpuAfter - cpuBefore) : null,
      jvmPeakRssMb: processMemory(server.pid)?.peakRssMb ?? null,
      jvmHeapUsedMb: Number.isFinite(heap?.used) ? round(Number(heap.used) / 1024 ** 2, 1) : null,
      loadAverage,
    };
    log(
      `transactional: ${summary.lines} rows in ${summary.totalMs} ms (commit ${summary.commitMs} ms), JVM peak RSS ${run.jvmPeakRssMb} MB, load ${loadAverage.join(' ')}`,
    );
    return run;
  });
}

async function bulkRun(data: NetworkData, options: Options): Promise<NonNullable<ImportReport['bulk']>> {
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
    await finishBulkImport(db);
    const finishMs = Date.now() - finishing;
    const result = {
      totalMs: built.totalMs + finishMs,
      filesMs: built.filesMs,
      storeMs: built.storeMs,
      finishMs,
      jvmPeakRssMb: null,
      loadAverage,
    };
    log(
      `bulk: ${result.totalMs} ms (files ${built.filesMs}, store ${built.storeMs}, schema + change record ${finishMs}), load ${loadAverage.join(' ')}`,
    );
    return result;
  } finally {
    await db?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function markdown(r: ImportReport): string {
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const lines = [
    `# Import benchmark - ${r.dataset.hcps.toLocaleString('en-US')} HCPs`,
    '',
    `${r.startedAt} · ${r.machine.cpuModel}, ${r.machine.cores} cores, ${r.machine.ramGb} GB · embedded Neo4j heap ${r.options.heap}, page cache ${r.options.pageCacheMb} MB, transaction state ${r.txStateAllocation}, transaction memory cap ${r.transactionMemoryMax} · load average ${r.machine.loadAverageStart.join(' ')} at start, ${r.machine.loadAverageEnd.join(' ')} at end`,
    '',
    `Dataset (seed ${r.options.seed}): ${r.dataset.rows.toLocaleString('en-US')} rows (${r.dataset.links.toLocaleString('en-US')} links).`,
    '',
    '## Transactional import (one transaction, fresh database each run)',
    '',
    '| run | total s | commit s | hcp_links.csv s | Neo4j CPU s | JVM peak RSS MB | load (1/5/15 min) |',
    '|---|---|---|---|---|---|---|',
    ...r.transactional.map(
      (t, i) =>
        `| ${i + 1} | ${s(t.totalMs)} | ${s(t.commitMs)} | ${s(t.files.find((f) => f.file === 'hcp_links.csv')?.ms ?? 0)} | ${t.jvmCpuMs === null ? '-' : s(t.jvmCpuMs)} | ${t.jvmPeakRssMb ?? '-'} | ${t.loadAverage.join(' ')} |`,
    ),
  ];
  if (r.bulk) {
    const best = Math.min(...r.transactional.map((t) => t.totalMs));
    lines.push(
      '',
      '## Bulk import (offline importer into a new store)',
      '',
      `${s(r.bulk.totalMs)} s: importer files ${s(r.bulk.filesMs)} s, store ${s(r.bulk.storeMs)} s, schema + change record on the started server ${s(r.bulk.finishMs)} s (the importer runs in the server's JVM: its start is counted in the store, the database start after the import is not); load ${r.bulk.loadAverage.join(' ')}. ` +
        `${(best / r.bulk.totalMs).toFixed(2)}x faster than the fastest transactional run.`,
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
    bulk: null,
  };
  log(`generated ${data.hcps.length} HCPs, ${data.hcpLinks.length} links (${rows} rows); heap ${options.heap}`);
  for (let i = 0; i < options.runs; i++) report.transactional.push(await transactionalRun(data, options, report));
  if (options.bulk) report.bulk = await bulkRun(data, options);
  report.machine.loadAverageEnd = os.loadavg().map((x) => round(x, 2));
  fs.mkdirSync(options.outDir, { recursive: true });
  const base = path.join(options.outDir, `import-${options.hcps}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 1)}\n`);
  fs.writeFileSync(`${base}.md`, markdown(report));
  log(`${base}.md`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
