import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '../../src/db/connect';
import { Database } from '../../src/db/database';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/db/embedded';
import { applySchema } from '../../src/db/schema';
import { writeNetworkCsv } from '../../src/import/export';
import { generateNetwork } from '../../src/import/generate';
import { importFolder } from '../../src/import/importer';
import { NetworkData } from '../../src/import/records';
import { testConfig } from '../support/db';
import { freePort } from '../support/ports';

/**
 * Nothing lost, nothing half-written: the database process is killed (SIGKILL, no shutdown) in the
 * middle of a large CSV import; after it restarts on the same data folder it holds none of the
 * import (the open transaction was never committed). Re-running the import then writes all of it.
 */
jest.setTimeout(600000);

let port: number;
let dataDir: string;
let csvDir: string;
let neo4j: EmbeddedNeo4j | undefined;
let db: Database | undefined;
let data: NetworkData;

const startDb = () => startEmbeddedNeo4j({ dataDir, boltPort: port, heap: '1g', pageCacheMb: 128, log: () => undefined });
const LABELS = ['Territory', 'TherapeuticArea', 'Institution', 'HCP', 'MSL', 'Interaction', 'Publication', 'ClinicalTrial'];

async function counts(database: Database): Promise<{ nodes: number; relationships: number }> {
  const [nodes] = await database.read<{ n: number }>('MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) RETURN count(n) AS n', {
    labels: LABELS,
  });
  const [rels] = await database.read<{ n: number }>('MATCH ()-[r]->() RETURN count(r) AS n');
  return { nodes: nodes.n, relationships: rels.n };
}

beforeAll(async () => {
  port = await freePort();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-graph-kill-'));
  csvDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-graph-kill-csv-'));
  data = generateNetwork({ hcps: 20000, seed: 9 });
  writeNetworkCsv(data, csvDir);
  neo4j = await startDb();
  db = connect(testConfig({ NEO4J_URI: neo4j.uri }));
  await applySchema(db);
});

afterAll(async () => {
  await db?.close();
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(csvDir, { recursive: true, force: true });
});

it('SIGKILL of the database mid-import leaves nothing of it; the re-run writes all of it', async () => {
  const expectedNodes =
    data.territories.length +
    data.therapeuticAreas.length +
    data.institutions.length +
    data.hcps.length +
    data.msls.length +
    data.interactions.length +
    data.publications.length +
    data.trials.length;
  let killedAt: { done: number; total: number } | undefined;
  const started = Date.now();
  const outcome = await importFolder(db!, csvDir, {
    batchSize: 2000,
    onProgress: (progress) => {
      if (killedAt || progress.phase !== 'write' || progress.overallDone < progress.overallTotal / 2) return;
      killedAt = { done: progress.overallDone, total: progress.overallTotal };
      process.kill(neo4j!.pid, 'SIGKILL');
    },
  }).then(
    () => 'completed',
    (error: Error) => `failed: ${error.constructor.name}: ${error.message}`,
  );
  expect(killedAt).toBeDefined();
  expect(outcome).toMatch(/^failed: ServiceUnavailableError/);
  const failedAfterMs = Date.now() - started;

  await db!.close();
  neo4j = await startDb(); // same port, same data folder: recovery from the transaction log
  db = connect(testConfig({ NEO4J_URI: neo4j.uri }));
  expect(await counts(db)).toEqual({ nodes: 0, relationships: 0 });

  const summary = await importFolder(db, csvDir);
  const after = await counts(db);
  expect(after.nodes).toBe(expectedNodes);
  expect(after.relationships).toBeGreaterThan(data.hcpLinks.length);
  expect(summary.created).toBeGreaterThan(0);
  process.stdout.write(
    `import-kill: killed at ${killedAt!.done}/${killedAt!.total} records, import failed after ${failedAfterMs} ms; after restart 0 nodes; re-run wrote ${after.nodes} nodes, ${after.relationships} relationships in ${summary.totalMs} ms\n`,
  );
});
