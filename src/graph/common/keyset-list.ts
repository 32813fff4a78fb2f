import { Database, int } from '../../db/database';
import { PageWindow } from './cursor';
import { RowRecord, SortPart, comparedToKey, keyOf, mappedRow, placeRows, recordPerRow } from './keyed-page';
import { Page, connectionOf } from './pagination';

/**
 * A top-level list (all HCPs, insights, audit events) read one page at a time straight from an
 * index in the list's order: rows after the `after` key (or before the `before` key, read
 * backwards for `last`), never skipping over earlier rows. `pattern` binds `x`; `conditions` are
 * the filters (ANDed).
 */
export interface KeysetList {
  pattern: string;
  conditions: readonly string[];
  sort: readonly SortPart[];
  /** The map each row `x` becomes. */
  project: (x: string) => string;
}

function statement(list: KeysetList, window: PageWindow, count: boolean): string {
  const { pattern, sort } = list;
  const where = (extra: string[]) => {
    const all = [...list.conditions, ...extra];
    return all.length > 0 ? `WHERE ${all.join(' AND ')}` : '';
  };
  const exists = (condition: string) => `EXISTS { MATCH ${pattern} ${where([condition])} }`;
  const bounds: string[] = [];
  if (window.after) bounds.push(comparedToKey(sort, 'x', '$after', 'after', false));
  if (window.before) bounds.push(comparedToKey(sort, 'x', '$before', 'before', false));
  const backward = window.last !== null;
  const order = sort.map((part) => `${part.value('x')}${Boolean(part.desc) !== backward ? ' DESC' : ''}`).join(', ');
  const skip = window.afterOffset !== null ? 'SKIP $skip ' : '';
  const previousOfEmpty = window.after
    ? exists(comparedToKey(sort, 'x', '$after', 'before', true))
    : window.afterOffset !== null
      ? 'total > 0'
      : 'false';
  const nextOfEmpty = window.before ? exists(comparedToKey(sort, 'x', '$before', 'after', true)) : 'false';
  // Counting every row matching the filters reads the whole index range: only when asked for
  // (totalCount), or when a position cursor's page may be empty (previousOfEmpty reads it).
  const total =
    count || window.afterOffset !== null ? `CALL { MATCH ${pattern} ${where([])} RETURN count(x) AS total }` : 'WITH 0 AS total';
  return `
  ${total}
  CALL { MATCH ${pattern} ${where(bounds)} WITH x ORDER BY ${order} ${skip}LIMIT $limit RETURN collect(x) AS found }
  WITH total, ${backward ? 'reverse(found)' : 'found'} AS page
  WITH total, page, [x IN page | ${keyOf(sort, 'x')}] AS keys
  WITH total, page, keys,
    CASE WHEN size(page) = 0 THEN ${previousOfEmpty} ELSE ${exists(comparedToKey(sort, 'x', 'keys[0]', 'before', false))} END AS hasPrevious,
    CASE WHEN size(page) = 0 THEN ${nextOfEmpty} ELSE ${exists(comparedToKey(sort, 'x', 'keys[-1]', 'after', false))} END AS hasNext
  ${recordPerRow('page', ['total', 'hasPrevious', 'hasNext'], list.project)}`;
}

/**
 * One page of a keyset list; `params` are the filters' parameters. Without `count` the page's
 * totalCount is 0 (for callers whose query does not select it).
 */
export async function readKeysetPage<R, T>(
  db: Database,
  list: KeysetList,
  window: PageWindow,
  params: Record<string, unknown>,
  map: (row: R) => T,
  count = true,
): Promise<Page<T>> {
  const records = await db.readEach(
    statement(list, window, count),
    {
      ...params,
      after: window.after,
      before: window.before,
      skip: int(window.afterOffset === null ? 0 : window.afterOffset + 1),
      limit: int(window.first ?? window.last ?? 0),
    },
    // Each row is mapped as its record arrives, while the rest of the page is on its way.
    (record) => mappedRow(record as RowRecord<R, { total: number; hasPrevious: boolean; hasNext: boolean }>, map),
  );
  const [{ total, hasPrevious, hasNext }] = records;
  const { rows, keys } = placeRows(records, (row) => row);
  return connectionOf(rows, keys, total, hasPrevious, hasNext);
}
