import DataLoader from 'dataloader';
import { GraphQLResolveInfo } from 'graphql';
import { int } from '../../db/database';
import { KeyPart, PageWindow, SortKey } from './cursor';
import { Page, PageArgs, slicedConnection, windowOf } from './pagination';

/** One page of the children of one parent (`key`). */
export interface PageRequest {
  key: string;
  window: PageWindow;
}

/** What a repository returns for a PageRequest: the rows of the page, their sort keys, where the page starts and the count over all pages. */
export interface KeyedPage<T> {
  token: string;
  rows: T[];
  keys: SortKey[];
  start: number;
  total: number;
}

/**
 * One part of a list's ordering in Cypher, over the row variable `x`: `value` is what is compared
 * (e.g. `x.date`), `cursor` the JSON-safe form a cursor carries (default: `value`), `fromCursor` turns
 * that back into a comparable (e.g. `date(c)`).
 */
export interface SortPart extends KeyPart {
  value: (x: string) => string;
  cursor?: (x: string) => string;
  fromCursor?: (c: string) => string;
}

export const byId: SortPart[] = [{ kind: 'string', value: (x) => `${x}.id` }];

/**
 * Cypher: does row `x` come before (or after) the sort key `c` (a cursor's key, a list) in the
 * ordering, or sit at it with `inclusive`?
 */
export function comparedToKey(
  sort: readonly SortPart[],
  x: string,
  c: string,
  side: 'before' | 'after',
  inclusive: boolean,
  i = 0,
): string {
  const part = sort[i];
  const value = part.value(x);
  const bound = part.fromCursor ? part.fromCursor(`${c}[${i}]`) : `${c}[${i}]`;
  const operator = (side === 'before') !== Boolean(part.desc) ? '<' : '>';
  if (i === sort.length - 1) return `${value} ${operator}${inclusive ? '=' : ''} ${bound}`;
  return `(${value} ${operator} ${bound} OR (${value} = ${bound} AND ${comparedToKey(sort, x, c, side, inclusive, i + 1)}))`;
}

/** Cypher: the sort key of row `x`, as cursors carry it. */
export const keyOf = (sort: readonly SortPart[], x: string): string => `[${sort.map((part) => (part.cursor ?? part.value)(x)).join(', ')}]`;

/**
 * Cypher that pages the sorted list `found` for the request `r` (see `requestParams`): binds `total`,
 * `start` and `page` (the rows) and `keys` (their sort keys). Mirrors `pageBounds` of cursor.ts.
 */
export function windowClause(sort: readonly SortPart[]): string {
  return `
  WITH r, found, size(found) AS total
  WITH r, found, total,
    CASE WHEN r.after IS NOT NULL THEN size([x IN found WHERE ${comparedToKey(sort, 'x', 'r.after', 'before', true)}])
         WHEN r.afterOffset IS NOT NULL THEN r.afterOffset + 1 ELSE 0 END AS lo,
    CASE WHEN r.before IS NOT NULL THEN size([x IN found WHERE ${comparedToKey(sort, 'x', 'r.before', 'before', false)}]) ELSE size(found) END AS hiBefore
  WITH r, found, total, lo, CASE WHEN hiBefore < lo THEN lo ELSE hiBefore END AS hi
  WITH r, found, total,
    CASE WHEN r.last IS NULL THEN lo WHEN hi - r.last > lo THEN hi - r.last ELSE lo END AS pageStart,
    CASE WHEN r.last IS NOT NULL THEN hi WHEN lo + r.first < hi THEN lo + r.first ELSE hi END AS pageEnd
  WITH r, total, pageStart AS start, found[pageStart..pageEnd] AS page
  WITH r, total, start, page, [x IN page | ${keyOf(sort, 'x')}] AS keys`;
}

/**
 * The end of a page statement: one record per element of the list `page` (bound to `x` for
 * `project`, with its key from the list `keys`), carrying the page-level variables `carry`; an
 * empty page gives one record with rowIndex -1. Not one record holding the whole page: the driver
 * decodes a record spanning many Bolt chunks through a slow path (each string re-assembled across
 * the chunk list), which cost more CPU than executing the GraphQL query for a page of 100 HCPs
 * with their links (docs/performance.md).
 */
export function recordPerRow(page: string, carry: readonly string[], project: (x: string) => string): string {
  const carried = carry.join(', ');
  return `
  UNWIND CASE WHEN size(${page}) = 0 THEN [-1] ELSE range(0, size(${page}) - 1) END AS rowIndex
  WITH ${carried}, keys, rowIndex, ${page}[rowIndex] AS x
  RETURN ${carried}, rowIndex,
    CASE WHEN rowIndex >= 0 THEN keys[rowIndex] END AS key, CASE WHEN rowIndex >= 0 THEN ${project('x')} END AS row`;
}

/** A record of `recordPerRow`, with the page-level values `P`. */
export type RowRecord<R, P> = P & { rowIndex: number; key: SortKey; row: R };

/** A record of `recordPerRow` with its row mapped (the empty page's record has none). */
export function mappedRow<R, T, P>(record: RowRecord<R, P>, map: (row: R) => T): RowRecord<T, P> {
  return { ...record, row: record.rowIndex >= 0 ? map(record.row) : (null as T) };
}

/** The rows and keys of `recordPerRow`'s records, placed by their index whatever order the records come in. */
export function placeRows<R, T>(records: readonly { rowIndex: number; key: SortKey; row: R }[], map: (row: R) => T) {
  const rows: T[] = [];
  const keys: SortKey[] = [];
  for (const record of records) {
    if (record.rowIndex < 0) continue;
    rows[record.rowIndex] = map(record.row);
    keys[record.rowIndex] = record.key;
  }
  return { rows, keys };
}

/** A window as Cypher parameters (integers, so they can slice lists). */
export function windowParams(window: PageWindow) {
  const optionalInt = (n: number | null) => (n === null ? null : int(n));
  return {
    after: window.after,
    afterOffset: optionalInt(window.afterOffset),
    before: window.before,
    first: optionalInt(window.first),
    last: optionalInt(window.last),
  };
}

const tokenOf = (request: PageRequest): string => JSON.stringify([request.key, request.window]);

/** The requests as Cypher parameters: `r.key`, `r.token` (echoed back) and the window. */
export function requestParams(requests: readonly PageRequest[]) {
  return requests.map((r) => ({ key: r.key, token: tokenOf(r), ...windowParams(r.window) }));
}

/**
 * The statement paging the children of many parents at once: `match` binds `x` to the children of
 * parent `r.key`, `project` maps a row `x` to what the repository reads.
 */
export function pagesStatement(match: string, sort: readonly SortPart[], project: (x: string) => string): string {
  const orderBy = sort.map((part) => `${part.value('x')}${part.desc ? ' DESC' : ''}`).join(', ');
  return `
  UNWIND $requests AS r
  CALL (r) { MATCH ${match} WITH x ORDER BY ${orderBy} RETURN collect(x) AS found }
  ${windowClause(sort)}
  RETURN r.token AS token, total, start, keys, [x IN page | ${project('x')}] AS rows`;
}

/**
 * A DataLoader of per-parent pages: every page requested at one level of a query (any parents,
 * any page arguments) is fetched by ONE call of `fetch`.
 */
export function pageLoader<T>(fetch: (requests: readonly PageRequest[]) => Promise<KeyedPage<T>[]>) {
  return new DataLoader<PageRequest, Page<T>, string>(
    async (requests) => {
      const pages = new Map((await fetch(requests)).map((page) => [page.token, page]));
      return requests.map((r) => {
        const page = pages.get(tokenOf(r));
        return page ? slicedConnection(page.rows, page.keys, page.start, page.total) : slicedConnection([], [], 0, 0);
      });
    },
    { cacheKeyFn: tokenOf },
  );
}

/** Resolves a connection field of parent `key` through a page loader of a list sorted by `sort`. */
export function loadPage<T>(
  loader: DataLoader<PageRequest, Page<T>, string>,
  key: string,
  sort: readonly SortPart[],
  args: PageArgs,
  info: GraphQLResolveInfo,
  max: number,
): Promise<Page<T>> {
  return loader.load({ key, window: windowOf(args, info, max, sort) });
}
