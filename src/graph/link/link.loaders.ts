import DataLoader from 'dataloader';
import { Database } from '../../db/database';
import { HcpLink } from './link.type';
import { LinkRepository, LinksRequest, linksCacheKey } from './link.repository';

/** Per-request loader of HCP links: every `links(types, first)` at one query level in one statement. */
export function linkLoaders(db: Database) {
  const repository = new LinkRepository(db);
  return {
    of: new DataLoader<LinksRequest, HcpLink[], string>(
      async (requests) => {
        const found = new Map((await repository.linksOf(requests)).map((row) => [row.key, row.links]));
        return requests.map((r) => found.get(linksCacheKey(r)) ?? []);
      },
      { cacheKeyFn: linksCacheKey },
    ),
  };
}
