import { loadConfig } from '../../src/config';
import { CommitCounter, commitCounterFor, publishCommitCounter } from '../../src/db/commit-counter';
import { connect } from '../../src/db/connect';
import { Database } from '../../src/db/database';
import { applySchema } from '../../src/db/schema';

/** The config a test file uses: the run's Neo4j (see global-setup.ts), no demo seed, no auth. */
export function testConfig(overrides: Record<string, string> = {}) {
  const uri = process.env.TEST_NEO4J_URI;
  if (!uri) throw new Error('TEST_NEO4J_URI is not set: run the tests through jest (globalSetup starts Neo4j)');
  const external = Boolean(process.env.NEO4J_URI);
  // The run's embedded server was started by jest's parent process: its counter is named in the environment.
  const counter = process.env.TEST_NEO4J_COMMIT_COUNTER;
  if (counter && !commitCounterFor(uri)) publishCommitCounter(uri, new CommitCounter(counter));
  return loadConfig({
    ...process.env,
    NEO4J_URI: uri,
    NEO4J_USER: external ? process.env.NEO4J_USER : 'neo4j',
    NEO4J_PASSWORD: external ? process.env.NEO4J_PASSWORD : '',
    SEED_DEMO: 'false',
    JWT_SECRET: '',
    LOG_LEVEL: 'silent',
    ...overrides,
  });
}

/** A driver on the run's Neo4j. Embedded runs have auth disabled, so basic auth with any password is accepted. */
export function testDatabase(): Database {
  return connect(testConfig());
}

/** Empties the database and applies the schema: each test file starts from nothing. */
export async function resetDatabase(db: Database): Promise<void> {
  await db.write('MATCH (n) DETACH DELETE n');
  // The deletion's own change record (the launcher's listener writes one) goes too.
  await db.write('MATCH (c:NetworkChange) DELETE c');
  await applySchema(db);
}
