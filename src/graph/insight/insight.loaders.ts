import DataLoader from 'dataloader';
import { Database } from '../../db/database';
import { byKey, groupByKey } from '../common/loaders';
import { InsightRepository } from './insight.repository';

/** Per-request loaders of insights: by id, and the insights of interactions. */
export function insightLoaders(db: Database) {
  const repository = new InsightRepository(db);
  return {
    byId: new DataLoader(async (ids: readonly string[]) => byKey(ids, await repository.byIds(ids), (s) => s.id)),
    ofInteraction: new DataLoader(async (ids: readonly string[]) =>
      groupByKey(ids, await repository.ofInteractions(ids), (row) => row.key).map((rows) => rows.map((row) => row.value)),
    ),
  };
}
