import fs from 'node:fs';
import { Database } from '../db/database';
import { EmbeddedNeo4j, startEmbeddedNeo4j, storeDirectory } from '../db/embedded';
import { SCHEMA_FILE, SchemaOptions, applySchema } from '../db/schema';
import { FULL_CHANGE, recordNetworkChange } from '../network/changes';
import { ImportStream } from '../db/import-stream';
import { BulkCounts, bulkTokens, streamBulkInput } from './bulk-input';
import { NetworkData } from './records';
import { ValidationProgress, noExistingIds, validateFolder } from './validate';

/**
 * The first load of an EMPTY embedded database, offline: the same validation as the
 * transactional import (an empty database resolves no reference, so every reference must be in
 * the folder), then the embedded server started with Neo4j's own importer building the store
 * first, in the same JVM, fed the records as a typed stream on its stdin (bulk-input.ts,
 * src/db/import-stream.ts: no CSV files written and parsed again; the importer works on the first
 * blocks while later ones are encoded). The JVM is spawned first and starts while the records are
 * validated; invalid records close it before it writes anything. The launcher creates the schema
 * (constraints and indexes, built from the loaded data) before the database answers; then
 * `finishBulkImport` waits for it and records a full network change (as the transactional import
 * does). The resulting graph is the transactional import's (test/import/bulk.test.ts compares the
 * exports byte for byte, and the schema).
 *
 * Only for a database that does not exist yet: the importer writes a new store and refuses an
 * existing one. Updates go through the transactional import (importer.ts).
 */

export interface BulkImportOptions {
  /** The embedded server's folder (NEO4J_DATA_DIR). */
  dataDir: string;
  /** Database name (NEO4J_DATABASE, default neo4j). */
  database: string;
  /** Heap of the embedded server's JVM, which runs the importer too (default 1g), and its page cache. */
  heap?: string;
  pageCacheMb?: number;
  /** Off-heap memory the importer may use, MB (default 1024). */
  offHeapMb?: number;
  onValidate?: ValidationProgress;
  log?: (line: string) => void;
}

export interface BulkImportSummary {
  nodes: number;
  relationships: number;
  validateMs: number;
  /** Neo4j's importer building the store, from the stream's start (its JVM started meanwhile, while the records were validated). */
  storeMs: number;
  /** The database's first start on the new store (its schema's creation not included). */
  startMs: number;
  /** The constraints and indexes created on the new store before it answered (the full-text and range indexes still populating). */
  schemaMs: number;
  totalMs: number;
}

/** The summary, and the embedded server serving the new store (the caller stops it). */
export interface BulkImport {
  summary: BulkImportSummary;
  server: EmbeddedNeo4j;
}

/** Where the server started on the new store listens. */
export interface ServeOptions {
  boltPort: number;
}

export class BulkImportError extends Error {}

/** The store folder a bulk import would create; it must not exist yet. */
export { storeDirectory };

/** Validates the CSV folder (every problem reported, nothing written), then builds the store offline and serves it (the import's JVM: see bulkImportAndServe). */
export async function bulkImportFolder(dir: string, options: BulkImportOptions & ServeOptions): Promise<BulkImport> {
  return buildAndServe(async () => (await validateFolder(dir, noExistingIds, options.onValidate)).data, options);
}

/** Builds the store from records that are valid by construction (the generator's); nothing left running. */
export async function bulkImportNetwork(data: NetworkData, options: BulkImportOptions): Promise<BulkImportSummary> {
  // Port 0: the database starts only because the importer runs in its JVM; nobody connects.
  const { summary, server } = await bulkImportAndServe(data, { ...options, boltPort: 0 });
  await server.stop();
  return summary;
}

/**
 * Builds the store from valid records and starts the embedded server on it: the import's JVM,
 * tuned for a short batch job (C1 only, see embedded.ts), to finish the import and stop.
 */
export async function bulkImportAndServe(data: NetworkData, options: BulkImportOptions & ServeOptions): Promise<BulkImport> {
  return buildAndServe(async () => data, options);
}

/**
 * The embedded server's JVM is started first and waits while `records` validates (or hands over)
 * the records and they are written as importer files: its start overlaps that work instead of
 * following it. Invalid records stop it before it writes anything.
 */
async function buildAndServe(records: () => Promise<NetworkData>, options: BulkImportOptions & ServeOptions): Promise<BulkImport> {
  requireNoDatabase(options);
  const started = Date.now();
  let validateMs = 0;
  let counts: BulkCounts | undefined;
  const server = await startEmbeddedNeo4j({
    dataDir: options.dataDir,
    boltPort: options.boltPort,
    heap: options.heap ?? '1g',
    pageCacheMb: options.pageCacheMb,
    importOffHeapMb: options.offHeapMb,
    importSchemaFile: SCHEMA_FILE,
    offlineImport: async (stdin) => {
      const data = await records();
      validateMs = Date.now() - started;
      counts = await streamBulkInput(data, new ImportStream(stdin, bulkTokens()));
    },
    log: options.log,
  });
  const storeMs = server.importMs ?? 0;
  const schemaMs = server.schemaMs ?? 0;
  const totalMs = Date.now() - started;
  const startMs = totalMs - validateMs - storeMs - schemaMs;
  const { nodes, relationships } = counts!;
  return { summary: { nodes, relationships, validateMs, storeMs, startMs, schemaMs, totalMs }, server };
}

/**
 * With the server started on the new store: its constraints and indexes online (the launcher
 * created them; applySchema creates any missing), and a full network change record. With
 * `fullText: 'background'` it resolves once every constraint and range index is online, the
 * full-text indexes possibly still populating (search waits for them: see SchemaOptions);
 * `awaitIndexes` resolves when they are online. A server stopped before that rebuilds them at its
 * next start.
 */
export async function finishBulkImport(db: Database, options: SchemaOptions = {}): Promise<void> {
  // Side by side: the record's first write on the new store overlaps the indexes' population.
  await Promise.all([applySchema(db, options), db.transaction((tx) => recordNetworkChange(tx, FULL_CHANGE))]);
}

function requireNoDatabase(options: BulkImportOptions): void {
  const store = storeDirectory(options.dataDir, options.database);
  if (fs.existsSync(store) && fs.readdirSync(store).length > 0) {
    throw new BulkImportError(
      `the database "${options.database}" already exists in ${options.dataDir}: the bulk import only loads a new, empty database ` +
        '(use the transactional import to update it, or point NEO4J_DATA_DIR to a new folder)',
    );
  }
}
