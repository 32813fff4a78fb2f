import DataLoader from 'dataloader';
import { Database } from '../../db/database';
import { byKey } from '../common/loaders';
import { pageLoader } from '../common/keyed-page';
import { HcpParent, HcpRepository } from './hcp.repository';

/** Per-request loaders of HCPs: by id (null for an unknown id), and pages of an institution's / a territory's HCPs (by id). */
export function hcpLoaders(db: Database) {
  const repository = new HcpRepository(db);
  const byId = new DataLoader(async (ids: readonly string[]) => byKey(ids, await repository.byIds(ids), (hcp) => hcp.id));
  const primed = (parent: HcpParent) =>
    pageLoader(async (requests) => {
      const pages = await repository.pagesOf(parent, requests);
      for (const page of pages) for (const hcp of page.rows) byId.prime(hcp.id, hcp);
      return pages;
    });
  return { byId, ofInstitution: primed('Institution'), ofTerritory: primed('Territory') };
}
