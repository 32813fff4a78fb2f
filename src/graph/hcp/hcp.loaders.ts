import DataLoader from 'dataloader';
import { Database } from '../../db/database';
import { byKey } from '../common/loaders';
import { HcpRepository } from './hcp.repository';

/** Per-request loaders of HCPs by id (null for an unknown id). */
export function hcpLoaders(db: Database) {
  const repository = new HcpRepository(db);
  return {
    byId: new DataLoader(async (ids: readonly string[]) => byKey(ids, await repository.byIds(ids), (hcp) => hcp.id)),
  };
}
