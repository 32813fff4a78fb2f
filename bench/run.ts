/**
 * npm run bench -- [--hcps 100000] [options]   (see --help)
 *
 * Starts an embedded Neo4j on a temporary folder (or uses NEO4J_URI), generates and imports the
 * network, starts the API and @neo4j/graphql, measures, and writes bench/results/<time>-<hcps>.json
 * and .md plus bench/results/latest.md.
 */
// Measure the production configuration (the Dockerfile sets NODE_ENV=production): graphql-js,
// for one, runs extra development-time checks otherwise. Set before anything loads graphql.
process.env.NODE_ENV ??= 'production';
// ts-node installs source-map-support, which rewrites every stack trace formatted; the Neo4j
// driver formats one per statement (Result), so it would bill whoever sends more statements.
// Production runs compiled JS without it (Dockerfile: node dist/src/main.js): measure that.
(Error as { prepareStackTrace?: unknown }).prepareStackTrace = undefined;

import path from 'node:path';
import { BenchOptions, DEFAULT_OPTIONS, runBench } from './bench';

const HELP = `npm run bench -- [options]
  --hcps N                 HCPs to generate (default ${DEFAULT_OPTIONS.hcps}; ~10 links each)
  --seed N                 generator seed (default ${DEFAULT_OPTIONS.seed})
  --runs N / --warmup N    sequential runs per latency figure (default ${DEFAULT_OPTIONS.runs} after ${DEFAULT_OPTIONS.warmup})
  --connections N          concurrent connections for the throughput test (default ${DEFAULT_OPTIONS.connections})
  --duration S             seconds of load per contender (default ${DEFAULT_OPTIONS.durationSec})
  --heap SIZE              embedded Neo4j heap (default NEO4J_HEAP or ${DEFAULT_OPTIONS.heap})
  --page-cache MB          embedded Neo4j page cache (default ${DEFAULT_OPTIONS.pageCacheMb})
  --betweenness-sources K  sources of the betweenness sample (default ${DEFAULT_OPTIONS.betweennessSources})
  --out DIR                where the reports go (default bench/results)
  --reset                  with NEO4J_URI: delete everything in that database first
  --skip-import            with NEO4J_URI: reuse data imported by an earlier run (same --hcps and --seed)
NEO4J_URI (+ NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) selects an existing Neo4j instead of the embedded one.`;

function parseArgs(argv: string[]): Partial<BenchOptions> {
  const options: Partial<BenchOptions> = {};
  const numeric: Record<string, keyof BenchOptions> = {
    '--hcps': 'hcps',
    '--seed': 'seed',
    '--runs': 'runs',
    '--warmup': 'warmup',
    '--connections': 'connections',
    '--duration': 'durationSec',
    '--page-cache': 'pageCacheMb',
    '--betweenness-sources': 'betweennessSources',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--help' || arg === '-h') {
      console.log(HELP);
      process.exit(0);
    } else if (numeric[arg]) {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0) throw new Error(`${arg} must be a non-negative number`);
      (options as Record<string, unknown>)[numeric[arg]] = n;
    } else if (arg === '--heap') options.heap = value();
    else if (arg === '--out') options.outDir = path.resolve(value());
    else if (arg === '--reset') options.reset = true;
    else if (arg === '--skip-import') options.skipImport = true;
    else throw new Error(`unknown option ${arg}\n\n${HELP}`);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (process.env.NEO4J_URI) {
    options.neo4jUri = process.env.NEO4J_URI;
    options.neo4jUser = process.env.NEO4J_USER || 'neo4j';
    options.neo4jPassword = process.env.NEO4J_PASSWORD || '';
    options.neo4jDatabase = process.env.NEO4J_DATABASE || 'neo4j';
  } else if (options.reset || options.skipImport) {
    throw new Error('--reset and --skip-import apply to NEO4J_URI only (the embedded server starts empty)');
  }
  const { report, jsonPath, mdPath } = await runBench(options);
  console.log(
    `\n${report.targets.map((t) => `${t.met === null ? 'n/a   ' : t.met ? 'met   ' : 'MISSED'}  ${t.target}: ${t.measured} (ratio ${t.ratio})`).join('\n')}`,
  );
  console.log(`\n${jsonPath}\n${mdPath}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    const cause = error instanceof Error && error.cause ? ` (${String((error.cause as Error).message ?? error.cause)})` : '';
    console.error(error instanceof Error ? `${error.stack}${cause}` : error);
    process.exit(1);
  },
);
