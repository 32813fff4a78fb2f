import neo4j, { Driver, ManagedTransaction, Session, isRetryableError } from 'neo4j-driver';
import { ServiceUnavailableError } from '../errors';
import { CommitCounter } from './commit-counter';
import { WriteBounds, WriteGate } from './write-gate';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** A unit of work inside one transaction: run statements, get plain rows back. */
export interface Tx {
  run<T = Row>(cypher: string, params?: Params): Promise<T[]>;
}

/** A statement and its parameters, for code that composes statements (see runTogether). */
export interface Statement {
  cypher: string;
  params: Params;
}

/**
 * Hands a write whose result nothing in the transaction reads to the end of the transaction, where
 * it runs in one statement with the others (runTogether): see runMutation.
 */
export type Defer = (statement: Statement) => void;

/**
 * Runs independent writes as one statement, each in its own unit subquery (so one part's rows
 * never repeat another's): one round trip and one plan instead of one per part. Their parameter
 * names must differ (each part keeps its own under one name, e.g. `$audit`). Null parts are skipped.
 * `tail` runs after them, in the same statement, and its rows are returned.
 */
export async function runTogether<T = Row>(tx: Tx, parts: readonly (Statement | null)[], tail?: Statement): Promise<T[]> {
  const present = parts.filter((part): part is Statement => part !== null);
  if (present.length === 0 && !tail) return [];
  const params: Params = {};
  for (const part of [...present, ...(tail ? [tail] : [])]) {
    for (const [name, value] of Object.entries(part.params)) {
      if (name in params) throw new Error(`runTogether: parameter $${name} is used by two parts`);
      params[name] = value;
    }
  }
  const cypher = [...present.map((part) => `CALL () {\n${part.cypher}\n}`), ...(tail ? [tail.cypher] : [])].join('\n');
  return tx.run<T>(cypher, params);
}

/**
 * The one door to Neo4j. Every statement is parameterized Cypher; rows come back as plain JS
 * values (integers as numbers, temporals as ISO strings, nodes as their properties).
 *
 * - `read`/`write` run one statement in its own transaction, routed to readers/the leader
 *   (so `neo4j://` clusters work unchanged) and retried by the driver on transient errors.
 *   A read first runs as an auto-commit transaction (BEGIN, RUN, PULL, COMMIT become RUN, PULL:
 *   one round trip instead of two); only if that fails with a retryable error is it rerun as a
 *   managed read transaction, with the driver's retries.
 * - `transaction` runs several statements atomically in one write transaction, retried as a
 *   whole: the work function must be safe to run again.
 * - Write transactions (`write`, `transaction`) pass the write gate: at most MAX_CONCURRENT_WRITES
 *   of this instance run at once (fewer, and paced, while queries come: write-gate.ts), the
 *   others wait in Node; reads never wait.
 * - A database that cannot be reached surfaces as ServiceUnavailableError.
 * - `statements` counts statements sent, so tests can prove there are no N+1 patterns.
 */
export class Database {
  statements = 0;
  readonly writeGate: WriteGate;

  constructor(
    readonly driver: Driver,
    readonly name: string,
    private readonly timeoutMs = 30000,
    writeBounds: Partial<WriteBounds> = {},
    /** The embedded server's count of the commits the network sync must notice, when this process started it (commit-counter.ts). */
    readonly commits?: CommitCounter,
  ) {
    this.writeGate = new WriteGate(writeBounds);
  }

  async read<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    try {
      return await this.autoCommitRead<T>(cypher, params);
    } catch (error) {
      if (!isRetryableError(error as Error)) throw translate(error);
      return this.session('READ', (tx) => tx.run<T>(cypher, params));
    }
  }

  /**
   * `read`, each row converted by `each` as its record arrives: for a large result the conversion
   * runs while the rest of it is still on its way, not after the last record. `each` must not
   * depend on the other rows (a retried statement converts them all again).
   */
  async readEach<T>(cypher: string, params: Params, each: (row: Row) => T): Promise<T[]> {
    try {
      return await this.autoCommitRead(cypher, params, each);
    } catch (error) {
      if (!isRetryableError(error as Error)) throw translate(error);
      return (await this.session('READ', (tx) => tx.run<Row>(cypher, params))).map(each);
    }
  }

  write<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.transaction((tx) => tx.run<T>(cypher, params));
  }

  /** `metadata`: the transaction's (Bolt txConfig), which the embedded launcher copies into its commit lines. */
  transaction<T>(work: (tx: Tx) => Promise<T>, metadata?: Record<string, string | number>): Promise<T> {
    return this.writeGate.run(() => this.session('WRITE', work, metadata));
  }

  readTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.session('READ', work);
  }

  /**
   * Streams the raw values of each record to `onRecord` as they arrive, without building row
   * objects: for reads of millions of rows (the network projection).
   */
  async stream(cypher: string, params: Params, onRecord: (values: unknown[]) => void): Promise<void> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
    this.statements += 1;
    try {
      // Auto-commit and not retried: a retry would replay records into `onRecord`.
      await new Promise<void>((resolve, reject) => {
        session.run(cypher, params, { timeout: this.timeoutMs }).subscribe({
          onNext: (record) => onRecord(record.map((value) => value)),
          onCompleted: () => resolve(),
          onError: reject,
        });
      });
    } catch (error) {
      throw translate(error);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /**
   * An opaque token that changes whenever any transaction commits on the database, whoever ran
   * it (API, import CLI, another instance, Cypher by hand): the bookmark a fresh read
   * transaction ends on. One cheap round trip; caches compare it to know they are stale.
   */
  async dataVersion(): Promise<string> {
    const versionAfter = async (work: (session: Session) => Promise<unknown>): Promise<string> => {
      const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
      try {
        await work(session);
        return session.lastBookmarks().join(',');
      } finally {
        await session.close().catch(() => undefined);
      }
    };
    try {
      // An auto-commit read ends on the same bookmark as a read transaction, in one round trip.
      return await versionAfter((session) => session.run('RETURN 1'));
    } catch (error) {
      if (!isRetryableError(error as Error)) throw translate(error);
      try {
        return await versionAfter((session) => session.executeRead((tx) => tx.run('RETURN 1')));
      } catch (retried) {
        throw translate(retried);
      }
    }
  }

  /** True when the database answers a trivial query. */
  async ping(): Promise<boolean> {
    try {
      await this.read('RETURN 1 AS ok');
      return true;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  /** One auto-commit statement in a fresh read session; rows as plain values, each converted by `each` as it arrives. */
  private async autoCommitRead<T>(cypher: string, params: Params, each?: (row: Row) => T): Promise<T[]> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
    this.statements += 1;
    try {
      const result = session.run(cypher, params, { timeout: this.timeoutMs });
      if (!each) return (await result).records.map((record) => toPlain(record.toObject()) as T);
      const rows: T[] = [];
      let failed: { error: unknown } | undefined;
      await new Promise<void>((resolve, reject) =>
        result.subscribe({
          onNext: (record) => {
            if (failed) return;
            try {
              rows.push(each(toPlain(record.toObject()) as Row));
            } catch (error) {
              failed = { error };
            }
          },
          onCompleted: () => (failed ? reject(failed.error) : resolve()),
          onError: reject,
        }),
      );
      return rows;
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  private async session<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>, metadata?: Record<string, string | number>): Promise<T> {
    const session = this.driver.session({
      database: this.name,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = { timeout: this.timeoutMs, ...(metadata && { metadata }) };
    const unit = (tx: ManagedTransaction) => work(this.wrap(tx));
    try {
      return mode === 'READ' ? await session.executeRead(unit, config) : await session.executeWrite(unit, config);
    } catch (error) {
      throw translate(error);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  private wrap(tx: ManagedTransaction): Tx {
    return {
      run: async <T>(cypher: string, params: Params = {}) => {
        this.statements += 1;
        const result = await tx.run(cypher, params);
        return result.records.map((record) => toPlain(record.toObject()) as T);
      },
    };
  }
}

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

function translate(error: unknown): unknown {
  const code = (error as { code?: string }).code ?? '';
  if (UNAVAILABLE.has(code) || code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) {
    return new ServiceUnavailableError('the database is unavailable; try again shortly');
  }
  if (isRetryableError(error as Error) && code !== '') {
    return new ServiceUnavailableError('the database is busy; try again shortly');
  }
  return error;
}

/**
 * Converts driver values (temporals, nodes, relationships, integers) to plain JSON-able values.
 * Lists and plain maps - what records hold, freshly decoded and owned by the caller - are
 * converted in place rather than copied: large results (thousands of maps) then cost no second
 * allocation of every object.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toPlain(value[i]);
    return value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    const row = value as Row;
    for (const key of Object.keys(row)) row[key] = toPlain(row[key]);
    return row;
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (isTemporal(value)) return String(value);
  if (value instanceof neo4j.types.Node || value instanceof neo4j.types.Relationship) {
    return toPlain(value.properties);
  }
  const out: Row = {};
  for (const [key, inner] of Object.entries(value)) out[key] = toPlain(inner);
  return out;
}

function isTemporal(value: object): boolean {
  return (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  );
}

/** An integer parameter (JS numbers are sent as floats, which SKIP/LIMIT and range() reject). */
export function int(value: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(value);
}
