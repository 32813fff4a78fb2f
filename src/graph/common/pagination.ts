import { GraphQLResolveInfo } from 'graphql';
import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { KeyPart, PageWindow, SortKey, checkSize, compareKeys, encodeCursor, pageBounds, pageWindow } from './cursor';
import { argumentGiven } from './lookahead';

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'True when rows follow the last edge of this page (in the ordering of the list).' })
  hasNextPage!: boolean;

  @Field({ description: 'True when rows precede the first edge of this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The first edge’s cursor: pass as `before` for the previous page; null on an empty page.',
  })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page; null on an empty page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  totalCount: number;
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** `first`/`after`/`last`/`before` of a connection field (Relay Cursor Connections). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: 20,
    description: 'At most this many rows after `after` (default 20 unless `last` is given).',
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor: rows after it.' })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'At most this many rows before `before` (the end of the list without it); not with `first`.',
  })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor: rows before it.' })
  before?: string | null;
}

/** The normalized window of a connection field's arguments (see cursor.ts), for a list ordered by `order`. */
export function windowOf(args: PageArgs, info: GraphQLResolveInfo, max: number, order: readonly KeyPart[], defaultFirst = 20): PageWindow {
  return pageWindow(args, { max, kinds: order.map((part) => part.kind), defaultFirst, firstGiven: argumentGiven(info, 'first') });
}

/** Builds the Relay connection and edge types of one node type: `HCPConnection`, `HCPEdge`. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field({ description: 'Opaque; pass as `after` or `before`.' })
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionType {
    @Field(() => Int, { description: 'Number of items matching, over all pages.' })
    totalCount!: number;

    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/** A page from its rows, their sort keys and whether rows precede / follow it. */
export function connectionOf<T>(
  rows: readonly T[],
  keys: readonly SortKey[],
  totalCount: number,
  hasPreviousPage: boolean,
  hasNextPage: boolean,
): Page<T> {
  const edges = rows.map((node, i) => ({ cursor: encodeCursor(keys[i]), node }));
  return {
    totalCount,
    edges,
    pageInfo: { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
  };
}

/** The page of rows `start..` of a sorted list of `total` rows. */
export function slicedConnection<T>(rows: readonly T[], keys: readonly SortKey[], start: number, total: number): Page<T> {
  return connectionOf(rows, keys, total, start > 0, start + rows.length < total);
}

/**
 * A page of a list in memory (an HCP's links, a community's members...), sorted by `keyOf` under
 * `order`: the same cursors and bounds as the lists paged in the database.
 */
export function pageOfList<T>(list: readonly T[], keyOf: (item: T) => SortKey, order: readonly KeyPart[], window: PageWindow): Page<T> {
  const sorted = list.map((item) => ({ item, key: keyOf(item) })).sort((a, b) => compareKeys(a.key, b.key, order));
  const items = sorted.map((entry) => entry.item);
  const keys = sorted.map((entry) => entry.key);
  const countWhile = (test: (key: SortKey) => boolean) => {
    let n = 0;
    while (n < keys.length && test(keys[n])) n++;
    return n;
  };
  const after = window.after;
  const before = window.before;
  const lo = after ? countWhile((key) => compareKeys(key, after, order) <= 0) : window.afterOffset !== null ? window.afterOffset + 1 : 0;
  const hi = before ? countWhile((key) => compareKeys(key, before, order) < 0) : keys.length;
  const { start, end } = pageBounds(lo, hi, window);
  return slicedConnection(items.slice(start, end), keys.slice(start, end), start, items.length);
}

/** `first` of a plain list (top-N lists, not connections) must be within 1..max. */
export function checkFirst(first: number, max: number, field = 'first'): number {
  return checkSize(first, max, field);
}
