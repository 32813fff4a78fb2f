import DataLoader from 'dataloader';
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

const LOADING = Symbol('loading');

/**
 * A DataLoader whose primed values can also be read without a promise (`get`). A page that read
 * its rows' institutions, areas and links primes the loaders with them; the rows' fields then
 * answer synchronously instead of with a promise each (about 300 per page of 100 HCPs, each a
 * reaction and a microtask in the executor). `get` answers what `load` would: the first value
 * primed for a key, unless a load of that key came first (then the loaded value, through `load`).
 */
export class PrimedLoader<K, V, C = K> extends DataLoader<K, V, C> {
  private readonly known = new Map<C, V | typeof LOADING>();

  constructor(
    batch: DataLoader.BatchLoadFn<K, V>,
    private readonly keyOf: (key: K) => C,
  ) {
    super(batch, { cacheKeyFn: keyOf });
  }

  /** The value primed for `key`, else `load(key)`. */
  get(key: K): V | Promise<V> {
    const value = this.known.get(this.keyOf(key));
    return value === undefined || value === LOADING ? this.load(key) : value;
  }

  override load(key: K): Promise<V> {
    const cacheKey = this.keyOf(key);
    if (!this.known.has(cacheKey)) this.known.set(cacheKey, LOADING);
    return super.load(key);
  }

  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    const cacheKey = this.keyOf(key);
    // DataLoader keeps the first value of a key; a promise or an error only `load` can answer.
    const settled = value instanceof Error || typeof (value as PromiseLike<V> | null)?.then === 'function' ? LOADING : (value as V);
    if (!this.known.has(cacheKey)) this.known.set(cacheKey, settled);
    return super.prime(key, value);
  }

  override clear(key: K): this {
    this.known.delete(this.keyOf(key));
    return super.clear(key);
  }

  override clearAll(): this {
    this.known.clear();
    return super.clearAll();
  }
}
