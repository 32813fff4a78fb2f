import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedNeo4j } from '../../src/db/embedded';
import { freePort } from './ports';

/**
 * Starts one real Neo4j for the whole jest run (unless NEO4J_URI points at one) on a free port
 * with a fresh data folder, and hands its address to the test files as TEST_NEO4J_URI.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.NEO4J_URI) {
    process.env.TEST_NEO4J_URI = process.env.NEO4J_URI;
    return;
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-graph-test-'));
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    boltPort: port,
    heap: process.env.NEO4J_HEAP || '2g',
    pageCacheMb: 256,
    log: () => undefined,
  });
  process.env.TEST_NEO4J_URI = neo4j.uri;
  process.env.TEST_NEO4J_BOLT_PORT = String(port);
  // Test files (other processes) read the server's commit counter too: their syncs skip probes as the API's would.
  process.env.TEST_NEO4J_COMMIT_COUNTER = neo4j.commits.file;
  (globalThis as Record<string, unknown>).__MSL_NEO4J__ = { neo4j, dataDir };
}
