import { Database } from '../../db/database';

/** A factory of one concept's DataLoaders for one request (e.g. `hcpLoaders`). */
export type LoaderFactory<T> = (db: Database) => T;

/**
 * The per-request registry of DataLoaders. Each concept module exports a factory; the first use
 * in a request builds that concept's loaders, later uses in the same request share them (so
 * batching and caching span the whole request), and nothing survives the request.
 */
export class RequestLoaders {
  private readonly built = new Map<LoaderFactory<unknown>, unknown>();

  constructor(private readonly db: Database) {}

  get<T>(factory: LoaderFactory<T>): T {
    let loaders = this.built.get(factory) as T | undefined;
    if (loaders === undefined) {
      loaders = factory(this.db);
      this.built.set(factory, loaders);
    }
    return loaders;
  }

  /** Forgets every loader built so far: a mutation calls it after writing, so later fields read fresh data. */
  clear(): void {
    this.built.clear();
  }
}

/** Orders rows fetched for `keys` back into key order, `null` where a key had no row (DataLoader's contract). */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((key) => map.get(key) ?? null);
}

/** Groups rows fetched for `keys` into one list per key, `[]` where a key had none. */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return keys.map((key) => map.get(key) ?? []);
}
