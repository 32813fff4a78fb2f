import DataLoader from 'dataloader';
import { Database } from '../../db/database';
import { groupByKey } from '../common/loaders';
import { InsightRepository } from './insight.repository';

/** Per-request loader of the insights of interactions. */
export function insightLoaders(db: Database) {
  const repository = new InsightRepository(db);
  return {
    ofInteraction: new DataLoader(async (ids: readonly string[]) =>
      groupByKey(ids, await repository.ofInteractions(ids), (row) => row.key).map((rows) => rows.map((row) => row.value)),
    ),
  };
}
