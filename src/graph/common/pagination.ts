import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { ValidationError } from '../../errors';

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

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

/** Builds the Relay connection and edge types of one node type: `HCPConnection`, `HCPEdge`. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field({ description: 'Opaque; pass as `after`.' })
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

const CURSOR_PREFIX = 'o:';

/** Cursors are opaque to clients: base64 of the offset of the item in a stable ordering. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

/** The offset to start after `after`; 0 for no cursor. A cursor we did not issue is BAD_USER_INPUT. */
export function decodeCursor(after: string | null | undefined, field = 'after'): number {
  if (after === null || after === undefined || after === '') return 0;
  const text = Buffer.from(after, 'base64url').toString('utf8');
  const offset = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isInteger(offset) || offset < 0) {
    throw new ValidationError(field, 'is not a cursor this API issued');
  }
  return offset + 1;
}

/** `first` must be within 1..max; says so naming the argument. */
export function checkFirst(first: number, max: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > max) throw new ValidationError(field, `must be between 1 and ${max}`);
  return first;
}

/** Wraps one fetched page (fetched with `first + 1` rows to learn whether more follow) as a connection. */
export function toPage<T>(rows: T[], totalCount: number, start: number, first: number): Page<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(start + i), node }));
  return {
    totalCount,
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}
