import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/paths';
import { generateNetwork } from '../../src/import/generate';
import { importNetwork } from '../../src/import/importer';
import { resetDatabase, testConfig } from '../support/db';
import { connect } from '../../src/db/connect';
import { eventually, freePort } from '../support/ports';

/**
 * A fresh API process: once /ready says 200, its first request (the explorer's first views: a
 * page of HCPs with influence and community, a search, the ranking) answers about as fast as the
 * same request later. Without the warm-up the first one paid for the driver pool, the network
 * snapshot, PageRank, communities and the cold request path (seconds, against ~0.1 s after).
 */
const QUERY = `{
  hcps(first: 20) { totalCount edges { node { id name specialty institution { name city } influence { pagerank rank } community { id size } } } }
  search: hcps(first: 20, filter: {search: "onco"}) { totalCount edges { node { id name } } }
  kolRanking(first: 10) { rank score hcp { id name } }
}`;

let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGTERM');
});

it('answers the first request after /ready as fast as later ones', async () => {
  const config = testConfig();
  const db = connect(config);
  await resetDatabase(db);
  await importNetwork(db, generateNetwork({ hcps: 1500, seed: 21 }));
  await db.close();

  const port = await freePort();
  child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(projectRoot, 'src', 'main.ts')], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NEO4J_URI: config.neo4jUri ?? '',
      NEO4J_USER: config.neo4jUser,
      NEO4J_PASSWORD: config.neo4jPassword,
      PORT: String(port),
      SEED_DEMO: 'false',
      JWT_SECRET: '',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
    },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  await eventually(async () => (await fetch(`${base}/ready`)).status === 200, 120000, 100);

  const timed = async (): Promise<number> => {
    const started = process.hrtime.bigint();
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
    });
    const body = (await response.json()) as { errors?: unknown };
    expect(body.errors).toBeUndefined();
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const first = await timed();
  const later: number[] = [];
  for (let i = 0; i < 9; i++) later.push(await timed());
  later.sort((a, b) => a - b);
  const median = later[Math.floor(later.length / 2)];
  process.stdout.write(`first ${first.toFixed(0)} ms, later median ${median.toFixed(0)} ms\n`);
  // Without the warm-up the first request pays seconds. A shared machine jitters (one CI run saw
  // a first request at 192 ms against a median of 18 ms, the usual being 17-42 ms): allow 3x the
  // median or 300 ms more, whichever is larger.
  expect(first).toBeLessThanOrEqual(Math.max(3 * median, median + 300));
}, 300000);
