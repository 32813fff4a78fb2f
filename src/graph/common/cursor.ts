import { ValidationError } from '../../errors';

/**
 * Keyset paging, shared by every connection. A cursor is the base64url of a row's sort key (its
 * position in the list's ordering, e.g. `[date, id]`), never an offset: it keeps pointing at the
 * same place when rows are added or removed elsewhere, and even when its own row is gone (the page
 * starts at the first row after where it was).
 */
export type SortKey = readonly (string | number)[];

/** What each part of a list's sort key is: a cursor of that list must carry exactly these. */
export type KeyKind = 'string' | 'number' | 'date' | 'datetime';

/** One part of a list's ordering: its kind and direction. */
export interface KeyPart {
  kind: KeyKind;
  desc?: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/;
const fits = (part: unknown, kind: KeyKind): boolean => {
  if (kind === 'number') return typeof part === 'number' && Number.isFinite(part);
  if (typeof part !== 'string') return false;
  if (kind === 'date') return ISO_DATE.test(part);
  if (kind === 'datetime') return ISO_DATETIME.test(part);
  return true;
};

/** The page a client asked for, normalized: exactly one of `first` / `last` is set. */
export interface PageWindow {
  first: number | null;
  last: number | null;
  /** Rows strictly after this key (the `after` cursor). */
  after: SortKey | null;
  /** An `after` cursor of the earlier offset form (`o:N`): rows from index N + 1 of the ordering. */
  afterOffset: number | null;
  /** Rows strictly before this key (the `before` cursor). */
  before: SortKey | null;
}

export interface PageArgsInput {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

const KEY_TAG = 'k';
/** Cursors issued before keyset paging: `o:<offset>`. Still accepted as `after`, read as an offset. */
const OFFSET_TAG = 'o:';

export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify([KEY_TAG, ...key]), 'utf8').toString('base64url');
}

type Decoded = { key: SortKey } | { offset: number };

/** The key (or, for an old cursor, the offset) a cursor points at; anything we did not issue is BAD_USER_INPUT. */
export function decodeCursor(cursor: string, field: string, kinds: readonly KeyKind[]): Decoded {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (text.startsWith(OFFSET_TAG)) {
    const offset = Number(text.slice(OFFSET_TAG.length));
    if (Number.isInteger(offset) && offset >= 0) return { offset };
  } else {
    try {
      const parts = JSON.parse(text) as unknown[];
      const [tag, ...key] = parts;
      if (tag === KEY_TAG && key.length === kinds.length && key.every((part, i) => fits(part, kinds[i]))) {
        return { key: key as SortKey };
      }
      // The audit trail's earlier cursors were keys already, untagged: still honoured.
      if (Array.isArray(parts) && parts.length === kinds.length && parts.every((part, i) => fits(part, kinds[i]))) {
        return { key: parts as SortKey };
      }
    } catch {
      // not JSON: reported below
    }
  }
  throw new ValidationError(field, 'is not a cursor this API issued for this list');
}

/**
 * Checks and normalizes `first`/`after`/`last`/`before`. `firstGiven` says whether the query wrote
 * `first` itself: its schema default (e.g. 20) must not cut a backward page `last: 5, before: X`.
 * Both written is BAD_USER_INPUT (Relay discourages it and no client needs it).
 */
export function pageWindow(
  args: PageArgsInput,
  options: { max: number; kinds: readonly KeyKind[]; defaultFirst: number; firstGiven: boolean },
): PageWindow {
  const { max, kinds } = options;
  const last = args.last ?? null;
  if (last !== null && options.firstGiven && args.first !== null && args.first !== undefined) {
    throw new ValidationError('last', 'give `first` or `last`, not both');
  }
  const first = last === null ? checkSize(args.first ?? options.defaultFirst, max, 'first') : null;
  if (last !== null) checkSize(last, max, 'last');
  let after: SortKey | null = null;
  let afterOffset: number | null = null;
  if (args.after) {
    const decoded = decodeCursor(args.after, 'after', kinds);
    if ('key' in decoded) after = decoded.key;
    else afterOffset = decoded.offset;
  }
  let before: SortKey | null = null;
  if (args.before) {
    const decoded = decodeCursor(args.before, 'before', kinds);
    // Offset cursors were only ever handed out for forward paging.
    if (!('key' in decoded)) throw new ValidationError('before', 'is not a cursor this API issued for this list');
    before = decoded.key;
  }
  if (afterOffset !== null && last !== null)
    throw new ValidationError('after', 'an offset cursor of an earlier version pages forward only (use `first`)');
  return { first, last, after, afterOffset, before };
}

/** A page size must be within 1..max; says so naming the argument. */
export function checkSize(size: number, max: number, field: string): number {
  if (!Number.isInteger(size) || size < 1 || size > max) throw new ValidationError(field, `must be between 1 and ${max}`);
  return size;
}

/** Compares two sort keys under an ordering: negative when `a` comes first. */
export function compareKeys(a: SortKey, b: SortKey, order: readonly KeyPart[]): number {
  for (let i = 0; i < order.length; i++) {
    const x = a[i];
    const y = b[i];
    const c = x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return order[i].desc ? -c : c;
  }
  return 0;
}

/**
 * Where a page starts and ends in a sorted list of `total` rows: `lo` = first row after `after`,
 * `hi` = first row at or past `before`; then `first` rows from `lo` or `last` rows up to `hi`.
 * The Cypher of keyed-page.ts computes the same, in the database.
 */
export function pageBounds(lo: number, hiBefore: number, window: PageWindow): { start: number; end: number } {
  const hi = Math.max(lo, hiBefore);
  if (window.last !== null) return { start: Math.max(lo, hi - window.last), end: hi };
  return { start: lo, end: Math.min(hi, lo + (window.first ?? 0)) };
}
