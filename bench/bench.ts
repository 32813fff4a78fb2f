/**
 * The performance benchmark, in one run: import, the nested front-end query (us vs
 * hand-written Cypher vs @neo4j/graphql), network queries, PageRank/betweenness vs networkx,
 * projection, memory. `runBench` returns the report and writes it as JSON and Markdown.
 *
 * Neo4j: an embedded server on a fresh temporary folder and a free port, or `neo4jUri` (whose
 * database must be empty unless `reset`, which deletes everything in it first).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import neo4j from 'neo4j-driver';
import { RunningApp, startApp } from '../src/app';
import { Config, loadConfig } from '../src/config';
import { connect } from '../src/db/connect';
import { Database } from '../src/db/database';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../src/db/embedded';
import { applySchema } from '../src/db/schema';
import { generateNetwork } from '../src/import/generate';
import { bulkImportAndServe, finishBulkImport } from '../src/import/bulk';
import { importNetwork } from '../src/import/importer';
import { NetworkData } from '../src/import/records';
import { createLogger } from '../src/logger';
import { loadProjection, NetworkProjection } from '../src/network/projection';
import { processCpuMs, processMemory, machineInfo, MachineInfo, nodeMemory, threadCpuMs } from './harness/machine';
import { autocannonLoad, concurrentLoad, Throughput } from './harness/load';
import { CYPHER_FIELD_QUERY, NATIVE_LINK_FIELDS, NATIVE_QUERY, startNeo4jGraphql } from './harness/neo4j-graphql';
import { AlgorithmComparison, compareAlgorithms } from './harness/networkx';
import { ApiProcess, startApiProcess } from './harness/api-process';
import { renderMarkdown } from './harness/report';
import { Latency, measure, round, roundRobin, seededRandom, sequential, summarize } from './harness/stats';
import { evaluateTargets, Target } from './harness/targets';

export interface BenchOptions {
  hcps: number;
  seed: number;
  /** Use this Neo4j instead of starting an embedded one. */
  neo4jUri?: string;
  neo4jUser?: string;
  neo4jPassword?: string;
  neo4jDatabase?: string;
  /** Embedded server only. */
  heap: string;
  pageCacheMb: number;
  /** Cap on open transactions' memory, MB (0 = heap only); default: the launcher's (70% of the heap). */
  transactionMemoryMb?: number;
  /** Delete everything in the (external) database first. */
  reset: boolean;
  /** Keep the data already imported (same hcps and seed): skips the import measurement. */
  skipImport: boolean;
  /** Sequential runs per latency measurement (after `warmup` unmeasured ones). */
  runs: number;
  warmup: number;
  /** Concurrent load: connections and seconds per contender. */
  connections: number;
  durationSec: number;
  /** HCPs in the nested front-end query. */
  nestedHcps: number;
  /** Sources of the betweenness k-source sample. */
  betweennessSources: number;
  /** Full betweenness through the API is measured only when estimated to take less than this. */
  betweennessBudgetSec: number;
  projectionRuns: number;
  outDir: string;
  /** Also write latest.md in outDir. */
  writeLatest: boolean;
  log: (line: string) => void;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  hcps: 100000,
  seed: 42,
  heap: process.env.NEO4J_HEAP || '8g',
  pageCacheMb: 2048,
  reset: false,
  skipImport: false,
  runs: 200,
  warmup: 20,
  connections: 10,
  durationSec: 10,
  nestedHcps: 100,
  betweennessSources: 50,
  betweennessBudgetSec: 120,
  projectionRuns: 3,
  outDir: path.join(__dirname, 'results'),
  writeLatest: true,
  log: (line) => process.stderr.write(`[bench] ${line}\n`),
};

export interface NestedSection {
  hcps: number;
  /** Every contender returned the same HCPs, institutions, areas and links. */
  sameData: Record<string, boolean>;
  linksReturned: number;
  responseBytes: Record<string, number>;
  /**
   * `apiNodeHttp`: our API again, asked through node:http with a kept-alive socket instead of fetch (another client).
   * `apiProcess`: our API in a process of its own (as deployed: its own heap and event loop), asked with fetch.
   */
  latency: Record<'api' | 'apiNodeHttp' | 'apiProcess' | 'cypher' | 'neo4jGraphqlCypherField' | 'neo4jGraphqlNative', Latency>;
  /** The faster @neo4j/graphql variant: the comparison point. */
  neo4jGraphqlVariant: 'neo4jGraphqlCypherField' | 'neo4jGraphqlNative';
  /**
   * Node CPU per request of the bench process, which hosts both servers and the client: server
   * work plus, for the HTTP contenders, the client's request and JSON parsing.
   */
  cpuMsPerRequest: Record<string, number>;
  /** `apiProcess` only: the API process's own CPU per request, its low-priority threads apart (the bench process's figure is then the client's alone). */
  apiProcessCpuMsPerRequest?: number;
  /** Statements our API sends per request (DataLoader batching: one per relation per level). */
  apiStatementsPerRequest: number;
  /** `{ __typename }` through our API: the HTTP + GraphQL floor of every API figure. */
  apiFloor: Latency;
  /** The nested query through our API with `accept-encoding: br` (what a browser gets), sequential. */
  apiBrotli?: Latency;
  throughput: { api: Throughput; apiProcess?: Throughput; neo4jGraphql: Throughput; cypher: Throughput };
  /**
   * CPU ms per request during each throughput run, by where it ran: the bench process's main
   * thread (the servers' event loop, or the in-process Cypher loops), its other threads (V8's
   * collector helpers, libuv; the betweenness pool's low-priority threads apart), Neo4j (the
   * embedded JVM, or NEO4J_PID for a server started apart; null when unknown) and the load
   * generator (autocannon's child; none for the in-process loops). Under 10 connections the two
   * cores are the bound, so the throughput ratio follows the sum.
   */
  throughputCpuMs?: Record<'api' | 'neo4jGraphql' | 'cypher', ThroughputCpu> & { apiProcess?: ThroughputCpu };
}

export interface ThroughputCpu {
  mainThread: number;
  otherThreads: number;
  lowPriorityThreads: number;
  neo4j: number | null;
  loadGenerator: number;
}

export interface BenchReport {
  version: 1;
  startedAt: string;
  finishedAt: string;
  totalSec: number;
  options: Omit<BenchOptions, 'log' | 'outDir' | 'writeLatest'> & { neo4j: 'embedded' | 'external' };
  machine: MachineInfo & { loadAverageEnd: number[] };
  dataset: Record<string, number> & { generateMs: number; databaseNodes: number; databaseRelationships: number };
  import: {
    skipped: boolean;
    totalMs: number;
    rows: number;
    rowsPerSecond: number;
    /** dbms.memory.transaction.total.max as Neo4j reports it (the import is one transaction). */
    transactionMemoryMax: string | null;
    /** Write time per file (the import is one transaction; `commit` is the time after the last batch). */
    files: { file: string; rows: number; ms: number }[];
    hcpsAndLinksMs: number;
    jvmCpuMs: number | null;
    /**
     * The same records loaded into an empty embedded store offline (src/import/bulk.ts): the
     * records streamed to Neo4j's importer in the server's JVM (its start counted, the database
     * start after the import not), then schema and change record on the started server. Embedded runs only.
     */
    bulk?: { totalMs: number; storeMs: number; startMs: number; finishMs: number; nodes: number; relationships: number };
  };
  nestedQuery: NestedSection;
  network: {
    projection: {
      runsMs: number[];
      medianMs: number;
      nodeCpuMs: number;
      jvmCpuMs: number | null;
      memoryMb: number;
      hcps: number;
      links: number;
      ties: number;
    };
    /** First kolRanking through the API on a fresh process: data version, projection, PageRank, order. */
    firstRankingMs: number;
    kolRanking: { pagerank: Latency; degree: Latency };
    introductionPaths: Latency & { maxHops: number; withPath: number };
    networkReach: { hops2: Latency; hops3: Latency };
    /** The planning queries (docs/planning.md), random arguments, defaults otherwise. */
    planning: {
      bestIntroducers: Latency;
      keyPersonRisk: Latency;
      handoverPlan: Latency;
      territoryCoverage: Latency;
      proposeAssignmentTeam: Latency;
      proposeAssignmentAll: Latency;
    };
    /** The analyst queries (docs/analytics.md); risingStars' first call reads the dated works and runs two yearly PageRanks. */
    analyst: { similarHcps: Latency; risingStarsFirstMs: number; risingStars: Latency; influenceHistory: Latency; explanation: Latency };
    betweennessRanking: { measured: boolean; reason?: string; firstCallMs?: number; latency?: Latency };
  };
  algorithms: AlgorithmComparison;
  memory: {
    node: {
      afterImport: ReturnType<typeof nodeMemory>;
      afterProjection: ReturnType<typeof nodeMemory>;
      end: ReturnType<typeof nodeMemory>;
    };
    jvm: { rssMb: number; peakRssMb: number } | null;
    jvmHeap: string | null;
  };
  targets: Target[];
}

export async function runBench(overrides: Partial<BenchOptions> = {}): Promise<{ report: BenchReport; jsonPath: string; mdPath: string }> {
  const options: BenchOptions = { ...DEFAULT_OPTIONS, ...overrides };
  const { log } = options;
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const gc = exposeGc();
  const cleanups: (() => Promise<void>)[] = [];
  try {
    // Neo4j -----------------------------------------------------------------------------------
    let embedded: EmbeddedNeo4j | undefined;
    let uri = options.neo4jUri;
    if (!uri) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-bench-neo4j-'));
      cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
      log(`starting embedded Neo4j (heap ${options.heap}, page cache ${options.pageCacheMb} MB) in ${dataDir}`);
      embedded = await startEmbeddedNeo4j({
        dataDir,
        boltPort: await freePort(),
        heap: options.heap,
        pageCacheMb: options.pageCacheMb,
        transactionMemoryMb: options.transactionMemoryMb,
        log,
      });
      const started = embedded;
      cleanups.push(() => started.stop());
      uri = embedded.uri;
    }
    const config = benchConfig(uri, options);
    const db = connect(config);
    cleanups.push(() => db.close());
    const machine = await machineInfo(db);
    log(
      `machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGb} GB; ${machine.neo4j}; load ${machine.loadAverage.join(' ')}`,
    );

    // Data ------------------------------------------------------------------------------------
    const generated = await measure(() => generateNetwork({ hcps: options.hcps, seed: options.seed }));
    log(`generated ${generated.result.hcps.length} HCPs, ${generated.result.hcpLinks.length} links in ${generated.ms} ms`);
    const importSection = await importData(db, generated.result, options, embedded);
    if (embedded) importSection.bulk = await bulkImportSection(generated.result, options);
    // Keep only sizes and the ids queries pick from: a million generated records left in this
    // process (which also hosts both servers) would slow every later major GC.
    const sizes = datasetSizes(generated.result);
    const ids = idsOf(generated.result);
    generated.result = undefined as unknown as NetworkData;
    gc();
    const [counts] = await db.read<{ nodes: number; relationships: number }>(
      'CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    );
    const afterImport = nodeMemory();

    // Servers ---------------------------------------------------------------------------------
    const app = await startApp(config, createLogger('silent'));
    cleanups.push(() => app.stop());
    await app.prepared;
    const neo4jGraphql = await startNeo4jGraphql(db.driver, config.neo4jDatabase);
    cleanups.push(() => neo4jGraphql.stop());
    // The API once more, in a process of its own (as deployed): measured beside the in-process one.
    const apiProcess = await startApiProcess(uri, await freePort(), {
      NEO4J_USER: options.neo4jUser ?? 'neo4j',
      NEO4J_PASSWORD: options.neo4jPassword ?? '',
      NEO4J_DATABASE: config.neo4jDatabase,
      NEO4J_QUERY_TIMEOUT_MS: String(config.queryTimeoutMs),
      MAX_QUERY_COST: String(config.maxCost),
    });
    cleanups.push(() => apiProcess.stop());
    log(`API at ${app.url}, in its own process at ${apiProcess.url}, @neo4j/graphql at ${neo4jGraphql.url}`);

    const nestedQuery = await nestedSection(
      app,
      apiProcess,
      db,
      neo4jGraphql.url,
      options,
      embedded?.pid ?? (Number(process.env.NEO4J_PID) || undefined),
    );
    // Its betweenness job and projection would bill the rest of the bench.
    await apiProcess.stop();

    // Network ---------------------------------------------------------------------------------
    const projection = await projectionSection(db, options, embedded, gc);
    const afterProjection = nodeMemory();
    const network = await networkSection(app, ids, options);
    log('algorithms vs networkx ...');
    const algorithms = await compareAlgorithms(projection.loaded.net, options.betweennessSources, options.seed);
    log(
      `PageRank ours ${algorithms.pagerank.oursMs} ms, networkx ${algorithms.pagerank.networkxMs} ms; betweenness ${algorithms.betweenness.sources} sources ours ${algorithms.betweenness.oursMs} ms, networkx ${algorithms.betweenness.networkxMs} ms`,
    );
    const betweennessRanking = await betweennessSection(app, algorithms, options);

    const report: BenchReport = {
      version: 1,
      startedAt,
      finishedAt: new Date().toISOString(),
      totalSec: round((Date.now() - started) / 1000, 1),
      options: optionsOf(options),
      machine: { ...machine, loadAverageEnd: os.loadavg().map((x) => round(x, 2)) },
      dataset: {
        ...sizes,
        generateMs: generated.ms,
        databaseNodes: counts.nodes,
        databaseRelationships: counts.relationships,
      },
      import: importSection,
      nestedQuery,
      network: { projection: projection.section, ...network, betweennessRanking },
      algorithms,
      memory: {
        node: { afterImport, afterProjection, end: nodeMemory() },
        jvm: embedded ? processMemory(embedded.pid) : null,
        jvmHeap: embedded ? options.heap : null,
      },
      targets: [],
    };
    report.options.neo4j = embedded ? 'embedded' : 'external';
    report.targets = evaluateTargets(report);
    const written = writeReport(report, options);
    log(`report: ${written.jsonPath}`);
    return { report, ...written };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => log(`cleanup failed: ${(error as Error).message}`));
  }
}

// ---------------------------------------------------------------------------------------------

function datasetSizes(data: NetworkData) {
  return {
    hcps: data.hcps.length,
    links: data.hcpLinks.length,
    msls: data.msls.length,
    interactions: data.interactions.length,
    institutions: data.institutions.length,
    territories: data.territories.length,
    therapeuticAreas: data.therapeuticAreas.length,
    mslRelationships: data.mslRelationships.length,
    publications: data.publications.length,
    authorships: data.authorships.length,
    trials: data.trials.length,
    trialInvestigators: data.trialInvestigators.length,
  };
}

/** The ids the network queries pick from at random. */
interface DatasetIds {
  hcps: string[];
  /** HCP ids per territory id. */
  hcpsByTerritory: Map<string, string[]>;
  msls: string[];
  territories: string[];
  therapeuticAreas: string[];
}

function idsOf(data: NetworkData): DatasetIds {
  return {
    hcps: data.hcps.map((h) => h.id),
    hcpsByTerritory: data.hcps.reduce((byTerritory, h) => {
      if (!h.territoryId) return byTerritory;
      const list = byTerritory.get(h.territoryId) ?? [];
      list.push(h.id);
      return byTerritory.set(h.territoryId, list);
    }, new Map<string, string[]>()),
    msls: data.msls.map((m) => m.id),
    territories: data.territories.map((t) => t.id),
    therapeuticAreas: data.therapeuticAreas.map((a) => a.id),
  };
}

function benchConfig(uri: string, options: BenchOptions): Config {
  return loadConfig({
    NEO4J_URI: uri,
    NEO4J_USER: options.neo4jUser ?? 'neo4j',
    NEO4J_PASSWORD: options.neo4jPassword ?? '',
    NEO4J_DATABASE: options.neo4jDatabase ?? 'neo4j',
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    JWT_SECRET: '',
    LOG_LEVEL: 'silent',
    NEO4J_QUERY_TIMEOUT_MS: '600000',
    // The cost model bounds a list without `first` by the largest one in the database: at 100k
    // HCPs the nested query's `links` (no first) is estimated far above the default limit. The
    // bench measures speed, so it lifts the limit; @neo4j/graphql has none.
    MAX_QUERY_COST: String(1e9),
  });
}

function optionsOf(options: BenchOptions): BenchReport['options'] {
  const { log: _log, outDir: _outDir, writeLatest: _latest, neo4jPassword: _password, ...rest } = options;
  return { ...rest, neo4j: 'embedded' };
}

async function importData(
  db: Database,
  data: NetworkData,
  options: BenchOptions,
  embedded: EmbeddedNeo4j | undefined,
): Promise<BenchReport['import']> {
  const [{ hcps }] = await db.read<{ hcps: number }>('MATCH (h:HCP) RETURN count(h) AS hcps');
  const transactionMemoryMax = await db
    .read<{ value: string }>("SHOW SETTINGS YIELD name, value WHERE name = 'dbms.memory.transaction.total.max' RETURN value")
    .then(
      (rows) => rows[0]?.value ?? null,
      () => null,
    );
  if (options.skipImport) {
    if (hcps !== data.hcps.length) throw new Error(`--skip-import: the database holds ${hcps} HCPs, not the ${data.hcps.length} generated`);
    log(options, 'import skipped (data already in the database)');
    return { skipped: true, totalMs: 0, rows: 0, rowsPerSecond: 0, transactionMemoryMax, files: [], hcpsAndLinksMs: 0, jvmCpuMs: null };
  }
  if (options.reset) {
    log(options, 'emptying the database ...');
    await emptyDatabase(db);
  } else if (hcps > 0) {
    throw new Error(`the database already holds ${hcps} HCPs: pass --reset to empty it first (or --skip-import to reuse it)`);
  }
  await applySchema(db);
  log(options, `importing through importNetwork ...`);
  const jvmBefore = embedded ? processCpuMs(embedded.pid) : null;
  const lastEvent = new Map<string, number>();
  const rowsOf = new Map<string, number>();
  const t0 = Date.now();
  let reported = 0;
  const summary = await importNetwork(db, data, {
    onProgress: (p) => {
      if (p.phase !== 'write') return;
      lastEvent.set(p.file, Date.now());
      rowsOf.set(p.file, p.total);
      if (Date.now() - reported > 10000) {
        reported = Date.now();
        log(options, `  ${p.file} ${p.done}/${p.total} (${Math.round((Date.now() - t0) / 1000)} s)`);
      }
    },
  });
  const end = t0 + summary.totalMs;
  const files: { file: string; rows: number; ms: number }[] = [];
  let previous = t0;
  for (const [file, at] of lastEvent) {
    files.push({ file, rows: rowsOf.get(file) ?? 0, ms: at - previous });
    previous = at;
  }
  files.push({ file: 'commit', rows: 0, ms: Math.max(0, end - previous) });
  const jvmAfter = embedded ? processCpuMs(embedded.pid) : null;
  const msOf = (file: string) => files.find((f) => f.file === file)?.ms ?? 0;
  log(options, `imported ${summary.lines} rows in ${summary.totalMs} ms (${summary.rowsPerSecond} rows/s)`);
  return {
    skipped: false,
    totalMs: summary.totalMs,
    rows: summary.lines,
    rowsPerSecond: summary.rowsPerSecond,
    transactionMemoryMax,
    files,
    hcpsAndLinksMs: msOf('hcps.csv') + msOf('hcp_links.csv'),
    jvmCpuMs: jvmBefore !== null && jvmAfter !== null ? Math.round(jvmAfter - jvmBefore) : null,
  };
}

async function bulkImportSection(data: NetworkData, options: BenchOptions): Promise<NonNullable<BenchReport['import']['bulk']>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-bench-bulk-'));
  let server: EmbeddedNeo4j | undefined;
  let bulkDb: Database | undefined;
  try {
    log(options, 'bulk import (offline) into an empty store ...');
    const { summary: built, server: started } = await bulkImportAndServe(data, {
      dataDir,
      database: 'neo4j',
      boltPort: await freePort(),
      heap: '1g',
      pageCacheMb: 512,
      log: (line) => log(options, line),
    });
    server = started;
    bulkDb = connect(benchConfig(server.uri, options));
    const finishing = Date.now();
    await finishBulkImport(bulkDb);
    // The schema counted whole: created by the launcher before the database answered, then awaited.
    const awaitedMs = Date.now() - finishing;
    const finishMs = built.schemaMs + awaitedMs;
    const [counts] = await bulkDb.read<{ nodes: number; relationships: number }>(
      'CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    );
    log(
      options,
      `bulk import: ${built.totalMs + awaitedMs} ms (store ${built.storeMs}, database start ${built.startMs}, schema ${finishMs}); ${counts.nodes} nodes, ${counts.relationships} relationships`,
    );
    return {
      totalMs: built.totalMs + awaitedMs,
      storeMs: built.storeMs,
      startMs: built.startMs,
      finishMs,
      nodes: counts.nodes,
      relationships: counts.relationships,
    };
  } finally {
    await bulkDb?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Every node and relationship deleted (the schema stays). */
export async function emptyDatabase(db: Database): Promise<void> {
  // Auto-commit batches: one transaction over a million relationships would need a large heap.
  const session = db.driver.session({ database: db.name });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

// Nested front-end query ----------------------------------------------------------------------

export const API_NESTED = /* GraphQL */ `
  query Nested($first: Int!) {
    hcps(first: $first) {
      edges {
        node {
          id
          name
          institution {
            id
            name
          }
          therapeuticAreas {
            id
            name
          }
          links {
            type
            weight
            direction
            hcp {
              id
              name
            }
          }
        }
      }
    }
  }
`;

/** The same data by one hand-written statement (what a developer would write with the driver). */
export const CYPHER_NESTED = `
  MATCH (h:HCP) WHERE h.id IS NOT NULL
  WITH h ORDER BY h.id LIMIT $first
  RETURN h.id AS id,
         trim(coalesce(h.firstName, '') + ' ' + coalesce(h.lastName, '')) AS name,
         [(h)-[:AFFILIATED_WITH]->(i:Institution) | i {.id, .name}][0] AS institution,
         [(h)-[:SPECIALIZES_IN]->(a:TherapeuticArea) | a {.id, .name}] AS therapeuticAreas,
         COLLECT {
           MATCH (h)-[l:COAUTHOR|CO_INVESTIGATOR|COLLEAGUE|MENTOR|REFERRAL]-(o:HCP)
           WITH l, o ORDER BY l.weight DESC, o.id, type(l)
           RETURN {
             type: type(l), weight: l.weight,
             direction: CASE WHEN type(l) <> 'REFERRAL' THEN 'UNDIRECTED' WHEN startNode(l) = h THEN 'OUTGOING' ELSE 'INCOMING' END,
             hcp: {id: o.id, name: trim(coalesce(o.firstName, '') + ' ' + coalesce(o.lastName, ''))}
           }
         } AS links`;

interface NestedHcp {
  id: string;
  name: string;
  institution: { id: string; name: string } | null;
  therapeuticAreas: { id: string; name: string }[];
  links: { type: string; weight: number; direction: string; hcp: { id: string; name: string } }[];
}

/**
 * One GraphQL request. Uncompressed unless `encoding` says otherwise: the API compresses large
 * answers for clients that accept it, which on a loopback socket only adds CPU on both sides;
 * the other contenders do not compress (the nested section measures the compressed answer apart).
 */
async function postGraphql(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  encoding = 'identity',
): Promise<{ data: any; bytes: number }> {
  const request = () =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-encoding': encoding },
      body: JSON.stringify({ query, variables }),
    });
  // A kept-alive socket the server closed while idle (keepAliveTimeout) fails once: reconnect.
  const response = await request().catch((error) => {
    if ((error as { cause?: { code?: string } }).cause?.code === 'ECONNRESET') return request();
    throw error;
  });
  const text = await response.text();
  const body = JSON.parse(text);
  if (body.errors?.length) throw new Error(`GraphQL error from ${url}: ${JSON.stringify(body.errors[0]).slice(0, 500)}`);
  return { data: body.data, bytes: text.length };
}

/**
 * POSTs JSON with node:http over one kept-alive socket (llhttp, Node streams): a second client
 * beside fetch (undici), so that the API's figures do not hang on one client's costs.
 */
export function keepAlivePost(url: string): (body: string) => Promise<string> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const headers = { 'content-type': 'application/json', accept: 'application/json', 'accept-encoding': 'identity' };
  const post = (body: string) =>
    new Promise<string>((resolve, reject) => {
      const request = http.request(url, { method: 'POST', headers, agent }, (response) => {
        response.setEncoding('utf8');
        let text = '';
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(text));
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(body);
    });
  // As for fetch: a kept-alive socket the server closed while idle fails once.
  return (body) => post(body).catch((error) => ((error as { code?: string }).code === 'ECONNRESET' ? post(body) : Promise.reject(error)));
}

/** Order-independent form of the nested result, to check that the contenders return the same data. */
function canonical(hcps: NestedHcp[]): string {
  const rows = hcps.map((h) => ({
    id: h.id,
    name: h.name,
    institution: h.institution ? `${h.institution.id}:${h.institution.name}` : null,
    areas: h.therapeuticAreas.map((a) => `${a.id}:${a.name}`).sort(),
    links: h.links.map((l) => `${l.type}|${l.direction}|${l.weight}|${l.hcp.id}|${l.hcp.name}`).sort(),
  }));
  return JSON.stringify(rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}

async function nestedSection(
  app: RunningApp,
  apiProcess: ApiProcess,
  db: Database,
  neoUrl: string,
  options: BenchOptions,
  neo4jPid: number | undefined,
): Promise<NestedSection> {
  const first = options.nestedHcps;
  const variables = { first };
  const driver = db.driver;

  const api = async () => {
    const { data, bytes } = await postGraphql(app.url, API_NESTED, variables);
    return { hcps: data.hcps.edges.map((e: { node: NestedHcp }) => e.node) as NestedHcp[], bytes };
  };
  const apiInProcess = async () => {
    const { data, bytes } = await postGraphql(apiProcess.url, API_NESTED, variables);
    return { hcps: data.hcps.edges.map((e: { node: NestedHcp }) => e.node) as NestedHcp[], bytes };
  };
  const nodeHttpPost = keepAlivePost(app.url);
  const apiNodeHttp = async () => {
    const text = await nodeHttpPost(JSON.stringify({ query: API_NESTED, variables }));
    const body = JSON.parse(text);
    if (body.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(body.errors[0]).slice(0, 500)}`);
    return { hcps: body.data.hcps.edges.map((e: { node: NestedHcp }) => e.node) as NestedHcp[], bytes: text.length };
  };
  const cypher = async () => {
    const result = await driver.executeQuery(CYPHER_NESTED, { first: neo4j.int(first) }, { database: db.name, routing: 'READ' });
    const hcps = result.records.map((record) => record.toObject() as unknown as NestedHcp);
    return { hcps, bytes: JSON.stringify(hcps).length };
  };
  const neoCypherField = async () => {
    const { data, bytes } = await postGraphql(neoUrl, CYPHER_FIELD_QUERY, variables);
    return { hcps: (data.hcps as any[]).map((h) => ({ ...h, institution: h.institution[0] ?? null })) as NestedHcp[], bytes };
  };
  const neoNative = async () => {
    const { data, bytes } = await postGraphql(neoUrl, NATIVE_QUERY, variables);
    const hcps = (data.hcps as any[]).map((h) => ({
      id: h.id,
      name: h.name,
      institution: h.institution[0] ?? null,
      therapeuticAreas: h.therapeuticAreas,
      links: NATIVE_LINK_FIELDS.flatMap((f) =>
        (h[`${f.field}Connection`].edges as any[]).map((e) => ({
          type: f.type,
          weight: e.properties.weight,
          direction: f.seen,
          hcp: e.node,
        })),
      ),
    })) as NestedHcp[];
    return { hcps, bytes };
  };

  const contenders = {
    api,
    apiNodeHttp,
    apiProcess: apiInProcess,
    cypher,
    neo4jGraphqlCypherField: neoCypherField,
    neo4jGraphqlNative: neoNative,
  };
  const results = Object.fromEntries(
    await Promise.all(Object.entries(contenders).map(async ([name, run]) => [name, await run()] as const)),
  );
  const reference = canonical(results.cypher.hcps);
  const sameData = Object.fromEntries(Object.entries(results).map(([name, r]) => [name, canonical(r.hcps) === reference]));
  const linksReturned = results.cypher.hcps.reduce((sum: number, h: NestedHcp) => sum + h.links.length, 0);
  log(options, `nested query: ${results.cypher.hcps.length} HCPs, ${linksReturned} links; same data: ${JSON.stringify(sameData)}`);

  log(options, `nested query latency: ${options.runs} rounds after ${options.warmup} warm-up, contenders interleaved ...`);
  const statementsBefore = app.services.db.statements;
  const apiProcessCpuBefore = servingCpuMs(apiProcess.pid);
  const { samples, cpuMsPerRun } = await roundRobin(contenders, options.runs, options.warmup);
  const apiProcessCpu = servingCpuMs(apiProcess.pid);
  // Two contenders ask our API each round (fetch and node:http).
  const apiStatementsPerRequest = round((app.services.db.statements - statementsBefore) / (2 * (options.runs + options.warmup)), 2);
  const latency = Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, summarize(s)])) as NestedSection['latency'];
  const apiFloor = summarize(await sequential(options.runs, options.warmup, () => postGraphql(app.url, '{ __typename }', {})));
  const apiBrotli = summarize(await sequential(options.runs, options.warmup, () => postGraphql(app.url, API_NESTED, variables, 'br')));
  const neo4jGraphqlVariant =
    latency.neo4jGraphqlCypherField.p50 <= latency.neo4jGraphqlNative.p50 ? 'neo4jGraphqlCypherField' : 'neo4jGraphqlNative';
  log(
    options,
    `p50 api ${latency.api.p50} (own process ${latency.apiProcess.p50}) / cypher ${latency.cypher.p50} / @neo4j/graphql ${latency.neo4jGraphqlCypherField.p50} (@cypher field), ${latency.neo4jGraphqlNative.p50} (native) ms`,
  );

  log(options, `throughput: ${options.connections} connections x ${options.durationSec} s each ...`);
  const neoQuery = neo4jGraphqlVariant === 'neo4jGraphqlCypherField' ? CYPHER_FIELD_QUERY : NATIVE_QUERY;
  const apiLoad = await withCpu(neo4jPid, () =>
    autocannonLoad(app.url, { query: API_NESTED, variables }, options.connections, options.durationSec),
  );
  const apiProcessLoad = await withCpu(
    neo4jPid,
    () => autocannonLoad(apiProcess.url, { query: API_NESTED, variables }, options.connections, options.durationSec),
    apiProcess.pid,
  );
  const neoLoad = await withCpu(neo4jPid, () =>
    autocannonLoad(neoUrl, { query: neoQuery, variables }, options.connections, options.durationSec),
  );
  const handLoad = await withCpu(neo4jPid, () => concurrentLoad(cypher, options.connections, options.durationSec));
  const throughput = { api: apiLoad.load, apiProcess: apiProcessLoad.load, neo4jGraphql: neoLoad.load, cypher: handLoad.load };
  const throughputCpuMs = { api: apiLoad.cpu, apiProcess: apiProcessLoad.cpu, neo4jGraphql: neoLoad.cpu, cypher: handLoad.cpu };
  log(options, `CPU ms/request under load (main thread, other threads, Neo4j, load generator): ${JSON.stringify(throughputCpuMs)}`);
  log(
    options,
    `req/s api ${throughput.api.requestsPerSec} (own process ${throughput.apiProcess.requestsPerSec}), @neo4j/graphql ${throughput.neo4jGraphql.requestsPerSec}, cypher ${throughput.cypher.requestsPerSec}`,
  );

  return {
    hcps: first,
    sameData,
    linksReturned,
    responseBytes: Object.fromEntries(Object.entries(results).map(([name, r]) => [name, r.bytes])),
    latency,
    neo4jGraphqlVariant,
    cpuMsPerRequest: cpuMsPerRun,
    apiProcessCpuMsPerRequest: round((apiProcessCpu - apiProcessCpuBefore) / (options.runs + options.warmup), 1),
    apiStatementsPerRequest,
    apiFloor,
    apiBrotli,
    throughput,
    throughputCpuMs,
  };
}

/** CPU time so far of a process's threads but its low-priority ones (the betweenness pool, which bills whatever a core leaves idle). */
function servingCpuMs(pid: number): number {
  let ms = 0;
  for (const [name, threadMs] of threadCpuMs(pid)) if (!name.includes('(nice')) ms += threadMs;
  return ms;
}

/**
 * A throughput run with the CPU it cost per request, by where it ran (NestedSection.throughputCpuMs);
 * `serverPid`: the process serving the requests (the bench's own unless the API runs apart).
 */
async function withCpu(
  neo4jPid: number | undefined,
  run: () => Promise<Throughput>,
  serverPid = process.pid,
): Promise<{ load: Throughput; cpu: ThroughputCpu }> {
  const main = processCpuMs(serverPid, serverPid) ?? NaN;
  const threads = threadCpuMs(serverPid);
  const jvm = neo4jPid ? processCpuMs(neo4jPid) : null;
  const load = await run();
  const per = (ms: number) => round(ms / Math.max(1, load.requests), 2);
  let other = 0;
  let low = 0;
  for (const [name, ms] of threadCpuMs(serverPid)) {
    if (name.includes('(main)')) continue;
    if (name.includes('(nice')) low += ms - (threads.get(name) ?? 0);
    else other += ms - (threads.get(name) ?? 0);
  }
  const jvmAfter = neo4jPid ? processCpuMs(neo4jPid) : null;
  return {
    load,
    cpu: {
      mainThread: per((processCpuMs(serverPid, serverPid) ?? NaN) - main),
      otherThreads: per(other),
      lowPriorityThreads: per(low),
      neo4j: jvm !== null && jvmAfter !== null ? per(jvmAfter - jvm) : null,
      loadGenerator: per(load.clientCpuMs ?? 0),
    },
  };
}

// Network -------------------------------------------------------------------------------------

async function projectionSection(db: Database, options: BenchOptions, embedded: EmbeddedNeo4j | undefined, gc: () => void) {
  log(options, `projection: loadProjection x ${options.projectionRuns} ...`);
  const runsMs: number[] = [];
  let loaded: NetworkProjection | undefined;
  let nodeCpuMs = 0;
  let jvmCpuMs: number | null = 0;
  let memoryMb = 0;
  for (let run = 0; run < options.projectionRuns; run++) {
    // eslint-disable-next-line no-useless-assignment -- drops the previous run's projection so gc() frees it before measuring
    loaded = undefined;
    gc();
    const before = process.memoryUsage();
    const jvmBefore = embedded ? processCpuMs(embedded.pid) : null;
    const timed = await measure(() => loadProjection(db, `bench-${run}`, Date.now()));
    const jvmAfter = embedded ? processCpuMs(embedded.pid) : null;
    loaded = timed.result;
    gc();
    const after = process.memoryUsage();
    runsMs.push(timed.ms);
    // CPU: the last run's (warm caches, like a rebuild in a running API). Memory: the first run's,
    // the only one that starts with no projection in the heap (V8 may free the previous one late).
    nodeCpuMs = timed.cpuMs;
    jvmCpuMs = jvmBefore !== null && jvmAfter !== null ? Math.round(jvmAfter - jvmBefore) : null;
    if (run === 0) memoryMb = round((after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1024 ** 2, 1);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  const net = loaded!.net;
  log(options, `projection runs ${runsMs.join(', ')} ms, ${memoryMb} MB`);
  return {
    loaded: loaded!,
    section: {
      runsMs,
      medianMs: sorted[Math.floor(sorted.length / 2)],
      nodeCpuMs,
      jvmCpuMs,
      memoryMb,
      hcps: net.hcpIds.length,
      links: net.links.source.length,
      ties: net.ties.targets.length / 2,
    },
  };
}

const RANKING = /* GraphQL */ `
  query Ranking($metric: InfluenceMetric!, $territoryId: ID, $areaId: ID) {
    kolRanking(metric: $metric, first: 20, territoryId: $territoryId, therapeuticAreaId: $areaId) {
      rank
      score
      hcp {
        id
        name
      }
    }
  }
`;

const PATHS = /* GraphQL */ `
  query Paths($mslId: ID!, $hcpId: ID!) {
    introductionPaths(fromMslId: $mslId, toHcpId: $hcpId, maxHops: 4, first: 3) {
      hops
      cost
      strength
      nodes {
        id
        name
      }
    }
  }
`;

const REACH = /* GraphQL */ `
  query Reach($id: ID!, $hops: Int!) {
    networkReach(fromId: $id, maxHops: $hops) {
      total
      byHop {
        hops
        count
      }
    }
  }
`;

const PLANNING = {
  bestIntroducers: `query ($hcpId: ID!) { bestIntroducers(toHcpId: $hcpId) { msl { id name } path { hops cost strength nodes { id } } } }`,
  keyPersonRisk: `query ($territoryId: ID) { keyPersonRisk(territoryId: $territoryId) { hcp { id name } msl { id } strength influence } }`,
  handoverPlan: `query ($mslId: ID!) { handoverPlan(mslId: $mslId) { hcp { id } successor { id } existingStrength path { hops cost } } }`,
  territoryCoverage: `query ($territoryId: ID!) { territoryCoverage(territoryId: $territoryId) { hcps covered influenceShare } }`,
  proposeAssignment: `query ($targets: [ID!]!, $mslIds: [ID!], $territoryId: ID, $capacity: Int!) {
    proposeAssignment(targetHcpIds: $targets, mslIds: $mslIds, territoryId: $territoryId, capacity: $capacity) {
      totalValue assignments { value hcp { id name } msl { id name } path { hops strength } } unassigned { id }
    }
  }`,
};

/** Targets of one assignment proposal in the bench. */
const ASSIGNMENT_TARGETS = 20;

/** `count` distinct items drawn with `pick`. */
function distinct<T>(items: readonly T[], count: number, pick: <U>(items: readonly U[]) => U): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(pick(items));
  return [...chosen];
}

const ANALYST = {
  similarHcps: `query ($hcpId: ID!) { similarHcps(hcpId: $hcpId) { score shared hcp { id name } } }`,
  risingStars: `query { risingStars(fromYear: 2015, toYear: 2025) { growth percentileFrom percentileTo publications trials newTies hcp { id name } } }`,
  influenceHistory: `query ($hcpId: ID!) { hcp(id: $hcpId) { influenceHistory(fromYear: 2005, toYear: 2025) { year pagerank percentile ties } } }`,
  explanation: `query ($hcpId: ID!) { hcp(id: $hcpId) { influence { explanation { pagerank { inflowShare contributors { share hcp { id } } } composite { signals { signal contribution } } } } } }`,
};

/** similarHcps, influenceHistory (21 years) and the explanation of random HCPs; risingStars 2015 -> 2025. */
async function analystSection(app: RunningApp, ids: DatasetIds, options: BenchOptions, pick: <T>(items: readonly T[]) => T) {
  const { runs, warmup } = options;
  const run = (query: string, variables: () => Record<string, unknown>) =>
    sequential(runs, warmup, () => postGraphql(app.url, query, variables()));
  const firstRising = await measure(() => postGraphql(app.url, ANALYST.risingStars, {}));
  const section = {
    similarHcps: summarize(await run(ANALYST.similarHcps, () => ({ hcpId: pick(ids.hcps) }))),
    risingStarsFirstMs: firstRising.ms,
    risingStars: summarize(await run(ANALYST.risingStars, () => ({}))),
    influenceHistory: summarize(await run(ANALYST.influenceHistory, () => ({ hcpId: pick(ids.hcps) }))),
    explanation: summarize(await run(ANALYST.explanation, () => ({ hcpId: pick(ids.hcps) }))),
  };
  log(
    options,
    `p95: similarHcps ${section.similarHcps.p95} ms, risingStars ${section.risingStars.p95} ms (first ${section.risingStarsFirstMs} ms), influenceHistory ${section.influenceHistory.p95} ms, explanation ${section.explanation.p95} ms`,
  );
  return section;
}

/** bestIntroducers (random HCP), keyPersonRisk (every third over all territories), handoverPlan (random MSL), territoryCoverage. */
async function planningSection(app: RunningApp, ids: DatasetIds, options: BenchOptions, pick: <T>(items: readonly T[]) => T) {
  const { runs, warmup } = options;
  const run = (query: string, variables: (i: number) => Record<string, unknown>) =>
    sequential(runs, warmup, (i) => postGraphql(app.url, query, variables(i)));
  const section = {
    bestIntroducers: summarize(await run(PLANNING.bestIntroducers, () => ({ hcpId: pick(ids.hcps) }))),
    keyPersonRisk: summarize(await run(PLANNING.keyPersonRisk, (i) => ({ territoryId: i % 3 === 0 ? null : pick(ids.territories) }))),
    handoverPlan: summarize(await run(PLANNING.handoverPlan, () => ({ mslId: pick(ids.msls) }))),
    territoryCoverage: summarize(await run(PLANNING.territoryCoverage, () => ({ territoryId: pick(ids.territories) }))),
    // A territory's team and 20 of its HCPs; then 20 HCPs anywhere across every MSL.
    proposeAssignmentTeam: summarize(
      await run(PLANNING.proposeAssignment, () => {
        const territoryId = pick([...ids.hcpsByTerritory.keys()]);
        return { targets: distinct(ids.hcpsByTerritory.get(territoryId) ?? [], ASSIGNMENT_TARGETS, pick), territoryId, capacity: 3 };
      }),
    ),
    proposeAssignmentAll: summarize(
      await run(PLANNING.proposeAssignment, () => ({ targets: distinct(ids.hcps, ASSIGNMENT_TARGETS, pick), capacity: 2 })),
    ),
  };
  log(
    options,
    `p95: bestIntroducers ${section.bestIntroducers.p95} ms, keyPersonRisk ${section.keyPersonRisk.p95} ms, handoverPlan ${section.handoverPlan.p95} ms, territoryCoverage ${section.territoryCoverage.p95} ms, proposeAssignment ${section.proposeAssignmentTeam.p95} ms (team) / ${section.proposeAssignmentAll.p95} ms (every MSL)`,
  );
  return section;
}

async function networkSection(app: RunningApp, ids: DatasetIds, options: BenchOptions) {
  const random = seededRandom(options.seed + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const { runs, warmup } = options;
  const rankingVariables = (metric: string, i: number) => ({
    metric,
    territoryId: i % 3 === 1 ? pick(ids.territories) : null,
    areaId: i % 3 === 2 ? pick(ids.therapeuticAreas) : null,
  });

  log(options, 'first kolRanking (projection + PageRank in the API) ...');
  const first = await measure(() => postGraphql(app.url, RANKING, rankingVariables('PAGERANK', 0)));
  log(options, `first kolRanking ${first.ms} ms; ranking, paths and reach latencies ...`);
  const pagerank = summarize(await sequential(runs, warmup, (i) => postGraphql(app.url, RANKING, rankingVariables('PAGERANK', i))));
  const degree = summarize(await sequential(runs, warmup, (i) => postGraphql(app.url, RANKING, rankingVariables('DEGREE', i))));

  let withPath = 0;
  const paths = await sequential(runs, warmup, async (i) => {
    const { data: result } = await postGraphql(app.url, PATHS, { mslId: pick(ids.msls), hcpId: pick(ids.hcps) });
    if (i >= warmup && result.introductionPaths.length > 0) withPath++;
  });
  const hops2 = summarize(await sequential(runs, warmup, () => postGraphql(app.url, REACH, { id: pick(ids.hcps), hops: 2 })));
  const hops3 = summarize(await sequential(runs, warmup, () => postGraphql(app.url, REACH, { id: pick(ids.hcps), hops: 3 })));
  const introductionPaths = { ...summarize(paths), maxHops: 4, withPath };
  log(
    options,
    `p95: kolRanking ${pagerank.p95} ms, introductionPaths ${introductionPaths.p95} ms, networkReach(2) ${hops2.p95} ms, networkReach(3) ${hops3.p95} ms`,
  );
  const planning = await planningSection(app, ids, options, pick);
  const analyst = await analystSection(app, ids, options, pick);
  return {
    firstRankingMs: first.ms,
    kolRanking: { pagerank, degree },
    introductionPaths,
    networkReach: { hops2, hops3 },
    planning,
    analyst,
  };
}

async function betweennessSection(
  app: RunningApp,
  algorithms: AlgorithmComparison,
  options: BenchOptions,
): Promise<BenchReport['network']['betweennessRanking']> {
  const estimate = algorithms.betweenness.oursFullEstimateSec;
  if (estimate > options.betweennessBudgetSec) {
    return {
      measured: false,
      reason: `full betweenness estimated at ${estimate} s (${algorithms.betweenness.sources}-source sample x n), over the ${options.betweennessBudgetSec} s budget`,
    };
  }
  log(options, 'kolRanking BETWEENNESS (full Brandes in the API) ...');
  const first = await measure(() => postGraphql(app.url, RANKING, { metric: 'BETWEENNESS', territoryId: null, areaId: null }));
  const latency = summarize(
    await sequential(options.runs, options.warmup, () =>
      postGraphql(app.url, RANKING, { metric: 'BETWEENNESS', territoryId: null, areaId: null }),
    ),
  );
  return { measured: true, firstCallMs: first.ms, latency };
}

// Output --------------------------------------------------------------------------------------

function writeReport(report: BenchReport, options: BenchOptions): { jsonPath: string; mdPath: string } {
  fs.mkdirSync(options.outDir, { recursive: true });
  const stamp = report.startedAt.replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z');
  const base = path.join(options.outDir, `${stamp}-${report.options.hcps}`);
  const markdown = renderMarkdown(report);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, markdown);
  if (options.writeLatest) fs.writeFileSync(path.join(options.outDir, 'latest.md'), markdown);
  return { jsonPath: `${base}.json`, mdPath: `${base}.md` };
}

function log(options: BenchOptions, line: string): void {
  options.log(line);
}

/** `global.gc` without --expose-gc on the command line (a no-op if V8 refuses). */
function exposeGc(): () => void {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    return () => gc();
  } catch {
    return () => undefined;
  }
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
