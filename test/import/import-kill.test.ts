import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '../../src/db/connect';
import { Database } from '../../src/db/database';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/db/embedded';
import { applySchema } from '../../src/db/schema';
import { writeNetworkCsv } from '../../src/import/export';
import { generateNetwork } from '../../src/import/generate';
import { importNetwork } from '../../src/import/importer';
import { projectRoot } from '../../src/paths';
import { testConfig } from '../support/db';
import { eventually, freePort } from '../support/ports';

/**
 * All or nothing when the import is killed while it writes: the importing process (SIGKILL: its
 * connection drops, Neo4j rolls the transaction back), and the database's own JVM (SIGKILL:
 * the restart recovers committed transactions only). Either way the data of the earlier import
 * is exactly as it was and nothing of the killed one is left, not even its change record or
 * audit event. A server of its own, since one test kills it. (test/security/import-kill.test.ts
 * kills the JVM during a first import into an empty database, then imports again.)
 */
jest.setTimeout(600000);

let dataDir: string;
let folder: string;
let neo4j: EmbeddedNeo4j | undefined;
let db: Database | undefined;
let before: string;

async function start(): Promise<void> {
  neo4j = await startEmbeddedNeo4j({ dataDir, boltPort: await freePort(), heap: '1g', pageCacheMb: 128, log: () => undefined });
  db = connect(testConfig({ NEO4J_URI: neo4j.uri }));
}

/** Every node by label and id with its properties, and every relationship with its ends and properties. */
async function everything(): Promise<string> {
  const nodes = await db!.read<{ row: string }>(
    'MATCH (n) WITH n ORDER BY labels(n)[0], n.id RETURN labels(n)[0] + ":" + coalesce(n.id, "") + ":" + toString(size(keys(n))) AS row',
  );
  const props = await db!.read<{ row: string }>(
    'MATCH (h:HCP) WITH h ORDER BY h.id RETURN h.id + "|" + h.lastName + "|" + coalesce(h.email, "") + "|" + h.specialty AS row',
  );
  const rels = await db!.read<{ row: string }>(
    // Weights summed as integers: a sum of floats may differ in its last digit with the order of the rows.
    'MATCH ()-[r]->() WITH type(r) AS type, count(*) AS n, sum(toInteger(round(coalesce(r.weight, 0) * 1000))) AS weights ' +
      'RETURN type + ":" + toString(n) + ":" + toString(weights) AS row ORDER BY row',
  );
  return JSON.stringify([nodes, props, rels].map((rows) => rows.map((r) => r.row)));
}

/** The import CLI on `folder`, against the test's server. */
function importProcess(): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(projectRoot, 'src/import/cli.ts'), '--dir', folder], {
    cwd: projectRoot,
    env: { ...process.env, NEO4J_URI: neo4j!.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '', LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
}

/** Waits until the import's transaction is creating HCP links: well into its writes, long before its commit. */
async function writingLinks(child: ChildProcess): Promise<void> {
  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`the import ended (exit ${child.exitCode}) before it was caught writing links`);
      const running = await db!.read<{ query: string }>('SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery AS query');
      return running.some((t) => /CREATE \(a\)-\[:(COAUTHOR|CO_INVESTIGATOR|COLLEAGUE|MENTOR|REFERRAL) /.test(t.query ?? ''));
    },
    120000,
    50,
  );
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-graph-kill-'));
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-graph-kill-csv-'));
  // The killed import updates every HCP of the earlier one (same ids, other names) and adds more.
  writeNetworkCsv(generateNetwork({ hcps: 4000, seed: 8 }), folder);
  await start();
  await applySchema(db!);
  await importNetwork(db!, generateNetwork({ hcps: 300, seed: 7 }));
  before = await everything();
});

afterAll(async () => {
  await db?.close();
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(folder, { recursive: true, force: true });
});

it('the importing process killed while it writes: the earlier data as it was, nothing of the import', async () => {
  const child = importProcess();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await writingLinks(child);
  child.kill('SIGKILL');
  await exited;
  // Neo4j notices the dropped connection and rolls the transaction back.
  await eventually(async () => (await db!.read('SHOW TRANSACTIONS')).length <= 1, 60000);
  expect(await everything()).toBe(before);
});

it("the database's JVM killed while the import writes: after the restart, the earlier data as it was", async () => {
  const child = importProcess();
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await writingLinks(child);
  process.kill(neo4j!.pid, 'SIGKILL');
  // The import fails: the database went away (exit 2, "nothing was written").
  expect(await exited).toBe(2);
  await db!.close().catch(() => undefined);
  await neo4j!.stop();
  await start();
  expect(await everything()).toBe(before);
});
