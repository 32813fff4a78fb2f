import { Database } from '../../db/database';
import { PrimedLoader } from '../common/loaders';
import { HcpLink } from './link.type';
import { LinkRepository, LinksRequest, linksCacheKey } from './link.repository';

/**
 * Per-request loader of HCP links: every `links(types, first)` at one query level in one statement.
 * A page of HCPs that read its rows' links primes it (hcp.resolver.ts).
 */
export function linkLoaders(db: Database) {
  const repository = new LinkRepository(db);
  return {
    of: new PrimedLoader<LinksRequest, HcpLink[], string>(async (requests) => {
      const found = new Map((await repository.linksOf(requests)).map((row) => [row.key, row.links]));
      return requests.map((r) => found.get(linksCacheKey(r)) ?? []);
    }, linksCacheKey),
  };
}
