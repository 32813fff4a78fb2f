import DataLoader from 'dataloader';
import { Database } from '../../db/database';
import { byKey } from '../common/loaders';
import { pageLoader } from '../common/keyed-page';
import { InteractionRepository } from './interaction.repository';

/** Per-request loaders of interactions: by id, and pages of an HCP's / an MSL's (newest first). */
export function interactionLoaders(db: Database) {
  const repository = new InteractionRepository(db);
  return {
    byId: new DataLoader(async (ids: readonly string[]) => byKey(ids, await repository.byIds(ids), (i) => i.id)),
    ofHcp: pageLoader((requests) => repository.pagesOfHcps(requests)),
    ofMsl: pageLoader((requests) => repository.pagesOfMsls(requests)),
  };
}
