/** The Markdown form of a bench report (bench/results/*.md, latest.md, the README table). */
import type { BenchReport, NestedSection, ThroughputCpu } from '../bench';

type NestedLatency = NestedSection['latency'];
import { Latency, round } from './stats';

export function renderMarkdown(r: BenchReport): string {
  const m = r.machine;
  const d = r.dataset;
  const n = r.nestedQuery;
  const net = r.network;
  const a = r.algorithms;
  const lines: string[] = [];
  const table = (header: string[], rows: (string | number | null | undefined)[][]) => {
    lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
    for (const row of rows) lines.push(`| ${row.map((c) => (c === null || c === undefined ? '-' : String(c))).join(' | ')} |`);
    lines.push('');
  };
  const lat = (label: string, l: Latency | undefined, extra = '') => [label, l?.p50, l?.p95, l?.p99, l?.runs, extra];

  lines.push(`# MSL Graph benchmark - ${fmt(d.hcps)} HCPs`, '');
  lines.push(
    `${r.startedAt} · ${r.totalSec} s · ${m.cpuModel}, ${m.cores} cores, ${m.ramGb} GB RAM · ${m.os} · Node ${m.node} (NODE_ENV ${m.nodeEnv ?? 'unset'}${m.nodeFlags?.length ? `, ${m.nodeFlags.join(' ')}` : ''}) · ${m.java ?? 'no Java'} · ${m.neo4j} (${r.options.neo4j}${r.memory.jvmHeap ? `, heap ${r.memory.jvmHeap}` : ''}) · ` +
      `load average ${m.loadAverage[0]} at start, ${m.loadAverageEnd[0]} at end (a load above ${m.cores} means other processes shared the CPU: compare ratios, not absolute times)`,
    '',
  );
  lines.push(
    `Dataset (seed ${r.options.seed}): ${fmt(d.hcps)} HCPs, ${fmt(d.links)} links, ${fmt(d.msls)} MSLs, ${fmt(d.interactions)} interactions, ${fmt(d.institutions)} institutions, ` +
      `${fmt(d.mslRelationships)} MSL relationships, ${fmt(d.publications)} publications, ${fmt(d.trials)} trials; ${fmt(d.databaseNodes)} nodes and ${fmt(d.databaseRelationships)} relationships in Neo4j.`,
    '',
  );

  lines.push('## Targets', '');
  table(
    ['target', 'measured', 'ratio', 'result'],
    r.targets.map((t) => [
      t.target,
      t.measured,
      t.ratio,
      `${t.met === null ? 'n/a' : t.met ? 'met' : '**missed**'}${t.atTargetScale ? '' : ' (below target scale)'}`,
    ]),
  );
  const misses = r.targets.filter((t) => t.met === false && t.bound);
  if (misses.length > 0) {
    lines.push('What bounds the misses (measured):', '');
    for (const t of misses) lines.push(`- **${t.id}**: ${t.bound}`);
    lines.push('');
  }

  lines.push('## Import', '');
  if (r.import.skipped) lines.push('Skipped (data reused).', '');
  else {
    lines.push(
      `${fmt(r.import.rows)} rows in ${round(r.import.totalMs / 1000, 1)} s (${fmt(r.import.rowsPerSecond)} rows/s), one transaction through \`importNetwork\`` +
        (r.import.jvmCpuMs !== null ? `; Neo4j CPU ${round(r.import.jvmCpuMs / 1000, 1)} s` : '') +
        '.',
      '',
    );
    const bulk = r.import.bulk;
    if (bulk) {
      lines.push(
        `Bulk (offline) import of the same records into an empty store: ${round(bulk.totalMs / 1000, 1)} s (Neo4j's importer fed the records as a stream ${round(bulk.storeMs / 1000, 1)} s, the database's first start ${round(bulk.startMs / 1000, 1)} s, schema and indexes on the started server ${round(bulk.finishMs / 1000, 1)} s; the importer runs in the server's JVM, started while the records are prepared): ${fmt(bulk.nodes)} nodes, ${fmt(bulk.relationships)} relationships; ${round(r.import.totalMs / Math.max(1, bulk.totalMs), 1)}x faster than the transactional import.`,
        '',
      );
    }
    const cap = r.import.transactionMemoryMax;
    lines.push(
      `Transaction memory cap (dbms.memory.transaction.total.max): ${cap === null ? 'unknown' : cap === '0B' ? 'none but the heap' : cap} ` +
        '(the import is one transaction; at 100k HCPs and 1M links it needs more than 2 GiB).',
      '',
    );
    table(
      ['file', 'rows', 's', 'rows/s'],
      r.import.files.map((f) => [
        f.file,
        fmt(f.rows),
        round(f.ms / 1000, 2),
        f.rows > 0 && f.ms > 0 ? fmt(Math.round(f.rows / (f.ms / 1000))) : '',
      ]),
    );
  }

  lines.push(`## Nested front-end query (${n.hcps} HCPs, ${fmt(n.linksReturned)} links)`, '');
  lines.push(
    'hcps with institution, therapeuticAreas, links { type weight direction hcp { id name } }. Sequential, contenders interleaved; latencies in ms. ' +
      `Same data from all: ${Object.entries(n.sameData)
        .map(([k, v]) => `${k} ${v ? 'yes' : 'NO'}`)
        .join(', ')}. ` +
      `Our API: ${n.apiStatementsPerRequest} statements per request; HTTP + GraphQL floor \`{ __typename }\` p50 ${n.apiFloor.p50} ms. ` +
      'Answers uncompressed (`accept-encoding: identity`), as the other contenders give them' +
      (n.apiBrotli
        ? `; with \`accept-encoding: br\` (what a browser gets) our API's p50 is ${n.apiBrotli.p50} ms, p95 ${n.apiBrotli.p95} ms.`
        : '.'),
    '',
  );
  const row = (label: string, key: keyof NestedLatency) => [
    label,
    n.latency[key].p50,
    n.latency[key].p95,
    n.latency[key].p99,
    n.latency[key].runs,
    n.cpuMsPerRequest[key],
    fmt(n.responseBytes[key]),
  ];
  table(
    ['contender', 'p50', 'p95', 'p99', 'runs', 'Node CPU ms/request', 'response bytes'],
    [
      row('MSL Graph API (HTTP)', 'api'),
      ...(n.latency.apiNodeHttp ? [row('MSL Graph API (HTTP, node:http client)', 'apiNodeHttp')] : []),
      ...(n.latency.apiProcess ? [row('MSL Graph API in its own process (HTTP)', 'apiProcess')] : []),
      row('hand-written Cypher (driver, in-process)', 'cypher'),
      row('@neo4j/graphql, @cypher links field (HTTP)', 'neo4jGraphqlCypherField'),
      row('@neo4j/graphql, native relationship fields (HTTP)', 'neo4jGraphqlNative'),
    ],
  );
  lines.push(
    'Node CPU per request: the bench process hosts both servers and the client, so HTTP contenders include the client side (request, JSON parsing).' +
      (n.latency.apiProcess
        ? ` The API in its own process (as deployed: its own heap and event loop, the same Node flags) is the same code against the same Neo4j; the bench process's CPU for it is the client's alone, the API process's own was ${n.apiProcessCpuMsPerRequest ?? 'n/a'} ms per request.`
        : ''),
    '',
  );
  const t = n.throughput;
  lines.push(
    `Throughput, ${t.api.connections} concurrent connections, ${t.api.durationSec} s each (autocannon in a child process; Cypher: concurrent loops in-process):`,
    '',
  );
  table(
    ['contender', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'errors'],
    [
      [
        'MSL Graph API',
        t.api.requestsPerSec,
        t.api.latencyP50,
        t.api.latencyP97_5,
        t.api.latencyP99,
        t.api.errors + t.api.non2xx + t.api.timeouts,
      ],
      [
        `@neo4j/graphql (${n.neo4jGraphqlVariant === 'neo4jGraphqlNative' ? 'native' : '@cypher field'})`,
        t.neo4jGraphql.requestsPerSec,
        t.neo4jGraphql.latencyP50,
        t.neo4jGraphql.latencyP97_5,
        t.neo4jGraphql.latencyP99,
        t.neo4jGraphql.errors + t.neo4jGraphql.non2xx + t.neo4jGraphql.timeouts,
      ],
      ...(t.apiProcess
        ? [
            [
              'MSL Graph API in its own process',
              t.apiProcess.requestsPerSec,
              t.apiProcess.latencyP50,
              t.apiProcess.latencyP97_5,
              t.apiProcess.latencyP99,
              t.apiProcess.errors + t.apiProcess.non2xx + t.apiProcess.timeouts,
            ],
          ]
        : []),
      ['hand-written Cypher', t.cypher.requestsPerSec, t.cypher.latencyP50, t.cypher.latencyP97_5, t.cypher.latencyP99, t.cypher.errors],
    ],
  );
  const c = n.throughputCpuMs;
  if (c) {
    lines.push(
      'CPU ms per request during those runs, by where it ran (bench process main thread; its other threads: V8 collector helpers, libuv; its low-priority betweenness threads; Neo4j; the load generator):',
      '',
    );
    const cpuRow = (name: string, x: ThroughputCpu) => [
      name,
      x.mainThread,
      x.otherThreads,
      x.lowPriorityThreads,
      x.neo4j ?? 'n/a',
      x.loadGenerator,
      round(x.mainThread + x.otherThreads + (x.neo4j ?? 0) + x.loadGenerator, 2),
    ];
    table(
      ['contender', 'main thread', 'other threads', 'low-priority threads', 'Neo4j', 'load generator', 'total (without low-priority)'],
      [
        cpuRow('MSL Graph API', c.api),
        ...(c.apiProcess ? [cpuRow('MSL Graph API in its own process (its main thread, other threads)', c.apiProcess)] : []),
        cpuRow('@neo4j/graphql', c.neo4jGraphql),
        cpuRow('hand-written Cypher', c.cypher),
      ],
    );
  }

  lines.push('## Network queries through the API', '');
  lines.push(
    `Projection (loadProjection, ${fmt(net.projection.links)} links, ${fmt(net.projection.ties)} ties): ${net.projection.runsMs.join(' / ')} ms (median ${net.projection.medianMs} ms), ` +
      `Node CPU ${net.projection.nodeCpuMs} ms${net.projection.jvmCpuMs !== null ? `, Neo4j CPU ${net.projection.jvmCpuMs} ms` : ''}, ${net.projection.memoryMb} MB in the Node heap. ` +
      `First kolRanking on a fresh API (projection + PageRank + order): ${net.firstRankingMs} ms.`,
    '',
  );
  table(
    ['query', 'p50', 'p95', 'p99', 'runs', 'note'],
    [
      lat('kolRanking PAGERANK first 20 (no filter / territory / area)', net.kolRanking.pagerank),
      lat('kolRanking DEGREE first 20', net.kolRanking.degree),
      lat(
        'introductionPaths maxHops 4 first 3, random MSL/HCP',
        net.introductionPaths,
        `${net.introductionPaths.withPath}/${net.introductionPaths.runs} with a path`,
      ),
      lat('networkReach maxHops 2, random HCP', net.networkReach.hops2),
      lat('networkReach maxHops 3, random HCP', net.networkReach.hops3),
      lat('bestIntroducers maxHops 4 first 5, random HCP', net.planning.bestIntroducers),
      lat('keyPersonRisk first 20, all territories or one', net.planning.keyPersonRisk),
      lat('handoverPlan maxHops 4, random MSL', net.planning.handoverPlan, 'one row per relationship of the MSL'),
      lat('territoryCoverage, random territory', net.planning.territoryCoverage),
      lat('proposeAssignment 20 HCPs of a random territory, its MSLs, capacity 3', net.planning.proposeAssignmentTeam),
      lat(
        'proposeAssignment 20 random HCPs, every MSL, capacity 2',
        net.planning.proposeAssignmentAll,
        'one bestIntroducers search per target',
      ),
      net.betweennessRanking.measured
        ? lat(
            'kolRanking BETWEENNESS (once computed)',
            net.betweennessRanking.latency,
            `first call ${net.betweennessRanking.firstCallMs} ms`,
          )
        : ['kolRanking BETWEENNESS', null, null, null, null, `not measured: ${net.betweennessRanking.reason}`],
    ],
  );

  lines.push('## Algorithms vs networkx (same graphs)', '');
  if (!a.networkx.available) lines.push(`networkx unavailable: ${a.networkx.error}`, '');
  else
    lines.push(
      `Python ${a.networkx.python}, networkx ${a.networkx.networkx}, scipy ${a.networkx.scipy ?? 'none'}. Graph construction not timed.`,
      '',
    );
  table(
    ['algorithm', 'ours ms', 'networkx ms', 'speedup', 'agreement'],
    [
      [
        `PageRank, ${fmt(a.nodes)} nodes, ${fmt(a.pagerank.edges)} directed edges (ours to L1 < 1e-10)`,
        a.pagerank.oursMs,
        a.pagerank.networkxMs,
        x(a.pagerank.speedup),
        `max abs. diff. ${a.pagerank.maxAbsDifference ?? '-'} (vs networkx converged to the same tolerance: ${a.pagerank.maxAbsDifferenceConverged ?? '-'})`,
      ],
      [
        `PageRank, networkx's default stopping rule (L1 < n·1e-6) on both`,
        a.pagerank.oursAtNetworkxToleranceMs,
        a.pagerank.networkxMs,
        x(a.pagerank.speedupAtSameTolerance),
        '',
      ],
      [
        `PageRank, our stopping rule (L1 < 1e-10) on both`,
        a.pagerank.oursMs,
        a.pagerank.networkxConvergedMs,
        x(a.pagerank.speedupConverged),
        '',
      ],
      [
        `Betweenness, ${a.betweenness.sources}-source sample, ${fmt(a.betweenness.ties)} ties`,
        a.betweenness.oursMs,
        a.betweenness.networkxMs,
        x(a.betweenness.speedup),
        `max rel. diff. ${a.betweenness.maxRelativeDifference ?? '-'}`,
      ],
      [
        'Betweenness, full network (extrapolated × n/k, single thread)',
        `${a.betweenness.oursFullEstimateSec} s`,
        a.betweenness.networkxFullEstimateSec === null ? null : `${a.betweenness.networkxFullEstimateSec} s`,
        '',
        'estimate',
      ],
    ],
  );

  lines.push('## Memory', '');
  const mem = r.memory;
  lines.push(
    `Node process (bench harness + our API + @neo4j/graphql server in one process) RSS: ${mem.node.afterImport.rssMb} MB after import, ${mem.node.afterProjection.rssMb} MB after the projection, ${mem.node.end.rssMb} MB at the end ` +
      `(heap used ${mem.node.end.heapUsedMb} MB). Projection: ${net.projection.memoryMb} MB. ` +
      (mem.jvm
        ? `Neo4j JVM (heap ${mem.jvmHeap}, page cache ${r.options.pageCacheMb} MB) VmRSS ${mem.jvm.rssMb} MB, peak ${mem.jvm.peakRssMb} MB.`
        : 'Neo4j JVM: external server, not measured.'),
    '',
  );
  return `${lines.join('\n')}\n`;
}

function fmt(value: number): string {
  return value.toLocaleString('en-US');
}

function x(value: number | null): string {
  return value === null ? '-' : `${value}x`;
}
