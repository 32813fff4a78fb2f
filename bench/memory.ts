/**
 * npm run bench:memory -- [--hcps 2000] [--machine-mb 4096] [--heap 2g] [--page-cache 512]
 *
 * Memory of a serving deployment: the embedded Neo4j (fresh temporary folder) loaded with the
 * generated network by the bulk import (the first load of a large network; its importer JVM is
 * gone before the server starts), the API started and warmed up, then the explorer's nested query
 * and the network queries run. Reports the resident memory (RSS) of the API process and of the
 * JVM, the JVM heap in use, and the store size on disk. The API runs in this process, as
 * `node dist/src/main.js` would, with the harness's few ids beside it. The embedded server gets the
 * default memory settings of this machine, or of a machine of --machine-mb MB (src/memory.ts),
 * unless --heap / --page-cache.
 */
process.env.NODE_ENV ??= 'production';
(Error as { prepareStackTrace?: unknown }).prepareStackTrace = undefined;

import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { connect } from '../src/db/connect';
import { startEmbeddedNeo4j } from '../src/db/embedded';
import { bulkImportNetwork, finishBulkImport } from '../src/import/bulk';
import { generateNetwork } from '../src/import/generate';
import { NetworkData } from '../src/import/records';
import { createLogger } from '../src/logger';
import { API_NESTED, freePort } from './bench';
import { fillNeo4jMemory, nodeMemory, processMemory } from './harness/machine';
import { round } from './harness/stats';

const log = (line: string) => process.stderr.write(`[bench:memory] ${line}\n`);

function parseArgs(argv: string[]) {
  const options = {
    hcps: 2000,
    seed: 2026,
    machineMb: loadConfig({}).machineMemoryMb,
    heap: '',
    pageCacheMb: 0,
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
    else if (arg === '--machine-mb') options.machineMb = Number(value());
    else if (arg === '--heap') options.heap = value();
    else if (arg === '--page-cache') options.pageCacheMb = Number(value());
    else if (arg === '--out') options.outDir = path.resolve(value());
    else throw new Error(`unknown option ${arg}`);
  }
  fillNeo4jMemory(options);
  return options;
}

function directoryMb(dir: string): number {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += fs.statSync(path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name)).size;
  }
  return round(bytes / 1024 ** 2, 1);
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-encoding': 'identity' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors[0]));
}

const NETWORK_QUERIES = [
  '{ kolRanking(metric: PAGERANK, first: 20) { hcp { id name } score } }',
  '{ kolRanking(metric: DEGREE, first: 20) { hcp { id name } score } }',
];

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-bench-memory-'));
  try {
    let data: NetworkData | undefined = generateNetwork({ hcps: options.hcps, seed: options.seed });
    const sizes = { hcps: data.hcps.length, links: data.hcpLinks.length };
    log(`generated ${sizes.hcps} HCPs, ${sizes.links} links; bulk import ...`);
    await bulkImportNetwork(data, { dataDir, database: 'neo4j', log: () => undefined });
    data = undefined;
    gc();
    const server = await startEmbeddedNeo4j({
      dataDir,
      boltPort: await freePort(),
      heap: options.heap,
      pageCacheMb: options.pageCacheMb,
      log: () => undefined,
    });
    try {
      // As in the bench: the nested query's links (no first) are costed above the default limit at 100k.
      const config = loadConfig({
        MAX_QUERY_COST: String(1e9),
        // Building the indexes of a 1M-link store takes longer than a request may.
        NEO4J_QUERY_TIMEOUT_MS: '600000',
        NEO4J_URI: server.uri,
        NEO4J_USER: 'neo4j',
        NEO4J_PASSWORD: '',
        PORT: '0',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'silent',
      });
      const db = connect(config);
      await finishBulkImport(db);
      await db.close();
      const app = await startApp(config, createLogger('silent'));
      await app.prepared;
      const ready = { node: nodeMemory(), jvm: processMemory(server.pid) };
      for (let i = 0; i < 30; i++) await post(app.url, API_NESTED, { first: 100 });
      for (const query of NETWORK_QUERIES) for (let i = 0; i < 5; i++) await post(app.url, query);
      const jvmDb = connect(config);
      const [heap] = await jvmDb.read<{ used: number; committed: number }>(
        "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes " +
          'RETURN attributes.HeapMemoryUsage.value.properties.used AS used, attributes.HeapMemoryUsage.value.properties.committed AS committed',
      );
      await jvmDb.close();
      const report = {
        at: new Date().toISOString(),
        loadAverage: os.loadavg().map((x) => round(x, 2)),
        options: {
          hcps: options.hcps,
          seed: options.seed,
          machineMb: options.machineMb,
          heap: options.heap,
          pageCacheMb: options.pageCacheMb,
        },
        dataset: sizes,
        storeMb: directoryMb(path.join(dataDir, 'data')),
        api: { ready: ready.node, afterQueries: nodeMemory() },
        jvm: {
          ready: ready.jvm,
          afterQueries: processMemory(server.pid),
          heapUsedMb: round(Number(heap.used) / 1024 ** 2, 1),
          heapCommittedMb: round(Number(heap.committed) / 1024 ** 2, 1),
        },
      };
      await app.stop();
      fs.mkdirSync(options.outDir, { recursive: true });
      const file = path.join(options.outDir, `memory-${options.hcps}.json`);
      fs.writeFileSync(file, `${JSON.stringify(report, null, 1)}\n`);
      log(JSON.stringify(report));
      log(file);
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
