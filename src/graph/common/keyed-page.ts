import DataLoader from 'dataloader';
import { int } from '../../db/database';
import { Page, checkFirst, decodeCursor, toPage } from './pagination';

/** One page of the children of one parent (`key`): rows `skip..skip+limit` of a stable ordering. */
export interface PageRequest {
  key: string;
  skip: number;
  limit: number;
}

/** What a repository returns for a PageRequest: the rows of the page and the count over all pages. */
export interface KeyedPage<T> {
  key: string;
  skip: number;
  limit: number;
  rows: T[];
  total: number;
}

const cacheKey = (request: PageRequest): string => JSON.stringify([request.key, request.skip, request.limit]);

/** The requests as Cypher parameters (integers, so they can slice lists). */
export function pageParams(requests: readonly PageRequest[]) {
  return requests.map((r) => ({ key: r.key, skip: int(r.skip), limit: int(r.limit) }));
}

/**
 * A DataLoader of per-parent pages: every page requested at one level of a query (any parents,
 * any page arguments) is fetched by ONE call of `fetch`.
 */
export function pageLoader<T>(fetch: (requests: readonly PageRequest[]) => Promise<KeyedPage<T>[]>) {
  return new DataLoader<PageRequest, KeyedPage<T>, string>(
    async (requests) => {
      const pages = new Map((await fetch(requests)).map((page) => [cacheKey(page), page]));
      return requests.map((r) => pages.get(cacheKey(r)) ?? { ...r, rows: [], total: 0 });
    },
    { cacheKeyFn: cacheKey },
  );
}

/** Resolves a `(first, after)` connection field through a page loader (fetching one extra row to learn hasNextPage). */
export async function loadPage<T>(
  loader: DataLoader<PageRequest, KeyedPage<T>, string>,
  key: string,
  first: number | null | undefined,
  after: string | null | undefined,
  maxFirst: number,
): Promise<Page<T>> {
  const size = checkFirst(first ?? 20, maxFirst);
  const start = decodeCursor(after);
  const page = await loader.load({ key, skip: start, limit: size + 1 });
  return toPage(page.rows, page.total, start, size);
}
