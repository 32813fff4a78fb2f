import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RunningApp, startApp } from '../../src/app';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/db/embedded';
import { createLogger } from '../../src/logger';
import { testConfig } from '../support/db';
import { eventually, freePort } from '../support/ports';

/**
 * Outages on a Neo4j of this file's own (not the run's shared one): the API starts while the
 * database is down, serves /health, answers /ready 503 and queries SERVICE_UNAVAILABLE, and
 * recovers by itself when the database comes (back) up on the same port and data folder.
 */
jest.setTimeout(240000);

let port: number;
let dataDir: string;
let neo4j: EmbeddedNeo4j | undefined;
let app: RunningApp;
let base: string;

const startDb = () => startEmbeddedNeo4j({ dataDir, boltPort: port, heap: '512m', pageCacheMb: 64, log: () => undefined });

async function query(source: string): Promise<any> {
  const res = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: source }),
  });
  return res.json();
}
const status = async (route: string) => (await fetch(`${base}${route}`)).status;

beforeAll(async () => {
  port = await freePort();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-graph-outage-'));
  app = await startApp(testConfig({ PORT: '0', NEO4J_URI: `bolt://127.0.0.1:${port}` }), createLogger('silent'));
  base = app.url.replace(/\/graphql$/, '');
});

afterAll(async () => {
  await app?.stop();
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('starts and serves while the database is down, becomes ready when it comes up', async () => {
  expect(await status('/health')).toBe(200);
  expect(await status('/ready')).toBe(503);
  const down = await query('{ msls { id } }');
  expect(down.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
  expect(JSON.stringify(down)).not.toMatch(/bolt:|127\.0\.0\.1|ECONNREFUSED|stack/i);

  neo4j = await startDb();
  await app.prepared; // schema applied by the background retry loop
  await eventually(async () => (await status('/ready')) === 200, 30000);
  await app.services.db.write("CREATE (:MSL {id: 'msl-outage', firstName: 'O', lastName: 'Utage'})");
  expect((await query('{ msls { id } }')).data.msls).toEqual([{ id: 'msl-outage' }]);
});

it('database stops: /health 200, /ready 503, queries SERVICE_UNAVAILABLE; restarts: recovers by itself', async () => {
  await neo4j!.stop();
  neo4j = undefined;
  expect(await status('/health')).toBe(200);
  expect(await status('/ready')).toBe(503);
  const started = Date.now();
  const down = await query('{ msls { id name } }');
  const failMs = Date.now() - started;
  expect(down.errors.map((e: any) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
  expect(failMs).toBeLessThan(15000); // fails fast-ish: the driver's retry window, not a hang

  neo4j = await startDb(); // same port, same data folder
  const recoveredMs = await eventually(async () => (await status('/ready')) === 200, 30000);
  const up = await query('{ msls { id } }');
  expect(up.errors).toBeUndefined();
  expect(up.data.msls).toEqual([{ id: 'msl-outage' }]); // committed data survived the restart
  process.stdout.write(`outage: query failed after ${failMs} ms while down; ready ${recoveredMs} ms after the database was back\n`);
});
