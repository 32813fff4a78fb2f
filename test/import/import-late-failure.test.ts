import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '../../src/db/connect';
import { Database } from '../../src/db/database';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/db/embedded';
import { applySchema } from '../../src/db/schema';
import { generateNetwork } from '../../src/import/generate';
import { importNetwork } from '../../src/import/importer';
import { NetworkData } from '../../src/import/records';
import { ImportTooLargeError, writeNetwork } from '../../src/import/write';
import { testConfig } from '../support/db';
import { freePort } from '../support/ports';

/**
 * All or nothing when a large import fails LATE: when Neo4j refuses its commit for memory after
 * every row went into the transaction, and when anything throws after the last row. A server of
 * its own with a small transaction memory cap, so the refusal is real (the run's shared server
 * keeps its settings).
 */
jest.setTimeout(600000);

/**
 * Transaction memory of the server below, MB: the rows of a 5,000-HCP import fit (about 85 MB of
 * transaction state), its commit does not (its record commands take as much again).
 */
const TX_MEMORY_MB = 120;

let dataDir: string;
let neo4j: EmbeddedNeo4j | undefined;
let db: Database | undefined;
let data: NetworkData;

async function stored(): Promise<number> {
  const [row] = await db!.read<{ n: number }>('MATCH (n) WHERE NOT n:NetworkChange AND NOT n:AuditEvent RETURN count(n) AS n');
  const [rels] = await db!.read<{ n: number }>('MATCH ()-[r]->() RETURN count(r) AS n');
  return row.n + rels.n;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-graph-late-'));
  data = generateNetwork({ hcps: 5000, seed: 11 });
  neo4j = await startEmbeddedNeo4j({
    dataDir,
    boltPort: await freePort(),
    heap: '1g',
    pageCacheMb: 128,
    transactionMemoryMb: TX_MEMORY_MB,
    log: () => undefined,
  });
  db = connect(testConfig({ NEO4J_URI: neo4j.uri }));
  await applySchema(db);
});

afterAll(async () => {
  await db?.close();
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('Neo4j refusing the transaction at its commit, for memory: a clear error and nothing written', async () => {
  let written = 0;
  let total = 0;
  const error = await importNetwork(db!, data, {
    onProgress: (p) => {
      if (p.phase !== 'write') return;
      written = p.overallDone;
      total = p.overallTotal;
    },
  })
    .then(() => null)
    .catch((e: Error) => e);
  expect(error).toBeInstanceOf(ImportTooLargeError);
  expect(error!.message).toMatch(/too large for one transaction.*nothing was written.*NEO4J_HEAP/);
  // Every row went into the transaction: it was the commit that did not fit.
  expect(written).toBe(total);
  expect(await stored()).toBe(0);
});

it('a failure after the last row, just before the commit, leaves nothing written', async () => {
  const small = generateNetwork({ hcps: 1500, seed: 11 });
  let rows = 0;
  const error = await writeNetwork(db!, small, {
    beforeCommit: async (_tx, summary) => {
      for (const counts of Object.values(summary)) if (typeof counts === 'object') rows += counts.rows;
      throw new Error('failed after the last row');
    },
  })
    .then(() => null)
    .catch((e: Error) => e);
  expect(error?.message).toBe('failed after the last row');
  expect(rows).toBe(Object.values(small).reduce((sum, list) => sum + (Array.isArray(list) ? list.length : 0), 0));
  expect(await stored()).toBe(0);
});
