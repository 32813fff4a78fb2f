/**
 * The performance targets (README, Performance), each met or missed with its ratio, and for a miss the measured
 * evidence of what bounds it. Absolute targets are defined at 100k HCPs / ~1M links: on a smaller
 * network they are still evaluated but flagged `atTargetScale: false`.
 */
import type { BenchReport } from '../bench';
import { round } from './stats';

export interface Target {
  id: string;
  target: string;
  measured: string;
  /**
   * Latency and time targets: measured / (reference or limit), met at <= 1.3 or 1 (nested query)
   * or < 1 (absolute limits). Throughput and PageRank: our speed / theirs, met at >= 1 and >= 5.
   */
  ratio: number | null;
  met: boolean | null;
  atTargetScale: boolean;
  /** For a miss: what bounds it, from the measurements. */
  bound?: string;
}

export const TARGET_SCALE = 100000;

export function evaluateTargets(report: BenchReport): Target[] {
  const atScale = report.dataset.hcps >= TARGET_SCALE;
  const nested = report.nestedQuery;
  const api = nested.latency.api;
  const cypher = nested.latency.cypher;
  const neo = nested.latency[nested.neo4jGraphqlVariant];
  const variant = nested.neo4jGraphqlVariant === 'neo4jGraphqlNative' ? 'native relationship fields' : '@cypher links field';
  const floor = nested.apiFloor.p50;
  const nestedEvidence =
    `our API sends ${nested.apiStatementsPerRequest} statement(s) per request (the others 1); ` +
    `the HTTP + GraphQL floor ({ __typename }) is ${floor} ms p50, and ${nested.linksReturned} links go through GraphQL execution and JSON twice (hand-written Cypher: neither): ` +
    `Node CPU per request ${nested.cpuMsPerRequest.api} ms (server + client) vs ${nested.cpuMsPerRequest[nested.neo4jGraphqlVariant]} ms for @neo4j/graphql and ${nested.cpuMsPerRequest.cypher} ms for the Cypher`;
  const targets: Target[] = [];

  const p50VsCypher = (id: string, target: string, p50: number): Target => {
    const ratio = round(p50 / cypher.p50);
    const met = ratio <= 1.3;
    return {
      id,
      target,
      measured: `${p50} ms vs ${cypher.p50} ms`,
      ratio,
      met,
      atTargetScale: true,
      bound: met ? undefined : nestedEvidence,
    };
  };
  targets.push(p50VsCypher('nested-vs-cypher', 'nested query p50 within 1.3x of hand-written Cypher', api.p50));
  // The same code in its own process, as deployed (its own heap and event loop; the bench process
  // hosts the clients and the hand-written contender): reported beside the in-process figure.
  const own = nested.latency.apiProcess;
  if (own) {
    targets.push(
      p50VsCypher('nested-vs-cypher-own-process', 'nested query p50 within 1.3x of hand-written Cypher, API in its own process', own.p50),
    );
  }

  const vsNeo = round(api.p50 / neo.p50);
  targets.push({
    id: 'nested-vs-neo4j-graphql',
    target: 'nested query p50 no slower than @neo4j/graphql',
    measured: `${api.p50} ms vs ${neo.p50} ms (${variant})`,
    ratio: vsNeo,
    met: vsNeo <= 1,
    atTargetScale: true,
    bound: vsNeo <= 1 ? undefined : nestedEvidence,
  });

  const tp = nested.throughput;
  const tpRatio = round(tp.api.requestsPerSec / tp.neo4jGraphql.requestsPerSec);
  targets.push({
    id: 'throughput-vs-neo4j-graphql',
    target: 'throughput under concurrent load at least that of @neo4j/graphql',
    measured: `${tp.api.requestsPerSec} req/s vs ${tp.neo4jGraphql.requestsPerSec} req/s (${tp.api.connections} connections)`,
    ratio: tpRatio,
    met: tpRatio >= 1 && tp.api.errors + tp.api.non2xx === 0,
    atTargetScale: true,
    bound:
      tpRatio >= 1
        ? undefined
        : `per request our API does more work in Node (${nested.apiStatementsPerRequest} statements, DataLoader batching, type-graphql resolvers); ` +
          `both servers, the load generator and Neo4j share ${report.machine.cores} cores (hand-written Cypher in-process: ${tp.cypher.requestsPerSec} req/s)`,
  });

  const tpCypher = round(tp.api.requestsPerSec / tp.cypher.requestsPerSec);
  targets.push({
    id: 'throughput-vs-cypher',
    target: 'throughput under concurrent load at least 0.8x of hand-written Cypher',
    measured: `${tp.api.requestsPerSec} req/s vs ${tp.cypher.requestsPerSec} req/s (${tp.api.connections} connections)`,
    ratio: tpCypher,
    met: tpCypher >= 0.8 && tp.api.errors + tp.api.non2xx === 0,
    atTargetScale: true,
    bound:
      tpCypher >= 0.8
        ? undefined
        : `the same statement's database work plus, per request, HTTP, GraphQL execution and the JSON of ${nested.responseBytes.api} bytes written by the API and parsed by the load generator: ` +
          `Node CPU per request ${nested.cpuMsPerRequest.api} ms vs ${nested.cpuMsPerRequest.cypher} ms (the Cypher contender runs in-process, no HTTP); all share ${report.machine.cores} cores`,
  });

  const ownTp = tp.apiProcess;
  if (ownTp) {
    const ownTpCypher = round(ownTp.requestsPerSec / tp.cypher.requestsPerSec);
    targets.push({
      id: 'throughput-vs-cypher-own-process',
      target: 'throughput under concurrent load at least 0.8x of hand-written Cypher, API in its own process',
      measured: `${ownTp.requestsPerSec} req/s vs ${tp.cypher.requestsPerSec} req/s (${ownTp.connections} connections)`,
      ratio: ownTpCypher,
      met: ownTpCypher >= 0.8 && ownTp.errors + ownTp.non2xx === 0,
      atTargetScale: true,
      bound:
        ownTpCypher >= 0.8
          ? undefined
          : `the API process, Neo4j, the load generator and the bench process share ${report.machine.cores} cores`,
    });
  }

  const paths = report.network.introductionPaths;
  targets.push(
    absolute(
      'introduction-paths-p95',
      'introductionPaths (maxHops 4) p95 under 50 ms',
      paths.p95,
      50,
      'ms',
      atScale,
      `HTTP + GraphQL floor ${floor} ms p50; one data-version round trip per request`,
    ),
  );
  const reach = report.network.networkReach.hops2;
  targets.push(
    absolute(
      'network-reach-p95',
      'networkReach (maxHops 2) p95 under 50 ms',
      reach.p95,
      50,
      'ms',
      atScale,
      `HTTP + GraphQL floor ${floor} ms p50; one data-version round trip per request`,
    ),
  );
  const ranking = report.network.kolRanking.pagerank;
  targets.push(
    absolute(
      'ranking-p95',
      'kolRanking (PageRank, once computed) p95 under 20 ms',
      ranking.p95,
      20,
      'ms',
      atScale,
      `HTTP + GraphQL floor ${floor} ms p50; one data-version round trip and one HCP statement per request`,
    ),
  );

  const imp = report.import;
  if (!imp.skipped) {
    const links = imp.files.find((f) => f.file === 'hcp_links.csv');
    const hcps = imp.files.find((f) => f.file === 'hcps.csv');
    const slowest = [...imp.files]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3)
      .map((f) => `${f.file} ${round(f.ms / 1000, 1)} s`)
      .join(', ');
    targets.push(
      absolute(
        'import',
        'import of 100k HCPs + 1M links under 60 s',
        round(imp.totalMs / 1000, 1),
        60,
        's',
        atScale,
        `one write transaction through src/import (not changed here); slowest parts: ${slowest}; ` +
          `HCPs ${hcps ? round(hcps.rows / Math.max(0.001, hcps.ms / 1000)) : '?'} rows/s, links ${links ? round(links.rows / Math.max(0.001, links.ms / 1000)) : '?'} rows/s` +
          (imp.jvmCpuMs !== null ? `; Neo4j used ${round(imp.jvmCpuMs / 1000, 1)} s of CPU in ${round(imp.totalMs / 1000, 1)} s` : ''),
      ),
    );
  }

  const bulk = imp.bulk;
  if (!imp.skipped && bulk) {
    const speedup = round(imp.totalMs / Math.max(1, bulk.totalMs), 1);
    targets.push({
      id: 'bulk-import',
      target: 'first import into an empty database at least 5x faster than the transactional import',
      measured: `${round(bulk.totalMs / 1000, 1)} s vs ${round(imp.totalMs / 1000, 1)} s`,
      ratio: speedup,
      met: speedup >= 5,
      atTargetScale: atScale,
      bound:
        speedup >= 5
          ? undefined
          : `Neo4j's importer fed the records as a stream ${round(bulk.storeMs / 1000, 1)} s, database start ${round(bulk.startMs / 1000, 1)} s, schema and indexes ${round(bulk.finishMs / 1000, 1)} s`,
    });
  }

  const projection = report.network.projection;
  targets.push(
    absolute(
      'projection',
      'projection of the network into memory under 5 s',
      round(projection.medianMs / 1000, 2),
      5,
      's',
      atScale,
      `Node CPU ${round(projection.nodeCpuMs / 1000, 1)} s` +
        (projection.jvmCpuMs !== null ? `, Neo4j CPU ${round(projection.jvmCpuMs / 1000, 1)} s` : '') +
        ` for ${projection.links} links`,
    ),
  );

  const pr = report.algorithms.pagerank;
  targets.push({
    id: 'pagerank-vs-networkx',
    target: 'PageRank at least 5x faster than networkx on the same graph',
    measured:
      pr.networkxMs === null
        ? `networkx unavailable (${report.algorithms.networkx.error})`
        : `${pr.oursMs} ms vs ${pr.networkxMs} ms (same stopping rule: ${pr.oursAtNetworkxToleranceMs} ms)`,
    ratio: pr.speedup,
    met: pr.speedup === null ? null : pr.speedup >= 5,
    atTargetScale: atScale,
    bound:
      pr.speedup !== null && pr.speedup < 5
        ? `ours iterates to an L1 change of 1e-10 (networkx: n·1e-6); at networkx's rule ours takes ${pr.oursAtNetworkxToleranceMs} ms (${pr.speedupAtSameTolerance}x)`
        : undefined,
  });
  return targets;
}

function absolute(
  id: string,
  target: string,
  value: number,
  limit: number,
  unit: string,
  atTargetScale: boolean,
  evidence: string,
): Target {
  const met = value < limit;
  return { id, target, measured: `${value} ${unit}`, ratio: round(value / limit), met, atTargetScale, bound: met ? undefined : evidence };
}
