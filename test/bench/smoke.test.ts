import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBench } from '../../bench/bench';

/**
 * A small run of the benchmark (1k HCPs, few runs, 1 s of load) against the test Neo4j, through
 * the bench's NEO4J_URI path: every section of the report is there and the contenders of the
 * nested query returned the same data. The real figures come from `npm run bench`.
 */
describe('bench smoke run (1k HCPs)', () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-bench-smoke-'));
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('writes a JSON and a Markdown report with every section', async () => {
    const external = Boolean(process.env.NEO4J_URI);
    const { report, jsonPath, mdPath } = await runBench({
      hcps: 1000,
      neo4jUri: process.env.TEST_NEO4J_URI,
      neo4jUser: external ? process.env.NEO4J_USER : 'neo4j',
      neo4jPassword: external ? process.env.NEO4J_PASSWORD : '',
      reset: true,
      runs: 5,
      warmup: 1,
      connections: 2,
      durationSec: 1,
      betweennessSources: 20,
      projectionRuns: 1,
      outDir,
      writeLatest: false,
      log: () => undefined,
    });

    const json = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
    expect(json).toEqual(JSON.parse(JSON.stringify(report)));
    for (const section of ['options', 'machine', 'dataset', 'import', 'nestedQuery', 'network', 'algorithms', 'memory', 'targets'])
      expect(json).toHaveProperty(section);
    expect(json.machine).toEqual(
      expect.objectContaining({
        cpuModel: expect.any(String),
        cores: expect.any(Number),
        ramGb: expect.any(Number),
        node: process.version,
      }),
    );
    expect(json.machine.neo4j).toMatch(/5\.26/);
    expect(json.dataset).toEqual(
      expect.objectContaining({ hcps: 1000, links: expect.any(Number), msls: expect.any(Number), interactions: expect.any(Number) }),
    );
    expect(json.dataset.links).toBeGreaterThan(5000);

    expect(json.import.skipped).toBe(false);
    expect(json.import.rows).toBeGreaterThan(json.dataset.hcps + json.dataset.links);
    expect(json.import.rowsPerSecond).toBeGreaterThan(0);
    expect(json.import).toHaveProperty('transactionMemoryMax');
    expect(json.import.files.map((f: { file: string }) => f.file)).toEqual(expect.arrayContaining(['hcps.csv', 'hcp_links.csv', 'commit']));

    const nested = json.nestedQuery;
    expect(nested.sameData).toEqual({
      api: true,
      apiNodeHttp: true,
      apiProcess: true,
      cypher: true,
      neo4jGraphqlCypherField: true,
      neo4jGraphqlNative: true,
    });
    for (const contender of ['api', 'apiNodeHttp', 'apiProcess', 'cypher', 'neo4jGraphqlCypherField', 'neo4jGraphqlNative']) {
      expect(nested.latency[contender].runs).toBe(5);
      expect(nested.latency[contender].p95).toBeGreaterThanOrEqual(nested.latency[contender].p50);
    }
    // apiProcess: the API in a process of its own (as deployed), beside the in-process one.
    for (const contender of ['api', 'apiProcess', 'neo4jGraphql', 'cypher']) {
      expect(nested.throughput[contender]).toEqual(expect.objectContaining({ connections: 2, requests: expect.any(Number) }));
      // Where each throughput run's CPU went (Neo4j's only when its pid is known: the test server's is not); the in-process loops have no load generator.
      const cpu = nested.throughputCpuMs[contender];
      expect(cpu.mainThread).toBeGreaterThan(0);
      expect(cpu.neo4j).toBeNull();
      expect(cpu.loadGenerator > 0).toBe(contender !== 'cypher');
    }
    expect(nested.apiStatementsPerRequest).toBeGreaterThan(0);
    expect(Object.keys(nested.cpuMsPerRequest).sort()).toEqual([
      'api',
      'apiNodeHttp',
      'apiProcess',
      'cypher',
      'neo4jGraphqlCypherField',
      'neo4jGraphqlNative',
    ]);
    expect(nested.apiProcessCpuMsPerRequest).toBeGreaterThan(0);

    const network = json.network;
    expect(network.projection.hcps).toBe(1000);
    expect(network.projection.medianMs).toBeGreaterThan(0);
    for (const latency of [
      network.kolRanking.pagerank,
      network.kolRanking.degree,
      network.introductionPaths,
      network.networkReach.hops2,
      network.networkReach.hops3,
    ])
      expect(latency.runs).toBe(5);
    for (const latency of Object.values(network.planning) as { runs: number }[]) expect(latency.runs).toBe(5);
    expect(Object.keys(network.planning).sort()).toEqual([
      'bestIntroducers',
      'handoverPlan',
      'keyPersonRisk',
      'proposeAssignmentAll',
      'proposeAssignmentTeam',
      'territoryCoverage',
    ]);
    expect(network.betweennessRanking.measured).toBe(true);

    const algorithms = json.algorithms;
    expect(algorithms.pagerank.oursMs).toBeGreaterThan(0);
    expect(algorithms.betweenness.sources).toBe(20);
    if (algorithms.networkx.available) {
      expect(algorithms.pagerank.maxAbsDifferenceConverged).toBeLessThan(1e-9);
      expect(algorithms.betweenness.maxRelativeDifference).toBeLessThan(1e-9);
    }

    expect(json.memory.node.end.rssMb).toBeGreaterThan(0);
    expect(json.targets.map((t: { id: string }) => t.id)).toEqual([
      'nested-vs-cypher',
      'nested-vs-cypher-own-process',
      'nested-vs-neo4j-graphql',
      'throughput-vs-neo4j-graphql',
      'throughput-vs-cypher',
      'throughput-vs-cypher-own-process',
      'introduction-paths-p95',
      'network-reach-p95',
      'ranking-p95',
      'import',
      'projection',
      'pagerank-vs-networkx',
    ]);
    for (const target of json.targets)
      expect(target.atTargetScale === false || target.id.startsWith('nested') || target.id.startsWith('throughput')).toBe(true);

    const markdown = fs.readFileSync(mdPath, 'utf8');
    expect(markdown).toContain('CPU ms per request during those runs');
    for (const heading of [
      '## Targets',
      '## Import',
      '## Nested front-end query',
      '## Network queries through the API',
      '## Algorithms vs networkx',
      '## Memory',
    ])
      expect(markdown).toContain(heading);
  }, 240000);
});
