import DataLoader from 'dataloader';
import { Database } from '../../db/database';
import { byKey, groupByKey } from '../common/loaders';
import { toHcp } from '../hcp/hcp.repository';
import { Keyed } from '../reference/reference.repository';
import { PublicationRepository } from './publication.repository';

const group = <T>(ids: readonly string[], rows: Keyed<T>[]): T[][] =>
  groupByKey(ids, rows, (row) => row.key).map((list) => list.map((row) => row.value));

/** Per-request loaders of an HCP's publications and a publication's authors. */
export function publicationLoaders(db: Database) {
  const repository = new PublicationRepository(db);
  return {
    byId: new DataLoader(async (ids: readonly string[]) => byKey(ids, await repository.byIds(ids), (p) => p.id)),
    ofHcp: new DataLoader(async (ids: readonly string[]) => group(ids, await repository.ofHcps(ids))),
    authors: new DataLoader(async (ids: readonly string[]) => group(ids, await repository.authorsOf(ids)).map((list) => list.map(toHcp))),
  };
}
