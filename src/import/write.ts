import neo4j, { Transaction } from 'neo4j-driver';
import { Database, Tx, toPlain } from '../db/database';
import { ServiceUnavailableError } from '../errors';
import { NetworkData } from './records';
import { WriteOptions, WriteSummary, Writer } from './writer';

export { DEFAULT_BATCH_SIZE } from './writer';
export type { WriteCounts, WriteOptions, WriteProgress, WriteSummary } from './writer';

/**
 * Writes validated records into Neo4j following the graph model of docs/domain.md, in ONE write
 * transaction (all or nothing), with UNWIND batches (the statements: write-statements.ts, built
 * from the format's declaration; the order and the bookkeeping: writer.ts).
 *
 * Idempotent, and cheap when little changed: for every node file the stored state of the
 * import's ids is read first (properties and references) and compared with the records, so
 * - new ids are CREATEd with their reference relationships (no MERGE cost),
 * - changed ids are updated: properties SET, and each reference given in the import replaces
 *   the previous one (an HCP that moves institution keeps one AFFILIATED_WITH; an empty
 *   reference removes it),
 * - unchanged ids are not written at all.
 * Relationship records (links, MSL relationships, authorships, investigators) whose endpoints
 * are both new in this import cannot exist yet and are CREATEd directly; the others are looked
 * up first (a symmetric link in both directions, so a link made by hand the other way is not
 * duplicated) and created only when absent, else their properties are updated.
 */

export const DEFAULT_WRITE_TIMEOUT_MS = 30 * 60 * 1000;

/** The import did not fit in one transaction with the database's memory settings. */
export class ImportTooLargeError extends Error {
  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(
      `the import is too large for one transaction with this Neo4j's memory settings (${detail}); nothing was written. ` +
        'Give Neo4j more heap (NEO4J_HEAP for the embedded server) and transaction memory ' +
        '(dbms.memory.transaction.total.max), or import the folder in parts (references may point to earlier imports).',
    );
    this.name = 'ImportTooLargeError';
  }
}

const MEMORY_ERRORS = [
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.OutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
];
const UNAVAILABLE = ['ServiceUnavailable', 'SessionExpired'];
const MAX_ATTEMPTS = 3;

/**
 * Writes the records in one transaction; returns counts per file.
 *
 * An explicit transaction (not the driver's managed retries): an import can run for minutes, a
 * transaction that ran out of memory must not be re-run, and its error must keep its meaning.
 * Transient conflicts (deadlocks with concurrent writers) are retried up to 3 times in all.
 */
export async function writeNetwork(db: Database, data: NetworkData, options: WriteOptions = {}): Promise<WriteSummary> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS;
  for (let attempt = 1; ; attempt++) {
    const session = db.driver.session({ database: db.name, defaultAccessMode: neo4j.session.WRITE });
    let tx: Transaction | undefined;
    try {
      tx = session.beginTransaction({ timeout: timeoutMs });
      const open = tx;
      const wrapped: Tx = {
        run: async <T>(cypher: string, params: Record<string, unknown> = {}) => {
          db.statements += 1;
          const result = await open.run(cypher, params);
          return result.records.map((record) => toPlain(record.toObject()) as T);
        },
      };
      const summary = await writeInTransaction(wrapped, data, options);
      await options.beforeCommit?.(wrapped, summary);
      const committing = Date.now();
      if (options.dryRun) await tx.rollback();
      else await tx.commit();
      summary.commitMs = Date.now() - committing;
      return summary;
    } catch (error) {
      if (tx?.isOpen()) await tx.rollback().catch(() => undefined);
      const code = (error as { code?: string }).code ?? '';
      if (MEMORY_ERRORS.includes(code)) throw new ImportTooLargeError(code, (error as Error).message);
      if (attempt < MAX_ATTEMPTS && neo4j.isRetryableError(error as Error) && !UNAVAILABLE.includes(code)) {
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
        continue;
      }
      if (UNAVAILABLE.includes(code)) {
        throw new ServiceUnavailableError(`the database is unavailable (${(error as Error).message}); the import was not committed`);
      }
      throw error;
    } finally {
      await session.close().catch(() => undefined);
    }
  }
}

/** The body of writeNetwork, for callers that already hold a transaction. */
export async function writeInTransaction(tx: Tx, data: NetworkData, options: WriteOptions = {}): Promise<WriteSummary> {
  return new Writer(tx, data, options).run();
}
