import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../db/database';
import { runOfflineImport } from '../db/embedded';
import { applySchema } from '../db/schema';
import { FULL_CHANGE, recordNetworkChange } from '../network/changes';
import { writeBulkFiles } from './bulk-files';
import { NetworkData } from './records';
import { ValidationProgress, noExistingIds, validateFolder } from './validate';

/**
 * The first load of an EMPTY embedded database, offline: the same validation as the
 * transactional import (an empty database resolves no reference, so every reference must be in
 * the folder), then the records written as Neo4j importer files (bulk-files.ts) and the store
 * built by Neo4j's own importer before the server starts. Then, with the server up,
 * `finishBulkImport` applies the schema (constraints and indexes, built from the loaded data)
 * and records a full network change (as the transactional import does). The resulting graph is the transactional import's
 * (test/import/bulk.test.ts compares the exports byte for byte).
 *
 * Only for a database that does not exist yet: the importer writes a new store and refuses an
 * existing one. Updates go through the transactional import (importer.ts).
 */

export interface BulkImportOptions {
  /** The embedded server's folder (NEO4J_DATA_DIR). */
  dataDir: string;
  /** Database name (NEO4J_DATABASE, default neo4j). */
  database: string;
  /** Heap of the importer JVM (default 1g) and the off-heap memory it may use, MB (default 1024). */
  heap?: string;
  offHeapMb?: number;
  onValidate?: ValidationProgress;
  log?: (line: string) => void;
}

export interface BulkImportSummary {
  nodes: number;
  relationships: number;
  validateMs: number;
  /** Writing the importer's files. */
  filesMs: number;
  /** Neo4j's importer building the store. */
  storeMs: number;
  totalMs: number;
}

export class BulkImportError extends Error {}

/** The store folder a bulk import would create; it must not exist yet. */
export function storeDirectory(dataDir: string, database: string): string {
  return path.join(dataDir, 'data', 'databases', database);
}

/** Validates the CSV folder (every problem reported, nothing written), then builds the store offline. */
export async function bulkImportFolder(dir: string, options: BulkImportOptions): Promise<BulkImportSummary> {
  requireNoDatabase(options);
  const started = Date.now();
  const validated = await validateFolder(dir, noExistingIds, options.onValidate);
  const summary = await bulkImportNetwork(validated.data, options);
  return { ...summary, validateMs: Date.now() - started - summary.totalMs, totalMs: Date.now() - started };
}

/** Builds the store from records that are valid by construction (the generator's). */
export async function bulkImportNetwork(data: NetworkData, options: BulkImportOptions): Promise<BulkImportSummary> {
  requireNoDatabase(options);
  const started = Date.now();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-bulk-'));
  try {
    const files = writeBulkFiles(data, scratch);
    const filesMs = Date.now() - started;
    await runOfflineImport({
      dataDir: options.dataDir,
      database: options.database,
      files: files.args,
      multiline: files.multiline,
      heap: options.heap ?? '1g',
      offHeapMb: options.offHeapMb ?? 1024,
      reportFile: path.join(scratch, 'import.report'),
      log: options.log,
    });
    const totalMs = Date.now() - started;
    return { nodes: files.nodes, relationships: files.relationships, validateMs: 0, filesMs, storeMs: totalMs - filesMs, totalMs };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** With the server started on the new store: constraints and indexes, and a full network change record. */
export async function finishBulkImport(db: Database): Promise<void> {
  await applySchema(db);
  await db.transaction((tx) => recordNetworkChange(tx, FULL_CHANGE));
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
