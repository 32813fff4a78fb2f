import DataLoader from 'dataloader';
import { Database } from '../../db/database';
import { byKey } from '../common/loaders';
import { MslRepository } from './msl.repository';

/** Per-request loaders of MSLs by id (null for an unknown id). */
export function mslLoaders(db: Database) {
  const repository = new MslRepository(db);
  return {
    byId: new DataLoader(async (ids: readonly string[]) => byKey(ids, await repository.byIds(ids), (msl) => msl.id)),
  };
}
